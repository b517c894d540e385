//! `Announce` by a group (FEP-1b12): the group forwards an activity of one of its members. The
//! inner activity is handled as if its actor had sent it, with the same checks. What a third
//! party's server says inside someone else's Announce is not trusted: objects from other hosts
//! are fetched from their origin. A plain boost (an Announce of a URL) by a group we follow
//! brings the post in with that group as its group. A person's boost of a post we hold is
//! counted as a boost. A vote from elsewhere counts when the post's own group announces it.

use serde_json::Value;
use url::Url;

use super::create::store_post;
use super::{MAX_DEPTH, same_host};
use crate::domain::ActorId;
use crate::federation::inbox::InboxError;
use crate::federation::protocol::{AnnounceJson, AnnounceObject, Inbound, PostJson, parse_inbound};
use crate::federation::resolve;
use crate::service::{boosts, remote};
use crate::state::AppState;

pub async fn receive(
    state: &AppState,
    announcer: ActorId,
    announcer_url: &Url,
    announce: AnnounceJson,
    depth: u8,
) -> Result<(), InboxError> {
    if depth >= MAX_DEPTH {
        return Err(InboxError::BadRequest("Announce nested too deeply".into()));
    }
    if remote::actor_kind(&state.ctx, announcer).await?.as_deref() != Some("group") {
        return receive_person_boost(state, announcer, &announce).await;
    }
    match announce.object {
        AnnounceObject::Activity(inner) => receive_inner(state, announcer, announcer_url, inner, depth).await,
        AnnounceObject::Url(url) => receive_boost(state, &url, depth).await,
    }
}

/// A person boosts a post (Mastodon's reblog): counted and notified when the post is one we
/// hold; boosts of anything else are not our business.
async fn receive_person_boost(
    state: &AppState,
    booster: ActorId,
    announce: &AnnounceJson,
) -> Result<(), InboxError> {
    let AnnounceObject::Url(object) = &announce.object else {
        return Ok(());
    };
    if let Some(post) = super::like::find_post(state, object).await? {
        boosts::receive_remote_boost(&state.ctx, booster, post, announce.id.as_str()).await?;
    }
    Ok(())
}

