//! Our events as Mobilizon-compatible `Event` documents, attributed to their group.

use activitypub_federation::protocol::context::WithContext;
use serde_json::Value;

use super::objects::{ObjectError, datetime, url};
use super::protocol::event::{EventJson, EventType, PlaceJson, event_context_terms};
use super::protocol::{PUBLIC, context};
use super::uris::Uris;
use crate::domain::html::escape_text;
use crate::service::events::EventDetails;

/// A local event's document; remote events are not ours to describe.
pub fn event_json(uris: &Uris, event: &EventDetails) -> Result<EventJson, ObjectError> {
    if !event.local || event.group.host.is_some() {
        return Err(ObjectError("not a local event"));
    }
    let id = url(&uris.event(event.id.0))?;
    let group = url(&uris.group(&event.group.name))?;
    let mut content = event.description_html.clone();
    if !event.online_url.is_empty() {
        let link = escape_text(&event.online_url);
        content.push_str(&format!("<p><a href=\"{link}\">{link}</a></p>"));
    }
    let has_place = !event.address.is_empty() || event.coordinates.is_some();
    Ok(EventJson {
        kind: EventType::Event,
        attributed_to: group.clone(),
        name: Some(event.title.clone()),
        content: Some(content),
        media_type: Some("text/html".to_owned()),
        start_time: Some(datetime(event.starts_at)),
        end_time: Some(datetime(event.ends_at)),
        timezone: Some(event.time_zone.clone()),
        location: has_place.then(|| PlaceJson::new(&event.address, event.coordinates)),
        is_online: Some(!event.online_url.is_empty()),
        url: Some(id.clone()),
        join_mode: Some("free".to_owned()),
        participant_count: Some(event.going_count),
        maximum_attendee_capacity: Some(event.capacity.unwrap_or(0)),
        remaining_attendee_capacity: event.capacity.map(|c| (c - event.going_count).max(0)),
        audience: Some(group),
        to: vec![url(PUBLIC)?],
        cc: vec![url(&uris.followers_of("group", &event.group.name))?],
        published: Some(datetime(event.created_at)),
        updated: Some(datetime(event.updated_at)),
        id,
    })
}

/// Our `@context` with Mobilizon's event terms added.
pub fn with_event_context<T>(inner: T) -> WithContext<T> {
    let mut terms = context();
    if let (Some(list), Value::Object(extra)) = (terms.as_array_mut(), event_context_terms())
        && let Some(Value::Object(ours)) = list.last_mut()
    {
        ours.extend(extra);
    }
    WithContext::new(inner, terms)
}
