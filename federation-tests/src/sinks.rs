//! Many fake peer inboxes on loopback ports at once (one small HTTP server per peer, all in the
//! test process), for fan-out tests and delivery benchmarks: each records the `id` of every
//! activity it accepts, and answers `202`, or `503` while it is down.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;

#[derive(Default)]
struct Inbox {
    /// Activity ids accepted, in arrival order.
    accepted: Mutex<Vec<String>>,
}

/// The running sinks; their servers stop when this is dropped.
pub struct LoopbackSinks {
    ports: Vec<u16>,
    inboxes: Vec<Arc<Inbox>>,
    down: Arc<AtomicBool>,
    servers: Vec<tokio::task::JoinHandle<()>>,
}

impl LoopbackSinks {
    /// Starts `count` sinks, each on its own port of 127.0.0.1 (so each is its own peer, with its
    /// own delivery queue on the sending side).
    ///
    /// # Panics
    ///
    /// When a port cannot be bound.
    pub async fn start(count: usize) -> Self {
        let down = Arc::new(AtomicBool::new(false));
        let mut sinks =
            Self { ports: Vec::new(), inboxes: Vec::new(), down: down.clone(), servers: Vec::new() };
        for _ in 0..count {
            let inbox = Arc::new(Inbox::default());
            let router = axum::Router::new().fallback(accept).with_state((inbox.clone(), down.clone()));
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a sink binds a port");
            sinks.ports.push(listener.local_addr().expect("the sink's address").port());
            sinks.servers.push(tokio::spawn(async move {
                let _ = axum::serve(listener, router).await;
            }));
            sinks.inboxes.push(inbox);
        }
        sinks
    }

    pub fn len(&self) -> usize {
        self.ports.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ports.is_empty()
    }

    /// The shared inbox of sink `index`.
    pub fn inbox_url(&self, index: usize) -> String {
        format!("http://127.0.0.1:{}/inbox", self.ports[index])
    }

    /// The host of sink `index`, as the sender names the peer (`127.0.0.1:PORT`).
    pub fn host(&self, index: usize) -> String {
        format!("127.0.0.1:{}", self.ports[index])
    }

    /// While down, every sink answers `503` and records nothing.
    pub fn set_down(&self, down: bool) {
        self.down.store(down, Ordering::SeqCst);
    }

    /// Activities accepted by all sinks together.
    pub fn total_accepted(&self) -> usize {
        self.inboxes.iter().map(|inbox| inbox.accepted.lock().map_or(0, |ids| ids.len())).sum()
    }

    /// How often sink `index` accepted each activity id.
    pub fn counts(&self, index: usize) -> BTreeMap<String, usize> {
        let mut counts = BTreeMap::new();
        if let Ok(ids) = self.inboxes[index].accepted.lock() {
            for id in ids.iter() {
                *counts.entry(id.clone()).or_insert(0) += 1;
            }
        }
        counts
    }
}

impl Drop for LoopbackSinks {
    fn drop(&mut self) {
        for server in &self.servers {
            server.abort();
        }
    }
}

async fn accept(State((inbox, down)): State<(Arc<Inbox>, Arc<AtomicBool>)>, body: Bytes) -> StatusCode {
    if down.load(Ordering::SeqCst) {
        return StatusCode::SERVICE_UNAVAILABLE;
    }
    let id = serde_json::from_slice::<serde_json::Value>(&body)
        .ok()
        .and_then(|activity| activity.get("id").and_then(|id| id.as_str()).map(str::to_owned));
    let Some(id) = id else { return StatusCode::BAD_REQUEST };
    match inbox.accepted.lock() {
        Ok(mut accepted) => {
            accepted.push(id);
            StatusCode::ACCEPTED
        }
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}
