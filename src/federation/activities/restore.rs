//! `Undo` of a moderator's `Delete` (Lemmy's restore of a removed post): the group, or a
//! moderator its own server lists, brings back a post of the group that it removed here. Posts
//! their authors deleted stay deleted: only removals come back.

use url::Url;

use crate::domain::ActorId;
use crate::federation::inbox::InboxError;
use crate::federation::moderators;
use crate::federation::protocol::DeleteJson;
use crate::service::visiting_moderators::Request;
use crate::service::{ServiceError, remote, removals};
use crate::state::AppState;

pub async fn receive(
    state: &AppState,
    actor: ActorId,
    actor_url: &Url,
    delete: DeleteJson,
) -> Result<(), InboxError> {
    if &delete.actor != actor_url {
        return Ok(());
    }
    let object = delete.object_id();
    if state.uris.is_local(object) {
        return super::visiting_moderator::receive(state, actor, actor_url, object, Request::Restore).await;
    }
    restore(state, actor_url, &delete, false).await
}

/// A restore that a group announced for a moderator on another server: it counts only when the
/// announcer is the post's own group (the inner actor is only a claim, kept for the modlog).
pub(super) async fn receive_announced(
    state: &AppState,
    announcer_url: &Url,
    delete: DeleteJson,
) -> Result<(), InboxError> {
    match restore(state, announcer_url, &delete, true).await {
        Err(InboxError::Forbidden(reason)) => {
            tracing::info!(reason, "skipped a restore announced by a group the post is not in");
            Ok(())
        }
        other => other,
    }
}

/// `actor_url` is the signer, or with `announced` the announcing group.
async fn restore(
    state: &AppState,
    actor_url: &Url,
    delete: &DeleteJson,
    announced: bool,
) -> Result<(), InboxError> {
    let object = delete.object_id();
    if state.uris.is_local(object) {
        return Err(InboxError::Forbidden("Undo of a Delete of one of our objects"));
    }
    if !removals::is_removed(&state.ctx, object.as_str()).await? {
        // An author's own deletion undone, or nothing we removed: posts do not come back.
        tracing::debug!(object = %object, "Undo(Delete) of a post that was not removed here");
        return Ok(());
    }
    let Some((group, group_url)) = remote::remote_group_of_any_post(&state.ctx, object.as_str()).await?
    else {
        tracing::debug!(object = %object, "Undo(Delete) of a post we do not hold in a remote group");
        return Ok(());
    };
    let Ok(group_url) = Url::parse(&group_url) else {
        return Ok(());
    };
    if announced && &group_url != actor_url {
        return Err(InboxError::Forbidden("Undo(Delete) announced by a group the post is not in"));
    }
    if &group_url != actor_url {
        match moderators::is_moderator(state, &group_url, actor_url).await {
            Ok(true) => {}
            Ok(false) => {
                return Err(InboxError::Forbidden("Undo(Delete) by someone who does not moderate the group"));
            }
            Err(error) => return Err(super::retry_or_refuse(error, "the group's moderators")),
        }
    }
    let moderator = if announced { delete.actor.as_str() } else { actor_url.as_str() };
    match removals::restore_remote_post(&state.ctx, group, moderator, object.as_str()).await {
        Ok(restored) => {
            tracing::info!(post = %object, by = %actor_url, restored, "post restored by its group");
            Ok(())
        }
        Err(ServiceError::Forbidden) => {
            Err(InboxError::Forbidden("Undo(Delete) of a post outside the group"))
        }
        Err(other) => Err(other.into()),
    }
}
