//! Blocked peer instances (`instances.policy = 'blocked'`) with what the admins said about them:
//! a public reason (shown on `/about`) and a private comment.

use super::{Conn, DbError, execute, query_as};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InstanceBlockRow {
    pub id: i64,
    pub host: String,
    pub public_reason: Option<String>,
    pub private_comment: Option<String>,
    pub blocked_at: Option<i64>,
}

macro_rules! select_block {
    () => {
        "SELECT id, host, public_reason, private_comment, blocked_at FROM instances WHERE policy = 'blocked' "
    };
}

pub async fn list_instance_blocks(conn: &mut Conn<'_>) -> Result<Vec<InstanceBlockRow>, DbError> {
    query_as!(conn, InstanceBlockRow, fetch_all, concat!(select_block!(), "ORDER BY host"))
}

pub async fn get_instance_block(conn: &mut Conn<'_>, id: i64) -> Result<Option<InstanceBlockRow>, DbError> {
    query_as!(conn, InstanceBlockRow, fetch_optional, concat!(select_block!(), "AND id = $1"), id)
}

/// Records what the admins said about a block of the instance `id`.
pub async fn update_block_reasons(
    conn: &mut Conn<'_>,
    id: i64,
    public_reason: Option<&str>,
    private_comment: Option<&str>,
    now: i64,
) -> Result<(), DbError> {
    execute!(
        conn,
        "UPDATE instances SET public_reason = $2, private_comment = $3, blocked_at = COALESCE(blocked_at, $4) \
         WHERE id = $1",
        id,
        public_reason,
        private_comment,
        now,
    )?;
    Ok(())
}

/// Forgets the reasons of a lifted block.
pub async fn delete_block_reasons(conn: &mut Conn<'_>, id: i64) -> Result<(), DbError> {
    execute!(
        conn,
        "UPDATE instances SET public_reason = NULL, private_comment = NULL, blocked_at = NULL WHERE id = $1",
        id
    )?;
    Ok(())
}
