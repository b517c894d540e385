//! Moving a group to another instance (issue 15, "Moving"), Mastodon's account migration for
//! groups: a moderator of a local group names the groups elsewhere that are also it (aliases,
//! `alsoKnownAs`) and moves it to one of them; the group's followers are told (`Move`) and
//! local followers follow the new group. When a remote group that people here follow moves,
//! they follow the new one (`account_moves::remote_actor_moved`). The federation layer fetches
//! and checks the other group's document (that it lists the origin in `alsoKnownAs`) before
//! calling these.

use super::account_moves::{self, MoveSettings, MoveWords};
use super::{Context, CurrentUser, ServiceError};
use crate::db::{self, Conn, actors::ActorRow};
use crate::domain::modlog::{ModlogEntry, ModlogKind};
use crate::domain::{ActorId, FieldError};

const GROUP_WORDS: MoveWords = MoveWords {
    others: "groups",
    not_found: "not a group we could find",
    moved_already: "this group has moved already",
};

/// The local group `name`, when `user` moderates it (or is an admin).
async fn moderated_group(
    conn: &mut Conn<'_>,
    user: &CurrentUser,
    name: &str,
) -> Result<ActorRow, ServiceError> {
    let group = db::actors::get_local_actor_by_name(conn, name)
        .await?
        .filter(|actor| actor.kind == "group")
        .ok_or(ServiceError::NotFound)?;
    if db::groups::get_moderator_role(conn, group.id, user.id.0).await?.is_none() && !user.is_admin() {
        return Err(ServiceError::Forbidden);
    }
    Ok(group)
}

/// The group's id when `user` may move it.
pub async fn movable_group(ctx: &Context, user: &CurrentUser, name: &str) -> Result<ActorId, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(ActorId(moderated_group(&mut conn.conn(), user, name).await?.id))
}

/// The group's aliases and, once moved, where it went.
pub async fn get_move_settings(
    ctx: &Context,
    user: &CurrentUser,
    name: &str,
) -> Result<MoveSettings, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let group = moderated_group(&mut conn.conn(), user, name).await?;
    account_moves::move_settings_of(&mut conn.conn(), group.id).await
}

/// Replaces the group's aliases with `aliases` (ActivityPub ids of groups elsewhere, resolved
/// by the caller): its document then lists them in `alsoKnownAs`, so a group there may move
/// here. Followers get the new document (`Update`).
pub async fn set_aliases(
    ctx: &Context,
    user: &CurrentUser,
    name: &str,
    aliases: &[String],
) -> Result<(), ServiceError> {
    let clean = account_moves::clean_aliases(aliases, &GROUP_WORDS)?;
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let group = moderated_group(&mut conn, user, name).await?;
    account_moves::store_aliases(ctx, &mut conn, group.id, &clean).await?;
    tx.commit().await?;
    Ok(())
}

/// A moderator moves local group `name` to `target`, a group elsewhere whose `alsoKnownAs`
/// lists this one (checked by the caller on a fresh copy of its document). The group is marked
/// moved (its document says `movedTo`), the move is in its modlog, its followers are sent a
/// `Move`, and local followers follow the new group instead.
pub async fn move_group(
    ctx: &Context,
    user: &CurrentUser,
    name: &str,
    target: ActorId,
) -> Result<(), ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let group = moderated_group(&mut conn, user, name).await?;
    let target_ap_id =
        account_moves::move_local_actor(ctx, &mut conn, group.id, "group", target, &GROUP_WORDS).await?;
    let entry = ModlogEntry::new(ModlogKind::GroupMoved, Some(user.id.0))
        .in_group(Some(group.id))
        .on_actor(target.0)
        .because(&format!("moved to {target_ap_id}"));
    super::modlog::record(ctx, &mut conn, entry).await?;
    tx.commit().await?;
    Ok(())
}

/// How a new thread or reply in a group that moved is refused; the group's new place follows.
pub const GROUP_MOVED: &str = "this group has moved to ";

/// Refuses a new thread or reply in a group (ours or one elsewhere) that moved away, naming
/// where it went: the new group's handle when we know it, else its ActivityPub id.
pub(crate) async fn refuse_if_moved(conn: &mut Conn<'_>, group_id: Option<i64>) -> Result<(), ServiceError> {
    let Some(group_id) = group_id else {
        return Ok(());
    };
    let Some(target) = db::account_moves::get_move_fields(conn, group_id).await?.and_then(|f| f.moved_to)
    else {
        return Ok(());
    };
    let moved = super::users::move_target(conn, target).await?;
    let place = moved.handle.map_or(moved.id, |handle| format!("@{handle}"));
    Err(FieldError::new("body", format!("{GROUP_MOVED}{place}")).into())
}

/// [`refuse_if_moved`] for a post from elsewhere: only our own groups refuse (a group elsewhere
/// is its own instance's business).
pub(crate) async fn refuse_if_moved_here(
    conn: &mut Conn<'_>,
    group_id: Option<i64>,
) -> Result<(), ServiceError> {
    let Some(group_id) = group_id else {
        return Ok(());
    };
    if db::actors::get_actor(conn, group_id).await?.is_some_and(|group| group.local) {
        refuse_if_moved(conn, Some(group_id)).await?;
    }
    Ok(())
}

/// Whether the group moved away, and where (an ActivityPub id).
pub async fn moved_to(ctx: &Context, group: ActorId) -> Result<Option<String>, ServiceError> {
    account_moves::moved_to(ctx, group).await
}
