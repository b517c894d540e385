//! A local group re-announces what remote people do to posts in it (FEP-1b12): their `Create`,
//! `Update` and `Delete`, and `Like`, `Dislike` and the `Undo` of a vote, unchanged inside the
//! group's `Announce` to its followers, each activity once. Signed by a fake remote server
//! (`Peer`); the group's follower is a loopback inbox (`Sink`). And the other way: a vote by
//! someone of a third server counts when the post's own group announces it.

use allmende::domain::{ActorId, PostId};
use allmende::service::remote::{self, RemotePost};
use allmende::service::{group_relays, threads};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{TestApp, count_rows};
use crate::groups::thread;
use crate::on_both_backends;
use crate::outbound::{announced, drain, group_with_remote_follower, local, new_bodies};
use crate::peer::Peer;
use crate::sink::Sink;

const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";
const AS: &str = "https://www.w3.org/ns/activitystreams";

/// What the group's follower got since `seen`, which then counts it too.
async fn sent_since(app: &TestApp, sink: &Sink, seen: &mut usize) -> Vec<Value> {
    drain(app).await;
    let got = new_bodies(sink, *seen);
    *seen += got.len();
    got
}

/// Delivers `activity` signed by `actor`; the inbox must accept it.
async fn deliver(app: &TestApp, peer: &Peer, actor: &str, activity: &Value) {
    assert_eq!(peer.deliver(actor, &app.url("/inbox"), activity).await, StatusCode::ACCEPTED, "{activity}");
}

/// The one body sent, an `Announce` by `energy`, wraps `activity` unchanged.
fn assert_reannounced(app: &TestApp, got: &[Value], activity: &Value) {
    let [announce] = got else { panic!("one Announce of {}: {got:?}", activity["type"]) };
    assert_eq!(announced(app, announce), activity, "the activity is wrapped unchanged");
}

pub async fn a_remote_members_edit_delete_and_votes_reach_the_groups_followers(app: TestApp) {
    let sink = Sink::start().await;
    let (ana, _) = group_with_remote_follower(&app, &sink).await;
    let opener =
        threads::create_thread(&app.ctx, &ana, "energy", thread("Heat pumps")).await.expect("thread");
    let mut seen = 0;
    sent_since(&app, &sink, &mut seen).await;
    let mut peer = Peer::start().await;
    let bea = peer.add_actor("bea", "Person");
    let carl = peer.add_actor("carl", "Person");
    let group_url = local(&app, "/g/energy");
    let opener_url = local(&app, &format!("/t/{}", opener.0));
    let reply_url = peer.url("/notes/1");
    let note = |content: &str| {
        json!({"id": reply_url, "type": "Note", "attributedTo": bea, "inReplyTo": opener_url,
               "audience": group_url, "to": [PUBLIC], "cc": [group_url], "content": content,
               "published": "2026-12-01T10:00:00Z"})
    };

    let create = json!({"@context": AS, "id": peer.url("/activities/create/1"), "type": "Create",
                        "actor": bea, "to": [PUBLIC], "cc": [group_url], "object": note("<p>Mine works</p>")});
    deliver(&app, &peer, &bea, &create).await;
    assert_reannounced(&app, &sent_since(&app, &sink, &mut seen).await, &create);
    let reply = remote::post_by_ap_id(&app.ctx, &reply_url).await.expect("lookup").expect("reply stored");

    // The edit: stored, and re-announced (it was not before).
    let mut edited = note("<p>Mine works well</p>");
    edited["updated"] = json!("2026-12-01T11:00:00Z");
    let update = json!({"@context": AS, "id": peer.url("/activities/update/1"), "type": "Update",
                        "actor": bea, "to": [PUBLIC], "cc": [group_url], "object": edited});
    deliver(&app, &peer, &bea, &update).await;
    assert_reannounced(&app, &sent_since(&app, &sink, &mut seen).await, &update);
    let stored = allmende::service::federated::get_post(&app.ctx, reply).await.expect("reply");
    assert!(stored.content_html.contains("Mine works well"), "{}", stored.content_html);
    deliver(&app, &peer, &bea, &update).await;
    assert!(sent_since(&app, &sink, &mut seen).await.is_empty(), "the same Update is announced once");

    // Votes on a remote post and on our own, and their Undo.
    let like = json!({"@context": AS, "id": peer.url("/activities/like/1"), "type": "Like", "actor": carl,
                      "object": reply_url, "audience": group_url});
    deliver(&app, &peer, &carl, &like).await;
    assert_reannounced(&app, &sent_since(&app, &sink, &mut seen).await, &like);
    let undo = json!({"@context": AS, "id": peer.url("/activities/undo/1"), "type": "Undo", "actor": carl,
                      "object": like, "audience": group_url});
    deliver(&app, &peer, &carl, &undo).await;
    assert_reannounced(&app, &sent_since(&app, &sink, &mut seen).await, &undo);
    let dislike = json!({"@context": AS, "id": peer.url("/activities/dislike/1"), "type": "Dislike",
                         "actor": carl, "object": opener_url, "audience": group_url});
    deliver(&app, &peer, &carl, &dislike).await;
    assert_reannounced(&app, &sent_since(&app, &sink, &mut seen).await, &dislike);
    let undo_by_id = json!({"@context": AS, "id": peer.url("/activities/undo/2"), "type": "Undo",
                            "actor": carl, "object": peer.url("/activities/dislike/1")});
    deliver(&app, &peer, &carl, &undo_by_id).await;
    assert_reannounced(&app, &sent_since(&app, &sink, &mut seen).await, &undo_by_id);

    // The author's Delete goes out as it came, and the group sends no Delete of its own.
    let delete = json!({"@context": AS, "id": peer.url("/activities/delete/1"), "type": "Delete",
                        "actor": bea, "to": [PUBLIC], "object": {"id": reply_url, "type": "Tombstone"}});
    deliver(&app, &peer, &bea, &delete).await;
    assert_reannounced(&app, &sent_since(&app, &sink, &mut seen).await, &delete);
    assert!(allmende::service::federated::get_post(&app.ctx, reply).await.expect("reply").deleted);
    assert_eq!(count_rows(&app, "group_relayed_activities").await, 7, "one row per activity");
}

