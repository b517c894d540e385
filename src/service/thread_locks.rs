//! Locking threads: a locked thread takes no new replies, from here or from elsewhere. A
//! moderator of one of our groups locks and unlocks its threads (sent to the group's followers
//! as Lemmy's `Lock`); a remote group or its moderators lock theirs (`remote_moderation`).

use super::{Context, CurrentUser, ServiceError};
use crate::db;
use crate::domain::modlog::{ModlogEntry, ModlogKind};
use crate::domain::{DomainEvent, PostId};

/// A moderator of the thread's group (one of ours) locks or unlocks it. Changing nothing (it
/// is locked already) is fine and sends nothing.
pub async fn set_thread_lock(
    ctx: &Context,
    user: &CurrentUser,
    thread: PostId,
    locked: bool,
) -> Result<(), ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let opener = db::posts::get_post_ref(&mut conn, thread.0).await?.ok_or(ServiceError::NotFound)?;
    if opener.id != opener.root_id || opener.deleted_at.is_some() {
        return Err(ServiceError::NotFound);
    }
    let group_id = opener.group_id.ok_or(ServiceError::Forbidden)?;
    let group = db::actors::get_actor(&mut conn, group_id).await?.ok_or(ServiceError::NotFound)?;
    if !group.local || db::groups::get_moderator_role(&mut conn, group_id, user.id.0).await?.is_none() {
        return Err(ServiceError::Forbidden);
    }
    let changed = if locked {
        db::thread_locks::lock_thread(&mut conn, thread.0, ctx.now().millis()).await?
    } else {
        db::thread_locks::unlock_thread(&mut conn, thread.0).await?
    };
    if changed {
        let kind = if locked { ModlogKind::Lock } else { ModlogKind::Unlock };
        let entry = ModlogEntry::new(kind, Some(user.id.0)).in_group(Some(group_id)).on_post(thread.0);
        super::modlog::record(ctx, &mut conn, entry).await?;
        ctx.emit(&mut conn, DomainEvent::ThreadLockChanged { post_id: thread.0, group_id, locked }).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Whether the thread `post` belongs to is locked.
pub async fn is_thread_of_post_locked(ctx: &Context, post: PostId) -> Result<bool, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let mut conn = conn.conn();
    let Some(post) = db::posts::get_post_ref(&mut conn, post.0).await? else {
        return Ok(false);
    };
    Ok(db::thread_locks::is_thread_locked(&mut conn, post.root_id).await?)
}
