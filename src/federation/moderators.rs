//! Who moderates a remote group: its `attributedTo` moderators collection (Lemmy, FEP-1b12),
//! read from the group's own server and kept (`remote_group_moderators`) for the authority rule.
//! Only a collection on the group's own host counts, and only its first page, bounded.

use serde_json::Value;
use url::Url;

use super::activities::same_host;
use super::protocol::ActorJson;
use super::resolve::{self, ResolveError};
use crate::domain::ActorId;
use crate::service::remote_moderation;
use crate::state::AppState;

/// Moderators read at most from one group's list.
pub const MAX_MODERATORS: usize = 200;

/// Whether `actor` is the group `group` itself or among the moderators its server lists (read
/// again when what we keep is old). Unknown groups and actors moderate nothing.
pub async fn is_moderator(state: &AppState, group: &Url, actor: &Url) -> Result<bool, ResolveError> {
    let Some((group_id, _)) = crate::service::remote::known_actor(&state.ctx, group.as_str()).await? else {
        return Ok(false);
    };
    let Some((actor_id, _)) = crate::service::remote::known_actor(&state.ctx, actor.as_str()).await? else {
        return Ok(false);
    };
    refresh_team_for(state, group_id, actor_id).await?;
    Ok(crate::service::moderator_teams::may_change_remote_team(&state.ctx, group_id, actor_id).await?)
}

/// Before `actor`'s request about the post `object` is judged: reads the moderators of the
/// post's remote group again when what we keep is old (see
/// `remote_moderation::moderators_to_refresh`). A list that cannot be read now is worth a retry
/// by the sender (503); a broken one leaves what we knew.
pub async fn refresh_for(state: &AppState, object: &Url, actor: ActorId) -> Result<(), ResolveError> {
    let Some((group, group_url)) =
        remote_moderation::moderators_to_refresh(&state.ctx, object.as_str(), actor).await?
    else {
        return Ok(());
    };
    read_team(state, group, &group_url).await
}

/// Before `actor`'s change of the remote group's team is judged: reads the team again when
/// what we keep is old (see `remote_moderation::team_to_refresh`).
pub async fn refresh_team_for(state: &AppState, group: ActorId, actor: ActorId) -> Result<(), ResolveError> {
    match remote_moderation::team_to_refresh(&state.ctx, group, actor).await? {
        Some(group_url) => read_team(state, group, &group_url).await,
        None => Ok(()),
    }
}

async fn read_team(state: &AppState, group: ActorId, group_url: &str) -> Result<(), ResolveError> {
    let Ok(group_url) = Url::parse(group_url) else {
        return Ok(());
    };
    let listed: Vec<String> = moderators_of(state, &group_url).await?.iter().map(Url::to_string).collect();
    remote_moderation::set_remote_moderators(&state.ctx, group, &listed).await?;
    Ok(())
}

/// The group's moderators, from its own server.
pub async fn moderators_of(state: &AppState, group: &Url) -> Result<Vec<Url>, ResolveError> {
    let actor: ActorJson = serde_json::from_value(resolve::fetch_document(state, group).await?)
        .map_err(|_| ResolveError::Invalid("not an actor"))?;
    if &actor.id != group {
        return Err(ResolveError::Invalid("the group document has another id"));
    }
    let Some(list) = actor.attributed_to.filter(|list| same_host(list, group)) else {
        return Ok(Vec::new());
    };
    let items = resolve::collection_items(state, &list, group, 1, MAX_MODERATORS).await?;
    Ok(items.iter().filter_map(item_id).collect())
}

/// A collection item: a URL, or an object with an `id`.
fn item_id(item: &Value) -> Option<Url> {
    let id = match item {
        Value::String(id) => id.as_str(),
        Value::Object(object) => object.get("id")?.as_str()?,
        _ => return None,
    };
    Url::parse(id).ok()
}
