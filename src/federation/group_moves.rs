//! What the group's moving page needs from other instances: the aliases a moderator types,
//! resolved to ActivityPub ids of groups, and the group it moves to, fetched fresh and checked
//! to list this one in `alsoKnownAs` (the rule of `account_moves`, for groups).

use url::Url;

use super::resolve;
use crate::domain::{ActorId, FieldError};
use crate::service::{CurrentUser, ServiceError, account_moves, group_moves, remote};
use crate::state::AppState;

const NOT_FOUND: &str = "not a group we could find";

/// Each non-empty line (`@name@host` or a group URL) as the ActivityPub id of a group
/// elsewhere; the first that is not one is refused.
pub async fn resolve_aliases(state: &AppState, text: &str) -> Result<Vec<String>, ServiceError> {
    let mut aliases = Vec::new();
    for line in text.lines().map(str::trim).filter(|line| !line.is_empty()) {
        if aliases.len() >= account_moves::MAX_ALIASES {
            return Err(FieldError::new(
                "aliases",
                format!("at most {} other groups", account_moves::MAX_ALIASES),
            )
            .into());
        }
        let ap_id = match resolve::actor_by_handle_or_url(state, line).await {
            Some(actor) => remote_group_ap_id(state, actor).await?,
            None => None,
        };
        match ap_id {
            Some(ap_id) => aliases.push(ap_id),
            None => return Err(FieldError::new("aliases", format!("{NOT_FOUND}: {line}")).into()),
        }
    }
    Ok(aliases)
}

/// The ActivityPub id of a group elsewhere (None for local actors and people).
async fn remote_group_ap_id(state: &AppState, actor: ActorId) -> Result<Option<String>, ServiceError> {
    if remote::actor_kind(&state.ctx, actor).await?.as_deref() != Some("group") {
        return Ok(None);
    }
    account_moves::ap_id_of(&state.ctx, actor).await
}

/// Moves local group `name` to `target` (`@name@host` or a group URL) once the target's
/// document, fetched now, lists this group in `alsoKnownAs`.
pub async fn move_to(
    state: &AppState,
    user: &CurrentUser,
    name: &str,
    target: &str,
) -> Result<(), ServiceError> {
    let refused = |message: &str| -> ServiceError { FieldError::new("target", message.to_owned()).into() };
    // Only a moderator gets as far as fetching anything.
    group_moves::movable_group(&state.ctx, user, name).await?;
    let actor = resolve::actor_by_handle_or_url(state, target).await.ok_or_else(|| refused(NOT_FOUND))?;
    let ap_id = remote_group_ap_id(state, actor).await?.ok_or_else(|| refused(NOT_FOUND))?;
    let url = Url::parse(&ap_id).map_err(|_| refused(NOT_FOUND))?;
    let document = resolve::fetch_actor_document(state, &url).await.map_err(|error| {
        tracing::info!(%error, target = %url, "group move: target not fetched");
        refused("the group could not be fetched; try again later")
    })?;
    let ours = state.uris.group(name);
    if document.id != url || !document.also_known_as.iter().any(|alias| alias.as_str() == ours) {
        return Err(refused(&format!("that group does not list {ours} as an alias yet: add it there first")));
    }
    let (stored, _) = resolve::store_actor(state, document).await.map_err(|error| {
        tracing::info!(%error, target = %url, "group move: target not stored");
        refused(NOT_FOUND)
    })?;
    group_moves::move_group(&state.ctx, user, name, stored).await
}
