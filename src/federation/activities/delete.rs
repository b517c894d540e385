//! `Delete` of a post, by its author, its group, or a moderator of its group. A Delete before
//! its Create leaves nothing to delete, and the id is remembered, so the late Create is refused.

use url::Url;

use crate::domain::ActorId;
use crate::federation::inbox::InboxError;
use crate::federation::moderators;
use crate::federation::protocol::DeleteJson;
use crate::service::{ServiceError, remote, removals};
use crate::state::AppState;

pub async fn receive(
    state: &AppState,
    actor: ActorId,
    actor_url: &Url,
    delete: DeleteJson,
) -> Result<(), InboxError> {
    let object = delete.object_id();
    if object == actor_url {
        tracing::info!(actor = %actor_url, "account deletion is not handled yet");
        return Ok(());
    }
    if state.uris.is_local(object) {
        return Err(InboxError::Forbidden("Delete of one of our objects"));
    }
    if super::events::delete_event(state, actor_url, object).await? {
        remote::record_deleted_object(&state.ctx, object.as_str()).await?;
        return Ok(());
    }
    match remote::delete_remote_post(&state.ctx, actor, object.as_str()).await {
        Ok(_) => {}
        Err(ServiceError::Forbidden) => {
            return match remove_by_group_moderator(state, actor_url, object, delete.summary.as_deref())
                .await?
            {
                true => Ok(()),
                false => Err(InboxError::Forbidden("Delete by someone who may not")),
            };
        }
        Err(other) => return Err(other.into()),
    }
    // Only the object's own server may rule out its later arrival (a Delete that overtook its
    // Create); anyone else's Delete of an unknown object is ignored.
    if super::same_host(object, actor_url) {
        remote::record_deleted_object(&state.ctx, object.as_str()).await?;
    }
    Ok(())
}

/// Someone else's post in a remote group, deleted by the group itself or by one of the
/// moderators its own server lists (Lemmy's moderator removal): the post is removed. Returns
/// false when `actor_url` has no such authority. A moderator list that cannot be fetched now
/// is worth a retry by the sender.
pub(super) async fn remove_by_group_moderator(
    state: &AppState,
    actor_url: &Url,
    object: &Url,
    reason: Option<&str>,
) -> Result<bool, InboxError> {
    let Some((group, group_url)) = remote::remote_group_of_post(&state.ctx, object.as_str()).await? else {
        return Ok(false);
    };
    let Ok(group_url) = Url::parse(&group_url) else {
        return Ok(false);
    };
    if &group_url != actor_url {
        match moderators::is_moderator(state, &group_url, actor_url).await {
            Ok(true) => {}
            Ok(false) => return Ok(false),
            Err(error) => return Err(super::retry_or_refuse(error, "the group's moderators")),
        }
    }
    match removals::remove_remote_post(&state.ctx, group, actor_url.as_str(), object.as_str(), reason).await {
        Ok(removed) => {
            tracing::info!(post = %object, by = %actor_url, removed, "post removed by its group");
            Ok(true)
        }
        Err(ServiceError::Forbidden) => Ok(false),
        Err(other) => Err(other.into()),
    }
}
