//! The persisted delivery queue against a fake peer: signatures, retries, backoff, final
//! answers, Retry-After, order per peer, a peer down for days. Time moves only by the test clock.

use allmende::domain::ActorId;
use allmende::federation::delivery::{Recipient, WorkerReport, enqueue_activity};
use allmende::federation::verify;
use allmende::service::keys;
use serde_json::json;

use crate::common::TestApp;
use crate::on_both_backends;
use crate::sink::Sink;

/// Enqueues a Note-like activity from ana to the given inboxes; returns its id.
pub async fn enqueue(app: &TestApp, actor: ActorId, n: usize, inboxes: &[url::Url]) -> String {
    keys::actor_keys(&app.ctx, actor).await.expect("keys");
    let ap_id = format!("http://localhost/activities/{n}");
    let payload =
        json!({"id": ap_id, "type": "Create", "actor": "http://localhost/u/ana", "object": {"n": n}});
    let mut tx = app.ctx.db.begin().await.expect("tx");
    enqueue_activity(
        &app.ctx,
        &mut tx.conn(),
        "localhost",
        actor.0,
        &ap_id,
        &payload,
        inboxes.iter().map(|inbox| Recipient { inbox: inbox.clone() }),
    )
    .await
    .expect("enqueued");
    tx.commit().await.expect("commit");
    ap_id
}

async fn drain(app: &TestApp) -> WorkerReport {
    app.state.delivery.drain().await.expect("drain")
}

pub async fn deliveries_are_signed_and_verifiable(app: TestApp) {
    let sink = Sink::start().await;
    let ana = app.create_user("ana").await;
    enqueue(&app, ana.id, 1, &[sink.inbox(), sink.inbox()]).await;
    assert_eq!(
        drain(&app).await,
        WorkerReport { delivered: 1, retried: 0, failed: 0 },
        "one request per inbox"
    );
    let received = sink.received();
    assert_eq!(received.len(), 1);
    let request = &received[0];
    assert_eq!(
        request.headers.get("content-type").and_then(|v| v.to_str().ok()),
        Some("application/activity+json")
    );
    let claim =
        verify::precheck(&request.headers, Some(&request.body), app.ctx.now()).expect("prechecks pass");
    assert_eq!(claim.key_id, "http://localhost/u/ana#main-key");
    let public_key = keys::actor_keys(&app.ctx, ana.id).await.expect("keys").public_key_pem;
    let host = sink.host();
    let received = verify::ReceivedRequest {
        method: &axum::http::Method::POST,
        uri: &request.uri,
        headers: &request.headers,
        host: &host,
        scheme: "http",
    };
    let keys_of =
        |pem| allmende::federation::signatures::PublishedKeys { public_key_pem: pem, multikeys: &[] };
    verify::verify_signature(&claim, &received, keys_of(&public_key))
        .expect("the signature verifies with ana's public key");
    let other_key = allmende::service::instance::generate_key_pair().expect("key").0;
    assert!(
        verify::verify_signature(&claim, &received, keys_of(&other_key)).is_err(),
        "and not with another key"
    );
    assert_eq!(drain(&app).await.attempts(), 0, "nothing is sent twice");
}

pub async fn failures_are_retried_with_backoff_and_retry_after(app: TestApp) {
    let sink = Sink::start().await;
    let ana = app.create_user("ana").await;
    sink.answer(&[(503, None), (500, None), (429, Some("600"))]);
    enqueue(&app, ana.id, 1, &[sink.inbox()]).await;
    assert_eq!(drain(&app).await.retried, 1);
    assert_eq!(drain(&app).await.attempts(), 0, "not due before its backoff");
    app.clock.advance_seconds(61);
    assert_eq!(drain(&app).await.retried, 1);
    app.clock.advance_seconds(121);
    assert_eq!(drain(&app).await.retried, 1, "429 with Retry-After: 600");
    app.clock.advance_seconds(300);
    assert_eq!(drain(&app).await.attempts(), 0, "Retry-After is honoured");
    app.clock.advance_seconds(301);
    assert_eq!(drain(&app).await.delivered, 1);
    assert_eq!(sink.received().len(), 4);
    let mut conn = app.ctx.db.acquire().await.expect("conn");
    let queues = allmende::db::deliveries::list_domain_queues(&mut conn.conn()).await.expect("queues");
    assert_eq!(queues.len(), 1);
    assert_eq!((queues[0].pending, queues[0].delivered), (0, 1));
    assert_eq!(queues[0].last_error.as_deref(), Some("HTTP 429"), "the last error is visible to admins");
}

pub async fn refusals_are_final(app: TestApp) {
    let sink = Sink::start().await;
    let ana = app.create_user("ana").await;
    // A 403 is knocked on once more with the other signature format (double-knocking), and
    // refused again: five requests for four deliveries.
    sink.answer(&[(404, None), (410, None), (400, None), (403, None), (403, None)]);
    for n in 0..4 {
        enqueue(&app, ana.id, n, &[sink.inbox()]).await;
    }
    assert_eq!(drain(&app).await.failed, 4);
    app.clock.advance_seconds(24 * 3600);
    assert_eq!(drain(&app).await.attempts(), 0, "final answers are not retried");
    assert_eq!(sink.received().len(), 5);
}

