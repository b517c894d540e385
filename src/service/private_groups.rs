//! Private groups (Lemmy 1.0's private communities) and who may read a post. A closed group
//! (new followers need approval, `follow_requests`) is private: its posts are `members`
//! posts, served only to its members (accepted followers and moderators) and, over
//! ActivityPub, to signed fetches by members or by instances that host one; they are listed
//! nowhere public. Personal posts may be `unlisted` or followers-only (`private`). The SQL
//! rules are in `db::visibility`.

use super::{Context, ServiceError};
use crate::db::{self, Conn};
use crate::domain::{ActorId, PostId};

/// Whether the group with this handle is private.
pub async fn is_private_group(ctx: &Context, handle: &str) -> Result<bool, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::groups::get_group_by_handle(&mut conn.conn(), handle).await?.is_some_and(|group| group.closed))
}

/// Whether actor `group` is a closed group.
pub async fn is_closed(conn: &mut Conn<'_>, group: i64) -> Result<bool, ServiceError> {
    Ok(db::visibility::is_closed_group(conn, group).await?)
}

/// Only members start threads in a private group.
pub async fn refuse_unless_member(
    conn: &mut Conn<'_>,
    group: i64,
    actor: ActorId,
) -> Result<(), ServiceError> {
    if db::visibility::is_closed_group(conn, group).await?
        && !db::visibility::is_member(conn, group, actor.0).await?
    {
        return Err(ServiceError::Forbidden);
    }
    Ok(())
}

/// Whether `viewer` (signed out: None) may read post `post`.
pub async fn may_read(ctx: &Context, viewer: Option<ActorId>, post: PostId) -> Result<bool, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::visibility::is_readable_by(&mut conn.conn(), viewer.map(|v| v.0), post.0).await?)
}

/// The stored visibility of a post (public when it is not known).
pub async fn visibility_of(ctx: &Context, post: PostId) -> Result<crate::domain::Visibility, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::visibility::get_visibility(&mut conn.conn(), post.0)
        .await?
        .map_or(crate::domain::Visibility::Public, |v| crate::domain::Visibility::from_stored(&v)))
}

/// Whether an ActivityPub GET may see post `post`: open posts to anyone (as far as signed
/// fetch allows); others only to a verified signer who may read it or whose instance hosts
/// someone who may.
pub async fn may_fetch(ctx: &Context, signer: Option<ActorId>, post: PostId) -> Result<bool, ServiceError> {
    if visibility_of(ctx, post).await?.is_open() {
        return Ok(true);
    }
    let Some(signer) = signer else { return Ok(false) };
    let mut conn = ctx.db.acquire().await?;
    Ok(db::visibility::is_fetchable_by(&mut conn.conn(), signer.0, post.0).await?)
}

/// A group was closed or opened: its posts follow (in the caller's transaction).
pub async fn group_closed_changed(conn: &mut Conn<'_>, group: i64, closed: bool) -> Result<(), ServiceError> {
    db::visibility::update_group_posts(conn, group, closed).await?;
    Ok(())
}

/// A remote group's document said whether it is private (`manuallyApprovesFollowers`); when
/// that changed, the posts we hold of it follow (in the caller's transaction).
pub(crate) async fn store_remote_group_private(
    conn: &mut Conn<'_>,
    group: ActorId,
    private: bool,
) -> Result<(), ServiceError> {
    if db::visibility::set_remote_closed(conn, group.0, private).await? {
        db::visibility::update_group_posts(conn, group.0, private).await?;
    }
    Ok(())
}

/// The group post `post` is in, if any (a received reply reads its addressing as its thread's
/// group does), and whether that group is private.
pub async fn group_of_post(ctx: &Context, post: PostId) -> Result<Option<(ActorId, bool)>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let Some(group) = db::posts::get_post_ref(&mut conn.conn(), post.0).await?.and_then(|row| row.group_id)
    else {
        return Ok(None);
    };
    Ok(Some((ActorId(group), db::visibility::is_closed_group(&mut conn.conn(), group).await?)))
}

/// Whether actor `group` is a private group.
pub async fn is_private(ctx: &Context, group: ActorId) -> Result<bool, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::visibility::is_closed_group(&mut conn.conn(), group.0).await?)
}
