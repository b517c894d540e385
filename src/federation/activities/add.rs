//! `Add` and `Remove` of a moderator (Lemmy): a remote group's team changes, told by the group
//! itself or by one of its moderators (usually announced by the group). Its `target` is the
//! group's moderators collection, on the group's host: `{group}/moderators`, as Lemmy and Mbin
//! name it, with the group also given as `audience`. Our own groups' teams change only here.
//! Featured threads (`target` the featured collection) are pins, handled in `featured.rs`.

use url::Url;

use super::same_host;
use crate::domain::ActorId;
use crate::federation::inbox::InboxError;
use crate::federation::protocol::add::CollectionChangeJson;
use crate::service::{moderator_teams, remote};
use crate::state::AppState;

/// A change of a remote group's team by `actor` (verified), or announced by `announcer` (the
/// group itself, verified) on behalf of someone else.
pub async fn receive<Kind>(
    state: &AppState,
    vouched_by: ActorId,
    change: CollectionChangeJson<Kind>,
    added: bool,
) -> Result<(), InboxError> {
    if state.uris.is_local(&change.target) {
        return Err(InboxError::Forbidden("our groups' teams change only here"));
    }
    let Some(group) = moderated_group(state, &change).await? else {
        tracing::debug!(target = %change.target, "Add/Remove of a collection we do not follow");
        return Ok(());
    };
    crate::federation::moderators::refresh_team_for(state, group, vouched_by)
        .await
        .map_err(|error| super::retry_or_refuse(error, "the group's moderators"))?;
    if !moderator_teams::may_change_remote_team(&state.ctx, group, vouched_by).await? {
        return Err(InboxError::Forbidden("a team changed by someone who does not moderate the group"));
    }
    let changed =
        moderator_teams::learn_remote_moderator(&state.ctx, group, change.object.as_str(), added).await?;
    tracing::info!(group = %change.target, moderator = %change.object, added, changed, "remote group's team changed");
    Ok(())
}

/// The remote group whose moderators collection `target` is: a group we know, named by the
/// collection's URL without its last segment or else by the activity's `audience` (Lemmy's
/// own fixtures name a person there), on the same host.
async fn moderated_group<Kind>(
    state: &AppState,
    change: &CollectionChangeJson<Kind>,
) -> Result<Option<ActorId>, InboxError> {
    let target = &change.target;
    if target.path_segments().and_then(|mut segments| segments.next_back()) != Some("moderators") {
        return Ok(None);
    }
    let mut parent = target.clone();
    if let Ok(mut segments) = parent.path_segments_mut() {
        segments.pop();
    }
    let candidates: Vec<&Url> = std::iter::once(&parent).chain(change.audience.iter()).collect();
    for candidate in candidates {
        if !same_host(candidate, target) {
            continue;
        }
        if let Some((group, _)) = remote::known_actor(&state.ctx, candidate.as_str()).await?
            && remote::actor_kind(&state.ctx, group).await?.as_deref() == Some("group")
        {
            return Ok(Some(group));
        }
    }
    Ok(None)
}
