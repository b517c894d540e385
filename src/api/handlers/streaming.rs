//! `GET /api/v1/streaming`: Mastodon's WebSocket streaming API, so web clients (Elk, Phanpy)
//! update live. Streams: `user` (home timeline and notifications), `user:notification`,
//! `public`, `public:local`, `public:remote`, `hashtag` and `hashtag:local` (with a `tag`: new
//! public posts carrying that hashtag). Each connection polls the database for what is newer
//! than what it last sent; that works unchanged when several server processes share one
//! PostgreSQL database.

use std::collections::BTreeSet;
use std::time::Duration;

use axum::extract::State;
use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade, close_code};
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::api::auth::{Auth, authorization_token, websocket_protocol_token};
use crate::api::error::ApiError;
use crate::api::model::{Notification, Status};
use crate::api::params::Params;
use crate::db::statuses::{Origin, Window};
use crate::domain::hashtags::normalize_hashtag;
use crate::service::notifications::NotificationFilter;
use crate::service::statuses::{self, StatusView};
use crate::service::{CurrentUser, notifications, oauth};
use crate::state::AppState;

/// How often a connection looks for news.
const POLL_EVERY: Duration = Duration::from_secs(1);
/// How often a connection checks that its token still holds (revoked, account suspended or
/// deleted); a revocation in this process wakes it at once.
const RECHECK_EVERY: Duration = Duration::from_secs(2);
/// Most items one poll sends per stream; a burst beyond it is left to a timeline refresh.
const BATCH: i64 = 20;
const STREAMS: &[&str] =
    &["user", "user:notification", "public", "public:local", "public:remote", "hashtag", "hashtag:local"];
const HASHTAG_STREAMS: &[&str] = &["hashtag", "hashtag:local"];
/// Most hashtag streams one connection may listen to.
const MAX_HASHTAG_SUBSCRIPTIONS: usize = 100;

#[derive(Debug, Deserialize)]
pub struct StreamParams {
    #[serde(default)]
    stream: Option<String>,
    /// The hashtag of a `hashtag` or `hashtag:local` stream.
    #[serde(default)]
    tag: Option<String>,
    /// The token, for clients that cannot set headers on a WebSocket.
    #[serde(default)]
    access_token: Option<String>,
}

/// What a connection listens to: streams by name, and hashtag streams as (stream, hashtag).
#[derive(Debug, Default)]
struct Subscriptions {
    streams: BTreeSet<String>,
    hashtags: BTreeSet<(String, String)>,
}

impl Subscriptions {
    /// Subscribes (or not) to `stream`; a hashtag stream needs a valid `tag`.
    fn change(&mut self, stream: &str, tag: Option<&str>, subscribe: bool) {
        if !STREAMS.contains(&stream) {
            return;
        }
        if HASHTAG_STREAMS.contains(&stream) {
            let Some(tag) = tag.and_then(normalize_hashtag) else { return };
            let key = (stream.to_owned(), tag);
            if subscribe {
                if self.hashtags.len() < MAX_HASHTAG_SUBSCRIPTIONS {
                    self.hashtags.insert(key);
                }
            } else {
                self.hashtags.remove(&key);
            }
        } else if subscribe {
            self.streams.insert(stream.to_owned());
        } else {
            self.streams.remove(stream);
        }
    }

    fn contains(&self, stream: &str) -> bool {
        self.streams.contains(stream)
    }
}

