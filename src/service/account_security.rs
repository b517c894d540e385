//! Keeping an account safe without email: changing the password (other sessions and every app
//! are signed out) and the email address, resetting a password from the command line, and the
//! list of browser sessions and authorized apps with "sign out everywhere" and per-app revoke.

use super::accounts::hash_token;
use super::error::refuse_if_any;
use super::passwords::{hash_password, verify_password};
use super::{Context, CurrentUser, ServiceError};
use crate::db::{self, Conn};
use crate::domain::{Email, FieldError, FieldErrors, Password, Timestamp};

/// Why the current password is refused.
pub const WRONG_PASSWORD: &str = "is not your current password";

/// A changed password: the new one twice and the current one.
#[derive(Debug, Clone, Default)]
pub struct PasswordChange {
    pub current_password: String,
    pub new_password: String,
    pub new_password_confirmation: String,
}

/// Changes the member's password after checking the current one. Every other browser session
/// ends (`keep_session`, the cookie of the one asking, stays) and every app token is revoked.
pub async fn change_password(
    ctx: &Context,
    user: &CurrentUser,
    change: PasswordChange,
    keep_session: Option<&str>,
) -> Result<(), ServiceError> {
    let mut errors = FieldErrors::new();
    let password = errors
        .check(Password::parse(&change.new_password).map_err(|e| FieldError::new("new_password", e.message)));
    if change.new_password != change.new_password_confirmation {
        errors.push(FieldError::new("new_password_confirmation", "does not match the password"));
    }
    let mut conn = ctx.db.acquire().await?;
    let account =
        db::accounts::get_account(&mut conn.conn(), user.id.0).await?.ok_or(ServiceError::NotFound)?;
    if !verify_password(&change.current_password, &account.password_hash).await? {
        errors.push(FieldError::new("current_password", WRONG_PASSWORD));
    }
    refuse_if_any(errors)?;
    let Some(password) = password else {
        return Err(ServiceError::Internal("validated input missing".into()));
    };
    let password_hash = hash_password(&password).await?;
    drop(conn);
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    db::accounts::update_password_hash(&mut conn, user.id.0, &password_hash).await?;
    sign_out(ctx, &mut conn, user.id.0, keep_session).await?;
    tx.commit().await?;
    ctx.access_revoked.notify_waiters();
    tracing::info!(user = %user.name, "password changed; other sessions and apps signed out");
    Ok(())
}

/// What an email change did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailChange {
    /// The address changed at once (mail is off).
    Changed,
    /// A confirmation link went to the new address; it changes when the link is followed.
    ConfirmationSent,
}

/// Changes the member's email address after checking their password. With mail on, the new
/// address is only taken once the link mailed to it is followed.
pub async fn change_email(
    ctx: &Context,
    user: &CurrentUser,
    current_password: &str,
    new_email: &str,
) -> Result<EmailChange, ServiceError> {
    let mut errors = FieldErrors::new();
    let email = errors.check(Email::parse(new_email));
    let mut conn = ctx.db.acquire().await?;
    let account =
        db::accounts::get_account(&mut conn.conn(), user.id.0).await?.ok_or(ServiceError::NotFound)?;
    if !verify_password(current_password, &account.password_hash).await? {
        errors.push(FieldError::new("current_password", WRONG_PASSWORD));
    }
    if let Some(email) = &email
        && account.email.as_deref() != Some(email.as_str())
        && db::accounts::email_taken(&mut conn.conn(), email.as_str()).await?
    {
        errors.push(FieldError::new("email", "is already registered"));
    }
    refuse_if_any(errors)?;
    let Some(email) = email else {
        return Err(ServiceError::Internal("validated input missing".into()));
    };
    drop(conn);
    if ctx.settings.mail_enabled && account.email.as_deref() != Some(email.as_str()) {
        let mut tx = ctx.db.begin().await?;
        super::email_confirmation::queue_confirmation(ctx, &mut tx.conn(), user.id.0, email.as_str(), true)
            .await?;
        tx.commit().await?;
        return Ok(EmailChange::ConfirmationSent);
    }
    let mut conn = ctx.db.acquire().await?;
    db::accounts::update_email(&mut conn.conn(), user.id.0, email.as_str()).await.map_err(
        |error| match error {
            db::DbError::UniqueViolation(_) => FieldError::new("email", "is already registered").into(),
            other => ServiceError::from(other),
        },
    )?;
    Ok(EmailChange::Changed)
}

/// The member's email address, for the settings form.
pub async fn current_email(ctx: &Context, user: &CurrentUser) -> Result<Option<String>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let account =
        db::accounts::get_account(&mut conn.conn(), user.id.0).await?.ok_or(ServiceError::NotFound)?;
    Ok(account.email)
}

/// How long a generated password is, in characters from [`GENERATED_ALPHABET`].
const GENERATED_LENGTH: usize = 20;
/// Letters and digits that cannot be mistaken for each other when read aloud or copied.
const GENERATED_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

