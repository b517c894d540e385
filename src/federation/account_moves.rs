//! What a move needs from other instances: the aliases typed on the form, resolved to
//! ActivityPub ids, and the actor moved to, fetched fresh and checked to list the moving one in
//! `alsoKnownAs` (Mastodon's rule, so nobody moves into an actor that is not theirs). A member's
//! account moves from the settings page; a group's move (`group_moves`) uses the same steps
//! with [`GROUP`].

use url::Url;

use super::resolve;
use crate::domain::{ActorId, FieldError};
use crate::service::{CurrentUser, ServiceError, account_moves, remote};
use crate::state::AppState;

/// What moves: a person's account or a group. The kind its aliases and its target must be, and
/// the words the form's errors and the log use.
#[derive(Debug, Clone, Copy)]
pub struct Moving {
    kind: &'static str,
    plural: &'static str,
    not_found: &'static str,
    not_fetched: &'static str,
    not_listed: &'static str,
    log: &'static str,
}

pub const ACCOUNT: Moving = Moving {
    kind: "person",
    plural: "accounts",
    not_found: "not an account we could find",
    not_fetched: "the account could not be fetched; try again later",
    not_listed: "that account does not list",
    log: "move",
};

pub const GROUP: Moving = Moving {
    kind: "group",
    plural: "groups",
    not_found: "not a group we could find",
    not_fetched: "the group could not be fetched; try again later",
    not_listed: "that group does not list",
    log: "group move",
};

/// Each non-empty line (`@name@host` or an actor URL) as the ActivityPub id of an actor of the
/// moving kind elsewhere; the first that is not one is refused.
pub async fn resolve_aliases_of(
    state: &AppState,
    text: &str,
    moving: Moving,
) -> Result<Vec<String>, ServiceError> {
    let mut aliases = Vec::new();
    for line in text.lines().map(str::trim).filter(|line| !line.is_empty()) {
        if aliases.len() >= account_moves::MAX_ALIASES {
            return Err(FieldError::new(
                "aliases",
                format!("at most {} other {}", account_moves::MAX_ALIASES, moving.plural),
            )
            .into());
        }
        let ap_id = match resolve::actor_by_handle_or_url(state, line).await {
            Some(actor) => remote_ap_id(state, actor, moving).await?,
            None => None,
        };
        match ap_id {
            Some(ap_id) => aliases.push(ap_id),
            None => return Err(FieldError::new("aliases", format!("{}: {line}", moving.not_found)).into()),
        }
    }
    Ok(aliases)
}

/// The ActivityPub id of an actor of the moving kind elsewhere (None for local actors and
/// other kinds).
async fn remote_ap_id(
    state: &AppState,
    actor: ActorId,
    moving: Moving,
) -> Result<Option<String>, ServiceError> {
    if remote::actor_kind(&state.ctx, actor).await?.as_deref() != Some(moving.kind) {
        return Ok(None);
    }
    account_moves::ap_id_of(&state.ctx, actor).await
}

/// The actor `target` (`@name@host` or an actor URL) names, stored here once its document,
/// fetched now, lists `ours` in `alsoKnownAs` (Mastodon's rule, so nobody moves into an actor
/// that is not theirs).
pub async fn verified_target(
    state: &AppState,
    target: &str,
    ours: &str,
    moving: Moving,
) -> Result<ActorId, ServiceError> {
    let refused = |message: &str| -> ServiceError { FieldError::new("target", message.to_owned()).into() };
    let actor =
        resolve::actor_by_handle_or_url(state, target).await.ok_or_else(|| refused(moving.not_found))?;
    let ap_id = remote_ap_id(state, actor, moving).await?.ok_or_else(|| refused(moving.not_found))?;
    let url = Url::parse(&ap_id).map_err(|_| refused(moving.not_found))?;
    let document = resolve::fetch_actor_document(state, &url).await.map_err(|error| {
        tracing::info!(%error, target = %url, "{}: target not fetched", moving.log);
        refused(moving.not_fetched)
    })?;
    if document.id != url || !document.also_known_as.iter().any(|alias| alias.as_str() == ours) {
        return Err(refused(&format!("{} {ours} as an alias yet: add it there first", moving.not_listed)));
    }
    let (stored, _) = resolve::store_actor(state, document).await.map_err(|error| {
        tracing::info!(%error, target = %url, "{}: target not stored", moving.log);
        refused(moving.not_found)
    })?;
    Ok(stored)
}

/// A member's aliases, as [`resolve_aliases_of`] reads them for accounts.
pub async fn resolve_aliases(state: &AppState, text: &str) -> Result<Vec<String>, ServiceError> {
    resolve_aliases_of(state, text, ACCOUNT).await
}

/// Moves the member to `target` (`@name@host` or an actor URL) once its document, fetched
/// now, lists the member's account in `alsoKnownAs`.
pub async fn move_to(state: &AppState, user: &CurrentUser, target: &str) -> Result<(), ServiceError> {
    let stored = verified_target(state, target, &state.uris.user(&user.name), ACCOUNT).await?;
    account_moves::move_member(&state.ctx, user, stored).await
}
