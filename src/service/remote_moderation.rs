//! What remote servers ask of posts we hold (delete, remove, lock), decided by the one authority
//! rule (`authority`). The federation layer passes who vouches for the request: the actor whose
//! signature checked out, and the group that announced it, if any. A claim inside an activity
//! ("actor: the real group") is not passed here at all.

use super::authority::{self, Actor, Change, Grant};
use super::{Context, ServiceError, remote};
use crate::db;
use crate::domain::modlog::{ModlogEntry, ModlogKind};
use crate::domain::{ActorId, PostId};

/// Who vouches for a remote request about a post.
#[derive(Debug, Clone, Copy, Default)]
pub struct Vouchers {
    /// The actor that signed the request (or whose own server relayed it).
    pub actor: Option<ActorId>,
    /// The group that announced the request (it signed the `Announce`).
    pub announcer: Option<ActorId>,
}

/// What a moderator's `Delete` says: who removed the post (as the activity names them; the
/// vouchers decide whether it counts) and why.
#[derive(Debug, Clone, Copy, Default)]
pub struct Removal<'a> {
    pub moderator: &'a str,
    pub reason: Option<&'a str>,
    /// The `Delete` as received, when its author signed it: re-announced by a local group when
    /// it turns out to be the author deleting their own post (`group_relays`).
    pub activity_json: Option<&'a str>,
}

/// What became of a remote request about a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// We do not hold the post (or it is ours, which nobody else changes).
    Unknown,
    /// Allowed, on these grounds; `changed` is false when it was so already.
    Applied { grant: Grant, changed: bool },
    /// Nobody who vouches for it may.
    Refused,
}

/// The grounds on which the vouchers may make `change` to the post, if any.
async fn grant_for(
    ctx: &Context,
    conn: &mut db::Conn<'_>,
    post: &db::posts::PostRefRow,
    vouchers: Vouchers,
    change: Change,
) -> Result<Option<Grant>, ServiceError> {
    if let Some(announcer) = vouchers.announcer
        && change != Change::Edit
        && authority::announced_by_its_group(post, announcer)
    {
        return Ok(Some(Grant::Group));
    }
    match vouchers.actor {
        Some(actor) => authority::judge(ctx, conn, Actor::Remote(actor), post, change).await,
        None => Ok(None),
    }
}

/// A remote `Delete` of a post: its author deletes it, its group or a moderator removes it
/// (kept with the reason, and restorable).
pub async fn delete_post(
    ctx: &Context,
    ap_id: &str,
    vouchers: Vouchers,
    removal: Removal<'_>,
) -> Result<Outcome, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let Some(post) = db::posts::get_post_ref_by_ap_id(&mut conn.conn(), ap_id).await? else {
        return Ok(Outcome::Unknown);
    };
    if post.local {
        return Ok(Outcome::Unknown);
    }
    let Some(grant) = grant_for(ctx, &mut conn.conn(), &post, vouchers, Change::Remove).await? else {
        return Ok(Outcome::Refused);
    };
    drop(conn);
    let changed = match grant {
        Grant::Author => {
            remote::delete_remote_post(ctx, ActorId(post.author_id), ap_id, removal.activity_json).await?
        }
        _ => match post.group_id {
            Some(group) => {
                super::removals::remove_remote_post(
                    ctx,
                    ActorId(group),
                    removal.moderator,
                    ap_id,
                    removal.reason,
                )
                .await?
            }
            None => false,
        },
    };
    Ok(Outcome::Applied { grant, changed })
}

/// A remote `Lock` or `Undo(Lock)` of a thread: its group or a moderator of it. Lemmy also locks
/// single comments, which we do not (`Unknown`).
pub async fn lock_thread(
    ctx: &Context,
    ap_id: &str,
    locked: bool,
    vouchers: Vouchers,
) -> Result<Outcome, ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let Some(post) = db::posts::get_post_ref_by_ap_id(&mut conn, ap_id).await? else {
        return Ok(Outcome::Unknown);
    };
    if post.local || post.id != post.root_id {
        return Ok(Outcome::Unknown);
    }
    let Some(grant) = grant_for(ctx, &mut conn, &post, vouchers, Change::Lock).await? else {
        return Ok(Outcome::Refused);
    };
    let changed = if locked {
        db::thread_locks::lock_thread(&mut conn, post.id, ctx.now().millis()).await?
    } else {
        db::thread_locks::unlock_thread(&mut conn, post.id).await?
    };
    if changed {
        // Whoever acted, the group's authority is what counts; the modlog names the moderator
        // when they signed it themselves, else the group.
        let moderator = match (grant, vouchers.actor) {
            (Grant::GroupModerator, Some(actor)) => Some(actor.0),
            _ => post.group_id,
        };
        let kind = if locked { ModlogKind::Lock } else { ModlogKind::Unlock };
        let entry =
            ModlogEntry::new(kind, moderator).in_group(post.group_id).on_post(post.id).by_remote(true);
        super::modlog::record(ctx, &mut conn, entry).await?;
    }
    tx.commit().await?;
    Ok(Outcome::Applied { grant, changed })
}

