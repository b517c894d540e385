//! Deleting an account. A member asks for it with their password; the deletion is due after the
//! grace period (`accounts.deletion_grace_days`; 0: at once), during which they may sign in and
//! cancel. The
//! deletion job ([`purge_due`], hourly while the server runs) then purges the account; admins
//! purge at once (`/admin/accounts`, `allmende user delete NAME`).
//!
//! Purging turns the person's posts into tombstones, removes their media files, follows (both
//! ways, group memberships included), blocks, mutes, bookmarks, notifications, sessions, tokens
//! and profile text, keeps the name taken (the account row stays, `deleted`), and queues a
//! `Delete` of the person for every instance that followed them or that they followed.

use super::account_security::WRONG_PASSWORD;
use super::passwords::verify_password;
use super::{Context, CurrentUser, ServiceError};
use crate::db;
use crate::domain::modlog::ModlogEntry;
use crate::domain::registration::AccountState;
use crate::domain::{ActorId, DomainEvent, FieldError, Timestamp};

const DAY_MILLIS: i64 = 24 * 3600 * 1000;

/// What asking for deletion did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeletionRequest {
    /// The account is deleted when this time has come (asking again keeps the first date).
    Scheduled(Timestamp),
    /// Without a grace period (`accounts.deletion_grace_days = 0`): deleted at once.
    Deleted,
}

/// The member asks to delete their own account, confirming with their password.
pub async fn request_deletion(
    ctx: &Context,
    user: &CurrentUser,
    password: &str,
) -> Result<DeletionRequest, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let account =
        db::accounts::get_account(&mut conn.conn(), user.id.0).await?.ok_or(ServiceError::NotFound)?;
    drop(conn);
    if !verify_password(password, &account.password_hash).await? {
        return Err(FieldError::new("current_password", WRONG_PASSWORD).into());
    }
    if ctx.settings.deletion_grace_days <= 0 {
        purge_account(ctx, user.id).await?;
        return Ok(DeletionRequest::Deleted);
    }
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    if let Some(due) = db::account_deletions::get_deletion_due(&mut conn, user.id.0).await? {
        return Ok(DeletionRequest::Scheduled(Timestamp::from_millis(due)));
    }
    let due = ctx.now().millis() + ctx.settings.deletion_grace_days * DAY_MILLIS;
    if !db::account_deletions::update_deletion_due(&mut conn, user.id.0, Some(due)).await? {
        return Err(ServiceError::NotFound);
    }
    tx.commit().await?;
    tracing::info!(user = %user.name, due, "account deletion requested");
    Ok(DeletionRequest::Scheduled(Timestamp::from_millis(due)))
}

/// The member keeps their account after all. Returns whether a deletion was pending.
pub async fn cancel_deletion(ctx: &Context, user: &CurrentUser) -> Result<bool, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let mut conn = conn.conn();
    let pending = db::account_deletions::get_deletion_due(&mut conn, user.id.0).await?.is_some();
    if pending {
        db::account_deletions::update_deletion_due(&mut conn, user.id.0, None).await?;
        tracing::info!(user = %user.name, "account deletion cancelled");
    }
    Ok(pending)
}

/// When the member's account is to be deleted, if they asked for it.
pub async fn deletion_due(ctx: &Context, user: &CurrentUser) -> Result<Option<Timestamp>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::account_deletions::get_deletion_due(&mut conn.conn(), user.id.0)
        .await?
        .map(Timestamp::from_millis))
}

/// Most accounts one run of the deletion job purges.
pub const PURGES_PER_RUN: i64 = 50;

/// The deletion job: purges the accounts whose grace period is over. Returns how many.
pub async fn purge_due(ctx: &Context) -> Result<usize, ServiceError> {
    let due = {
        let mut conn = ctx.db.acquire().await?;
        db::account_deletions::list_due_deletions(&mut conn.conn(), ctx.now().millis(), PURGES_PER_RUN)
            .await?
    };
    let mut purged = 0;
    for id in due {
        if purge_account(ctx, ActorId(id)).await? {
            purged += 1;
        }
    }
    Ok(purged)
}

