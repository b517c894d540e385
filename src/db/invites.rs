//! Invite links of coordinators, by the SHA-256 of their token.

use super::{Conn, DbError, execute, query_as, query_scalar};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InviteRow {
    pub id: i64,
    pub created_by_name: String,
    pub max_uses: Option<i64>,
    pub uses: i64,
    pub expires_at: Option<i64>,
    pub created_at: i64,
}

pub async fn insert_invite(
    conn: &mut Conn<'_>,
    id: i64,
    token_hash: &str,
    created_by: i64,
    max_uses: Option<i64>,
    expires_at: Option<i64>,
    now: i64,
) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO invites (id, token_hash, created_by, max_uses, expires_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
        id,
        token_hash,
        created_by,
        max_uses,
        expires_at,
        now,
    )?;
    Ok(())
}

/// Counts one use of a live invite; false when the token is unknown, used up or expired.
/// One conditional statement, so two registrations cannot both take the last use.
pub async fn use_invite(conn: &mut Conn<'_>, token_hash: &str, now: i64) -> Result<bool, DbError> {
    let used = execute!(
        conn,
        "UPDATE invites SET uses = uses + 1 WHERE token_hash = $1 \
         AND (max_uses IS NULL OR uses < max_uses) AND (expires_at IS NULL OR expires_at > $2)",
        token_hash,
        now,
    )?;
    Ok(used == 1)
}

/// Whether a token belongs to a live invite (for showing the form), without using it.
pub async fn invite_is_live(conn: &mut Conn<'_>, token_hash: &str, now: i64) -> Result<bool, DbError> {
    let found = query_scalar!(
        conn,
        i64,
        fetch_optional,
        "SELECT id FROM invites WHERE token_hash = $1 \
         AND (max_uses IS NULL OR uses < max_uses) AND (expires_at IS NULL OR expires_at > $2)",
        token_hash,
        now,
    )?;
    Ok(found.is_some())
}

/// The newest invites first, with who made them.
pub async fn list_invites(conn: &mut Conn<'_>, limit: i64) -> Result<Vec<InviteRow>, DbError> {
    query_as!(
        conn,
        InviteRow,
        fetch_all,
        "SELECT i.id, a.name AS created_by_name, i.max_uses, i.uses, i.expires_at, i.created_at \
         FROM invites i JOIN actors a ON a.id = i.created_by ORDER BY i.id DESC LIMIT $1",
        limit,
    )
}

pub async fn delete_invite(conn: &mut Conn<'_>, id: i64) -> Result<u64, DbError> {
    execute!(conn, "DELETE FROM invites WHERE id = $1", id)
}
