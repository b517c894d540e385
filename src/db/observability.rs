//! Cheap queries for the probes and the metrics scrape: whether the database answers, which
//! migrations it has, and the delivery queue's depth and oldest entry (the partial index of
//! pending deliveries keeps this proportional to the queue, not to the history).

use super::{Conn, DbError, query_as, query_scalar};

pub async fn ping(conn: &mut Conn<'_>) -> Result<i64, DbError> {
    query_scalar!(conn, i64, fetch_one, "SELECT CAST(1 AS BIGINT)")
}

/// The versions of the migrations applied successfully, in order.
pub async fn list_applied_migrations(conn: &mut Conn<'_>) -> Result<Vec<i64>, DbError> {
    query_scalar!(conn, i64, fetch_all, "SELECT version FROM _sqlx_migrations WHERE success ORDER BY version")
}

#[derive(Debug, Clone, Copy, sqlx::FromRow)]
pub struct PendingQueue {
    pub depth: i64,
    pub oldest_created_at: Option<i64>,
}

pub async fn get_pending_queue(conn: &mut Conn<'_>) -> Result<PendingQueue, DbError> {
    query_as!(
        conn,
        PendingQueue,
        fetch_one,
        "SELECT COUNT(*) AS depth, MIN(created_at) AS oldest_created_at FROM deliveries WHERE state = 'pending'"
    )
}