pub async fn connect(
    State(state): State<AppState>,
    auth: Auth,
    headers: HeaderMap,
    upgrade: WebSocketUpgrade,
    Params(params): Params<StreamParams>,
) -> Result<Response, ApiError> {
    // Only here is a token in the query string read (WebSocket clients cannot set headers).
    let protocol_token = auth.0.is_none().then(|| websocket_protocol_token(&headers)).flatten();
    let query_token =
        auth.0.is_none().then(|| params.access_token.clone()).flatten().filter(|t| !t.is_empty());
    let (auth, upgrade) = match (&protocol_token, &query_token) {
        (Some(token), _) => (Auth::for_token(&state, token).await?, upgrade.protocols([token.clone()])),
        (None, Some(token)) => (Auth::for_token(&state, token).await?, upgrade),
        (None, None) => (auth, upgrade),
    };
    let user = auth.user("read:statuses")?.clone();
    let token = protocol_token
        .or_else(|| authorization_token(&headers))
        .or(query_token)
        .ok_or(ApiError::Unauthorized)?;
    let mut streams = Subscriptions::default();
    if let Some(stream) = &params.stream {
        streams.change(stream, params.tag.as_deref(), true);
    }
    // Read before the handshake completes: anything the client does once connected is newer.
    let cursors = starting_cursors(&state, &user).await?;
    Ok(upgrade.on_upgrade(move |socket| serve(state, Credential { user, token }, streams, cursors, socket)))
}

/// The newest ids already seen when the connection started: only later items are sent.
#[derive(Debug, Default)]
struct Cursors {
    home: Option<i64>,
    public: Option<i64>,
    notification: Option<i64>,
}

/// Who a connection serves, and the token that lets it.
struct Credential {
    user: CurrentUser,
    token: String,
}

impl Credential {
    /// Whether the token still holds for the same person: not revoked, the account active.
    async fn holds(&self, state: &AppState) -> bool {
        match oauth::authenticate(&state.ctx, &self.token).await {
            Ok(Some(grant)) => grant.user.is_some_and(|user| user.id == self.user.id),
            Ok(None) => false,
            // A database hiccup is not a revocation: the next check decides.
            Err(error) => {
                tracing::warn!(?error, "streaming: credential check failed");
                true
            }
        }
    }
}

async fn serve(
    state: AppState,
    credential: Credential,
    mut streams: Subscriptions,
    mut cursors: Cursors,
    mut socket: WebSocket,
) {
    let user = &credential.user;
    let mut ticker = tokio::time::interval(POLL_EVERY);
    let mut recheck = tokio::time::interval(RECHECK_EVERY);
    let revoked = state.ctx.access_revoked.clone();
    loop {
        tokio::select! {
            _ = revoked.notified() => {
                if !credential.holds(&state).await {
                    return close_revoked(socket).await;
                }
            }
            _ = recheck.tick() => {
                if !credential.holds(&state).await {
                    return close_revoked(socket).await;
                }
            }
            incoming = socket.recv() => match incoming {
                Some(Ok(Message::Text(text))) => change_subscription(&mut streams, text.as_str()),
                Some(Ok(Message::Close(_)) | Err(_)) | None => return,
                Some(Ok(_)) => {}
            },
            _ = ticker.tick() => {
                let events = match poll(&state, user, &streams, &mut cursors).await {
                    Ok(events) => events,
                    Err(error) => {
                        tracing::warn!(?error, "streaming: poll failed");
                        continue;
                    }
                };
                for event in events {
                    if socket.send(Message::Text(event.to_string().into())).await.is_err() {
                        return;
                    }
                }
            }
        }
    }
}

/// The token no longer holds: the connection ends with a policy-violation close frame.
async fn close_revoked(mut socket: WebSocket) {
    let frame = CloseFrame { code: close_code::POLICY, reason: "the access token is no longer valid".into() };
    let _ = socket.send(Message::Close(Some(frame))).await;
}

/// `{"type": "subscribe" | "unsubscribe", "stream": "...", "tag": "..."}` from the client.
fn change_subscription(streams: &mut Subscriptions, text: &str) {
    let Ok(message) = serde_json::from_str::<Value>(text) else { return };
    let Some(stream) = message["stream"].as_str() else { return };
    let tag = message["tag"].as_str();
    match message["type"].as_str() {
        Some("subscribe") => streams.change(stream, tag, true),
        Some("unsubscribe") => streams.change(stream, tag, false),
        _ => {}
    }
}