/// A thread of a remote group: nothing of it is ours to announce.
pub async fn activities_about_posts_elsewhere_are_not_reannounced(app: TestApp) {
    let sink = Sink::start().await;
    group_with_remote_follower(&app, &sink).await;
    let mut seen = 0;
    sent_since(&app, &sink, &mut seen).await;
    let mut peer = Peer::start().await;
    let wind = peer.add_actor("wind", "Group");
    let bea = peer.add_actor("bea", "Person");
    let wind_id = known(&app, &peer, &wind, 1).await;
    let bea_id = known(&app, &peer, &bea, 2).await;
    let post = remote_thread(&app, &peer.url("/posts/1"), bea_id, wind_id, None).await;
    let like = json!({"@context": AS, "id": peer.url("/likes/1"), "type": "Like", "actor": bea,
                      "object": peer.url("/posts/1")});
    deliver(&app, &peer, &bea, &like).await;
    assert_eq!(count_rows(&app, "likes").await, 1, "the like counts");
    assert!(sent_since(&app, &sink, &mut seen).await.is_empty(), "but is not ours to announce");
    assert!(!group_relays::relay_about_post(&app.ctx, post, bea_id, &like.to_string()).await.expect("relay"));
}

/// However often an activity reaches the service (a retry that raced the inbox's own record of
/// it), the group announces it once.
pub async fn an_activity_is_reannounced_once(app: TestApp) {
    let sink = Sink::start().await;
    let (_, group_id) = group_with_remote_follower(&app, &sink).await;
    let mut seen = 0;
    sent_since(&app, &sink, &mut seen).await;
    let mut peer = Peer::start().await;
    let bea = peer.add_actor("bea", "Person");
    let bea_id = known(&app, &peer, &bea, 1).await;
    let create = json!({"@context": AS, "id": peer.url("/creates/1"), "type": "Create", "actor": bea,
                        "object": {"id": peer.url("/posts/1"), "type": "Page", "attributedTo": bea}});
    let stored = |activity: &Value| RemotePost {
        visibility: Default::default(),
        ap_id: peer.url("/posts/1"),
        author: bea_id,
        group: Some(group_id),
        in_reply_to: None,
        title: Some("Wind".into()),
        content_html: "<p>Wind?</p>".into(),
        language: None,
        sensitive: false,
        content_warning: None,
        published: app.ctx.now(),
        updated: None,
        activity_json: Some(activity.to_string()),
        media: Vec::new(),
    };
    let (post, _) = remote::store_remote_post(&app.ctx, stored(&create)).await.expect("stored");
    remote::store_remote_post(&app.ctx, stored(&create)).await.expect("stored again");
    let got = sent_since(&app, &sink, &mut seen).await;
    assert_eq!(got.len(), 2, "the Create once, and the group's boost: {got:?}");
    assert_eq!(announced(&app, &got[0]), &create);

    let like = json!({"@context": AS, "id": peer.url("/likes/1"), "type": "Like", "actor": bea,
                      "object": peer.url("/posts/1")});
    for _ in 0..2 {
        group_relays::relay_about_post(&app.ctx, post, bea_id, &like.to_string()).await.expect("relay");
    }
    assert_reannounced(&app, &sent_since(&app, &sink, &mut seen).await, &like);
}

