//! Hashtags and mentions end to end: typed into an app, linked in the content, listed in the
//! status, notified, found through the tag timeline, the tag page and search, changed by an
//! edit; streamed to hashtag subscribers; received from Mastodon; sent to mentioned people
//! elsewhere.

use allmende::service::groups;
use allmende::service::remote::RemoteActorKind;
use reqwest::StatusCode;
use serde_json::{Value, json};

use futures_util::SinkExt;
use tokio_tungstenite::tungstenite::Message;

use crate::api_streaming::{next_event, open};
use crate::api_support::Api;
use crate::common::{TestApp, count_rows};
use crate::groups::group;
use crate::on_both_backends;
use crate::outbound::{drain, new_bodies, remote_actor};
use crate::peer::Peer;
use crate::sink::Sink;

const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

fn ids(statuses: &Value) -> Vec<String> {
    statuses
        .as_array()
        .expect("a list")
        .iter()
        .map(|s| s["id"].as_str().unwrap_or_default().to_owned())
        .collect()
}

fn tag_names(status: &Value) -> Vec<String> {
    status["tags"]
        .as_array()
        .expect("tags")
        .iter()
        .map(|t| t["name"].as_str().unwrap_or_default().to_owned())
        .collect()
}

fn mention_accts(status: &Value) -> Vec<String> {
    status["mentions"]
        .as_array()
        .expect("mentions")
        .iter()
        .map(|m| m["acct"].as_str().unwrap_or_default().to_owned())
        .collect()
}

async fn post_status(api: &Api<'_>, text: &str) -> Value {
    let response = api.post_form("/api/v1/statuses", &[("status", text)]).await;
    assert_eq!(response.status(), StatusCode::OK, "posting {text:?}");
    response.json().await.expect("status JSON")
}

