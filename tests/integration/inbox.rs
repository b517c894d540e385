//! The inbox against a fake remote server: signatures, cheap refusals before any fetch, origin
//! checks, idempotency, and the activities that change state.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{TestApp, count_rows};
use crate::groups::group;
use crate::on_both_backends;
use crate::peer::Peer;

const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

pub(crate) async fn with_group(app: &TestApp) {
    let ana = app.create_user("ana").await;
    allmende::service::groups::create_group(&app.ctx, ana.id, group("energy", "discussion"))
        .await
        .expect("group");
}

pub(crate) fn follow(peer: &Peer, actor: &str, n: u32) -> Value {
    json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url(&format!("/follows/{n}")),
           "type": "Follow", "actor": actor, "object": "http://localhost/g/energy"})
}

fn create_page(peer: &Peer, actor: &str, n: u32, to_group: bool) -> Value {
    let object_id = peer.url(&format!("/posts/{n}"));
    let mut object = json!({"id": object_id, "type": "Note", "attributedTo": actor,
        "content": "<p>@energy Heat pumps for schools?</p><p>We should talk.</p>",
        "to": [PUBLIC], "cc": ["http://localhost/g/energy"],
        "tag": [{"type": "Mention", "href": "http://localhost/g/energy", "name": "@energy@localhost"}],
        "published": "2026-01-02T03:04:05Z"});
    if !to_group {
        object["cc"] = json!([]);
        object["tag"] = json!([]);
    }
    json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url(&format!("/activities/{n}")),
           "type": "Create", "actor": actor, "to": [PUBLIC], "object": object})
}

pub async fn unsigned_and_malformed_requests_are_refused_before_any_fetch(app: TestApp) {
    with_group(&app).await;
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let inbox = app.url("/inbox");
    let body = serde_json::to_vec(&follow(&peer, &zoe, 1)).expect("JSON");
    let json_type = ("content-type", "application/activity+json");
    assert_eq!(
        peer.post_raw(&inbox, &[json_type], body.clone()).await,
        Some(StatusCode::UNAUTHORIZED),
        "unsigned"
    );
    assert_eq!(
        peer.post_raw(&inbox, &[json_type, ("signature", "nonsense")], body.clone()).await,
        Some(StatusCode::UNAUTHORIZED)
    );
    assert_eq!(
        peer.post_raw(&inbox, &[("content-type", "text/plain")], body.clone()).await,
        Some(StatusCode::UNSUPPORTED_MEDIA_TYPE)
    );
    let huge = vec![b' '; 3 * 1024 * 1024];
    let status = peer.post_raw(&inbox, &[json_type], huge).await;
    assert!(
        matches!(status, None | Some(StatusCode::PAYLOAD_TOO_LARGE)),
        "refused before it is read: {status:?}"
    );
    assert_eq!(peer.fetch_count(), 0, "nothing was fetched for refused requests");
    assert_eq!(count_rows(&app, "follows").await, 0);
}

pub async fn a_signed_follow_is_accepted_once(app: TestApp) {
    with_group(&app).await;
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let activity = follow(&peer, &zoe, 1);
    assert_eq!(peer.deliver(&zoe, &app.url("/g/energy/inbox"), &activity).await, StatusCode::ACCEPTED);
    assert_eq!(
        peer.deliver(&zoe, &app.url("/inbox"), &activity).await,
        StatusCode::ACCEPTED,
        "a duplicate is fine"
    );
    let (details, _) =
        allmende::service::groups::get_group_page(&app.ctx, "energy", None, None).await.expect("group");
    assert_eq!(details.follower_count, 1);
    assert_eq!(count_rows(&app, "received_activities").await, 1);
    let undo = json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url("/undo/1"), "type": "Undo",
                      "actor": zoe, "object": activity});
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &undo).await, StatusCode::ACCEPTED);
    let (details, _) =
        allmende::service::groups::get_group_page(&app.ctx, "energy", None, None).await.expect("group");
    assert_eq!(details.follower_count, 0);
}

