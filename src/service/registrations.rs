//! Joining the network in each registration mode (open, approval, invite, closed), the
//! coordinators' review of applications, and invite links. Coordinators are admins.

use super::accounts::{self, Admission, NewAccount, hash_token, new_session_token};
use super::error::refuse_if_any;
use super::{Context, CurrentUser, ServiceError};
use crate::db;
use crate::domain::registration::{
    AccountState, ApplicationReason, DecisionMessage, InviteLimits, RegistrationMode,
};
use crate::domain::{FieldError, FieldErrors, Timestamp};

/// What the register form submits, still unparsed.
#[derive(Debug, Clone, Default)]
pub struct Application {
    pub account: NewAccount,
    /// The answer to the approval question (approval mode).
    pub reason: String,
    /// The invite token from the link (invite mode).
    pub invite: String,
}

/// How a registration ended.
#[derive(Debug, Clone)]
pub enum Registered {
    /// The account can sign in now.
    Active(CurrentUser),
    /// The account waits for a coordinator and cannot sign in yet.
    Pending(CurrentUser),
    /// The account works once its address is confirmed with the link mailed to it.
    Unconfirmed(CurrentUser),
}

/// Registers in the instance's mode: open at once, approval as a pending application with a
/// reason, invite only with a live invite (using it up in the account's transaction).
pub async fn register(ctx: &Context, input: Application) -> Result<Registered, ServiceError> {
    let mode = ctx.settings.registration_mode;
    if mode == RegistrationMode::Closed {
        return Err(ServiceError::RegistrationClosed);
    }
    let mut errors = FieldErrors::new();
    if input.account.email.as_deref().unwrap_or("").trim().is_empty() {
        errors.push(FieldError::new("email", "is required"));
    }
    let account = NewAccount { admin: false, ..input.account };
    let confirm_email = ctx.settings.require_email_confirmation && ctx.settings.mail_enabled;
    let admitted = |user: CurrentUser| {
        if confirm_email { Registered::Unconfirmed(user) } else { Registered::Active(user) }
    };
    match mode {
        RegistrationMode::Approval => {
            let reason = errors.check(ApplicationReason::parse(&input.reason));
            refuse_if_any(errors)?;
            let reason = reason.ok_or_else(|| ServiceError::Internal("validated reason missing".into()))?;
            let admission = Admission {
                pending: true,
                reason: Some(reason.as_str()),
                confirm_email,
                ..Admission::default()
            };
            let user = accounts::create_admitted_account(ctx, account, admission).await?;
            tracing::info!(user = %user.name, "application to join received");
            Ok(Registered::Pending(user))
        }
        RegistrationMode::Invite => {
            let token = input.invite.trim();
            if token.is_empty() {
                errors.push(invalid_invite());
            }
            refuse_if_any(errors)?;
            let token_hash = hash_token(token);
            let admission =
                Admission { invite_token_hash: Some(&token_hash), confirm_email, ..Admission::default() };
            Ok(admitted(accounts::create_admitted_account(ctx, account, admission).await?))
        }
        RegistrationMode::Open | RegistrationMode::Closed => {
            refuse_if_any(errors)?;
            let admission = Admission { confirm_email, ..Admission::default() };
            Ok(admitted(accounts::create_admitted_account(ctx, account, admission).await?))
        }
    }
}

fn invalid_invite() -> FieldError {
    FieldError::new("invite", "is not valid or has expired")
}

/// Whether an invite token from a link can still be used (to show the form or say it cannot).
pub async fn invite_is_live(ctx: &Context, token: &str) -> Result<bool, ServiceError> {
    if token.trim().is_empty() {
        return Ok(false);
    }
    let mut conn = ctx.db.acquire().await?;
    Ok(db::invites::invite_is_live(&mut conn.conn(), &hash_token(token.trim()), ctx.now().millis()).await?)
}

/// An application waiting for a coordinator.
#[derive(Debug, Clone)]
pub struct PendingApplication {
    pub account_id: i64,
    pub name: String,
    pub email: String,
    pub reason: String,
    pub applied_at: Timestamp,
}

fn require_coordinator(user: &CurrentUser) -> Result<(), ServiceError> {
    if user.is_admin() { Ok(()) } else { Err(ServiceError::Forbidden) }
}

/// The oldest 200 pending applications, for coordinators.
pub async fn list_pending(
    ctx: &Context,
    coordinator: &CurrentUser,
) -> Result<Vec<PendingApplication>, ServiceError> {
    require_coordinator(coordinator)?;
    let mut conn = ctx.db.acquire().await?;
    let rows = db::registrations::list_pending_applications(&mut conn.conn(), 200).await?;
    Ok(rows
        .into_iter()
        .map(|row| PendingApplication {
            account_id: row.account_id,
            name: row.name,
            email: row.email.unwrap_or_default(),
            reason: row.reason,
            applied_at: Timestamp::from_millis(row.created_at),
        })
        .collect())
}

