//! `Like` and `Dislike` (Lemmy's downvote) of a post we have; one vote per actor, the later
//! replacing the earlier. A vote on a post in one of our groups is re-announced by the group.

use url::Url;

use crate::domain::{ActorId, PostId};
use crate::federation::inbox::InboxError;
use crate::federation::protocol::{DislikeJson, Inbound, LikeJson, UndoObject};
use crate::federation::resolve;
use crate::federation::uris::LocalObject;
use crate::service::{downvotes, remote, remote_moderation};
use crate::state::AppState;

pub async fn receive(
    state: &AppState,
    actor: ActorId,
    like: LikeJson,
    raw: &serde_json::Value,
) -> Result<(), InboxError> {
    if let Some(post) = find_post(state, &like.object).await? {
        remote::set_remote_like(&state.ctx, actor, post, true, Some(like.id.as_str())).await?;
        super::relay(state, post, actor, raw).await?;
    }
    Ok(())
}

pub async fn receive_dislike(
    state: &AppState,
    actor: ActorId,
    dislike: DislikeJson,
    raw: &serde_json::Value,
) -> Result<(), InboxError> {
    if let Some(post) = find_post(state, &dislike.object).await? {
        downvotes::set_remote_downvote(&state.ctx, actor, post, dislike.id.as_str()).await?;
        super::relay(state, post, actor, raw).await?;
    }
    Ok(())
}

/// A vote (`Like`, `Dislike`, or the `Undo` of either) by someone of another server, announced
/// by a group: counted when the group is the post's own, as if the voter had sent it.
pub async fn receive_announced(
    state: &AppState,
    announcer: ActorId,
    voter_url: &Url,
    vote: Inbound,
    raw: &serde_json::Value,
    depth: u8,
) -> Result<(), InboxError> {
    let object = match &vote {
        Inbound::Like(like) => &like.object,
        Inbound::Dislike(dislike) => &dislike.object,
        Inbound::Undo(undo) => match &undo.object {
            UndoObject::Like(like) => &like.object,
            UndoObject::Dislike(dislike) => &dislike.object,
            _ => return Ok(()),
        },
        _ => return Ok(()),
    };
    let Some(post) = find_post(state, object).await? else {
        return Ok(());
    };
    if !remote_moderation::group_vouches_for_vote(&state.ctx, post, announcer).await? {
        tracing::info!(post = %object, "skipped a vote announced by a group the post is not in");
        return Ok(());
    }
    let (voter, _) = resolve::actor_by_url(state, voter_url)
        .await
        .map_err(|error| super::retry_or_refuse(error, "the voter"))?;
    Box::pin(super::receive(state, voter, voter_url, vote, raw, depth + 1)).await
}

/// Whether `activity` is a vote or the `Undo` of one.
pub fn is_vote(activity: &Inbound) -> bool {
    match activity {
        Inbound::Like(_) | Inbound::Dislike(_) => true,
        Inbound::Undo(undo) => matches!(undo.object, UndoObject::Like(_) | UndoObject::Dislike(_)),
        _ => false,
    }
}

/// A post by URL: ours by path, others by their id.
pub async fn find_post(state: &AppState, url: &Url) -> Result<Option<PostId>, InboxError> {
    if let Some(local) = state.uris.parse_local(url) {
        return Ok(match local {
            LocalObject::Post(id) if remote::local_post_exists(&state.ctx, id).await? => Some(id),
            _ => None,
        });
    }
    Ok(remote::post_by_ap_id(&state.ctx, url.as_str()).await?)
}
