//! Boosts: a member reblogs a post from a Mastodon app (and takes it back); remote people's
//! boosts (`Announce`) of our posts are counted and notified, and their `Undo` is honoured.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::api_support::{Api, token_for};
use crate::common::{TestApp, count_rows};
use crate::groups::{group, thread};
use crate::on_both_backends;
use crate::peer::Peer;

const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

/// ana's thread in her group `energy` (which shares it, as a group boosts its threads); bob is a
/// member too.
async fn thread_by_ana(app: &TestApp) -> i64 {
    let ana = app.create_user("ana").await;
    app.create_user("bob").await;
    allmende::service::groups::create_group(&app.ctx, ana.id, group("energy", "discussion"))
        .await
        .expect("group");
    allmende::service::threads::create_thread(&app.ctx, &ana, "energy", thread("Heat pumps"))
        .await
        .expect("thread")
        .0
}

pub async fn a_member_boosts_from_an_app_and_takes_it_back(app: TestApp) {
    let post = thread_by_ana(&app).await;
    let bob = Api::for_user(&app, "bob").await;
    let ana = Api::for_user(&app, "ana").await;

    let boosted = bob.post_form(&format!("/api/v1/statuses/{post}/reblog"), &[]).await;
    assert_eq!(boosted.status(), StatusCode::OK);
    let boosted: Value = boosted.json().await.unwrap();
    let boost_id = boosted["id"].as_str().unwrap().to_owned();
    assert_ne!(boost_id, post.to_string(), "the boost is a status of its own");
    assert_eq!(boosted["account"]["username"], "bob");
    assert_eq!(boosted["content"], "");
    assert_eq!(boosted["reblog"]["id"], post.to_string());
    assert_eq!(boosted["reblog"]["reblogged"], true);
    assert_eq!(boosted["reblog"]["reblogs_count"], 2, "bob's and the group's");
    assert_eq!(boosted["reblogged"], true);

    // Boosting again keeps the one boost; the boost is readable by its own id.
    let again: Value =
        bob.post_form(&format!("/api/v1/statuses/{post}/reblog"), &[]).await.json().await.unwrap();
    assert_eq!(again["id"], boost_id.as_str());
    assert_eq!(count_rows(&app, "boosts").await, 2);
    let shown = bob.get_json(&format!("/api/v1/statuses/{boost_id}")).await;
    assert_eq!(shown["reblog"]["id"], post.to_string());

    let by = ana.get_json(&format!("/api/v1/statuses/{post}/reblogged_by")).await;
    assert_eq!(by.as_array().unwrap().len(), 2);
    assert_eq!(by[0]["username"], "bob", "latest first");
    assert_eq!(by[1]["username"], "energy");
    let as_ana = ana.get_json(&format!("/api/v1/statuses/{post}")).await;
    assert_eq!(as_ana["reblogs_count"], 2);
    assert_eq!(as_ana["reblogged"], false, "ana did not boost it");

    // ana hears about it.
    let notifications = ana.get_json("/api/v1/notifications?types[]=reblog").await;
    assert_eq!(notifications.as_array().unwrap().len(), 1, "{notifications}");
    assert_eq!(notifications[0]["type"], "reblog");
    assert_eq!(notifications[0]["account"]["username"], "bob");
    assert_eq!(notifications[0]["status"]["id"], post.to_string());

    // Taking it back by the boost's id works as by the post's.
    let undone = bob.post_form(&format!("/api/v1/statuses/{boost_id}/unreblog"), &[]).await;
    assert_eq!(undone.status(), StatusCode::OK);
    let undone: Value = undone.json().await.unwrap();
    assert_eq!(undone["id"], post.to_string());
    assert_eq!(undone["reblogged"], false);
    assert_eq!(undone["reblogs_count"], 1, "the group's share stays");
    assert_eq!(bob.get(&format!("/api/v1/statuses/{boost_id}")).await.status(), StatusCode::NOT_FOUND);
    let by = ana.get_json(&format!("/api/v1/statuses/{post}/reblogged_by")).await;
    assert_eq!(by.as_array().unwrap().iter().map(|a| &a["username"]).collect::<Vec<_>>(), [&json!("energy")]);
    let twice = bob.post_form(&format!("/api/v1/statuses/{post}/unreblog"), &[]).await;
    assert_eq!(twice.status(), StatusCode::OK, "unboosting what is not boosted changes nothing");

    // Refusals: unknown posts, a token without write access.
    assert_eq!(bob.post_form("/api/v1/statuses/4242/reblog", &[]).await.status(), StatusCode::NOT_FOUND);
    let reader = Api { app: &app, token: token_for(&app, "bob", "read").await };
    assert_eq!(
        reader.post_form(&format!("/api/v1/statuses/{post}/reblog"), &[]).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(count_rows(&app, "boosts").await, 1, "only the group's share");
}

pub async fn remote_boosts_are_counted_notified_and_undone(app: TestApp) {
    let post = thread_by_ana(&app).await;
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let post_url = app.state.uris.absolute(&format!("/t/{post}"));
    let announce = json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url("/announces/1"),
        "type": "Announce", "actor": zoe, "object": post_url, "to": [PUBLIC], "cc": [peer.url("/users/zoe/followers")],
        "published": "2026-01-02T03:04:05Z"});
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &announce).await, StatusCode::ACCEPTED);
    assert_eq!(
        peer.deliver(&zoe, &app.url("/inbox"), &announce).await,
        StatusCode::ACCEPTED,
        "again: no change"
    );
    assert_eq!(count_rows(&app, "boosts").await, 2);
    let ana = Api::for_user(&app, "ana").await;
    let status = ana.get_json(&format!("/api/v1/statuses/{post}")).await;
    assert_eq!(status["reblogs_count"], 2, "zoe's and the group's");
    let notifications = ana.get_json("/api/v1/notifications").await;
    assert_eq!(notifications[0]["type"], "reblog");
    assert_eq!(
        notifications[0]["account"]["acct"],
        format!("zoe@{}", peer.base_url.trim_start_matches("http://"))
    );

    // A boost of something we do not hold is none of our business.
    let elsewhere = json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url("/announces/2"),
        "type": "Announce", "actor": zoe, "object": peer.url("/notes/77"), "to": [PUBLIC]});
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &elsewhere).await, StatusCode::ACCEPTED);
    assert_eq!(count_rows(&app, "boosts").await, 2);

    // Someone else cannot undo zoe's boost; zoe can.
    let yves = peer.add_actor("yves", "Person");
    let forged = json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url("/undos/1"),
        "type": "Undo", "actor": yves, "object": announce.clone()});
    peer.deliver(&yves, &app.url("/inbox"), &forged).await;
    assert_eq!(count_rows(&app, "boosts").await, 2);
    let undo = json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url("/undos/2"),
        "type": "Undo", "actor": zoe, "object": announce});
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &undo).await, StatusCode::ACCEPTED);
    assert_eq!(count_rows(&app, "boosts").await, 1, "the group's share stays");
}

on_both_backends!(
    a_member_boosts_from_an_app_and_takes_it_back,
    remote_boosts_are_counted_notified_and_undone
);
