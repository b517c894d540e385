//! Per-peer delivery health for the admin: two grouped reads (peers, and the pending queue per
//! domain), never one query per peer.

use super::{Conn, DbError, query_as};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PeerHealthRow {
    pub host: String,
    pub software: Option<String>,
    pub policy: String,
    pub last_seen_at: Option<i64>,
    pub unavailable_since: Option<i64>,
    pub failing_since: Option<i64>,
    pub last_delivered_at: Option<i64>,
    pub last_failed_at: Option<i64>,
    pub failures_in_a_row: i64,
    pub last_delivery_error: Option<String>,
}

pub async fn list_peer_health(conn: &mut Conn<'_>) -> Result<Vec<PeerHealthRow>, DbError> {
    query_as!(
        conn,
        PeerHealthRow,
        fetch_all,
        "SELECT host, software, policy, last_seen_at, unavailable_since, failing_since, last_delivered_at, \
         last_failed_at, failures_in_a_row, last_delivery_error FROM instances ORDER BY host"
    )
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PendingByDomainRow {
    pub domain: String,
    pub pending: i64,
    pub oldest_pending_at: i64,
}

/// The pending deliveries per peer domain (read through the partial index of pending rows, so
/// it costs the queue's size, not the history's).
pub async fn list_pending_by_domain(conn: &mut Conn<'_>) -> Result<Vec<PendingByDomainRow>, DbError> {
    query_as!(
        conn,
        PendingByDomainRow,
        fetch_all,
        "SELECT domain, COUNT(*) AS pending, MIN(created_at) AS oldest_pending_at \
         FROM deliveries WHERE state = 'pending' GROUP BY domain ORDER BY domain"
    )
}