fn generated_password() -> String {
    (0..GENERATED_LENGTH)
        .map(|_| GENERATED_ALPHABET[rand::random_range(0..GENERATED_ALPHABET.len())] as char)
        .collect()
}

/// `allmende user reset-password NAME`: sets `password` (or a new random one, which is
/// returned), lifts a sign-in lockout, ends every session and revokes every app token.
pub async fn reset_password(
    ctx: &Context,
    name: &str,
    password: Option<String>,
) -> Result<String, ServiceError> {
    let password = password.unwrap_or_else(generated_password);
    let parsed = Password::parse(&password)?;
    let password_hash = hash_password(&parsed).await?;
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let account = db::accounts::get_account_by_name(&mut conn, name.trim())
        .await?
        .ok_or_else(|| ServiceError::from(FieldError::new("username", "is not an account here")))?;
    db::accounts::update_password_hash(&mut conn, account.actor_id, &password_hash).await?;
    sign_out(ctx, &mut conn, account.actor_id, None).await?;
    tx.commit().await?;
    // Lockouts are counted in the memory of the process that checks passwords: this one's
    // end here; a running server's end by themselves (they are per client network, so they
    // never keep the owner out from their own).
    ctx.sign_ins.forget_name(&account.name);
    ctx.access_revoked.notify_waiters();
    tracing::info!(user = %account.name, "password reset from the command line");
    Ok(password)
}

/// Ends every session of the account and revokes all its app tokens (a password reset).
pub(crate) async fn end_all_sessions(
    ctx: &Context,
    conn: &mut Conn<'_>,
    account: i64,
) -> Result<(), ServiceError> {
    sign_out(ctx, conn, account, None).await
}

/// Ends the account's sessions but `keep_session` and revokes all its app tokens.
async fn sign_out(
    ctx: &Context,
    conn: &mut Conn<'_>,
    account: i64,
    keep_session: Option<&str>,
) -> Result<(), ServiceError> {
    let keep_hash = keep_session.map(hash_token);
    db::sessions::delete_other_sessions(conn, account, keep_hash.as_deref()).await?;
    db::suspensions::revoke_tokens_of(conn, account, ctx.now().millis()).await?;
    Ok(())
}

/// A browser session of the member.
#[derive(Debug, Clone)]
pub struct SessionEntry {
    pub started_at: Timestamp,
    pub expires_at: Timestamp,
    pub browser: Option<String>,
    /// The session of the browser asking.
    pub current: bool,
}

/// An app the member gave access to.
#[derive(Debug, Clone)]
pub struct AuthorizedApp {
    pub app_id: i64,
    pub name: String,
    pub website: Option<String>,
    pub scopes: String,
    pub authorized_at: Timestamp,
}

#[derive(Debug, Clone)]
pub struct SessionsAndApps {
    pub sessions: Vec<SessionEntry>,
    pub apps: Vec<AuthorizedApp>,
}

/// The member's live browser sessions and authorized apps, in two queries.
pub async fn sessions_and_apps(
    ctx: &Context,
    user: &CurrentUser,
    current_session: Option<&str>,
) -> Result<SessionsAndApps, ServiceError> {
    let current_hash = current_session.map(hash_token);
    let mut conn = ctx.db.acquire().await?;
    let sessions = db::sessions::list_sessions_of(&mut conn.conn(), user.id.0, ctx.now().millis()).await?;
    let apps = db::oauth::list_authorized_apps(&mut conn.conn(), user.id.0).await?;
    Ok(SessionsAndApps {
        sessions: sessions
            .into_iter()
            .map(|row| SessionEntry {
                current: current_hash.as_deref() == Some(row.token_hash.as_str()),
                started_at: Timestamp::from_millis(row.created_at),
                expires_at: Timestamp::from_millis(row.expires_at),
                browser: row.user_agent,
            })
            .collect(),
        apps: apps
            .into_iter()
            .map(|row| AuthorizedApp {
                app_id: row.app_id,
                name: row.name,
                website: row.website,
                scopes: row.scopes,
                authorized_at: Timestamp::from_millis(row.first_authorized_at),
            })
            .collect(),
    })
}

/// "Sign out everywhere": every other browser session ends, every app token is revoked, and
/// open streaming connections close.
pub async fn sign_out_everywhere(
    ctx: &Context,
    user: &CurrentUser,
    current_session: Option<&str>,
) -> Result<(), ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    sign_out(ctx, &mut conn, user.id.0, current_session).await?;
    tx.commit().await?;
    ctx.access_revoked.notify_waiters();
    Ok(())
}

/// Takes back the access the member gave one app: its tokens are revoked and its streaming
/// connections close. Not found when the app holds no live token of the member.
pub async fn revoke_app(ctx: &Context, user: &CurrentUser, app_id: i64) -> Result<(), ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let revoked =
        db::oauth::revoke_app_tokens_of(&mut conn.conn(), user.id.0, app_id, ctx.now().millis()).await?;
    if revoked == 0 {
        return Err(ServiceError::NotFound);
    }
    ctx.access_revoked.notify_waiters();
    Ok(())
}
