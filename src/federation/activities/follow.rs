//! `Follow` of one of our groups or people: open groups accept at once (the Accept is queued).

use url::Url;

use crate::domain::ActorId;
use crate::federation::inbox::InboxError;
use crate::federation::protocol::FollowJson;
use crate::federation::uris::LocalObject;
use crate::service::remote;
use crate::state::AppState;

pub async fn receive(
    state: &AppState,
    actor: ActorId,
    actor_url: &Url,
    follow: FollowJson,
) -> Result<(), InboxError> {
    if &follow.actor != actor_url {
        return Err(InboxError::Forbidden("Follow by someone else"));
    }
    let Some(LocalObject::Actor { kind, name }) = state.uris.parse_local(&follow.object) else {
        return Err(InboxError::BadRequest("Follow of something that is not one of our actors".into()));
    };
    if kind == "application" {
        return Ok(());
    }
    let followed = remote::local_actor_id(&state.ctx, kind, &name)
        .await?
        .ok_or(InboxError::BadRequest("Follow of an unknown actor".into()))?;
    remote::accept_remote_follow(&state.ctx, actor, followed, follow.id.as_str()).await?;
    state.wake_delivery.notify_one();
    Ok(())
}
