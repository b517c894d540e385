//! Moderation that arrives from Lemmy (real shapes from its repository, under
//! `tests/fixtures/lemmy/`, rewritten to a fake peer): a moderator's removal with a reason,
//! announced by the community, is kept as a removal and shown with its reason, and its `Undo`
//! restores the post; a community ban (`Block` with `target`, `endTime`/`expires`,
//! `removeData`) of one of our members is honoured here until its `Undo`. And a banned remote
//! person's `Create` and `Like` in one of our groups are refused at the inbox.

use allmende::domain::{ActorId, PostId};
use allmende::service::posts;
use allmende::service::remote::{self, RemotePost};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{TestApp, count_rows};
use crate::on_both_backends;
use crate::peer::Peer;

const AS: &str = "https://www.w3.org/ns/activitystreams";
const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/lemmy/activities");

/// A Lemmy fixture with its hosts moved to the peer and `replacements` applied.
fn fixture(peer: &Peer, file: &str, replacements: &[(&str, &str)]) -> Value {
    let mut text = std::fs::read_to_string(format!("{FIXTURES}/{file}")).expect("fixture");
    for (from, to) in replacements {
        text = text.replace(from, to);
    }
    text = text.replace("https://enterprise.lemmy.ml", &peer.url("/enterprise"));
    text = text.replace("http://enterprise.lemmy.ml", &peer.url("/enterprise"));
    text = text.replace("http://ds9.lemmy.ml", &peer.url("/ds9"));
    let mut value: Value = serde_json::from_str(&text).expect("JSON");
    value["@context"] = json!(AS);
    value
}

/// The community `main` on the peer, whose moderators collection lists `lemmy_beta`; known here.
async fn lemmy_community(app: &TestApp, peer: &mut Peer) -> (String, String, ActorId) {
    let group_url = peer.url("/enterprise/c/main");
    let moderator = peer.url("/enterprise/u/lemmy_beta");
    peer.add_actor_at(&group_url, "Group");
    peer.add_actor_at(&moderator, "Person");
    let moderators = format!("{group_url}/moderators");
    let mut document = peer.document(&group_url).expect("group document");
    document["attributedTo"] = json!(moderators);
    peer.publish(&group_url, document);
    peer.publish(
        &moderators,
        json!({"@context": AS, "id": moderators, "type": "OrderedCollection", "orderedItems": [moderator]}),
    );
    let hello = json!({"@context": AS, "id": peer.url("/hello/1"), "type": "View", "actor": group_url, "object": group_url});
    assert_eq!(peer.deliver(&group_url, &app.url("/inbox"), &hello).await, StatusCode::ACCEPTED);
    let group_id = remote::known_actor(&app.ctx, &group_url).await.expect("lookup").expect("group stored").0;
    (group_url, moderator, group_id)
}

async fn remote_post(
    app: &TestApp,
    ap_id: &str,
    author: ActorId,
    group: ActorId,
    parent: Option<PostId>,
) -> PostId {
    remote::store_remote_post(
        &app.ctx,
        RemotePost {
            visibility: Default::default(),
            ap_id: ap_id.into(),
            author,
            group: Some(group),
            in_reply_to: parent,
            title: parent.is_none().then(|| "Wind".to_owned()),
            content_html: if parent.is_some() { "<p>Bad comment text</p>" } else { "<p>Wind turbines?</p>" }
                .into(),
            language: None,
            sensitive: false,
            content_warning: None,
            published: app.ctx.now(),
            updated: None,
            activity_json: None,
            media: Vec::new(),
        },
    )
    .await
    .expect("remote post stored")
    .0
}

