//! People from elsewhere and moving accounts (issue 15): remote profile pages found through
//! WebFinger, following people from their profile, their posts in the web home timeline, and
//! `Move` with `alsoKnownAs` both ways, through the real routes.

use allmende::domain::ActorId;
use allmende::service::remote::RemoteActorKind;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::api_support::Api;
use crate::common::{TestApp, location};
use crate::on_both_backends;
use crate::outbound::{drain, remote_actor};
use crate::peer::Peer;
use crate::sink::Sink;

const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";
const ACTIVITY_JSON: &str = "application/activity+json";

fn host_of(peer: &Peer) -> String {
    peer.base_url.trim_start_matches("http://").to_owned()
}

/// Answers WebFinger on `peer` for `name` with `actor` (the fake peer serves one JRD).
fn webfinger(peer: &Peer, name: &str, actor: &str) {
    peer.publish(
        &peer.url("/.well-known/webfinger"),
        json!({"subject": format!("acct:{name}@{}", host_of(peer)),
               "links": [{"rel": "self", "type": ACTIVITY_JSON, "href": actor}]}),
    );
}

/// The peer takes deliveries to `actor`'s inbox (answers 200).
fn accept_deliveries(peer: &Peer, actor: &str) {
    peer.publish(&format!("{actor}/inbox"), json!({}));
}

async fn actor_id(app: &TestApp, ap_id: &str) -> ActorId {
    allmende::service::remote::known_actor(&app.ctx, ap_id).await.expect("db").expect("known actor").0
}

async fn follow_state(app: &TestApp, follower: ActorId, followed: ActorId) -> Option<String> {
    let mut conn = app.ctx.db.acquire().await.expect("connection");
    allmende::db::remote_profiles::get_follow_state(&mut conn.conn(), follower.0, followed.0)
        .await
        .expect("db")
}

async fn follow_id(app: &TestApp, follower: ActorId, followed: ActorId) -> i64 {
    let mut conn = app.ctx.db.acquire().await.expect("connection");
    allmende::db::follows::get_follow_id(&mut conn.conn(), follower.0, followed.0)
        .await
        .expect("db")
        .expect("a follow")
}

/// `actor` (on `peer`) accepts `follower`'s follow, as Mastodon does for open accounts.
async fn accept(app: &TestApp, peer: &Peer, actor: &str, follower: ActorId, n: u32) {
    let id = follow_id(app, follower, actor_id(app, actor).await).await;
    let accept = json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url(&format!("/accepts/{n}")),
        "type": "Accept", "actor": actor, "object": app.state.uris.activity("follow", id)});
    assert_eq!(peer.deliver(actor, &app.url("/inbox"), &accept).await, StatusCode::ACCEPTED);
}

fn note(peer: &Peer, n: u32, author: &str, text: &str) -> Value {
    json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url(&format!("/activities/{n}")),
        "type": "Create", "actor": author, "to": [PUBLIC],
        "object": {"id": peer.url(&format!("/statuses/{n}")), "type": "Note", "attributedTo": author,
            "content": format!("<p>{text}</p>"), "to": [PUBLIC], "cc": [format!("{author}/followers")],
            "published": "2026-01-02T03:04:05Z"}})
}