/// A remote `Add` or `Remove` of a thread to its group's `featured` collection (Lemmy's pin):
/// its group or a moderator of it. Our own groups' threads are pinned only here (`Unknown`).
pub async fn pin_thread(
    ctx: &Context,
    ap_id: &str,
    pinned: bool,
    vouchers: Vouchers,
) -> Result<Outcome, ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let Some(post) = db::posts::get_post_ref_by_ap_id(&mut conn, ap_id).await? else {
        return Ok(Outcome::Unknown);
    };
    if post.local || post.id != post.root_id {
        return Ok(Outcome::Unknown);
    }
    if let Some(group) = post.group_id
        && db::actors::get_actor(&mut conn, group).await?.is_some_and(|group| group.local)
    {
        return Ok(Outcome::Unknown);
    }
    let vouchers_actor = vouchers.actor;
    let Some(grant) = grant_for(ctx, &mut conn, &post, vouchers, Change::Pin).await? else {
        return Ok(Outcome::Refused);
    };
    let changed = if pinned {
        db::thread_pins::pin_thread(&mut conn, post.id, ctx.now().millis()).await?
    } else {
        db::thread_pins::unpin_thread(&mut conn, post.id).await?
    };
    if changed {
        let moderator = match (grant, vouchers_actor) {
            (Grant::GroupModerator, Some(actor)) => Some(actor.0),
            _ => post.group_id,
        };
        let kind = if pinned { ModlogKind::Pin } else { ModlogKind::Unpin };
        let entry =
            ModlogEntry::new(kind, moderator).in_group(post.group_id).on_post(post.id).by_remote(true);
        super::modlog::record(ctx, &mut conn, entry).await?;
    }
    tx.commit().await?;
    Ok(Outcome::Applied { grant, changed })
}

/// Whether the group `announcer` may vouch for a vote (a `Like`, `Dislike` or its `Undo`) on
/// `post` by someone of another server: only the post's own group (Lemmy's votes travel that
/// way; the group's server checked the voter's signature).
pub async fn group_vouches_for_vote(
    ctx: &Context,
    post: PostId,
    announcer: ActorId,
) -> Result<bool, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let post = db::posts::get_post_ref(&mut conn.conn(), post.0).await?;
    Ok(post.is_some_and(|post| authority::announced_by_its_group(&post, announcer)))
}

/// The post's origin answers that it is gone (404 or 410): our copy goes too, whoever told us.
pub async fn forget_post_gone_at_origin(ctx: &Context, ap_id: &str) -> Result<bool, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let Some(post) = db::posts::get_post_ref_by_ap_id(&mut conn.conn(), ap_id).await? else {
        return Ok(false);
    };
    if post.local {
        return Ok(false);
    }
    drop(conn);
    remote::delete_remote_post(ctx, ActorId(post.author_id), ap_id, None).await
}

/// How long a remote group's moderators list is trusted before it is read again.
const MODERATORS_FRESH_MILLIS: i64 = 60 * 60 * 1000;
/// Someone not on the list acts: the list is read again, but at most this often per group.
const MODERATORS_RECHECK_MILLIS: i64 = 60 * 1000;

/// The remote group whose moderators list should be read again before judging `actor`'s
/// request about the post: the actor is neither its author nor its group, and what we keep is
/// old (see [`team_to_refresh`]). Returns the group and its id.
pub async fn moderators_to_refresh(
    ctx: &Context,
    ap_id: &str,
    actor: ActorId,
) -> Result<Option<(ActorId, String)>, ServiceError> {
    let post = {
        let mut conn = ctx.db.acquire().await?;
        db::posts::get_post_ref_by_ap_id(&mut conn.conn(), ap_id).await?
    };
    let Some(post) = post.filter(|post| post.author_id != actor.0) else {
        return Ok(None);
    };
    let Some(group) = post.group_id else {
        return Ok(None);
    };
    Ok(team_to_refresh(ctx, ActorId(group), actor).await?.map(|ap_id| (ActorId(group), ap_id)))
}

/// The id of the remote group `group` when its moderators list should be read again before
/// judging `actor` (not the group itself): never read, older than an hour, or `actor` is not
/// on it and it was not read in the last minute.
pub async fn team_to_refresh(
    ctx: &Context,
    group: ActorId,
    actor: ActorId,
) -> Result<Option<String>, ServiceError> {
    if group == actor {
        return Ok(None);
    }
    let mut conn = ctx.db.acquire().await?;
    let mut conn = conn.conn();
    let Some(group_row) = db::actors::get_actor(&mut conn, group.0).await?.filter(|g| !g.local) else {
        return Ok(None);
    };
    let Some(group_ap_id) = group_row.ap_id else {
        return Ok(None);
    };
    let age = db::remote_moderators::get_moderators_refreshed_at(&mut conn, group.0)
        .await?
        .map(|at| ctx.now().millis() - at);
    let listed =
        db::remote_moderators::is_remote_moderator(&mut conn, group.0, actor.0, &ctx.settings.people_base())
            .await?;
    let stale = match age {
        None => true,
        Some(age) => age > MODERATORS_FRESH_MILLIS || (!listed && age > MODERATORS_RECHECK_MILLIS),
    };
    Ok(stale.then_some(group_ap_id))
}

/// The moderators a remote group's own server lists (its `attributedTo` collection), replacing
/// what we knew.
pub async fn set_remote_moderators(
    ctx: &Context,
    group: ActorId,
    moderators: &[String],
) -> Result<(), ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    db::remote_moderators::replace_remote_moderators(&mut conn, group.0, moderators, ctx.now().millis())
        .await?;
    tx.commit().await?;
    Ok(())
}