pub async fn forged_signatures_and_foreign_claims_are_refused(app: TestApp) {
    with_group(&app).await;
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let mallory = peer.add_actor("mallory", "Person");
    // mallory signs an activity that says zoe did it.
    let activity = follow(&peer, &zoe, 1);
    assert_eq!(peer.deliver(&mallory, &app.url("/inbox"), &activity).await, StatusCode::FORBIDDEN);
    // An object claiming our own domain.
    let mut claim = create_page(&peer, &zoe, 2, true);
    claim["object"]["id"] = json!("http://localhost/t/1");
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &claim).await, StatusCode::FORBIDDEN);
    // A Create whose object is attributed to someone else.
    let mut foreign = create_page(&peer, &zoe, 3, true);
    foreign["object"]["attributedTo"] = json!(mallory);
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &foreign).await, StatusCode::FORBIDDEN);
    // An activity id on another host than its actor.
    let mut elsewhere = follow(&peer, &zoe, 4);
    elsewhere["id"] = json!("https://elsewhere.example/follows/4");
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &elsewhere).await, StatusCode::FORBIDDEN);
    assert_eq!(count_rows(&app, "posts").await, 0);
    assert_eq!(count_rows(&app, "follows").await, 0);
}

pub async fn a_mention_of_a_group_starts_a_thread(app: TestApp) {
    with_group(&app).await;
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    assert_eq!(
        peer.deliver(&zoe, &app.url("/inbox"), &create_page(&peer, &zoe, 1, true)).await,
        StatusCode::ACCEPTED
    );
    let (_, threads) =
        allmende::service::groups::get_group_page(&app.ctx, "energy", None, None).await.expect("group");
    assert_eq!(threads.items.len(), 1);
    assert_eq!(
        threads.items[0].title.as_deref(),
        Some("Heat pumps for schools?"),
        "title from the first line"
    );
    assert_eq!(threads.items[0].author.host.as_deref(), Some(peer.base_url.trim_start_matches("http://")));
    assert_eq!(count_rows(&app, "boosts").await, 1, "the group shares the new thread");
    // A post that neither mentions a local group nor replies to anything here is not kept.
    assert_eq!(
        peer.deliver(&zoe, &app.url("/inbox"), &create_page(&peer, &zoe, 2, false)).await,
        StatusCode::ACCEPTED
    );
    assert_eq!(count_rows(&app, "posts").await, 1);
}

pub async fn deletes_need_authority_and_may_come_first(app: TestApp) {
    with_group(&app).await;
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let mallory = peer.add_actor("mallory", "Person");
    peer.deliver(&zoe, &app.url("/inbox"), &create_page(&peer, &zoe, 1, true)).await;
    let delete = |actor: &str, n: u32, object: String| {
        json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url(&format!("/deletes/{n}")),
               "type": "Delete", "actor": actor, "object": {"id": object, "type": "Tombstone"}, "to": [PUBLIC]})
    };
    let by_mallory = delete(&mallory, 1, peer.url("/posts/1"));
    assert_eq!(peer.deliver(&mallory, &app.url("/inbox"), &by_mallory).await, StatusCode::FORBIDDEN);
    assert_eq!(
        allmende::service::threads::list_latest_threads(&app.ctx, None, None)
            .await
            .expect("threads")
            .items
            .len(),
        1
    );
    let by_zoe = delete(&zoe, 2, peer.url("/posts/1"));
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &by_zoe).await, StatusCode::ACCEPTED);
    assert!(
        allmende::service::threads::list_latest_threads(&app.ctx, None, None)
            .await
            .expect("threads")
            .items
            .is_empty()
    );
    // Someone on another server cannot rule out a post that has not arrived yet.
    let mut other = Peer::start().await;
    let eve = other.add_actor("eve", "Person");
    let foreign = json!({"@context": "https://www.w3.org/ns/activitystreams", "id": other.url("/deletes/9"),
        "type": "Delete", "actor": eve, "object": peer.url("/posts/3"), "to": [PUBLIC]});
    assert_eq!(other.deliver(&eve, &app.url("/inbox"), &foreign).await, StatusCode::ACCEPTED);
    assert_eq!(
        peer.deliver(&zoe, &app.url("/inbox"), &create_page(&peer, &zoe, 3, true)).await,
        StatusCode::ACCEPTED
    );
    assert_eq!(
        allmende::service::threads::list_latest_threads(&app.ctx, None, None)
            .await
            .expect("threads")
            .items
            .len(),
        1
    );
    // A Delete that overtakes its Create: the Create never shows.
    let early = delete(&zoe, 3, peer.url("/posts/2"));
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &early).await, StatusCode::ACCEPTED);
    assert_eq!(
        peer.deliver(&zoe, &app.url("/inbox"), &create_page(&peer, &zoe, 2, true)).await,
        StatusCode::ACCEPTED
    );
    let visible =
        allmende::service::threads::list_latest_threads(&app.ctx, None, None).await.expect("threads").items;
    assert_eq!(visible.len(), 1, "only post 3 shows; post 2 was deleted before it arrived");
}

