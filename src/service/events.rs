//! Events of groups: organisers (the group's owner and moderators) create and edit them;
//! any signed-in member answers going or not going, within the capacity; organisers see who is
//! coming. Also the instance calendar and the lists that feeds are made of.
//!
//! Only organisers create events, unlike Mobilizon where members may propose them: events here
//! make up the network's shared yearly calendar, which its coordinators keep.

use rand::RngCore;

use super::{ActorRef, Context, CurrentUser, ServiceError};
use crate::db::{self, events::EventFields, events::EventRow};
use crate::domain::event::{
    Confirmation, EventInput, JoinMode, Month, Rsvp, TimeZoneName, ValidEvent, online_link,
};
use crate::domain::html::{render_markdown, sanitize_html};
use crate::domain::{ActorId, DomainEvent, EventId, FieldError, Timestamp};

/// How many events a group list, a calendar or a feed shows at most.
pub const LIST_LIMIT: i64 = 200;
/// Events in a feed.
pub const FEED_EVENTS: i64 = 50;
/// Half a day and a little more: no time zone is further from UTC, so a month's events by their
/// own zone's date lie within this margin of the month in UTC.
const ZONE_MARGIN_MILLIS: i64 = 15 * 3_600_000;

/// An event as the front doors see it.
#[derive(Debug, Clone)]
pub struct EventDetails {
    pub id: EventId,
    /// Its id on its own instance, for events of remote groups.
    pub remote_url: Option<String>,
    pub local: bool,
    pub title: String,
    pub description_source: String,
    pub description_html: String,
    pub starts_at: Timestamp,
    pub ends_at: Timestamp,
    pub time_zone: String,
    pub address: String,
    pub coordinates: Option<(f64, f64)>,
    pub online_url: String,
    pub capacity: Option<i64>,
    pub going_count: i64,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub group: ActorRef,
    pub group_id: ActorId,
    pub group_remote_url: Option<String>,
    pub author: ActorRef,
    pub viewer_status: Option<Rsvp>,
    pub join_mode: JoinMode,
    /// For remote events: the organiser's answer to the viewer's `Join`, if one came.
    pub viewer_confirmation: Option<Confirmation>,
}

impl EventDetails {
    pub fn is_full(&self) -> bool {
        self.capacity.is_some_and(|capacity| self.going_count >= capacity)
    }

    pub(crate) fn from_row(row: EventRow) -> Self {
        let going_count =
            if row.local { row.going_count } else { row.going_count.max(row.remote_participant_count) };
        Self {
            id: EventId(row.id),
            remote_url: if row.local { None } else { row.ap_id },
            local: row.local,
            title: row.title,
            description_source: row.description_source,
            description_html: row.description_html,
            starts_at: Timestamp::from_millis(row.starts_at),
            ends_at: Timestamp::from_millis(row.ends_at),
            time_zone: row.time_zone,
            address: row.address,
            coordinates: row.latitude.zip(row.longitude),
            online_url: row.online_url,
            capacity: row.capacity,
            going_count,
            created_at: Timestamp::from_millis(row.created_at),
            updated_at: Timestamp::from_millis(row.updated_at),
            group: ActorRef {
                name: row.group_name,
                display_name: row.group_title,
                host: if row.group_local { None } else { row.group_host },
            },
            group_id: ActorId(row.group_id),
            group_remote_url: if row.group_local { None } else { row.group_ap_id },
            author: ActorRef {
                name: row.author_name,
                display_name: row.author_display_name,
                host: if row.author_local { None } else { row.author_host },
            },
            viewer_status: row.viewer_status.as_deref().and_then(|s| Rsvp::parse(s).ok()),
            join_mode: JoinMode::parse_lenient(&row.join_mode),
            viewer_confirmation: row.viewer_confirmation.as_deref().and_then(Confirmation::parse),
        }
    }
}

