//! The persisted delivery queue: activities stored once, one delivery row per target inbox.
//!
//! Deliveries to one peer domain go out one at a time in id order (the oldest pending row of a
//! domain is its head; nothing behind it is sent first), different domains in parallel. A worker
//! claims heads by writing a claim token and a lease time; on PostgreSQL, rows being claimed by
//! another worker are skipped (`FOR UPDATE SKIP LOCKED`), so several processes share the queue
//! without sending anything twice.

use super::{Conn, DbError, execute, query_as, query_scalar};

pub async fn insert_outbox_activity(
    conn: &mut Conn<'_>,
    id: i64,
    ap_id: &str,
    actor_id: i64,
    payload: &str,
    now: i64,
) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO outbox_activities (id, ap_id, actor_id, payload, created_at) VALUES ($1, $2, $3, $4, $5)",
        id,
        ap_id,
        actor_id,
        payload,
        now,
    )?;
    Ok(())
}

pub async fn insert_delivery(
    conn: &mut Conn<'_>,
    id: i64,
    activity_id: i64,
    inbox_url: &str,
    domain: &str,
    now: i64,
) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO deliveries (id, activity_id, inbox_url, domain, next_attempt_at, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $5, $5) ON CONFLICT (activity_id, inbox_url) DO NOTHING",
        id,
        activity_id,
        inbox_url,
        domain,
        now,
    )?;
    Ok(())
}

