//! Limits on sign-in and registration attempts per client address, against password guessing
//! and sign-up floods. Per-account lockout lives in the accounts service.

use std::net::IpAddr;
use std::num::NonZeroU32;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use super::error::WebError;
use crate::state::AppState;

pub struct AttemptLimiter {
    limiter: DefaultKeyedRateLimiter<IpAddr>,
}

impl AttemptLimiter {
    pub fn per_minute(attempts: u32) -> Self {
        let attempts = NonZeroU32::new(attempts).unwrap_or(NonZeroU32::MIN);
        Self { limiter: RateLimiter::keyed(Quota::per_minute(attempts)) }
    }

    /// Takes one attempt for this address; false when the address has used up its quota.
    pub fn try_attempt(&self, address: IpAddr) -> bool {
        if self.limiter.len() > 100_000 {
            self.limiter.retain_recent();
        }
        self.limiter.check_key(&address).is_ok()
    }
}

pub async fn limit_auth_attempts(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let address = crate::client_address::client_address(request.extensions());
    if !state.auth_limiter.try_attempt(address) {
        tracing::info!(%address, "sign-in or registration rate limited");
        return WebError::TooManyRequests.into_response();
    }
    next.run(request).await
}
