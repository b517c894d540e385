//! What the group's moving page needs from other instances: the steps of `account_moves`, for
//! groups.

use super::account_moves::{self as moves, GROUP};
use crate::service::{CurrentUser, ServiceError, group_moves};
use crate::state::AppState;

/// Each non-empty line (`@name@host` or a group URL) as the ActivityPub id of a group
/// elsewhere; the first that is not one is refused.
pub async fn resolve_aliases(state: &AppState, text: &str) -> Result<Vec<String>, ServiceError> {
    moves::resolve_aliases_of(state, text, GROUP).await
}

/// Moves local group `name` to `target` (`@name@host` or a group URL) once the target's
/// document, fetched now, lists this group in `alsoKnownAs`.
pub async fn move_to(
    state: &AppState,
    user: &CurrentUser,
    name: &str,
    target: &str,
) -> Result<(), ServiceError> {
    // Only a moderator gets as far as fetching anything.
    group_moves::movable_group(&state.ctx, user, name).await?;
    let stored = moves::verified_target(state, target, &state.uris.group(name), GROUP).await?;
    group_moves::move_group(&state.ctx, user, name, stored).await
}