pub async fn a_lemmy_removal_with_a_reason_is_shown_and_undone(app: TestApp) {
    let mut peer = Peer::start().await;
    let (group_url, moderator, group_id) = lemmy_community(&app, &mut peer).await;
    let author = peer.url("/ds9/u/lemmy_alpha");
    peer.add_actor_at(&author, "Person");
    let hello = json!({"@context": AS, "id": peer.url("/hello/2"), "type": "View", "actor": author, "object": author});
    assert_eq!(peer.deliver(&author, &app.url("/inbox"), &hello).await, StatusCode::ACCEPTED);
    let author_id = remote::known_actor(&app.ctx, &author).await.expect("lookup").expect("stored").0;
    let opener = remote_post(&app, &peer.url("/ds9/post/1"), author_id, group_id, None).await;
    let comment = remote_post(&app, &peer.url("/ds9/comment/1"), author_id, group_id, Some(opener)).await;

    let announce = fixture(&peer, "community/announce_remove_note.json", &[]);
    assert_eq!(announce["object"]["summary"], "bad comment");
    assert_eq!(peer.deliver(&group_url, &app.url("/inbox"), &announce).await, StatusCode::ACCEPTED);
    let (_, page) = app.get_html(&format!("/t/{}", opener.0)).await;
    assert!(page.contains("Removed by the moderators: bad comment"), "{page}");
    assert!(!page.contains("Bad comment text"));
    let json: Value = app.get("/modlog.json").await.json().await.expect("JSON");
    assert_eq!(json["items"][0]["kind"], "removal");
    assert_eq!(json["items"][0]["reason"], "bad comment");
    assert_eq!(json["items"][0]["remote"], true);
    assert_eq!(
        json["items"][0]["moderator"],
        format!("lemmy_beta@{}", peer.base_url.trim_start_matches("http://"))
    );

    // Lemmy's restore: the moderator's Undo of the Delete (announced by the community).
    let undo = fixture(&peer, "deletion/undo_remove_note.json", &[]);
    let wrapped = json!({"@context": AS, "id": peer.url("/enterprise/activities/announce/2"), "type": "Announce",
        "actor": group_url, "to": [PUBLIC], "object": undo});
    assert_eq!(peer.deliver(&group_url, &app.url("/inbox"), &wrapped).await, StatusCode::ACCEPTED);
    let (_, page) = app.get_html(&format!("/t/{}", opener.0)).await;
    assert!(page.contains("Bad comment text"), "restored: {page}");
    let json: Value = app.get("/modlog.json").await.json().await.expect("JSON");
    assert_eq!(json["items"][0]["kind"], "restore");
    let _ = (moderator, comment);
}

pub async fn a_lemmy_ban_of_our_member_is_honoured_until_undone(app: TestApp) {
    let mut peer = Peer::start().await;
    let (group_url, moderator, group_id) = lemmy_community(&app, &mut peer).await;
    let ana = app.signed_in_user("ana").await;
    let ana_url = app.state.uris.absolute("/u/ana");
    let author = peer.url("/ds9/u/lemmy_alpha");
    peer.add_actor_at(&author, "Person");
    let hello = json!({"@context": AS, "id": peer.url("/hello/3"), "type": "View", "actor": author, "object": author});
    assert_eq!(peer.deliver(&author, &app.url("/inbox"), &hello).await, StatusCode::ACCEPTED);
    let author_id = remote::known_actor(&app.ctx, &author).await.expect("lookup").expect("stored").0;
    let opener = remote_post(&app, &peer.url("/ds9/post/1"), author_id, group_id, None).await;

    // Someone who does not moderate the community is refused.
    let mut forged =
        fixture(&peer, "block/block_user.json", &[("http://ds9.lemmy.ml/u/lemmy_alpha", &ana_url)]);
    let mallory = peer.url("/enterprise/u/mallory");
    peer.add_actor_at(&mallory, "Person");
    forged["actor"] = json!(mallory);
    forged["id"] = json!(peer.url("/enterprise/activities/block/forged"));
    assert_eq!(peer.deliver(&mallory, &app.url("/inbox"), &forged).await, StatusCode::FORBIDDEN);
    assert_eq!(count_rows(&app, "group_bans").await, 0);

    // The moderator's ban, sent to our member's instance directly (Lemmy does), with `endTime`.
    let mut block =
        fixture(&peer, "block/block_user.json", &[("http://ds9.lemmy.ml/u/lemmy_alpha", &ana_url)]);
    let end =
        chrono::DateTime::from_timestamp_millis(app.ctx.now().millis() + 24 * 3600 * 1000).expect("time");
    block["endTime"] = json!(end.to_rfc3339());
    assert_eq!(block["target"], group_url);
    assert_eq!(peer.deliver(&moderator, &app.url("/inbox"), &block).await, StatusCode::ACCEPTED);
    let group_handle = format!("main@{}", peer.base_url.trim_start_matches("http://"));
    let (_, page) = app.get_html(&format!("/g/{group_handle}")).await;
    assert!(
        page.contains("You are banned from this group until") && page.contains("Reason: spam post"),
        "{page}"
    );
    let refused =
        posts::reply(&app.ctx, &ana, opener, posts::NewReply { body: "hi".into(), ..Default::default() })
            .await;
    assert!(refused.is_err(), "ana cannot reply there from here");
    assert!(posts::like_post(&app.ctx, &ana, opener).await.is_err(), "nor vote");

    // Lemmy's Undo(Block), announced by the community, lifts it.
    let undo =
        fixture(&peer, "block/undo_block_user.json", &[("http://ds9.lemmy.ml/u/lemmy_alpha", &ana_url)]);
    let wrapped = json!({"@context": AS, "id": peer.url("/enterprise/activities/announce/3"), "type": "Announce",
        "actor": group_url, "to": [PUBLIC], "object": undo});
    assert_eq!(peer.deliver(&group_url, &app.url("/inbox"), &wrapped).await, StatusCode::ACCEPTED);
    let (_, page) = app.get_html(&format!("/g/{group_handle}")).await;
    assert!(!page.contains("You are banned"), "{page}");
    posts::like_post(&app.ctx, &ana, opener).await.expect("ana may vote again");

    // The older `expires` shape, whose time has passed: stored, but not in force.
    let mut expired =
        fixture(&peer, "block/block_user_expires.json", &[("http://ds9.lemmy.ml/u/lemmy_alpha", &ana_url)]);
    // The corpus gives both Block files one id; a repeated id would be skipped as seen.
    expired["id"] = json!(peer.url("/enterprise/activities/block/expires"));
    assert_eq!(peer.deliver(&moderator, &app.url("/inbox"), &expired).await, StatusCode::ACCEPTED);
    assert_eq!(count_rows(&app, "group_bans").await, 1);
    posts::unlike_post(&app.ctx, &ana, opener).await.expect("unlike");
    posts::like_post(&app.ctx, &ana, opener).await.expect("a ban that ended in 2021 does not count");
    let json: Value = app.get("/modlog.json").await.json().await.expect("JSON");
    let kinds: Vec<&str> =
        json["items"].as_array().expect("items").iter().filter_map(|i| i["kind"].as_str()).collect();
    assert_eq!(kinds, ["ban", "unban", "ban"]);
}