pub async fn hashtags_and_mentions_from_an_app(app: TestApp) {
    let ana_user = app.create_user("ana").await;
    app.create_user("bob").await;
    groups::create_group(&app.ctx, ana_user.id, group("energy", "discussion")).await.expect("group");
    let ana = Api::for_user(&app, "ana").await;
    let bob = Api::for_user(&app, "bob").await;

    let thread = post_status(
        &ana,
        "@energy Heat pumps in schools\n\nWho knows more? #Energy #HeatPumps, ask @bob and @nobody; not `#code`",
    )
    .await;
    let thread_id = thread["id"].as_str().expect("id").to_owned();
    assert_eq!(tag_names(&thread), ["energy", "heatpumps"]);
    assert_eq!(thread["tags"][0]["url"], "http://localhost/tags/energy");
    assert_eq!(mention_accts(&thread), ["energy", "bob"], "the group, then the person");
    let content = thread["content"].as_str().expect("content");
    assert!(
        content.contains(r#"<a href="http://localhost/tags/energy" class="mention hashtag" rel="tag nofollow noopener noreferrer">#<span>Energy</span></a>"#),
        "{content}"
    );
    assert!(
        content.contains(r#"<span class="h-card"><a href="http://localhost/u/bob" class="u-url mention" rel="nofollow noopener noreferrer">@<span>bob</span></a></span>"#),
        "{content}"
    );
    assert!(content.contains("@nobody") && !content.contains("/u/nobody"), "unknown handles stay text");
    assert!(content.contains("<code>#code</code>"), "{content}");

    // Bob hears of it once.
    let notified = bob.get_json("/api/v1/notifications").await;
    assert_eq!(notified.as_array().map(Vec::len), Some(1), "{notified}");
    assert_eq!(notified[0]["type"], "mention");
    assert_eq!(notified[0]["status"]["id"], thread_id.as_str());

    let own = post_status(&bob, "Solar at home #Solar #energy").await;
    let own_id = own["id"].as_str().expect("id").to_owned();

    // The tag timeline, newest first, with any / all / none and origin.
    let timeline = |query: &'static str| {
        let bob = &bob;
        async move { bob.get_json(&format!("/api/v1/timelines/tag/{query}")).await }
    };
    assert_eq!(ids(&timeline("energy").await), [own_id.as_str(), thread_id.as_str()]);
    assert_eq!(ids(&timeline("Energy?all[]=solar").await), [own_id.as_str()]);
    assert_eq!(ids(&timeline("energy?none[]=solar").await), [thread_id.as_str()]);
    assert_eq!(ids(&timeline("solar?any[]=heatpumps").await), [own_id.as_str(), thread_id.as_str()]);
    assert_eq!(ids(&timeline("solar?all[]=heatpumps").await), Vec::<String>::new());
    assert_eq!(ids(&timeline("energy?local=true").await).len(), 2);
    assert_eq!(ids(&timeline("energy?remote=true").await).len(), 0);
    assert_eq!(ids(&timeline("energy?only_media=true").await).len(), 0);
    assert_eq!(ids(&timeline("nothing").await).len(), 0);
    let first_page = bob.get("/api/v1/timelines/tag/energy?limit=1").await;
    let link = first_page.headers().get("link").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert!(link.contains(&format!("/api/v1/timelines/tag/energy?limit=1&max_id={own_id}")), "{link}");
    let next = bob.get_json(&format!("/api/v1/timelines/tag/energy?limit=1&max_id={own_id}")).await;
    assert_eq!(ids(&next), [thread_id.as_str()]);
    let newer = bob.get_json(&format!("/api/v1/timelines/tag/energy?min_id={thread_id}")).await;
    assert_eq!(ids(&newer), [own_id.as_str()]);

    // The hashtag itself, and search by prefix.
    let tag = bob.get_json("/api/v1/tags/Energy").await;
    assert_eq!(
        tag,
        json!({"id": "energy", "name": "energy", "url": "http://localhost/tags/energy", "history": [], "following": false})
    );
    assert_eq!(bob.get("/api/v1/tags/123").await.status(), StatusCode::NOT_FOUND);
    let found = bob.get_json("/api/v2/search?q=%23HEAT&type=hashtags").await;
    assert_eq!(
        found["hashtags"],
        json!([{"id": "heatpumps", "name": "heatpumps", "url": "http://localhost/tags/heatpumps", "history": [], "following": false}])
    );
    assert_eq!(found["accounts"], json!([]));
    let everything = bob.get_json("/api/v2/search?q=e").await;
    let names: Vec<&str> =
        everything["hashtags"].as_array().expect("list").iter().filter_map(|t| t["name"].as_str()).collect();
    assert_eq!(names, ["energy"], "prefix match, not substring");
    for wildcard in ["%25", "_", "%5C"] {
        let none = bob.get_json(&format!("/api/v2/search?q={wildcard}&type=hashtags")).await;
        assert_eq!(none["hashtags"], json!([]), "{wildcard} is no wildcard");
    }

    // The tag page on the web.
    let (status, page) = app.get_html("/tags/Energy").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("#energy"), "{page}");
    assert!(page.contains("Solar at home") && page.contains("Heat pumps in schools"), "{page}");
    assert!(page.find("Solar at home") < page.find("Who knows more"), "newest first");
    assert_eq!(app.get_html("/tags/123").await.0, StatusCode::NOT_FOUND);
    let (_, thread_page) = app.get_html(&format!("/t/{thread_id}")).await;
    assert!(thread_page.contains(r#"href="http://localhost/tags/heatpumps""#), "tags link to their page");

    // An edit drops a hashtag; Bob, still mentioned, is not told again.
    let edited = app
        .client
        .put(app.url(&format!("/api/v1/statuses/{thread_id}")))
        .bearer_auth(&ana.token)
        .form(&[("status", "Heat pumps in schools\n\nWho knows more? #Energy, ask @bob")])
        .send()
        .await
        .expect("PUT");
    assert_eq!(edited.status(), StatusCode::OK);
    let edited: Value = edited.json().await.expect("JSON");
    assert_eq!(tag_names(&edited), ["energy"]);
    assert_eq!(ids(&timeline("heatpumps").await).len(), 0);
    assert_eq!(bob.get_json("/api/v1/notifications").await.as_array().map(Vec::len), Some(1));

    // A deleted post leaves its hashtags.
    let deleted = app
        .client
        .delete(app.url(&format!("/api/v1/statuses/{own_id}")))
        .bearer_auth(&bob.token)
        .send()
        .await
        .expect("DELETE");
    assert_eq!(deleted.status(), StatusCode::OK);
    assert_eq!(ids(&timeline("solar").await).len(), 0);
    assert_eq!(count_rows(&app, "post_hashtags").await, 1);
}

/// A real Mastodon `Note` (tests/fixtures/mastodon/objects/note_1.json), moved to the fake
/// peer, mentioning our `bob`, with Mastodon's hashtag markup and `Hashtag` tags.
fn mastodon_note(peer: &Peer, zoe: &str, n: u32) -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mastodon/objects/note_1.json");
    let mut note: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("fixture JSON");
    let id = peer.url(&format!("/users/zoe/statuses/{n}"));
    let object = note.as_object_mut().expect("an object");
    for key in
        ["@context", "inReplyTo", "inReplyToAtomUri", "atomUri", "replies", "contentMap", "conversation"]
    {
        object.remove(key);
    }
    note["id"] = json!(id);
    note["url"] = json!(id);
    note["attributedTo"] = json!(zoe);
    note["to"] = json!([PUBLIC]);
    note["cc"] = json!([format!("{zoe}/followers"), "http://localhost/u/bob"]);
    note["content"] = json!(format!(
        "<p><span class=\"h-card\"><a href=\"http://localhost/@bob\" class=\"u-url mention\">@<span>bob</span></a></span> \
         have you seen <a href=\"{}/tags/klimaanpassung\" class=\"mention hashtag\" rel=\"tag\">#<span>Klimaanpassung</span></a> \
         and <a href=\"{}/tags/energy\" class=\"mention hashtag\" rel=\"tag\">#<span>Energy</span></a>?</p>",
        peer.base_url, peer.base_url
    ));
    note["tag"] = json!([
        {"type": "Mention", "href": "http://localhost/u/bob", "name": "@bob@localhost"},
        {"type": "Hashtag", "href": peer.url("/tags/klimaanpassung"), "name": "#Klimaanpassung"},
        {"type": "Hashtag", "href": peer.url("/tags/energy"), "name": "#Energy"},
        {"type": "Hashtag", "href": peer.url("/tags/bad"), "name": "#not a tag"},
        {"type": "Emoji", "name": ":blobcat:", "icon": {"type": "Image", "url": peer.url("/blobcat.png")}}
    ]);
    note
}

pub async fn a_mastodon_note_with_hashtags_and_mentions(app: TestApp) {
    app.create_user("bob").await;
    let bob = Api::for_user(&app, "bob").await;
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let note = mastodon_note(&peer, &zoe, 1);
    let create = json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url("/activities/1"),
        "type": "Create", "actor": zoe, "to": [PUBLIC], "object": note});
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &create).await, StatusCode::ACCEPTED);
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &create).await, StatusCode::ACCEPTED, "a duplicate");

    // Kept although nobody follows zoe: it mentions bob, who is told once.
    let notified = bob.get_json("/api/v1/notifications").await;
    assert_eq!(notified.as_array().map(Vec::len), Some(1), "{notified}");
    assert_eq!(notified[0]["type"], "mention");
    let status = &notified[0]["status"];
    assert_eq!(tag_names(status), ["energy", "klimaanpassung"]);
    assert_eq!(mention_accts(status), ["bob"]);
    assert!(
        status["content"].as_str().unwrap_or_default().contains(&format!("{}/tags/energy", peer.base_url)),
        "remote markup keeps its own links"
    );
    let remote = bob.get_json("/api/v1/timelines/tag/klimaanpassung?remote=true").await;
    assert_eq!(ids(&remote), [status["id"].as_str().unwrap_or_default().to_owned()]);
    assert_eq!(ids(&bob.get_json("/api/v1/timelines/tag/klimaanpassung?local=true").await).len(), 0);

    // An Update changes the hashtags; bob is not told again.
    let mut updated = mastodon_note(&peer, &zoe, 1);
    updated["tag"] = json!([
        {"type": "Mention", "href": "http://localhost/u/bob", "name": "@bob@localhost"},
        {"type": "Hashtag", "href": peer.url("/tags/energy"), "name": "#Energy"}
    ]);
    updated["updated"] = json!("2026-01-02T03:04:05Z");
    let update = json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url("/activities/2"),
        "type": "Update", "actor": zoe, "to": [PUBLIC], "object": updated});
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &update).await, StatusCode::ACCEPTED);
    assert_eq!(ids(&bob.get_json("/api/v1/timelines/tag/klimaanpassung").await).len(), 0);
    assert_eq!(ids(&bob.get_json("/api/v1/timelines/tag/energy").await).len(), 1);
    assert_eq!(bob.get_json("/api/v1/notifications").await.as_array().map(Vec::len), Some(1));

    // A post that mentions no one here and is in no group stays away.
    let mut stranger = mastodon_note(&peer, &zoe, 2);
    stranger["tag"] = json!([{"type": "Hashtag", "href": peer.url("/tags/energy"), "name": "#Energy"}]);
    stranger["cc"] = json!([]);
    let create = json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url("/activities/3"),
        "type": "Create", "actor": zoe, "to": [PUBLIC], "object": stranger});
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &create).await, StatusCode::ACCEPTED);
    assert_eq!(count_rows(&app, "posts").await, 1);
}