/// The event page: the event, whether the viewer organises it, and (for organisers) who goes.
#[derive(Debug, Clone)]
pub struct EventPage {
    pub event: EventDetails,
    pub viewer_organises: bool,
    /// Empty unless the viewer organises the event.
    pub going: Vec<ActorRef>,
}

/// A group's events page.
#[derive(Debug, Clone)]
pub struct GroupEvents {
    pub group: ActorRef,
    pub group_id: ActorId,
    pub local: bool,
    pub viewer_organises: bool,
    pub upcoming: Vec<EventDetails>,
    pub past: Vec<EventDetails>,
}

fn fields<'a>(event: &'a ValidEvent, html: &'a str) -> EventFields<'a> {
    EventFields {
        title: &event.title,
        description_source: &event.description,
        description_html: html,
        starts_at: event.starts_at.millis(),
        ends_at: event.ends_at.millis(),
        time_zone: event.time_zone.as_str(),
        address: &event.address,
        latitude: event.coordinates.map(|c| c.0),
        longitude: event.coordinates.map(|c| c.1),
        online_url: &event.online_url,
        capacity: event.capacity,
        join_mode: JoinMode::Free.as_str(),
    }
}

/// Whether `actor` is an owner or moderator of the group.
async fn organises(conn: &mut db::Conn<'_>, group_id: i64, actor: ActorId) -> Result<bool, ServiceError> {
    Ok(db::groups::get_moderator_role(conn, group_id, actor.0).await?.is_some())
}

/// Creates an event in a local group; only its owner and moderators may.
pub async fn create_event(
    ctx: &Context,
    user: &CurrentUser,
    group_handle: &str,
    input: &EventInput,
) -> Result<EventId, ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let group =
        db::groups::get_group_by_handle(&mut conn, group_handle).await?.ok_or(ServiceError::NotFound)?;
    if !group.local || !organises(&mut conn, group.id, user.id).await? {
        return Err(ServiceError::Forbidden);
    }
    let event = ValidEvent::parse(input)?;
    let html = render_markdown(&event.description);
    let id = ctx.new_id();
    let now = ctx.now().millis();
    db::events::insert_event(&mut conn, id, None, group.id, user.id.0, &fields(&event, &html), 0, now)
        .await?;
    ctx.emit(&mut conn, DomainEvent::EventCreated { event_id: id }).await?;
    tx.commit().await?;
    tracing::info!(event_id = id, group = %group.name, "event created");
    Ok(EventId(id))
}

/// The event and whether `user` may edit it.
async fn load_for_organiser(
    conn: &mut db::Conn<'_>,
    user: &CurrentUser,
    id: EventId,
) -> Result<EventRow, ServiceError> {
    let row = db::events::get_event(conn, id.0, Some(user.id.0)).await?.ok_or(ServiceError::NotFound)?;
    if !row.local || !organises(conn, row.group_id, user.id).await? {
        return Err(ServiceError::Forbidden);
    }
    Ok(row)
}

/// An event for its edit form; organisers only.
pub async fn get_event_for_edit(
    ctx: &Context,
    user: &CurrentUser,
    id: EventId,
) -> Result<EventDetails, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let row = load_for_organiser(&mut conn.conn(), user, id).await?;
    Ok(EventDetails::from_row(row))
}

pub async fn update_event(
    ctx: &Context,
    user: &CurrentUser,
    id: EventId,
    input: &EventInput,
) -> Result<(), ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    load_for_organiser(&mut conn, user, id).await?;
    let event = ValidEvent::parse(input)?;
    let html = render_markdown(&event.description);
    db::events::update_event(&mut conn, id.0, &fields(&event, &html), 0, ctx.now().millis()).await?;
    ctx.emit(&mut conn, DomainEvent::EventUpdated { event_id: id.0 }).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn delete_event(ctx: &Context, user: &CurrentUser, id: EventId) -> Result<String, ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let row = load_for_organiser(&mut conn, user, id).await?;
    db::events::delete_event(&mut conn, id.0, ctx.now().millis()).await?;
    ctx.emit(&mut conn, DomainEvent::EventDeleted { event_id: id.0 }).await?;
    tx.commit().await?;
    Ok(row.group_name)
}