pub async fn blocked_peers_get_403_before_any_fetch(app: TestApp) {
    with_group(&app).await;
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    {
        let mut conn = app.ctx.db.acquire().await.expect("conn");
        let host = peer.base_url.trim_start_matches("http://");
        allmende::db::instances::upsert_instance(&mut conn.conn(), app.ctx.new_id(), host, 0)
            .await
            .expect("instance");
        allmende::db::instances::update_instance_policy(&mut conn.conn(), host, "blocked")
            .await
            .expect("block");
    }
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &follow(&peer, &zoe, 1)).await, StatusCode::FORBIDDEN);
    assert_eq!(peer.fetch_count(), 0, "no key was fetched from a blocked peer");
    assert_eq!(count_rows(&app, "follows").await, 0);
}

pub async fn hostile_json_gets_400(app: TestApp) {
    with_group(&app).await;
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    for body in [json!([1, 2, 3]), json!(42), json!({"id": peer.url("/x"), "actor": zoe})] {
        let status = peer.deliver(&zoe, &app.url("/inbox"), &body).await;
        assert!(status == StatusCode::FORBIDDEN || status == StatusCode::BAD_REQUEST, "{body}: {status}");
    }
    let deep = format!(
        r#"{{"id":"{}","type":"Create","actor":"{zoe}","object":{}{}}}"#,
        peer.url("/deep"),
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    assert_eq!(
        peer.deliver_bytes(&zoe, &app.url("/inbox"), deep.into_bytes()).await,
        StatusCode::BAD_REQUEST
    );
    let broken = b"{\"id\": \"truncated".to_vec();
    assert_eq!(peer.deliver_bytes(&zoe, &app.url("/inbox"), broken).await, StatusCode::BAD_REQUEST);
    assert_eq!(count_rows(&app, "posts").await, 0);
    let unknown = json!({"id": peer.url("/odd"), "type": "Wave", "actor": zoe, "object": "x"});
    assert_eq!(
        peer.deliver(&zoe, &app.url("/inbox"), &unknown).await,
        StatusCode::ACCEPTED,
        "unknown types are ignored"
    );
}

pub async fn a_rotated_key_is_fetched_again(app: TestApp) {
    with_group(&app).await;
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &follow(&peer, &zoe, 1)).await, StatusCode::ACCEPTED);
    let fetches = peer.fetch_count();
    peer.add_actor("zoe", "Person");
    let undo = json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url("/undo/1"), "type": "Undo",
                      "actor": zoe, "object": follow(&peer, &zoe, 1)});
    assert_eq!(
        peer.deliver(&zoe, &app.url("/inbox"), &undo).await,
        StatusCode::ACCEPTED,
        "after one re-fetch"
    );
    assert_eq!(peer.fetch_count(), fetches + 1);
}

