//! Confirming an email address by mail: a new account's (when the instance requires it, the
//! account cannot sign in until then) and a changed one's (the address changes only when the
//! link in the mail to it is followed). The links work once and expire.

use super::accounts::{hash_token, new_session_token};
use super::mail::{self, MailKind};
use super::{Context, ServiceError};
use crate::db::{self, Conn};
use crate::mail::templates;

/// How long a confirmation link works.
pub const CONFIRM_LINK_HOURS: i64 = 48;
const CONFIRM: &str = "confirm";
const CHANGE: &str = "change";

/// Queues the confirmation mail to `address` for the account, in the caller's transaction:
/// of its own address (`change` false) or of the address it wants instead (`change` true).
pub(crate) async fn queue_confirmation(
    ctx: &Context,
    conn: &mut Conn<'_>,
    account_id: i64,
    address: &str,
    change: bool,
) -> Result<(), ServiceError> {
    let purpose = if change { CHANGE } else { CONFIRM };
    let Some(to) = mail::recipient_at(ctx, conn, account_id, Some(address)).await? else {
        return Err(ServiceError::Internal("the account to confirm has no address".into()));
    };
    let now = ctx.now();
    let token = new_session_token();
    db::mail_tokens::expire_tokens_of(conn, account_id, purpose, now.millis()).await?;
    db::mail_tokens::insert_token(
        conn,
        &hash_token(&token),
        account_id,
        purpose,
        address,
        now.plus_seconds(CONFIRM_LINK_HOURS * 3600).millis(),
        now.millis(),
    )
    .await?;
    let confirm_link = mail::link(ctx, &format!("/email/confirm?token={token}"));
    let instance = ctx.settings.instance_name.clone();
    mail::enqueue(ctx, conn, &to, address, MailKind::ConfirmAddress, |t, unsubscribe| {
        templates::confirm_address(
            t,
            &instance,
            &to.name,
            &confirm_link,
            CONFIRM_LINK_HOURS,
            change,
            unsubscribe,
        )
    })
    .await?;
    Ok(())
}

/// What a followed confirmation link did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirmed {
    /// A new account's address: it can sign in now.
    Account { name: String },
    /// A changed address took effect.
    NewAddress { name: String, email: String },
}

/// Follows a confirmation link. `Err(NotFound)` when it is used, expired or unknown.
pub async fn confirm(ctx: &Context, token: &str) -> Result<Confirmed, ServiceError> {
    let token_hash = hash_token(token.trim());
    let now = ctx.now().millis();
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let confirmed = if let Some(live) =
        db::mail_tokens::get_live_token(&mut conn, &token_hash, CONFIRM, now).await?
    {
        let account =
            db::accounts::get_account(&mut conn, live.account_id).await?.ok_or(ServiceError::NotFound)?;
        if account.email.as_deref() != Some(live.email.as_str())
            || !db::mail_tokens::use_token(&mut conn, &token_hash, CONFIRM, now).await?
        {
            return Err(ServiceError::NotFound);
        }
        db::accounts::update_email_confirmed(&mut conn, account.actor_id, true).await?;
        Confirmed::Account { name: account.name }
    } else if let Some(live) = db::mail_tokens::get_live_token(&mut conn, &token_hash, CHANGE, now).await? {
        let account =
            db::accounts::get_account(&mut conn, live.account_id).await?.ok_or(ServiceError::NotFound)?;
        if !db::mail_tokens::use_token(&mut conn, &token_hash, CHANGE, now).await? {
            return Err(ServiceError::NotFound);
        }
        if account.email.as_deref() != Some(live.email.as_str())
            && db::accounts::email_taken(&mut conn, &live.email).await?
        {
            return Err(crate::domain::FieldError::new("email", "is already registered").into());
        }
        db::accounts::update_email(&mut conn, account.actor_id, &live.email).await?;
        db::accounts::update_email_confirmed(&mut conn, account.actor_id, true).await?;
        Confirmed::NewAddress { name: account.name, email: live.email }
    } else {
        return Err(ServiceError::NotFound);
    };
    tx.commit().await?;
    tracing::info!(?confirmed, "email address confirmed");
    Ok(confirmed)
}
