//! A process-wide count of database writes, for caches of rendered pages (see
//! `web::page_cache`): a cached page is good only while this count has not moved since it was
//! rendered. Every statement that is not a `SELECT` counts after it ran, and every committed
//! transaction counts after its commit, so a page rendered between a write and its commit is
//! never kept past the commit.
//!
//! Writes of other server processes on the same PostgreSQL database count too, once they are
//! heard of: each process tells the others that it wrote (`NOTIFY` on [`CHANNEL`], at most
//! every few milliseconds, see `service::other_nodes`), and counts what it hears with
//! [`note_elsewhere`].

use std::sync::OnceLock;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use super::{Conn, Db, DbError};

/// The `LISTEN`/`NOTIFY` channel on which server processes sharing a database say they wrote.
pub const CHANNEL: &str = "allmende_writes";

/// Writes of this process and writes heard of from others.
static WRITES: AtomicU64 = AtomicU64::new(0);
/// Writes of this process alone.
static OWN_WRITES: AtomicU64 = AtomicU64::new(0);
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

/// How many writes this process made itself (what the others are told about).
pub fn own_count() -> u64 {
    OWN_WRITES.load(Ordering::Acquire)
}

/// Counts a write that just happened (or committed).
pub fn note() {
    OWN_WRITES.fetch_add(1, Ordering::AcqRel);
    note_elsewhere();
}

/// Counts a write another server process made (or may have made: its message may be lost).
pub fn note_elsewhere() {
    LAST_WRITE_MILLIS.fetch_max(now_millis(), Ordering::AcqRel);
    WRITES.fetch_add(1, Ordering::AcqRel);
}

/// Tells the other server processes on this PostgreSQL database that `node` wrote; nothing on
/// SQLite, which one process owns. Not traced as the application's statements are: it runs on a
/// timer, beside whatever request is being served, and is no query of that request.
pub async fn notify_writes(conn: &mut Conn<'_>, node: &str) -> Result<(), DbError> {
    match conn {
        Conn::Sqlite(_) => Ok(()),
        Conn::Postgres(c) => sqlx::query("SELECT pg_notify($1, $2)")
            .bind(CHANNEL)
            .bind(node)
            .execute(&mut **c)
            .await
            .map(|_| ())
            .map_err(DbError::from),
    }
}

/// Hears the writes of other server processes on the same PostgreSQL database.
pub struct WriteListener(sqlx::postgres::PgListener);

/// The listener, on PostgreSQL (it holds one connection of the pool); `None` on SQLite.
pub async fn listen_writes(db: &Db) -> Result<Option<WriteListener>, DbError> {
    match db {
        Db::Sqlite(_) => Ok(None),
        Db::Postgres(pool) => {
            let mut listener = sqlx::postgres::PgListener::connect_with(pool).await?;
            listener.listen(CHANNEL).await?;
            Ok(Some(WriteListener(listener)))
        }
    }
}

impl WriteListener {
    /// The next node that said it wrote, or `None` when the connection was lost (and messages
    /// may have been missed; the next call connects again).
    pub async fn next(&mut self) -> Result<Option<String>, DbError> {
        Ok(self.0.try_recv().await?.map(|notification| notification.payload().to_owned()))
    }
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
        let own = own_count();
        note_elsewhere();
        assert!(count() >= before + 3);
        assert!(own_count() >= own, "heard writes are not this process's own");
        assert!(last_write_millis() > 0);
    }
}
