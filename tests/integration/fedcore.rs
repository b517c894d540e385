//! Federation core against a fake remote server: an `Undo` naming a Like by its id, removals by
//! a remote group's moderators, a reply that pulls in its unknown thread (`context`), and a
//! fetch that fails for now making the sender retry instead of losing the post.

use std::time::Duration;

use allmende::domain::{ActorId, PostId};
use allmende::service::remote::{self, RemotePost};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{TestApp, count_rows};
use crate::groups::{group, thread};
use crate::on_both_backends;
use crate::peer::Peer;

const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";
const AS: &str = "https://www.w3.org/ns/activitystreams";

/// ana's group `energy` with her thread in it.
async fn local_thread(app: &TestApp) -> PostId {
    let ana = app.create_user("ana").await;
    allmende::service::groups::create_group(&app.ctx, ana.id, group("energy", "discussion"))
        .await
        .expect("group");
    allmende::service::threads::create_thread(&app.ctx, &ana, "energy", thread("Heat pumps"))
        .await
        .expect("thread")
}

/// One of our URLs as our documents name it.
fn local(app: &TestApp, path: &str) -> String {
    app.state.uris.absolute(path)
}

async fn like_count(app: &TestApp, post: PostId) -> i64 {
    let status: Value =
        app.get(&format!("/api/v1/statuses/{}", post.0)).await.json().await.expect("status JSON");
    status["favourites_count"].as_i64().expect("favourites_count")
}

/// Mastodon names the undone Like by its id only: the like is found by that id, and only the
/// actor who liked can take it back.
pub async fn an_undo_naming_the_like_by_id_takes_it_back(app: TestApp) {
    let post = local_thread(&app).await;
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let mallory = peer.add_actor("mallory", "Person");
    let like_id = peer.url("/likes/1");
    let like = json!({"@context": AS, "id": like_id, "type": "Like", "actor": zoe,
                      "object": local(&app, &format!("/t/{}", post.0))});
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &like).await, StatusCode::ACCEPTED);
    assert_eq!(like_count(&app, post).await, 1);
    let undo = |actor: &str, n: u32| {
        json!({"@context": AS, "id": peer.url(&format!("/undos/{n}")), "type": "Undo", "actor": actor,
               "object": like_id})
    };
    assert_eq!(peer.deliver(&mallory, &app.url("/inbox"), &undo(&mallory, 1)).await, StatusCode::ACCEPTED);
    assert_eq!(like_count(&app, post).await, 1, "someone else's Like id changes nothing");
    assert_eq!(count_rows(&app, "likes").await, 1);
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &undo(&zoe, 2)).await, StatusCode::ACCEPTED);
    assert_eq!(like_count(&app, post).await, 0, "the like was taken back");
    assert_eq!(count_rows(&app, "likes").await, 0);
    // Liking again works, and an Undo embedding the Like still does too.
    let again = json!({"@context": AS, "id": peer.url("/likes/2"), "type": "Like", "actor": zoe,
                       "object": local(&app, &format!("/t/{}", post.0))});
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &again).await, StatusCode::ACCEPTED);
    assert_eq!(like_count(&app, post).await, 1);
    let embedded =
        json!({"@context": AS, "id": peer.url("/undos/3"), "type": "Undo", "actor": zoe, "object": again});
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &embedded).await, StatusCode::ACCEPTED);
    assert_eq!(like_count(&app, post).await, 0);
}

/// Makes the peer's actor known here: it delivers an activity we ignore.
pub(crate) async fn known(app: &TestApp, peer: &Peer, actor: &str, n: u32) -> ActorId {
    let hello = json!({"@context": AS, "id": peer.url(&format!("/hello/{n}")), "type": "View", "actor": actor,
                       "object": actor});
    assert_eq!(peer.deliver(actor, &app.url("/inbox"), &hello).await, StatusCode::ACCEPTED);
    remote::known_actor(&app.ctx, actor).await.expect("lookup").expect("actor stored").0
}

