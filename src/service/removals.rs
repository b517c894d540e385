//! Removal of posts by moderators, with a reason, and their restoration.
//!
//! A removal hides a post like a deletion (the post row is marked deleted, so every page, API
//! and feed already leaves it out) but keeps its content aside, so that "restore" can bring it
//! back. The thread page shows "removed by the moderators: <reason>" in its place. Removals
//! come from our moderators (and admins) and from remote groups and their moderators acting on
//! our copies of their posts; both are recorded in the modlog.

use super::{Context, CurrentUser, ServiceError, modlog};
use crate::db::{self, Conn, posts::PostRefRow};
use crate::domain::modlog::{ModlogEntry, ModlogKind, parse_reason, remote_reason};
use crate::domain::{ActorId, DomainEvent, FieldErrors, PostId};

/// A moderator of the post's group, or an admin, removes someone's post with a reason.
/// Returns the thread the post belonged to.
pub async fn remove_post(
    ctx: &Context,
    user: &CurrentUser,
    id: PostId,
    reason: &str,
) -> Result<PostId, ServiceError> {
    let mut errors = FieldErrors::new();
    let reason = errors.check(parse_reason("reason", reason));
    super::error::refuse_if_any(errors)?;
    let reason = reason.unwrap_or_default();
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let row = db::posts::get_post_ref(&mut conn, id.0).await?.ok_or(ServiceError::NotFound)?;
    if row.deleted_at.is_some() {
        return Err(ServiceError::NotFound);
    }
    if !may_moderate(ctx, &mut conn, row.group_id, user).await? {
        return Err(ServiceError::Forbidden);
    }
    remove_in(ctx, &mut conn, row.id, row.root_id, row.group_id, user.id, &reason).await?;
    tx.commit().await?;
    Ok(PostId(row.root_id))
}

/// Removes a post in the caller's transaction (also used by bans that remove the person's
/// content): keeps the content aside, records the modlog entry and emits `PostRemoved`.
/// Returns false when it was gone already.
pub(crate) async fn remove_in(
    ctx: &Context,
    conn: &mut Conn<'_>,
    post_id: i64,
    root_id: i64,
    group_id: Option<i64>,
    moderator: ActorId,
    reason: &str,
) -> Result<bool, ServiceError> {
    if !db::removals::insert_removal(conn, post_id, Some(moderator.0), reason, ctx.now().millis()).await? {
        return Ok(false);
    }
    if post_id != root_id {
        db::posts::update_thread_on_reply_deleted(conn, root_id).await?;
    }
    let entry = ModlogEntry::new(ModlogKind::Removal, Some(moderator.0))
        .in_group(group_id)
        .on_post(post_id)
        .because(reason);
    modlog::record(ctx, conn, entry).await?;
    ctx.emit(
        conn,
        DomainEvent::PostRemoved { post_id, moderator_id: moderator.0, reason: reason.to_owned() },
    )
    .await?;
    Ok(true)
}

/// Undoes a removal: the post comes back as it was. Returns its thread.
pub async fn restore_post(ctx: &Context, user: &CurrentUser, id: PostId) -> Result<PostId, ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let row = db::posts::get_post_ref(&mut conn, id.0).await?.ok_or(ServiceError::NotFound)?;
    if !may_moderate(ctx, &mut conn, row.group_id, user).await? {
        return Err(ServiceError::Forbidden);
    }
    if !restore_in(ctx, &mut conn, &row, user.id).await? {
        return Err(ServiceError::NotFound);
    }
    tx.commit().await?;
    Ok(PostId(row.root_id))
}

/// Brings a removed post back in the caller's transaction: records the modlog entry and emits
/// `PostRestored`. Returns false when it was not removed.
pub(crate) async fn restore_in(
    ctx: &Context,
    conn: &mut Conn<'_>,
    row: &PostRefRow,
    moderator: ActorId,
) -> Result<bool, ServiceError> {
    if !db::removals::delete_removal_restoring(conn, row.id).await? {
        return Ok(false);
    }
    if row.id != row.root_id {
        db::removals::update_thread_on_reply_restored(conn, row.root_id).await?;
    }
    let entry =
        ModlogEntry::new(ModlogKind::Restore, Some(moderator.0)).in_group(row.group_id).on_post(row.id);
    modlog::record(ctx, conn, entry).await?;
    ctx.emit(conn, DomainEvent::PostRestored { post_id: row.id, moderator_id: moderator.0 }).await?;
    Ok(true)
}

