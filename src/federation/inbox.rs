//! The inbox: `/inbox` (shared) and the per-actor inboxes. Every step that can refuse a request
//! cheaply runs before anything is fetched: content type, size, signature header, date, digest,
//! blocked peers. Then the signer's key is fetched (once, from the database when known), the
//! signature checked, the activity parsed and its origin checked, and it is handled through the
//! same service functions as local actions. A duplicate activity id has no second effect.
//! Hostile input gets a 4xx, never a 5xx: senders retry 5xx for days.

use axum::body::to_bytes;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::activities;
use super::http::is_activity_json;
use super::inbound_checks::{self as checks, Receiver, SignedRequest};
use super::key_owner;
use super::resolve::ResolveError;
use super::verify::{self, VerifyError};
use crate::client_address::request_host;
use crate::service::{ServiceError, peer_signatures, peers, remote, suspensions};
use crate::state::AppState;

/// The largest activity we accept (Mastodon's limit is 1 MB too).
pub const MAX_ACTIVITY_BYTES: usize = 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum InboxError {
    #[error("not ActivityPub JSON")]
    UnsupportedMediaType,
    #[error("the activity is too large")]
    TooLarge,
    #[error("{0}")]
    Unauthorized(#[from] VerifyError),
    #[error("this instance does not federate with {0}")]
    Blocked(String),
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("refused: {0}")]
    Forbidden(&'static str),
    #[error("too many activities from {0}; try again later")]
    TooMany(String),
    #[error("the sender could not be fetched: {0}")]
    SenderUnavailable(String),
    /// A document the activity needs (its object, a group's moderators) could not be fetched
    /// now, for a reason that may pass (timeout, unreachable, 5xx): the sender's queue retries.
    #[error("could not fetch what the activity needs yet: {0}")]
    ObjectUnavailable(String),
    #[error(transparent)]
    Service(#[from] ServiceError),
}

impl From<ResolveError> for InboxError {
    fn from(error: ResolveError) -> Self {
        match error {
            ResolveError::Blocked(host) => InboxError::Blocked(host),
            ResolveError::Service(error) => InboxError::Service(error),
            // Could not fetch now: worth a retry. A document that does not check out: final.
            ResolveError::Fetch(error) => InboxError::SenderUnavailable(error.to_string()),
            ResolveError::Invalid(reason) => InboxError::BadRequest(reason.to_owned()),
        }
    }
}

impl IntoResponse for InboxError {
    fn into_response(self) -> Response {
        let status = match &self {
            InboxError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            InboxError::TooMany(_) => StatusCode::TOO_MANY_REQUESTS,
            InboxError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            InboxError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            InboxError::Blocked(_) | InboxError::Forbidden(_) => StatusCode::FORBIDDEN,
            InboxError::BadRequest(_) => StatusCode::BAD_REQUEST,
            // The sender's key could not be fetched now: 401 makes it retry later.
            InboxError::SenderUnavailable(_) => StatusCode::UNAUTHORIZED,
            InboxError::ObjectUnavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            InboxError::Service(ServiceError::NotFound) => StatusCode::NOT_FOUND,
            InboxError::Service(ServiceError::Forbidden) => StatusCode::FORBIDDEN,
            InboxError::Service(ServiceError::Invalid(_)) => StatusCode::BAD_REQUEST,
            // The database is busy, full or unreachable for now: the sender retries.
            InboxError::Service(busy) if busy.is_transient() => StatusCode::SERVICE_UNAVAILABLE,
            InboxError::Service(_) => StatusCode::INTERNAL_SERVER_ERROR,
        };
        if status == StatusCode::SERVICE_UNAVAILABLE {
            tracing::info!(error = %self, "inbox asked the sender to retry");
        } else if status.is_server_error() {
            tracing::error!(error = %self, "inbox failed");
        } else {
            tracing::info!(error = %self, %status, "inbox refused an activity");
        }
        let mut response = (status, self.to_string()).into_response();
        if status == StatusCode::TOO_MANY_REQUESTS {
            response.headers_mut().insert(header::RETRY_AFTER, axum::http::HeaderValue::from_static("60"));
        }
        // A fetch that failed for now (the peer was slow or overloaded): soon, not in a minute;
        // senders take their own backoff when it is longer.
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response.headers_mut().insert(header::RETRY_AFTER, axum::http::HeaderValue::from_static("5"));
        }
        response
    }
}

/// `POST /inbox`, `/u/{name}/inbox`, `/g/{name}/inbox`, `/actor/inbox`: all the same, since
/// where an activity goes is decided by what it says, not by which inbox received it. Each
/// activity is counted in the metrics by its type and what became of it.
pub async fn receive(State(state): State<AppState>, request: Request) -> Result<StatusCode, InboxError> {
    let mut seen = Seen { activity: "unknown", result: "accepted" };
    let outcome = receive_activity(&state, request, &mut seen).await;
    let result = match &outcome {
        Ok(_) => seen.result,
        Err(error) => error.metric_result(),
    };
    state.metrics.record_inbox(seen.activity, result);
    outcome
}

/// What the metrics learn about an activity on its way: its type, and how it was taken when
/// it was acknowledged without being applied.
struct Seen {
    activity: &'static str,
    result: &'static str,
}

impl InboxError {
    /// The `result` label of a refused activity.
    fn metric_result(&self) -> &'static str {
        match self {
            InboxError::UnsupportedMediaType | InboxError::TooLarge | InboxError::BadRequest(_) => "invalid",
            InboxError::Unauthorized(_) | InboxError::SenderUnavailable(_) => "unauthorized",
            InboxError::Blocked(_) | InboxError::Forbidden(_) => "refused",
            InboxError::TooMany(_) => "rate_limited",
            InboxError::ObjectUnavailable(_) => "retry_later",
            InboxError::Service(ServiceError::NotFound | ServiceError::Forbidden) => "refused",
            InboxError::Service(ServiceError::Invalid(_)) => "invalid",
            InboxError::Service(_) => "error",
        }
    }
}

