//! Fake peer servers on loopback ports: each serves its actors' documents (with one key pair per
//! peer) and delivers signed `Create`/`Like` activities to the server's shared inbox, as a
//! Mastodon or Lemmy server would. The server must be allowed to fetch loopback peers
//! (`insecure_http`, development and tests only).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Instant;

use allmende::federation::signing::Signer;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use rand::Rng;
use serde_json::{Value, json};

use super::ledger::PostRef;
use super::stats::{Outcome, Recorder};

const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";
const CONTEXT: [&str; 2] = ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"];

type Documents = Arc<RwLock<HashMap<String, Value>>>;

struct Peer {
    base_url: String,
    actors: Vec<String>,
    private_key: String,
    signer: Signer,
    server: tokio::task::JoinHandle<()>,
}

/// Several fake peers, each with a few actors.
pub struct FakePeers {
    peers: Vec<Peer>,
    http: reqwest::Client,
    inbox: String,
    base_url: String,
    recorder: Arc<Recorder>,
    counter: AtomicU64,
    run: String,
}

/// What a delivery did: the answer's status (`None`: no answer) and the object it carried.
pub struct Delivery {
    pub status: Option<u16>,
    /// The `Note` id of a reply, the actor of a like.
    pub id: String,
}

impl FakePeers {
    /// Starts `count` peers with `actors` actors each, delivering to `base_url`'s shared inbox.
    pub async fn start(
        count: usize,
        actors: usize,
        base_url: &str,
        run: &str,
        recorder: Arc<Recorder>,
    ) -> anyhow::Result<Self> {
        let mut peers = Vec::with_capacity(count);
        for _ in 0..count {
            peers.push(start_peer(actors).await?);
        }
        let http = reqwest::Client::builder().timeout(std::time::Duration::from_secs(60)).build()?;
        Ok(Self {
            peers,
            http,
            inbox: format!("{base_url}/inbox"),
            base_url: base_url.to_owned(),
            recorder,
            counter: AtomicU64::new(0),
            run: run.to_owned(),
        })
    }

    /// A random actor of a random peer.
    fn pick(&self) -> Option<(&Peer, &str)> {
        let mut rng = rand::rng();
        let peer = self.peers.get(rng.random_range(0..self.peers.len().max(1)))?;
        let actor = peer.actors.get(rng.random_range(0..peer.actors.len().max(1)))?;
        Some((peer, actor))
    }

    /// A reply to `target` from a random remote actor.
    pub async fn deliver_reply(&self, target: &PostRef) -> Option<Delivery> {
        let (peer, actor) = self.pick()?;
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        let note = format!("{}/notes/{}-{n}", peer.base_url, self.run);
        let activity = json!({
            "@context": CONTEXT,
            "id": format!("{note}/create"),
            "type": "Create",
            "actor": actor,
            "to": [PUBLIC],
            "object": {
                "id": note,
                "type": "Note",
                "attributedTo": actor,
                "to": [PUBLIC],
                "inReplyTo": target.ap_id(&self.base_url),
                "content": format!("<p>Remote answer {n} of run {}</p>", self.run),
                "published": "2026-01-02T03:04:05Z",
            },
        });
        let status = self.deliver(peer, actor, "POST /inbox (Create Note)", &activity).await;
        Some(Delivery { status, id: note })
    }

    /// A like of `target` from a random remote actor.
    pub async fn deliver_like(&self, target: &PostRef) -> Option<Delivery> {
        let (peer, actor) = self.pick()?;
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        let activity = json!({
            "@context": CONTEXT,
            "id": format!("{}/likes/{}-{n}", peer.base_url, self.run),
            "type": "Like",
            "actor": actor,
            "object": target.ap_id(&self.base_url),
        });
        let status = self.deliver(peer, actor, "POST /inbox (Like)", &activity).await;
        Some(Delivery { status, id: actor.to_owned() })
    }

    async fn deliver(&self, peer: &Peer, actor: &str, route: &'static str, activity: &Value) -> Option<u16> {
        let body = serde_json::to_vec(activity).ok()?;
        let started = Instant::now();
        let key_id = format!("{actor}#main-key");
        let status =
            match peer.signer.signed_post(&self.http, &self.inbox, body, &key_id, &peer.private_key).await {
                Ok(request) => match self.http.execute(request).await {
                    Ok(response) => {
                        let status = response.status().as_u16();
                        let text = response.text().await.unwrap_or_default();
                        if text.contains("database is locked") {
                            self.recorder.record_lock_error();
                        }
                        Some(status)
                    }
                    Err(_) => None,
                },
                Err(_) => None,
            };
        self.recorder.record(route, status.map_or(Outcome::Transport, Outcome::Status), started.elapsed());
        status
    }
}

impl Drop for FakePeers {
    fn drop(&mut self) {
        for peer in &self.peers {
            peer.server.abort();
        }
    }
}

async fn start_peer(actors: usize) -> anyhow::Result<Peer> {
    let documents: Documents = Arc::default();
    let router = axum::Router::new().fallback(serve).with_state(documents.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let port = listener.local_addr()?.port();
    let server = tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    let base_url = format!("http://127.0.0.1:{port}");
    // RSA key generation takes a while; off the async threads.
    let (public_pem, private_key) =
        tokio::task::spawn_blocking(allmende::service::instance::generate_key_pair).await??;
    let mut names = Vec::with_capacity(actors);
    let mut served = documents.write().map_err(|_| anyhow::anyhow!("peer documents poisoned"))?;
    for a in 0..actors.max(1) {
        let name = format!("fan{a}");
        let id = format!("{base_url}/users/{name}");
        let document = json!({
            "@context": CONTEXT,
            "id": id,
            "type": "Person",
            "preferredUsername": name,
            "name": format!("Fan {a} on port {port}"),
            "inbox": format!("{id}/inbox"),
            "outbox": format!("{id}/outbox"),
            "followers": format!("{id}/followers"),
            "endpoints": {"sharedInbox": format!("{base_url}/inbox")},
            "publicKey": {"id": format!("{id}#main-key"), "owner": id, "publicKeyPem": public_pem},
        });
        served.insert(format!("/users/{name}"), document);
        names.push(id);
    }
    drop(served);
    Ok(Peer { base_url, actors: names, private_key, signer: Signer::new(), server })
}

/// Serves a stored document as `application/activity+json`; anything else (inbox posts from
/// the server, say) gets 404 or 202.
async fn serve(State(documents): State<Documents>, method: axum::http::Method, uri: Uri) -> Response {
    if method == axum::http::Method::POST {
        return StatusCode::ACCEPTED.into_response();
    }
    let document = documents.read().ok().and_then(|docs| docs.get(uri.path()).cloned());
    match document {
        Some(document) => {
            let mut response = document.to_string().into_response();
            response
                .headers_mut()
                .insert(header::CONTENT_TYPE, HeaderValue::from_static("application/activity+json"));
            response
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
