//! What the settings page needs from other instances to move an account: the aliases a member
//! types, resolved to ActivityPub ids, and the account they move to, fetched fresh and
//! checked to list this one in `alsoKnownAs` (Mastodon's rule, so nobody moves into an
//! account that is not theirs).

use url::Url;

use super::resolve;
use crate::domain::{ActorId, FieldError};
use crate::service::{CurrentUser, ServiceError, account_moves, remote};
use crate::state::AppState;

const NOT_FOUND: &str = "not an account we could find";

/// Each non-empty line (`@name@host` or an actor URL) as the ActivityPub id of a person
/// elsewhere; the first that is not one is refused.
pub async fn resolve_aliases(state: &AppState, text: &str) -> Result<Vec<String>, ServiceError> {
    let mut aliases = Vec::new();
    for line in text.lines().map(str::trim).filter(|line| !line.is_empty()) {
        if aliases.len() >= account_moves::MAX_ALIASES {
            return Err(FieldError::new(
                "aliases",
                format!("at most {} other accounts", account_moves::MAX_ALIASES),
            )
            .into());
        }
        let found = resolve::actor_by_handle_or_url(state, line).await;
        let ap_id = match found {
            Some(actor) => person_ap_id(state, actor).await?,
            None => None,
        };
        match ap_id {
            Some(ap_id) => aliases.push(ap_id),
            None => return Err(FieldError::new("aliases", format!("{NOT_FOUND}: {line}")).into()),
        }
    }
    Ok(aliases)
}

/// The ActivityPub id of a person elsewhere (None for local actors and groups).
async fn person_ap_id(state: &AppState, actor: ActorId) -> Result<Option<String>, ServiceError> {
    let handle = remote::actor_handle(&state.ctx, actor).await?;
    if handle.is_none_or(|h| h.kind != "person" || !h.handle.contains('@')) {
        return Ok(None);
    }
    account_moves::ap_id_of(&state.ctx, actor).await
}

/// Moves the member to `target` (`@name@host` or an actor URL) once its document, fetched
/// now, lists the member's account in `alsoKnownAs`.
pub async fn move_to(state: &AppState, user: &CurrentUser, target: &str) -> Result<(), ServiceError> {
    let refused = |message: &str| -> ServiceError { FieldError::new("target", message.to_owned()).into() };
    let actor = resolve::actor_by_handle_or_url(state, target).await.ok_or_else(|| refused(NOT_FOUND))?;
    let ap_id = person_ap_id(state, actor).await?.ok_or_else(|| refused(NOT_FOUND))?;
    let url = Url::parse(&ap_id).map_err(|_| refused(NOT_FOUND))?;
    let document = resolve::fetch_actor_document(state, &url).await.map_err(|error| {
        tracing::info!(%error, target = %url, "move: target not fetched");
        refused("the account could not be fetched; try again later")
    })?;
    let ours = state.uris.user(&user.name);
    if !document.also_known_as.iter().any(|alias| alias.as_str() == ours) {
        return Err(refused(&format!(
            "that account does not list {ours} as an alias yet: add it there first"
        )));
    }
    let (stored, _) = resolve::store_actor(state, document).await.map_err(|error| {
        tracing::info!(%error, target = %url, "move: target not stored");
        refused(NOT_FOUND)
    })?;
    account_moves::move_member(&state.ctx, user, stored).await
}
