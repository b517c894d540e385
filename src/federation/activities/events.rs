//! Events from other instances and answers to ours.
//!
//! - `Create`/`Update` of an `Event`: stored when it belongs to a remote group that someone
//!   here follows, and comes from that group's host (Mobilizon sends it as the organiser, we as
//!   the group; both are on the group's host).
//! - `Join` of one of our events by a remote person: they are going (if there is room), and the
//!   group answers with `Accept(Join)`, or `Reject(Join)` when the event is full.
//! - `Leave`, or `Undo(Join)`: they are not going any more.
//! - `Accept(Join)` or `Reject(Join)` of one of our members' `Join` of a remote event, from the
//!   event's own server (Mobilizon answers as the organising person, we as the group): their
//!   place is confirmed, or declined.

use url::Url;

use super::same_host;
use crate::domain::event::{Confirmation, JoinMode};
use crate::domain::{ActorId, EventId, Timestamp};
use crate::federation::inbox::InboxError;
use crate::federation::protocol::event::{AcceptJoinJson, EventActivityJson, EventJson, JoinJson};
use crate::federation::uris::LocalObject;
use crate::service::events::{self, RemoteEvent};
use crate::service::{ServiceError, remote};
use crate::state::AppState;

pub async fn receive_event(
    state: &AppState,
    actor: ActorId,
    actor_url: &Url,
    activity: EventActivityJson,
) -> Result<(), InboxError> {
    let event = &activity.object;
    let group_url = event.group().clone();
    if !same_host(&event.id, actor_url) || !same_host(&group_url, actor_url) {
        return Err(InboxError::Forbidden("the event is not the actor's own"));
    }
    if state.uris.is_local(&event.id) {
        return Err(InboxError::Forbidden("an object claiming our own domain"));
    }
    if !event.is_public() || remote::is_deleted_object(&state.ctx, event.id.as_str()).await? {
        return Ok(());
    }
    let Some((group, _)) = remote::known_actor(&state.ctx, group_url.as_str()).await? else {
        return Ok(());
    };
    let is_group = remote::actor_kind(&state.ctx, group).await?.as_deref() == Some("group");
    if !is_group || !remote::has_local_follower(&state.ctx, group).await? {
        tracing::debug!(event = %event.id, "ignored an event of a group nobody here follows");
        return Ok(());
    }
    let Some(remote_event) = remote_event(event, group, actor) else {
        return Err(InboxError::BadRequest("an event needs a name, a start and an end".into()));
    };
    events::store_remote_event(&state.ctx, remote_event).await?;
    Ok(())
}

/// What we keep of a remote event; `None` without a name, start and end.
pub(crate) fn remote_event(event: &EventJson, group: ActorId, author: ActorId) -> Option<RemoteEvent> {
    let title: String = event.name.as_deref()?.trim().chars().take(200).collect();
    let (start, end) = (event.start_time?, event.end_time?);
    if title.is_empty() {
        return None;
    }
    let starts_at = Timestamp::from_millis(start.timestamp_millis());
    let ends_at = Timestamp::from_millis(end.timestamp_millis().max(start.timestamp_millis()));
    let place = event.location.as_ref();
    let coordinates = place
        .and_then(|p| p.latitude.zip(p.longitude))
        .filter(|(lat, lon)| lat.abs() <= 90.0 && lon.abs() <= 180.0);
    let online_url = match (event.is_online, &event.url) {
        (Some(true), Some(url)) if url.as_str() != event.id.as_str() => url.to_string(),
        _ => String::new(),
    };
    Some(RemoteEvent {
        ap_id: event.id.to_string(),
        group,
        author,
        title,
        content_html: event.content.clone().unwrap_or_default(),
        starts_at,
        ends_at,
        time_zone: event.timezone.clone().unwrap_or_else(|| "UTC".to_owned()),
        address: place.map(|p| p.text()).unwrap_or_default().chars().take(500).collect(),
        coordinates,
        online_url,
        capacity: event.maximum_attendee_capacity.filter(|c| *c > 0),
        participant_count: event.participant_count.unwrap_or(0).max(0),
        join_mode: JoinMode::parse_lenient(event.join_mode.as_deref().unwrap_or_default()),
    })
}

