//! Bans of people from groups.
//!
//! A moderator of one of our groups bans a person (ours or remote) with a reason, an optional
//! end and optionally the removal of their content in the group; the group tells its followers
//! (Lemmy's `Block` with the group as `target`). Remote groups' bans of our members arrive the
//! same way and are honoured here. Whatever the front door, a banned person's new threads,
//! replies, likes and event answers in the group are refused by [`refuse_if_banned`], the one
//! check every path calls. A ban past its end no longer counts (queries compare with the time).

use super::{ActorRef, Context, CurrentUser, ServiceError, modlog, removals};
use crate::db::group_bans::{BanRow, NewBan};
use crate::db::{self, Conn};
use crate::domain::modlog::{ModlogEntry, ModlogKind, parse_reason, remote_reason};
use crate::domain::{ActorId, DomainEvent, FieldError, FieldErrors, Timestamp};

/// Why a banned person's post, like or answer is refused (shown to them, sent to their app).
pub const BANNED: &str = "you are banned from this group";

/// What a moderator fills in to ban someone.
#[derive(Debug, Clone, Default)]
pub struct BanInput {
    /// `name` (one of ours) or `name@host`.
    pub handle: String,
    pub reason: String,
    /// Days until the ban ends, as typed; empty bans until lifted.
    pub days: String,
    pub remove_data: bool,
}

/// A ban as the group's moderators see it.
#[derive(Debug, Clone)]
pub struct BanView {
    pub person: ActorRef,
    pub reason: String,
    pub expires_at: Option<Timestamp>,
    pub banned_at: Timestamp,
    /// Who banned (shown to the group's moderators only).
    pub moderator: Option<String>,
}

/// What a banned person is told on the group's page.
#[derive(Debug, Clone)]
pub struct BanNotice {
    pub reason: String,
    pub expires_at: Option<Timestamp>,
}

/// Refuses when `actor` is banned from `group_id` now (Invalid, with [`BANNED`] on `body`, so
/// forms show it and the client API answers 422). Call it in the transaction of the action.
pub async fn refuse_if_banned(
    ctx: &Context,
    conn: &mut Conn<'_>,
    group_id: Option<i64>,
    actor: ActorId,
) -> Result<(), ServiceError> {
    let Some(group_id) = group_id else {
        return Ok(());
    };
    if db::group_bans::is_banned(conn, group_id, actor.0, ctx.now().millis()).await? {
        return Err(FieldError::new("body", BANNED).into());
    }
    Ok(())
}

/// A moderator (or admin) of our group `group` bans a person.
pub async fn ban_person(
    ctx: &Context,
    user: &CurrentUser,
    group: &str,
    input: BanInput,
) -> Result<(), ServiceError> {
    let mut errors = FieldErrors::new();
    let reason = errors.check(parse_reason("reason", &input.reason));
    let days = match input.days.trim() {
        "" => None,
        text => match text.parse::<i64>() {
            Ok(days) if (1..=3650).contains(&days) => Some(days),
            _ => {
                errors.push(FieldError::new("days", "must be a whole number from 1 to 3650"));
                None
            }
        },
    };
    super::error::refuse_if_any(errors)?;
    let reason = reason.unwrap_or_default();
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let group = moderated_group(ctx, &mut conn, group, user).await?;
    let person = find_person(&mut conn, input.handle.trim()).await?;
    if db::groups::get_moderator_role(&mut conn, group, person.0).await?.is_some() {
        return Err(FieldError::new("actor", "moderators cannot be banned from their group").into());
    }
    let now = ctx.now().millis();
    let expires_at = days.map(|days| now + days * 24 * 3600 * 1000);
    let block_id = ctx.new_id();
    let ap_id = block_id.to_string();
    let ban = NewBan {
        group_id: group,
        actor_id: person.0,
        moderator_id: Some(user.id.0),
        reason: &reason,
        expires_at,
        remove_data: input.remove_data,
        ap_id: Some(&ap_id),
        now,
    };
    db::group_bans::upsert_ban(&mut conn, &ban).await?;
    let entry = ModlogEntry::new(ModlogKind::Ban, Some(user.id.0))
        .in_group(Some(group))
        .on_actor(person.0)
        .because(&reason)
        .until(expires_at);
    modlog::record(ctx, &mut conn, entry).await?;
    if input.remove_data {
        for post in db::removals::list_live_post_ids_of_author_in_group(&mut conn, person.0, group).await? {
            if let Some(row) = db::posts::get_post_ref(&mut conn, post).await? {
                removals::remove_in(ctx, &mut conn, row.id, row.root_id, row.group_id, user.id, &reason)
                    .await?;
            }
        }
    }
    let event = DomainEvent::GroupBanChanged {
        group_id: group,
        actor_id: person.0,
        moderator_id: user.id.0,
        block_id,
        banned: true,
    };
    ctx.emit(&mut conn, event).await?;
    tx.commit().await?;
    Ok(())
}

/// Lifts a ban in our group `group` of the person `handle`.
pub async fn unban_person(
    ctx: &Context,
    user: &CurrentUser,
    group: &str,
    handle: &str,
) -> Result<(), ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let group = moderated_group(ctx, &mut conn, group, user).await?;
    let person = find_person(&mut conn, handle.trim()).await?;
    let now = ctx.now().millis();
    let ban = db::group_bans::get_active_ban(&mut conn, group, person.0, now)
        .await?
        .ok_or(ServiceError::NotFound)?;
    db::group_bans::delete_ban(&mut conn, group, person.0, now).await?;
    let entry = ModlogEntry::new(ModlogKind::Unban, Some(user.id.0)).in_group(Some(group)).on_actor(person.0);
    modlog::record(ctx, &mut conn, entry).await?;
    // The Undo names the Block that announced the ban; an unparsable id gets a new one.
    let block_id = ban.ap_id.and_then(|id| id.parse().ok()).unwrap_or_else(|| ctx.new_id());
    let event = DomainEvent::GroupBanChanged {
        group_id: group,
        actor_id: person.0,
        moderator_id: user.id.0,
        block_id,
        banned: false,
    };
    ctx.emit(&mut conn, event).await?;
    tx.commit().await?;
    Ok(())
}

