//! Why the three-instance private-group test lost its thread (issue 15), in-process: a `Follow`
//! that reaches a group after it was closed is a request for a moderator, so the follower's
//! instance gets none of the group's (private) threads until it is approved; and, on the
//! member's side, a remote group's followers-only `Announce` is kept once the group's `Update`
//! said it is private (`manuallyApprovesFollowers`), while before that a members-only post in
//! what we know as a public group is not taken.

use allmende::domain::PostId;
use allmende::service::{follow_requests, follows, groups, private_groups, remote, threads};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::TestApp;
use crate::groups::{group, thread};
use crate::on_both_backends;
use crate::peer::Peer;

const AS: &str = "https://www.w3.org/ns/activitystreams";
const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

on_both_backends!(
    a_follow_that_reaches_a_closed_group_waits_for_a_moderator,
    a_members_instance_keeps_what_a_private_remote_group_announces,
);

/// The activities queued for any inbox on the server at `base_url`, oldest first.
async fn sent_to(app: &TestApp, base_url: &str) -> Vec<Value> {
    let sql = "SELECT o.payload FROM outbox_activities o JOIN deliveries d ON d.activity_id = o.id \
               WHERE d.inbox_url LIKE $1 ORDER BY o.id";
    let prefix = format!("{base_url}/%");
    let mut conn = app.ctx.db.acquire().await.expect("connection");
    let payloads: Vec<String> = match conn.conn() {
        allmende::db::Conn::Sqlite(c) => sqlx::query_scalar(sql).bind(&prefix).fetch_all(c).await,
        allmende::db::Conn::Postgres(c) => sqlx::query_scalar(sql).bind(&prefix).fetch_all(c).await,
    }
    .expect("payloads");
    payloads.iter().map(|p| serde_json::from_str(p).expect("JSON payload")).collect()
}

/// The announced `Create`s among `activities`, by the title of their post.
fn announced_titles(activities: &[Value]) -> Vec<String> {
    activities
        .iter()
        .filter(|a| a["type"] == "Announce" && a["object"]["type"] == "Create")
        .filter_map(|a| a["object"]["object"]["name"].as_str().map(str::to_owned))
        .collect()
}

pub async fn a_follow_that_reaches_a_closed_group_waits_for_a_moderator(app: TestApp) {
    let ana = app.create_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("circle", "discussion")).await.expect("group");
    follow_requests::set_closed(&app.ctx, &ana, "circle", true).await.expect("closed");
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    // zoe pressed "Follow" while the group was open, but her instance's Follow arrives now.
    let follow = json!({"@context": AS, "id": peer.url("/follows/1"), "type": "Follow", "actor": zoe,
                        "object": app.state.uris.absolute("/g/circle")});
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &follow).await, StatusCode::ACCEPTED);
    threads::create_thread(&app.ctx, &ana, "circle", thread("Whispered first")).await.expect("thread");
    app.state.delivery.drain().await.expect("drain");
    let sent = sent_to(&app, &peer.base_url).await;
    assert!(sent.iter().all(|a| a["type"] != "Accept"), "the follow waits: {sent:?}");
    assert!(announced_titles(&sent).is_empty(), "nothing of the group reaches zoe yet: {sent:?}");

    // A moderator approves: the Accept goes out, and the next thread reaches zoe, for members.
    let requests = follow_requests::get_requests_page(&app.ctx, &ana, "circle").await.expect("requests");
    assert_eq!(requests.requests.len(), 1, "zoe's request waits");
    follow_requests::approve(&app.ctx, &ana, "circle", requests.requests[0].id).await.expect("approve");
    threads::create_thread(&app.ctx, &ana, "circle", thread("Whispered next")).await.expect("thread");
    app.state.delivery.drain().await.expect("drain");
    let sent = sent_to(&app, &peer.base_url).await;
    let accept = sent.iter().find(|a| a["type"] == "Accept").expect("an Accept");
    assert_eq!(accept["object"]["id"], peer.url("/follows/1"));
    assert_eq!(announced_titles(&sent), ["Whispered next"], "{sent:?}");
    let announce = sent.iter().find(|a| a["type"] == "Announce").expect("the Announce");
    let followers = app.state.uris.absolute("/g/circle/followers");
    assert_eq!(announce["to"], json!([followers]), "{announce}");
    assert!(!announce.to_string().contains("#Public"), "never public: {announce}");
}

