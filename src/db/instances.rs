//! Peer instances by host (with port: two servers on one host are different peers).

use super::{Conn, DbError, execute, query_as};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InstanceRow {
    pub id: i64,
    pub host: String,
    pub software: Option<String>,
    pub policy: String,
    pub first_seen_at: i64,
    pub last_seen_at: Option<i64>,
    pub unavailable_since: Option<i64>,
    pub failing_since: Option<i64>,
}

macro_rules! select_instance {
    () => {
        "SELECT id, host, software, policy, first_seen_at, last_seen_at, unavailable_since, failing_since \
         FROM instances "
    };
}

pub async fn get_instance_by_host(conn: &mut Conn<'_>, host: &str) -> Result<Option<InstanceRow>, DbError> {
    query_as!(conn, InstanceRow, fetch_optional, concat!(select_instance!(), "WHERE host = $1"), host)
}

/// The hosts an admin blocked (few: read whole, matched by `service::peers::block_covers`).
pub async fn list_blocked_hosts(conn: &mut Conn<'_>) -> Result<Vec<String>, DbError> {
    super::query_scalar!(conn, String, fetch_all, "SELECT host FROM instances WHERE policy = 'blocked'")
}

/// Returns the instance of a host, creating it on first sight.
pub async fn upsert_instance(
    conn: &mut Conn<'_>,
    id: i64,
    host: &str,
    now: i64,
) -> Result<InstanceRow, DbError> {
    execute!(
        conn,
        "INSERT INTO instances (id, host, first_seen_at) VALUES ($1, $2, $3) ON CONFLICT (host) DO NOTHING",
        id,
        host,
        now,
    )?;
    query_as!(conn, InstanceRow, fetch_one, concat!(select_instance!(), "WHERE host = $1"), host)
}

pub async fn list_instances(conn: &mut Conn<'_>) -> Result<Vec<InstanceRow>, DbError> {
    query_as!(conn, InstanceRow, fetch_all, concat!(select_instance!(), "ORDER BY host"))
}

/// A peer answered or sent us something: it is available again. Writes at most once a minute
/// per peer while nothing is wrong (this runs for every delivery and every inbox request).
pub async fn update_instance_heard_from(conn: &mut Conn<'_>, host: &str, now: i64) -> Result<(), DbError> {
    execute!(
        conn,
        "UPDATE instances SET last_seen_at = $2, failing_since = NULL, unavailable_since = NULL \
         WHERE host = $1 AND (last_seen_at IS NULL OR last_seen_at < $2 - 60000 \
         OR failing_since IS NOT NULL OR unavailable_since IS NOT NULL)",
        host,
        now,
    )?;
    Ok(())
}

/// Notes a failed delivery; returns since when the peer has been failing.
pub async fn update_instance_failing(
    conn: &mut Conn<'_>,
    host: &str,
    now: i64,
) -> Result<Option<i64>, DbError> {
    execute!(
        conn,
        "UPDATE instances SET failing_since = COALESCE(failing_since, $2) WHERE host = $1",
        host,
        now,
    )?;
    super::query_scalar!(
        conn,
        Option<i64>,
        fetch_optional,
        "SELECT failing_since FROM instances WHERE host = $1",
        host
    )
    .map(Option::flatten)
}

pub async fn update_instance_unavailable(conn: &mut Conn<'_>, host: &str, now: i64) -> Result<(), DbError> {
    execute!(
        conn,
        "UPDATE instances SET unavailable_since = COALESCE(unavailable_since, $2) WHERE host = $1",
        host,
        now,
    )?;
    Ok(())
}

pub async fn update_instance_policy(conn: &mut Conn<'_>, host: &str, policy: &str) -> Result<u64, DbError> {
    execute!(conn, "UPDATE instances SET policy = $2 WHERE host = $1", host, policy)
}

/// A delivery to the peer went through: the count of failures in a row starts again.
pub async fn update_instance_delivered(conn: &mut Conn<'_>, host: &str, now: i64) -> Result<(), DbError> {
    execute!(
        conn,
        "UPDATE instances SET last_delivered_at = $2, failures_in_a_row = 0 WHERE host = $1",
        host,
        now,
    )?;
    Ok(())
}

/// A delivery attempt to the peer failed (to be retried or for good).
pub async fn update_instance_delivery_failed(
    conn: &mut Conn<'_>,
    host: &str,
    error: &str,
    now: i64,
) -> Result<(), DbError> {
    execute!(
        conn,
        "UPDATE instances SET last_failed_at = $2, failures_in_a_row = failures_in_a_row + 1, \
         last_delivery_error = $3 WHERE host = $1",
        host,
        now,
        error,
    )?;
    Ok(())
}

/// The hosts of the instances this one has heard from, except blocked ones, by name.
pub async fn list_peer_hosts(conn: &mut Conn<'_>) -> Result<Vec<String>, DbError> {
    super::query_scalar!(
        conn,
        String,
        fetch_all,
        "SELECT host FROM instances WHERE policy <> 'blocked' AND last_seen_at IS NOT NULL ORDER BY host"
    )
}
