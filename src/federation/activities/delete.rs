//! `Delete` of a post, by its author, its group, or a moderator of its group (the authority
//! rule in `service::authority` decides). A moderator's Delete is a removal: its `summary` is
//! kept as the reason and shown in place of the post (Lemmy's moderator removal). A Delete
//! before its Create leaves nothing to delete, and the id is remembered, so the late Create is
//! refused. A `Delete` whose object is its own actor is an account deleted at its origin:
//! what we hold of it goes (`service::account_deletion::forget_remote_actor`).

use url::Url;

use crate::domain::ActorId;
use crate::federation::http::FetchError;
use crate::federation::inbox::InboxError;
use crate::federation::moderators;
use crate::federation::protocol::DeleteJson;
use crate::federation::resolve::{self, ResolveError};
use crate::service::remote;
use crate::service::remote_moderation::{self, Outcome, Removal, Vouchers};
use crate::service::visiting_moderators::Request;
use crate::state::AppState;

pub async fn receive(
    state: &AppState,
    actor: ActorId,
    actor_url: &Url,
    delete: DeleteJson,
    raw: &serde_json::Value,
) -> Result<(), InboxError> {
    let object = delete.object_id();
    if object == actor_url {
        // The person (or group) itself is gone at its origin: only its own key may say so.
        crate::service::account_deletion::forget_remote_actor(&state.ctx, actor).await?;
        return Ok(());
    }
    if state.uris.is_local(object) {
        let request = Request::Remove { reason: delete.summary.as_deref() };
        return super::visiting_moderator::receive(state, actor, actor_url, object, request).await;
    }
    if super::quotes::stamp_deleted(state, actor_url, object).await? {
        return Ok(());
    }
    if super::events::delete_event(state, actor_url, object).await? {
        remote::record_deleted_object(&state.ctx, object.as_str()).await?;
        return Ok(());
    }
    moderators::refresh_for(state, object, actor)
        .await
        .map_err(|error| super::retry_or_refuse(error, "the group's moderators"))?;
    let vouchers = Vouchers { actor: Some(actor), announcer: None };
    let raw = raw.to_string();
    let removal = Removal {
        moderator: actor_url.as_str(),
        reason: delete.summary.as_deref(),
        activity_json: Some(raw.as_str()),
    };
    match remote_moderation::delete_post(&state.ctx, object.as_str(), vouchers, removal).await? {
        Outcome::Refused => Err(InboxError::Forbidden("Delete by someone who may not")),
        Outcome::Applied { grant, changed } => {
            tracing::info!(post = %object, by = %actor_url, ?grant, changed, "post deleted");
            Ok(())
        }
        Outcome::Unknown => {
            // Only the object's own server may rule out its later arrival (a Delete that
            // overtook its Create); anyone else's Delete of an unknown object is ignored.
            if super::same_host(object, actor_url) {
                remote::record_deleted_object(&state.ctx, object.as_str()).await?;
            }
            Ok(())
        }
    }
}

/// A `Delete` that a group announced for someone on another server. The inner actor is only a
/// claim: the announcement counts when the announcer is the post's own group, or when the
/// post's origin confirms that it is gone. Anything else is skipped.
pub(super) async fn receive_announced(
    state: &AppState,
    announcer: ActorId,
    delete: &DeleteJson,
) -> Result<(), InboxError> {
    let object = delete.object_id();
    if state.uris.is_local(object) {
        return Ok(());
    }
    let vouchers = Vouchers { actor: None, announcer: Some(announcer) };
    // The group vouches for the removal; the moderator it names is kept for the modlog.
    let removal =
        Removal { moderator: delete.actor.as_str(), reason: delete.summary.as_deref(), activity_json: None };
    match remote_moderation::delete_post(&state.ctx, object.as_str(), vouchers, removal).await? {
        Outcome::Applied { grant, changed } => {
            tracing::info!(post = %object, ?grant, changed, "post removed by its group");
            return Ok(());
        }
        Outcome::Unknown => return Ok(()),
        Outcome::Refused => {}
    }
    match resolve::fetch_document(state, object).await {
        Err(ResolveError::Fetch(FetchError::Gone | FetchError::Status(404))) => {
            remote_moderation::forget_post_gone_at_origin(&state.ctx, object.as_str()).await?;
            Ok(())
        }
        Err(error) if super::is_transient(&error) => Err(super::retry_or_refuse(error, "the deleted object")),
        _ => {
            tracing::info!(post = %object, "skipped a Delete announced by a group the post is not in");
            Ok(())
        }
    }
}
