//! Following people and groups, here and on other instances.

use super::{Context, CurrentUser, ServiceError, notifications};
use crate::db::{self, Conn, actors::ActorRow};
use crate::domain::{ActorId, DomainEvent};

/// Follows a group by handle (`name` here, `name@host` elsewhere). Open local groups accept at
/// once; remote ones stay pending until their Accept arrives. Following twice changes nothing.
/// Returns the id of a remote group followed for the first time (to pull in its threads).
pub async fn follow_group(
    ctx: &Context,
    user: &CurrentUser,
    group_handle: &str,
) -> Result<Option<url::Url>, ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let group =
        db::groups::get_group_by_handle(&mut conn, group_handle).await?.ok_or(ServiceError::NotFound)?;
    let remote_group = follow(ctx, &mut conn, user, &group).await?;
    tx.commit().await?;
    Ok(remote_group)
}

/// Stops following; unfollowing a group one does not follow changes nothing.
pub async fn unfollow_group(
    ctx: &Context,
    user: &CurrentUser,
    group_handle: &str,
) -> Result<(), ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let group =
        db::groups::get_group_by_handle(&mut conn, group_handle).await?.ok_or(ServiceError::NotFound)?;
    unfollow(ctx, &mut conn, user, group.id).await?;
    tx.commit().await?;
    Ok(())
}

/// Follows a person or group by id (the Mastodon API's way), with the rules of
/// [`follow_group`]; following a local person notifies them.
pub async fn follow_actor(
    ctx: &Context,
    user: &CurrentUser,
    actor: ActorId,
) -> Result<Option<url::Url>, ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let target = db::actors::get_actor(&mut conn, actor.0)
        .await?
        .filter(|a| a.kind == "person" || a.kind == "group")
        .ok_or(ServiceError::NotFound)?;
    if target.id == user.id.0 {
        return Err(crate::domain::FieldError::new("id", "you cannot follow yourself").into());
    }
    let remote_group = follow(ctx, &mut conn, user, &target).await?;
    tx.commit().await?;
    Ok(remote_group)
}

/// Whether to notify the member of each new post of an account they follow (Mastodon's
/// `notify` on a follow). Changes nothing when they do not follow it.
pub async fn set_follow_notify(
    ctx: &Context,
    user: &CurrentUser,
    actor: ActorId,
    notify: bool,
) -> Result<(), ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    db::follows::set_follow_notify(&mut conn.conn(), user.id.0, actor.0, notify).await?;
    Ok(())
}

/// Stops following a person or group by id.
pub async fn unfollow_actor(ctx: &Context, user: &CurrentUser, actor: ActorId) -> Result<(), ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    unfollow(ctx, &mut conn, user, actor.0).await?;
    tx.commit().await?;
    Ok(())
}

/// The follow itself, in the caller's transaction: pending for closed and remote actors,
/// recorded once, announced as a domain event. Returns a remote group's id when it is new.
async fn follow(
    ctx: &Context,
    conn: &mut Conn<'_>,
    user: &CurrentUser,
    target: &ActorRow,
) -> Result<Option<url::Url>, ServiceError> {
    // Someone who blocked the member is not followed by them (and, remote, would refuse anyway).
    if super::blocks::member_blocks(conn, target.id, user.id.0).await? {
        return Err(ServiceError::Forbidden);
    }
    let state = if target.closed || !target.local { "pending" } else { "accepted" };
    let id = ctx.new_id();
    let created =
        db::follows::insert_follow(conn, id, user.id.0, target.id, state, ctx.now().millis()).await?;
    if created {
        if target.kind == "person" && state == "accepted" {
            notifications::notify(ctx, conn, target.id, "follow", user.id.0, None).await?;
        }
        if target.kind == "group" && target.local && state == "accepted" {
            notifications::notify_group_join(ctx, conn, target.id, user.id.0).await?;
        }
        ctx.emit(
            conn,
            DomainEvent::Followed { follow_id: id, follower_id: user.id.0, followed_id: target.id },
        )
        .await?;
    }
    let remote_group = target.ap_id.as_deref().filter(|_| created && !target.local && target.kind == "group");
    Ok(remote_group.and_then(|id| url::Url::parse(id).ok()))
}

pub(crate) async fn unfollow(
    ctx: &Context,
    conn: &mut Conn<'_>,
    user: &CurrentUser,
    followed: i64,
) -> Result<(), ServiceError> {
    if let Some(follow_id) = db::follows::get_follow_id(conn, user.id.0, followed).await?
        && db::follows::delete_follow(conn, follow_id).await? == 1
    {
        ctx.emit(conn, DomainEvent::Unfollowed { follow_id, follower_id: user.id.0, followed_id: followed })
            .await?;
    }
    Ok(())
}
