//! Pinned threads: a moderator pins a thread to the top of one of our groups (the thread page's
//! button), and the group tells its followers with Lemmy's `Add` (unpinning: `Remove`) to its
//! `featured` collection, which the group serves. Lemmy's own `Add`/`Remove` (its JSON) pin and
//! unpin threads of a Lemmy community we follow, when its moderator sends them.

use allmende::service::{ServiceError, remote, thread_pins, threads};
use reqwest::StatusCode;
use serde_json::json;

use crate::common::TestApp;
use crate::fixture_processing::{rewrite_url, stage};
use crate::groups::thread;
use crate::on_both_backends;
use crate::outbound::{announced, drain, group_with_remote_follower, local, new_bodies};
use crate::peer::Peer;
use crate::sink::Sink;

/// Where `title` first appears on the group page.
async fn position_on_group_page(app: &TestApp, title: &str) -> usize {
    let (status, page) = app.get_html("/g/energy").await;
    assert_eq!(status, StatusCode::OK);
    page.find(title).unwrap_or_else(|| panic!("{title} on the group page:\n{page}"))
}

pub async fn moderators_pin_threads_to_the_top_and_followers_hear_it(app: TestApp) {
    let sink = Sink::start().await;
    let (ana, _) = group_with_remote_follower(&app, &sink).await;
    let older =
        threads::create_thread(&app.ctx, &ana, "energy", thread("Older thread")).await.expect("thread");
    app.clock.advance_seconds(5);
    threads::create_thread(&app.ctx, &ana, "energy", thread("Newer thread")).await.expect("thread");
    drain(&app).await;
    let seen = sink.accepted().len();
    assert!(
        position_on_group_page(&app, "Newer thread").await
            < position_on_group_page(&app, "Older thread").await
    );

    let carl = app.create_user("carl").await;
    let refused = thread_pins::set_thread_pin(&app.ctx, &carl, older, true).await;
    assert!(matches!(refused, Err(ServiceError::Forbidden)), "only moderators pin: {refused:?}");

    app.sign_in("ana").await;
    let (_, page) = app.get_html(&format!("/t/{}", older.0)).await;
    assert!(page.contains(&format!("/t/{}/pin", older.0)), "the moderator sees the button");
    let response = app.post_form(&format!("/t/{}/pin", older.0), &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(thread_pins::is_thread_pinned(&app.ctx, older).await.expect("pinned?"));
    assert!(
        position_on_group_page(&app, "Older thread").await
            < position_on_group_page(&app, "Newer thread").await
    );
    let (_, page) = app.get_html("/g/energy").await;
    assert!(page.contains("Pinned"), "the pinned thread is marked");

    drain(&app).await;
    let got = new_bodies(&sink, seen);
    let [announce] = &got[..] else { panic!("one Announce of the Add: {got:?}") };
    let add = announced(&app, announce);
    assert_eq!(add["type"], "Add");
    assert_eq!(add["actor"], local(&app, "/u/ana"));
    assert_eq!(add["object"], local(&app, &format!("/t/{}", older.0)));
    assert_eq!(add["target"], local(&app, "/g/energy/featured"));
    assert_eq!(add["audience"], local(&app, "/g/energy"));

    let group =
        app.client.get(app.url("/g/energy")).header("accept", "application/activity+json").send().await;
    let group: serde_json::Value = group.expect("group").json().await.expect("JSON");
    assert_eq!(group["featured"], local(&app, "/g/energy/featured"));
    let featured =
        app.client.get(app.url("/g/energy/featured")).header("accept", "application/activity+json");
    let featured: serde_json::Value = featured.send().await.expect("featured").json().await.expect("JSON");
    assert_eq!(featured["type"], "OrderedCollection");
    assert_eq!(featured["orderedItems"][0]["type"], "Page");
    assert_eq!(featured["orderedItems"][0]["id"], local(&app, &format!("/t/{}", older.0)));

    let response = app.post_form(&format!("/t/{}/unpin", older.0), &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(
        position_on_group_page(&app, "Newer thread").await
            < position_on_group_page(&app, "Older thread").await
    );
    drain(&app).await;
    let got = new_bodies(&sink, seen + 1);
    let [announce] = &got[..] else { panic!("one Announce of the Remove: {got:?}") };
    let remove = announced(&app, announce);
    assert_eq!(remove["type"], "Remove");
    assert_eq!(remove["target"], local(&app, "/g/energy/featured"));

    // Both are in the group's modlog, newest first, with who did it.
    let modlog: serde_json::Value = app.get("/g/energy/modlog.json").await.json().await.expect("modlog JSON");
    let kinds: Vec<&str> =
        modlog["items"].as_array().expect("items").iter().filter_map(|i| i["kind"].as_str()).collect();
    assert_eq!(kinds, ["unpin", "pin"], "{modlog}");
    assert_eq!(modlog["items"][1]["moderator"], "ana");
    assert_eq!(modlog["items"][1]["target_post"], format!("/t/{}", older.0));
    let (_, page) = app.get_html("/g/energy/modlog").await;
    assert!(page.contains("Thread pinned") && page.contains("Thread unpinned"), "{page}");
}

/// Lemmy's `Add` and `Remove` of a post to its community's featured collection (its JSON):
/// honoured from the community's moderator, refused from anyone else.
pub async fn lemmy_pins_and_unpins_threads_of_its_communities(app: TestApp) {
    let reader = app.create_user("reader").await;
    let mut peer = Peer::start().await;
    let prefix = peer.url("/pins");
    let deliveries = stage(
        &app,
        &mut peer,
        &prefix,
        &[
            "lemmy/activities/community/add_featured_post.json",
            "lemmy/activities/community/remove_featured_post.json",
        ],
        &reader,
    )
    .await;
    let [(add, moderator), (remove, _)] = &deliveries[..] else {
        panic!("two deliveries");
    };
    let group = rewrite_url("https://ds9.lemmy.ml/c/main", &prefix);
    let thread = rewrite_url("https://ds9.lemmy.ml/post/2", &prefix);
    let moderators = format!("{group}/moderators");
    let mut group_document = peer.document(&group).expect("group served");
    group_document["attributedTo"] = json!(moderators);
    peer.publish(&group, group_document);
    peer.publish(
        &moderators,
        json!({"@context": "https://www.w3.org/ns/activitystreams", "id": moderators,
               "type": "OrderedCollection", "orderedItems": [moderator]}),
    );
    let bea = format!("{prefix}/ds9.lemmy.ml/u/bea");
    peer.add_actor_at(&bea, "Person");
    let inbox = app.url("/inbox");
    let page = json!({"id": thread, "type": "Page", "attributedTo": bea, "name": "Heat pumps",
        "content": "<p>Which one?</p>", "to": ["https://www.w3.org/ns/activitystreams#Public", group],
        "audience": group});
    let create = json!({"@context": "https://www.w3.org/ns/activitystreams", "id": format!("{prefix}/creates/1"),
        "type": "Create", "actor": bea, "to": ["https://www.w3.org/ns/activitystreams#Public"], "cc": [group],
        "audience": group, "object": page});
    assert_eq!(peer.deliver(&bea, &inbox, &create).await, StatusCode::ACCEPTED);
    let opener = remote::post_by_ap_id(&app.ctx, &thread).await.expect("lookup").expect("thread stored");
    let pinned = || async { thread_pins::is_thread_pinned(&app.ctx, opener).await.expect("pinned?") };

    let mut by_bea = add.clone();
    by_bea["id"] = json!(format!("{prefix}/adds/by-bea"));
    by_bea["actor"] = json!(bea);
    assert_eq!(peer.deliver(&bea, &inbox, &by_bea).await, StatusCode::FORBIDDEN);
    assert!(!pinned().await, "bea does not moderate the community");

    assert_eq!(peer.deliver(moderator, &inbox, add).await, StatusCode::ACCEPTED);
    assert!(pinned().await, "the moderator's Add pins the thread");
    // Lemmy's fixture gives the Remove the Add's id; a real Remove has its own.
    let mut remove = remove.clone();
    remove["id"] = json!(format!("{prefix}/removes/1"));
    assert_eq!(peer.deliver(moderator, &inbox, &remove).await, StatusCode::ACCEPTED);
    assert!(!pinned().await, "the Remove unpins it");
}

on_both_backends!(
    moderators_pin_threads_to_the_top_and_followers_hear_it,
    lemmy_pins_and_unpins_threads_of_its_communities,
);
