//! Closed groups: the owner decides that new followers need approval; a follow (local or
//! remote) then waits as pending, and the group's moderators approve it (the remote follower
//! gets the `Accept`) or reject it (the remote follower gets a `Reject`, the request is removed).

use super::{Context, CurrentUser, ServiceError};
use crate::db::{self, actors::ActorRow, follows::PendingFollowRow};
use crate::domain::{DomainEvent, Timestamp};

/// Requests shown on one page at most.
pub const REQUESTS_SHOWN: i64 = 200;

/// A pending follow as moderators see it.
#[derive(Debug, Clone)]
pub struct FollowRequest {
    pub id: i64,
    /// `name` for local people, `name@host` for remote ones.
    pub handle: String,
    pub display_name: String,
    /// The follower's page: ours for local people, their own server's for remote ones.
    pub url: String,
    pub asked_at: Timestamp,
}

/// A closed group's requests and settings, for its moderators.
#[derive(Debug, Clone)]
pub struct RequestsPage {
    pub group_name: String,
    pub group_title: String,
    pub closed: bool,
    /// Whether the viewer may change `closed` (the owner, or an admin).
    pub viewer_owns: bool,
    pub requests: Vec<FollowRequest>,
}

/// The group `name` and the viewer's role in it; only moderators, owners and admins pass.
async fn moderated_group(
    conn: &mut db::Conn<'_>,
    user: &CurrentUser,
    name: &str,
) -> Result<(ActorRow, bool), ServiceError> {
    let group = db::actors::get_local_actor_by_name(conn, name)
        .await?
        .filter(|actor| actor.kind == "group")
        .ok_or(ServiceError::NotFound)?;
    let role = db::groups::get_moderator_role(conn, group.id, user.id.0).await?;
    let owns = role.as_deref() == Some("owner") || user.is_admin();
    if role.is_none() && !user.is_admin() {
        return Err(ServiceError::Forbidden);
    }
    Ok((group, owns))
}

pub async fn get_requests_page(
    ctx: &Context,
    user: &CurrentUser,
    name: &str,
) -> Result<RequestsPage, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let (group, owns) = moderated_group(&mut conn.conn(), user, name).await?;
    let rows = db::follows::list_pending_follows(&mut conn.conn(), group.id, REQUESTS_SHOWN).await?;
    Ok(RequestsPage {
        group_title: if group.display_name.is_empty() {
            group.name.clone()
        } else {
            group.display_name.clone()
        },
        group_name: group.name,
        closed: group.closed,
        viewer_owns: owns,
        requests: rows.into_iter().map(request_of).collect(),
    })
}

fn request_of(row: PendingFollowRow) -> FollowRequest {
    let (handle, url) = match (&row.follower_host, row.follower_local) {
        (Some(host), false) => {
            (format!("{}@{host}", row.follower_name), row.follower_ap_id.clone().unwrap_or_default())
        }
        _ => (row.follower_name.clone(), format!("/u/{}", row.follower_name)),
    };
    FollowRequest {
        id: row.id,
        display_name: if row.follower_display_name.is_empty() {
            handle.clone()
        } else {
            row.follower_display_name
        },
        handle,
        url,
        asked_at: Timestamp::from_millis(row.created_at),
    }
}

/// The owner (or an admin) opens or closes the group to new followers. Closing does not touch
/// who follows already, but makes the group private: its threads are then for its members.
pub async fn set_closed(
    ctx: &Context,
    user: &CurrentUser,
    name: &str,
    closed: bool,
) -> Result<(), ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let (group, owns) = moderated_group(&mut conn, user, name).await?;
    if !owns {
        return Err(ServiceError::Forbidden);
    }
    db::actors::update_actor_closed(&mut conn, group.id, closed, ctx.now().millis()).await?;
    // A closed group is private: its posts are for its members from now on (issue 15).
    super::private_groups::group_closed_changed(&mut conn, group.id, closed).await?;
    // Followers elsewhere learn it from the group's `Update` (`manuallyApprovesFollowers`).
    ctx.emit(&mut conn, crate::domain::DomainEvent::ProfileUpdated { actor_id: group.id }).await?;
    tx.commit().await?;
    Ok(())
}

/// A moderator approves a pending follow: it becomes active, and a remote follower is sent
/// the `Accept` of its `Follow`.
pub async fn approve(
    ctx: &Context,
    user: &CurrentUser,
    name: &str,
    follow_id: i64,
) -> Result<(), ServiceError> {
    decide(ctx, user, name, follow_id, true).await
}

/// A moderator rejects a pending follow: the request is removed, and a remote follower is sent
/// a `Reject` of its `Follow`.
pub async fn reject(
    ctx: &Context,
    user: &CurrentUser,
    name: &str,
    follow_id: i64,
) -> Result<(), ServiceError> {
    decide(ctx, user, name, follow_id, false).await
}

/// Approves (`accept`) or rejects one of the group's pending follows, in one transaction with
/// the event that answers a remote follower.
async fn decide(
    ctx: &Context,
    user: &CurrentUser,
    name: &str,
    follow_id: i64,
    accept: bool,
) -> Result<(), ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let (group, _) = moderated_group(&mut conn, user, name).await?;
    let follow = db::follows::get_pending_follow(&mut conn, group.id, follow_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if accept {
        if !db::follows::update_follow_accepted_by_id(&mut conn, follow.id).await? {
            return Err(ServiceError::NotFound);
        }
    } else {
        db::follows::delete_follow(&mut conn, follow.id).await?;
    }
    if let Some(follow_ap_id) = follow.ap_id.filter(|_| !follow.follower_local) {
        let (follower_id, followed_id) = (follow.follower_id, group.id);
        let event = if accept {
            DomainEvent::FollowAccepted { follow_id: follow.id, follower_id, followed_id, follow_ap_id }
        } else {
            DomainEvent::FollowRejected { follower_id, followed_id, follow_ap_id }
        };
        ctx.emit(&mut conn, event).await?;
    }
    tx.commit().await?;
    Ok(())
}
