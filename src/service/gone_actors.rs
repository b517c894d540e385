//! Remote actors deleted on their server, as a 410 Gone from their own inbox tells us (what
//! Mastodon and GoToSocial do once an account is deleted): the actor is marked gone, its
//! follows (of our groups and people, and ours of it) end, its other pending deliveries are
//! dropped, and nothing is addressed to it any more. A 410 from a shared inbox (or from an
//! inbox several actors use) says nothing about any one actor, let alone the whole instance:
//! only that one delivery ends. Fetching the actor again (it exists after all) clears the mark.

use super::{Context, ServiceError};
use crate::db;
use crate::domain::ActorId;

/// The `last_error` of the deliveries dropped because their actor is gone.
pub const GONE_REASON: &str = "actor gone (410)";

/// `inbox_url` answered 410 Gone to `answered_delivery`. If it is one remote actor's own inbox,
/// that actor is gone: its follows end and everything else queued for the inbox is dropped (the
/// worker records `answered_delivery`'s own outcome). Returns the actor when it was marked now.
pub async fn inbox_answered_gone(
    ctx: &Context,
    inbox_url: &str,
    answered_delivery: i64,
) -> Result<Option<ActorId>, ServiceError> {
    let now = ctx.now().millis();
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let actors = db::gone_actors::list_actors_with_own_inbox(&mut conn, inbox_url).await?;
    let [actor] = actors[..] else {
        return Ok(None);
    };
    if !db::gone_actors::update_actor_gone(&mut conn, actor, now).await? {
        return Ok(None);
    }
    let follows = db::suspensions::delete_follows_of(&mut conn, actor).await?;
    let dropped =
        db::deliveries::update_inbox_failed(&mut conn, inbox_url, GONE_REASON, now, answered_delivery)
            .await?;
    tx.commit().await?;
    tracing::info!(actor, inbox = inbox_url, follows, dropped, "remote actor gone (its inbox answered 410)");
    Ok(Some(ActorId(actor)))
}

/// Whether a remote actor was marked gone.
pub async fn is_gone(ctx: &Context, actor: ActorId) -> Result<bool, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::gone_actors::get_gone_at(&mut conn.conn(), actor.0).await?.is_some())
}
