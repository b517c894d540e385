//! Account migration (Mastodon's `Move` with `alsoKnownAs`), both ways: a member names the
//! accounts that are also theirs and moves to one elsewhere, and a remote person who moved
//! takes their local followers along. The federation layer fetches and checks the other
//! account's document (that it lists the origin in `alsoKnownAs`) before calling these.

use super::{Context, CurrentUser, ServiceError};
use crate::db::{self, Conn, actors::ActorRow};
use crate::domain::{ActorId, DomainEvent, FieldError};

/// How many other accounts a member may name as theirs (Mastodon allows a handful too).
pub const MAX_ALIASES: usize = 10;

/// The member's aliases and, once moved, where the account went (ActivityPub ids).
#[derive(Debug, Clone, Default)]
pub struct MoveSettings {
    pub aliases: Vec<String>,
    pub moved_to: Option<String>,
}

fn split_aliases(column: &str) -> Vec<String> {
    column.lines().map(str::trim).filter(|line| !line.is_empty()).map(str::to_owned).collect()
}

/// The other accounts an actor says are also theirs, as stored (ActivityPub ids).
pub async fn aliases_of(ctx: &Context, actor: ActorId) -> Result<Vec<String>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let fields = db::account_moves::get_move_fields(&mut conn.conn(), actor.0).await?;
    Ok(fields.map(|f| split_aliases(&f.also_known_as)).unwrap_or_default())
}

pub async fn get_move_settings(ctx: &Context, user: &CurrentUser) -> Result<MoveSettings, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    move_settings_of(&mut conn.conn(), user.id.0).await
}

/// An actor's aliases and where it moved, as its moving page shows them.
pub(super) async fn move_settings_of(conn: &mut Conn<'_>, actor: i64) -> Result<MoveSettings, ServiceError> {
    let fields = db::account_moves::get_move_fields(conn, actor).await?;
    Ok(fields
        .map(|f| MoveSettings { aliases: split_aliases(&f.also_known_as), moved_to: f.moved_to })
        .unwrap_or_default())
}

/// What a move refuses, in the words of the kind that moves (an account or a group).
pub(super) struct MoveWords {
    /// `accounts`, `groups`.
    pub others: &'static str,
    /// `not an account we could find`.
    pub not_found: &'static str,
    /// `this account has moved already`.
    pub moved_already: &'static str,
}

pub(super) const ACCOUNT_WORDS: MoveWords = MoveWords {
    others: "accounts",
    not_found: "not an account we could find",
    moved_already: "this account has moved already",
};

/// Replaces the member's aliases with `aliases`: ActivityPub ids of accounts elsewhere (the
/// web handler resolves what the member typed). Their actor document then lists them in
/// `alsoKnownAs`, so an account there may move here. Followers hear of it (`Update`).
pub async fn set_aliases(ctx: &Context, user: &CurrentUser, aliases: &[String]) -> Result<(), ServiceError> {
    let clean = clean_aliases(aliases, &ACCOUNT_WORDS)?;
    let mut tx = ctx.db.begin().await?;
    store_aliases(ctx, &mut tx.conn(), user.id.0, &clean).await?;
    tx.commit().await?;
    Ok(())
}

/// The aliases to store: each a web address with a host, each once, at most [`MAX_ALIASES`].
pub(super) fn clean_aliases<'a>(
    aliases: &'a [String],
    words: &MoveWords,
) -> Result<Vec<&'a str>, ServiceError> {
    if aliases.len() > MAX_ALIASES {
        return Err(
            FieldError::new("aliases", format!("at most {MAX_ALIASES} other {}", words.others)).into()
        );
    }
    let mut clean: Vec<&str> = Vec::new();
    for alias in aliases {
        let parsed = url::Url::parse(alias)
            .ok()
            .filter(|url| matches!(url.scheme(), "https" | "http") && url.host_str().is_some());
        if parsed.is_none() || alias.contains(['\n', '\r']) {
            return Err(FieldError::new("aliases", words.not_found).into());
        }
        if !clean.contains(&alias.as_str()) {
            clean.push(alias);
        }
    }
    Ok(clean)
}

/// Stores `actor`'s aliases (its document lists them in `alsoKnownAs`); its followers get the
/// new document (`Update`).
pub(super) async fn store_aliases(
    ctx: &Context,
    conn: &mut Conn<'_>,
    actor: i64,
    aliases: &[&str],
) -> Result<(), ServiceError> {
    db::account_moves::update_also_known_as(conn, actor, &aliases.join("\n")).await?;
    ctx.emit(conn, DomainEvent::ProfileUpdated { actor_id: actor }).await?;
    Ok(())
}

/// Whether the account moved away; a moved account no longer posts here.
pub async fn moved_to(ctx: &Context, actor: ActorId) -> Result<Option<String>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::account_moves::get_move_fields(&mut conn.conn(), actor.0).await?.and_then(|f| f.moved_to))
}

/// Refuses a new post (or reply) by an account that moved away.
pub(crate) async fn refuse_if_moved(conn: &mut Conn<'_>, author: ActorId) -> Result<(), ServiceError> {
    let moved = db::account_moves::get_move_fields(conn, author.0).await?.and_then(|f| f.moved_to);
    match moved {
        Some(target) => Err(FieldError::new("body", format!("this account has moved to {target}")).into()),
        None => Ok(()),
    }
}