/// Approves or rejects a pending application with a message. A rejected account stays, so
/// the applicant sees the message when signing in and the name is not handed to someone else.
pub async fn decide(
    ctx: &Context,
    coordinator: &CurrentUser,
    account_id: i64,
    approve: bool,
    message: &str,
) -> Result<(), ServiceError> {
    require_coordinator(coordinator)?;
    let message = DecisionMessage::parse(message)?;
    let state = if approve { AccountState::Active } else { AccountState::Rejected };
    let mut tx = ctx.db.begin().await?;
    let decided = db::registrations::decide_application(
        &mut tx.conn(),
        account_id,
        state.as_str(),
        message.as_str(),
        coordinator.id.0,
        ctx.now().millis(),
    )
    .await?;
    if !decided {
        return Err(ServiceError::NotFound);
    }
    queue_decision_mail(ctx, &mut tx.conn(), account_id, approve, message.as_str()).await?;
    tx.commit().await?;
    tracing::info!(account_id, approve, by = %coordinator.name, "application decided");
    Ok(())
}

/// Tells the applicant by mail how their application was decided (if they gave an address).
async fn queue_decision_mail(
    ctx: &Context,
    conn: &mut db::Conn<'_>,
    account_id: i64,
    approve: bool,
    message: &str,
) -> Result<(), ServiceError> {
    let Some(to) = super::mail::recipient(ctx, conn, account_id).await? else {
        return Ok(());
    };
    let instance = ctx.settings.instance_name.clone();
    let sign_in = super::mail::link(ctx, "/login");
    let address = to.email.clone();
    super::mail::enqueue(
        ctx,
        conn,
        &to,
        &address,
        super::mail::MailKind::RegistrationDecision,
        |t, unsubscribe| {
            crate::mail::templates::registration_decided(
                t,
                &instance,
                &to.name,
                approve,
                message,
                &sign_in,
                unsubscribe,
            )
        },
    )
    .await?;
    Ok(())
}

/// A new invite; the token is shown once and stored only as a hash.
#[derive(Debug, Clone)]
pub struct NewInvite {
    pub token: String,
}

pub async fn create_invite(
    ctx: &Context,
    coordinator: &CurrentUser,
    max_uses: &str,
    valid_days: &str,
) -> Result<NewInvite, ServiceError> {
    require_coordinator(coordinator)?;
    let limits = InviteLimits::parse(max_uses, valid_days).map_err(|errors| {
        let mut all = FieldErrors::new();
        errors.into_iter().for_each(|e| all.push(e));
        ServiceError::Invalid(all)
    })?;
    let token = new_session_token();
    let now = ctx.now();
    let expires_at = limits.valid_days.map(|days| now.plus_seconds(days * 24 * 3600).millis());
    let mut conn = ctx.db.acquire().await?;
    db::invites::insert_invite(
        &mut conn.conn(),
        ctx.new_id(),
        &hash_token(&token),
        coordinator.id.0,
        limits.max_uses,
        expires_at,
        now.millis(),
    )
    .await?;
    Ok(NewInvite { token })
}

/// An invite as coordinators see it (never its token).
#[derive(Debug, Clone)]
pub struct InviteSummary {
    pub id: i64,
    pub created_by: String,
    pub max_uses: Option<i64>,
    pub uses: i64,
    pub expires_at: Option<Timestamp>,
    pub created_at: Timestamp,
    pub live: bool,
}

pub async fn list_invites(
    ctx: &Context,
    coordinator: &CurrentUser,
) -> Result<Vec<InviteSummary>, ServiceError> {
    require_coordinator(coordinator)?;
    let now = ctx.now().millis();
    let mut conn = ctx.db.acquire().await?;
    let rows = db::invites::list_invites(&mut conn.conn(), 200).await?;
    Ok(rows
        .into_iter()
        .map(|row| InviteSummary {
            id: row.id,
            created_by: row.created_by_name,
            live: row.max_uses.is_none_or(|max| row.uses < max) && row.expires_at.is_none_or(|at| at > now),
            max_uses: row.max_uses,
            uses: row.uses,
            expires_at: row.expires_at.map(Timestamp::from_millis),
            created_at: Timestamp::from_millis(row.created_at),
        })
        .collect())
}

pub async fn delete_invite(ctx: &Context, coordinator: &CurrentUser, id: i64) -> Result<(), ServiceError> {
    require_coordinator(coordinator)?;
    let mut conn = ctx.db.acquire().await?;
    if db::invites::delete_invite(&mut conn.conn(), id).await? == 0 {
        return Err(ServiceError::NotFound);
    }
    Ok(())
}