pub async fn mentioned_people_elsewhere_receive_the_post(app: TestApp) {
    let sink = Sink::start().await;
    app.create_user("ana").await;
    remote_actor(&app, &sink, RemoteActorKind::Person, "users", "zoe", "/users/zoe/inbox", Some("/inbox"))
        .await;
    let ana = Api::for_user(&app, "ana").await;
    let handle = format!("@zoe@{}", sink.host());
    let posted = post_status(&ana, &format!("Thoughts on #Energy, {handle}?")).await;
    let zoe_url = format!("{}/users/zoe", sink.base_url);
    assert_eq!(mention_accts(&posted), [format!("zoe@{}", sink.host())]);
    assert!(posted["content"].as_str().unwrap_or_default().contains(&format!("href=\"{zoe_url}\"")));
    drain(&app).await;
    let got = new_bodies(&sink, 0);
    let create =
        got.iter().find(|body| body["type"] == "Create").unwrap_or_else(|| panic!("a Create: {got:?}"));
    let object = &create["object"];
    assert!(object["cc"].as_array().expect("cc").contains(&json!(zoe_url)), "{object}");
    assert_eq!(
        object["tag"],
        json!([
            {"type": "Hashtag", "href": "http://localhost/tags/energy", "name": "#energy"},
            {"type": "Mention", "href": zoe_url, "name": format!("@zoe@{}", sink.host())}
        ])
    );
    let received = sink.received();
    assert!(received.iter().any(|r| r.uri.path() == "/inbox"), "delivered to zoe's shared inbox");
}

