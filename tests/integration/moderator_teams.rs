//! Moderator teams: the owner appoints and dismisses moderators on `/g/{name}/team` (people here
//! and elsewhere); the group's moderators collection lists them; the group announces Lemmy's
//! `Add`/`Remove`; a remote group's `Add`/`Remove` (its own, or announced for a moderator) teach
//! us its team, so the new moderator's removals count here.

use allmende::service::{CurrentUser, ServiceError, thread_locks, threads};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{TestApp, count_rows};
use crate::groups::thread;
use crate::on_both_backends;
use crate::outbound::{drain, group_with_remote_follower, new_bodies};
use crate::peer::Peer;
use crate::sink::Sink;

const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";
const AS: &str = "https://www.w3.org/ns/activitystreams";

async fn may_lock(app: &TestApp, user: &CurrentUser, thread: allmende::domain::PostId) -> bool {
    match thread_locks::set_thread_lock(&app.ctx, user, thread, true).await {
        Ok(()) => {
            thread_locks::set_thread_lock(&app.ctx, user, thread, false).await.expect("unlock");
            true
        }
        Err(ServiceError::Forbidden) => false,
        Err(other) => panic!("lock: {other:?}"),
    }
}

/// The group's announcements of team changes the sink got after the first `seen` bodies (the
/// locks that check a moderator's rights are announced too).
fn team_changes(sink: &Sink, seen: usize) -> Vec<Value> {
    new_bodies(sink, seen)
        .into_iter()
        .filter(|body| matches!(body["object"]["type"].as_str(), Some("Add" | "Remove")))
        .collect()
}

async fn moderators_collection(app: &TestApp) -> Value {
    app.client
        .get(app.url("/g/energy/moderators"))
        .header("accept", "application/activity+json")
        .send()
        .await
        .expect("GET moderators")
        .json()
        .await
        .expect("JSON")
}

pub async fn the_owner_appoints_and_dismisses_moderators(app: TestApp) {
    let sink = Sink::start().await;
    let (ana, _) = group_with_remote_follower(&app, &sink).await;
    let bo = app.create_user("bo").await;
    app.create_user("cy").await;
    let heat = threads::create_thread(&app.ctx, &ana, "energy", thread("Heat pumps")).await.expect("thread");
    drain(&app).await;
    assert!(!may_lock(&app, &bo, heat).await, "bo moderates nothing yet");

    let (status, page) = app.get_html("/g/energy").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("/g/energy/team"), "the group page links its team");

    app.sign_in("bo").await;
    let refused = app.post_form("/g/energy/team", &[("handle", "cy")]).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN, "only the owner changes the team");
    let (_, page) = app.get_html("/g/energy/team").await;
    assert!(!page.contains("name=\"handle\""), "no appoint form for others");

    app.sign_in("ana").await;
    let (_, page) = app.get_html("/g/energy/team").await;
    assert!(page.contains("name=\"handle\""), "the owner sees the appoint form");
    let unknown = app.post_form("/g/energy/team", &[("handle", "nobody")]).await;
    assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unknown.text().await.expect("page").contains("nobody"), "the page says who was not found");
    let seen = sink.accepted().len();
    let appointed = app.post_form("/g/energy/team", &[("handle", "bo")]).await;
    assert_eq!(appointed.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get_html("/g/energy/team").await;
    assert!(page.contains("/u/bo") && page.contains("Dismiss"), "bo is on the team");
    assert!(may_lock(&app, &bo, heat).await, "bo moderates now");
    let listed = moderators_collection(&app).await;
    let bo_url = app.state.uris.absolute("/u/bo");
    assert!(listed["orderedItems"].as_array().expect("items").contains(&json!(bo_url)), "{listed}");

    drain(&app).await;
    let sent = team_changes(&sink, seen);
    let group_url = app.state.uris.absolute("/g/energy");
    let [announce] = &sent[..] else { panic!("one Announce of the Add: {sent:?}") };
    assert_eq!(announce["actor"], group_url.as_str());
    let add = &announce["object"];
    assert_eq!(add["type"], "Add");
    assert_eq!(add["actor"], app.state.uris.absolute("/u/ana").as_str());
    assert_eq!(add["object"], bo_url.as_str());
    assert_eq!(add["target"], app.state.uris.absolute("/g/energy/moderators").as_str());
    assert_eq!(add["audience"], group_url.as_str());
    assert_eq!(add["to"], json!([PUBLIC]));

    let seen = sink.accepted().len();
    let dismissed = app.post_form(&format!("/g/energy/team/{}/dismiss", bo.id.0), &[]).await;
    assert_eq!(dismissed.status(), StatusCode::SEE_OTHER);
    assert!(!may_lock(&app, &bo, heat).await, "bo moderates no more");
    let owner_stays = app.post_form(&format!("/g/energy/team/{}/dismiss", ana.id.0), &[]).await;
    assert_eq!(owner_stays.status(), StatusCode::UNPROCESSABLE_ENTITY, "the owner stays");
    drain(&app).await;
    let sent = team_changes(&sink, seen);
    let [announce] = &sent[..] else { panic!("one Announce of the Remove: {sent:?}") };
    assert_eq!(announce["object"]["type"], "Remove");
    assert_eq!(announce["object"]["object"], bo_url.as_str());
    assert_eq!(count_rows(&app, "group_moderators").await, 1);
}

