//! Applications to join in approval mode, and the coordinators' decisions.

use super::{Conn, DbError, execute, query_as, query_scalar};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ApplicationRow {
    pub account_id: i64,
    pub name: String,
    pub email: Option<String>,
    pub reason: String,
    pub created_at: i64,
}

pub async fn insert_application(
    conn: &mut Conn<'_>,
    account_id: i64,
    reason: &str,
    now: i64,
) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO registration_applications (account_id, reason, created_at) VALUES ($1, $2, $3)",
        account_id,
        reason,
        now,
    )?;
    Ok(())
}

/// Applications still waiting for a decision, oldest first.
pub async fn list_pending_applications(
    conn: &mut Conn<'_>,
    limit: i64,
) -> Result<Vec<ApplicationRow>, DbError> {
    query_as!(
        conn,
        ApplicationRow,
        fetch_all,
        "SELECT r.account_id, a.name, c.email, r.reason, r.created_at \
         FROM registration_applications r JOIN accounts c ON c.actor_id = r.account_id \
         JOIN actors a ON a.id = r.account_id \
         WHERE r.decided_at IS NULL AND c.state = 'pending' ORDER BY r.created_at, r.account_id LIMIT $1",
        limit,
    )
}

/// Records a decision on a pending application and sets the account's state, in the caller's
/// transaction; false when there is no pending application for the account.
pub async fn decide_application(
    conn: &mut Conn<'_>,
    account_id: i64,
    state: &str,
    message: &str,
    decided_by: i64,
    now: i64,
) -> Result<bool, DbError> {
    let changed = execute!(
        conn,
        "UPDATE accounts SET state = $2 WHERE actor_id = $1 AND state = 'pending'",
        account_id,
        state,
    )?;
    if changed != 1 {
        return Ok(false);
    }
    execute!(
        conn,
        "UPDATE registration_applications SET decision_message = $2, decided_by = $3, decided_at = $4 \
         WHERE account_id = $1",
        account_id,
        message,
        decided_by,
        now,
    )?;
    Ok(true)
}

/// The coordinator's message to a rejected applicant, if any.
pub async fn get_decision_message(conn: &mut Conn<'_>, account_id: i64) -> Result<Option<String>, DbError> {
    let message = query_scalar!(
        conn,
        Option<String>,
        fetch_optional,
        "SELECT decision_message FROM registration_applications WHERE account_id = $1",
        account_id,
    )?;
    Ok(message.flatten())
}
