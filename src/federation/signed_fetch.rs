//! Signed GETs ("authorized fetch", Mastodon's secure mode). With
//! `federation.require_signed_fetch` on, the ActivityPub JSON of people, groups, threads, posts
//! and their collections is served only to requests that carry a valid HTTP signature of a peer
//! that is not refused (blocked, or in allowlist mode not allowed). Whether on or off, a request
//! whose signature names a blocked peer gets 403: a blocked instance cannot read our objects or
//! outboxes by signing as itself.
//!
//! The instance actor (`/actor`), discovery and HTML are never guarded, so a peer can always
//! fetch the key it needs to check our own signed fetches (no deadlock between two instances
//! that both require signatures).

use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use url::Url;

use super::delivery::enqueue::domain_of;
use super::key_owner::{self, KeyOwner};
use super::resolve::ResolveError;
use super::verify;
use crate::client_address::request_host;
use crate::service::{ServiceError, peer_signatures, peers};
use crate::state::AppState;

#[derive(Debug, thiserror::Error)]
pub enum FetchAuthError {
    #[error("a valid HTTP signature is required: {0}")]
    Unauthorized(String),
    #[error("this instance does not federate with {0}")]
    Blocked(String),
    #[error("too many requests from {0}")]
    TooMany(String),
    #[error("internal error: {0}")]
    Internal(String),
}

impl IntoResponse for FetchAuthError {
    fn into_response(self) -> Response {
        let status = match &self {
            FetchAuthError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            FetchAuthError::Blocked(_) => StatusCode::FORBIDDEN,
            FetchAuthError::TooMany(_) => StatusCode::TOO_MANY_REQUESTS,
            FetchAuthError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        };
        if status.is_server_error() {
            tracing::error!(error = %self, "checking a signed fetch failed");
        } else {
            tracing::info!(error = %self, %status, "refused a fetch");
        }
        let message = match &self {
            FetchAuthError::Internal(_) => "internal error".to_owned(),
            other => other.to_string(),
        };
        (status, message).into_response()
    }
}

impl From<ResolveError> for FetchAuthError {
    fn from(error: ResolveError) -> Self {
        match error {
            ResolveError::Blocked(host) => FetchAuthError::Blocked(host),
            // Our own failures (database) are 500; anything the peer's documents caused is theirs.
            ResolveError::Service(error @ (ServiceError::Db(_) | ServiceError::Internal(_))) => {
                FetchAuthError::Internal(error.to_string())
            }
            other => FetchAuthError::Unauthorized(other.to_string()),
        }
    }
}

impl From<ServiceError> for FetchAuthError {
    fn from(error: ServiceError) -> Self {
        FetchAuthError::Internal(error.to_string())
    }
}

/// Middleware for routes that serve only ActivityPub JSON (collections).
pub async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let signed = SignedRequest::of(&request, &state.uris);
    match check(&state, &signed).await {
        Ok(()) => next.run(request).await,
        Err(error) => error.into_response(),
    }
}

/// Whether a GET of our ActivityPub JSON may be answered.
pub async fn check(state: &AppState, signed: &SignedRequest<'_>) -> Result<(), FetchAuthError> {
    let headers = signed.headers;
    let required = state.config.federation.require_signed_fetch;
    let claimed = verify::claimed_key_id(headers).and_then(|key_id| Url::parse(&key_id).ok());
    let Some(key_url) = claimed else {
        return if required {
            Err(FetchAuthError::Unauthorized("no readable Signature header".into()))
        } else {
            Ok(())
        };
    };
    let host =
        domain_of(&key_url).ok_or_else(|| FetchAuthError::Unauthorized("keyId without host".into()))?;
    if !required {
        // Reads stay open (as they are unsigned) except to a peer an admin blocked; in allowlist
        // mode a peer not yet allowed may still look at a group before its follow is refused.
        if peers::is_blocked(&state.ctx, &host).await? {
            return Err(FetchAuthError::Blocked(host));
        }
        return Ok(());
    }
    if peers::is_refused(&state.ctx, &host).await? {
        return Err(FetchAuthError::Blocked(host));
    }
    verify_owner(state, signed, &host, &key_url).await.map(|_| ())
}

