//! Ids are made by the application so both database backends agree and ids sort by time
//! (the Mastodon API and cursor pagination rely on that).

use std::sync::atomic::{AtomicU64, Ordering};

use super::time::Timestamp;

macro_rules! id_type {
    ($($name:ident),*) => {$(
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

id_type!(ActorId, PostId, FollowId, EventId, InstanceId);

/// Makes 63-bit ids: milliseconds since the Unix epoch in the high bits, then a per-process
/// sequence and random bits, so ids from several processes sharing one database stay unique.
#[derive(Debug)]
pub struct IdGenerator {
    sequence: AtomicU64,
    process_bits: u64,
}

const SEQUENCE_BITS: u32 = 12;
const PROCESS_BITS: u32 = 10;

impl Default for IdGenerator {
    fn default() -> Self {
        Self::new()
    }
}

impl IdGenerator {
    pub fn new() -> Self {
        Self { sequence: AtomicU64::new(0), process_bits: rand::random::<u64>() & ((1 << PROCESS_BITS) - 1) }
    }

    pub fn next(&self, now: Timestamp) -> i64 {
        let sequence = self.sequence.fetch_add(1, Ordering::Relaxed) & ((1 << SEQUENCE_BITS) - 1);
        let millis = now.millis().max(0) as u64;
        let id = (millis << (SEQUENCE_BITS + PROCESS_BITS)) | (sequence << PROCESS_BITS) | self.process_bits;
        (id & (i64::MAX as u64)) as i64
    }
}

/// The smallest id [`IdGenerator::next`] makes at or after `millis`: ids sort by time, so a
/// time window is a range of ids.
pub fn first_id_at(millis: i64) -> i64 {
    ((millis.max(0) as u64) << (SEQUENCE_BITS + PROCESS_BITS) & (i64::MAX as u64)) as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_is_a_floor_of_the_ids_made_then() {
        let ids = IdGenerator::new();
        for millis in [0, 1_700_000_000_000, 1_700_000_000_001] {
            let id = ids.next(Timestamp::from_millis(millis));
            assert!(first_id_at(millis) <= id && id < first_id_at(millis + 1), "{millis}");
        }
    }

    #[test]
    fn ids_grow_with_time_and_are_unique() {
        let ids = IdGenerator::new();
        let a = ids.next(Timestamp::from_millis(1_700_000_000_000));
        let b = ids.next(Timestamp::from_millis(1_700_000_000_000));
        let c = ids.next(Timestamp::from_millis(1_700_000_000_001));
        assert_ne!(a, b);
        assert!(c > a && c > b);
        assert!(a > 0);
    }
}