/// A remote group announces Lemmy's `Add` of a moderator on a third server: that moderator's
/// removal, sent directly, then counts here; after the group's `Remove` it no longer does. An
/// `Add` from someone who does not moderate the group is refused.
pub async fn a_remote_groups_team_is_learned_from_add_and_remove(app: TestApp) {
    let mut good = Peer::start().await;
    let group = good.add_actor("wind", "Group");
    let bea = good.add_actor("bea", "Person");
    let mallory = good.add_actor("mallory", "Person");
    let mut third = Peer::start().await;
    let moderator = third.add_actor("mo", "Person");
    let moderators_url = format!("{group}/moderators");
    let mut group_document = good.document(&group).expect("group");
    group_document["attributedTo"] = json!(moderators_url);
    good.publish(&group, group_document);
    good.publish(
        &moderators_url,
        json!({"@context": AS, "id": moderators_url, "type": "OrderedCollection", "orderedItems": []}),
    );
    let inbox = app.url("/inbox");
    let hello =
        json!({"@context": AS, "id": good.url("/hello"), "type": "View", "actor": group, "object": group});
    assert_eq!(good.deliver(&group, &inbox, &hello).await, StatusCode::ACCEPTED);
    let group_id =
        allmende::service::remote::known_actor(&app.ctx, &group).await.expect("lookup").expect("group").0;
    let reader = app.create_user("reader").await;
    allmende::service::follows::follow_actor(&app.ctx, &reader, group_id).await.expect("follow");
    let posts: Vec<String> = (1..=2).map(|n| good.url(&format!("/posts/{n}"))).collect();
    for (n, post) in posts.iter().enumerate() {
        let page = json!({"id": post, "type": "Page", "attributedTo": bea, "name": format!("Wind {n}"),
            "content": "<p>Wind</p>", "to": [PUBLIC, group], "audience": group});
        good.publish(post, page.clone());
        let create = json!({"@context": AS, "id": good.url(&format!("/creates/{n}")), "type": "Create",
            "actor": bea, "to": [PUBLIC, group], "object": page});
        assert_eq!(good.deliver(&bea, &inbox, &create).await, StatusCode::ACCEPTED);
    }
    let change = |id: String, kind: &str, actor: &str| {
        json!({"@context": AS, "id": id, "type": kind, "actor": actor, "object": moderator,
               "target": moderators_url, "audience": group, "to": [PUBLIC], "cc": [group]})
    };
    let by_mallory = change(good.url("/adds/0"), "Add", &mallory);
    assert_eq!(good.deliver(&mallory, &inbox, &by_mallory).await, StatusCode::FORBIDDEN);

    let announce = |n: u32, inner: Value| {
        json!({"@context": AS, "id": good.url(&format!("/announces/{n}")), "type": "Announce",
               "actor": group, "to": [PUBLIC], "object": inner})
    };
    let add = change(good.url("/adds/1"), "Add", &group);
    assert_eq!(good.deliver(&group, &inbox, &announce(1, add)).await, StatusCode::ACCEPTED);
    let delete = |n: u32, post: &str| {
        json!({"@context": AS, "id": third.url(&format!("/deletes/{n}")), "type": "Delete", "actor": moderator,
               "object": {"id": post, "type": "Tombstone"}, "to": [PUBLIC], "audience": group})
    };
    assert_eq!(third.deliver(&moderator, &inbox, &delete(1, &posts[0])).await, StatusCode::ACCEPTED);
    let removed = |post: &str| {
        let post = post.to_owned();
        let ctx = app.ctx.clone();
        async move {
            let id =
                allmende::service::remote::post_by_ap_id(&ctx, &post).await.expect("lookup").expect("post");
            allmende::service::federated::get_post(&ctx, id).await.expect("post").deleted
        }
    };
    assert!(removed(&posts[0]).await, "the moderator the group added removed the post");

    let remove = change(good.url("/removes/1"), "Remove", &group);
    assert_eq!(good.deliver(&group, &inbox, &announce(2, remove)).await, StatusCode::ACCEPTED);
    assert_eq!(third.deliver(&moderator, &inbox, &delete(2, &posts[1])).await, StatusCode::FORBIDDEN);
    assert!(!removed(&posts[1]).await, "a dismissed moderator removes nothing");
}