/// Lemmy's way: a vote by someone on a third server reaches us inside the group's `Announce`.
/// It counts when the group is the post's own, and never from another group.
pub async fn votes_from_elsewhere_count_when_the_posts_group_announces_them(app: TestApp) {
    let mut peer = Peer::start().await;
    let mut third = Peer::start().await;
    let wind = peer.add_actor("wind", "Group");
    let other = peer.add_actor("other", "Group");
    let bea = peer.add_actor("bea", "Person");
    let carl = third.add_actor("carl", "Person");
    let wind_id = known(&app, &peer, &wind, 1).await;
    known(&app, &peer, &other, 2).await;
    let bea_id = known(&app, &peer, &bea, 3).await;
    remote_thread(&app, &peer.url("/posts/1"), bea_id, wind_id, None).await;
    let like =
        json!({"id": third.url("/likes/1"), "type": "Like", "actor": carl, "object": peer.url("/posts/1")});
    let announce = |group: &str, n: u32, object: &Value| {
        json!({"@context": AS, "id": peer.url(&format!("/announces/{n}")), "type": "Announce",
               "actor": group, "to": [PUBLIC], "object": object})
    };
    deliver(&app, &peer, &other, &announce(&other, 1, &like)).await;
    assert_eq!(count_rows(&app, "likes").await, 0, "another group does not vouch for the vote");
    deliver(&app, &peer, &wind, &announce(&wind, 2, &like)).await;
    assert_eq!(count_rows(&app, "likes").await, 1, "the post's own group does");
    let undo = json!({"id": third.url("/undos/1"), "type": "Undo", "actor": carl, "object": like});
    deliver(&app, &peer, &wind, &announce(&wind, 3, &undo)).await;
    assert_eq!(count_rows(&app, "likes").await, 0, "and for its Undo");
}

/// Makes the peer's actor known here: it delivers an activity we ignore.
async fn known(app: &TestApp, peer: &Peer, actor: &str, n: u32) -> ActorId {
    let hello = json!({"@context": AS, "id": peer.url(&format!("/hello/{n}")), "type": "View", "actor": actor,
                       "object": actor});
    deliver(app, peer, actor, &hello).await;
    remote::known_actor(&app.ctx, actor).await.expect("lookup").expect("actor stored").0
}

async fn remote_thread(
    app: &TestApp,
    ap_id: &str,
    author: ActorId,
    group: ActorId,
    parent: Option<PostId>,
) -> PostId {
    let post = RemotePost {
        visibility: Default::default(),
        ap_id: ap_id.into(),
        author,
        group: Some(group),
        in_reply_to: parent,
        title: parent.is_none().then(|| "Wind".to_owned()),
        content_html: "<p>Wind?</p>".into(),
        language: None,
        sensitive: false,
        content_warning: None,
        published: app.ctx.now(),
        updated: None,
        activity_json: None,
        media: Vec::new(),
    };
    remote::store_remote_post(&app.ctx, post).await.expect("remote post stored").0
}

on_both_backends!(
    a_remote_members_edit_delete_and_votes_reach_the_groups_followers,
    activities_about_posts_elsewhere_are_not_reannounced,
    an_activity_is_reannounced_once,
    votes_from_elsewhere_count_when_the_posts_group_announces_them,
);