/// The event page. Three queries: the event with its counts, the viewer's role, who goes.
pub async fn get_event_page(
    ctx: &Context,
    id: EventId,
    viewer: Option<&CurrentUser>,
) -> Result<EventPage, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let row = db::events::get_event(&mut conn.conn(), id.0, viewer.map(|v| v.id.0))
        .await?
        .ok_or(ServiceError::NotFound)?;
    let viewer_organises = match viewer {
        Some(viewer) => organises(&mut conn.conn(), row.group_id, viewer.id).await?,
        None => false,
    };
    let going = if viewer_organises {
        db::events::list_going(&mut conn.conn(), id.0)
            .await?
            .into_iter()
            .map(|p| ActorRef {
                name: p.name,
                display_name: p.display_name,
                host: if p.local { None } else { p.host },
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(EventPage { event: EventDetails::from_row(row), viewer_organises, going })
}

/// A member answers an event. Going to a full event is refused with a field error on `rsvp`
/// ("is full"); saying not going always works and frees the place.
pub async fn set_rsvp(
    ctx: &Context,
    user: &CurrentUser,
    id: EventId,
    answer: Rsvp,
) -> Result<(), ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    if !db::events::lock_event(&mut conn, id.0).await? {
        return Err(ServiceError::NotFound);
    }
    let row = db::events::get_event(&mut conn, id.0, Some(user.id.0)).await?.ok_or(ServiceError::NotFound)?;
    if row.viewer_status.as_deref() == Some(answer.as_str()) {
        return Ok(());
    }
    super::group_bans::refuse_if_banned(ctx, &mut conn, Some(row.group_id), user.id).await?;
    let organiser = row.author_id;
    let event = EventDetails::from_row(row);
    if answer == Rsvp::Going && !event.join_mode.joinable_from_here() {
        return Err(FieldError::new("rsvp", "cannot be joined from here").into());
    }
    if answer == Rsvp::Going && event.is_full() {
        return Err(FieldError::new("rsvp", "is full").into());
    }
    let now = ctx.now().millis();
    db::events::upsert_participant(&mut conn, id.0, user.id.0, answer.as_str(), None, now).await?;
    if answer == Rsvp::Going {
        super::notifications::notify_event_answer(ctx, &mut conn, organiser, id.0, user.id.0).await?;
    }
    ctx.emit(
        &mut conn,
        DomainEvent::EventAnswered {
            event_id: id.0,
            actor_id: user.id.0,
            going: answer == Rsvp::Going,
            at: now,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A group's upcoming and past events. Four queries.
pub async fn list_group_events(
    ctx: &Context,
    handle: &str,
    viewer: Option<&CurrentUser>,
) -> Result<GroupEvents, ServiceError> {
    if handle.is_empty() || handle.chars().any(char::is_control) {
        return Err(ServiceError::NotFound);
    }
    let mut conn = ctx.db.acquire().await?;
    let group =
        db::groups::get_group_by_handle(&mut conn.conn(), handle).await?.ok_or(ServiceError::NotFound)?;
    let viewer_id = viewer.map(|v| v.id.0);
    let now = ctx.now().millis();
    let upcoming =
        db::events::list_group_upcoming(&mut conn.conn(), viewer_id, group.id, now, LIST_LIMIT).await?;
    let past = db::events::list_group_past(&mut conn.conn(), viewer_id, group.id, now, LIST_LIMIT).await?;
    let viewer_organises = match viewer {
        Some(viewer) if group.local => organises(&mut conn.conn(), group.id, viewer.id).await?,
        _ => false,
    };
    Ok(GroupEvents {
        group: ActorRef {
            name: group.name,
            display_name: group.display_name,
            host: if group.local { None } else { group.host },
        },
        group_id: ActorId(group.id),
        local: group.local,
        viewer_organises,
        upcoming: upcoming.into_iter().map(EventDetails::from_row).collect(),
        past: past.into_iter().map(EventDetails::from_row).collect(),
    })
}

/// Every known event that starts in the given months (by UTC, with a margin for time zones:
/// callers place each event by the date in its own zone). One query.
pub async fn list_calendar(
    ctx: &Context,
    first: Month,
    last: Month,
) -> Result<Vec<EventDetails>, ServiceError> {
    let from = first.start_utc().millis() - ZONE_MARGIN_MILLIS;
    let to = last.next().start_utc().millis() + ZONE_MARGIN_MILLIS;
    let mut conn = ctx.db.acquire().await?;
    let rows = db::events::list_events_between(&mut conn.conn(), from, to, LIST_LIMIT * 12).await?;
    Ok(rows.into_iter().map(EventDetails::from_row).collect())
}

/// A group's events for its feeds, newest start first, with the group. Two queries.
pub async fn list_group_feed_events(
    ctx: &Context,
    handle: &str,
) -> Result<(ActorRef, Option<String>, Vec<EventDetails>), ServiceError> {
    if handle.is_empty() || handle.chars().any(char::is_control) {
        return Err(ServiceError::NotFound);
    }
    let mut conn = ctx.db.acquire().await?;
    let group =
        db::groups::get_group_by_handle(&mut conn.conn(), handle).await?.ok_or(ServiceError::NotFound)?;
    let rows = db::events::list_group_events(&mut conn.conn(), group.id, FEED_EVENTS).await?;
    let remote_url = if group.local { None } else { group.ap_id };
    let group = ActorRef {
        name: group.name,
        display_name: group.display_name,
        host: if group.local { None } else { group.host },
    };
    Ok((group, remote_url, rows.into_iter().map(EventDetails::from_row).collect()))
}

/// The instance's events for its feed: from a month ago on, soonest first. One query.
pub async fn list_instance_feed_events(ctx: &Context) -> Result<Vec<EventDetails>, ServiceError> {
    let from = ctx.now().millis() - 31 * 24 * 3_600_000;
    let mut conn = ctx.db.acquire().await?;
    let rows = db::events::list_events_between(&mut conn.conn(), from, i64::MAX, LIST_LIMIT).await?;
    Ok(rows.into_iter().map(EventDetails::from_row).collect())
}

/// The events a member goes to, found by their private calendar token. Two queries.
pub async fn list_events_by_calendar_token(
    ctx: &Context,
    token: &str,
) -> Result<Vec<EventDetails>, ServiceError> {
    if token.len() != 43 || !token.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return Err(ServiceError::NotFound);
    }
    let mut conn = ctx.db.acquire().await?;
    let account = db::events::get_account_by_calendar_token(&mut conn.conn(), token)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let rows = db::events::list_events_of_participant(&mut conn.conn(), account, LIST_LIMIT).await?;
    Ok(rows.into_iter().map(EventDetails::from_row).collect())
}

/// The member's calendar token, if they made one. It is a read-only capability for the feed of
/// their events, so it is kept as is (to be shown again) and can be replaced at any time.
pub async fn get_calendar_token(ctx: &Context, user: &CurrentUser) -> Result<Option<String>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::events::get_calendar_token(&mut conn.conn(), user.id.0).await?)
}

/// Makes or replaces the member's calendar token: an old feed address stops working.
pub async fn reset_calendar_token(ctx: &Context, user: &CurrentUser) -> Result<String, ServiceError> {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let token = base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, bytes);
    let mut conn = ctx.db.acquire().await?;
    db::events::upsert_calendar_token(&mut conn.conn(), user.id.0, &token, ctx.now().millis()).await?;
    Ok(token)
}

