//! `Undo` of a Follow or Like; the undone activity must be the same actor's. A Follow named
//! only by its id (as some servers send it) is looked up among the follows stored here.

use url::Url;

use crate::domain::ActorId;
use crate::federation::inbox::InboxError;
use crate::federation::protocol::{UndoJson, UndoObject};
use crate::federation::uris::LocalObject;
use crate::service::remote;
use crate::state::AppState;

pub async fn receive(
    state: &AppState,
    actor: ActorId,
    actor_url: &Url,
    undo: UndoJson,
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
                remote::set_remote_like(&state.ctx, actor, post, false).await?;
            }
            Ok(())
        }
        UndoObject::Url(id) => {
            if remote::end_remote_follow_by_ap_id(&state.ctx, actor, id.as_str()).await? {
                tracing::debug!(follow = %id, "follow undone by id");
            }
            Ok(())
        }
        _ => Ok(()),
    }
}