pub async fn a_members_instance_keeps_what_a_private_remote_group_announces(app: TestApp) {
    let ana = app.create_user("ana").await;
    let nils = app.create_user("nils").await;
    let mut peer = Peer::start().await;
    let circle = peer.add_actor("circle", "Group");
    let bea = peer.add_actor("bea", "Person");
    let group_id = allmende::federation::resolve::actor_by_url(&app.state, &circle.parse().expect("URL"))
        .await
        .expect("the group is fetched")
        .0;
    let handle = remote::actor_handle(&app.ctx, group_id).await.expect("handle").expect("a handle").handle;
    follows::follow_group(&app.ctx, &ana, &handle).await.expect("ana follows");
    let follow_id = {
        let mut conn = app.ctx.db.acquire().await.expect("connection");
        allmende::db::follows::get_follow_id(&mut conn.conn(), ana.id.0, group_id.0)
            .await
            .expect("query")
            .expect("ana's follow")
    };
    assert!(remote::accept_follow_by_id(&app.ctx, follow_id, group_id).await.expect("accept"));
    let followers = format!("{circle}/followers");
    let announce = |n: u32, title: &str| {
        let page = json!({"id": peer.url(&format!("/posts/{n}")), "type": "Page", "attributedTo": bea,
            "name": title, "content": format!("<p>{title}, for the circle</p>"),
            "to": [followers, circle], "audience": circle});
        json!({"@context": AS, "id": peer.url(&format!("/announces/{n}")), "type": "Announce", "actor": circle,
            "to": [followers], "object": {"@context": AS, "id": peer.url(&format!("/creates/{n}")),
            "type": "Create", "actor": bea, "to": [followers, circle], "object": page}})
    };
    let stored = |n: u32| {
        let ap_id = peer.url(&format!("/posts/{n}"));
        let ctx = app.ctx.clone();
        async move { remote::post_by_ap_id(&ctx, &ap_id).await.expect("lookup") }
    };

    // What we know as a public group may not hold members-only posts: not taken.
    assert_eq!(
        peer.deliver(&circle, &app.url("/inbox"), &announce(1, "Too early")).await,
        StatusCode::ACCEPTED
    );
    assert_eq!(stored(1).await, None, "a members-only post in a public group is not kept");

    // The group says it is private now (Lemmy 1.0's and our way), and then announces a thread.
    let mut document = peer.document(&circle).expect("the group's document");
    document["manuallyApprovesFollowers"] = json!(true);
    peer.publish(&circle, document.clone());
    let update = json!({"@context": AS, "id": peer.url("/updates/1"), "type": "Update", "actor": circle,
                        "to": [PUBLIC], "object": document});
    assert_eq!(peer.deliver(&circle, &app.url("/inbox"), &update).await, StatusCode::ACCEPTED);
    assert!(private_groups::is_private(&app.ctx, group_id).await.expect("private?"), "the Update told us");
    assert_eq!(
        peer.deliver(&circle, &app.url("/inbox"), &announce(2, "Members only")).await,
        StatusCode::ACCEPTED
    );
    let post: PostId = stored(2).await.expect("the private thread is kept for ana");
    assert!(private_groups::may_read(&app.ctx, Some(ana.id), post).await.expect("ana"), "ana is a member");
    assert!(!private_groups::may_read(&app.ctx, Some(nils.id), post).await.expect("nils"), "nils is not");
    assert!(!private_groups::may_read(&app.ctx, None, post).await.expect("signed out"));
}
