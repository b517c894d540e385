//! A local group following remote groups (a project elsewhere, a sister discussion group):
//! its moderators choose them, and their threads make up the group's network feed. The group
//! itself is the follower, so the remote group delivers to it like to any follower.

use super::groups::activity_cursor;
use super::{
    ActorRef, Context, CurrentUser, Paged, PostDetails, ServiceError, paginate, parse_activity_cursor,
};
use crate::db::{self, Conn, actors::ActorRow};
use crate::domain::{ActorId, DomainEvent, FieldError};

/// A remote group a local group follows; `accepted` is false while its Accept is awaited.
#[derive(Debug, Clone)]
pub struct FollowedGroup {
    pub group: ActorRef,
    pub accepted: bool,
}

#[derive(Debug, Clone)]
pub struct NetworkPage {
    pub group: ActorRef,
    /// The viewer owns or moderates the group (and so may change what it follows).
    pub viewer_moderates: bool,
    pub followed: Vec<FollowedGroup>,
    pub threads: Paged<PostDetails>,
}

/// The network feed of a local group: what it follows and their latest threads. Four queries.
pub async fn get_network_page(
    ctx: &Context,
    name: &str,
    viewer: Option<&CurrentUser>,
    cursor: Option<&str>,
) -> Result<NetworkPage, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let group = db::groups::get_group_by_name(&mut conn.conn(), name).await?.ok_or(ServiceError::NotFound)?;
    let viewer_moderates = match viewer {
        Some(viewer) => {
            db::groups::get_moderator_role(&mut conn.conn(), group.id, viewer.id.0).await?.is_some()
        }
        None => false,
    };
    let followed = db::network::list_followed_groups(&mut conn.conn(), group.id)
        .await?
        .into_iter()
        .map(|row| FollowedGroup {
            group: ActorRef { name: row.name, display_name: row.display_name, host: row.host },
            accepted: row.state == "accepted",
        })
        .collect();
    let page_size = ctx.settings.page_size;
    let rows = db::network::list_network_threads(
        &mut conn.conn(),
        viewer.map(|v| v.id.0),
        group.id,
        parse_activity_cursor(cursor),
        page_size + 1,
        ctx.now().millis(),
    )
    .await?;
    let threads = rows.into_iter().map(|row| PostDetails::from_row(row, viewer, false)).collect();
    Ok(NetworkPage {
        group: ActorRef { name: group.name, display_name: group.display_name, host: None },
        viewer_moderates,
        followed,
        threads: paginate(threads, page_size, activity_cursor),
    })
}

/// The local group starts following a remote group (stored beforehand, e.g. found by handle).
/// Pending until the remote group accepts. Returns the remote group's id when the follow is
/// new, so its latest threads can be pulled in.
pub async fn follow_remote_group(
    ctx: &Context,
    user: &CurrentUser,
    group_name: &str,
    target: ActorId,
) -> Result<Option<url::Url>, ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let group = moderated_group(&mut conn, user, group_name).await?;
    let remote = db::actors::get_actor(&mut conn, target.0)
        .await?
        .filter(|a| a.kind == "group" && !a.local)
        .ok_or_else(|| ServiceError::from(FieldError::new("handle", "is not a group on another instance")))?;
    let id = ctx.new_id();
    let created =
        db::follows::insert_follow(&mut conn, id, group.id, remote.id, "pending", ctx.now().millis()).await?;
    if created {
        ctx.emit(
            &mut conn,
            DomainEvent::Followed { follow_id: id, follower_id: group.id, followed_id: remote.id },
        )
        .await?;
    }
    tx.commit().await?;
    Ok(remote.ap_id.filter(|_| created).and_then(|ap_id| url::Url::parse(&ap_id).ok()))
}

/// The local group stops following a remote group (`name@host`).
pub async fn unfollow_remote_group(
    ctx: &Context,
    user: &CurrentUser,
    group_name: &str,
    target_handle: &str,
) -> Result<(), ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let group = moderated_group(&mut conn, user, group_name).await?;
    let remote =
        db::groups::get_group_by_handle(&mut conn, target_handle).await?.ok_or(ServiceError::NotFound)?;
    if let Some(follow_id) = db::follows::get_follow_id(&mut conn, group.id, remote.id).await?
        && db::follows::delete_follow(&mut conn, follow_id).await? == 1
    {
        ctx.emit(
            &mut conn,
            DomainEvent::Unfollowed { follow_id, follower_id: group.id, followed_id: remote.id },
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// A local group the user owns or moderates.
async fn moderated_group(
    conn: &mut Conn<'_>,
    user: &CurrentUser,
    name: &str,
) -> Result<ActorRow, ServiceError> {
    let group = db::groups::get_group_by_name(conn, name).await?.ok_or(ServiceError::NotFound)?;
    if db::groups::get_moderator_role(conn, group.id, user.id.0).await?.is_none() {
        return Err(ServiceError::Forbidden);
    }
    Ok(group)
}
