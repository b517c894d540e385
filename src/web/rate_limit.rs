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

    /// Takes one attempt for this address; false when the address has used up its quota. An
    /// IPv6 address counts with its whole /64, which one client usually holds entirely.
    pub fn try_attempt(&self, address: IpAddr) -> bool {
        if self.limiter.len() > 100_000 {
            self.limiter.retain_recent();
        }
        self.limiter.check_key(&client_key(address)).is_ok()
    }
}

/// The address an attempt counts against: IPv4 as it is, IPv6 by its /64 network (and
/// IPv4-mapped IPv6 as the IPv4 address).
pub fn client_key(address: IpAddr) -> IpAddr {
    crate::client_address::client_network(address)
}

pub async fn limit_auth_attempts(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let address = crate::client_address::client_address(request.extensions());
    if !state.auth_limiter.try_attempt(address) {
        tracing::info!(%address, "sign-in or registration rate limited");
        return WebError::TooManyRequests.into_response();
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ipv6_slash_64_is_one_client() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:ffff:ffff:ffff:ffff".parse().unwrap();
        let other: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(client_key(a), client_key(b));
        assert_ne!(client_key(a), client_key(other));
        let mapped: IpAddr = "::ffff:192.0.2.7".parse().unwrap();
        assert_eq!(client_key(mapped), "192.0.2.7".parse::<IpAddr>().unwrap());
    }

    #[test]
    fn one_slash_64_shares_one_quota() {
        let limiter = AttemptLimiter::per_minute(2);
        let first: IpAddr = "2001:db8::1".parse().unwrap();
        let second: IpAddr = "2001:db8::2".parse().unwrap();
        let elsewhere: IpAddr = "2001:db8:0:1::1".parse().unwrap();
        assert!(limiter.try_attempt(first));
        assert!(limiter.try_attempt(second));
        assert!(!limiter.try_attempt(first), "the /64 used its quota");
        assert!(limiter.try_attempt(elsewhere), "another /64 has its own");
    }
}