/// The member moves to `target`, a person elsewhere whose `alsoKnownAs` lists this account
/// (checked by the caller on a fresh copy of its document). The account is marked moved, its
/// followers are told (`Move`), and local followers follow the new account instead.
pub async fn move_member(ctx: &Context, user: &CurrentUser, target: ActorId) -> Result<(), ServiceError> {
    let mut tx = ctx.db.begin().await?;
    move_local_actor(ctx, &mut tx.conn(), user.id.0, "person", target, &ACCOUNT_WORDS).await?;
    tx.commit().await?;
    Ok(())
}

/// Moves our actor `origin` to `target`, a remote actor of `kind` (checked by the caller to
/// list the origin in `alsoKnownAs`): marked moved, its followers told (`Move`), local
/// followers handed over. Returns where it went (an ActivityPub id).
pub(super) async fn move_local_actor(
    ctx: &Context,
    conn: &mut Conn<'_>,
    origin: i64,
    kind: &str,
    target: ActorId,
    words: &MoveWords,
) -> Result<String, ServiceError> {
    let not_found = || ServiceError::from(FieldError::new("target", words.not_found));
    let target_row = db::actors::get_actor(conn, target.0)
        .await?
        .filter(|a| a.kind == kind && !a.local)
        .ok_or_else(not_found)?;
    let target_ap_id = target_row.ap_id.clone().ok_or_else(not_found)?;
    if db::account_moves::get_move_fields(conn, origin).await?.and_then(|f| f.moved_to).is_some() {
        return Err(FieldError::new("target", words.moved_already).into());
    }
    db::account_moves::update_moved_to(conn, origin, &target_ap_id, ctx.now().millis()).await?;
    ctx.emit(conn, DomainEvent::AccountMoved { actor_id: origin, target_id: target.0 }).await?;
    hand_over_local_followers(ctx, conn, origin, &target_row).await?;
    Ok(target_ap_id)
}

/// A remote person or group (`origin`) moved to `target`, an actor of the same kind
/// (`target_id` is its ActivityPub id), checked by the caller: its document lists `origin` in
/// `alsoKnownAs`. The origin is marked moved and every local follower unfollows it and follows
/// the target. Returns how many were handed over; a repeated `Move` hands over nobody twice.
pub async fn remote_actor_moved(
    ctx: &Context,
    origin: ActorId,
    target: ActorId,
    target_id: &str,
) -> Result<usize, ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let origin_row = db::actors::get_actor(&mut conn, origin.0).await?.ok_or(ServiceError::NotFound)?;
    let target_row = db::actors::get_actor(&mut conn, target.0).await?.ok_or(ServiceError::NotFound)?;
    let movable = matches!(origin_row.kind.as_str(), "person" | "group");
    if origin_row.local || !movable || target_row.kind != origin_row.kind || origin == target {
        return Err(ServiceError::Forbidden);
    }
    db::account_moves::update_moved_to(&mut conn, origin.0, target_id, ctx.now().millis()).await?;
    let handed = hand_over_local_followers(ctx, &mut conn, origin.0, &target_row).await?;
    tx.commit().await?;
    Ok(handed)
}

/// Each local person who follows `old` unfollows it and follows `new` (unless `new` blocks
/// them, or they follow it already), through the usual follow events.
async fn hand_over_local_followers(
    ctx: &Context,
    conn: &mut Conn<'_>,
    old: i64,
    new: &ActorRow,
) -> Result<usize, ServiceError> {
    let followers = db::account_moves::list_local_followers(conn, old).await?;
    let mut handed = 0;
    for follower in followers {
        if follower == new.id {
            continue;
        }
        if let Some(follow_id) = db::follows::get_follow_id(conn, follower, old).await?
            && db::follows::delete_follow(conn, follow_id).await? == 1
        {
            ctx.emit(conn, DomainEvent::Unfollowed { follow_id, follower_id: follower, followed_id: old })
                .await?;
        }
        if super::blocks::member_blocks(conn, new.id, follower).await? {
            continue;
        }
        let state = if new.closed || !new.local { "pending" } else { "accepted" };
        let follow_id = ctx.new_id();
        if db::follows::insert_follow(conn, follow_id, follower, new.id, state, ctx.now().millis()).await? {
            if new.local && state == "accepted" {
                super::notifications::notify(ctx, conn, new.id, "follow", follower, None).await?;
            }
            ctx.emit(conn, DomainEvent::Followed { follow_id, follower_id: follower, followed_id: new.id })
                .await?;
            handed += 1;
        }
    }
    Ok(handed)
}

/// What a remote actor's document says of its other accounts (`alsoKnownAs`) and where it
/// moved (`movedTo`, shown on its profile; followers are only handed over on a checked `Move`),
/// in the caller's transaction.
pub(crate) async fn store_remote_move_fields(
    conn: &mut Conn<'_>,
    actor: ActorId,
    also_known_as: &[String],
    moved_to: Option<&str>,
) -> Result<(), ServiceError> {
    let also_known_as: Vec<&str> =
        also_known_as.iter().map(String::as_str).filter(|id| id.len() <= 2_000).take(MAX_ALIASES).collect();
    let moved_to = moved_to.filter(|id| id.len() <= 2_000);
    db::account_moves::update_remote_move_fields(conn, actor.0, &also_known_as.join("\n"), moved_to).await?;
    Ok(())
}

/// A stored actor's ActivityPub id (None for local ones).
pub async fn ap_id_of(ctx: &Context, actor: ActorId) -> Result<Option<String>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::actors::get_actor(&mut conn.conn(), actor.0).await?.filter(|a| !a.local).and_then(|a| a.ap_id))
}
