//! A remote group moves a thread to itself: an `Update` of the thread's opener whose actor is
//! the group and whose `audience` is that group (what our own groups send, see
//! `outbound::posts::thread_moved`), signed by the group or announced by a group of its
//! instance. The opener may be by anyone anywhere, so the author check of an `Update` does not
//! fit; instead the group must be a `Group`, and the thread one we hold in a group of the same
//! instance (checked in `service::thread_moves::receive_remote_move`). Only the thread's group
//! changes: the opener's content in the activity is not the group's to change and is not read.

use url::Url;

use super::like::find_post;
use crate::domain::ActorId;
use crate::federation::inbox::InboxError;
use crate::federation::protocol::PostJson;
use crate::service::{ServiceError, remote, thread_moves};
use crate::state::AppState;

/// Whether `post`, in an `Update` by `actor`, is a group moving a thread to itself (a signer
/// that is not the post's author, a `Group`, and named as the post's new `audience`). Anything
/// else is left to the usual `Update` checks.
pub(super) async fn is_group_move(
    state: &AppState,
    actor: ActorId,
    actor_url: &Url,
    post: &PostJson,
) -> Result<bool, InboxError> {
    if &post.attributed_to == actor_url || post.audience.as_ref() != Some(actor_url) {
        return Ok(false);
    }
    Ok(remote::actor_kind(&state.ctx, actor).await?.as_deref() == Some("group"))
}

/// Moves the thread of `post` to the group `actor` (see [`is_group_move`]); a thread we do not
/// hold, a reply, or one in a group of another instance is refused (403).
pub(super) async fn receive(state: &AppState, actor: ActorId, post: &PostJson) -> Result<(), InboxError> {
    let Some(thread) = find_post(state, &post.id).await? else {
        return Err(InboxError::Forbidden("a move of a thread we do not hold"));
    };
    match thread_moves::receive_remote_move(&state.ctx, actor, thread).await {
        Ok(_) => Ok(()),
        Err(ServiceError::Forbidden | ServiceError::NotFound) => {
            Err(InboxError::Forbidden("the group may not move this thread"))
        }
        Err(other) => Err(other.into()),
    }
}
