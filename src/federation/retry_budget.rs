//! How often the inbox asks a sender to retry one activity (503) because something it needs
//! could not be fetched yet. Senders deliver to each peer in order, so a retried activity holds
//! back everything after it for that peer: the budget keeps one unreachable third server from
//! stalling a peer's whole queue. After the budget the activity is acknowledged and dropped,
//! as it was before retries were asked for.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// 503 answers per activity id; with the usual backoff (1, 2, 4 minutes) the sender is held
/// back for about seven minutes at most.
pub const RETRIES_PER_ACTIVITY: u8 = 3;
/// Activity ids remembered at most; the memory is cleared when full.
const REMEMBERED: usize = 10_000;

fn counts() -> &'static Mutex<HashMap<String, u8>> {
    static COUNTS: OnceLock<Mutex<HashMap<String, u8>>> = OnceLock::new();
    COUNTS.get_or_init(|| Mutex::new(HashMap::new()))
}

/// Whether the sender of `activity_id` may be asked to retry once more (and counts it).
pub fn take(activity_id: &str) -> bool {
    let Ok(mut counts) = counts().lock() else {
        return false;
    };
    if counts.len() >= REMEMBERED && !counts.contains_key(activity_id) {
        counts.clear();
    }
    let count = counts.entry(activity_id.to_owned()).or_insert(0);
    if *count >= RETRIES_PER_ACTIVITY {
        counts.remove(activity_id);
        return false;
    }
    *count += 1;
    true
}

/// The activity went through: forget its count.
pub fn forget(activity_id: &str) {
    if let Ok(mut counts) = counts().lock() {
        counts.remove(activity_id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_activity_gets_a_bounded_number_of_retries() {
        let id = "https://peer.example/activities/budget-test";
        for _ in 0..RETRIES_PER_ACTIVITY {
            assert!(take(id));
        }
        assert!(!take(id), "then it is given up");
        assert!(take(id), "and a later, new delivery starts afresh");
        forget(id);
    }
}