/// `allmende user delete NAME`: purges a local person's account at once. Returns false when it
/// was deleted before.
pub async fn delete_by_name(ctx: &Context, name: &str) -> Result<bool, ServiceError> {
    let account = {
        let mut conn = ctx.db.acquire().await?;
        db::accounts::get_account_by_name(&mut conn.conn(), name.trim())
            .await?
            .ok_or(ServiceError::NotFound)?
    };
    purge_account(ctx, ActorId(account.actor_id)).await
}

/// Purges a local account now (see the module's description). Returns false when it was
/// deleted before.
pub async fn purge_account(ctx: &Context, target: ActorId) -> Result<bool, ServiceError> {
    purge(ctx, target, None).await
}

/// Purges a local account now, recording `entry` in the modlog in the same transaction (an
/// admin's deletion). Returns false when it was deleted before (nothing is recorded then).
pub(crate) async fn purge_account_logged(
    ctx: &Context,
    target: ActorId,
    entry: ModlogEntry,
) -> Result<bool, ServiceError> {
    purge(ctx, target, Some(entry)).await
}

async fn purge(ctx: &Context, target: ActorId, entry: Option<ModlogEntry>) -> Result<bool, ServiceError> {
    let now = ctx.now().millis();
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let account = db::accounts::get_account(&mut conn, target.0).await?.ok_or(ServiceError::NotFound)?;
    if account.state == AccountState::Deleted.as_str() {
        return Ok(false);
    }
    // Asked before the follows go: these instances hold the person's posts.
    let inboxes = db::suspensions::list_peer_inboxes_of(&mut conn, target.0).await?;
    let posts = db::suspensions::update_posts_of_author_deleted(&mut conn, target.0, now).await?;
    db::suspensions::delete_follows_of(&mut conn, target.0).await?;
    let files = db::account_deletions::delete_media_of_owner(&mut conn, target.0).await?;
    db::account_deletions::delete_personal_data(&mut conn, target.0).await?;
    db::suspensions::revoke_tokens_of(&mut conn, target.0, now).await?;
    db::accounts::update_account_state(&mut conn, target.0, AccountState::Deleted.as_str()).await?;
    ctx.emit(&mut conn, DomainEvent::AccountDeleted { actor_id: target.0, inboxes }).await?;
    if let Some(entry) = entry {
        super::modlog::record(ctx, &mut conn, entry).await?;
    }
    tx.commit().await?;
    super::media::remove_files(ctx, &files).await;
    // Open streaming sockets of this process check their tokens at once.
    ctx.access_revoked.notify_waiters();
    tracing::info!(account = target.0, name = %account.name, posts, files = files.len(), "account deleted");
    Ok(true)
}

/// A remote person deleted at their origin (`Delete` with the actor as object): their posts
/// become tombstones, their follows end both ways (so a local group drops them as a member),
/// and their likes, boosts and attachments are forgotten. Returns how many posts were deleted.
pub async fn forget_remote_actor(ctx: &Context, actor: ActorId) -> Result<u64, ServiceError> {
    let now = ctx.now().millis();
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let row = db::actors::get_actor(&mut conn, actor.0).await?.ok_or(ServiceError::NotFound)?;
    if row.local {
        return Err(ServiceError::Forbidden);
    }
    let posts = db::suspensions::update_posts_of_author_deleted(&mut conn, actor.0, now).await?;
    let follows = db::suspensions::delete_follows_of(&mut conn, actor.0).await?;
    db::account_deletions::delete_remote_actor_traces(&mut conn, actor.0).await?;
    tx.commit().await?;
    tracing::info!(actor = %row.ap_id.unwrap_or_default(), posts, follows, "remote account deleted at its origin");
    Ok(posts)
}