async fn receive_activity(
    state: &AppState,
    request: Request,
    seen: &mut Seen,
) -> Result<StatusCode, InboxError> {
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if !is_activity_json(&content_type) {
        return Err(InboxError::UnsupportedMediaType);
    }
    let (parts, body) = request.into_parts();
    let body = to_bytes(body, MAX_ACTIVITY_BYTES).await.map_err(|_| InboxError::TooLarge)?;
    let host = request_host(&parts.headers, &parts.extensions).unwrap_or(state.uris.host());
    let receiver = Receiver {
        our_host: state.uris.host(),
        received_host: host,
        insecure: state.http.insecure,
        now: state.ctx.now(),
    };
    let signed = checks::check_request(&parts.headers, &body, receiver)?;
    let SignedRequest { claim, key_url, signer_host } = &signed;
    if peers::is_refused(&state.ctx, signer_host).await? {
        return Err(InboxError::Blocked(signer_host.clone()));
    }
    if !state.inbox_limiter.try_take(signer_host) {
        return Err(InboxError::TooMany(signer_host.clone()));
    }
    if state.uris.is_local(key_url) {
        return Err(InboxError::Forbidden("signed with one of our own keys"));
    }
    let envelope = checks::read_envelope(&body)?;
    seen.activity = envelope.label;
    checks::check_signed_by_actor(&envelope, &signed)?;
    let activity_actor = envelope.actor.clone();
    let activity_id = envelope.id.clone();
    let owner = key_owner::key_owner(state, key_url).await?;
    if owner.url.as_str() != activity_actor {
        return Err(InboxError::Forbidden("the activity's actor did not sign it"));
    }
    let received = verify::ReceivedRequest {
        method: &parts.method,
        uri: &parts.uri,
        headers: &parts.headers,
        host,
        scheme: state.uris.scheme(),
    };
    let verifies = |owner: &key_owner::KeyOwner| verify::verify_signature(claim, &received, owner.keys());
    // Only an owner whose key verified the signature is stored (or its stored key replaced).
    let owner = if verifies(&owner).is_ok() {
        owner
    } else {
        // The peer may have rotated its key: fetch the owner again, once, and rarely.
        if !state.key_refetch_limiter.try_take(owner.url.as_str()) {
            return Err(VerifyError::Invalid.into());
        }
        let fresh = key_owner::fetch_key_owner(state, key_url).await?;
        if fresh.url != owner.url {
            return Err(InboxError::Forbidden("the activity's actor did not sign it"));
        }
        verifies(&fresh)?;
        fresh
    };
    let signer_url = owner.url.clone();
    let signer = owner.keep(state).await?;
    peers::heard_from(&state.ctx, signer_host).await?;
    super::peer_software::refresh_if_due(state, signer_host).await;
    peer_signatures::seen_signing(&state.ctx, signer_host, claim.format()).await?;
    checks::check_activity_id(&envelope, signer_host)?;
    if remote::seen_activity(&state.ctx, &activity_id).await? {
        seen.result = "duplicate";
        return Ok(StatusCode::ACCEPTED);
    }
    if suspensions::is_suspended(&state.ctx, signer).await? {
        // An admin suspended the sender: acknowledged (so it is not sent again), not applied.
        tracing::info!(actor = %signer_url, activity = %activity_id, "dropped an activity of a suspended actor");
        seen.result = "dropped";
        return Ok(StatusCode::ACCEPTED);
    }
    let inbound = checks::parse_activity(&envelope)?;
    match activities::receive(state, signer, &signer_url, inbound, &envelope.value, 0).await {
        Ok(()) => super::retry_budget::forget(&activity_id),
        Err(InboxError::ObjectUnavailable(reason)) if super::retry_budget::take(&activity_id) => {
            return Err(InboxError::ObjectUnavailable(reason));
        }
        Err(InboxError::ObjectUnavailable(reason)) => {
            tracing::warn!(activity = %activity_id, %reason, "gave up on an activity after retries");
            seen.result = "gave_up";
        }
        Err(other) => return Err(other),
    }
    remote::record_activity(&state.ctx, &activity_id).await?;
    crate::service::federation_health::count_inbound(&state.ctx, signer_host).await?;
    Ok(StatusCode::ACCEPTED)
}
