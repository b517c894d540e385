//! Members protect themselves: they block people (who then cannot follow them, whose mentions
//! do not reach them, and who hear about it through a `Block` when they are elsewhere), mute
//! people (for a while, perhaps with their notifications) and block whole domains. The lists a
//! member reads leave all of these out in their own queries (see `db::blocks::hidden_from`).

use super::account_cards::AccountCard;
use super::{Context, CurrentUser, ServiceError};
use crate::db::{self, Conn, actors::ActorRow};
use crate::domain::blocked_domain::BlockedDomain;
use crate::domain::{ActorId, DomainEvent, FieldError};

/// The longest mute a member can set with a duration (Mastodon apps offer up to a week; a
/// longer one is simply indefinite).
const MAX_MUTE_SECONDS: i64 = 366 * 24 * 3600;

/// A person the member may block or mute: not themselves, not a group or the instance actor.
async fn person_to_separate(
    conn: &mut Conn<'_>,
    user: &CurrentUser,
    target: ActorId,
) -> Result<ActorRow, ServiceError> {
    let row = db::actors::get_actor(conn, target.0)
        .await?
        .filter(|a| a.kind == "person" || a.kind == "group")
        .ok_or(ServiceError::NotFound)?;
    if row.id == user.id.0 {
        return Err(FieldError::new("id", "you cannot block or mute yourself").into());
    }
    if row.kind != "person" {
        return Err(
            FieldError::new("id", "only people can be blocked or muted; leave the group instead").into()
        );
    }
    Ok(row)
}

