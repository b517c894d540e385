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

/// Takes one pending event for translation, in the caller's transaction: `None` when it is
/// already processed or, on PostgreSQL, held by another worker (`SKIP LOCKED`), so two
/// processes never translate the same event. SQLite write transactions hold the database lock
/// from their start, which serialises workers already.
pub async fn claim_pending_domain_event(
    conn: &mut Conn<'_>,
    id: i64,
) -> Result<Option<DomainEventRow>, DbError> {
    match conn {
        Conn::Sqlite(_) => query_as!(
            conn,
            DomainEventRow,
            fetch_optional,
            "SELECT id, kind, payload, created_at FROM domain_events WHERE id = $1 AND processed_at IS NULL",
            id,
        ),
        Conn::Postgres(_) => query_as!(
            conn,
            DomainEventRow,
            fetch_optional,
            "SELECT id, kind, payload, created_at FROM domain_events WHERE id = $1 AND processed_at IS NULL \
             FOR UPDATE SKIP LOCKED",
            id,
        ),
    }
}

pub async fn update_domain_event_processed(conn: &mut Conn<'_>, id: i64, now: i64) -> Result<u64, DbError> {
    execute!(conn, "UPDATE domain_events SET processed_at = $2 WHERE id = $1", id, now)
}
