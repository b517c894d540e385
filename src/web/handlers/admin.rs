//! The admin's federation page: peers, their delivery backlog and last error, block and allow.

use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::service::peers;
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::pages::{FederationAdminPage, PeerRow, render};
use crate::web::session::RequireUser;
use crate::web::view::Chrome;

pub async fn federation(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(admin): RequireUser,
) -> Result<Response, WebError> {
    let peers = peers::list_peers(&state.ctx, &admin).await?;
    let t = &chrome.t;
    let rows = peers
        .into_iter()
        .map(|peer| PeerRow {
            host: peer.host,
            policy: t.get(policy_label(&peer.policy)),
            last_seen: peer.last_seen.map(|at| t.datetime(at)).unwrap_or_default(),
            unavailable_since: peer.unavailable_since.map(|at| t.datetime(at)).unwrap_or_default(),
            pending: peer.pending,
            failed: peer.failed,
            delivered: peer.delivered,
            last_error: peer.last_error.unwrap_or_default(),
        })
        .collect();
    let page =
        FederationAdminPage { chrome, peers: rows, allowlist_only: peers::allowlist_only(&state.ctx).await? };
    render(StatusCode::OK, &page)
}

/// The message id of a peer's stored policy.
fn policy_label(policy: &str) -> &'static str {
    match policy {
        "blocked" => "admin-state-blocked",
        "allowed" => "admin-state-allowed",
        _ => "admin-state-default",
    }
}

#[derive(Deserialize)]
pub struct PolicyForm {
    #[serde(default)]
    host: String,
    #[serde(default)]
    policy: String,
    /// Shown on `/about` next to a blocked host.
    #[serde(default)]
    public_reason: String,
}

pub async fn set_policy(
    State(state): State<AppState>,
    RequireUser(admin): RequireUser,
    Form(form): Form<PolicyForm>,
) -> Result<Response, WebError> {
    peers::set_policy(&state.ctx, &admin, &form.host, &form.policy, &form.public_reason).await?;
    Ok(Redirect::to("/admin/federation").into_response())
}

#[derive(Deserialize)]
pub struct ModeForm {
    #[serde(default)]
    mode: String,
}

/// `POST /admin/federation/mode`: `open` (everyone not blocked) or `allowlist` (allowed peers only).
pub async fn set_mode(
    State(state): State<AppState>,
    RequireUser(admin): RequireUser,
    Form(form): Form<ModeForm>,
) -> Result<Response, WebError> {
    let allowlist_only = match form.mode.as_str() {
        "allowlist" => true,
        "open" => false,
        _ => {
            return Err(crate::service::ServiceError::from(crate::domain::FieldError::new(
                "mode",
                "must be open or allowlist",
            ))
            .into());
        }
    };
    peers::set_allowlist_only(&state.ctx, &admin, allowlist_only).await?;
    Ok(Redirect::to("/admin/federation").into_response())
}
