//! Resetting a forgotten password by mail: the "forgot password" form queues a mail with a
//! single-use link that expires; following it sets a new password and ends every session and
//! app token, as `allmende user reset-password` does. The form answers the same whether or
//! not an account has the address, so it tells nobody who is registered.

use super::accounts::{hash_token, new_session_token};
use super::error::refuse_if_any;
use super::mail::{self, MailKind};
use super::passwords::hash_password;
use super::{Context, ServiceError};
use crate::db;
use crate::domain::registration::AccountState;
use crate::domain::{FieldError, FieldErrors, Password};
use crate::mail::templates;

/// How long a reset link works.
pub const RESET_LINK_HOURS: i64 = 2;
const PURPOSE: &str = "reset";

/// Queues a reset mail when an active account has this address (and mail is on). Answers
/// `Ok` in every other case too: the caller shows one answer for all.
pub async fn request_reset(ctx: &Context, email: &str) -> Result<(), ServiceError> {
    let email = email.trim();
    if !ctx.settings.mail_enabled || email.is_empty() || email.len() > 320 {
        return Ok(());
    }
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let Some(account) = db::accounts::get_account_by_email(&mut conn, email).await? else {
        tracing::info!("password reset asked for an address no account has");
        return Ok(());
    };
    if account.state != AccountState::Active.as_str() {
        return Ok(());
    }
    let Some(to) = mail::recipient(ctx, &mut conn, account.actor_id).await? else {
        return Ok(());
    };
    let now = ctx.now();
    let token = new_session_token();
    db::mail_tokens::expire_tokens_of(&mut conn, account.actor_id, PURPOSE, now.millis()).await?;
    db::mail_tokens::insert_token(
        &mut conn,
        &hash_token(&token),
        account.actor_id,
        PURPOSE,
        &to.email,
        now.plus_seconds(RESET_LINK_HOURS * 3600).millis(),
        now.millis(),
    )
    .await?;
    let reset_link = mail::link(ctx, &format!("/password/reset?token={token}"));
    let instance = ctx.settings.instance_name.clone();
    let address = to.email.clone();
    mail::enqueue(ctx, &mut conn, &to, &address, MailKind::PasswordReset, |t, unsubscribe| {
        templates::password_reset(t, &instance, &to.name, &reset_link, RESET_LINK_HOURS, unsubscribe)
    })
    .await?;
    tx.commit().await?;
    tracing::info!(user = %account.name, "password reset mail queued");
    Ok(())
}

/// Whether a reset link can still be used (to show the form or say it cannot).
pub async fn reset_link_is_live(ctx: &Context, token: &str) -> Result<bool, ServiceError> {
    if token.trim().is_empty() {
        return Ok(false);
    }
    let mut conn = ctx.db.acquire().await?;
    let live = db::mail_tokens::get_live_token(
        &mut conn.conn(),
        &hash_token(token.trim()),
        PURPOSE,
        ctx.now().millis(),
    )
    .await?;
    Ok(live.is_some())
}

/// Sets the new password of the link's account, uses the link up, ends every session and app
/// token. `Err(NotFound)` when the link is used or expired.
pub async fn reset_with_token(
    ctx: &Context,
    token: &str,
    new_password: &str,
    confirmation: &str,
) -> Result<(), ServiceError> {
    let mut errors = FieldErrors::new();
    let password =
        errors.check(Password::parse(new_password).map_err(|e| FieldError::new("new_password", e.message)));
    if new_password != confirmation {
        errors.push(FieldError::new("new_password_confirmation", "does not match the password"));
    }
    refuse_if_any(errors)?;
    let Some(password) = password else {
        return Err(ServiceError::Internal("validated input missing".into()));
    };
    let password_hash = hash_password(&password).await?;
    let token_hash = hash_token(token.trim());
    let now = ctx.now().millis();
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let Some(live) = db::mail_tokens::get_live_token(&mut conn, &token_hash, PURPOSE, now).await? else {
        return Err(ServiceError::NotFound);
    };
    if !db::mail_tokens::use_token(&mut conn, &token_hash, PURPOSE, now).await? {
        return Err(ServiceError::NotFound);
    }
    let account =
        db::accounts::get_account(&mut conn, live.account_id).await?.ok_or(ServiceError::NotFound)?;
    db::accounts::update_password_hash(&mut conn, account.actor_id, &password_hash).await?;
    // Whoever reads the mailbox proved they own the address.
    if account.email.as_deref() == Some(live.email.as_str()) && !account.email_confirmed {
        db::accounts::update_email_confirmed(&mut conn, account.actor_id, true).await?;
    }
    super::account_security::end_all_sessions(ctx, &mut conn, account.actor_id).await?;
    tx.commit().await?;
    ctx.sign_ins.forget_name(&account.name);
    ctx.access_revoked.notify_waiters();
    tracing::info!(user = %account.name, "password reset by mail");
    Ok(())
}
