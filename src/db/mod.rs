//! All SQL of Allmende. Each file holds the queries of one table or aggregate, with uniform
//! verbs (`get_*`, `list_*`, `insert_*`, `update_*`, `delete_*`).
//!
//! Both backends are real: [`Db`] holds a native SQLite or PostgreSQL pool, and the query
//! macros below run one SQL text on whichever is in use. The SQL is written once in the
//! common dialect (`$1` placeholders, `ON CONFLICT`, `RETURNING`, integer times).

pub mod account_cards;
pub mod account_data;
pub mod account_deletions;
pub mod account_moves;
pub mod accounts;
pub mod actor_multikeys;
pub mod actors;
pub mod admin_accounts;
pub mod admin_dashboard;
pub mod blocks;
pub mod bookmarks;
pub mod boosts;
pub mod connection;
pub mod deliveries;
pub mod domain_blocks;
pub mod domain_events;
pub mod downvotes;
pub mod events;
pub mod federation_health;
pub mod feeds;
pub mod follows;
pub mod goals;
pub mod gone_actors;
pub mod group_bans;
pub mod group_relays;
pub mod groups;
pub mod idempotency_keys;
pub mod instance_activity;
pub mod instance_blocks;
pub mod instance_settings;
pub mod instances;
pub mod invites;
pub mod likes;
pub mod lists;
pub mod mail_preferences;
pub mod mail_queue;
pub mod mail_tokens;
pub mod markers;
pub mod media;
pub mod modlog;
pub mod mutes;
pub mod network;
pub mod notifications;
pub mod oauth;
pub mod observability;
pub mod organisations;
pub mod peer_signature_formats;
pub mod polls;
pub mod post_revisions;
pub mod post_search;
pub mod posts;
pub mod projects;
pub mod quotes;
pub mod registrations;
pub mod remote_moderators;
pub mod remote_profiles;
pub mod removals;
pub mod reports;
pub mod sessions;
pub mod snapshot;
pub mod statuses;
pub mod suspensions;
pub mod tags;
pub mod thread_collections;
pub mod thread_locks;
pub mod thread_moves;
pub mod thread_pins;
pub mod trends;
pub mod visibility;
pub mod watches;
pub mod writes;

pub use connection::{Conn, Db, DbError, PoolFigures, PooledConn, Tx};

/// The smallest id made at or after `millis`: a time window as a range of the primary key.
pub fn id_floor(millis: i64) -> i64 {
    crate::domain::ids::first_id_at(millis)
}

/// Runs `query_as` for a row type on either backend: `fetch_one`, `fetch_optional` or `fetch_all`.
macro_rules! query_as {
    ($conn:expr, $row:ty, $fetch:ident, $sql:expr $(, $arg:expr)* $(,)?) => {{
        $crate::db::trace_query($sql);
        match $conn {
            $crate::db::Conn::Sqlite(c) => {
                sqlx::query_as::<_, $row>($sql)$(.bind($arg))*.$fetch(&mut **c).await
            }
            $crate::db::Conn::Postgres(c) => {
                sqlx::query_as::<_, $row>($sql)$(.bind($arg))*.$fetch(&mut **c).await
            }
        }
        .map_err($crate::db::DbError::from)
        .inspect(|_| $crate::db::writes::note_statement($sql))
    }};
}

/// Runs `query_scalar` on either backend.
macro_rules! query_scalar {
    ($conn:expr, $ty:ty, $fetch:ident, $sql:expr $(, $arg:expr)* $(,)?) => {{
        $crate::db::trace_query($sql);
        match $conn {
            $crate::db::Conn::Sqlite(c) => {
                sqlx::query_scalar::<_, $ty>($sql)$(.bind($arg))*.$fetch(&mut **c).await
            }
            $crate::db::Conn::Postgres(c) => {
                sqlx::query_scalar::<_, $ty>($sql)$(.bind($arg))*.$fetch(&mut **c).await
            }
        }
        .map_err($crate::db::DbError::from)
        .inspect(|_| $crate::db::writes::note_statement($sql))
    }};
}

/// Executes a statement on either backend and returns the number of rows it touched.
macro_rules! execute {
    ($conn:expr, $sql:expr $(, $arg:expr)* $(,)?) => {{
        $crate::db::trace_query($sql);
        match $conn {
            $crate::db::Conn::Sqlite(c) => {
                sqlx::query($sql)$(.bind($arg))*.execute(&mut **c).await.map(|r| r.rows_affected())
            }
            $crate::db::Conn::Postgres(c) => {
                sqlx::query($sql)$(.bind($arg))*.execute(&mut **c).await.map(|r| r.rows_affected())
            }
        }
        .map_err($crate::db::DbError::from)
        .inspect(|_| $crate::db::writes::note_statement($sql))
    }};
}

/// Runs `query_as` (`fetch_all`) with the leading arguments, then exactly `$slots` ids for an
/// `IN (...)` list of fixed length: ids beyond the list are bound as -1, which no row has.
macro_rules! query_as_ids {
    ($conn:expr, $row:ty, $sql:expr, $ids:expr, $slots:expr $(, $arg:expr)* $(,)?) => {{
        $crate::db::trace_query($sql);
        let ids: &[i64] = $ids;
        let padded = (0..$slots).map(|slot| ids.get(slot).copied().unwrap_or(-1));
        match $conn {
            $crate::db::Conn::Sqlite(c) => {
                let mut query = sqlx::query_as::<_, $row>($sql)$(.bind($arg))*;
                for id in padded {
                    query = query.bind(id);
                }
                query.fetch_all(&mut **c).await
            }
            $crate::db::Conn::Postgres(c) => {
                let mut query = sqlx::query_as::<_, $row>($sql)$(.bind($arg))*;
                for id in padded {
                    query = query.bind(id);
                }
                query.fetch_all(&mut **c).await
            }
        }
        .map_err($crate::db::DbError::from)
        .inspect(|_| $crate::db::writes::note_statement($sql))
    }};
}

pub(crate) use {execute, query_as, query_as_ids, query_scalar};

/// `text` as a literal piece of a `LIKE` pattern written with `ESCAPE '\'`: its `%`, `_` and
/// `\` match only themselves.
pub fn escape_like(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// Every statement is announced on the `allmende::db::query` target at TRACE level, in the task
/// that runs it: handy when debugging, and how tests count the queries a page makes.
pub fn trace_query(sql: &'static str) {
    tracing::trace!(target: "allmende::db::query", sql);
}
