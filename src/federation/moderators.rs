//! Who moderates a remote group: its `attributedTo` moderators collection (Lemmy, FEP-1b12),
//! fetched when a moderator's action needs checking. Only a collection on the group's own host
//! counts, and only its first page, bounded.

use serde_json::Value;
use url::Url;

use super::activities::same_host;
use super::protocol::ActorJson;
use super::resolve::{self, ResolveError};
use crate::state::AppState;

/// Moderators read at most from one group's list.
pub const MAX_MODERATORS: usize = 200;

/// Whether `actor` is among the moderators the group `group` lists.
pub async fn is_moderator(state: &AppState, group: &Url, actor: &Url) -> Result<bool, ResolveError> {
    Ok(moderators_of(state, group).await?.iter().any(|moderator| moderator == actor))
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
