//! The one application state every handler receives.

use std::sync::Arc;

use crate::config::Config;
use crate::federation::delivery::DeliveryWorker;
use crate::federation::http::FederationHttp;
use crate::federation::uris::Uris;
use crate::service::Context;
use crate::web::rate_limit::AttemptLimiter;

/// Cloned for every handler and middleware of every request (axum's `State`), so it is one
/// shared allocation: cloning it is one reference count, not a copy of every part (profiled:
/// copying and dropping the parts, their strings and lists included, was about a tenth of the
/// instructions of an uncached thread page).
#[derive(Clone)]
pub struct AppState(Arc<AppStateParts>);

impl AppState {
    pub fn new(parts: AppStateParts) -> Self {
        Self(Arc::new(parts))
    }
}

impl std::ops::Deref for AppState {
    type Target = AppStateParts;

    fn deref(&self) -> &AppStateParts {
        &self.0
    }
}

/// What every handler can reach, through [`AppState`].
pub struct AppStateParts {
    pub ctx: Context,
    pub config: Arc<Config>,
    pub uris: Uris,
    /// Sign-in and registration attempts per client address.
    pub auth_limiter: Arc<AttemptLimiter>,
    /// Outgoing federation HTTP: the client and the request signer.
    pub http: FederationHttp,
    /// The persisted delivery queue's worker; `wake` it after enqueuing.
    pub delivery: DeliveryWorker,
    pub wake_delivery: Arc<tokio::sync::Notify>,
    /// Activities accepted per peer host and minute.
    pub inbox_limiter: Arc<crate::federation::rate_limit::PeerLimiter>,
    /// Re-fetches of an actor whose signature failed (key rotation), per actor and minute.
    pub key_refetch_limiter: Arc<crate::federation::rate_limit::PeerLimiter>,
    /// Sends the persisted mail queue (does nothing when mail is off).
    pub mail: crate::mail::worker::MailWorker,
    /// What `/metrics` shows (see `observability`).
    pub metrics: Arc<crate::observability::Metrics>,
    /// Public pages for visitors who are not signed in (see `web::page_cache`).
    pub page_cache: Arc<crate::web::page_cache::PageCache>,
}
