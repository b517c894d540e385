//! What to do after an attempt: the retry schedule and which answers are final.

use std::time::{Duration, SystemTime};

/// Keep trying a delivery for three and a half days, so a peer that is down for three days
/// still receives everything once it is back.
pub const GIVE_UP_AFTER_SECONDS: i64 = 3 * 24 * 3600 + 12 * 3600;
/// A peer failing for a week is marked unavailable until it is heard from again.
pub const UNAVAILABLE_AFTER_SECONDS: i64 = 7 * 24 * 3600;
/// The default first wait after a failure.
pub const FIRST_RETRY_SECONDS: i64 = 60;
const LONGEST_WAIT_SECONDS: i64 = 12 * 3600;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Delivered,
    /// Try again after this many seconds.
    Retry {
        after_seconds: i64,
    },
    /// The peer refused for good (or we gave up).
    Failed,
}

/// The retry schedule; `first_retry_seconds` is configurable (`federation.first_retry_seconds`)
/// so development setups and end-to-end tests need not wait a minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetrySchedule {
    pub first_retry_seconds: i64,
}

impl Default for RetrySchedule {
    fn default() -> Self {
        Self { first_retry_seconds: FIRST_RETRY_SECONDS }
    }
}

impl RetrySchedule {
    /// Exponential backoff: 1 min, 2 min, 4 min … capped at 12 h; about 14 attempts in 3 days.
    pub fn backoff_seconds(&self, attempts_so_far: i64) -> i64 {
        let exponent = u32::try_from(attempts_so_far.clamp(0, 20)).unwrap_or(20);
        self.first_retry_seconds.max(1).saturating_mul(1_i64 << exponent).min(LONGEST_WAIT_SECONDS)
    }

    /// Classifies an HTTP answer. 401, 408, 429 and 5xx are worth retrying; other 4xx are final.
    pub fn classify_status(
        &self,
        status: u16,
        retry_after_seconds: Option<i64>,
        attempts_so_far: i64,
    ) -> Outcome {
        match status {
            200..=299 => Outcome::Delivered,
            401 | 408 | 429 | 500..=599 => {
                let backoff = self.backoff_seconds(attempts_so_far);
                let after_seconds =
                    retry_after_seconds.map_or(backoff, |asked| asked.clamp(backoff, 24 * 3600));
                Outcome::Retry { after_seconds }
            }
            _ => Outcome::Failed,
        }
    }
}

/// The default schedule's backoff.
pub fn backoff_seconds(attempts_so_far: i64) -> i64 {
    RetrySchedule::default().backoff_seconds(attempts_so_far)
}

/// Classifies an answer on the default schedule.
pub fn classify_status(status: u16, retry_after_seconds: Option<i64>, attempts_so_far: i64) -> Outcome {
    RetrySchedule::default().classify_status(status, retry_after_seconds, attempts_so_far)
}

/// Reads `Retry-After` as seconds or as an HTTP date.
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<i64> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<i64>() {
        return Some(seconds.max(0));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO).as_secs().try_into().unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_capped() {
        assert_eq!(backoff_seconds(0), 60);
        assert_eq!(backoff_seconds(1), 120);
        assert_eq!(backoff_seconds(5), 1920);
        assert_eq!(backoff_seconds(12), LONGEST_WAIT_SECONDS);
        assert_eq!(backoff_seconds(10_000), LONGEST_WAIT_SECONDS);
        let total: i64 = (0..16).map(backoff_seconds).sum();
        assert!(
            total >= GIVE_UP_AFTER_SECONDS - LONGEST_WAIT_SECONDS,
            "the schedule spans about three days: {total}"
        );
    }

    #[test]
    fn final_and_retryable_answers() {
        for final_status in [400, 403, 404, 410, 422] {
            assert_eq!(classify_status(final_status, None, 0), Outcome::Failed, "{final_status}");
        }
        for retry in [401, 408, 429, 500, 502, 503] {
            assert!(matches!(classify_status(retry, None, 0), Outcome::Retry { .. }), "{retry}");
        }
        assert_eq!(classify_status(202, None, 3), Outcome::Delivered);
        assert_eq!(classify_status(429, Some(600), 0), Outcome::Retry { after_seconds: 600 });
        assert_eq!(
            classify_status(503, Some(1), 3),
            Outcome::Retry { after_seconds: 480 },
            "never sooner than backoff"
        );
    }

    #[test]
    fn retry_after_in_both_forms() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_767_323_045);
        assert_eq!(parse_retry_after("120", now), Some(120));
        assert_eq!(parse_retry_after("Fri, 02 Jan 2026 03:05:05 GMT", now), Some(60));
        assert_eq!(parse_retry_after("soon", now), None);
    }
}
