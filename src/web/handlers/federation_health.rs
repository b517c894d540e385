//! `/admin/federation`: the peers' delivery health with "retry now" and "block" (the block form
//! posts to the existing policy flow), the federation mode and the policy form;
//! `/admin/federation.json`: the same figures for scripts (session auth, admins only).

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Form, Json};
use serde::{Deserialize, Serialize};

use crate::domain::Timestamp;
use crate::service::federation_health::{self, PeerHealth, PeerState};
use crate::service::peers;
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::pages::render;
use crate::web::session::RequireUser;
use crate::web::view::Chrome;

/// One peer as the page shows it.
pub struct PeerHealthView {
    pub host: String,
    /// Name and version, e.g. `mastodon 4.3.2`.
    pub software: String,
    pub inbound_this_hour: i64,
    pub inbound_last_day: i64,
    /// The message id of the admin's policy.
    pub policy: &'static str,
    pub state: &'static str,
    /// The message id of the state.
    pub state_label: &'static str,
    pub pending: i64,
    pub failed: i64,
    pub delivered: i64,
    pub lag: String,
    pub last_success: String,
    pub last_error: String,
    pub failures_in_a_row: i64,
    pub last_heard_from: String,
    pub can_retry: bool,
    pub blocked: bool,
}

#[derive(Template)]
#[template(path = "admin/federation.html")]
pub struct FederationHealthPage {
    pub chrome: Chrome,
    pub peers: Vec<PeerHealthView>,
    pub allowlist_only: bool,
}

fn state_label(state: PeerState) -> &'static str {
    match state {
        PeerState::Ok => "admin-health-state-ok",
        PeerState::Retrying => "admin-health-state-retrying",
        PeerState::Unreachable => "admin-health-state-unreachable",
        PeerState::Blocked => "admin-state-blocked",
    }
}

/// The message id of a peer's stored policy.
fn policy_label(policy: &str) -> &'static str {
    match policy {
        "blocked" => "admin-state-blocked",
        "allowed" => "admin-state-allowed",
        _ => "admin-state-default",
    }
}

/// Seconds since the oldest pending delivery was queued.
fn lag_seconds(peer: &PeerHealth, now: Timestamp) -> Option<i64> {
    peer.oldest_pending_at.map(|at| ((now.millis() - at.millis()) / 1000).max(0))
}

fn view(chrome: &Chrome, peer: PeerHealth, now: Timestamp) -> PeerHealthView {
    let t = &chrome.t;
    let when = |at: Option<Timestamp>| at.map(|at| t.datetime(at)).unwrap_or_default();
    let lag = lag_seconds(&peer, now)
        .map(|seconds| t.arg("admin-health-lag-minutes", "minutes", t.number(seconds / 60)))
        .unwrap_or_default();
    PeerHealthView {
        software: match (&peer.software, &peer.software_version) {
            (Some(name), Some(version)) => format!("{name} {version}"),
            (Some(name), None) => name.clone(),
            (None, _) => t.get("admin-health-software-unknown"),
        },
        inbound_this_hour: peer.inbound_this_hour,
        inbound_last_day: peer.inbound_last_day,
        policy: policy_label(&peer.policy),
        state: peer.state.as_str(),
        state_label: state_label(peer.state),
        pending: peer.pending,
        failed: peer.failed,
        delivered: peer.delivered,
        lag,
        last_success: when(peer.last_delivered_at),
        last_error: peer.last_error.unwrap_or_default(),
        failures_in_a_row: peer.failures_in_a_row,
        last_heard_from: when(peer.last_heard_from),
        can_retry: peer.pending > 0 && peer.state != PeerState::Blocked,
        blocked: peer.state == PeerState::Blocked,
        host: peer.host,
    }
}

pub async fn page(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(admin): RequireUser,
) -> Result<Response, WebError> {
    let health = federation_health::list_peer_health(&state.ctx, &admin).await?;
    let now = state.ctx.now();
    let peers = health.into_iter().map(|peer| view(&chrome, peer, now)).collect();
    let allowlist_only = peers::allowlist_only(&state.ctx).await?;
    render(StatusCode::OK, &FederationHealthPage { chrome, peers, allowlist_only })
}

/// One peer in `/admin/federation.json`; times are RFC 3339 (UTC), absent ones `null`.
#[derive(Debug, Serialize)]
pub struct PeerHealthJson {
    pub host: String,
    pub software: Option<String>,
    pub software_version: Option<String>,
    /// Activities accepted from the peer in the current clock hour and in the last 24 hours.
    pub inbound_this_hour: i64,
    pub inbound_last_day: i64,
    /// `blocked`, `allowed` or `default`.
    pub policy: String,
    /// `ok`, `retrying`, `unreachable` or `blocked`.
    pub state: &'static str,
    pub pending_deliveries: i64,
    pub failed_deliveries: i64,
    pub delivered_deliveries: i64,
    pub oldest_pending_at: Option<String>,
    pub lag_seconds: Option<i64>,
    pub last_success_at: Option<String>,
    pub last_failure_at: Option<String>,
    pub last_error: Option<String>,
    pub failures_in_a_row: i64,
    pub last_heard_from_at: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct FederationHealthJson {
    pub generated_at: String,
    pub peers: Vec<PeerHealthJson>,
}

pub async fn json(
    State(state): State<AppState>,
    RequireUser(admin): RequireUser,
) -> Result<Response, WebError> {
    let health = federation_health::list_peer_health(&state.ctx, &admin).await?;
    let now = state.ctx.now();
    let rfc3339 = |at: Option<Timestamp>| at.map(Timestamp::to_rfc3339);
    let peers = health
        .into_iter()
        .map(|peer| PeerHealthJson {
            lag_seconds: lag_seconds(&peer, now),
            software: peer.software,
            software_version: peer.software_version,
            inbound_this_hour: peer.inbound_this_hour,
            inbound_last_day: peer.inbound_last_day,
            state: peer.state.as_str(),
            policy: peer.policy,
            pending_deliveries: peer.pending,
            failed_deliveries: peer.failed,
            delivered_deliveries: peer.delivered,
            oldest_pending_at: rfc3339(peer.oldest_pending_at),
            last_success_at: rfc3339(peer.last_delivered_at),
            last_failure_at: rfc3339(peer.last_failed_at),
            last_error: peer.last_error,
            failures_in_a_row: peer.failures_in_a_row,
            last_heard_from_at: rfc3339(peer.last_heard_from),
            host: peer.host,
        })
        .collect();
    Ok(Json(FederationHealthJson { generated_at: now.to_rfc3339(), peers }).into_response())
}

#[derive(Deserialize)]
pub struct RetryForm {
    #[serde(default)]
    host: String,
}

/// `POST /admin/federation/retry`: the peer's pending deliveries become due now.
pub async fn retry_now(
    State(state): State<AppState>,
    RequireUser(admin): RequireUser,
    Form(form): Form<RetryForm>,
) -> Result<Response, WebError> {
    federation_health::retry_now(&state.ctx, &admin, &form.host).await?;
    state.wake_delivery.notify_one();
    Ok(Redirect::to("/admin/federation").into_response())
}
