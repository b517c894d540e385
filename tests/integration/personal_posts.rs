//! Posts outside groups: a status that mentions no group is the member's own post, shown on
//! their profile and to their followers (here through the home timeline, elsewhere as a `Note`
//! to their followers); remote people's own posts reach the local members who follow them.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::api_support::Api;
use crate::common::{TestApp, count_rows};
use crate::on_both_backends;
use crate::peer::Peer;

const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

pub async fn a_status_without_a_group_is_the_members_own_post(app: TestApp) {
    app.create_user("ana").await;
    app.create_user("bob").await;
    let ana = Api::for_user(&app, "ana").await;
    let bob = Api::for_user(&app, "bob").await;
    let ana_id = ana.get_json("/api/v1/accounts/verify_credentials").await["id"].as_str().unwrap().to_owned();
    let followed = bob.post_form(&format!("/api/v1/accounts/{ana_id}/follow"), &[]).await;
    assert_eq!(followed.status(), StatusCode::OK);

    let posted = ana.post_form("/api/v1/statuses", &[("status", "Just thinking aloud about *bikes*")]).await;
    assert_eq!(posted.status(), StatusCode::OK);
    let posted: Value = posted.json().await.unwrap();
    let id = posted["id"].as_str().unwrap().to_owned();
    assert_eq!(posted["mentions"], json!([]), "no group");
    assert!(posted["content"].as_str().unwrap().contains("<em>bikes</em>"), "{}", posted["content"]);
    assert!(!posted["content"].as_str().unwrap().contains("<strong>"), "no title line");

    // On her profile, in her follower's home timeline and in the public timelines.
    let own = ana.get_json(&format!("/api/v1/accounts/{ana_id}/statuses")).await;
    assert_eq!(own[0]["id"], id.as_str());
    let home = bob.get_json("/api/v1/timelines/home").await;
    assert!(home.as_array().unwrap().iter().any(|s| s["id"] == id.as_str()), "{home}");
    let public = bob.get_json("/api/v1/timelines/public?local=true").await;
    assert!(public.as_array().unwrap().iter().any(|s| s["id"] == id.as_str()));
    let (status, profile) = app.get_html("/u/ana").await;
    assert_eq!(status, StatusCode::OK);
    assert!(profile.contains("Just thinking aloud"), "{profile}");
    let (status, page) = app.get_html(&format!("/t/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("<em>bikes</em>"));

    // Bob answers; the answer joins it, and Ana hears of it.
    let reply = bob.post_form("/api/v1/statuses", &[("status", "Same here"), ("in_reply_to_id", &id)]).await;
    assert_eq!(reply.status(), StatusCode::OK);
    let context = ana.get_json(&format!("/api/v1/statuses/{id}/context")).await;
    assert_eq!(context["descendants"][0]["content"].as_str().map(str::trim), Some("<p>Same here</p>"));
    let notifications = ana.get_json("/api/v1/notifications").await;
    assert_eq!(notifications[0]["type"], "mention");

    // Blank is still blank.
    let blank = ana.post_form("/api/v1/statuses", &[("status", "   ")]).await;
    assert_eq!(blank.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(count_rows(&app, "posts").await, 2);
}

pub async fn remote_peoples_own_posts_reach_their_local_followers(app: TestApp) {
    let bob_user = app.create_user("bob").await;
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let yves = peer.add_actor("yves", "Person");
    // zoe follows bob first, so she is known here; then bob follows her.
    let follow = json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url("/follows/1"),
        "type": "Follow", "actor": zoe, "object": app.state.uris.absolute("/u/bob")});
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &follow).await, StatusCode::ACCEPTED);
    let (zoe_id, _) =
        allmende::service::remote::known_actor(&app.ctx, &zoe).await.expect("db").expect("zoe is known");
    allmende::service::follows::follow_actor(&app.ctx, &bob_user, zoe_id).await.expect("bob follows zoe");
    // zoe's server accepts (as Mastodon does for unlocked accounts).
    let follow_id = {
        let mut conn = app.ctx.db.acquire().await.expect("connection");
        allmende::db::follows::get_follow_id(&mut conn.conn(), bob_user.id.0, zoe_id.0)
            .await
            .expect("db")
            .expect("follow")
    };
    let accept = json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url("/accepts/1"),
        "type": "Accept", "actor": zoe, "object": app.state.uris.activity("follow", follow_id)});
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &accept).await, StatusCode::ACCEPTED);

    let note = |n: u32, author: &str| {
        json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url(&format!("/activities/{n}")),
            "type": "Create", "actor": author, "to": [PUBLIC],
            "object": {"id": peer.url(&format!("/statuses/{n}")), "type": "Note", "attributedTo": author,
                "content": "<p>Cycled to work in the snow</p>", "to": [PUBLIC],
                "cc": [format!("{author}/followers")], "published": "2026-01-02T03:04:05Z"}})
    };
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &note(1, &zoe)).await, StatusCode::ACCEPTED);
    // Nobody here follows yves: his own post is not kept.
    assert_eq!(peer.deliver(&yves, &app.url("/inbox"), &note(2, &yves)).await, StatusCode::ACCEPTED);
    assert_eq!(count_rows(&app, "posts").await, 1);

    let bob = Api::for_user(&app, "bob").await;
    let home = bob.get_json("/api/v1/timelines/home").await;
    assert_eq!(home.as_array().unwrap().len(), 1, "{home}");
    assert_eq!(home[0]["content"].as_str().map(str::trim), Some("<p>Cycled to work in the snow</p>"));
    assert_eq!(home[0]["account"]["username"], "zoe");
    assert_eq!(home[0]["mentions"], json!([]));
}

on_both_backends!(
    a_status_without_a_group_is_the_members_own_post,
    remote_peoples_own_posts_reach_their_local_followers
);
