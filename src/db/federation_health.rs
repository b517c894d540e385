//! Per-peer delivery health for the admin: two reads (peers, and the deliveries grouped by
//! domain), never one query per peer.

use super::{Conn, DbError, execute, query_as};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PeerHealthRow {
    pub host: String,
    pub software: Option<String>,
    pub software_version: Option<String>,
    pub policy: String,
    pub last_seen_at: Option<i64>,
    pub unavailable_since: Option<i64>,
    pub failing_since: Option<i64>,
    pub last_delivered_at: Option<i64>,
    pub last_failed_at: Option<i64>,
    pub failures_in_a_row: i64,
    pub last_delivery_error: Option<String>,
    /// Activities accepted from the peer in hour `$1` (the current one).
    pub inbound_this_hour: i64,
    /// ... and in the 24 hours up to and including it.
    pub inbound_last_day: i64,
}

/// Every peer with its delivery figures and incoming activity counts; `now_hour` is the
/// current hour (unix time / 3600).
pub async fn list_peer_health(conn: &mut Conn<'_>, now_hour: i64) -> Result<Vec<PeerHealthRow>, DbError> {
    query_as!(
        conn,
        PeerHealthRow,
        fetch_all,
        "SELECT host, software, software_version, policy, last_seen_at, unavailable_since, failing_since, \
         last_delivered_at, last_failed_at, failures_in_a_row, last_delivery_error, \
         CAST(COALESCE((SELECT SUM(c.accepted) FROM inbound_activity_counts c \
            WHERE c.instance_id = instances.id AND c.hour = $1), 0) AS BIGINT) AS inbound_this_hour, \
         CAST(COALESCE((SELECT SUM(c.accepted) FROM inbound_activity_counts c \
            WHERE c.instance_id = instances.id AND c.hour > $1 - 24), 0) AS BIGINT) AS inbound_last_day \
         FROM instances ORDER BY host",
        now_hour,
    )
}

/// Counts one accepted activity from `host` in hour `hour` (one statement, no read first).
pub async fn count_inbound(conn: &mut Conn<'_>, host: &str, hour: i64) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO inbound_activity_counts (instance_id, hour, accepted) \
         SELECT id, $2, 1 FROM instances WHERE host = $1 \
         ON CONFLICT (instance_id, hour) DO UPDATE SET accepted = inbound_activity_counts.accepted + 1",
        host,
        hour,
    )?;
    Ok(())
}

/// Forgets the counts of hours before `before_hour`.
pub async fn prune_inbound(conn: &mut Conn<'_>, before_hour: i64) -> Result<u64, DbError> {
    execute!(conn, "DELETE FROM inbound_activity_counts WHERE hour < $1", before_hour)
}

/// Claims the NodeInfo check of `host` when its last one is older than `stale_before` (or
/// there was none): true for exactly one caller, which then asks the peer.
pub async fn claim_nodeinfo_check(
    conn: &mut Conn<'_>,
    host: &str,
    now: i64,
    stale_before: i64,
) -> Result<bool, DbError> {
    let claimed = execute!(
        conn,
        "UPDATE instances SET nodeinfo_checked_at = $2 WHERE host = $1 \
         AND (nodeinfo_checked_at IS NULL OR nodeinfo_checked_at < $3)",
        host,
        now,
        stale_before,
    )?;
    Ok(claimed == 1)
}

/// The software a peer's NodeInfo names.
pub async fn set_software(
    conn: &mut Conn<'_>,
    host: &str,
    name: &str,
    version: Option<&str>,
) -> Result<(), DbError> {
    execute!(
        conn,
        "UPDATE instances SET software = $2, software_version = $3 WHERE host = $1",
        host,
        name,
        version,
    )?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DomainDeliveriesRow {
    pub domain: String,
    pub pending: i64,
    pub failed: i64,
    pub delivered: i64,
    pub oldest_pending_at: Option<i64>,
}

/// The deliveries per peer domain by state, and when the oldest pending one was queued (one
/// grouped read over the `(domain, state, id)` index).
pub async fn list_deliveries_by_domain(conn: &mut Conn<'_>) -> Result<Vec<DomainDeliveriesRow>, DbError> {
    query_as!(
        conn,
        DomainDeliveriesRow,
        fetch_all,
        "SELECT domain, \
         SUM(CASE WHEN state = 'pending' THEN 1 ELSE 0 END) AS pending, \
         SUM(CASE WHEN state = 'failed' THEN 1 ELSE 0 END) AS failed, \
         SUM(CASE WHEN state = 'delivered' THEN 1 ELSE 0 END) AS delivered, \
         MIN(CASE WHEN state = 'pending' THEN created_at END) AS oldest_pending_at \
         FROM deliveries GROUP BY domain ORDER BY domain"
    )
}
