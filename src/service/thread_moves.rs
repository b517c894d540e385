//! A moderator moves a thread from one of our groups to another (a question asked in the wrong
//! place). They must moderate both groups (or be an admin). The move is in both groups'
//! modlogs, and both groups tell their followers (an `Update` of the opener with its new
//! `audience`, announced by each).

use super::authority::{self, Actor, Change};
use super::{Context, CurrentUser, ServiceError};
use crate::db;
use crate::domain::modlog::{ModlogEntry, ModlogKind};
use crate::domain::{DomainEvent, FieldError, PostId};

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