pub async fn a_peer_down_for_three_days_gets_everything_in_order(app: TestApp) {
    let sink = Sink::start().await;
    let other = Sink::start().await;
    let ana = app.create_user("ana").await;
    sink.set_down(true);
    for n in 0..3 {
        enqueue(&app, ana.id, n, &[sink.inbox(), other.inbox()]).await;
    }
    let start = app.ctx.now().millis();
    let mut attempts_while_down = 0;
    while app.ctx.now().millis() - start < 3 * 24 * 3600 * 1000 {
        let round = drain(&app).await;
        attempts_while_down += round.retried;
        app.clock.advance_seconds(600);
    }
    assert!(attempts_while_down < 20, "backoff keeps attempts few: {attempts_while_down}");
    assert_eq!(numbers_of(&other), [0, 1, 2], "a peer that is up is not held back by one that is down");
    sink.set_down(false);
    app.clock.advance_seconds(12 * 3600);
    let report = drain(&app).await;
    assert_eq!(report.delivered, 3);
    assert_eq!(numbers_of(&sink), [0, 1, 2], "everything arrives, in order");
}

fn numbers_of(sink: &Sink) -> Vec<i64> {
    sink.accepted().iter().filter_map(|body| body["object"]["n"].as_i64()).collect()
}

pub async fn own_and_blocked_inboxes_get_nothing(app: TestApp) {
    let sink = Sink::start().await;
    let ana = app.create_user("ana").await;
    {
        let mut conn = app.ctx.db.acquire().await.expect("conn");
        allmende::db::instances::upsert_instance(&mut conn.conn(), app.ctx.new_id(), &sink.host(), 0)
            .await
            .expect("instance");
        allmende::db::instances::update_instance_policy(&mut conn.conn(), &sink.host(), "blocked")
            .await
            .expect("block");
    }
    let own: url::Url = "http://localhost/inbox".parse().expect("url");
    enqueue(&app, ana.id, 1, &[sink.inbox(), own]).await;
    assert_eq!(drain(&app).await.attempts(), 0);
    assert!(sink.received().is_empty());
}

pub async fn two_workers_share_the_queue_without_sending_twice(app: TestApp) {
    let ana = app.create_user("ana").await;
    let mut sinks = Vec::new();
    for _ in 0..6 {
        sinks.push(Sink::start().await);
    }
    let inboxes: Vec<url::Url> = sinks.iter().map(Sink::inbox).collect();
    for n in 0..5 {
        enqueue(&app, ana.id, n, &inboxes).await;
    }
    let first = app.state.delivery.clone();
    let second = app.state.delivery.clone();
    let (a, b) = tokio::join!(first.drain(), second.drain());
    let (a, b) = (a.expect("first worker"), b.expect("second worker"));
    assert_eq!(a.delivered + b.delivered, 30, "every delivery once: {a:?} {b:?}");
    for sink in &sinks {
        assert_eq!(numbers_of(sink), [0, 1, 2, 3, 4], "each peer gets each activity once, in order");
    }
}

async fn set_policy(app: &TestApp, host: &str, policy: &str) {
    let mut conn = app.ctx.db.acquire().await.expect("conn");
    allmende::db::instances::upsert_instance(&mut conn.conn(), app.ctx.new_id(), host, 0)
        .await
        .expect("instance");
    allmende::db::instances::update_instance_policy(&mut conn.conn(), host, policy).await.expect("policy");
}

/// A peer blocked after a delivery was queued gets nothing: the queued delivery is dropped as
/// final when its turn comes. (Blocking through the admin page fails pending deliveries at
/// once; this is the block that races with a queued or claimed delivery.)
pub async fn a_peer_blocked_after_queueing_gets_nothing(app: TestApp) {
    let blocked = Sink::start().await;
    let other = Sink::start().await;
    let ana = app.create_user("ana").await;
    enqueue(&app, ana.id, 1, &[blocked.inbox(), other.inbox()]).await;
    set_policy(&app, &blocked.host(), "blocked").await;
    assert_eq!(drain(&app).await, WorkerReport { delivered: 1, retried: 0, failed: 1 });
    assert!(blocked.received().is_empty(), "nothing was sent to the blocked peer");
    assert_eq!(numbers_of(&other), [1]);
    let peers =
        allmende::db::deliveries::list_domain_queues(&mut app.ctx.db.acquire().await.expect("conn").conn())
            .await
            .expect("queues");
    let row = peers.iter().find(|row| row.domain == blocked.host()).expect("the blocked peer's queue");
    assert_eq!((row.pending, row.failed), (0, 1));
    assert_eq!(row.last_error.as_deref(), Some("peer blocked by an admin"));
    assert_eq!(drain(&app).await.attempts(), 0, "and it is not tried again");
}

