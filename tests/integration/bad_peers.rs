//! Bad peers next to good ones, with the real background delivery loop: one that answers 500
//! (for an hour of the test clock), one that says 410 Gone, one that redirects to itself in a
//! loop, one that takes seconds to answer. Good peers get every activity at once, exactly once;
//! the bad ones end as the queue's rules say (`src/federation/delivery/retry.rs`): 5xx is
//! retried with backoff and delivered once the peer recovers, 410 and redirects are final
//! (redirects are not followed), the slow peer gets everything, in order, without holding up
//! anyone else: it holds its first request open until every good peer has every activity, so
//! "not delayed" is shown by the order of events, not by a stopwatch on a busy machine. The 410 comes from a remote actor's own inbox: that actor is gone, so what is
//! queued behind the refused delivery is dropped and nothing more is sent to it.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use allmende::service::gone_actors::{self, GONE_REASON};
use allmende::service::keys;
use allmende::service::remote::RemoteActorKind;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::common::TestApp;
use crate::on_both_backends;
use crate::sink::Sink;

const ACTIVITIES: usize = 3;
/// How long to wait for something that must happen by itself. The slow peer holds its request
/// open that long at most, which stays below the send timeout (`fetch_timeout_seconds`, 10 s),
/// so its first request is never abandoned and retried.
const EVENTUALLY: Duration = Duration::from_secs(8);

#[derive(Clone, Copy)]
enum Behaviour {
    Failing,
    Gone,
    RedirectLoop,
    Slow,
}

#[derive(Clone)]
struct Peer {
    behaviour: Behaviour,
    /// Bodies received, in order.
    received: Arc<Mutex<Vec<serde_json::Value>>>,
    /// Until the test says so, the failing peer fails.
    recovered: Arc<Mutex<bool>>,
    /// Until the test says so, the slow peer holds its answer.
    released: tokio::sync::watch::Sender<bool>,
}

struct BadPeer {
    inbox: url::Url,
    peer: Peer,
    server: tokio::task::JoinHandle<()>,
}

impl Drop for BadPeer {
    fn drop(&mut self) {
        self.server.abort();
    }
}

impl BadPeer {
    async fn start(behaviour: Behaviour) -> Self {
        let peer = Peer {
            behaviour,
            received: Arc::default(),
            recovered: Arc::new(Mutex::new(false)),
            released: tokio::sync::watch::Sender::new(false),
        };
        let router = axum::Router::new().fallback(answer).with_state(peer.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("binds");
        let port = listener.local_addr().expect("address").port();
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, router).await;
        });
        let inbox = format!("http://127.0.0.1:{port}/inbox").parse().expect("URL");
        Self { inbox, peer, server }
    }

    fn received(&self) -> Vec<i64> {
        numbers(&self.peer.received.lock().expect("lock"))
    }
}

fn numbers(bodies: &[serde_json::Value]) -> Vec<i64> {
    bodies.iter().filter_map(|body| body["object"]["n"].as_i64()).collect()
}