pub async fn a_member_finds_and_follows_a_remote_person_from_their_profile(app: TestApp) {
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let mut document = peer.document(&zoe).expect("zoe's document");
    document["summary"] = json!("<p>Cargo bikes and <script>x</script>rain</p>");
    document["icon"] = json!({"type": "Image", "url": "https://media.example/zoe.png"});
    peer.publish(&zoe, document);
    webfinger(&peer, "zoe", &zoe);
    accept_deliveries(&peer, &zoe);
    let host = host_of(&peer);
    let profile = format!("/u/zoe@{host}");

    // Nobody signed in: an unknown handle is not looked up on their behalf.
    let (status, _) = app.get_html(&profile).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(peer.fetch_count(), 0, "no WebFinger for anonymous visitors");

    let ana = app.signed_in_user("ana").await;
    let (status, page) = app.get_html(&profile).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains("<h1>zoe elsewhere</h1>"), "{page}");
    assert!(page.contains(&format!("account on {host}")), "{page}");
    assert!(page.contains(&format!(r#"href="{zoe}""#)), "links their home profile: {page}");
    assert!(page.contains(r#"src="https://media.example/zoe.png""#), "{page}");
    assert!(page.contains("Cargo bikes and") && !page.contains("<script>"), "{page}");
    assert!(page.contains(&format!(r#"action="{profile}/follow""#)), "{page}");
    assert!(page.contains(r#"name="csrf_token""#), "{page}");

    // A form without a CSRF token is refused; with one, a Follow goes out and waits.
    let refused = app.client.post(app.url(&format!("{profile}/follow"))).send().await.expect("POST");
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let followed = app.post_form(&format!("{profile}/follow"), &[]).await;
    assert_eq!(followed.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&followed), profile);
    let zoe_id = actor_id(&app, &zoe).await;
    assert_eq!(follow_state(&app, ana.id, zoe_id).await.as_deref(), Some("pending"));
    let (_, page) = app.get_html(&profile).await;
    assert!(page.contains(r#"id="follow-pending""#), "{page}");
    assert!(page.contains(&format!(r#"action="{profile}/unfollow""#)), "{page}");

    accept(&app, &peer, &zoe, ana.id, 1).await;
    assert_eq!(follow_state(&app, ana.id, zoe_id).await.as_deref(), Some("accepted"));
    let (_, page) = app.get_html(&profile).await;
    assert!(!page.contains(r#"id="follow-pending""#) && page.contains(">Unfollow</button>"), "{page}");

    // Her public posts reach ana's home timeline on the web, and her profile.
    let delivered =
        peer.deliver(&zoe, &app.url("/inbox"), &note(&peer, 1, &zoe, "Cycled to work in the snow")).await;
    assert_eq!(delivered, StatusCode::ACCEPTED);
    let (status, home) = app.get_html("/feed/home").await;
    assert_eq!(status, StatusCode::OK);
    assert!(home.contains("Cycled to work in the snow"), "{home}");
    assert!(
        home.contains(&format!(r#"<a href="{profile}">zoe elsewhere</a>"#)),
        "links her profile here: {home}"
    );
    let (_, page) = app.get_html(&profile).await;
    assert!(page.contains("Cycled to work in the snow"), "{page}");

    // The same handle again is read from what is stored: no second WebFinger.
    let fetched = peer.fetch_count();
    app.get_html(&profile).await;
    assert_eq!(peer.fetch_count(), fetched);

    let unfollowed = app.post_form(&format!("{profile}/unfollow"), &[]).await;
    assert_eq!(unfollowed.status(), StatusCode::SEE_OTHER);
    assert_eq!(follow_state(&app, ana.id, zoe_id).await, None);

    // Handles nobody answers for are a plain 404, never an error page.
    for missing in ["/u/nobody@unreachable.invalid", "/u/a@b@c", "/u/zoe@"] {
        let (status, _) = app.get_html(missing).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{missing}");
    }
    let response = app.post_form("/u/nobody@unreachable.invalid/follow", &[]).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    // `name@our-host` is the local page.
    let own = app.get(&format!("/u/ana@{}", app.state.uris.host())).await;
    assert_eq!(location(&own), "/u/ana");
}

pub async fn following_a_local_person_from_the_web_fills_the_home_timeline(app: TestApp) {
    app.create_user("ana").await;
    let bob = app.signed_in_user("bob").await;
    let (_, page) = app.get_html("/u/ana").await;
    assert!(page.contains(r#"action="/u/ana/follow""#), "{page}");
    let (_, own) = app.get_html("/u/bob").await;
    assert!(!own.contains("/u/bob/follow"), "no follow button on one's own page");

    assert_eq!(app.post_form("/u/ana/follow", &[]).await.status(), StatusCode::SEE_OTHER);
    let ana_id = allmende::service::remote::local_actor_id(&app.ctx, "person", "ana").await.unwrap().unwrap();
    assert_eq!(follow_state(&app, bob.id, ana_id).await.as_deref(), Some("accepted"));

    let ana = Api::for_user(&app, "ana").await;
    let posted = ana.post_form("/api/v1/statuses", &[("status", "Tomatoes are ripe")]).await;
    assert_eq!(posted.status(), StatusCode::OK);
    let (_, home) = app.get_html("/feed/home").await;
    assert!(home.contains("Tomatoes are ripe"), "{home}");
    let (_, feed) = app.get_html("/feed").await;
    assert!(feed.contains(r#"href="/feed/home""#), "the feed links the home timeline: {feed}");

    assert_eq!(app.post_form("/u/ana/unfollow", &[]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(follow_state(&app, bob.id, ana_id).await, None);
    let (_, home) = app.get_html("/feed/home").await;
    assert!(!home.contains("Tomatoes are ripe"), "{home}");
}

/// The Mastodon `Move` fixture, moving `origin` to `target`.
fn mastodon_move(origin: &str, target: &str) -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mastodon/activities/move.json");
    let text = std::fs::read_to_string(path).expect("fixture");
    let mut activity: Value = serde_json::from_str(&text).expect("JSON");
    activity["id"] = json!(format!("{origin}#moves/1"));
    activity["actor"] = json!(origin);
    activity["object"] = json!(origin);
    activity["target"] = json!(target);
    activity
}

pub async fn local_followers_follow_a_remote_person_who_moved(app: TestApp) {
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let zed = peer.add_actor("zed", "Person");
    let imp = peer.add_actor("imp", "Person");
    accept_deliveries(&peer, &zoe);
    accept_deliveries(&peer, &zed);
    let bob = app.create_user("bob").await;
    let cai = app.create_user("cai").await;
    let hello = json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url("/follows/0"),
        "type": "Follow", "actor": zoe, "object": app.state.uris.absolute("/u/bob")});
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &hello).await, StatusCode::ACCEPTED);
    let zoe_id = actor_id(&app, &zoe).await;
    for (n, member) in [(1, &bob), (2, &cai)] {
        allmende::service::follows::follow_actor(&app.ctx, member, zoe_id).await.expect("follow");
        accept(&app, &peer, &zoe, member.id, n).await;
    }

    // A Move to an account that does not claim zoe changes nothing.
    let refused = peer.deliver(&zoe, &app.url("/inbox"), &mastodon_move(&zoe, &zed)).await;
    assert_eq!(refused, StatusCode::FORBIDDEN);
    assert_eq!(follow_state(&app, bob.id, zoe_id).await.as_deref(), Some("accepted"));
    // Nor does someone else's Move of zoe, even to an account that claims her.
    let mut claiming = peer.document(&zed).expect("zed");
    claiming["alsoKnownAs"] = json!([zoe]);
    peer.publish(&zed, claiming);
    let mut forged = mastodon_move(&zoe, &zed);
    forged["actor"] = json!(imp);
    assert_eq!(peer.deliver(&imp, &app.url("/inbox"), &forged).await, StatusCode::FORBIDDEN);
    assert_eq!(follow_state(&app, bob.id, zoe_id).await.as_deref(), Some("accepted"));

    // zed lists zoe in alsoKnownAs: her followers here follow zed instead.
    let moved = peer.deliver(&zoe, &app.url("/inbox"), &mastodon_move(&zoe, &zed)).await;
    assert_eq!(moved, StatusCode::ACCEPTED);
    let zed_id = actor_id(&app, &zed).await;
    for member in [&bob, &cai] {
        assert_eq!(follow_state(&app, member.id, zoe_id).await, None, "unfollowed the old account");
        assert_eq!(follow_state(&app, member.id, zed_id).await.as_deref(), Some("pending"));
    }
    // The same Move again hands over nobody twice.
    let again = peer.deliver(&zoe, &app.url("/inbox"), &mastodon_move(&zoe, &zed)).await;
    assert_eq!(again, StatusCode::ACCEPTED);
    let mut conn = app.ctx.db.acquire().await.expect("connection");
    let followers =
        allmende::db::account_moves::list_local_followers(&mut conn.conn(), zed_id.0).await.unwrap();
    assert_eq!(followers, vec![bob.id.0, cai.id.0]);
    drop(conn);

    // Her profile says where she went, and offers no follow button any more.
    app.sign_in("bob").await;
    let host = host_of(&peer);
    let (_, page) = app.get_html(&format!("/u/zoe@{host}")).await;
    assert!(page.contains(r#"id="moved-notice""#), "{page}");
    assert!(page.contains(&format!(r#"<a href="/u/zed@{host}">@zed@{host}</a>"#)), "{page}");
    assert!(!page.contains("/follow\""), "{page}");

    // Apps see `moved` on the old account.
    let api = Api::for_user(&app, "bob").await;
    let account = api.get_json(&format!("/api/v1/accounts/{}", zoe_id.0)).await;
    assert_eq!(account["moved"]["acct"], format!("zed@{host}"), "{account}");
    let unmoved = api.get_json(&format!("/api/v1/accounts/{}", zed_id.0)).await;
    assert!(unmoved.get("moved").is_none(), "{unmoved}");
}

pub async fn a_member_moves_to_an_account_elsewhere(app: TestApp) {
    let sink = Sink::start().await;
    let mut peer = Peer::start().await;
    let new_ana = peer.add_actor("ana", "Person");
    webfinger(&peer, "ana", &new_ana);
    accept_deliveries(&peer, &new_ana);
    let ana = app.signed_in_user("ana").await;
    let bob = app.create_user("bob").await;
    let ana_url = app.state.uris.absolute("/u/ana");

    // A remote follower (on the sink) and a local one.
    let zoe = remote_actor(&app, &sink, RemoteActorKind::Person, "users", "zoe", "/inbox", None).await;
    let zoe_follow = format!("{}/follows/1", sink.base_url);
    allmende::service::remote::accept_remote_follow(&app.ctx, zoe, ana.id, &zoe_follow)
        .await
        .expect("follow");
    allmende::service::follows::follow_actor(&app.ctx, &bob, ana.id).await.expect("bob follows ana");
    drain(&app).await;
    let seen = sink.accepted().len();

    let (status, page) = app.get_html("/settings/moving").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(r#"<label for="target">"#) && page.contains(&ana_url), "{page}");

    // Aliases: an account elsewhere by its address, nonsense refused with a message.
    let saved = app.post_form("/settings/moving/aliases", &[("aliases", &format!("{new_ana}\n"))]).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let refused = app.post_form("/settings/moving/aliases", &[("aliases", "not an account")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.unwrap().contains(r#"id="aliases-error""#));
    let document: Value = app
        .client
        .get(app.url("/u/ana"))
        .header("accept", ACTIVITY_JSON)
        .send()
        .await
        .expect("GET")
        .json()
        .await
        .expect("JSON");
    assert_eq!(document["alsoKnownAs"], json!([new_ana]), "{document}");
    assert!(document["@context"].to_string().contains("as:alsoKnownAs"), "{document}");

    // The new account must name this one first.
    let target = format!("@ana@{}", host_of(&peer));
    let early = app.post_form("/settings/moving/move", &[("target", &target)]).await;
    assert_eq!(early.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(early.text().await.unwrap().contains(r#"id="target-error""#));
    assert!(allmende::service::account_moves::moved_to(&app.ctx, ana.id).await.unwrap().is_none());

    let mut claiming = peer.document(&new_ana).expect("document");
    claiming["alsoKnownAs"] = json!([ana_url]);
    peer.publish(&new_ana, claiming);
    let moved = app.post_form("/settings/moving/move", &[("target", &target)]).await;
    assert_eq!(moved.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&moved), "/settings/moving?saved=moved");

    // Her actor says where she went; the remote follower gets the new document and a Move.
    let document: Value = app
        .client
        .get(app.url("/u/ana"))
        .header("accept", ACTIVITY_JSON)
        .send()
        .await
        .expect("GET")
        .json()
        .await
        .expect("JSON");
    assert_eq!(document["movedTo"], new_ana.as_str(), "{document}");
    drain(&app).await;
    let sent: Vec<Value> = sink.accepted().into_iter().skip(seen).collect();
    let activity = sent.iter().find(|a| a["type"] == "Move").unwrap_or_else(|| panic!("a Move: {sent:?}"));
    assert_eq!(activity["actor"], ana_url.as_str());
    assert_eq!(activity["object"], ana_url.as_str());
    assert_eq!(activity["target"], new_ana.as_str());
    assert_eq!(activity["to"], json!([app.state.uris.absolute("/u/ana/followers")]));
    assert!(
        sent.iter().any(|a| a["type"] == "Update" && a["object"]["movedTo"] == new_ana.as_str()),
        "{sent:?}"
    );

    // bob, following her here, now follows the new account.
    let new_id = actor_id(&app, &new_ana).await;
    assert_eq!(follow_state(&app, bob.id, ana.id).await, None);
    assert_eq!(follow_state(&app, bob.id, new_id).await.as_deref(), Some("pending"));

    // The old account shows where it went and cannot post any more.
    let (_, profile) = app.get_html("/u/ana").await;
    assert!(profile.contains(r#"id="moved-notice""#), "{profile}");
    let api = Api::for_user(&app, "ana").await;
    let post = api.post_form("/api/v1/statuses", &[("status", "Still here?")]).await;
    assert_eq!(post.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let again = app.post_form("/settings/moving/move", &[("target", &target)]).await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY, "moved once");
}

on_both_backends!(
    a_member_finds_and_follows_a_remote_person_from_their_profile,
    following_a_local_person_from_the_web_fills_the_home_timeline,
    local_followers_follow_a_remote_person_who_moved,
    a_member_moves_to_an_account_elsewhere
);
