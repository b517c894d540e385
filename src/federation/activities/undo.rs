//! `Undo` of a Follow, Like, Dislike or a person's boost (`Announce`); the undone activity must be the same actor's.
//! The `Undo` of a vote on a post in one of our groups is re-announced by the group. A Follow,
//! boost or Like named only by its id (as some servers send it) is looked up among the ones stored
//! here, by the id of the activity that made it.

use url::Url;

use crate::domain::ActorId;
use crate::federation::inbox::InboxError;
use crate::federation::protocol::{UndoJson, UndoObject};
use crate::federation::uris::LocalObject;
use crate::service::{boosts, downvotes, remote};
use crate::state::AppState;

pub async fn receive(
    state: &AppState,
    actor: ActorId,
    actor_url: &Url,
    undo: UndoJson,
    raw: &serde_json::Value,
) -> Result<(), InboxError> {
    match undo.object {
        UndoObject::Follow(follow) => {
            if &follow.actor != actor_url {
                return Ok(());
            }
            if let Some(LocalObject::Actor { kind, name }) = state.uris.parse_local(&follow.object)
                && let Some(followed) = remote::local_actor_id(&state.ctx, kind, &name).await?
            {
                remote::end_remote_follow(&state.ctx, actor, followed).await?;
            }
            Ok(())
        }
        UndoObject::Like(like) => {
            if &like.actor != actor_url {
                return Ok(());
            }
            if let Some(post) = super::like::find_post(state, &like.object).await? {
                downvotes::undo_remote_vote(&state.ctx, actor, post).await?;
                super::relay(state, post, actor, raw).await?;
            }
            Ok(())
        }
        UndoObject::Dislike(dislike) => {
            if &dislike.actor != actor_url {
                return Ok(());
            }
            if let Some(post) = super::like::find_post(state, &dislike.object).await? {
                downvotes::undo_remote_vote(&state.ctx, actor, post).await?;
                super::relay(state, post, actor, raw).await?;
            }
            Ok(())
        }
        UndoObject::Announce(announce) => {
            if &announce.actor == actor_url {
                boosts::undo_remote_boost(&state.ctx, actor, announce.id.as_str()).await?;
            }
            Ok(())
        }
        UndoObject::Lock(lock) => super::lock::receive(state, actor, actor_url, *lock, false).await,
        UndoObject::Delete(delete) => super::restore::receive(state, actor, actor_url, *delete).await,
        UndoObject::Block(block) => super::block::receive(state, actor, actor_url, *block, false).await,
        UndoObject::Url(id) => {
            if remote::end_remote_follow_by_ap_id(&state.ctx, actor, id.as_str()).await? {
                tracing::debug!(follow = %id, "follow undone by id");
            } else if boosts::undo_remote_boost(&state.ctx, actor, id.as_str()).await? {
                tracing::debug!(boost = %id, "boost undone by id");
            } else if let Some(post) =
                remote::undo_remote_like_by_ap_id(&state.ctx, actor, id.as_str()).await?
            {
                tracing::debug!(like = %id, "like undone by id");
                super::relay(state, post, actor, raw).await?;
            } else if let Some(post) =
                downvotes::undo_remote_downvote_by_ap_id(&state.ctx, actor, id.as_str()).await?
            {
                tracing::debug!(dislike = %id, "downvote undone by id");
                super::relay(state, post, actor, raw).await?;
            }
            Ok(())
        }
    }
}
