//! A fake remote server on loopback: it serves actor documents (with keys it holds) and signs
//! requests to our inbox the way a Mastodon or Lemmy server would; WebFinger finds its people.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use allmende::federation::signing::Signer;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

#[derive(Default)]
struct Inner {
    documents: HashMap<String, Value>,
    fetches: Vec<String>,
    /// Paths answered 503 for now (a peer under load).
    unavailable: std::collections::HashSet<String>,
}

pub struct Peer {
    pub base_url: String,
    inner: Arc<Mutex<Inner>>,
    keys: HashMap<String, String>,
    server: tokio::task::JoinHandle<()>,
    http: reqwest::Client,
    /// One key pair for the actors of [`Peer::add_actor_at`]: generating a key per actor is slow.
    shared_key: Option<(String, String)>,
}

impl Peer {
    pub async fn start() -> Self {
        let inner = Arc::new(Mutex::new(Inner::default()));
        let router = axum::Router::new().fallback(serve).with_state(inner.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("peer binds");
        let port = listener.local_addr().expect("address").port();
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, router).await;
        });
        Self {
            base_url: format!("http://127.0.0.1:{port}"),
            inner,
            keys: HashMap::new(),
            server,
            http: reqwest::Client::new(),
            shared_key: None,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    /// Publishes a Person (or Group) with a fresh key (again: a key rotation); returns its id.
    pub fn add_actor(&mut self, name: &str, kind: &str) -> String {
        let (public_pem, private_pem) = allmende::service::instance::generate_key_pair().expect("key");
        let id = self.url(&format!("/users/{name}"));
        let document = json!({
            "@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
            "id": id,
            "type": kind,
            "preferredUsername": name,
            "name": format!("{name} elsewhere"),
            "inbox": format!("{id}/inbox"),
            "followers": format!("{id}/followers"),
            "endpoints": {"sharedInbox": self.url("/inbox")},
            "publicKey": {"id": format!("{id}#main-key"), "owner": id, "publicKeyPem": public_pem},
        });
        self.publish(&id, document);
        self.keys.insert(id.clone(), private_pem);
        id
    }

    /// Publishes an actor of `kind` at any `id` on this peer (a fixture's actor, rewritten to
    /// this host), unless one is there already. All such actors share one key.
    pub fn add_actor_at(&mut self, id: &str, kind: &str) {
        if self.keys.contains_key(id) {
            return;
        }
        let (public_pem, private_pem) = self
            .shared_key
            .get_or_insert_with(|| allmende::service::instance::generate_key_pair().expect("key"))
            .clone();
        let name = id.trim_end_matches('/').rsplit('/').next().unwrap_or("someone").to_owned();
        let document = json!({
            "@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
            "id": id,
            "type": kind,
            "preferredUsername": name,
            "name": name,
            "inbox": format!("{id}/inbox"),
            "outbox": format!("{id}/outbox"),
            "followers": format!("{id}/followers"),
            "endpoints": {"sharedInbox": self.url("/inbox")},
            "publicKey": {"id": format!("{id}#main-key"), "owner": id, "publicKeyPem": public_pem},
        });
        self.publish(id, document);
        self.keys.insert(id.to_owned(), private_pem);
    }

    pub fn private_key(&self, actor: &str) -> &str {
        self.keys.get(actor).map(String::as_str).expect("a key of ours")
    }

    /// Serves `document` at `id`.
    pub fn publish(&self, id: &str, document: Value) {
        let path = id.strip_prefix(&self.base_url).unwrap_or(id).to_owned();
        self.inner.lock().expect("peer lock").documents.insert(path, document);
    }

    /// The document served at `id`, to publish it again changed.
    pub fn document(&self, id: &str) -> Option<Value> {
        let path = id.strip_prefix(&self.base_url).unwrap_or(id);
        self.inner.lock().expect("peer lock").documents.get(path).cloned()
    }

    /// Answers 503 at `id` (while `unavailable`), as an overloaded server does.
    pub fn set_unavailable(&self, id: &str, unavailable: bool) {
        let path = id.strip_prefix(&self.base_url).unwrap_or(id).to_owned();
        let mut inner = self.inner.lock().expect("peer lock");
        if unavailable {
            inner.unavailable.insert(path);
        } else {
            inner.unavailable.remove(&path);
        }
    }

    /// How often we fetched something from this peer.
    pub fn fetch_count(&self) -> usize {
        self.inner.lock().expect("peer lock").fetches.len()
    }

    /// Posts `activity` to `inbox`, signed with `signer`'s key.
    pub async fn deliver(&self, signer: &str, inbox: &str, activity: &Value) -> StatusCode {
        self.deliver_bytes(signer, inbox, serde_json::to_vec(activity).expect("JSON")).await
    }

    /// Posts any bytes, correctly signed (for malformed-JSON tests).
    pub async fn deliver_bytes(&self, signer: &str, inbox: &str, body: Vec<u8>) -> StatusCode {
        let key = self.keys.get(signer).expect("a key of ours");
        // A fresh signer each time: its key cache would hide a key rotation.
        let request = Signer::new()
            .signed_post(&self.http, inbox, body, &format!("{signer}#main-key"), key)
            .await
            .expect("signed");
        self.http.execute(request).await.expect("delivered").status()
    }

    /// Posts raw bytes with the headers given (for hostile-input tests). A server that refuses
    /// a large body early may close the connection while it is still being written; that
    /// counts as refused (`None`).
    pub async fn post_raw(&self, inbox: &str, headers: &[(&str, &str)], body: Vec<u8>) -> Option<StatusCode> {
        let mut request = self.http.post(inbox).body(body);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.send().await.ok().map(|response| response.status())
    }
}

impl Drop for Peer {
    fn drop(&mut self) {
        self.server.abort();
    }
}

async fn serve(State(inner): State<Arc<Mutex<Inner>>>, uri: Uri) -> Response {
    let Ok(mut inner) = inner.lock() else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    inner.fetches.push(uri.path().to_owned());
    if inner.unavailable.contains(uri.path()) {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    }
    if uri.path() == "/.well-known/webfinger" {
        return webfinger(&inner, uri.query().unwrap_or_default());
    }
    match inner.documents.get(uri.path()) {
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

/// WebFinger as a Mastodon server answers it: `acct:name@host` finds the actor published at
/// `/users/name` (see [`Peer::add_actor`]); anyone else is a 404.
fn webfinger(inner: &Inner, query: &str) -> Response {
    let resource = form_urlencoded::parse(query.as_bytes())
        .find(|(key, _)| key == "resource")
        .map(|(_, value)| value.into_owned())
        .unwrap_or_default();
    let name = resource.strip_prefix("acct:").and_then(|acct| acct.split_once('@')).map(|(name, _)| name);
    let Some(document) = name.and_then(|name| inner.documents.get(&format!("/users/{name}"))) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let jrd = serde_json::json!({
        "subject": resource,
        "links": [{"rel": "self", "type": "application/activity+json", "href": document["id"]}],
    });
    let mut response = jrd.to_string().into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/jrd+json"));
    response
}
