//! The modlog table: one row per moderation action, newest first by id.

use super::{Conn, DbError, execute, query_as};
use crate::domain::modlog::ModlogEntry;

pub async fn insert_modlog_entry(
    conn: &mut Conn<'_>,
    id: i64,
    entry: &ModlogEntry,
    now: i64,
) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO modlog (id, kind, moderator_id, group_id, target_actor_id, target_post_id, reason, \
         expires_at, remote, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        id,
        entry.kind.as_str(),
        entry.moderator_id,
        entry.group_id,
        entry.target_actor_id,
        entry.target_post_id,
        entry.reason.as_str(),
        entry.expires_at,
        entry.remote,
        now,
    )?;
    Ok(())
}

/// A modlog row with the names of who and what, ready for a page.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ModlogRow {
    pub id: i64,
    pub kind: String,
    pub reason: String,
    pub expires_at: Option<i64>,
    pub remote: bool,
    pub created_at: i64,
    pub moderator_name: Option<String>,
    pub moderator_host: Option<String>,
    pub group_name: Option<String>,
    pub group_host: Option<String>,
    pub target_name: Option<String>,
    pub target_host: Option<String>,
    pub target_post_id: Option<i64>,
    pub target_root_id: Option<i64>,
}

/// Up to `limit` entries older than `before` (an id; None for the newest), of one group or of
/// all (`group_id` None).
pub async fn list_modlog(
    conn: &mut Conn<'_>,
    group_id: Option<i64>,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<ModlogRow>, DbError> {
    query_as!(
        conn,
        ModlogRow,
        fetch_all,
        "SELECT m.id, m.kind, m.reason, m.expires_at, m.remote, m.created_at, \
         mo.name AS moderator_name, moi.host AS moderator_host, g.name AS group_name, gi.host AS group_host, \
         t.name AS target_name, ti.host AS target_host, m.target_post_id, p.root_id AS target_root_id \
         FROM modlog m \
         LEFT JOIN actors mo ON mo.id = m.moderator_id LEFT JOIN instances moi ON moi.id = mo.instance_id \
         LEFT JOIN actors g ON g.id = m.group_id LEFT JOIN instances gi ON gi.id = g.instance_id \
         LEFT JOIN actors t ON t.id = m.target_actor_id LEFT JOIN instances ti ON ti.id = t.instance_id \
         LEFT JOIN posts p ON p.id = m.target_post_id \
         WHERE (CAST($1 AS BIGINT) IS NULL OR m.group_id = $1) AND (CAST($2 AS BIGINT) IS NULL OR m.id < $2) \
         ORDER BY m.id DESC LIMIT $3",
        group_id,
        before,
        limit,
    )
}