/// Claims up to `limit` due heads of their domains' queues for `lease_until`.
pub async fn claim_due_deliveries(
    conn: &mut Conn<'_>,
    token: &str,
    now: i64,
    lease_until: i64,
    limit: i64,
) -> Result<u64, DbError> {
    match conn {
        Conn::Sqlite(_) => execute!(
            conn,
            "UPDATE deliveries SET claim_token = $1, claimed_until = $3 WHERE id IN ( \
               SELECT d.id FROM deliveries d \
               JOIN (SELECT MIN(id) AS id FROM deliveries WHERE state = 'pending' GROUP BY domain) h ON h.id = d.id \
               WHERE d.next_attempt_at <= $2 AND (d.claimed_until IS NULL OR d.claimed_until < $2) \
               ORDER BY d.id LIMIT $4)",
            token,
            now,
            lease_until,
            limit,
        ),
        Conn::Postgres(_) => execute!(
            conn,
            "UPDATE deliveries SET claim_token = $1, claimed_until = $3 WHERE id IN ( \
               SELECT d.id FROM deliveries d \
               JOIN (SELECT MIN(id) AS id FROM deliveries WHERE state = 'pending' GROUP BY domain) h ON h.id = d.id \
               WHERE d.next_attempt_at <= $2 AND (d.claimed_until IS NULL OR d.claimed_until < $2) \
               ORDER BY d.id LIMIT $4 FOR UPDATE OF d SKIP LOCKED) \
             AND (claimed_until IS NULL OR claimed_until < $2)",
            token,
            now,
            lease_until,
            limit,
        ),
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ClaimedDelivery {
    pub id: i64,
    /// The claim this copy was taken under: its outcome is recorded only while the claim holds.
    pub claim_token: String,
    pub inbox_url: String,
    pub domain: String,
    pub attempts: i64,
    pub created_at: i64,
    pub actor_id: i64,
    pub activity_ap_id: String,
    pub payload: String,
    pub actor_kind: String,
    pub actor_name: String,
    pub private_key_pem: Option<String>,
}

pub async fn list_claimed_deliveries(
    conn: &mut Conn<'_>,
    token: &str,
) -> Result<Vec<ClaimedDelivery>, DbError> {
    query_as!(
        conn,
        ClaimedDelivery,
        fetch_all,
        "SELECT d.id, d.claim_token, d.inbox_url, d.domain, d.attempts, d.created_at, o.actor_id, o.ap_id AS activity_ap_id, \
         o.payload, a.kind AS actor_kind, a.name AS actor_name, a.private_key_pem \
         FROM deliveries d JOIN outbox_activities o ON o.id = d.activity_id JOIN actors a ON a.id = o.actor_id \
         WHERE d.claim_token = $1 AND d.state = 'pending' ORDER BY d.id",
        token,
    )
}

/// Records a delivery's outcome: `state` is pending (retry at `next_attempt_at`), delivered or
/// failed. Only the holder of the claim records: a worker whose lease ran out while it was
/// sending (another took the delivery over) records nothing. Returns whether it recorded.
#[allow(clippy::too_many_arguments)]
pub async fn update_delivery_result(
    conn: &mut Conn<'_>,
    id: i64,
    claim_token: &str,
    state: &str,
    attempts: i64,
    next_attempt_at: i64,
    last_status: Option<i64>,
    last_error: Option<&str>,
    now: i64,
) -> Result<bool, DbError> {
    let changed = execute!(
        conn,
        "UPDATE deliveries SET state = $2, attempts = $3, next_attempt_at = $4, last_status = $5, \
         last_error = COALESCE($6, last_error), \
         updated_at = $7, claim_token = NULL, claimed_until = NULL WHERE id = $1 AND claim_token = $8",
        id,
        state,
        attempts,
        next_attempt_at,
        last_status,
        last_error,
        now,
        claim_token,
    )?;
    Ok(changed == 1)
}

/// Ends every pending delivery to one inbox (its actor is gone); returns how many.
pub async fn update_inbox_failed(
    conn: &mut Conn<'_>,
    inbox_url: &str,
    reason: &str,
    now: i64,
    except_delivery: i64,
) -> Result<u64, DbError> {
    execute!(
        conn,
        "UPDATE deliveries SET state = 'failed', last_error = $2, updated_at = $3, claim_token = NULL, \
         claimed_until = NULL WHERE inbox_url = $1 AND state = 'pending' AND id <> $4",
        inbox_url,
        reason,
        now,
        except_delivery,
    )
}

/// Gives up on everything pending for a domain (it has been failing for too long).
pub async fn update_domain_failed(
    conn: &mut Conn<'_>,
    domain: &str,
    reason: &str,
    now: i64,
) -> Result<u64, DbError> {
    execute!(
        conn,
        "UPDATE deliveries SET state = 'failed', last_error = $2, updated_at = $3, claim_token = NULL, \
         claimed_until = NULL WHERE domain = $1 AND state = 'pending'",
        domain,
        reason,
        now,
    )
}

pub async fn count_pending_deliveries(conn: &mut Conn<'_>) -> Result<i64, DbError> {
    query_scalar!(conn, i64, fetch_one, "SELECT COUNT(*) FROM deliveries WHERE state = 'pending'")
}

/// When the earliest pending delivery is due, for a worker deciding how long to sleep.
pub async fn get_next_due_time(conn: &mut Conn<'_>) -> Result<Option<i64>, DbError> {
    query_scalar!(
        conn,
        Option<i64>,
        fetch_one,
        "SELECT MIN(next_attempt_at) FROM deliveries WHERE state = 'pending'"
    )
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DomainQueueRow {
    pub domain: String,
    pub pending: i64,
    pub failed: i64,
    pub delivered: i64,
    pub oldest_pending_at: Option<i64>,
    pub last_error: Option<String>,
}

/// Per-domain backlog and the latest error, for the admin's federation page.
pub async fn list_domain_queues(conn: &mut Conn<'_>) -> Result<Vec<DomainQueueRow>, DbError> {
    query_as!(
        conn,
        DomainQueueRow,
        fetch_all,
        "SELECT domain, \
         SUM(CASE WHEN state = 'pending' THEN 1 ELSE 0 END) AS pending, \
         SUM(CASE WHEN state = 'failed' THEN 1 ELSE 0 END) AS failed, \
         SUM(CASE WHEN state = 'delivered' THEN 1 ELSE 0 END) AS delivered, \
         MIN(CASE WHEN state = 'pending' THEN created_at END) AS oldest_pending_at, \
         (SELECT d2.last_error FROM deliveries d2 WHERE d2.domain = d.domain AND d2.last_error IS NOT NULL \
          ORDER BY d2.updated_at DESC LIMIT 1) AS last_error \
         FROM deliveries d GROUP BY domain ORDER BY domain"
    )
}

/// Makes a domain's pending deliveries due at `now` (an admin's "retry now"); returns how many
/// were waiting for a later attempt.
pub async fn update_domain_due_now(conn: &mut Conn<'_>, domain: &str, now: i64) -> Result<u64, DbError> {
    execute!(
        conn,
        "UPDATE deliveries SET next_attempt_at = $2, updated_at = $2 \
         WHERE domain = $1 AND state = 'pending' AND next_attempt_at > $2",
        domain,
        now,
    )
}