async fn starting_cursors(state: &AppState, user: &CurrentUser) -> Result<Cursors, ApiError> {
    let newest = Window { limit: 1, ..Window::default() };
    let home = statuses::home_timeline(&state.ctx, user, newest).await?;
    let public = statuses::public_timeline(&state.ctx, Some(user), Origin::All, false, newest).await?;
    let notified =
        notifications::list_notifications(&state.ctx, user, newest, &NotificationFilter::default()).await?;
    Ok(Cursors {
        home: Some(home.first().map_or(0, StatusView::entry_id)),
        public: Some(public.first().map_or(0, |s| s.id)),
        notification: Some(notified.first().map_or(0, |n| n.id)),
    })
}

/// One Mastodon streaming event: the payload is itself JSON, sent as a string.
fn event(stream: &[&str], kind: &str, payload: &impl serde::Serialize) -> Value {
    let payload = serde_json::to_string(payload).unwrap_or_default();
    json!({ "stream": stream, "event": kind, "payload": payload })
}

/// Items newer than each cursor, oldest first, for the subscribed streams.
async fn poll(
    state: &AppState,
    user: &CurrentUser,
    streams: &Subscriptions,
    cursors: &mut Cursors,
) -> Result<Vec<Value>, ApiError> {
    let mut events = Vec::new();
    let after = |min_id: Option<i64>| Window { min_id, limit: BATCH, ..Window::default() };
    if streams.contains("user") {
        let found = statuses::home_timeline(&state.ctx, user, after(cursors.home)).await?;
        advance(&mut cursors.home, found.iter().map(StatusView::entry_id));
        events.extend(updates(state, &["user"], found));
    }
    if streams.contains("user") || streams.contains("user:notification") {
        let found = notifications::list_notifications(
            &state.ctx,
            user,
            after(cursors.notification),
            &NotificationFilter::default(),
        )
        .await?;
        advance(&mut cursors.notification, found.iter().map(|n| n.id));
        let stream: &[&str] = if streams.contains("user") { &["user"] } else { &["user:notification"] };
        events.extend(
            found.iter().rev().map(|n| event(stream, "notification", &Notification::new(&state.uris, n))),
        );
    }
    let public: Vec<(&str, Origin)> =
        [("public", Origin::All), ("public:local", Origin::Local), ("public:remote", Origin::Remote)]
            .into_iter()
            .filter(|(name, _)| streams.contains(name))
            .collect();
    if !public.is_empty() || !streams.hashtags.is_empty() {
        let found =
            statuses::public_timeline(&state.ctx, Some(user), Origin::All, false, after(cursors.public))
                .await?;
        advance(&mut cursors.public, found.iter().map(|s| s.id));
        for (name, origin) in public {
            let matching = found.iter().filter(|s| match origin {
                Origin::All => true,
                Origin::Local => s.local,
                Origin::Remote => !s.local,
            });
            events.extend(updates(state, &[name], matching.cloned().collect()));
        }
        for (stream, tag) in &streams.hashtags {
            let matching =
                found.iter().filter(|s| s.tags.contains(tag) && (stream.as_str() == "hashtag" || s.local));
            events.extend(updates(state, &[stream.as_str(), tag.as_str()], matching.cloned().collect()));
        }
    }
    Ok(events)
}

fn advance(cursor: &mut Option<i64>, ids: impl Iterator<Item = i64>) {
    if let Some(newest) = ids.max() {
        *cursor = Some(cursor.map_or(newest, |c| c.max(newest)));
    }
}

/// `found` comes newest first; events go out oldest first.
fn updates(state: &AppState, stream: &[&str], found: Vec<StatusView>) -> Vec<Value> {
    found.iter().rev().map(|s| event(stream, "update", &Status::entry(&state.uris, s))).collect()
}