/// The bans in force in our group `group`, for its moderators.
pub async fn list_bans(ctx: &Context, user: &CurrentUser, group: &str) -> Result<Vec<BanView>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let group = moderated_group(ctx, &mut conn.conn(), group, user).await?;
    let rows = db::group_bans::list_active_bans(&mut conn.conn(), group, ctx.now().millis()).await?;
    Ok(rows.into_iter().map(ban_view).collect())
}

/// Whether the viewer may ban and see the bans of `group` (for links on its pages).
pub async fn may_ban(ctx: &Context, user: &CurrentUser, group: &str) -> Result<bool, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    match moderated_group(ctx, &mut conn.conn(), group, user).await {
        Ok(_) => Ok(true),
        Err(ServiceError::Forbidden) => Ok(false),
        Err(other) => Err(other),
    }
}

/// A remote group (or its moderator `moderator`, checked by the caller) bans `person` from
/// it. Only bans of our own members are kept: theirs are what our UI must honour.
#[allow(clippy::too_many_arguments)]
pub async fn store_remote_ban(
    ctx: &Context,
    group: ActorId,
    moderator: ActorId,
    person: ActorId,
    reason: Option<&str>,
    expires_at: Option<i64>,
    remove_data: bool,
    block_ap_id: &str,
) -> Result<bool, ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let Some(member) = db::actors::get_actor(&mut conn, person.0).await? else {
        return Ok(false);
    };
    if !member.local || member.kind != "person" {
        return Ok(false);
    }
    let reason = remote_reason(reason);
    let now = ctx.now().millis();
    let ban = NewBan {
        group_id: group.0,
        actor_id: person.0,
        moderator_id: Some(moderator.0),
        reason: &reason,
        expires_at,
        remove_data,
        ap_id: Some(block_ap_id),
        now,
    };
    db::group_bans::upsert_ban(&mut conn, &ban).await?;
    let entry = ModlogEntry::new(ModlogKind::Ban, Some(moderator.0))
        .in_group(Some(group.0))
        .on_actor(person.0)
        .because(&reason)
        .until(expires_at)
        .by_remote(true);
    modlog::record(ctx, &mut conn, entry).await?;
    tx.commit().await?;
    Ok(true)
}

/// A remote group (or its moderator) lifts its ban of one of our members.
pub async fn lift_remote_ban(
    ctx: &Context,
    group: ActorId,
    moderator: ActorId,
    person: ActorId,
) -> Result<bool, ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    if !db::group_bans::delete_ban(&mut conn, group.0, person.0, ctx.now().millis()).await? {
        return Ok(false);
    }
    let entry = ModlogEntry::new(ModlogKind::Unban, Some(moderator.0))
        .in_group(Some(group.0))
        .on_actor(person.0)
        .by_remote(true);
    modlog::record(ctx, &mut conn, entry).await?;
    tx.commit().await?;
    Ok(true)
}

/// Our group `name`, when `user` may moderate it; Forbidden otherwise.
async fn moderated_group(
    ctx: &Context,
    conn: &mut Conn<'_>,
    name: &str,
    user: &CurrentUser,
) -> Result<i64, ServiceError> {
    let group = db::groups::get_group_by_name(conn, name).await?.ok_or(ServiceError::NotFound)?;
    if !removals::may_moderate(ctx, conn, Some(group.id), user).await? {
        return Err(ServiceError::Forbidden);
    }
    Ok(group.id)
}

/// A person known here by handle: `name` (ours) or `name@host`.
async fn find_person(conn: &mut Conn<'_>, handle: &str) -> Result<ActorId, ServiceError> {
    let handle = handle.trim_start_matches('@');
    let actor = match handle.split_once('@') {
        None => db::actors::get_local_actor_by_name(conn, handle).await?,
        Some((name, host)) => db::actors::get_remote_actor_by_handle(conn, name, host).await?,
    };
    match actor.filter(|actor| actor.kind == "person") {
        Some(actor) => Ok(ActorId(actor.id)),
        None => Err(FieldError::new("actor", "no such person is known here").into()),
    }
}

fn handle(name: String, host: Option<String>) -> String {
    match host {
        Some(host) => format!("{name}@{host}"),
        None => name,
    }
}

fn ban_view(row: BanRow) -> BanView {
    BanView {
        person: ActorRef { name: row.actor_name, display_name: String::new(), host: row.actor_host },
        reason: row.reason,
        expires_at: row.expires_at.map(Timestamp::from_millis),
        banned_at: Timestamp::from_millis(row.created_at),
        moderator: row.moderator_name.map(|name| handle(name, row.moderator_host)),
    }
}

/// A remote group stored here, by its ActivityPub id (whose bans we may hear of).
pub async fn remote_group_by_ap_id(ctx: &Context, ap_id: &str) -> Result<Option<ActorId>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let group = db::actors::get_actor_by_ap_id(&mut conn.conn(), ap_id).await?;
    Ok(group.filter(|g| !g.local && g.kind == "group").map(|g| ActorId(g.id)))
}
