//! Lockout after failed sign-ins, counted per account name *and* client network (an IPv4
//! address, or an IPv6 /64).
//!
//! - Someone guessing a password locks only themselves out: the account's owner, signing in
//!   from their own network, is not refused, so nobody can lock another person out by failing
//!   on purpose.
//! - A name that does not exist is counted exactly like one that does, so "locked" says
//!   nothing about whether an account exists; while locked, neither is checked against a
//!   password hash, so both answer equally fast.
//! - Each lockout of the same name and network lasts twice as long as the one before, up to a
//!   day; a day without failures forgets them.
//!
//! Guessing from many networks at once is slowed by the per-address attempt limit
//! (`auth.attempts_per_minute`). Counts live in the server's memory, like that limit.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;

use crate::client_address::client_network;

/// The longest one lockout lasts, however often it was earned.
pub const MAX_LOCKOUT_SECONDS: i64 = 24 * 3600;
/// After this long without a failure, a name and network start afresh.
const FORGET_AFTER_MILLIS: i64 = 24 * 3600 * 1000;
const MAX_ENTRIES: usize = 100_000;

#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    failures: i64,
    lockouts: u32,
    locked_until: i64,
    last_failure: i64,
}

#[derive(Debug, Default)]
pub struct SignInGuard {
    entries: Mutex<HashMap<(String, IpAddr), Entry>>,
}

impl SignInGuard {
    fn key(name: &str, client: IpAddr) -> (String, IpAddr) {
        (name.trim().to_lowercase(), client_network(client))
    }

    /// Until when (milliseconds) `name` is locked for `client`, if it is now.
    pub fn locked_until(&self, name: &str, client: IpAddr, now: i64) -> Option<i64> {
        let entries = self.entries.lock().ok()?;
        entries.get(&Self::key(name, client)).map(|entry| entry.locked_until).filter(|until| *until > now)
    }

    /// Counts a failure; true when it starts a lockout.
    pub fn record_failure(
        &self,
        name: &str,
        client: IpAddr,
        now: i64,
        max_failures: i64,
        lockout_seconds: i64,
    ) -> bool {
        let Ok(mut entries) = self.entries.lock() else { return false };
        if entries.len() >= MAX_ENTRIES {
            entries.retain(|_, entry| {
                entry.locked_until > now || now - entry.last_failure < FORGET_AFTER_MILLIS
            });
        }
        let key = Self::key(name, client);
        if entries.len() >= MAX_ENTRIES && !entries.contains_key(&key) {
            return false;
        }
        let entry = entries.entry(key).or_default();
        if now - entry.last_failure >= FORGET_AFTER_MILLIS {
            *entry = Entry::default();
        }
        entry.last_failure = now;
        entry.failures += 1;
        if entry.failures < max_failures.max(1) {
            return false;
        }
        let doubling = 2_i64.saturating_pow(entry.lockouts.min(30));
        let seconds = lockout_seconds.max(1).saturating_mul(doubling).min(MAX_LOCKOUT_SECONDS);
        entry.failures = 0;
        entry.lockouts += 1;
        entry.locked_until = now.saturating_add(seconds * 1000);
        true
    }

    /// The account's password was reset: every network starts afresh for `name`.
    pub fn forget_name(&self, name: &str) {
        let name = name.trim().to_lowercase();
        if let Ok(mut entries) = self.entries.lock() {
            entries.retain(|(entry_name, _), _| *entry_name != name);
        }
    }

    /// A correct password: the name and network start afresh.
    pub fn record_success(&self, name: &str, client: IpAddr) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.remove(&Self::key(name, client));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn lockouts_back_off_and_stay_with_the_guessing_network() {
        let guard = SignInGuard::default();
        let guesser = ip("2001:db8:1:2::7");
        let mut now = 1_000_000;
        for _ in 0..4 {
            assert!(!guard.record_failure("Ana", guesser, now, 5, 60));
        }
        assert!(guard.record_failure("ana", guesser, now, 5, 60));
        assert_eq!(guard.locked_until("ANA", ip("2001:db8:1:2::99"), now), Some(now + 60_000), "same /64");
        assert_eq!(guard.locked_until("ana", ip("2001:db8:9::1"), now), None, "the owner elsewhere is not");
        now += 60_001;
        for _ in 0..5 {
            guard.record_failure("ana", guesser, now, 5, 60);
        }
        assert_eq!(guard.locked_until("ana", guesser, now), Some(now + 120_000), "twice as long");
        guard.record_success("ana", guesser);
        assert_eq!(guard.locked_until("ana", guesser, now), None);
    }

    #[test]
    fn no_lockout_lasts_longer_than_a_day() {
        let guard = SignInGuard::default();
        let client = ip("192.0.2.1");
        let mut now = 0;
        for _ in 0..40 {
            for _ in 0..5 {
                guard.record_failure("ana", client, now, 5, 900);
            }
            let until = guard.locked_until("ana", client, now).unwrap();
            assert!(until - now <= MAX_LOCKOUT_SECONDS * 1000);
            now = until + 1;
        }
    }
}