/// Blocks a person. Follows end in both directions (as on Mastodon), and a remote person's
/// instance is sent a `Block`. Blocking twice changes nothing.
pub async fn block_actor(ctx: &Context, user: &CurrentUser, target: ActorId) -> Result<(), ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let target = person_to_separate(&mut conn, user, target).await?;
    let block_id = ctx.new_id();
    if db::blocks::insert_block(&mut conn, block_id, user.id.0, target.id, ctx.now().millis()).await? {
        super::follows::unfollow(ctx, &mut conn, user, target.id).await?;
        if let Some(follow_id) = db::follows::get_follow_id(&mut conn, target.id, user.id.0).await? {
            db::follows::delete_follow(&mut conn, follow_id).await?;
        }
        ctx.emit(
            &mut conn,
            DomainEvent::PersonBlocked { block_id, blocker_id: user.id.0, blocked_id: target.id },
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Lifts a block (and tells a remote person's instance with `Undo(Block)`).
pub async fn unblock_actor(ctx: &Context, user: &CurrentUser, target: ActorId) -> Result<(), ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    db::actors::get_actor(&mut conn, target.0).await?.ok_or(ServiceError::NotFound)?;
    if let Some(block_id) = db::blocks::delete_block(&mut conn, user.id.0, target.0).await? {
        ctx.emit(
            &mut conn,
            DomainEvent::PersonUnblocked { block_id, blocker_id: user.id.0, blocked_id: target.0 },
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// How a mute is set.
#[derive(Debug, Clone, Copy, Default)]
pub struct MuteOptions {
    /// Hide the person's notifications too (Mastodon's default is true).
    pub notifications: bool,
    /// Seconds until the mute ends by itself; `None` or 0 means until undone.
    pub duration_seconds: Option<i64>,
}

/// Mutes a person (stays on this instance); muting again replaces the options.
pub async fn mute_actor(
    ctx: &Context,
    user: &CurrentUser,
    target: ActorId,
    options: MuteOptions,
) -> Result<(), ServiceError> {
    let duration = match options.duration_seconds {
        Some(seconds) if seconds < 0 => {
            return Err(
                FieldError::new("duration", "must be zero (indefinite) or a number of seconds").into()
            );
        }
        Some(seconds) if seconds > 0 && seconds <= MAX_MUTE_SECONDS => Some(seconds),
        _ => None,
    };
    let now = ctx.now().millis();
    let mut conn = ctx.db.acquire().await?;
    let target = person_to_separate(&mut conn.conn(), user, target).await?;
    let expires_at = duration.map(|seconds| now.saturating_add(seconds.saturating_mul(1000)));
    db::mutes::upsert_mute(
        &mut conn.conn(),
        ctx.new_id(),
        user.id.0,
        target.id,
        options.notifications,
        expires_at,
        now,
    )
    .await?;
    Ok(())
}

pub async fn unmute_actor(ctx: &Context, user: &CurrentUser, target: ActorId) -> Result<(), ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    db::actors::get_actor(&mut conn.conn(), target.0).await?.ok_or(ServiceError::NotFound)?;
    db::mutes::delete_mute(&mut conn.conn(), user.id.0, target.0).await?;
    Ok(())
}

/// Blocks a domain for the member: its people disappear from what they read, and their
/// followers from there stop following them (as on Mastodon). Not the instance's own domain.
pub async fn block_domain(
    ctx: &Context,
    user: &CurrentUser,
    domain: &str,
) -> Result<BlockedDomain, ServiceError> {
    let domain = BlockedDomain::parse(domain)?;
    let own = ctx.settings.base_url.split_once("://").map_or(ctx.settings.base_url.as_str(), |(_, h)| h);
    if domain.covers(own.trim_end_matches('/')) {
        return Err(FieldError::new("domain", "this is our own domain; block people one by one").into());
    }
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let now = ctx.now().millis();
    if db::domain_blocks::insert_domain_block(&mut conn, ctx.new_id(), user.id.0, domain.as_str(), now)
        .await?
    {
        db::domain_blocks::delete_followers_from_domain(&mut conn, user.id.0, domain.as_str()).await?;
    }
    tx.commit().await?;
    Ok(domain)
}

pub async fn unblock_domain(ctx: &Context, user: &CurrentUser, domain: &str) -> Result<(), ServiceError> {
    let domain = BlockedDomain::parse(domain)?;
    let mut conn = ctx.db.acquire().await?;
    db::domain_blocks::delete_domain_block(&mut conn.conn(), user.id.0, domain.as_str()).await?;
    Ok(())
}

/// People the member blocked, newest first, each with its cursor.
pub async fn list_blocked(
    ctx: &Context,
    user: &CurrentUser,
    max_id: Option<i64>,
    limit: i64,
) -> Result<Vec<(i64, AccountCard)>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let rows = db::blocks::list_blocked_cards(&mut conn.conn(), user.id.0, max_id, limit).await?;
    Ok(rows.into_iter().map(|(cursor, row)| (cursor, row.into())).collect())
}

/// People the member mutes (mutes that have not run out), newest first, each with its cursor.
pub async fn list_muted(
    ctx: &Context,
    user: &CurrentUser,
    max_id: Option<i64>,
    limit: i64,
) -> Result<Vec<(i64, AccountCard)>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let rows =
        db::mutes::list_muted_cards(&mut conn.conn(), user.id.0, ctx.now().millis(), max_id, limit).await?;
    Ok(rows.into_iter().map(|(cursor, row)| (cursor, row.into())).collect())
}

/// Domains the member blocked, newest first, each with its cursor.
pub async fn list_blocked_domains(
    ctx: &Context,
    user: &CurrentUser,
    max_id: Option<i64>,
    limit: i64,
) -> Result<Vec<(i64, String)>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let rows = db::domain_blocks::list_domain_blocks(&mut conn.conn(), user.id.0, max_id, limit).await?;
    Ok(rows.into_iter().map(|row| (row.id, row.host)).collect())
}

/// Everything a settings page shows at once (the first 200 of each; few members have more).
pub struct SafetyLists {
    pub blocked: Vec<AccountCard>,
    pub muted: Vec<AccountCard>,
    pub domains: Vec<String>,
}

pub async fn get_safety_lists(ctx: &Context, user: &CurrentUser) -> Result<SafetyLists, ServiceError> {
    const LIMIT: i64 = 200;
    let strip = |rows: Vec<(i64, AccountCard)>| -> Vec<AccountCard> {
        rows.into_iter().map(|(_, card)| card).collect()
    };
    Ok(SafetyLists {
        blocked: strip(list_blocked(ctx, user, None, LIMIT).await?),
        muted: strip(list_muted(ctx, user, None, LIMIT).await?),
        domains: list_blocked_domains(ctx, user, None, LIMIT)
            .await?
            .into_iter()
            .map(|(_, host)| host)
            .collect(),
    })
}

/// Whether local member `member` refuses `actor`: blocked it or its domain. Such an actor's
/// follow is refused and its mentions do not notify.
pub(crate) async fn member_blocks(
    conn: &mut Conn<'_>,
    member: i64,
    actor: i64,
) -> Result<bool, ServiceError> {
    Ok(db::blocks::blocks_actor(conn, member, actor).await?)
}