/// A crashed worker's claim holds for `federation.delivery_lease_seconds`, then another worker
/// takes the delivery over.
pub async fn a_crashed_workers_claim_expires_after_the_configured_lease(app: TestApp) {
    let sink = Sink::start().await;
    let ana = app.create_user("ana").await;
    enqueue(&app, ana.id, 1, &[sink.inbox()]).await;
    let crashed = app.state.delivery.clone();
    assert_eq!(crashed.claim(10).await.expect("claimed").len(), 1, "claimed, then the worker dies");
    assert_eq!(drain(&app).await.attempts(), 0, "the claim holds");
    app.clock.advance_seconds(4);
    assert_eq!(drain(&app).await.attempts(), 0, "still within the 5 s lease");
    app.clock.advance_seconds(2);
    assert_eq!(drain(&app).await.delivered, 1, "taken over once the lease has passed");
    assert_eq!(numbers_of(&sink), [1]);

    // A worker slower than its lease: it claims, the lease runs out, another worker takes the
    // delivery over and delivers it. The slow one's answer (a 500 here) comes late and must not
    // overwrite the outcome, or the delivered activity would be queued and sent again.
    enqueue(&app, ana.id, 2, &[sink.inbox()]).await;
    let slow = app.state.delivery.clone();
    let mut claimed = slow.claim(10).await.expect("claimed");
    assert_eq!(claimed.len(), 1);
    app.clock.advance_seconds(6);
    assert_eq!(drain(&app).await.delivered, 1, "taken over once the lease has passed");
    sink.answer(&[(500, None)]);
    let late = claimed.pop().expect("one");
    slow.deliver(late).await.expect("sent late");
    app.clock.advance_seconds(3600);
    assert_eq!(drain(&app).await.attempts(), 0, "the late 500 did not put it back in the queue");
    assert_eq!(numbers_of(&sink), [1, 2], "delivered once by the worker that held the claim");
}

on_both_backends!(
    a_peer_blocked_after_queueing_gets_nothing,
    deliveries_are_signed_and_verifiable,
    failures_are_retried_with_backoff_and_retry_after,
    refusals_are_final,
    a_peer_down_for_three_days_gets_everything_in_order,
    own_and_blocked_inboxes_get_nothing,
    two_workers_share_the_queue_without_sending_twice,
);

#[tokio::test]
async fn allowlist_mode_delivers_only_to_allowed_peers() {
    let app =
        TestApp::spawn_configured(crate::common::Backend::Sqlite, |c| c.federation.allowlist_only = true)
            .await
            .expect("app");
    let allowed = Sink::start().await;
    let other = Sink::start().await;
    let ana = app.create_user("ana").await;
    {
        let mut conn = app.ctx.db.acquire().await.expect("conn");
        allmende::db::instances::upsert_instance(&mut conn.conn(), app.ctx.new_id(), &allowed.host(), 0)
            .await
            .expect("instance");
        allmende::db::instances::update_instance_policy(&mut conn.conn(), &allowed.host(), "allowed")
            .await
            .expect("allow");
    }
    enqueue(&app, ana.id, 1, &[allowed.inbox(), other.inbox()]).await;
    assert_eq!(drain(&app).await.delivered, 1);
    assert_eq!(allowed.received().len(), 1);
    assert!(other.received().is_empty(), "peers not allowed get nothing");
}

mod a_crashed_workers_claim_expires_after_the_configured_lease {
    use crate::common::{Backend, TestApp};

    fn five_seconds(config: &mut allmende::config::Config) {
        config.federation.delivery_lease_seconds = 5;
        config.federation.fetch_timeout_seconds = 4;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite() {
        let app = TestApp::spawn_configured(Backend::Sqlite, five_seconds).await.expect("app");
        super::a_crashed_workers_claim_expires_after_the_configured_lease(app).await
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        match TestApp::spawn_configured(Backend::Postgres, five_seconds).await {
            Some(app) => super::a_crashed_workers_claim_expires_after_the_configured_lease(app).await,
            None => eprintln!("skipped: ALLMENDE_TEST_POSTGRES_URL is not set"),
        }
    }
}

/// In allowlist mode, a peer whose allowance is withdrawn after a delivery was queued gets
/// nothing either.
#[tokio::test]
async fn a_peer_no_longer_allowed_gets_nothing() {
    let app =
        TestApp::spawn_configured(crate::common::Backend::Sqlite, |c| c.federation.allowlist_only = true)
            .await
            .expect("app");
    let sink = Sink::start().await;
    let ana = app.create_user("ana").await;
    set_policy(&app, &sink.host(), "allowed").await;
    enqueue(&app, ana.id, 1, &[sink.inbox()]).await;
    set_policy(&app, &sink.host(), "default").await;
    assert_eq!(drain(&app).await, WorkerReport { delivered: 0, retried: 0, failed: 1 });
    assert!(sink.received().is_empty());
}
