//! When someone here first follows a remote group, its events are pulled in from its events
//! collection (Mobilizon's `mz:events`, which our groups serve too), bounded, so the calendar
//! shows what is planned before the group next announces something.

use serde_json::Value;
use url::Url;

use super::activities::events::remote_event;
use super::activities::same_host;
use super::protocol::ActorJson;
use super::protocol::event::EventJson;
use super::resolve::{self, ResolveError};
use crate::service::{events, remote};
use crate::state::AppState;

/// Events read at most.
pub const BACKFILL_EVENTS: usize = 20;

/// Fetches the group's events collection and stores the public events in it that belong to
/// the group; returns how many were stored. Everything must come from the group's host.
pub async fn backfill_events(state: &AppState, group: &Url) -> Result<usize, ResolveError> {
    let Some((group_id, _)) = remote::known_actor(&state.ctx, group.as_str()).await? else {
        return Ok(0);
    };
    let actor: ActorJson = serde_json::from_value(resolve::fetch_document(state, group).await?)
        .map_err(|_| ResolveError::Invalid("not an actor"))?;
    let Some(events_url) = actor.events.filter(|url| same_host(url, group)) else { return Ok(0) };
    let items = resolve::collection_items(state, &events_url, group, 1, BACKFILL_EVENTS).await?;
    let mut stored = 0;
    for item in items {
        let Some(event) = event_of(state, item, group).await else { continue };
        if !event.is_public() || remote::is_deleted_object(&state.ctx, event.id.as_str()).await? {
            continue;
        }
        let Some(remote) = remote_event(&event, group_id, group_id) else { continue };
        if events::store_remote_event(&state.ctx, remote).await.is_ok() {
            stored += 1;
        }
    }
    tracing::info!(group = %group, stored, "backfilled a remote group's events");
    Ok(stored)
}

/// The event an item names (embedded, or its id fetched), if it is the group's own.
async fn event_of(state: &AppState, item: Value, group: &Url) -> Option<EventJson> {
    let event: EventJson = match item {
        Value::String(id) => {
            let id = Url::parse(&id).ok().filter(|id| same_host(id, group))?;
            serde_json::from_value(resolve::fetch_document(state, &id).await.ok()?).ok()?
        }
        Value::Object(_) => serde_json::from_value(item).ok()?,
        _ => return None,
    };
    (same_host(&event.id, group) && event.group() == group && !state.uris.is_local(&event.id))
        .then_some(event)
}
