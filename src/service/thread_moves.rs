//! A moderator moves a thread from one of our groups to another (a question asked in the wrong
//! place). They must moderate both groups (or be an admin). The move is in both groups'
//! modlogs, and both groups tell their followers (an `Update` of the opener with its new
//! `audience`, announced by each). A remote group may move a thread of a group on its own
//! instance to itself the same way ([`receive_remote_move`]).

use super::authority::{self, Actor, Change};
use super::{Context, CurrentUser, ServiceError};
use crate::db;
use crate::domain::modlog::{ModlogEntry, ModlogKind};
use crate::domain::{ActorId, DomainEvent, FieldError, PostId};

pub async fn move_thread(
    ctx: &Context,
    user: &CurrentUser,
    thread: PostId,
    target_group: &str,
) -> Result<(), ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let opener = db::posts::get_post_ref(&mut conn, thread.0).await?.ok_or(ServiceError::NotFound)?;
    if opener.id != opener.root_id || opener.deleted_at.is_some() {
        return Err(ServiceError::NotFound);
    }
    let from = opener.group_id.ok_or(ServiceError::Forbidden)?;
    let source = db::actors::get_actor(&mut conn, from).await?.ok_or(ServiceError::NotFound)?;
    if !source.local
        || authority::judge(ctx, &mut conn, Actor::Local(user), &opener, Change::Pin).await?.is_none()
    {
        return Err(ServiceError::Forbidden);
    }
    let target = db::groups::get_group_by_handle(&mut conn, target_group.trim().trim_start_matches('@'))
        .await?
        .filter(|group| group.local && group.kind == "group")
        .ok_or_else(|| {
            ServiceError::from(FieldError::new("group", "no group of this instance has that name"))
        })?;
    if target.id == from {
        return Err(FieldError::new("group", "the thread is in that group already").into());
    }
    let moderates_target = db::groups::get_moderator_role(&mut conn, target.id, user.id.0).await?.is_some();
    if !moderates_target && !user.is_admin() {
        return Err(ServiceError::Forbidden);
    }
    db::thread_moves::update_thread_group(&mut conn, thread.0, target.id).await?;
    let reason = format!("moved from {} to {}", source.name, target.name);
    for group in [from, target.id] {
        let entry = ModlogEntry::new(ModlogKind::ThreadMoved, Some(user.id.0))
            .in_group(Some(group))
            .on_post(thread.0)
            .because(&reason);
        super::modlog::record(ctx, &mut conn, entry).await?;
    }
    let event = DomainEvent::ThreadMoved { post_id: thread.0, from_group_id: from, to_group_id: target.id };
    ctx.emit(&mut conn, event).await?;
    tx.commit().await?;
    Ok(())
}

/// What became of a remote group's move of a thread to itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemoteMove {
    Moved,
    /// The thread was in that group already (the second group's `Announce` of the same move).
    AlreadyThere,
}

/// A remote `group` (whose signature was checked) moves `thread` to itself, as our own groups
/// do (an `Update` of the opener with the group as `audience`). It may when the thread's opener
/// is one we hold in another remote group on the group's own instance: that instance decides
/// what happens in its groups. Only the thread's group changes (all its posts, as for a local
/// move); the opener's content is the author's alone. The move is in both groups' modlogs here,
/// recorded as the moving group's.
pub async fn receive_remote_move(
    ctx: &Context,
    group: ActorId,
    thread: PostId,
) -> Result<RemoteMove, ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let opener = db::posts::get_post_ref(&mut conn, thread.0).await?.ok_or(ServiceError::NotFound)?;
    if opener.id != opener.root_id || opener.deleted_at.is_some() {
        return Err(ServiceError::Forbidden);
    }
    let from = opener.group_id.ok_or(ServiceError::Forbidden)?;
    if from == group.0 {
        return Ok(RemoteMove::AlreadyThere);
    }
    let target = db::actors::get_actor(&mut conn, group.0).await?.ok_or(ServiceError::NotFound)?;
    let source = db::actors::get_actor(&mut conn, from).await?.ok_or(ServiceError::NotFound)?;
    let remote_group = |actor: &crate::db::actors::ActorRow| !actor.local && actor.kind == "group";
    if !remote_group(&target) || !remote_group(&source) || target.host.is_none() || target.host != source.host
    {
        return Err(ServiceError::Forbidden);
    }
    db::thread_moves::update_thread_group(&mut conn, thread.0, target.id).await?;
    let reason = format!("moved from {} to {}", source.name, target.name);
    for in_group in [from, target.id] {
        let entry = ModlogEntry::new(ModlogKind::ThreadMoved, Some(target.id))
            .in_group(Some(in_group))
            .on_post(thread.0)
            .because(&reason)
            .by_remote(true);
        super::modlog::record(ctx, &mut conn, entry).await?;
    }
    tx.commit().await?;
    Ok(RemoteMove::Moved)
}
