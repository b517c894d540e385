//! Boosts in timelines and the notifications about what people one follows do: a boost by
//! someone the member follows shows in their home timeline as the booster's status wrapping the
//! post, and on the booster's profile; a follow with `notify` brings a `status` notification for
//! each new post; an edit of a boosted post brings the boosters an `update` notification.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::api_support::Api;
use crate::common::TestApp;
use crate::groups::{group, thread};
use crate::on_both_backends;
use crate::peer::Peer;

const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

/// ana's thread in her group `energy`, and the accounts bob and carl.
async fn thread_by_ana(app: &TestApp) -> i64 {
    let ana = app.create_user("ana").await;
    app.create_user("bob").await;
    app.create_user("carl").await;
    allmende::service::groups::create_group(&app.ctx, ana.id, group("energy", "discussion"))
        .await
        .expect("group");
    allmende::service::threads::create_thread(&app.ctx, &ana, "energy", thread("Heat pumps"))
        .await
        .expect("thread")
        .0
}

async fn account_id(api: &Api<'_>, username: &str) -> String {
    let account = api.get_json(&format!("/api/v1/accounts/lookup?acct={username}")).await;
    account["id"].as_str().expect("account id").to_owned()
}

fn ids(statuses: &Value) -> Vec<&str> {
    statuses.as_array().expect("list").iter().map(|s| s["id"].as_str().expect("id")).collect()
}

pub async fn boosts_show_in_the_home_timeline_and_on_the_profile(app: TestApp) {
    let post = thread_by_ana(&app).await;
    let bob = Api::for_user(&app, "bob").await;
    let carl = Api::for_user(&app, "carl").await;
    let bob_id = account_id(&carl, "bob").await;
    let followed = carl.post_form(&format!("/api/v1/accounts/{bob_id}/follow"), &[]).await;
    assert_eq!(followed.status(), StatusCode::OK);
    assert_eq!(carl.get_json("/api/v1/timelines/home").await, json!([]), "nothing yet");

    let boost: Value =
        bob.post_form(&format!("/api/v1/statuses/{post}/reblog"), &[]).await.json().await.expect("JSON");
    let boost_id = boost["id"].as_str().expect("boost id").to_owned();

    // carl sees bob's boost: a status of bob's with ana's thread inside.
    let home = carl.get_json("/api/v1/timelines/home").await;
    assert_eq!(ids(&home), [boost_id.as_str()], "{home}");
    assert_eq!(home[0]["account"]["username"], "bob");
    assert_eq!(home[0]["reblog"]["id"], post.to_string());
    assert_eq!(home[0]["reblog"]["account"]["username"], "ana");
    assert!(home[0]["reblog"]["content"].as_str().unwrap_or_default().contains("Heat pumps"));
    // Paging goes by the entry's id: below the boost there is nothing.
    assert_eq!(carl.get_json(&format!("/api/v1/timelines/home?max_id={boost_id}")).await, json!([]));
    assert_eq!(
        ids(&carl.get_json(&format!("/api/v1/timelines/home?min_id={post}")).await),
        [boost_id.as_str()]
    );

    // Following the group too: carl sees the thread and, newer, bob's boost of it.
    let energy = account_id(&carl, "energy").await;
    carl.post_form(&format!("/api/v1/accounts/{energy}/follow"), &[]).await;
    let post_id = post.to_string();
    assert_eq!(ids(&carl.get_json("/api/v1/timelines/home").await), [boost_id.as_str(), post_id.as_str()]);

    // ana does not see boosts of her own post in her home timeline.
    let ana = Api::for_user(&app, "ana").await;
    ana.post_form(&format!("/api/v1/accounts/{bob_id}/follow"), &[]).await;
    assert_eq!(ids(&ana.get_json("/api/v1/timelines/home").await), [post_id.as_str()]);

    // bob's profile lists the boost, unless reblogs are excluded or only media is asked for.
    let profile = carl.get_json(&format!("/api/v1/accounts/{bob_id}/statuses")).await;
    assert_eq!(ids(&profile), [boost_id.as_str()]);
    assert_eq!(profile[0]["reblog"]["id"], post_id);
    let without = carl.get_json(&format!("/api/v1/accounts/{bob_id}/statuses?exclude_reblogs=true")).await;
    assert_eq!(without, json!([]));
    let media = carl.get_json(&format!("/api/v1/accounts/{bob_id}/statuses?only_media=true")).await;
    assert_eq!(media, json!([]));

    // Taken back, or the post deleted: the boost is gone from timelines.
    bob.post_form(&format!("/api/v1/statuses/{post}/unreblog"), &[]).await;
    assert_eq!(ids(&carl.get_json("/api/v1/timelines/home").await), [post_id.as_str()]);
    bob.post_form(&format!("/api/v1/statuses/{post}/reblog"), &[]).await;
    let deleted = app
        .client
        .delete(app.url(&format!("/api/v1/statuses/{post}")))
        .bearer_auth(&ana.token)
        .send()
        .await
        .expect("DELETE");
    assert_eq!(deleted.status(), StatusCode::OK);
    assert_eq!(carl.get_json("/api/v1/timelines/home").await, json!([]));
    assert_eq!(carl.get_json(&format!("/api/v1/accounts/{bob_id}/statuses")).await, json!([]));
}

