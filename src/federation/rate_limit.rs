//! Limits per peer, so one server (or a flood of follows from one actor) cannot take the inbox
//! for itself, and key re-fetches stay rare.

use std::num::NonZeroU32;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

pub struct PeerLimiter {
    limiter: DefaultKeyedRateLimiter<String>,
}

impl PeerLimiter {
    pub fn per_minute(count: u32) -> Self {
        let count = NonZeroU32::new(count).unwrap_or(NonZeroU32::MIN);
        Self { limiter: RateLimiter::keyed(Quota::per_minute(count)) }
    }

    /// Takes one unit for `key`; false once the key has used up its quota.
    pub fn try_take(&self, key: &str) -> bool {
        if self.limiter.len() > 100_000 {
            self.limiter.retain_recent();
        }
        self.limiter.check_key(&key.to_owned()).is_ok()
    }
}
