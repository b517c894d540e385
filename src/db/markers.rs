//! Where a member stopped reading their home timeline and notifications.

use super::{Conn, DbError, query_as};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MarkerRow {
    pub timeline: String,
    pub last_read_id: String,
    pub version: i64,
    pub updated_at: i64,
}

pub async fn list_markers(conn: &mut Conn<'_>, account: i64) -> Result<Vec<MarkerRow>, DbError> {
    query_as!(
        conn,
        MarkerRow,
        fetch_all,
        "SELECT timeline, last_read_id, version, updated_at FROM markers WHERE account_id = $1",
        account
    )
}

/// Sets a marker; each change bumps its version.
pub async fn upsert_marker(
    conn: &mut Conn<'_>,
    account: i64,
    timeline: &str,
    last_read_id: &str,
    now: i64,
) -> Result<MarkerRow, DbError> {
    query_as!(
        conn,
        MarkerRow,
        fetch_one,
        "INSERT INTO markers (account_id, timeline, last_read_id, version, updated_at) \
         VALUES ($1, $2, $3, 1, $4) \
         ON CONFLICT (account_id, timeline) DO UPDATE SET last_read_id = excluded.last_read_id, \
         version = markers.version + 1, updated_at = excluded.updated_at \
         RETURNING timeline, last_read_id, version, updated_at",
        account,
        timeline,
        last_read_id,
        now
    )
}
