//! Browser sessions, stored by the SHA-256 of their token so a leaked database holds no
//! usable cookie. Kept in the database so several app processes can share them.

use super::{Conn, DbError, execute, query_as};

/// Stores a session; `user_agent` is the browser it was opened in, shown on the sessions page.
pub async fn insert_session(
    conn: &mut Conn<'_>,
    token_hash: &str,
    account_id: i64,
    now: i64,
    expires_at: i64,
    user_agent: Option<&str>,
) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO sessions (token_hash, account_id, created_at, expires_at, user_agent) \
         VALUES ($1, $2, $3, $4, $5)",
        token_hash,
        account_id,
        now,
        expires_at,
        user_agent,
    )?;
    Ok(())
}

/// A live session of a member, for the sessions page.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionRow {
    pub token_hash: String,
    pub created_at: i64,
    pub expires_at: i64,
    pub user_agent: Option<String>,
}

pub async fn list_sessions_of(
    conn: &mut Conn<'_>,
    account_id: i64,
    now: i64,
) -> Result<Vec<SessionRow>, DbError> {
    query_as!(
        conn,
        SessionRow,
        fetch_all,
        "SELECT token_hash, created_at, expires_at, user_agent FROM sessions \
         WHERE account_id = $1 AND expires_at > $2 ORDER BY created_at DESC",
        account_id,
        now
    )
}

/// Ends every session of a member but the one with `keep_hash` (None: all of them).
pub async fn delete_other_sessions(
    conn: &mut Conn<'_>,
    account_id: i64,
    keep_hash: Option<&str>,
) -> Result<u64, DbError> {
    execute!(
        conn,
        "DELETE FROM sessions WHERE account_id = $1 AND ($2 IS NULL OR token_hash <> $2)",
        account_id,
        keep_hash,
    )
}

pub async fn delete_session(conn: &mut Conn<'_>, token_hash: &str) -> Result<(), DbError> {
    execute!(conn, "DELETE FROM sessions WHERE token_hash = $1", token_hash)?;
    Ok(())
}

pub async fn delete_expired_sessions(conn: &mut Conn<'_>, now: i64) -> Result<u64, DbError> {
    execute!(conn, "DELETE FROM sessions WHERE expires_at <= $1", now)
}