pub async fn a_follow_with_notify_brings_status_notifications(app: TestApp) {
    thread_by_ana(&app).await;
    let bob = Api::for_user(&app, "bob").await;
    let carl = Api::for_user(&app, "carl").await;
    let bob_id = account_id(&carl, "bob").await;

    let relationship: Value = carl
        .post_form(&format!("/api/v1/accounts/{bob_id}/follow"), &[("notify", "true")])
        .await
        .json()
        .await
        .expect("JSON");
    assert_eq!(relationship["following"], true);
    assert_eq!(relationship["notifying"], true);
    let listed = carl.get_json(&format!("/api/v1/accounts/relationships?id[]={bob_id}")).await;
    assert_eq!(listed[0]["notifying"], true);

    let posted: Value = bob
        .post_form("/api/v1/statuses", &[("status", "Solar on every roof")])
        .await
        .json()
        .await
        .expect("JSON");
    let notifications = carl.get_json("/api/v1/notifications").await;
    assert_eq!(notifications.as_array().map(Vec::len), Some(1), "{notifications}");
    assert_eq!(notifications[0]["type"], "status");
    assert_eq!(notifications[0]["account"]["username"], "bob");
    assert_eq!(notifications[0]["status"]["id"], posted["id"]);
    let excluded = carl.get_json("/api/v1/notifications?exclude_types[]=status").await;
    assert_eq!(excluded, json!([]));
    // ana did not ask to hear of bob's posts.
    let ana = Api::for_user(&app, "ana").await;
    assert_eq!(ana.get_json("/api/v1/notifications?types[]=status").await, json!([]));

    // Following again without notify turns it off.
    let off: Value = carl
        .post_form(&format!("/api/v1/accounts/{bob_id}/follow"), &[("notify", "false")])
        .await
        .json()
        .await
        .expect("JSON");
    assert_eq!(off["notifying"], false);
    assert_eq!(off["following"], true);
    bob.post_form("/api/v1/statuses", &[("status", "Wind on every hill")]).await;
    assert_eq!(carl.get_json("/api/v1/notifications").await.as_array().map(Vec::len), Some(1));
}

pub async fn boosters_hear_of_edits_here_and_from_elsewhere(app: TestApp) {
    let post = thread_by_ana(&app).await;
    let ana = Api::for_user(&app, "ana").await;
    let bob = Api::for_user(&app, "bob").await;
    bob.post_form(&format!("/api/v1/statuses/{post}/reblog"), &[]).await;

    let edit = |text: &'static str| {
        let request = app
            .client
            .put(app.url(&format!("/api/v1/statuses/{post}")))
            .bearer_auth(&ana.token)
            .form(&[("status", text)]);
        async move { request.send().await.expect("PUT").status() }
    };
    assert_eq!(edit("Heat pumps\n\nNow with figures.").await, StatusCode::OK);
    let updates = bob.get_json("/api/v1/notifications?types[]=update").await;
    assert_eq!(updates.as_array().map(Vec::len), Some(1), "{updates}");
    assert_eq!(updates[0]["account"]["username"], "ana");
    assert_eq!(updates[0]["status"]["id"], post.to_string());
    let first = updates[0]["id"].as_str().expect("id").to_owned();
    // A second edit renews the notification rather than adding another.
    assert_eq!(edit("Heat pumps\n\nNow with more figures.").await, StatusCode::OK);
    let updates = bob.get_json("/api/v1/notifications?types[]=update").await;
    assert_eq!(updates.as_array().map(Vec::len), Some(1));
    assert_ne!(updates[0]["id"].as_str(), Some(first.as_str()), "listed as new");
    // carl did not boost it; ana wrote it.
    let carl = Api::for_user(&app, "carl").await;
    assert_eq!(carl.get_json("/api/v1/notifications?types[]=update").await, json!([]));
    assert_eq!(ana.get_json("/api/v1/notifications?types[]=update").await, json!([]));

    // A remote reply that bob boosted, then edited by its author: bob hears of it once per edit,
    // and a repeated delivery of the same version is no edit.
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let thread_url = app.state.uris.absolute(&format!("/t/{post}"));
    let note = |content: &str, updated: Option<&str>| {
        let mut note = json!({"id": peer.url("/notes/1"), "type": "Note", "attributedTo": zoe,
            "inReplyTo": thread_url, "content": content, "to": [PUBLIC],
            "published": "2026-01-02T03:04:05Z"});
        if let Some(updated) = updated {
            note["updated"] = json!(updated);
        }
        note
    };
    let create = json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url("/activities/1"),
        "type": "Create", "actor": zoe, "to": [PUBLIC], "object": note("<p>We did it in 2024.</p>", None)});
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &create).await, StatusCode::ACCEPTED);
    let context = ana.get_json(&format!("/api/v1/statuses/{post}/context")).await;
    let reply = context["descendants"][0]["id"].as_str().expect("the reply is stored").to_owned();
    bob.post_form(&format!("/api/v1/statuses/{reply}/reblog"), &[]).await;
    let update = json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url("/activities/2"),
        "type": "Update", "actor": zoe, "to": [PUBLIC],
        "object": note("<p>We did it in 2023.</p>", Some("2026-01-03T00:00:00Z"))});
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &update).await, StatusCode::ACCEPTED);
    let updates = bob.get_json("/api/v1/notifications?types[]=update").await;
    assert_eq!(updates.as_array().map(Vec::len), Some(2), "{updates}");
    assert_eq!(updates[0]["status"]["id"], reply.as_str());
    assert!(updates[0]["account"]["acct"].as_str().unwrap_or_default().starts_with("zoe@"));
    let again = json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url("/activities/3"),
        "type": "Update", "actor": zoe, "to": [PUBLIC],
        "object": note("<p>We did it in 2023.</p>", Some("2026-01-03T00:00:00Z"))});
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &again).await, StatusCode::ACCEPTED);
    let after = bob.get_json("/api/v1/notifications?types[]=update").await;
    assert_eq!(after[0]["id"], updates[0]["id"], "the same version again is no new edit");
}

on_both_backends!(
    boosts_show_in_the_home_timeline_and_on_the_profile,
    a_follow_with_notify_brings_status_notifications,
    boosters_hear_of_edits_here_and_from_elsewhere
);
