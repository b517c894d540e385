//! Single-use, expiring tokens sent by mail (password reset, address confirmation), stored
//! only as hashes.

use super::{Conn, DbError, execute, query_as};

pub async fn insert_token(
    conn: &mut Conn<'_>,
    token_hash: &str,
    account_id: i64,
    purpose: &str,
    email: &str,
    expires_at: i64,
    now: i64,
) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO mail_tokens (token_hash, account_id, purpose, email, expires_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
        token_hash,
        account_id,
        purpose,
        email,
        expires_at,
        now,
    )?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MailTokenRow {
    pub account_id: i64,
    pub email: String,
}

/// The unused, unexpired token of this purpose, if any.
pub async fn get_live_token(
    conn: &mut Conn<'_>,
    token_hash: &str,
    purpose: &str,
    now: i64,
) -> Result<Option<MailTokenRow>, DbError> {
    query_as!(
        conn,
        MailTokenRow,
        fetch_optional,
        "SELECT account_id, email FROM mail_tokens \
         WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3",
        token_hash,
        purpose,
        now,
    )
}

/// Uses a live token up; false when it was used (or expired) in the meantime.
pub async fn use_token(
    conn: &mut Conn<'_>,
    token_hash: &str,
    purpose: &str,
    now: i64,
) -> Result<bool, DbError> {
    let used = execute!(
        conn,
        "UPDATE mail_tokens SET used_at = $3 \
         WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3",
        token_hash,
        purpose,
        now,
    )?;
    Ok(used == 1)
}

/// Ends the account's other live tokens of a purpose (a new reset link replaces older ones).
pub async fn expire_tokens_of(
    conn: &mut Conn<'_>,
    account_id: i64,
    purpose: &str,
    now: i64,
) -> Result<u64, DbError> {
    execute!(
        conn,
        "UPDATE mail_tokens SET used_at = $3 WHERE account_id = $1 AND purpose = $2 AND used_at IS NULL",
        account_id,
        purpose,
        now,
    )
}

/// Forgets tokens that expired before `before`.
pub async fn delete_expired(conn: &mut Conn<'_>, before: i64) -> Result<u64, DbError> {
    execute!(conn, "DELETE FROM mail_tokens WHERE expires_at < $1", before)
}