/// A remote person banned from one of our groups: their new thread, reply, like and event
/// `Join` arriving at the inbox are refused, and nothing is stored.
pub async fn a_banned_remote_persons_activities_are_refused(app: TestApp) {
    let event_path = crate::events::energy_with_event(&app).await;
    let started =
        app.post_form("/g/energy/threads", &[("title", "Heat pumps"), ("body", "Experiences?")]).await;
    assert_eq!(started.status(), StatusCode::SEE_OTHER);
    let thread_path = crate::common::location(&started);
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let hello =
        json!({"@context": AS, "id": peer.url("/hello/1"), "type": "View", "actor": zoe, "object": zoe});
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &hello).await, StatusCode::ACCEPTED);
    let handle = format!("zoe@{}", peer.base_url.trim_start_matches("http://"));
    let banned = app.post_form("/g/energy/bans", &[("actor", &handle), ("reason", "Trolling")]).await;
    assert_eq!(banned.status(), StatusCode::SEE_OTHER);
    let thread_url = app.state.uris.absolute(thread_path.split('#').next().unwrap_or_default());
    let group_url = app.state.uris.absolute("/g/energy");
    let posts_before = count_rows(&app, "posts").await;

    let reply = json!({"@context": AS, "id": peer.url("/create/1"), "type": "Create", "actor": zoe, "to": [PUBLIC],
        "cc": [group_url], "object": {"id": peer.url("/notes/1"), "type": "Note", "attributedTo": zoe,
        "content": "<p>troll</p>", "inReplyTo": thread_url, "to": [PUBLIC], "cc": [group_url], "audience": group_url,
        "published": "2026-01-01T00:00:00Z"}});
    let status = peer.deliver(&zoe, &app.url("/g/energy/inbox"), &reply).await;
    assert!(status.is_client_error(), "{status}");
    let thread = json!({"@context": AS, "id": peer.url("/create/2"), "type": "Create", "actor": zoe, "to": [PUBLIC],
        "cc": [group_url], "object": {"id": peer.url("/pages/1"), "type": "Page", "name": "Troll thread",
        "attributedTo": zoe, "content": "<p>troll</p>", "to": [PUBLIC, group_url], "audience": group_url,
        "published": "2026-01-01T00:00:00Z"}});
    let status = peer.deliver(&zoe, &app.url("/g/energy/inbox"), &thread).await;
    assert!(status.is_client_error(), "{status}");
    let like = json!({"@context": AS, "id": peer.url("/likes/1"), "type": "Like", "actor": zoe, "object": thread_url});
    let status = peer.deliver(&zoe, &app.url("/inbox"), &like).await;
    assert!(status.is_client_error(), "{status}");
    let join = json!({"@context": AS, "id": peer.url("/joins/1"), "type": "Join", "actor": zoe,
        "object": app.state.uris.absolute(&event_path)});
    let status = peer.deliver(&zoe, &app.url("/inbox"), &join).await;
    assert!(status.is_client_error(), "{status}");
    assert_eq!(count_rows(&app, "posts").await, posts_before, "nothing stored");
    assert_eq!(count_rows(&app, "likes").await, 0);
    assert_eq!(count_rows(&app, "event_participants").await, 0);
}

on_both_backends!(
    a_lemmy_removal_with_a_reason_is_shown_and_undone,
    a_lemmy_ban_of_our_member_is_honoured_until_undone,
    a_banned_remote_persons_activities_are_refused,
);