pub async fn hashtag_streams_carry_new_posts_with_the_tag(app: TestApp) {
    app.create_user("ana").await;
    let ana = Api::for_user(&app, "ana").await;
    let mut by_query = open(&app, &format!("access_token={}&stream=hashtag&tag=Energy", ana.token)).await;
    let mut by_message = open(&app, &format!("access_token={}", ana.token)).await;
    by_message
        .send(Message::Text(
            json!({"type": "subscribe", "stream": "hashtag:local", "tag": "solar"}).to_string().into(),
        ))
        .await
        .expect("subscribe");
    // Give the subscription message a poll to arrive before posting.
    tokio::time::sleep(std::time::Duration::from_millis(1200)).await;
    post_status(&ana, "Nothing tagged here").await;
    let tagged = post_status(&ana, "Panels on the town hall #Solar #energy").await;
    let event = next_event(&mut by_query, "hashtag", "update").await;
    assert_eq!(event["stream"], json!(["hashtag", "energy"]));
    let status: Value = serde_json::from_str(event["payload"].as_str().expect("a string")).expect("JSON");
    assert_eq!(status["id"], tagged["id"], "the untagged post is not sent");
    let event = next_event(&mut by_message, "hashtag:local", "update").await;
    assert_eq!(event["stream"], json!(["hashtag:local", "solar"]));
    let status: Value = serde_json::from_str(event["payload"].as_str().expect("a string")).expect("JSON");
    assert_eq!(status["id"], tagged["id"]);
}

on_both_backends!(
    hashtag_streams_carry_new_posts_with_the_tag,
    hashtags_and_mentions_from_an_app,
    a_mastodon_note_with_hashtags_and_mentions,
    mentioned_people_elsewhere_receive_the_post,
);
