//! A process-wide count of database writes, for caches of rendered pages (see
//! `web::page_cache`): a cached page is good only while this count has not moved since it was
//! rendered. Every statement that is not a `SELECT` counts after it ran, and every committed
//! transaction counts after its commit, so a page rendered between a write and its commit is
//! never kept past the commit. Writes of other server processes are not seen here.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

static WRITES: AtomicU64 = AtomicU64::new(0);
/// Milliseconds since the epoch of the last counted write; 0 until the first one.
static LAST_WRITE_MILLIS: AtomicI64 = AtomicI64::new(0);
static STARTED_MILLIS: OnceLock<i64> = OnceLock::new();

fn now_millis() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// How many writes this process made so far.
pub fn count() -> u64 {
    WRITES.load(Ordering::Acquire)
}

/// When this process last wrote (milliseconds since the epoch); before its first write, when it
/// first asked, which is no earlier than the writes of processes before it.
pub fn last_write_millis() -> i64 {
    match LAST_WRITE_MILLIS.load(Ordering::Acquire) {
        0 => *STARTED_MILLIS.get_or_init(now_millis),
        millis => millis,
    }
}

/// Counts a write that just happened (or committed).
pub fn note() {
    LAST_WRITE_MILLIS.fetch_max(now_millis(), Ordering::AcqRel);
    WRITES.fetch_add(1, Ordering::AcqRel);
}

/// Counts `sql` if it may change data: anything but a plain `SELECT`.
pub fn note_statement(sql: &str) {
    let verb = sql.trim_start().get(..6).unwrap_or_default();
    if !verb.eq_ignore_ascii_case("select") {
        note();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selects_do_not_count_and_everything_else_does() {
        let before = count();
        note_statement("  select 1");
        note_statement("SELECT id FROM posts");
        // Other tests may write at the same time: only "at least" holds.
        note_statement("UPDATE posts SET body = $1");
        note_statement("WITH x AS (SELECT 1) DELETE FROM posts");
        assert!(count() >= before + 2);
        assert!(last_write_millis() > 0);
    }
}
