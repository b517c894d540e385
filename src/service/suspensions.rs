//! Instance-level moderation of accounts, for admins: suspend a local account (sessions and
//! tokens end, streaming closes, profile and posts hidden, sign-in says why) or a remote one
//! (content hidden, its activities dropped), and silence (limit) an account (kept out of the
//! public timelines). Lifting either restores everything.

use super::{Context, CurrentUser, ServiceError};
use crate::db;
use crate::domain::modlog::{ModlogEntry, ModlogKind};
use crate::domain::registration::AccountState;
use crate::domain::{ActorId, FieldError, Permission, Role};

/// What an admin does to an account (Mastodon's admin actions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountAction {
    Suspend,
    Unsuspend,
    Silence,
    Unsilence,
}

impl AccountAction {
    /// Mastodon's names (`POST /api/v1/admin/accounts/{id}/action` takes `suspend`, `silence`
    /// and `none`; `unsuspend` and `unsilence` are endpoints of their own).
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        match raw {
            "suspend" => Ok(Self::Suspend),
            "unsuspend" => Ok(Self::Unsuspend),
            "silence" => Ok(Self::Silence),
            "unsilence" => Ok(Self::Unsilence),
            _ => Err(FieldError::new("type", "must be suspend, silence, unsuspend or unsilence")),
        }
    }
}

/// Longest reason kept with a suspension.
const MAX_REASON_CHARS: usize = 2_000;

/// Applies `action` to the account `target` (local or remote), for admins and instance
/// moderators, and records a suspension or its end in the modlog. Returns whether anything
/// changed. Nobody suspends or silences themselves or an admin; only admins act on an instance
/// moderator.
pub async fn act_on_account(
    ctx: &Context,
    admin: &CurrentUser,
    target: ActorId,
    action: AccountAction,
    reason: &str,
) -> Result<bool, ServiceError> {
    if !admin.may(Permission::ModerateAccounts) {
        return Err(ServiceError::Forbidden);
    }
    let reason: String = reason.trim().chars().take(MAX_REASON_CHARS).collect();
    let now = ctx.now().millis();
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let actor = db::actors::get_actor(&mut conn, target.0).await?.ok_or(ServiceError::NotFound)?;
    if actor.kind != "person" && actor.kind != "group" {
        return Err(ServiceError::NotFound);
    }
    let account = match actor.local {
        true => db::accounts::get_account(&mut conn, actor.id).await?,
        false => None,
    };
    let target_role = account.as_ref().map(|a| Role::from_stored(&a.role));
    if matches!(action, AccountAction::Suspend | AccountAction::Silence)
        && (actor.id == admin.id.0 || target_role == Some(Role::Admin))
    {
        return Err(FieldError::new("account", "admins cannot be suspended or silenced").into());
    }
    if target_role.is_some_and(Role::is_staff) && !admin.may(Permission::Administer) {
        return Err(ServiceError::Forbidden);
    }
    let changed = match action {
        AccountAction::Suspend => {
            let changed = db::suspensions::update_actor_suspended(&mut conn, actor.id, &reason, now).await?;
            if account.is_some() {
                db::accounts::update_account_state(&mut conn, actor.id, AccountState::Suspended.as_str())
                    .await?;
                db::suspensions::delete_sessions_of(&mut conn, actor.id).await?;
                db::suspensions::revoke_tokens_of(&mut conn, actor.id, now).await?;
            }
            changed
        }
        AccountAction::Unsuspend => {
            let changed = db::suspensions::update_actor_unsuspended(&mut conn, actor.id).await?;
            if account.as_ref().is_some_and(|a| a.state == AccountState::Suspended.as_str()) {
                db::accounts::update_account_state(&mut conn, actor.id, AccountState::Active.as_str())
                    .await?;
            }
            changed
        }
        AccountAction::Silence => {
            db::suspensions::update_actor_silenced(&mut conn, actor.id, Some(now)).await?
        }
        AccountAction::Unsilence => db::suspensions::update_actor_silenced(&mut conn, actor.id, None).await?,
    };
    let logged = match action {
        AccountAction::Suspend => Some(ModlogKind::Suspension),
        AccountAction::Unsuspend => Some(ModlogKind::Unsuspension),
        AccountAction::Silence | AccountAction::Unsilence => None,
    };
    if let Some(kind) = logged.filter(|_| changed) {
        let entry = ModlogEntry::new(kind, Some(admin.id.0)).on_actor(actor.id).because(&reason);
        super::modlog::record(ctx, &mut conn, entry).await?;
    }
    tx.commit().await?;
    if action == AccountAction::Suspend {
        // Open streaming sockets of this process check their tokens at once.
        ctx.access_revoked.notify_waiters();
    }
    tracing::info!(account = actor.id, ?action, changed, admin = %admin.name, "account moderated");
    Ok(changed)
}

/// Deletes a local account for good, for admins, at once (no grace period, no suspension
/// needed first), and records it in the modlog with `reason`: see
/// `account_deletion::purge_account` for what goes. Returns whether it was deleted now (false:
/// deleted before). An admin cannot delete themselves (that is the settings page's job) or
/// another admin.
pub async fn delete_account(
    ctx: &Context,
    admin: &CurrentUser,
    target: ActorId,
    reason: &str,
) -> Result<bool, ServiceError> {
    if !admin.may(Permission::Administer) {
        return Err(ServiceError::Forbidden);
    }
    let account = {
        let mut conn = ctx.db.acquire().await?;
        db::accounts::get_account(&mut conn.conn(), target.0).await?.ok_or(ServiceError::NotFound)?
    };
    if account.state == AccountState::Deleted.as_str() {
        return Ok(false);
    }
    if target == admin.id || Role::from_stored(&account.role) == Role::Admin {
        return Err(FieldError::new("account", "admins cannot be deleted here").into());
    }
    let reason: String = reason.trim().chars().take(MAX_REASON_CHARS).collect();
    let entry =
        ModlogEntry::new(ModlogKind::AccountDeleted, Some(admin.id.0)).on_actor(target.0).because(&reason);
    let deleted = super::account_deletion::purge_account_logged(ctx, target, entry).await?;
    tracing::info!(account = target.0, admin = %admin.name, deleted, "account deleted by an admin");
    Ok(deleted)
}

/// Whether a remote actor's activities are dropped: it is suspended (one by one, or with its
/// domain).
pub async fn is_suspended(ctx: &Context, actor: ActorId) -> Result<bool, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::suspensions::is_suspended(&mut conn.conn(), actor.0).await?)
}