async fn answer(State(peer): State<Peer>, body: axum::body::Bytes) -> Response {
    let parsed = serde_json::from_slice(&body).unwrap_or(serde_json::Value::Null);
    peer.received.lock().expect("lock").push(parsed);
    match peer.behaviour {
        Behaviour::Failing if !*peer.recovered.lock().expect("lock") => {
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
        Behaviour::Gone => StatusCode::GONE.into_response(),
        Behaviour::RedirectLoop => (StatusCode::FOUND, [(header::LOCATION, "/inbox")]).into_response(),
        Behaviour::Slow => {
            let mut released = peer.released.subscribe();
            let _ = tokio::time::timeout(EVENTUALLY, released.wait_for(|released| *released)).await;
            StatusCode::ACCEPTED.into_response()
        }
        Behaviour::Failing => StatusCode::ACCEPTED.into_response(),
    }
}

async fn within<T>(limit: Duration, what: &str, mut check: impl FnMut() -> Option<T>) -> T {
    let started = Instant::now();
    loop {
        if let Some(value) = check() {
            return value;
        }
        assert!(started.elapsed() < limit, "{what} within {limit:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn queue_states(app: &TestApp, inbox: &url::Url) -> Vec<(String, Option<String>)> {
    let mut conn = app.ctx.db.acquire().await.expect("conn");
    let sql = "SELECT state, last_error FROM deliveries WHERE inbox_url = $1 ORDER BY id";
    match conn.conn() {
        allmende::db::Conn::Sqlite(c) => {
            sqlx::query_as(sql).bind(inbox.as_str()).fetch_all(c).await.expect("deliveries")
        }
        allmende::db::Conn::Postgres(c) => {
            sqlx::query_as(sql).bind(inbox.as_str()).fetch_all(c).await.expect("deliveries")
        }
    }
}

pub async fn bad_peers_delay_nobody_and_end_as_the_rules_say(app: TestApp) {
    let ana = app.create_user("ana").await;
    keys::actor_keys(&app.ctx, ana.id).await.expect("keys");
    let failing = BadPeer::start(Behaviour::Failing).await;
    let gone = BadPeer::start(Behaviour::Gone).await;
    let looping = BadPeer::start(Behaviour::RedirectLoop).await;
    let slow = BadPeer::start(Behaviour::Slow).await;
    // The gone peer's inbox is the own inbox of a remote person there.
    let gone_base = gone.inbox.as_str().trim_end_matches("/inbox").to_owned();
    let gone_actor = crate::outbound::remote_actor_at(
        &app,
        &gone_base,
        RemoteActorKind::Person,
        "users",
        "leo",
        "/inbox",
        None,
    )
    .await;
    let mut good = Vec::new();
    for _ in 0..5 {
        good.push(Sink::start().await);
    }
    let mut inboxes: Vec<url::Url> = good.iter().map(Sink::inbox).collect();
    inboxes.extend([&failing, &gone, &looping, &slow].iter().map(|peer| peer.inbox.clone()));

    let (stop, stopped) = tokio::sync::watch::channel(false);
    let worker = tokio::spawn(app.state.delivery.clone().run(stopped));
    for n in 0..ACTIVITIES {
        let queued = Instant::now();
        crate::delivery::enqueue(&app, ana.id, n, &inboxes).await;
        app.state.wake_delivery.notify_one();
        within(EVENTUALLY, &format!("every good peer to get activity {n}"), || {
            good.iter().all(|sink| sink.accepted().len() > n).then_some(())
        })
        .await;
        eprintln!("activity {n} reached all good peers in {:?}", queued.elapsed());
    }
    // All of that happened while the slow peer held its first request open (it answers nothing
    // until released), and its queue waits behind that head.
    within(EVENTUALLY, "the slow peer to be asked", || (!slow.received().is_empty()).then_some(())).await;
    assert_eq!(slow.received(), [0], "the slow peer's queue waits behind its head");
    slow.peer.released.send_replace(true);
    // Then it gets the rest, in order, one at a time (its own queue).
    within(EVENTUALLY, "the slow peer to get everything", || {
        (slow.received().len() == ACTIVITIES).then_some(())
    })
    .await;
    assert_eq!(slow.received(), [0, 1, 2]);
    // Final answers: each activity was tried once at the redirecting peer, and the redirect was
    // not followed (one request per activity). The gone peer was asked once: its actor is gone.
    within(EVENTUALLY, "the gone and the redirecting peer to be tried", || {
        (!gone.received().is_empty() && looping.received().len() == ACTIVITIES).then_some(())
    })
    .await;
    let _ = stop.send(true);
    worker.await.expect("the worker stops");
    for sink in &good {
        let got: Vec<i64> = sink.accepted().iter().filter_map(|body| body["object"]["n"].as_i64()).collect();
        assert_eq!(got, [0, 1, 2], "each good peer: every activity exactly once, in order");
    }
    let states = queue_states(&app, &looping.inbox).await;
    assert!(
        states.iter().all(|(state, last)| state == "failed" && last.as_deref() == Some("HTTP 302")),
        "{states:?}"
    );
    // The first delivery to the gone actor got the 410; the rest were dropped behind it, or
    // never queued once it was known to be gone.
    assert_eq!(gone.received(), [0], "the gone actor is asked once");
    let states = queue_states(&app, &gone.inbox).await;
    assert_eq!(states.first(), Some(&("failed".to_owned(), Some("HTTP 410".to_owned()))), "{states:?}");
    assert!(
        states[1..].iter().all(|(state, last)| state == "failed" && last.as_deref() == Some(GONE_REASON)),
        "{states:?}"
    );
    assert!(gone_actors::is_gone(&app.ctx, gone_actor).await.expect("gone"));
    // The failing peer's queue waits behind its head, which is retried with backoff.
    assert_eq!(failing.received(), [0], "only the head is tried while the peer fails");
    let states = queue_states(&app, &failing.inbox).await;
    assert!(states.iter().all(|(state, _)| state == "pending"), "{states:?}");

    // An hour of 500s (on the test clock): a few attempts with growing waits, never given up.
    let mut attempts = 1;
    for _ in 0..60 {
        app.clock.advance_seconds(60);
        attempts += app.state.delivery.drain().await.expect("drain").retried;
    }
    assert!((4..=8).contains(&attempts), "backoff keeps the hour to a few attempts: {attempts}");
    assert!(queue_states(&app, &failing.inbox).await.iter().all(|(state, _)| state == "pending"));
    *failing.peer.recovered.lock().expect("lock") = true;
    app.clock.advance_seconds(3600);
    let report = app.state.delivery.drain().await.expect("drain");
    assert_eq!(report.delivered, ACTIVITIES, "{report:?}");
    let delivered: Vec<i64> = failing.received().into_iter().skip(attempts).collect();
    assert_eq!(delivered, [0, 1, 2], "once it recovers, everything arrives in order");
    assert_eq!(app.state.delivery.drain().await.expect("drain").attempts(), 0, "and nothing twice");
}

on_both_backends!(bad_peers_delay_nobody_and_end_as_the_rules_say);
