//! Events: a group's list, the event page, creating and editing (organisers), answering.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::domain::EventId;
use crate::domain::event::{EventInput, Rsvp, WallClock};
use crate::federation::uris;
use crate::service::ServiceError;
use crate::service::events::{self, EventDetails};
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::event_views::{
    EventFormPage, EventFormValues, EventPage, EventView, GroupEventsPage, LinkView, SUGGESTED_ZONES,
    default_zone, event_path,
};
use crate::web::i18n::field_errors;
use crate::web::pages::render;
use crate::web::session::{MaybeUser, RequireUser};
use crate::web::view::{Chrome, FormState};

fn event_id(raw: &str) -> Result<EventId, WebError> {
    raw.parse::<i64>().map(EventId).map_err(|_| WebError::NotFound)
}

pub async fn group_list(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(viewer): MaybeUser,
    Path(name): Path<String>,
) -> Result<Response, WebError> {
    let listed = events::list_group_events(&state.ctx, &name, viewer.as_ref()).await?;
    let page = GroupEventsPage {
        group: LinkView {
            shown_name: listed.group.shown_name().to_owned(),
            url: uris::group_path(&listed.group.handle()),
        },
        group_handle: listed.group.handle(),
        organiser: listed.viewer_organises,
        upcoming: listed.upcoming.iter().map(|e| EventView::new(e, &chrome.t)).collect(),
        past: listed.past.iter().map(|e| EventView::new(e, &chrome.t)).collect(),
        chrome,
    };
    render(StatusCode::OK, &page)
}

pub async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(viewer): MaybeUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let found = events::get_event_page(&state.ctx, event_id(&id)?, viewer.as_ref()).await?;
    render(StatusCode::OK, &event_page(chrome, &found, String::new()))
}

fn event_page(chrome: Chrome, found: &events::EventPage, notice: String) -> EventPage {
    EventPage {
        event: EventView::new(&found.event, &chrome.t),
        organiser: found.viewer_organises,
        going: found.going.iter().map(LinkView::person).collect(),
        notice,
        chrome,
    }
}

#[derive(Deserialize, Default)]
pub struct EventForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    starts_at: String,
    #[serde(default)]
    ends_at: String,
    #[serde(default)]
    time_zone: String,
    #[serde(default)]
    address: String,
    #[serde(default)]
    latitude: String,
    #[serde(default)]
    longitude: String,
    #[serde(default)]
    online_url: String,
    #[serde(default)]
    capacity: String,
}

impl EventForm {
    fn input(&self) -> EventInput {
        EventInput {
            title: self.title.clone(),
            description: self.description.clone(),
            starts_at: self.starts_at.clone(),
            ends_at: self.ends_at.clone(),
            time_zone: self.time_zone.clone(),
            address: self.address.clone(),
            latitude: self.latitude.clone(),
            longitude: self.longitude.clone(),
            online_url: self.online_url.clone(),
            capacity: self.capacity.clone(),
        }
    }

    fn values(self) -> EventFormValues {
        EventFormValues {
            title: self.title,
            description: self.description,
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            time_zone: self.time_zone,
            address: self.address,
            latitude: self.latitude,
            longitude: self.longitude,
            online_url: self.online_url,
            capacity: self.capacity,
        }
    }
}

fn form_page(
    chrome: Chrome,
    form: FormState,
    action: String,
    back: (String, String),
    editing: bool,
    values: EventFormValues,
) -> EventFormPage {
    EventFormPage {
        chrome,
        form,
        action,
        back_url: back.0,
        back_label: back.1,
        editing,
        fields: values.fields(),
        values,
        zones: SUGGESTED_ZONES,
    }
}