/// The actor whose valid signature a GET carries, whether or not signatures are required: for
/// objects only some may see (a private group's posts, followers-only posts). None when the
/// request is unsigned, or its signature does not verify, or names a refused peer.
pub async fn verified_signer(state: &AppState, signed: &SignedRequest<'_>) -> Option<crate::domain::ActorId> {
    let key_url = verify::claimed_key_id(signed.headers).and_then(|key_id| Url::parse(&key_id).ok())?;
    let host = domain_of(&key_url)?;
    if peers::is_refused(&state.ctx, &host).await.unwrap_or(true) {
        return None;
    }
    match verify_owner(state, signed, &host, &key_url).await {
        Ok(actor) => Some(actor),
        Err(error) => {
            tracing::info!(%error, "a signed fetch of a non-public object did not verify");
            None
        }
    }
}

/// Verifies the signature of a GET by a peer that is not refused; the signer's stored actor.
async fn verify_owner(
    state: &AppState,
    signed: &SignedRequest<'_>,
    host: &str,
    key_url: &Url,
) -> Result<crate::domain::ActorId, FetchAuthError> {
    let headers = signed.headers;
    let claim = verify::precheck(headers, None, state.ctx.now())
        .map_err(|e| FetchAuthError::Unauthorized(e.to_string()))?;
    if !verify::is_our_host(signed.host, state.uris.host(), state.http.insecure) {
        return Err(FetchAuthError::Unauthorized(verify::VerifyError::WrongHost.to_string()));
    }
    if state.uris.is_local(key_url) {
        return Err(FetchAuthError::Unauthorized("signed with one of our own keys".into()));
    }
    let owner = match key_owner::stored_key_owner(state, key_url).await? {
        Some(owner) => owner,
        None => {
            // A key we have not seen: fetching it costs a request to the peer, so it counts
            // against the peer's budget like an inbox delivery does.
            if !state.inbox_limiter.try_take(host) {
                return Err(FetchAuthError::TooMany(host.to_owned()));
            }
            key_owner::fetch_key_owner(state, key_url).await?
        }
    };
    // An owner is stored (or its stored key replaced) only once its key verified.
    if signed.verifies(&claim, &owner) {
        let actor = owner.keep(state).await?;
        peer_signatures::seen_signing(&state.ctx, host, claim.format()).await?;
        return Ok(actor);
    }
    // The key may have been rotated: fetch the owner again, rarely.
    if !state.key_refetch_limiter.try_take(owner.url.as_str()) {
        return Err(FetchAuthError::Unauthorized("the signature does not verify".into()));
    }
    let fresh = key_owner::fetch_key_owner(state, key_url).await?;
    if signed.verifies(&claim, &fresh) {
        let actor = fresh.keep(state).await?;
        peer_signatures::seen_signing(&state.ctx, host, claim.format()).await?;
        Ok(actor)
    } else {
        Err(FetchAuthError::Unauthorized("the signature does not verify".into()))
    }
}

/// What a signature over a GET covers (borrowed from a request, without its body).
pub struct SignedRequest<'a> {
    method: &'a Method,
    uri: &'a Uri,
    headers: &'a HeaderMap,
    /// The host the request was addressed to; `our_host` when it names none.
    host: &'a str,
    scheme: &'a str,
}

impl<'a> SignedRequest<'a> {
    /// `uris`: ours, for the host when the request names none and for the scheme.
    pub fn of(request: &'a Request, uris: &'a crate::federation::uris::Uris) -> Self {
        Self {
            method: request.method(),
            uri: request.uri(),
            headers: request.headers(),
            host: request_host(request.headers(), request.extensions()).unwrap_or(uris.host()),
            scheme: uris.scheme(),
        }
    }

    /// The same from a request's parts (which, unlike a request, may be held across awaits).
    pub fn of_parts(parts: &'a axum::http::request::Parts, uris: &'a crate::federation::uris::Uris) -> Self {
        Self {
            method: &parts.method,
            uri: &parts.uri,
            headers: &parts.headers,
            host: request_host(&parts.headers, &parts.extensions).unwrap_or(uris.host()),
            scheme: uris.scheme(),
        }
    }

    fn verifies(&self, claim: &verify::SignatureClaim, owner: &KeyOwner) -> bool {
        let received = verify::ReceivedRequest {
            method: self.method,
            uri: self.uri,
            headers: self.headers,
            host: self.host,
            scheme: self.scheme,
        };
        verify::verify_signature(claim, &received, owner.keys()).is_ok()
    }
}
