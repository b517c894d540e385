//! `Move`: a person we know moved to another account (Mastodon's account migration). Only the
//! account itself can say so (`actor` and `object` are the signer), and only to an account
//! that claims it back: the target's document, fetched fresh from its origin, must list the
//! old account in `alsoKnownAs`. Then local followers unfollow the old account and follow the
//! new one. A target on this instance counts when the member set the old account as an alias.

use url::Url;

use super::retry_or_refuse;
use crate::domain::ActorId;
use crate::federation::inbox::InboxError;
use crate::federation::protocol::MoveJson;
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
    if remote::actor_kind(&state.ctx, actor).await?.as_deref() != Some("person") {
        tracing::debug!(actor = %actor_url, "Move of an actor that is not a person ignored");
        return Ok(());
    }
    let target = match state.uris.parse_local(&activity.target) {
        Some(LocalObject::Actor { kind: "person", name }) => {
            let target = remote::local_actor_id(&state.ctx, "person", &name)
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
            resolve::store_actor(state, document).await?.0
        }
    };
    let handed =
        account_moves::remote_person_moved(&state.ctx, actor, target, activity.target.as_str()).await?;
    tracing::info!(origin = %actor_url, target = %activity.target, handed, "account moved");
    Ok(())
}