/// Lemmy's own `Add` and `Remove` of a moderator (its JSON, moved to a loopback peer), sent by a
/// moderator the community lists: lemmy_alpha joins and leaves what we keep of the team.
pub async fn lemmys_add_and_remove_of_a_moderator_are_honoured(app: TestApp) {
    use crate::fixture_processing::{rewrite_url, stage};
    let reader = app.create_user("reader").await;
    let mut peer = Peer::start().await;
    let prefix = peer.url("/teams");
    let files = ["lemmy/activities/community/add_mod.json", "lemmy/activities/community/remove_mod.json"];
    let deliveries = stage(&app, &mut peer, &prefix, &files, &reader).await;
    let [(add, beta), (remove, _)] = &deliveries[..] else { panic!("two deliveries") };
    let group = rewrite_url("http://enterprise.lemmy.ml/c/main", &prefix);
    let moderators = format!("{group}/moderators");
    let mut group_document = peer.document(&group).expect("group served");
    group_document["attributedTo"] = json!(moderators);
    peer.publish(&group, group_document);
    peer.publish(
        &moderators,
        json!({"@context": AS, "id": moderators, "type": "OrderedCollection", "orderedItems": [beta]}),
    );
    let hello = json!({"@context": AS, "id": format!("{group}/hello"), "type": "View", "actor": group, "object": group});
    assert_eq!(peer.deliver(&group, &app.url("/inbox"), &hello).await, StatusCode::ACCEPTED);
    let group_id =
        allmende::service::remote::known_actor(&app.ctx, &group).await.expect("lookup").expect("group").0;
    let alpha = rewrite_url("http://ds9.lemmy.ml/u/lemmy_alpha", &prefix);
    let listed = || async {
        let mut conn = app.ctx.db.acquire().await.expect("connection");
        allmende::db::remote_moderators::list_remote_moderators(&mut conn.conn(), group_id.0)
            .await
            .expect("list")
    };
    assert_eq!(peer.deliver(beta, &app.url("/inbox"), add).await, StatusCode::ACCEPTED);
    assert!(listed().await.contains(&alpha), "lemmy_alpha moderates now: {:?}", listed().await);
    assert_eq!(peer.deliver(beta, &app.url("/inbox"), remove).await, StatusCode::ACCEPTED);
    assert!(!listed().await.contains(&alpha), "lemmy_alpha was dismissed");
    assert!(listed().await.contains(beta), "lemmy_beta stays");
}

on_both_backends!(
    the_owner_appoints_and_dismisses_moderators,
    a_remote_groups_team_is_learned_from_add_and_remove,
    lemmys_add_and_remove_of_a_moderator_are_honoured
);
