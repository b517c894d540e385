//! Following groups (and, with federation, people and remote groups).

use super::{Context, CurrentUser, ServiceError};
use crate::db;
use crate::domain::DomainEvent;

/// Follows a group by handle (`name` here, `name@host` elsewhere). Open local groups accept at
/// once; remote ones stay pending until their Accept arrives. Following twice changes nothing.
pub async fn follow_group(ctx: &Context, user: &CurrentUser, group_handle: &str) -> Result<(), ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let group =
        db::groups::get_group_by_handle(&mut conn, group_handle).await?.ok_or(ServiceError::NotFound)?;
    let state = if group.closed || !group.local { "pending" } else { "accepted" };
    let id = ctx.new_id();
    if db::follows::insert_follow(&mut conn, id, user.id.0, group.id, state, ctx.now().millis()).await? {
        ctx.emit(
            &mut conn,
            DomainEvent::Followed { follow_id: id, follower_id: user.id.0, followed_id: group.id },
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
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
    if let Some(follow_id) = db::follows::get_follow_id(&mut conn, user.id.0, group.id).await?
        && db::follows::delete_follow(&mut conn, follow_id).await? == 1
    {
        ctx.emit(
            &mut conn,
            DomainEvent::Unfollowed { follow_id, follower_id: user.id.0, followed_id: group.id },
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}