async fn receive_inner(
    state: &AppState,
    announcer: ActorId,
    announcer_url: &Url,
    inner: Value,
    depth: u8,
) -> Result<(), InboxError> {
    let inbound = parse_inbound(inner.clone()).map_err(|e| InboxError::BadRequest(e.to_string()))?;
    let Some(inner_actor) = inner.get("actor").and_then(Value::as_str).and_then(|a| Url::parse(a).ok())
    else {
        return Ok(());
    };
    if let Some(id) = inner.get("id").and_then(Value::as_str)
        && remote::seen_activity(&state.ctx, id).await?
    {
        return Ok(());
    }
    if state.uris.is_local(&inner_actor) {
        // Our own member's activity, passed back by the group: we have it already.
        return Ok(());
    }
    if same_host(&inner_actor, announcer_url) {
        let (actor, _) = resolve::actor_by_url(state, &inner_actor).await?;
        // The group's own server vouches for its member's activity: it signed the Announce.
        // A group forwards moderators' actions too; what we may not apply is skipped, not refused,
        // so the rest of the group's traffic keeps flowing.
        return match Box::pin(super::receive(state, actor, &inner_actor, inbound, &inner, depth + 1)).await {
            Err(InboxError::Forbidden(reason)) => {
                tracing::info!(reason, "skipped an announced activity");
                Ok(())
            }
            other => other,
        };
    }
    // A vote from elsewhere counts when the post's own group vouches for it.
    if super::like::is_vote(&inbound) {
        return skip_refused(
            super::like::receive_announced(state, announcer, &inner_actor, inbound, &inner, depth).await,
        );
    }
    // A member from elsewhere: believe only what their own server serves.
    match inbound {
        Inbound::Create(create) => match create.object.post() {
            Some(object) => refetch_and_store(state, object.id.clone(), depth).await,
            None => Ok(()),
        },
        Inbound::Update(update) => match update.object.post() {
            Some(object) => refetch_and_store(state, object.id.clone(), depth).await,
            None => Ok(()),
        },
        // Removals and locks by a moderator on another server: the claim inside is not
        // authority; only the announcing group's own authority over the post counts.
        Inbound::Delete(delete) => super::delete::receive_announced(state, announcer, &delete).await,
        Inbound::Lock(lock) => {
            super::lock::receive_announced(state, announcer, announcer_url, lock, true).await
        }
        Inbound::Undo(undo) => match undo.object {
            crate::federation::protocol::UndoObject::Lock(lock) => {
                super::lock::receive_announced(state, announcer, announcer_url, *lock, false).await
            }
            crate::federation::protocol::UndoObject::Delete(delete) => {
                super::restore::receive_announced(state, announcer_url, *delete).await
            }
            crate::federation::protocol::UndoObject::Block(block) => {
                super::block::receive_announced(state, announcer_url, *block, false).await
            }
            _ => Ok(()),
        },
        Inbound::Block(block) => super::block::receive_announced(state, announcer_url, block, true).await,
        // A pin by a moderator elsewhere counts when the thread is the announcing group's.
        Inbound::Add(change) if super::featured::is_featured(&change.target) => {
            super::featured::receive_announced(state, announcer, change, true).await
        }
        Inbound::Remove(change) if super::featured::is_featured(&change.target) => {
            super::featured::receive_announced(state, announcer, change, false).await
        }
        // A team change by a moderator elsewhere counts as the group's own.
        Inbound::Add(change) => skip_refused(super::add::receive(state, announcer, change, true).await),
        Inbound::Remove(change) => skip_refused(super::add::receive(state, announcer, change, false).await),
        _ => Ok(()),
    }
}

/// What the group forwarded but we may not apply is skipped, not refused, so the rest of the
/// group's traffic keeps flowing.
fn skip_refused(result: Result<(), InboxError>) -> Result<(), InboxError> {
    match result {
        Err(InboxError::Forbidden(reason)) => {
            tracing::info!(reason, "skipped an announced activity");
            Ok(())
        }
        other => other,
    }
}

/// The embedded copy is not trusted: fetch the object from its origin and store that.
///
/// A fetch that fails for a passing reason (timeout, unreachable, 5xx: a peer under load) is not
/// swallowed: acknowledging the activity would lose the post for good, since nobody sends it
/// again. The inbox answers 503 instead and the sender's queue retries the whole (signed,
/// verified) activity later; it is recorded as seen only once it was processed. Senders deliver
/// in order per peer, so this is bounded (`retry_budget`): after a few retries the activity is
/// acknowledged and dropped. A document that is missing or does not check out is final and the
/// activity is acknowledged at once, as before.
async fn refetch_and_store(state: &AppState, object: Url, depth: u8) -> Result<(), InboxError> {
    let document = match resolve::fetch_document(state, &object).await {
        Ok(document) => document,
        Err(error) if super::is_transient(&error) => {
            return Err(super::retry_or_refuse(error, "the announced object"));
        }
        Err(_) => return Ok(()),
    };
    let Ok(post) = serde_json::from_value::<PostJson>(document) else {
        return Ok(());
    };
    if !same_host(&post.id, &post.attributed_to) {
        return Ok(());
    }
    let (author, _) = resolve::actor_by_url(state, &post.attributed_to).await?;
    store_post(state, author, &post, None, depth + 1).await?;
    Ok(())
}

/// A plain boost by a group: the post is fetched from its origin (its `audience` names the
/// group, which must be one someone here follows).
async fn receive_boost(state: &AppState, url: &Url, depth: u8) -> Result<(), InboxError> {
    if super::like::find_post(state, url).await?.is_some() || state.uris.is_local(url) {
        return Ok(());
    }
    refetch_and_store(state, url.clone(), depth).await
}
