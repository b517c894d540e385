//! `Like` and `Dislike` (Lemmy's downvote) of a post we have; one vote per actor, the later
//! replacing the earlier.

use url::Url;

use crate::domain::{ActorId, PostId};
use crate::federation::inbox::InboxError;
use crate::federation::protocol::{DislikeJson, LikeJson};
use crate::federation::uris::LocalObject;
use crate::service::{downvotes, remote};
use crate::state::AppState;

pub async fn receive(state: &AppState, actor: ActorId, like: LikeJson) -> Result<(), InboxError> {
    if let Some(post) = find_post(state, &like.object).await? {
        remote::set_remote_like(&state.ctx, actor, post, true, Some(like.id.as_str())).await?;
    }
    Ok(())
}

pub async fn receive_dislike(
    state: &AppState,
    actor: ActorId,
    dislike: DislikeJson,
) -> Result<(), InboxError> {
    if let Some(post) = find_post(state, &dislike.object).await? {
        downvotes::set_remote_downvote(&state.ctx, actor, post, dislike.id.as_str()).await?;
    }
    Ok(())
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
