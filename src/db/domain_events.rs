//! The outbox of domain events that federation delivers.

use super::{Conn, DbError, execute, query_as};

pub async fn insert_domain_event(
    conn: &mut Conn<'_>,
    id: i64,
    kind: &str,
    payload: &str,
    now: i64,
) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO domain_events (id, kind, payload, created_at) VALUES ($1, $2, $3, $4)",
        id,
        kind,
        payload,
        now,
    )?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DomainEventRow {
    pub id: i64,
    pub kind: String,
    pub payload: String,
    pub created_at: i64,
}

pub async fn list_pending_domain_events(
    conn: &mut Conn<'_>,
    limit: i64,
) -> Result<Vec<DomainEventRow>, DbError> {
    query_as!(
        conn,
        DomainEventRow,
        fetch_all,
        "SELECT id, kind, payload, created_at FROM domain_events WHERE processed_at IS NULL ORDER BY id LIMIT $1",
        limit,
    )
}
