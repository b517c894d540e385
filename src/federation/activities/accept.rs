//! `Accept` of a Follow we sent: only the followed actor can accept, and only follows we sent.

use url::Url;

use crate::domain::ActorId;
use crate::federation::inbox::InboxError;
use crate::federation::protocol::AcceptJson;
use crate::federation::uris::LocalObject;
use crate::service::remote;
use crate::state::AppState;

pub async fn receive(
    state: &AppState,
    actor: ActorId,
    actor_url: &Url,
    accept: AcceptJson,
) -> Result<(), InboxError> {
    if let Some(follow) = accept.object.follow()
        && &follow.object != actor_url
    {
        return Err(InboxError::Forbidden("Accept of a follow of someone else"));
    }
    if super::quotes::is_our_request(state, accept.object.id()) {
        let request = accept.object.id().clone();
        return super::quotes::receive_answer_by_id(
            state,
            actor,
            actor_url,
            &request,
            true,
            accept.result.as_ref(),
        )
        .await;
    }
    if let Some(LocalObject::Join { person, event }) = state.uris.parse_local(accept.object.id()) {
        return super::events::receive_join_answer_by_id(state, actor_url, person, event, true).await;
    }
    let Some(LocalObject::Follow(follow_id)) = state.uris.parse_local(accept.object.id()) else {
        tracing::info!(object = %accept.object.id(), "Accept of a follow we did not send");
        return Ok(());
    };
    if !remote::accept_follow_by_id(&state.ctx, follow_id, actor).await? {
        tracing::info!(follow_id, "Accept ignored: not the followed actor, or not pending");
    }
    Ok(())
}
