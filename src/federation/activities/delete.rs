//! `Delete` of a post, by its author or its group. A Delete before its Create leaves nothing to
//! delete, and the id is remembered, so the late Create is refused.

use url::Url;

use crate::domain::ActorId;
use crate::federation::inbox::InboxError;
use crate::federation::protocol::DeleteJson;
use crate::service::{ServiceError, remote};
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
        Err(ServiceError::Forbidden) => return Err(InboxError::Forbidden("Delete by someone who may not")),
        Err(other) => return Err(other.into()),
    }
    // Only the object's own server may rule out its later arrival (a Delete that overtook its
    // Create); anyone else's Delete of an unknown object is ignored.
    if super::same_host(object, actor_url) {
        remote::record_deleted_object(&state.ctx, object.as_str()).await?;
    }
    Ok(())
}
