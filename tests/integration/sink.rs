//! A fake peer inbox on loopback that records what it receives and answers with the statuses
//! a test tells it to. Outbound HTTP in tests goes here, never anywhere else.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};

#[derive(Debug, Clone)]
pub struct Received {
    pub uri: Uri,
    pub headers: HeaderMap,
    pub body: Bytes,
    /// What the sink answered.
    pub status: u16,
}

#[derive(Default)]
struct Inner {
    received: Vec<Received>,
    /// Answers to give, in order; when empty, 202.
    answers: VecDeque<(u16, Option<String>)>,
    /// While down, every request gets 503.
    down: bool,
}

pub struct Sink {
    pub base_url: String,
    inner: Arc<Mutex<Inner>>,
    server: tokio::task::JoinHandle<()>,
}

impl Sink {
    pub async fn start() -> Self {
        let inner = Arc::new(Mutex::new(Inner::default()));
        let router = axum::Router::new().fallback(record).with_state(inner.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("sink binds");
        let port = listener.local_addr().expect("address").port();
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, router).await;
        });
        Self { base_url: format!("http://127.0.0.1:{port}"), inner, server }
    }

    pub fn inbox(&self) -> url::Url {
        format!("{}/inbox", self.base_url).parse().expect("inbox URL")
    }

    pub fn host(&self) -> String {
        self.base_url.trim_start_matches("http://").to_owned()
    }

    /// The next answers, in order (status, Retry-After).
    pub fn answer(&self, answers: &[(u16, Option<&str>)]) {
        let mut inner = self.inner.lock().expect("sink lock");
        inner.answers.extend(answers.iter().map(|(status, retry)| (*status, retry.map(str::to_owned))));
    }

    pub fn set_down(&self, down: bool) {
        self.inner.lock().expect("sink lock").down = down;
    }

    /// Bodies the sink accepted (2xx), in arrival order.
    pub fn accepted(&self) -> Vec<serde_json::Value> {
        self.received()
            .iter()
            .filter(|r| (200..300).contains(&r.status))
            .map(|r| serde_json::from_slice(&r.body).expect("JSON body"))
            .collect()
    }

    pub fn received(&self) -> Vec<Received> {
        self.inner.lock().expect("sink lock").received.clone()
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        self.server.abort();
    }
}

async fn record(
    State(inner): State<Arc<Mutex<Inner>>>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let Ok(mut inner) = inner.lock() else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let (status, retry_after) =
        if inner.down { (503, None) } else { inner.answers.pop_front().unwrap_or((202, None)) };
    inner.received.push(Received { uri, headers, body, status });
    let mut response = StatusCode::from_u16(status).unwrap_or(StatusCode::ACCEPTED).into_response();
    if let Some(value) = retry_after.and_then(|v| HeaderValue::from_str(&v).ok()) {
        response.headers_mut().insert("retry-after", value);
    }
    response
}