/// One of our events, named by its URL.
fn local_event(state: &AppState, url: &Url) -> Option<EventId> {
    match state.uris.parse_local(url) {
        Some(LocalObject::Event(id)) => Some(EventId(id)),
        _ => None,
    }
}

pub async fn receive_join(
    state: &AppState,
    actor: ActorId,
    actor_url: &Url,
    join: JoinJson,
) -> Result<(), InboxError> {
    if &join.actor != actor_url {
        return Err(InboxError::Forbidden("Join by someone else"));
    }
    let Some(event) = local_event(state, &join.object) else {
        return Ok(());
    };
    match events::answer_remote(&state.ctx, actor, event, true, Some(join.id.as_str())).await {
        Ok(answer) => {
            if answer == events::RemoteAnswer::Full {
                tracing::info!(event = %join.object, "a Join of a full event is rejected");
            }
            state.wake_delivery.notify_one();
            Ok(())
        }
        Err(ServiceError::NotFound) => Ok(()),
        Err(other) => Err(other.into()),
    }
}

pub async fn receive_leave(
    state: &AppState,
    actor: ActorId,
    actor_url: &Url,
    leave: JoinJson,
) -> Result<(), InboxError> {
    if &leave.actor != actor_url {
        return Ok(());
    }
    if let Some(event) = local_event(state, &leave.object) {
        match events::answer_remote(&state.ctx, actor, event, false, None).await {
            Ok(_) | Err(ServiceError::NotFound) => {}
            Err(other) => return Err(other.into()),
        }
    }
    Ok(())
}

/// A `Delete` of a remote event by its group's host; `true` when it named one.
pub async fn delete_event(state: &AppState, actor_url: &Url, object: &Url) -> Result<bool, InboxError> {
    if !same_host(object, actor_url) {
        return Ok(false);
    }
    Ok(events::delete_remote_event(&state.ctx, object.as_str()).await?)
}

/// An organiser's `Accept` or `Reject` with the member's `Join` embedded (Mobilizon, Allmende).
pub async fn receive_join_answer(
    state: &AppState,
    actor_url: &Url,
    answer: AcceptJoinJson,
) -> Result<(), InboxError> {
    let join = &answer.object;
    let person = match state.uris.parse_local(&join.actor) {
        Some(LocalObject::Actor { kind: "person", name }) => {
            remote::local_actor_id(&state.ctx, "person", &name).await?
        }
        _ => None,
    };
    let Some(person) = person else {
        tracing::debug!(join = %join.id, "an answer to a Join that is not one of ours");
        return Ok(());
    };
    let Some(event) = events::remote_event_by_ap_id(&state.ctx, join.object.as_str()).await? else {
        return Ok(());
    };
    if !same_host(&join.object, actor_url) {
        return Err(InboxError::Forbidden("only the event's organiser may answer a Join"));
    }
    apply_join_answer(state, event, person, answer.kind == "Accept").await
}

/// An organiser's `Accept` or `Reject` naming our `Join` only by its id.
pub async fn receive_join_answer_by_id(
    state: &AppState,
    actor_url: &Url,
    person: i64,
    event: i64,
    accepted: bool,
) -> Result<(), InboxError> {
    let Some(event_url) = events::remote_event_ap_id(&state.ctx, EventId(event)).await? else {
        return Ok(());
    };
    let from_its_server = Url::parse(&event_url).is_ok_and(|event_url| same_host(&event_url, actor_url));
    if !from_its_server {
        return Err(InboxError::Forbidden("only the event's organiser may answer a Join"));
    }
    apply_join_answer(state, EventId(event), ActorId(person), accepted).await
}

async fn apply_join_answer(
    state: &AppState,
    event: EventId,
    person: ActorId,
    accepted: bool,
) -> Result<(), InboxError> {
    let answer = if accepted { Confirmation::Confirmed } else { Confirmation::Declined };
    if !events::record_organiser_answer(&state.ctx, event, person, answer).await? {
        tracing::info!(event = event.0, "an organiser's answer to a Join that is not pending here");
    }
    Ok(())
}
