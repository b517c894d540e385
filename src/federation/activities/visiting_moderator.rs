//! A moderator on another server removes or restores a post of ours in one of our groups: their
//! own `Delete` (reason in `summary`) or its `Undo`, sent to the group's inbox as Lemmy does.
//! The group's team decides (`service::visiting_moderators`); everyone else's `Delete` of one
//! of our objects is refused.

use url::Url;

use crate::domain::ActorId;
use crate::federation::inbox::InboxError;
use crate::federation::uris::LocalObject;
use crate::service::remote_moderation::Outcome;
use crate::service::visiting_moderators::{self, Request};
use crate::state::AppState;

/// `object` is one of our URLs; `actor` signed the request.
pub(super) async fn receive(
    state: &AppState,
    actor: ActorId,
    actor_url: &Url,
    object: &Url,
    request: Request<'_>,
) -> Result<(), InboxError> {
    let Some(LocalObject::Post(post)) = state.uris.parse_local(object) else {
        return Err(InboxError::Forbidden("Delete of one of our objects"));
    };
    match visiting_moderators::moderate(&state.ctx, post, actor, request).await? {
        Outcome::Applied { changed, .. } => {
            tracing::info!(post = %object, by = %actor_url, ?request, changed, "a visiting moderator acted");
            Ok(())
        }
        Outcome::Refused | Outcome::Unknown => {
            Err(InboxError::Forbidden("only the group's moderators change our posts in it"))
        }
    }
}
