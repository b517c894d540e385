//! Per-peer delivery health for the admin: two reads (peers, and the deliveries grouped by
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