/// An event of a remote group, as its instance describes it (already checked for origin).
#[derive(Debug, Clone)]
pub struct RemoteEvent {
    pub ap_id: String,
    pub group: ActorId,
    /// Who sent it: the group, or its organiser (Mobilizon).
    pub author: ActorId,
    pub title: String,
    /// HTML from the remote instance; sanitised here.
    pub content_html: String,
    pub starts_at: Timestamp,
    pub ends_at: Timestamp,
    pub time_zone: String,
    pub address: String,
    pub coordinates: Option<(f64, f64)>,
    pub online_url: String,
    pub capacity: Option<i64>,
    pub participant_count: i64,
    pub join_mode: JoinMode,
}

/// Stores or updates a remote event by its id. An update must come for the same group.
pub async fn store_remote_event(ctx: &Context, event: RemoteEvent) -> Result<EventId, ServiceError> {
    let time_zone = TimeZoneName::parse(&event.time_zone)
        .map(|zone| zone.as_str().to_owned())
        .unwrap_or_else(|_| "UTC".to_owned());
    let html = sanitize_html(&event.content_html);
    let online_url = online_link(&event.online_url).unwrap_or_default();
    let fields = EventFields {
        title: &event.title,
        description_source: "",
        description_html: &html,
        starts_at: event.starts_at.millis(),
        ends_at: event.ends_at.millis(),
        time_zone: &time_zone,
        address: &event.address,
        latitude: event.coordinates.map(|c| c.0),
        longitude: event.coordinates.map(|c| c.1),
        online_url: &online_url,
        capacity: event.capacity,
        join_mode: event.join_mode.as_str(),
    };
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let now = ctx.now().millis();
    let id = match db::events::get_event_id_by_ap_id(&mut conn, &event.ap_id).await? {
        Some(id) => {
            let row = db::events::get_event(&mut conn, id, None).await?.ok_or(ServiceError::NotFound)?;
            if row.group_id != event.group.0 {
                return Err(ServiceError::Forbidden);
            }
            db::events::update_event(&mut conn, id, &fields, event.participant_count, now).await?;
            id
        }
        None => {
            let id = ctx.new_id();
            let ap_id = Some(event.ap_id.as_str());
            db::events::insert_event(
                &mut conn,
                id,
                ap_id,
                event.group.0,
                event.author.0,
                &fields,
                event.participant_count,
                now,
            )
            .await?;
            id
        }
    };
    tx.commit().await?;
    Ok(EventId(id))
}

