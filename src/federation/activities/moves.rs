//! `Move`: a person we know moved to another account (Mastodon's account migration), or a
//! group to another group (issue 15). Only the actor itself can say so (`actor` and `object`
//! are the signer), and only to an actor of the same kind that claims it back: the target's
//! document, fetched fresh from its origin, must list the old actor in `alsoKnownAs`. Then
//! local followers unfollow the old actor and follow the new one. A target on this instance
//! counts when it has the old actor as an alias.

use url::Url;

use super::retry_or_refuse;
use crate::domain::ActorId;
use crate::federation::inbox::InboxError;
use crate::federation::protocol::{ActorKind, MoveJson};
use crate::federation::resolve;
use crate::federation::uris::LocalObject;
use crate::service::{account_moves, remote};
use crate::state::AppState;

pub(super) async fn receive(
    state: &AppState,
    actor: ActorId,
    actor_url: &Url,
    activity: MoveJson,
) -> Result<(), InboxError> {
    if &activity.actor != actor_url || &activity.object != actor_url {
        return Err(InboxError::Forbidden("a Move moves its own actor only"));
    }
    if activity.target == activity.object {
        return Err(InboxError::BadRequest("a Move to the same account".into()));
    }
    // People move to people, groups to groups.
    let kind = match remote::actor_kind(&state.ctx, actor).await?.as_deref() {
        Some("person") => "person",
        Some("group") => "group",
        _ => {
            tracing::debug!(actor = %actor_url, "Move of an actor that is neither a person nor a group ignored");
            return Ok(());
        }
    };
    let target = match state.uris.parse_local(&activity.target) {
        Some(LocalObject::Actor { kind: target_kind, name }) if target_kind == kind => {
            let target = remote::local_actor_id(&state.ctx, kind, &name)
                .await?
                .ok_or(InboxError::Forbidden("the Move's target is no account here"))?;
            if !account_moves::aliases_of(&state.ctx, target).await?.iter().any(|a| a == actor_url.as_str()) {
                return Err(InboxError::Forbidden("the target does not list the origin in alsoKnownAs"));
            }
            target
        }
        Some(_) => return Err(InboxError::Forbidden("the Move's target is no account here")),
        None => {
            // A fresh copy: a stored one may predate the alias.
            let document = resolve::fetch_actor_document(state, &activity.target)
                .await
                .map_err(|error| retry_or_refuse(error, "the Move's target"))?;
            if document.id != activity.target {
                return Err(InboxError::Forbidden("the Move's target document has another id"));
            }
            if !document.also_known_as.contains(actor_url) {
                return Err(InboxError::Forbidden("the target does not list the origin in alsoKnownAs"));
            }
            if (document.kind == ActorKind::Group) != (kind == "group") {
                return Err(InboxError::Forbidden("a Move to an actor of another kind"));
            }
            resolve::store_actor(state, document).await?.0
        }
    };
    let handed =
        account_moves::remote_actor_moved(&state.ctx, actor, target, activity.target.as_str()).await?;
    tracing::info!(origin = %actor_url, target = %activity.target, kind, handed, "account moved");
    Ok(())
}
