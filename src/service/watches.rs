//! Watching a thread (told of each new reply) or a group (told of each new thread): the
//! notifications `thread_reply` and `group_thread`, which the client API shows as Mastodon's
//! `status` (as Mastodon does for the posts of accounts one subscribed to).

use super::{Context, CurrentUser, ServiceError, notifications};
use crate::db::{self, Conn};
use crate::domain::PostId;

/// A new reply in a thread the recipient watches.
pub const WATCHED_REPLY: &str = "thread_reply";
/// A new thread in a group the recipient watches.
pub const WATCHED_THREAD: &str = "group_thread";

/// Starts or stops watching the thread that `root` opens; the thread must be one the member
/// may see.
pub async fn set_thread_watch(
    ctx: &Context,
    user: &CurrentUser,
    root: PostId,
    watch: bool,
) -> Result<(), ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let post = db::posts::get_post_for_viewer(&mut conn.conn(), Some(user.id.0), root.0, ctx.now().millis())
        .await?
        .ok_or(ServiceError::NotFound)?;
    if post.id != post.root_id || post.deleted_at.is_some() {
        return Err(ServiceError::NotFound);
    }
    if watch {
        db::watches::insert_thread_watch(&mut conn.conn(), user.id.0, root.0, ctx.now().millis()).await?;
    } else {
        db::watches::delete_thread_watch(&mut conn.conn(), user.id.0, root.0).await?;
    }
    Ok(())
}

/// Starts or stops watching a group (by handle: `name` or `name@host`).
pub async fn set_group_watch(
    ctx: &Context,
    user: &CurrentUser,
    handle: &str,
    watch: bool,
) -> Result<(), ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let group =
        db::groups::get_group_by_handle(&mut conn.conn(), handle).await?.ok_or(ServiceError::NotFound)?;
    if watch {
        db::watches::insert_group_watch(&mut conn.conn(), user.id.0, group.id, ctx.now().millis()).await?;
    } else {
        db::watches::delete_group_watch(&mut conn.conn(), user.id.0, group.id).await?;
    }
    Ok(())
}

/// Whether the member watches the thread `root`.
pub async fn watches_thread(ctx: &Context, user: &CurrentUser, root: PostId) -> Result<bool, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::watches::thread_watched(&mut conn.conn(), user.id.0, root.0).await?)
}

/// Whether the member watches the group `group_id`.
pub async fn watches_group(ctx: &Context, user: &CurrentUser, group_id: i64) -> Result<bool, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::watches::group_watched(&mut conn.conn(), user.id.0, group_id).await?)
}

/// Tells the watchers of thread `root` about `reply` by `author` (not the author, nor the
/// author of the answered post, who has a `mention` already).
pub(crate) async fn notify_thread_watchers(
    ctx: &Context,
    conn: &mut Conn<'_>,
    root: i64,
    reply: i64,
    author: i64,
    answered_author: i64,
) -> Result<(), ServiceError> {
    for watcher in db::watches::list_thread_watchers(conn, root, author, answered_author).await? {
        notifications::notify(ctx, conn, watcher, WATCHED_REPLY, author, Some(reply)).await?;
    }
    Ok(())
}

/// Tells the watchers of `group` about the new thread `thread` by `author`.
pub(crate) async fn notify_group_watchers(
    ctx: &Context,
    conn: &mut Conn<'_>,
    group: i64,
    thread: i64,
    author: i64,
) -> Result<(), ServiceError> {
    for watcher in db::watches::list_group_watchers(conn, group, author).await? {
        notifications::notify(ctx, conn, watcher, WATCHED_THREAD, author, Some(thread)).await?;
    }
    Ok(())
}
