//! Browser sessions, stored by the SHA-256 of their token so a leaked database holds no
//! usable cookie. Kept in the database so several app processes can share them.

use super::{Conn, DbError, execute};

pub async fn insert_session(
    conn: &mut Conn<'_>,
    token_hash: &str,
    account_id: i64,
    now: i64,
    expires_at: i64,
) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO sessions (token_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
        token_hash,
        account_id,
        now,
        expires_at,
    )?;
    Ok(())
}

pub async fn delete_session(conn: &mut Conn<'_>, token_hash: &str) -> Result<(), DbError> {
    execute!(conn, "DELETE FROM sessions WHERE token_hash = $1", token_hash)?;
    Ok(())
}

pub async fn delete_expired_sessions(conn: &mut Conn<'_>, now: i64) -> Result<u64, DbError> {
    execute!(conn, "DELETE FROM sessions WHERE expires_at <= $1", now)
}