/// Whether `user` may remove, restore and ban in `group_id`: a moderator (or owner) of that
/// group, or an admin of this instance.
pub(crate) async fn may_moderate(
    ctx: &Context,
    conn: &mut Conn<'_>,
    group_id: Option<i64>,
    user: &CurrentUser,
) -> Result<bool, ServiceError> {
    match group_id {
        Some(group_id) => {
            super::authority::moderates_group(ctx, conn, super::authority::Actor::Local(user), group_id).await
        }
        None => Ok(user.is_admin()),
    }
}

/// A remote group, or one of its moderators (`moderator`, checked by the caller), removes
/// someone else's post from the group, with the reason it gave. Our own members' posts are
/// left to them and to our moderators (Forbidden).
pub async fn remove_remote_post(
    ctx: &Context,
    group: ActorId,
    moderator_ap_id: &str,
    ap_id: &str,
    reason: Option<&str>,
) -> Result<bool, ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let moderator = remote_moderator(&mut conn, group, moderator_ap_id).await?;
    let Some(post) = db::posts::get_post_ref_by_ap_id(&mut conn, ap_id).await? else {
        return Ok(false);
    };
    if post.local || post.group_id != Some(group.0) {
        return Err(ServiceError::Forbidden);
    }
    let reason = remote_reason(reason);
    let now = ctx.now().millis();
    if !db::removals::insert_removal(&mut conn, post.id, Some(moderator.0), &reason, now).await? {
        return Ok(false);
    }
    if post.id != post.root_id {
        db::posts::update_thread_on_reply_deleted(&mut conn, post.root_id).await?;
    }
    let entry = ModlogEntry::new(ModlogKind::Removal, Some(moderator.0))
        .in_group(Some(group.0))
        .on_post(post.id)
        .because(&reason)
        .by_remote(true);
    modlog::record(ctx, &mut conn, entry).await?;
    ctx.emit(&mut conn, DomainEvent::PostDeleted { post_id: post.id, relayed: false }).await?;
    tx.commit().await?;
    Ok(true)
}

/// A remote group or its moderator undoes its removal of a post we hold (`Undo(Delete)`).
/// Only posts removed as removals come back; a post its author deleted stays deleted.
pub async fn restore_remote_post(
    ctx: &Context,
    group: ActorId,
    moderator_ap_id: &str,
    ap_id: &str,
) -> Result<bool, ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let moderator = remote_moderator(&mut conn, group, moderator_ap_id).await?;
    let Some(post) = db::posts::get_post_ref_by_ap_id(&mut conn, ap_id).await? else {
        return Ok(false);
    };
    if post.local || post.group_id != Some(group.0) {
        return Err(ServiceError::Forbidden);
    }
    if !db::removals::delete_removal_restoring(&mut conn, post.id).await? {
        return Ok(false);
    }
    if post.id != post.root_id {
        db::removals::update_thread_on_reply_restored(&mut conn, post.root_id).await?;
    }
    let entry = ModlogEntry::new(ModlogKind::Restore, Some(moderator.0))
        .in_group(Some(group.0))
        .on_post(post.id)
        .by_remote(true);
    modlog::record(ctx, &mut conn, entry).await?;
    tx.commit().await?;
    Ok(true)
}

/// The remote moderator by ActivityPub id, or the group itself when it acted (or the
/// moderator is not stored).
async fn remote_moderator(conn: &mut Conn<'_>, group: ActorId, ap_id: &str) -> Result<ActorId, ServiceError> {
    Ok(db::actors::get_actor_by_ap_id(conn, ap_id).await?.map_or(group, |actor| ActorId(actor.id)))
}

/// Whether the post (by ActivityPub id) is one that moderators removed here.
pub async fn is_removed(ctx: &Context, ap_id: &str) -> Result<bool, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let Some(post) = db::posts::get_post_ref_by_ap_id(&mut conn.conn(), ap_id).await? else {
        return Ok(false);
    };
    Ok(db::removals::get_removal(&mut conn.conn(), post.id).await?.is_some())
}
