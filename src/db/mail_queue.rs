//! The persisted queue of outgoing mail: each row is one mail, already rendered in its
//! recipient's language. The mail worker claims due rows by writing a claim token and a lease
//! time; on PostgreSQL, rows being claimed by another worker are skipped (`FOR UPDATE SKIP
//! LOCKED`), so several processes share the queue without sending a mail twice.

use super::{Conn, DbError, execute, query_as, query_scalar};

/// A mail to put in the queue.
#[derive(Debug, Clone)]
pub struct NewMail<'a> {
    pub id: i64,
    pub recipient: &'a str,
    pub kind: &'a str,
    pub subject: &'a str,
    pub body_text: &'a str,
    pub body_html: Option<&'a str>,
    pub unsubscribe_url: Option<&'a str>,
    pub now: i64,
}

pub async fn insert_mail(conn: &mut Conn<'_>, mail: &NewMail<'_>) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO mail_queue (id, recipient, kind, subject, body_text, body_html, unsubscribe_url, \
         next_attempt_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $8)",
        mail.id,
        mail.recipient,
        mail.kind,
        mail.subject,
        mail.body_text,
        mail.body_html,
        mail.unsubscribe_url,
        mail.now,
    )?;
    Ok(())
}

/// Claims up to `limit` due pending mails for `lease_until`.
pub async fn claim_due_mails(
    conn: &mut Conn<'_>,
    token: &str,
    now: i64,
    lease_until: i64,
    limit: i64,
) -> Result<u64, DbError> {
    match conn {
        Conn::Sqlite(_) => execute!(
            conn,
            "UPDATE mail_queue SET claim_token = $1, claimed_until = $3 WHERE id IN ( \
               SELECT id FROM mail_queue WHERE state = 'pending' AND next_attempt_at <= $2 \
               AND (claimed_until IS NULL OR claimed_until < $2) ORDER BY id LIMIT $4)",
            token,
            now,
            lease_until,
            limit,
        ),
        Conn::Postgres(_) => execute!(
            conn,
            "UPDATE mail_queue SET claim_token = $1, claimed_until = $3 WHERE id IN ( \
               SELECT id FROM mail_queue WHERE state = 'pending' AND next_attempt_at <= $2 \
               AND (claimed_until IS NULL OR claimed_until < $2) ORDER BY id LIMIT $4 \
               FOR UPDATE SKIP LOCKED) \
             AND (claimed_until IS NULL OR claimed_until < $2)",
            token,
            now,
            lease_until,
            limit,
        ),
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct QueuedMail {
    pub id: i64,
    pub recipient: String,
    pub kind: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: Option<String>,
    pub unsubscribe_url: Option<String>,
    pub attempts: i64,
    pub created_at: i64,
}

pub async fn list_claimed_mails(conn: &mut Conn<'_>, token: &str) -> Result<Vec<QueuedMail>, DbError> {
    query_as!(
        conn,
        QueuedMail,
        fetch_all,
        "SELECT id, recipient, kind, subject, body_text, body_html, unsubscribe_url, attempts, created_at \
         FROM mail_queue WHERE claim_token = $1 AND state = 'pending' ORDER BY id",
        token,
    )
}

/// Records an attempt: `state` is pending (retry at `next_attempt_at`), sent or failed.
pub async fn update_mail_result(
    conn: &mut Conn<'_>,
    id: i64,
    state: &str,
    attempts: i64,
    next_attempt_at: i64,
    last_error: Option<&str>,
    now: i64,
) -> Result<(), DbError> {
    execute!(
        conn,
        "UPDATE mail_queue SET state = $2, attempts = $3, next_attempt_at = $4, \
         last_error = COALESCE($5, last_error), updated_at = $6, claim_token = NULL, claimed_until = NULL \
         WHERE id = $1",
        id,
        state,
        attempts,
        next_attempt_at,
        last_error,
        now,
    )?;
    Ok(())
}

/// When the earliest pending mail is due, for a worker deciding how long to sleep.
pub async fn get_next_due_time(conn: &mut Conn<'_>) -> Result<Option<i64>, DbError> {
    query_scalar!(
        conn,
        Option<i64>,
        fetch_one,
        "SELECT MIN(next_attempt_at) FROM mail_queue WHERE state = 'pending'"
    )
}

/// Mails in a state (`pending`, `sent`, `failed`), for tests and the admin's overview.
pub async fn count_mails(conn: &mut Conn<'_>, state: &str) -> Result<i64, DbError> {
    query_scalar!(conn, i64, fetch_one, "SELECT COUNT(*) FROM mail_queue WHERE state = $1", state)
}

/// Forgets sent and failed mails older than `before` (their text holds links with tokens).
pub async fn delete_finished_before(conn: &mut Conn<'_>, before: i64) -> Result<u64, DbError> {
    execute!(conn, "DELETE FROM mail_queue WHERE state <> 'pending' AND updated_at < $1", before)
}
