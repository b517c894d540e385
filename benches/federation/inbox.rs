//! Inbox throughput: signed `Create(Note)`s, each a new thread in a local group (it mentions the
//! group), posted by 32 remote senders at once to the shared inbox of a served instance
//! (SQLite), each sender on a peer of its own that serves its actor document.
//!
//! The requests are signed (draft-cavage, RSA-2048) before the clock starts, so the figure is
//! the server's: reading, checking the signature (one RSA verification each), storing the
//! thread and everything around it (the group's share, the activity id, the peer's counters).
//! Each sender's actor is fetched and stored by one warm-up activity first, as it would be
//! known after its first delivery. The clients run in the same process and take their share
//! of the two cores (the CPU figure is the whole process).

use std::sync::Arc;
use std::time::Instant;

use allmende::db::Db;
use allmende::federation::signing::Signer;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::IntoResponse;
use serde_json::{Value, json};

use super::support::{ServedApp, cpu_time, load_average, member_with_group};

const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";
const GROUP: &str = "http://localhost/g/energy";

struct Sender {
    actor: String,
    private_key: String,
}

/// Runs `activities` new threads from `senders` concurrent senders; returns activities/s.
pub async fn inbox_throughput(activities: usize, senders: usize) -> f64 {
    let app = ServedApp::start(false, |config| {
        // Every sender posts far more than a peer may in a minute: no 429 in a benchmark.
        config.federation.inbox_activities_per_minute = u32::MAX;
    })
    .await;
    let ctx = &app.state.ctx;
    member_with_group(ctx).await;
    let mut peers = Vec::with_capacity(senders);
    for _ in 0..senders {
        peers.push(start_sender().await);
    }
    let client = reqwest::Client::builder().pool_max_idle_per_host(senders).build().expect("client");
    let signer = Signer::new();
    let inbox = format!("{}/inbox", app.base_url);
    let sign = |sender: &Sender, n: usize| {
        let body = serde_json::to_vec(&create_note(&sender.actor, n)).expect("JSON");
        let key_id = format!("{}#main-key", sender.actor);
        let (signer, client, inbox) = (signer.clone(), client.clone(), inbox.clone());
        let private_key = sender.private_key.clone();
        async move { signer.signed_post(&client, &inbox, body, &key_id, &private_key).await.expect("signed") }
    };
    // Warm-up: each sender's first activity makes us fetch and store its actor.
    for (s, (sender, _)) in peers.iter().enumerate() {
        let response = client.execute(sign(sender, s).await).await.expect("answered");
        assert_eq!(response.status(), StatusCode::ACCEPTED, "{}", response.text().await.unwrap_or_default());
    }
    let mut batches: Vec<Vec<reqwest::Request>> = (0..senders).map(|_| Vec::new()).collect();
    for n in senders..senders + activities {
        let s = n % senders;
        batches[s].push(sign(&peers[s].0, n).await);
    }
    let load = load_average();
    let cpu = cpu_time();
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for batch in batches {
        let client = client.clone();
        tasks.spawn(async move {
            let mut refused = Vec::new();
            for request in batch {
                let response = client.execute(request).await.expect("answered");
                if response.status() != StatusCode::ACCEPTED {
                    refused.push(format!(
                        "{}: {}",
                        response.status(),
                        response.text().await.unwrap_or_default()
                    ));
                }
            }
            refused
        });
    }
    let mut refused = Vec::new();
    while let Some(result) = tasks.join_next().await {
        refused.extend(result.expect("sender task"));
    }
    let elapsed = started.elapsed().as_secs_f64();
    let cpu_used = cpu_time() - cpu;
    assert!(refused.is_empty(), "{} refused, first: {:?}", refused.len(), refused.first());
    let threads = count_threads(&app.state.ctx.db).await;
    assert_eq!(threads, senders + activities, "every activity started a thread");
    let rate = activities as f64 / elapsed;
    println!(
        "inbox: {activities} signed Create(Note)s (each a new thread) from {senders} concurrent senders on SQLite \
         in {elapsed:.2} s: {rate:.0}/s, {:.2} ms CPU each (server and clients); load average before: {load}",
        cpu_used * 1000.0 / activities as f64,
    );
    for (_, server) in peers {
        server.abort();
    }
    app.stop().await;
    rate
}

async fn count_threads(db: &Db) -> usize {
    let sql = "SELECT COUNT(*) FROM posts WHERE in_reply_to_id IS NULL AND NOT local";
    let count: i64 = match db {
        Db::Sqlite(pool) => sqlx::query_scalar(sql).fetch_one(pool).await.expect("count"),
        Db::Postgres(pool) => sqlx::query_scalar(sql).fetch_one(pool).await.expect("count"),
    };
    usize::try_from(count).unwrap_or_default()
}

/// A new thread: a public note that mentions the group.
fn create_note(actor: &str, n: usize) -> Value {
    let note = format!("{actor}/notes/{n}");
    json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": format!("{note}/create"),
        "type": "Create",
        "actor": actor,
        "to": [PUBLIC],
        "cc": [GROUP],
        "object": {
            "id": note,
            "type": "Note",
            "attributedTo": actor,
            "content": format!("<p>@energy Heat pumps for school {n}?</p><p>We should talk about it.</p>"),
            "to": [PUBLIC],
            "cc": [GROUP],
            "tag": [{"type": "Mention", "href": GROUP, "name": "@energy@localhost"}],
            "published": "2026-12-08T01:00:00Z",
        },
    })
}

/// A peer on a loopback port serving one actor's document with its own key.
async fn start_sender() -> (Sender, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("peer");
    let port = listener.local_addr().expect("address").port();
    let actor = format!("http://127.0.0.1:{port}/users/sender");
    let (public_pem, private_key) = allmende::service::instance::generate_key_pair().expect("key");
    let document = Arc::new(
        json!({
            "@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
            "id": actor,
            "type": "Person",
            "preferredUsername": "sender",
            "inbox": format!("{actor}/inbox"),
            "outbox": format!("{actor}/outbox"),
            "followers": format!("{actor}/followers"),
            "endpoints": {"sharedInbox": format!("http://127.0.0.1:{port}/inbox")},
            "publicKey": {"id": format!("{actor}#main-key"), "owner": actor, "publicKeyPem": public_pem},
        })
        .to_string(),
    );
    let router = axum::Router::new().route(
        "/users/sender",
        axum::routing::get(move || {
            let document = document.clone();
            async move {
                let mut response = (*document).clone().into_response();
                response
                    .headers_mut()
                    .insert(header::CONTENT_TYPE, HeaderValue::from_static("application/activity+json"));
                response
            }
        }),
    );
    let server = tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    (Sender { actor, private_key }, server)
}