/// Some servers name the undone Follow only by its id: it is found among the stored follows,
/// and only its own follower can end it.
pub async fn an_undo_naming_the_follow_by_id_ends_it(app: TestApp) {
    with_group(&app).await;
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let mallory = peer.add_actor("mallory", "Person");
    let activity = follow(&peer, &zoe, 1);
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &activity).await, StatusCode::ACCEPTED);
    let followers = || async {
        let (details, _) =
            allmende::service::groups::get_group_page(&app.ctx, "energy", None, None).await.expect("group");
        details.follower_count
    };
    assert_eq!(followers().await, 1);
    let undo = |actor: &str, n: u32| {
        json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url(&format!("/undo/{n}")),
               "type": "Undo", "actor": actor, "object": activity["id"]})
    };
    assert_eq!(peer.deliver(&mallory, &app.url("/inbox"), &undo(&mallory, 1)).await, StatusCode::ACCEPTED);
    assert_eq!(followers().await, 1, "someone else's Follow id changes nothing");
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &undo(&zoe, 2)).await, StatusCode::ACCEPTED);
    assert_eq!(followers().await, 0, "the follow ended");
    assert_eq!(count_rows(&app, "follows").await, 0);
}

on_both_backends!(
    an_undo_naming_the_follow_by_id_ends_it,
    unsigned_and_malformed_requests_are_refused_before_any_fetch,
    a_signed_follow_is_accepted_once,
    forged_signatures_and_foreign_claims_are_refused,
    a_mention_of_a_group_starts_a_thread,
    deletes_need_authority_and_may_come_first,
    blocked_peers_get_403_before_any_fetch,
    hostile_json_gets_400,
    a_rotated_key_is_fetched_again,
);

#[tokio::test]
async fn peers_are_rate_limited() {
    let app = TestApp::spawn_configured(crate::common::Backend::Sqlite, |c| {
        c.federation.inbox_activities_per_minute = 3
    })
    .await
    .expect("app");
    with_group(&app).await;
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let mut statuses = Vec::new();
    for n in 0..5 {
        statuses.push(peer.deliver(&zoe, &app.url("/inbox"), &follow(&peer, &zoe, n)).await);
    }
    assert_eq!(statuses[..3], [StatusCode::ACCEPTED; 3]);
    assert_eq!(statuses[3..], [StatusCode::TOO_MANY_REQUESTS; 2]);
    let body = serde_json::to_vec(&follow(&peer, &zoe, 9)).expect("JSON");
    let limited = reqwest::Client::new()
        .execute(
            allmende::federation::signing::Signer::new()
                .signed_post(
                    &reqwest::Client::new(),
                    &app.url("/inbox"),
                    body,
                    &format!("{zoe}#main-key"),
                    peer.private_key(&zoe),
                )
                .await
                .expect("signed"),
        )
        .await
        .expect("answered");
    assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(limited.headers().get("retry-after").map(|v| v.as_bytes()), Some(&b"60"[..]));
}

#[tokio::test]
async fn allowlist_mode_refuses_peers_until_allowed() {
    let app =
        TestApp::spawn_configured(crate::common::Backend::Sqlite, |c| c.federation.allowlist_only = true)
            .await
            .expect("app");
    with_group(&app).await;
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &follow(&peer, &zoe, 1)).await, StatusCode::FORBIDDEN);
    assert_eq!(peer.fetch_count(), 0);
    let admin = allmende::service::accounts::create_account(
        &app.ctx,
        allmende::service::accounts::NewAccount {
            username: "dora-admin".into(),
            email: None,
            password: crate::common::PASSWORD.into(),
            admin: true,
        },
    )
    .await
    .expect("admin");
    allmende::service::peers::set_policy(
        &app.ctx,
        &admin,
        peer.base_url.trim_start_matches("http://"),
        "allowed",
        "",
    )
    .await
    .expect("allowed");
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &follow(&peer, &zoe, 2)).await, StatusCode::ACCEPTED);
}
