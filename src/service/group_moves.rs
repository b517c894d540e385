//! Moving a group to another instance (issue 15, "Moving"), Mastodon's account migration for
//! groups: a moderator of a local group names the groups elsewhere that are also it (aliases,
//! `alsoKnownAs`) and moves it to one of them; the group's followers are told (`Move`) and
//! local followers follow the new group. When a remote group that people here follow moves,
//! they follow the new one (`account_moves::remote_actor_moved`). The federation layer fetches
//! and checks the other group's document (that it lists the origin in `alsoKnownAs`) before
//! calling these.

use super::account_moves::{self, MAX_ALIASES, MoveSettings};
use super::{Context, CurrentUser, ServiceError};
use crate::db::{self, Conn, actors::ActorRow};
use crate::domain::modlog::{ModlogEntry, ModlogKind};
use crate::domain::{ActorId, DomainEvent, FieldError};

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
    let fields = db::account_moves::get_move_fields(&mut conn.conn(), group.id).await?;
    Ok(fields
        .map(|f| MoveSettings {
            aliases: f
                .also_known_as
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
            moved_to: f.moved_to,
        })
        .unwrap_or_default())
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
    if aliases.len() > MAX_ALIASES {
        return Err(FieldError::new("aliases", format!("at most {MAX_ALIASES} other groups")).into());
    }
    let mut clean: Vec<&str> = Vec::new();
    for alias in aliases {
        let parsed = url::Url::parse(alias)
            .ok()
            .filter(|url| matches!(url.scheme(), "https" | "http") && url.host_str().is_some());
        if parsed.is_none() || alias.contains(['\n', '\r']) {
            return Err(FieldError::new("aliases", "not a group we could find").into());
        }
        if !clean.contains(&alias.as_str()) {
            clean.push(alias);
        }
    }
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let group = moderated_group(&mut conn, user, name).await?;
    db::account_moves::update_also_known_as(&mut conn, group.id, &clean.join("\n")).await?;
    ctx.emit(&mut conn, DomainEvent::ProfileUpdated { actor_id: group.id }).await?;
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
    let not_found = || ServiceError::from(FieldError::new("target", "not a group we could find"));
    let target_row = db::actors::get_actor(&mut conn, target.0)
        .await?
        .filter(|a| a.kind == "group" && !a.local)
        .ok_or_else(not_found)?;
    let target_ap_id = target_row.ap_id.clone().ok_or_else(not_found)?;
    if db::account_moves::get_move_fields(&mut conn, group.id).await?.and_then(|f| f.moved_to).is_some() {
        return Err(FieldError::new("target", "this group has moved already").into());
    }
    db::account_moves::update_moved_to(&mut conn, group.id, &target_ap_id, ctx.now().millis()).await?;
    let entry = ModlogEntry::new(ModlogKind::GroupMoved, Some(user.id.0))
        .in_group(Some(group.id))
        .on_actor(target.0)
        .because(&format!("moved to {target_ap_id}"));
    super::modlog::record(ctx, &mut conn, entry).await?;
    ctx.emit(&mut conn, DomainEvent::AccountMoved { actor_id: group.id, target_id: target.0 }).await?;
    account_moves::hand_over_local_followers(ctx, &mut conn, group.id, &target_row).await?;
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
