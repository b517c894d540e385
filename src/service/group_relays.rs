//! The one place that decides whether a local group re-announces an activity (FEP-1b12).
//!
//! A group forwards to its followers everything a remote person does to a post in it that we
//! accepted: their `Create` of a thread or reply, its `Update` and `Delete`, and `Like`,
//! `Dislike` and the `Undo` of either, on anyone's post in the group. The activity goes out
//! unchanged inside the group's `Announce`, so other servers can check it at its origin; our own
//! members' activities are announced by their own events (see `federation::outbound`), not here.
//! Each activity id is announced once, however often it arrives (`group_relayed_activities`).

use serde_json::Value;

use super::{Context, ServiceError};
use crate::db::{self, Conn};
use crate::domain::{ActorId, DomainEvent, PostId};

/// The id of an activity given as JSON text, if it has one.
fn activity_id(activity_json: &str) -> Option<String> {
    let value: Value = serde_json::from_str(activity_json).ok()?;
    value.get("id").and_then(Value::as_str).map(str::to_owned)
}

/// Re-announces `activity_json`, an activity by the remote `actor` about a post in the group
/// `group_id`, when that group is one of ours and the activity was not announced before.
/// Runs in the caller's transaction, so the change and its announcement are one. Returns
/// whether the group announces it.
pub(crate) async fn relay_in(
    ctx: &Context,
    conn: &mut Conn<'_>,
    group_id: Option<i64>,
    actor: ActorId,
    activity_json: &str,
) -> Result<bool, ServiceError> {
    let Some(group_id) = group_id else {
        return Ok(false);
    };
    let Some(id) = activity_id(activity_json) else {
        return Ok(false);
    };
    let group = db::actors::get_actor(conn, group_id).await?;
    if !group.is_some_and(|group| group.local && group.kind == "group") {
        return Ok(false);
    }
    let by_remote = db::actors::get_actor(conn, actor.0).await?.is_some_and(|actor| !actor.local);
    if !by_remote
        || !db::group_relays::insert_relayed_activity(conn, &id, group_id, ctx.now().millis()).await?
    {
        return Ok(false);
    }
    ctx.emit(conn, DomainEvent::GroupRelayed { group_id, activity: activity_json.to_owned() }).await?;
    Ok(true)
}

/// [`relay_in`] for an activity about `post` that was applied on its own (a vote, an `Undo`).
pub async fn relay_about_post(
    ctx: &Context,
    post: PostId,
    actor: ActorId,
    activity_json: &str,
) -> Result<bool, ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let Some(post) = db::posts::get_post_ref(&mut conn, post.0).await? else {
        return Ok(false);
    };
    let relayed = relay_in(ctx, &mut conn, post.group_id, actor, activity_json).await?;
    tx.commit().await?;
    Ok(relayed)
}
