//! `Reject` of a Follow we sent: the followed actor declines, and our follow ends. Only the
//! followed actor can reject, and only follows we sent.

use url::Url;

use crate::domain::ActorId;
use crate::federation::inbox::InboxError;
use crate::federation::protocol::RejectJson;
use crate::federation::uris::LocalObject;
use crate::service::remote;
use crate::state::AppState;

pub async fn receive(
    state: &AppState,
    actor: ActorId,
    actor_url: &Url,
    reject: RejectJson,
) -> Result<(), InboxError> {
    if let Some(follow) = reject.object.follow()
        && &follow.object != actor_url
    {
        return Err(InboxError::Forbidden("Reject of a follow of someone else"));
    }
    if super::quotes::is_our_request(state, reject.object.id()) {
        let request = reject.object.id().clone();
        return super::quotes::receive_answer_by_id(state, actor, actor_url, &request, false, None).await;
    }
    if let Some(LocalObject::Join { person, event }) = state.uris.parse_local(reject.object.id()) {
        return super::events::receive_join_answer_by_id(state, actor_url, person, event, false).await;
    }
    let Some(LocalObject::Follow(follow_id)) = state.uris.parse_local(reject.object.id()) else {
        tracing::info!(object = %reject.object.id(), "Reject of a follow we did not send");
        return Ok(());
    };
    if !remote::reject_follow_by_id(&state.ctx, follow_id, actor).await? {
        tracing::info!(follow_id, "Reject ignored: not the followed actor, or no such follow");
    }
    Ok(())
}
