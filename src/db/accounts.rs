//! The login side of local people.

use super::{Conn, DbError, execute, query_as};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AccountRow {
    pub actor_id: i64,
    pub name: String,
    pub display_name: String,
    pub summary_source: String,
    pub language: Option<String>,
    pub email: Option<String>,
    pub password_hash: String,
    pub role: String,
    pub state: String,
    pub failed_logins: i64,
    pub locked_until: Option<i64>,
    pub created_at: i64,
    /// False while a new account's address waits for confirmation by mail.
    pub email_confirmed: bool,
}

macro_rules! select_account {
    () => {
        "SELECT a.id AS actor_id, a.name, a.display_name, a.summary_source, a.language, c.email, \
         c.password_hash, c.role, c.state, c.failed_logins, c.locked_until, c.created_at, \
         c.email_confirmed \
         FROM accounts c JOIN actors a ON a.id = c.actor_id "
    };
}

pub async fn insert_account(
    conn: &mut Conn<'_>,
    actor_id: i64,
    email: Option<&str>,
    password_hash: &str,
    role: &str,
    state: &str,
    now: i64,
) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO accounts (actor_id, email, password_hash, role, state, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
        actor_id,
        email,
        password_hash,
        role,
        state,
        now,
    )?;
    Ok(())
}

pub async fn get_account_by_name(conn: &mut Conn<'_>, name: &str) -> Result<Option<AccountRow>, DbError> {
    query_as!(
        conn,
        AccountRow,
        fetch_optional,
        concat!(select_account!(), "WHERE a.local AND a.name = $1"),
        name
    )
}

pub async fn get_account(conn: &mut Conn<'_>, actor_id: i64) -> Result<Option<AccountRow>, DbError> {
    query_as!(conn, AccountRow, fetch_optional, concat!(select_account!(), "WHERE c.actor_id = $1"), actor_id)
}

/// The account behind a live session, in one query.
pub async fn get_account_by_session(
    conn: &mut Conn<'_>,
    token_hash: &str,
    now: i64,
) -> Result<Option<AccountRow>, DbError> {
    query_as!(
        conn,
        AccountRow,
        fetch_optional,
        concat!(
            select_account!(),
            "JOIN sessions s ON s.account_id = c.actor_id WHERE s.token_hash = $1 AND s.expires_at > $2"
        ),
        token_hash,
        now,
    )
}

pub async fn email_taken(conn: &mut Conn<'_>, email: &str) -> Result<bool, DbError> {
    let found = super::query_scalar!(
        conn,
        i64,
        fetch_optional,
        "SELECT actor_id FROM accounts WHERE email = $1",
        email
    )?;
    Ok(found.is_some())
}

pub async fn update_login_succeeded(conn: &mut Conn<'_>, actor_id: i64) -> Result<(), DbError> {
    execute!(
        conn,
        "UPDATE accounts SET failed_logins = 0, locked_until = NULL WHERE actor_id = $1",
        actor_id,
    )?;
    Ok(())
}

/// The earliest admin, who owns groups made from the command line without `--owner`.
pub async fn get_first_admin_name(conn: &mut Conn<'_>) -> Result<Option<String>, DbError> {
    super::query_scalar!(
        conn,
        String,
        fetch_optional,
        "SELECT a.name FROM accounts c JOIN actors a ON a.id = c.actor_id WHERE c.role = 'admin' \
         ORDER BY c.created_at, a.id LIMIT 1",
    )
}

/// Sets an account's state (`active`, `suspended`, ...); returns whether it changed.
pub async fn update_account_state(conn: &mut Conn<'_>, actor_id: i64, state: &str) -> Result<bool, DbError> {
    let changed = execute!(
        conn,
        "UPDATE accounts SET state = $2 WHERE actor_id = $1 AND state <> $2",
        actor_id,
        state,
    )?;
    Ok(changed == 1)
}

/// Sets a new password hash, and lifts any sign-in lockout (the person proved who they are, or
/// an admin reset the password).
pub async fn update_password_hash(
    conn: &mut Conn<'_>,
    actor_id: i64,
    password_hash: &str,
) -> Result<(), DbError> {
    execute!(
        conn,
        "UPDATE accounts SET password_hash = $2, failed_logins = 0, locked_until = NULL WHERE actor_id = $1",
        actor_id,
        password_hash,
    )?;
    Ok(())
}

pub async fn update_email(conn: &mut Conn<'_>, actor_id: i64, email: &str) -> Result<(), DbError> {
    execute!(conn, "UPDATE accounts SET email = $2 WHERE actor_id = $1", actor_id, email)?;
    Ok(())
}

/// The local account with this address (compared without regard to case), if any.
pub async fn get_account_by_email(conn: &mut Conn<'_>, email: &str) -> Result<Option<AccountRow>, DbError> {
    query_as!(
        conn,
        AccountRow,
        fetch_optional,
        concat!(
            select_account!(),
            "WHERE a.local AND LOWER(c.email) = LOWER($1) ORDER BY c.actor_id LIMIT 1"
        ),
        email
    )
}

/// Marks an account's address as confirmed or waiting for confirmation.
pub async fn update_email_confirmed(
    conn: &mut Conn<'_>,
    actor_id: i64,
    confirmed: bool,
) -> Result<(), DbError> {
    execute!(conn, "UPDATE accounts SET email_confirmed = $2 WHERE actor_id = $1", actor_id, confirmed)?;
    Ok(())
}

/// Sets the role of a local account (`member` or `admin`); returns whether it changed.
pub async fn update_role(conn: &mut Conn<'_>, actor_id: i64, role: &str) -> Result<bool, DbError> {
    let changed =
        execute!(conn, "UPDATE accounts SET role = $2 WHERE actor_id = $1 AND role <> $2", actor_id, role)?;
    Ok(changed == 1)
}
