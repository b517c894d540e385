//! Pinning threads to the top of a group (Lemmy's featured posts). A moderator of one of our
//! groups pins and unpins its threads (who may is the one authority rule's `Change::Pin`); the
//! group tells its followers with Lemmy's `Add`/`Remove` to its `featured` collection. A remote
//! group or its moderators pin theirs (`remote_moderation::pin_thread`).

use super::authority::{self, Actor, Change};
use super::{Context, CurrentUser, ServiceError};
use crate::db;
use crate::domain::modlog::{ModlogEntry, ModlogKind};
use crate::domain::{DomainEvent, PostId};

/// Pins or unpins a thread of one of our groups. Changing nothing (pinned already) is fine and
/// sends nothing.
pub async fn set_thread_pin(
    ctx: &Context,
    user: &CurrentUser,
    thread: PostId,
    pinned: bool,
) -> Result<(), ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let opener = db::posts::get_post_ref(&mut conn, thread.0).await?.ok_or(ServiceError::NotFound)?;
    if opener.id != opener.root_id || opener.deleted_at.is_some() {
        return Err(ServiceError::NotFound);
    }
    let group_id = opener.group_id.ok_or(ServiceError::Forbidden)?;
    let group = db::actors::get_actor(&mut conn, group_id).await?.ok_or(ServiceError::NotFound)?;
    // A remote group's threads are pinned on its own server.
    if !group.local
        || authority::judge(ctx, &mut conn, Actor::Local(user), &opener, Change::Pin).await?.is_none()
    {
        return Err(ServiceError::Forbidden);
    }
    let changed = if pinned {
        db::thread_pins::pin_thread(&mut conn, thread.0, ctx.now().millis()).await?
    } else {
        db::thread_pins::unpin_thread(&mut conn, thread.0).await?
    };
    if changed {
        let kind = if pinned { ModlogKind::Pin } else { ModlogKind::Unpin };
        let entry = ModlogEntry::new(kind, Some(user.id.0)).in_group(Some(group_id)).on_post(thread.0);
        super::modlog::record(ctx, &mut conn, entry).await?;
        let event =
            DomainEvent::ThreadPinChanged { post_id: thread.0, group_id, moderator_id: user.id.0, pinned };
        ctx.emit(&mut conn, event).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Whether the thread opened by `thread` is pinned.
pub async fn is_thread_pinned(ctx: &Context, thread: PostId) -> Result<bool, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::thread_pins::is_thread_pinned(&mut conn.conn(), thread.0).await?)
}

/// The pinned threads of the local group `group_id`, for its `featured` collection.
pub async fn pinned_threads_of(ctx: &Context, group_id: i64) -> Result<Vec<PostId>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::thread_pins::list_pinned_thread_ids(&mut conn.conn(), group_id)
        .await?
        .into_iter()
        .map(PostId)
        .collect())
}