/// A remote event deleted by its instance; `true` when there was one.
pub async fn delete_remote_event(ctx: &Context, ap_id: &str) -> Result<bool, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let Some(id) = db::events::get_event_id_by_ap_id(&mut conn.conn(), ap_id).await? else {
        return Ok(false);
    };
    Ok(db::events::delete_event(&mut conn.conn(), id, ctx.now().millis()).await?)
}

/// How a remote person's answer to one of our events went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemoteAnswer {
    Recorded,
    /// They would go, but the event has no place left (a `Join` is rejected).
    Full,
}

/// A remote person answers one of our events (`Join`, `Leave`). Going needs a place; a `Join`
/// is answered by the event's group with `Accept(Join)`, or `Reject(Join)` when it is full.
pub async fn answer_remote(
    ctx: &Context,
    actor: ActorId,
    id: EventId,
    going: bool,
    join_ap_id: Option<&str>,
) -> Result<RemoteAnswer, ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    if !db::events::lock_event(&mut conn, id.0).await? {
        return Err(ServiceError::NotFound);
    }
    let row = db::events::get_event(&mut conn, id.0, Some(actor.0)).await?.ok_or(ServiceError::NotFound)?;
    if !row.local {
        return Err(ServiceError::NotFound);
    }
    if going {
        // A banned person's Join is dropped (the caller acknowledges and ignores it).
        super::group_bans::refuse_if_banned(ctx, &mut conn, Some(row.group_id), actor).await?;
    }
    let already_going = row.viewer_status.as_deref() == Some("going");
    let organiser = row.author_id;
    if going && !already_going && EventDetails::from_row(row).is_full() {
        if let Some(join) = join_ap_id {
            let rejected = DomainEvent::EventJoinRejected {
                event_id: id.0,
                actor_id: actor.0,
                join_ap_id: join.to_owned(),
            };
            ctx.emit(&mut conn, rejected).await?;
            tx.commit().await?;
        }
        return Ok(RemoteAnswer::Full);
    }
    let status = if going { Rsvp::Going } else { Rsvp::NotGoing };
    db::events::upsert_participant(&mut conn, id.0, actor.0, status.as_str(), join_ap_id, ctx.now().millis())
        .await?;
    if going && !already_going {
        super::notifications::notify_event_answer(ctx, &mut conn, organiser, id.0, actor.0).await?;
    }
    if let (true, Some(join)) = (going, join_ap_id) {
        ctx.emit(
            &mut conn,
            DomainEvent::EventJoinAccepted { event_id: id.0, actor_id: actor.0, join_ap_id: join.to_owned() },
        )
        .await?;
    }
    tx.commit().await?;
    Ok(RemoteAnswer::Recorded)
}