/// A remote thread opener (titled "Wind") or reply in `group`, stored as if received.
pub(crate) async fn remote_post(
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
            content_html: "<p>Wind?</p>".into(),
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

async fn is_deleted(app: &TestApp, post: PostId) -> bool {
    allmende::service::federated::get_post(&app.ctx, post).await.expect("post").deleted
}

/// A remote group's moderator (listed in the group's `attributedTo` collection) removes
/// someone else's post; the group itself may too; anyone else is refused with 403.
pub async fn moderators_of_a_remote_group_remove_posts(app: TestApp) {
    let mut peer = Peer::start().await;
    let group_url = peer.add_actor("wind", "Group");
    let bea = peer.add_actor("bea", "Person");
    let moderator = peer.add_actor("mo", "Person");
    let mallory = peer.add_actor("mallory", "Person");
    let moderators_url = format!("{group_url}/moderators");
    let mut group_document = peer.document(&group_url).expect("group document");
    group_document["attributedTo"] = json!(moderators_url);
    peer.publish(&group_url, group_document);
    peer.publish(
        &moderators_url,
        json!({"@context": AS, "id": moderators_url, "type": "OrderedCollection", "orderedItems": [moderator]}),
    );
    let group_id = known(&app, &peer, &group_url, 1).await;
    let bea_id = known(&app, &peer, &bea, 2).await;
    let opener = remote_post(&app, &peer.url("/posts/1"), bea_id, group_id, None).await;
    let reply = remote_post(&app, &peer.url("/posts/2"), bea_id, group_id, Some(opener)).await;
    let second = remote_post(&app, &peer.url("/posts/3"), bea_id, group_id, None).await;
    let delete = |actor: &str, n: u32, object: String| {
        json!({"@context": AS, "id": peer.url(&format!("/deletes/{n}")), "type": "Delete", "actor": actor,
               "object": {"id": object, "type": "Tombstone"}, "to": [PUBLIC], "audience": group_url})
    };

    let by_mallory = delete(&mallory, 1, peer.url("/posts/2"));
    assert_eq!(peer.deliver(&mallory, &app.url("/inbox"), &by_mallory).await, StatusCode::FORBIDDEN);
    assert!(!is_deleted(&app, reply).await, "someone who does not moderate the group is refused");

    let by_moderator = delete(&moderator, 2, peer.url("/posts/2"));
    assert_eq!(peer.deliver(&moderator, &app.url("/inbox"), &by_moderator).await, StatusCode::ACCEPTED);
    assert!(is_deleted(&app, reply).await, "the moderator removed the reply");
    assert!(!is_deleted(&app, opener).await);

    // Lemmy's way: the moderator's Delete announced by the group.
    let announce = json!({"@context": AS, "id": peer.url("/announces/1"), "type": "Announce", "actor": group_url,
        "to": [PUBLIC], "object": delete(&moderator, 3, peer.url("/posts/1"))});
    assert_eq!(peer.deliver(&group_url, &app.url("/inbox"), &announce).await, StatusCode::ACCEPTED);
    assert!(is_deleted(&app, opener).await, "the announced removal applies");

    let by_group = delete(&group_url, 4, peer.url("/posts/3"));
    assert_eq!(peer.deliver(&group_url, &app.url("/inbox"), &by_group).await, StatusCode::ACCEPTED);
    assert!(is_deleted(&app, second).await, "the group removes posts in it");
}

/// A reply to a thread we do not have: its parent chain is fetched at once, and the rest of the
/// thread comes from the opener's `context` collection, paged.
pub async fn a_reply_to_an_unknown_thread_pulls_in_the_thread(app: TestApp) {
    local_thread(&app).await;
    let mut peer = Peer::start().await;
    let bea = peer.add_actor("bea", "Person");
    let zoe = peer.add_actor("zoe", "Person");
    let context = peer.url("/contexts/1");
    let post = |n: u32, author: &str, parent: Option<u32>| {
        let mut post = json!({"@context": AS, "id": peer.url(&format!("/posts/{n}")), "type": "Note",
            "attributedTo": author, "content": format!("<p>Post {n}</p>"), "to": [PUBLIC],
            "audience": local(&app, "/g/energy"), "context": context, "published": "2026-01-02T03:04:05Z"});
        match parent {
            Some(parent) => post["inReplyTo"] = json!(peer.url(&format!("/posts/{parent}"))),
            None => {
                post["type"] = json!("Page");
                post["name"] = json!("Wind turbines");
            }
        }
        post
    };
    for (n, author, parent) in [(1, &bea, None), (2, &zoe, Some(1)), (3, &bea, Some(2)), (4, &zoe, Some(1))] {
        peer.publish(&peer.url(&format!("/posts/{n}")), post(n, author, parent));
    }
    // Post 5 is embedded in the second page; post 6 is on a page past the first two.
    let page = |n: u32, items: Value, next: Option<u32>| {
        let mut page = json!({"@context": AS, "id": peer.url(&format!("/contexts/1/page/{n}")),
            "type": "OrderedCollectionPage", "partOf": context, "orderedItems": items});
        if let Some(next) = next {
            page["next"] = json!(peer.url(&format!("/contexts/1/page/{next}")));
        }
        page
    };
    peer.publish(
        &context,
        json!({"@context": AS, "id": context, "type": "OrderedCollection", "totalItems": 5,
               "first": peer.url("/contexts/1/page/1")}),
    );
    peer.publish(
        &peer.url("/contexts/1/page/1"),
        page(1, json!([peer.url("/posts/1"), peer.url("/posts/2"), peer.url("/posts/3")]), Some(2)),
    );
    peer.publish(
        &peer.url("/contexts/1/page/2"),
        page(2, json!([peer.url("/posts/4"), post(5, &zoe, Some(4))]), None),
    );

    let create = json!({"@context": AS, "id": peer.url("/creates/3"), "type": "Create", "actor": bea,
                        "to": [PUBLIC], "object": post(3, &bea, Some(2))});
    assert_eq!(peer.deliver(&bea, &app.url("/inbox"), &create).await, StatusCode::ACCEPTED);
    for n in 1..=3 {
        assert!(stored(&app, &peer, n).await, "post {n} is there at once");
    }
    // The context is read in the background.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while !(stored(&app, &peer, 4).await && stored(&app, &peer, 5).await) {
        assert!(tokio::time::Instant::now() < deadline, "the thread's context was not read");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let opener =
        remote::post_by_ap_id(&app.ctx, &peer.url("/posts/1")).await.expect("lookup").expect("opener");
    let five = remote::post_by_ap_id(&app.ctx, &peer.url("/posts/5")).await.expect("lookup").expect("post 5");
    let five = allmende::service::federated::get_post(&app.ctx, five).await.expect("post 5");
    assert_eq!(five.root_id, opener, "the backfilled reply joined its thread");
}

async fn stored(app: &TestApp, peer: &Peer, n: u32) -> bool {
    remote::post_by_ap_id(&app.ctx, &peer.url(&format!("/posts/{n}"))).await.expect("lookup").is_some()
}

/// A reply whose parent cannot be fetched now (its server answers 503) is not acknowledged and
/// lost: the inbox answers 503 with `Retry-After`, and the sender's retry stores it. A parent
/// that does not exist is final: 202, nothing stored.
pub async fn a_parent_that_cannot_be_fetched_yet_makes_the_sender_retry(app: TestApp) {
    local_thread(&app).await;
    let mut peer = Peer::start().await;
    let bea = peer.add_actor("bea", "Person");
    let opener = json!({"@context": AS, "id": peer.url("/posts/1"), "type": "Page", "name": "Wind",
        "attributedTo": bea, "content": "<p>Wind?</p>", "to": [PUBLIC], "audience": local(&app, "/g/energy")});
    peer.publish(&peer.url("/posts/1"), opener);
    peer.set_unavailable(&peer.url("/posts/1"), true);
    let reply = |n: u32, parent: &str| {
        json!({"@context": AS, "id": peer.url(&format!("/creates/{n}")), "type": "Create", "actor": bea,
               "to": [PUBLIC], "object": {"id": peer.url(&format!("/replies/{n}")), "type": "Note",
               "attributedTo": bea, "content": "<p>Yes</p>", "to": [PUBLIC], "inReplyTo": parent}})
    };
    let create = reply(1, &peer.url("/posts/1"));
    assert_eq!(peer.deliver(&bea, &app.url("/inbox"), &create).await, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(count_rows(&app, "posts").await, 1, "nothing stored yet");

    peer.set_unavailable(&peer.url("/posts/1"), false);
    assert_eq!(peer.deliver(&bea, &app.url("/inbox"), &create).await, StatusCode::ACCEPTED, "the retry");
    assert_eq!(count_rows(&app, "posts").await, 3, "the parent and the reply arrived");
    assert_eq!(peer.deliver(&bea, &app.url("/inbox"), &create).await, StatusCode::ACCEPTED);
    assert_eq!(count_rows(&app, "posts").await, 3, "once");

    // A parent that stays unavailable: the sender is asked to retry a few times, then the reply
    // is acknowledged and dropped, so the sender's queue to us is not held back for days.
    peer.publish(
        &peer.url("/posts/7"),
        json!({"@context": AS, "id": peer.url("/posts/7"), "type": "Page",
        "name": "Down", "attributedTo": bea, "content": "<p>?</p>", "to": [PUBLIC],
        "audience": local(&app, "/g/energy")}),
    );
    peer.set_unavailable(&peer.url("/posts/7"), true);
    let stuck = reply(3, &peer.url("/posts/7"));
    for _ in 0..allmende::federation::retry_budget::RETRIES_PER_ACTIVITY {
        assert_eq!(peer.deliver(&bea, &app.url("/inbox"), &stuck).await, StatusCode::SERVICE_UNAVAILABLE);
    }
    assert_eq!(peer.deliver(&bea, &app.url("/inbox"), &stuck).await, StatusCode::ACCEPTED, "given up");
    assert_eq!(count_rows(&app, "posts").await, 3);

    let orphan = reply(2, &peer.url("/posts/404"));
    assert_eq!(peer.deliver(&bea, &app.url("/inbox"), &orphan).await, StatusCode::ACCEPTED);
    assert_eq!(count_rows(&app, "posts").await, 3, "a missing parent is final");
}

/// The admin switches allowlist mode on the federation page; it is stored, refuses peers that
/// are not allowed at the inbox, and is switched off again the same way. Members may not.
pub async fn admins_switch_allowlist_mode_on_the_web_page(app: TestApp) {
    local_thread(&app).await;
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let follow = |n: u32| {
        json!({"@context": AS, "id": peer.url(&format!("/follows/{n}")), "type": "Follow", "actor": zoe,
               "object": local(&app, "/g/energy")})
    };
    app.signed_in_user("bob").await;
    let refused = app.post_form("/admin/federation/mode", &[("mode", "allowlist")]).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN, "members may not");
    assert!(!allmende::service::peers::allowlist_only(&app.ctx).await.expect("mode"));
    assert_eq!(app.post_form("/logout", &[]).await.status(), StatusCode::SEE_OTHER);
    allmende::service::accounts::create_account(
        &app.ctx,
        allmende::service::accounts::NewAccount {
            username: "root-admin".into(),
            email: None,
            password: crate::common::PASSWORD.into(),
            admin: true,
        },
    )
    .await
    .expect("admin");
    app.sign_in("root-admin").await;
    let (_, page) = app.get_html("/admin/federation").await;
    assert!(page.contains("every instance that is not blocked."), "open by default: {page}");

    let switched = app.post_form("/admin/federation/mode", &[("mode", "allowlist")]).await;
    assert_eq!(switched.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get_html("/admin/federation").await;
    assert!(page.contains("<strong>only with allowed instances</strong>"), "{page}");
    assert!(page.contains(r#"<option value="allowlist" selected>"#), "{page}");
    assert_eq!(count_rows(&app, "instance_settings").await, 1, "stored");
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &follow(1)).await, StatusCode::FORBIDDEN);

    let host = peer.base_url.trim_start_matches("http://").to_owned();
    let allowed = app.post_form("/admin/federation/policy", &[("host", &host), ("policy", "allowed")]).await;
    assert_eq!(allowed.status(), StatusCode::SEE_OTHER);
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &follow(2)).await, StatusCode::ACCEPTED);

    let odd = app.post_form("/admin/federation/mode", &[("mode", "closed")]).await;
    assert_eq!(odd.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(allmende::service::peers::allowlist_only(&app.ctx).await.expect("mode"), "unchanged");

    let reopened = app.post_form("/admin/federation/mode", &[("mode", "open")]).await;
    assert_eq!(reopened.status(), StatusCode::SEE_OTHER);
    assert!(!allmende::service::peers::allowlist_only(&app.ctx).await.expect("mode"));
    let mut other = Peer::start().await;
    let yves = other.add_actor("yves", "Person");
    let follow_by_yves = json!({"@context": AS, "id": other.url("/follows/1"), "type": "Follow", "actor": yves,
                                "object": local(&app, "/g/energy")});
    assert_eq!(other.deliver(&yves, &app.url("/inbox"), &follow_by_yves).await, StatusCode::ACCEPTED);
}

/// Every activity queued so far, as JSON.
pub(crate) async fn queued_activities(app: &TestApp) -> Vec<Value> {
    let sql = "SELECT payload FROM outbox_activities ORDER BY id";
    let mut conn = app.ctx.db.acquire().await.expect("connection");
    let payloads: Vec<String> = match conn.conn() {
        allmende::db::Conn::Sqlite(c) => sqlx::query_scalar(sql).fetch_all(c).await,
        allmende::db::Conn::Postgres(c) => sqlx::query_scalar(sql).fetch_all(c).await,
    }
    .expect("payloads");
    payloads.iter().map(|p| serde_json::from_str(p).expect("JSON payload")).collect()
}

/// The id of the request of `handle` on a requests page.
fn request_id(page: &str, handle: &str) -> String {
    let item =
        page.split("<li>").find(|item| item.contains(handle)).unwrap_or_else(|| panic!("{handle}: {page}"));
    let start = item.find("/requests/").expect("a request form") + "/requests/".len();
    item[start..].chars().take_while(char::is_ascii_digit).collect()
}

async fn follower_count(app: &TestApp) -> i64 {
    allmende::service::groups::get_group_page(&app.ctx, "energy", None, None)
        .await
        .expect("group")
        .0
        .follower_count
}

/// A closed group: its owner ticks "new followers need approval"; follows from here and from
/// elsewhere wait; a moderator approves (the remote follower gets the `Accept`) or rejects (a
/// `Reject`); the actor says `manuallyApprovesFollowers`. Others do not see the requests.
pub async fn closed_groups_hold_follows_until_a_moderator_decides(app: TestApp) {
    let ana = app.signed_in_user("ana").await;
    allmende::service::groups::create_group(&app.ctx, ana.id, group("energy", "discussion"))
        .await
        .expect("group");
    let bob = app.create_user("bob").await;
    let (_, page) = app.get_html("/g/energy").await;
    assert!(page.contains(r#"href="/g/energy/requests""#), "the owner sees the link: {page}");
    let (status, page) = app.get_html("/g/energy/requests").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("No pending requests."), "{page}");
    let closed = app.post_form("/g/energy/requests/settings", &[("closed", "on")]).await;
    assert_eq!(closed.status(), StatusCode::SEE_OTHER);
    let actor: Value = app
        .client
        .get(app.url("/g/energy"))
        .header("accept", "application/activity+json")
        .send()
        .await
        .expect("actor")
        .json()
        .await
        .expect("actor JSON");
    assert_eq!(actor["manuallyApprovesFollowers"], true);

    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let yves = peer.add_actor("yves", "Person");
    let follow = |actor: &str, n: u32| {
        json!({"@context": AS, "id": peer.url(&format!("/follows/{n}")), "type": "Follow", "actor": actor,
               "object": local(&app, "/g/energy")})
    };
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &follow(&zoe, 1)).await, StatusCode::ACCEPTED);
    assert_eq!(peer.deliver(&yves, &app.url("/inbox"), &follow(&yves, 2)).await, StatusCode::ACCEPTED);
    allmende::service::follows::follow_group(&app.ctx, &bob, "energy").await.expect("bob asks");
    let bob_sees = || async {
        allmende::service::groups::get_group_page(&app.ctx, "energy", Some(&bob), None).await.expect("page").0
    };
    let waiting = bob_sees().await;
    assert!(waiting.viewer_follows && waiting.viewer_follow_pending, "bob's page says his request waits");
    app.state.delivery.drain().await.expect("drain");
    assert_eq!(follower_count(&app).await, 0, "all wait");
    assert!(queued_activities(&app).await.iter().all(|a| a["type"] != "Accept"), "no Accept yet");

    assert!(matches!(
        allmende::service::follow_requests::get_requests_page(&app.ctx, &bob, "energy").await,
        Err(allmende::service::ServiceError::Forbidden)
    ));

    let (_, page) = app.get_html("/g/energy/requests").await;
    assert!(page.contains(r#"name="closed" checked"#), "{page}");
    let zoe_request = request_id(&page, &format!("zoe@{}", peer.base_url.trim_start_matches("http://")));
    let yves_request = request_id(&page, "yves@");
    let bob_request = request_id(&page, "(bob)");
    let approved = app.post_form(&format!("/g/energy/requests/{zoe_request}/approve"), &[]).await;
    assert_eq!(approved.status(), StatusCode::SEE_OTHER);
    let approved = app.post_form(&format!("/g/energy/requests/{bob_request}/approve"), &[]).await;
    assert_eq!(approved.status(), StatusCode::SEE_OTHER);
    assert!(!bob_sees().await.viewer_follow_pending, "approved: bob simply follows");
    let rejected = app.post_form(&format!("/g/energy/requests/{yves_request}/reject"), &[]).await;
    assert_eq!(rejected.status(), StatusCode::SEE_OTHER);
    let again = app.post_form(&format!("/g/energy/requests/{yves_request}/approve"), &[]).await;
    assert_eq!(again.status(), StatusCode::NOT_FOUND, "a rejected request is gone");
    assert_eq!(follower_count(&app).await, 2, "zoe and bob follow");
    assert_eq!(count_rows(&app, "follows").await, 2);
    app.state.delivery.drain().await.expect("drain");
    let queued = queued_activities(&app).await;
    let accept = queued.iter().find(|a| a["type"] == "Accept").expect("an Accept");
    assert_eq!(accept["object"]["id"], peer.url("/follows/1"));
    assert_eq!(accept["actor"], local(&app, "/g/energy"));
    let reject = queued.iter().find(|a| a["type"] == "Reject").expect("a Reject");
    assert_eq!(reject["object"]["id"], peer.url("/follows/2"));
    assert_eq!(reject["object"]["actor"], yves);
    assert_eq!(queued.iter().filter(|a| a["type"] == "Accept").count(), 1, "bob is local: no Accept");
    // zoe's server sends its Follow again: she stays a follower and is answered at once.
    let repeated = json!({"@context": AS, "id": peer.url("/follows/3"), "type": "Follow", "actor": zoe,
                          "object": local(&app, "/g/energy")});
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &repeated).await, StatusCode::ACCEPTED);
    assert_eq!(follower_count(&app).await, 2, "zoe still follows");
    app.state.delivery.drain().await.expect("drain");
    let accepts = queued_activities(&app).await.into_iter().filter(|a| a["type"] == "Accept").count();
    assert_eq!(accepts, 2, "the repeated Follow is accepted again");

    let (_, page) = app.get_html("/g/energy/requests").await;
    assert!(page.contains("No pending requests."), "{page}");
    let opened = app.post_form("/g/energy/requests/settings", &[]).await;
    assert_eq!(opened.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get_html("/g/energy/requests").await;
    assert!(!page.contains(r#"name="closed" checked"#), "{page}");

    assert_eq!(app.post_form("/logout", &[]).await.status(), StatusCode::SEE_OTHER);
    app.sign_in("bob").await;
    assert_eq!(app.get("/g/energy/requests").await.status(), StatusCode::FORBIDDEN, "bob does not moderate");
    let refused = app.post_form("/g/energy/requests/settings", &[("closed", "on")]).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let (_, page) = app.get_html("/g/energy").await;
    assert!(!page.contains(r#"href="/g/energy/requests""#), "no link for bob");
}

on_both_backends!(
    closed_groups_hold_follows_until_a_moderator_decides,
    admins_switch_allowlist_mode_on_the_web_page,
    an_undo_naming_the_like_by_id_takes_it_back,
    moderators_of_a_remote_group_remove_posts,
    a_reply_to_an_unknown_thread_pulls_in_the_thread,
    a_parent_that_cannot_be_fetched_yet_makes_the_sender_retry,
);
