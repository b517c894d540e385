//! The instance calendar (a month view and the year overview, the network's "annual wheel"),
//! and the event feeds: iCalendar per group, per instance and per member (behind a private
//! token), and Atom per group. Feeds set no cookies and answer a plain 404 when unknown.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::domain::event::Month;
use crate::federation::uris;
use crate::service::ServiceError;
use crate::service::events::{self, EventDetails};
use crate::state::AppState;
use crate::web::atom::{ATOM_CONTENT_TYPE, FeedHead, Subtitle};
use crate::web::error::WebError;
use crate::web::event_atom::render_events_feed;
use crate::web::event_views::{EventView, MonthPage, WEEKDAYS, YearMonth, YearPage, month_title};
use crate::web::i18n::Translator;
use crate::web::ical::{Calendar, ICAL_CONTENT_TYPE};
use crate::web::pages::render;
use crate::web::session::{MaybeUser, RequireUser};
use crate::web::view::Chrome;

/// Path of the instance's iCalendar feed.
pub const INSTANCE_ICAL_PATH: &str = "/calendar.ics";

/// Path of a member's private iCalendar feed.
pub fn private_feed_path(token: &str) -> String {
    format!("/calendar/private/{token}/events.ics")
}

#[derive(Deserialize)]
pub struct MonthQuery {
    month: Option<String>,
}

pub async fn month(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(viewer): MaybeUser,
    Query(query): Query<MonthQuery>,
) -> Result<Response, WebError> {
    let month = match query.month.as_deref() {
        Some(raw) => Month::parse(raw).ok_or(WebError::NotFound)?,
        None => Month::containing(state.ctx.now()),
    };
    let found = events::list_calendar(&state.ctx, month, month).await?;
    let events: Vec<EventView> = found
        .iter()
        .map(|e| EventView::new(e, &chrome.t))
        .filter(|e| (e.year, e.month) == (month.year, month.month))
        .collect();
    let private_feed_url = match &viewer {
        Some(user) => events::get_calendar_token(&state.ctx, user)
            .await?
            .map(|token| state.uris.absolute(&private_feed_path(&token)))
            .unwrap_or_default(),
        None => String::new(),
    };
    let page = MonthPage {
        title: month_title(&chrome.t, month),
        month: month.to_string(),
        previous: month.previous().to_string(),
        next: month.next().to_string(),
        year: month.year,
        weekdays: WEEKDAYS.iter().map(|id| chrome.t.get(id)).collect(),
        weeks: MonthPage::grid(month, &events),
        event_count: events.len() as i64,
        events,
        private_feed_url,
        chrome,
    };
    render(StatusCode::OK, &page)
}

pub async fn year(
    State(state): State<AppState>,
    chrome: Chrome,
    Path(year): Path<String>,
) -> Result<Response, WebError> {
    let first = Month::parse(&format!("{year}-01")).ok_or(WebError::NotFound)?;
    let last = Month { month: 12, ..first };
    let found = events::list_calendar(&state.ctx, first, last).await?;
    let views: Vec<EventView> = found.iter().map(|e| EventView::new(e, &chrome.t)).collect();
    let months: Vec<YearMonth> = (1..=12)
        .map(|m| {
            let month = Month { month: m, ..first };
            YearMonth {
                title: month_title(&chrome.t, month),
                url: format!("/calendar?month={month}"),
                events: views.iter().filter(|e| (e.year, e.month) == (month.year, m)).cloned().collect(),
            }
        })
        .collect();
    let page = YearPage {
        year: first.year,
        previous: first.year - 1,
        next: first.year + 1,
        event_count: months.iter().map(|m| m.events.len() as i64).sum(),
        months,
        chrome,
    };
    render(StatusCode::OK, &page)
}

/// Replaces the member's private feed address.
pub async fn reset_token(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
) -> Result<Response, WebError> {
    events::reset_calendar_token(&state.ctx, &user).await?;
    Ok(Redirect::to("/calendar#private-feed").into_response())
}

/// Feeds are cached by readers for everyone, so they speak the instance's language.
fn feed_language(state: &AppState) -> Translator {
    Translator::new(&state.ctx.settings.default_language)
}

fn uid(state: &AppState, event: &EventDetails) -> String {
    event.remote_url.clone().unwrap_or_else(|| state.uris.event(event.id.0))
}

fn page(state: &AppState, event: &EventDetails) -> String {
    state.uris.absolute(&uris::event_path(event.id.0))
}

fn calendar(state: &AppState, name: &str, events: &[EventDetails]) -> Response {
    let mut calendar = Calendar::new(name);
    let now = state.ctx.now();
    for event in events {
        calendar.event(event, &uid(state, event), &page(state, event), now);
    }
    feed(ICAL_CONTENT_TYPE, calendar.finish())
}

pub async fn instance_ics(State(state): State<AppState>) -> Response {
    match events::list_instance_feed_events(&state.ctx).await {
        Ok(found) => calendar(&state, &state.config.instance.name, &found),
        Err(error) => failure(&error),
    }
}

pub async fn group_ics(State(state): State<AppState>, Path(name): Path<String>) -> Response {
    match events::list_group_feed_events(&state.ctx, &name).await {
        Ok((group, _, found)) => calendar(&state, group.shown_name(), &found),
        Err(error) => failure(&error),
    }
}

pub async fn member_ics(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    match events::list_events_by_calendar_token(&state.ctx, &token).await {
        Ok(found) => {
            let name =
                feed_language(&state).arg("calendar-private-name", "instance", &state.config.instance.name);
            calendar(&state, &name, &found)
        }
        Err(error) => failure(&error),
    }
}

/// Path of a group's events feed.
pub fn group_events_atom_path(name: &str) -> String {
    format!("{}/events.atom", uris::group_path(name))
}

pub async fn group_atom(State(state): State<AppState>, Path(name): Path<String>) -> Response {
    let (group, _, found) = match events::list_group_feed_events(&state.ctx, &name).await {
        Ok(found) => found,
        Err(error) => return failure(&error),
    };
    let t = feed_language(&state);
    let handle = group.handle();
    let subtitle = t.arg("events-feed-title", "group", group.shown_name());
    let self_url = state.uris.absolute(&group_events_atom_path(&handle));
    let page_url = state.uris.absolute(&format!("{}/events", uris::group_path(&handle)));
    let head = FeedHead {
        self_url: &self_url,
        page_url: &page_url,
        title: &subtitle,
        subtitle: Subtitle::Text(&subtitle),
        updated_if_empty: state.ctx.now(),
    };
    let body = render_events_feed(&head, &found, &t, |e| uid(&state, e), |e| page(&state, e));
    feed(ATOM_CONTENT_TYPE, body)
}

fn feed(content_type: &'static str, body: String) -> Response {
    ([(header::CONTENT_TYPE, HeaderValue::from_static(content_type))], body).into_response()
}

fn failure(error: &ServiceError) -> Response {
    match error {
        ServiceError::NotFound => StatusCode::NOT_FOUND.into_response(),
        other => {
            tracing::error!(error = ?other, "event feed failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