/// A remote event an organiser answers about, by its ActivityPub id: its row id. `None` for
/// events we do not have (or our own).
pub async fn remote_event_by_ap_id(ctx: &Context, ap_id: &str) -> Result<Option<EventId>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let Some(id) = db::events::get_event_id_by_ap_id(&mut conn.conn(), ap_id).await? else {
        return Ok(None);
    };
    let event = db::events::get_event_ref(&mut conn.conn(), id).await?;
    Ok(event.filter(|e| !e.local).map(|_| EventId(id)))
}

/// A remote event by its row id here: its ActivityPub id. `None` for unknown and local events.
pub async fn remote_event_ap_id(ctx: &Context, id: EventId) -> Result<Option<String>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let event = db::events::get_event_ref(&mut conn.conn(), id.0).await?;
    Ok(event.filter(|e| !e.local).and_then(|e| e.ap_id))
}

/// A remote event's organiser answered a local member's `Join` (the caller checked that the
/// answer comes from the event's own server): `Accept` confirms the place, `Reject` declines
/// it and the member is no longer going. Answers for members who are not going (any more), or
/// for people who are not ours, change nothing; returns whether one was applied.
pub async fn record_organiser_answer(
    ctx: &Context,
    event: EventId,
    person: ActorId,
    answer: Confirmation,
) -> Result<bool, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let mut conn = conn.conn();
    let is_local_person =
        db::actors::get_actor(&mut conn, person.0).await?.is_some_and(|a| a.local && a.kind == "person");
    if !is_local_person {
        return Ok(false);
    }
    let status = match answer {
        Confirmation::Confirmed => Rsvp::Going,
        Confirmation::Declined => Rsvp::NotGoing,
    };
    let now = ctx.now().millis();
    Ok(db::events::update_participant_confirmation(
        &mut conn,
        event.0,
        person.0,
        answer.as_str(),
        status.as_str(),
        now,
    )
    .await?)
}

/// An event that is not deleted, for federation. One query.
pub async fn get_event(ctx: &Context, id: EventId) -> Result<EventDetails, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let row = db::events::get_event(&mut conn.conn(), id.0, None).await?.ok_or(ServiceError::NotFound)?;
    Ok(EventDetails::from_row(row))
}

/// Whether a local event was deleted (`Some(true)`), exists (`Some(false)`) or never existed.
pub async fn local_event_deleted(ctx: &Context, id: EventId) -> Result<Option<bool>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let Some(event) = db::events::get_event_ref(&mut conn.conn(), id.0).await? else {
        return Ok(None);
    };
    if !event.local {
        return Ok(None);
    }
    Ok(db::events::get_event_deleted(&mut conn.conn(), id.0).await?)
}
