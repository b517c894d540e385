//! Events federate from their group: `Create`, `Update` and `Delete` of an `Event` go to the
//! group's followers. A local member's answer to a remote event is a `Join` (going) or `Leave`
//! to the event's group; a remote person's accepted `Join` of ours is answered `Accept(Join)`.

use serde::Serialize;
use url::Url;

use super::routing::{Outgoing, Target};
use super::{TranslateError, new_activity_id};
use crate::db;
use crate::domain::EventId;
use crate::federation::event_objects::{event_json, with_event_context};
use crate::federation::objects::url;
use crate::federation::protocol::event::{AcceptJoinJson, EventActivityJson, JoinJson};
use crate::federation::protocol::{DeleteJson, PUBLIC};
use crate::federation::uris::Uris;
use crate::service::Context;
use crate::service::events;

fn payload(activity: &impl Serialize) -> Result<serde_json::Value, TranslateError> {
    Ok(serde_json::to_value(with_event_context(activity))?)
}

/// A local event was created or edited: the group tells its followers.
pub(super) async fn event_changed(
    ctx: &Context,
    uris: &Uris,
    id: i64,
    kind: &str,
) -> Result<Vec<Outgoing>, TranslateError> {
    let event = events::get_event(ctx, EventId(id)).await?;
    if !event.local {
        return Ok(Vec::new());
    }
    let document = event_json(uris, &event)?;
    let group = document.attributed_to.clone();
    let activity = EventActivityJson::new(new_activity_id(ctx, uris, kind)?, kind, group, document);
    let targets = vec![Target::FollowersOf(event.group_id.0)];
    Ok(vec![Outgoing::new(event.group_id.0, activity.id.clone(), payload(&activity)?, targets)])
}

/// A local event was deleted: the group sends a `Delete` with a `Tombstone` to its followers.
pub(super) async fn event_deleted(
    ctx: &Context,
    uris: &Uris,
    id: i64,
) -> Result<Vec<Outgoing>, TranslateError> {
    let mut conn = ctx.db.acquire().await?;
    let event = db::events::get_event_ref(&mut conn.conn(), id).await?.ok_or(TranslateError::Gone)?;
    drop(conn);
    if !event.local || !event.group_local {
        return Ok(Vec::new());
    }
    let group = url(&uris.group(&event.group_name))?;
    let mut delete =
        DeleteJson::new(new_activity_id(ctx, uris, "delete")?, group.clone(), url(&uris.event(id))?);
    delete.to = vec![url(PUBLIC)?];
    delete.cc = vec![url(&uris.followers_of("group", &event.group_name))?];
    delete.audience = Some(group);
    let targets = vec![Target::FollowersOf(event.group_id)];
    Ok(vec![Outgoing::new(event.group_id, delete.id.clone(), payload(&delete)?, targets)])
}

/// A local member answered a remote event: `Join` or `Leave`, to the event's group.
pub(super) async fn event_answered(
    ctx: &Context,
    uris: &Uris,
    id: i64,
    person: i64,
    going: bool,
    at: i64,
) -> Result<Vec<Outgoing>, TranslateError> {
    let mut conn = ctx.db.acquire().await?;
    let event = db::events::get_event_ref(&mut conn.conn(), id).await?.ok_or(TranslateError::Gone)?;
    let person_row = db::actors::get_actor(&mut conn.conn(), person).await?.ok_or(TranslateError::Gone)?;
    let group = db::actors::get_federation_fields(&mut conn.conn(), event.group_id)
        .await?
        .ok_or(TranslateError::Gone)?;
    drop(conn);
    let (false, true, Some(event_url)) = (event.local, person_row.local, event.ap_id.as_deref()) else {
        return Ok(Vec::new());
    };
    let inbox =
        group.inbox_url.as_deref().or(group.shared_inbox_url.as_deref()).and_then(|i| Url::parse(i).ok());
    let (Some(inbox), Some(group_url)) = (inbox, group.ap_id.as_deref()) else {
        return Ok(Vec::new());
    };
    let person_url = url(&uris.actor(&person_row.kind, &person_row.name))?;
    let (kind, activity_id) = if going {
        ("Join", url(&uris.join_activity(person, id, at))?)
    } else {
        ("Leave", new_activity_id(ctx, uris, "leave")?)
    };
    let activity = JoinJson::new(activity_id, kind, person_url, url(event_url)?, url(group_url)?);
    Ok(vec![Outgoing::new(person, activity.id.clone(), payload(&activity)?, vec![Target::Inbox(inbox)])])
}

/// A remote person's `Join` of a local event was answered: the group sends `Accept(Join)`, or
/// `Reject(Join)` when the event is full.
pub(super) async fn join_answered(
    ctx: &Context,
    uris: &Uris,
    id: i64,
    person: i64,
    join_ap_id: &str,
    accepted: bool,
) -> Result<Vec<Outgoing>, TranslateError> {
    let mut conn = ctx.db.acquire().await?;
    let event = db::events::get_event_ref(&mut conn.conn(), id).await?.ok_or(TranslateError::Gone)?;
    let person_row =
        db::actors::get_federation_fields(&mut conn.conn(), person).await?.ok_or(TranslateError::Gone)?;
    drop(conn);
    if !event.local || !event.group_local || person_row.local {
        return Ok(Vec::new());
    }
    let inbox = person_row
        .inbox_url
        .as_deref()
        .or(person_row.shared_inbox_url.as_deref())
        .and_then(|i| Url::parse(i).ok());
    let (Some(inbox), Some(person_url)) = (inbox, person_row.ap_id.as_deref()) else {
        return Ok(Vec::new());
    };
    let group = url(&uris.group(&event.group_name))?;
    let join =
        JoinJson::new(url(join_ap_id)?, "Join", url(person_url)?, url(&uris.event(id))?, group.clone());
    let answer = if accepted {
        AcceptJoinJson::new(new_activity_id(ctx, uris, "accept")?, group, join)
    } else {
        AcceptJoinJson::reject(new_activity_id(ctx, uris, "reject")?, group, join)
    };
    Ok(vec![Outgoing::new(event.group_id, answer.id.clone(), payload(&answer)?, vec![Target::Inbox(inbox)])])
}