pub async fn new_form(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(name): Path<String>,
) -> Result<Response, WebError> {
    let listed = events::list_group_events(&state.ctx, &name, Some(&user)).await?;
    if !listed.viewer_organises {
        return Err(ServiceError::Forbidden.into());
    }
    let values =
        EventFormValues { time_zone: default_zone(chrome.t.code()).to_owned(), ..EventFormValues::default() };
    let back = (uris::group_path(&name), listed.group.shown_name().to_owned());
    let page = form_page(
        chrome,
        FormState::default(),
        format!("{}/events", uris::group_path(&name)),
        back,
        false,
        values,
    );
    render(StatusCode::OK, &page)
}

pub async fn create_submit(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(name): Path<String>,
    Form(form): Form<EventForm>,
) -> Result<Response, WebError> {
    match events::create_event(&state.ctx, &user, &name, &form.input()).await {
        Ok(id) => Ok(Redirect::to(&event_path(id.0)).into_response()),
        Err(ServiceError::Invalid(errors)) => {
            let errors = FormState::new(&errors, &chrome.t);
            let back = (uris::group_path(&name), name.clone());
            let page = form_page(
                chrome,
                errors,
                format!("{}/events", uris::group_path(&name)),
                back,
                false,
                form.values(),
            );
            render(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other.into()),
    }
}

fn values_of(event: &EventDetails) -> EventFormValues {
    EventFormValues {
        title: event.title.clone(),
        description: event.description_source.clone(),
        starts_at: WallClock::of(event.starts_at, &event.time_zone).form_value(),
        ends_at: WallClock::of(event.ends_at, &event.time_zone).form_value(),
        time_zone: event.time_zone.clone(),
        address: event.address.clone(),
        latitude: event.coordinates.map(|c| c.0.to_string()).unwrap_or_default(),
        longitude: event.coordinates.map(|c| c.1.to_string()).unwrap_or_default(),
        online_url: event.online_url.clone(),
        capacity: event.capacity.map(|c| c.to_string()).unwrap_or_default(),
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let event = events::get_event_for_edit(&state.ctx, &user, event_id(&id)?).await?;
    let path = event_path(event.id.0);
    let page = form_page(
        chrome,
        FormState::default(),
        format!("{path}/edit"),
        (path, event.title.clone()),
        true,
        values_of(&event),
    );
    render(StatusCode::OK, &page)
}

pub async fn edit_submit(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
    Form(form): Form<EventForm>,
) -> Result<Response, WebError> {
    let id = event_id(&id)?;
    let path = event_path(id.0);
    match events::update_event(&state.ctx, &user, id, &form.input()).await {
        Ok(()) => Ok(Redirect::to(&path).into_response()),
        Err(ServiceError::Invalid(errors)) => {
            let errors = FormState::new(&errors, &chrome.t);
            let page = form_page(
                chrome,
                errors,
                format!("{path}/edit"),
                (path, form.title.clone()),
                true,
                form.values(),
            );
            render(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn delete(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let group = events::delete_event(&state.ctx, &user, event_id(&id)?).await?;
    Ok(Redirect::to(&format!("{}/events", uris::group_path(&group))).into_response())
}

#[derive(Deserialize)]
pub struct RsvpForm {
    #[serde(default)]
    rsvp: String,
}

/// Going or not going; a full event shows its page again with the reason (409).
pub async fn rsvp(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
    Form(form): Form<RsvpForm>,
) -> Result<Response, WebError> {
    let id = event_id(&id)?;
    let answer = Rsvp::parse(&form.rsvp).map_err(ServiceError::from)?;
    match events::set_rsvp(&state.ctx, &user, id, answer).await {
        Ok(()) => Ok(Redirect::to(&event_path(id.0)).into_response()),
        Err(ServiceError::Invalid(errors)) => {
            let notice =
                errors.iter().map(|e| field_errors::translate(e, &chrome.t)).collect::<Vec<_>>().join(" ");
            let found = events::get_event_page(&state.ctx, id, Some(&user)).await?;
            render(StatusCode::CONFLICT, &event_page(chrome, &found, notice))
        }
        Err(other) => Err(other.into()),
    }
}
