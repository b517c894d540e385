//! Each account's mail preferences: the notification digest and "no more mail but the
//! necessary" (the unsubscribe link).

use super::{Conn, DbError, execute, query_as};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MailPreferencesRow {
    pub digest: String,
    pub unsubscribed: bool,
    pub last_digest_at: Option<i64>,
}

pub async fn get_preferences(
    conn: &mut Conn<'_>,
    account_id: i64,
) -> Result<Option<MailPreferencesRow>, DbError> {
    query_as!(
        conn,
        MailPreferencesRow,
        fetch_optional,
        "SELECT digest, unsubscribed, last_digest_at FROM mail_preferences WHERE account_id = $1",
        account_id,
    )
}

/// Sets the digest frequency (`off`, `daily`, `weekly`); choosing a digest subscribes again.
pub async fn upsert_digest(
    conn: &mut Conn<'_>,
    account_id: i64,
    digest: &str,
    now: i64,
) -> Result<(), DbError> {
    let unsubscribed = digest == "off";
    execute!(
        conn,
        "INSERT INTO mail_preferences (account_id, digest, unsubscribed, updated_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (account_id) DO UPDATE SET digest = excluded.digest, \
         unsubscribed = (mail_preferences.unsubscribed AND excluded.unsubscribed), updated_at = excluded.updated_at",
        account_id,
        digest,
        unsubscribed,
        now,
    )?;
    Ok(())
}

/// Unsubscribes from every mail that is not needed to use the account (digests, notices).
pub async fn upsert_unsubscribed(conn: &mut Conn<'_>, account_id: i64, now: i64) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO mail_preferences (account_id, digest, unsubscribed, updated_at) VALUES ($1, 'off', $2, $3) \
         ON CONFLICT (account_id) DO UPDATE SET digest = 'off', unsubscribed = excluded.unsubscribed, \
         updated_at = excluded.updated_at",
        account_id,
        true,
        now,
    )?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DigestDueRow {
    pub account_id: i64,
    pub digest: String,
    pub last_digest_at: Option<i64>,
}

/// Accounts whose digest is due: daily ones last sent before `daily_before`, weekly ones before
/// `weekly_before` (or never), active, with an address, not unsubscribed.
pub async fn list_digests_due(
    conn: &mut Conn<'_>,
    daily_before: i64,
    weekly_before: i64,
    limit: i64,
) -> Result<Vec<DigestDueRow>, DbError> {
    query_as!(
        conn,
        DigestDueRow,
        fetch_all,
        "SELECT p.account_id, p.digest, p.last_digest_at FROM mail_preferences p \
         JOIN accounts c ON c.actor_id = p.account_id \
         WHERE NOT p.unsubscribed AND c.state = 'active' AND c.email IS NOT NULL AND c.email_confirmed \
         AND ((p.digest = 'daily' AND (p.last_digest_at IS NULL OR p.last_digest_at < $1)) \
           OR (p.digest = 'weekly' AND (p.last_digest_at IS NULL OR p.last_digest_at < $2))) \
         ORDER BY p.account_id LIMIT $3",
        daily_before,
        weekly_before,
        limit,
    )
}

/// Records that a digest went into the queue; false when another process did it first.
pub async fn update_digest_sent(
    conn: &mut Conn<'_>,
    account_id: i64,
    previous: Option<i64>,
    now: i64,
) -> Result<bool, DbError> {
    let changed = execute!(
        conn,
        "UPDATE mail_preferences SET last_digest_at = $3 WHERE account_id = $1 \
         AND COALESCE(last_digest_at, -1) = $2",
        account_id,
        previous.unwrap_or(-1),
        now,
    )?;
    Ok(changed == 1)
}
