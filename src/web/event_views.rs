//! Pages and view structs of events and the calendar: times shown in each event's own zone,
//! in the page's language.

use askama::Template;

use super::i18n::{Translator, format};
use super::view::{Chrome, FormState};
use crate::domain::event::{Confirmation, JoinMode, Month, Rsvp, WallClock};
use crate::federation::uris;
use crate::service::ActorRef;
use crate::service::events::EventDetails;

/// A link to a group or person, ready to show.
#[derive(Debug, Clone)]
pub struct LinkView {
    pub shown_name: String,
    pub url: String,
}

impl LinkView {
    fn group(actor: &ActorRef) -> Self {
        Self { shown_name: actor.shown_name().to_owned(), url: uris::group_path(&actor.handle()) }
    }

    pub fn person(actor: &ActorRef) -> Self {
        Self { shown_name: actor.shown_name().to_owned(), url: uris::user_path(&actor.handle()) }
    }
}

#[derive(Debug, Clone)]
pub struct EventView {
    pub id: i64,
    pub url: String,
    pub title: String,
    pub description_html: String,
    /// Start and end in the event's zone, in the page's language.
    pub when: String,
    pub start_iso: String,
    pub end_iso: String,
    pub time_zone: String,
    pub address: String,
    /// `51.84, 6.86`, or empty.
    pub coordinates: String,
    /// A map of the coordinates (OpenStreetMap), or empty.
    pub map_url: String,
    pub online_url: String,
    /// 0 when unlimited.
    pub capacity: i64,
    /// `12 going` or `12 of 30 places taken`.
    pub participants: String,
    pub going_count: i64,
    pub is_full: bool,
    pub group: LinkView,
    pub remote_url: String,
    pub viewer_going: bool,
    pub viewer_not_going: bool,
    /// The remote organiser confirmed the viewer's place.
    pub viewer_confirmed: bool,
    /// The remote organiser declined the viewer's `Join`.
    pub viewer_declined: bool,
    /// The viewer asked to join an event whose organiser approves each participant, and no
    /// answer came yet.
    pub viewer_waiting: bool,
    /// The organiser approves each participant (`joinMode: restricted`).
    pub restricted: bool,
    /// Why members cannot join from here (a message id), or empty when they can.
    pub not_joinable_reason: &'static str,
    /// Day of the month of the start, in the event's zone.
    pub day: i8,
    pub month: i8,
    pub year: i16,
}

impl EventView {
    pub fn new(event: &EventDetails, t: &Translator) -> Self {
        let start = WallClock::of(event.starts_at, &event.time_zone);
        let end = WallClock::of(event.ends_at, &event.time_zone);
        let (coordinates, map_url) = match event.coordinates {
            Some((lat, lon)) => (
                format!("{lat}, {lon}"),
                format!("https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=16/{lat}/{lon}"),
            ),
            None => (String::new(), String::new()),
        };
        Self {
            id: event.id.0,
            url: event_path(event.id.0),
            title: event.title.clone(),
            description_html: event.description_html.clone(),
            when: format::wall_span(t.code(), &start, &end),
            start_iso: event.starts_at.to_rfc3339(),
            end_iso: event.ends_at.to_rfc3339(),
            time_zone: event.time_zone.clone(),
            address: event.address.clone(),
            coordinates,
            map_url,
            online_url: event.online_url.clone(),
            capacity: event.capacity.unwrap_or(0),
            participants: match event.capacity {
                Some(capacity) => t.args(
                    "event-places",
                    &[("count", event.going_count.into()), ("capacity", capacity.into())],
                ),
                None => t.count("event-going-count", event.going_count),
            },
            going_count: event.going_count,
            is_full: event.is_full(),
            group: LinkView::group(&event.group),
            remote_url: event.remote_url.clone().unwrap_or_default(),
            viewer_going: event.viewer_status == Some(Rsvp::Going),
            viewer_not_going: event.viewer_status == Some(Rsvp::NotGoing),
            viewer_confirmed: event.viewer_status == Some(Rsvp::Going)
                && event.viewer_confirmation == Some(Confirmation::Confirmed),
            viewer_declined: event.viewer_status == Some(Rsvp::NotGoing)
                && event.viewer_confirmation == Some(Confirmation::Declined),
            viewer_waiting: event.viewer_status == Some(Rsvp::Going)
                && event.join_mode == JoinMode::Restricted
                && event.viewer_confirmation.is_none(),
            restricted: event.join_mode == JoinMode::Restricted,
            not_joinable_reason: match event.join_mode {
                JoinMode::Invite => "event-join-invite",
                JoinMode::External => "event-join-external",
                JoinMode::Free | JoinMode::Restricted => "",
            },
            day: start.day,
            month: start.month,
            year: start.year,
        }
    }
}

pub use uris::event_path;

#[derive(Template)]
#[template(path = "events/show.html")]
pub struct EventPage {
    pub chrome: Chrome,
    pub event: EventView,
    pub organiser: bool,
    pub going: Vec<LinkView>,
    /// A refused answer (the event is full), translated; empty otherwise.
    pub notice: String,
}

#[derive(Template)]
#[template(path = "events/list.html")]
pub struct GroupEventsPage {
    pub chrome: Chrome,
    pub group: LinkView,
    pub group_handle: String,
    pub organiser: bool,
    pub upcoming: Vec<EventView>,
    pub past: Vec<EventView>,
}

/// The fields of the event form, as typed.
#[derive(Debug, Clone, Default)]
pub struct EventFormValues {
    pub title: String,
    pub description: String,
    pub starts_at: String,
    pub ends_at: String,
    pub time_zone: String,
    pub address: String,
    pub latitude: String,
    pub longitude: String,
    pub online_url: String,
    pub capacity: String,
}

#[derive(Template)]
#[template(path = "events/form.html")]
pub struct EventFormPage {
    pub chrome: Chrome,
    pub form: FormState,
    /// Where the form posts to.
    pub action: String,
    /// Where "back" goes.
    pub back_url: String,
    pub back_label: String,
    pub editing: bool,
    pub values: EventFormValues,
    /// The single-line fields, in form order.
    pub fields: Vec<FormField>,
    pub zones: &'static [&'static str],
}

/// A form field: its name, the message id of its label, its input type and its value.
pub type FormField = (&'static str, &'static str, &'static str, String);

impl EventFormValues {
    /// The single-line fields of the form, in order.
    pub fn fields(&self) -> Vec<FormField> {
        vec![
            ("title", "field-title", "text", self.title.clone()),
            ("starts_at", "event-field-start", "datetime-local", self.starts_at.clone()),
            ("ends_at", "event-field-end", "datetime-local", self.ends_at.clone()),
            ("time_zone", "event-field-time-zone", "text", self.time_zone.clone()),
            ("address", "event-field-address", "text", self.address.clone()),
            ("latitude", "event-field-latitude", "text", self.latitude.clone()),
            ("longitude", "event-field-longitude", "text", self.longitude.clone()),
            ("online_url", "event-field-online-url", "url", self.online_url.clone()),
            ("capacity", "event-field-capacity", "number", self.capacity.clone()),
        ]
    }
}

/// Zones offered in the form's suggestions: the network's region. Any IANA zone is accepted.
pub const SUGGESTED_ZONES: &[&str] = &[
    "Europe/Berlin",
    "Europe/Warsaw",
    "Europe/Copenhagen",
    "Europe/Stockholm",
    "Europe/Helsinki",
    "Europe/London",
    "Europe/Amsterdam",
    "Europe/Vienna",
    "Europe/Zurich",
    "UTC",
];

/// The zone a new event's form starts with, by the page's language.
pub fn default_zone(language: &str) -> &'static str {
    match language {
        "de" => "Europe/Berlin",
        "pl" => "Europe/Warsaw",
        "da" => "Europe/Copenhagen",
        "sv" => "Europe/Stockholm",
        "fi" => "Europe/Helsinki",
        _ => "Europe/London",
    }
}

/// Message ids of the month names (nominative, for headings).
pub const MONTH_NAMES: [&str; 12] = [
    "calendar-month-1",
    "calendar-month-2",
    "calendar-month-3",
    "calendar-month-4",
    "calendar-month-5",
    "calendar-month-6",
    "calendar-month-7",
    "calendar-month-8",
    "calendar-month-9",
    "calendar-month-10",
    "calendar-month-11",
    "calendar-month-12",
];

/// Message ids of the weekday abbreviations, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "calendar-weekday-1",
    "calendar-weekday-2",
    "calendar-weekday-3",
    "calendar-weekday-4",
    "calendar-weekday-5",
    "calendar-weekday-6",
    "calendar-weekday-7",
];

/// `November 2026`, in the page's language.
pub fn month_title(t: &Translator, month: Month) -> String {
    let name = t.get(MONTH_NAMES[usize::try_from(month.month - 1).unwrap_or(0)]);
    t.args(
        "calendar-month-title",
        &[("month", name.into()), ("year", i64::from(month.year).to_string().into())],
    )
}

/// One cell of the month grid: a day (0 for the blanks before the first) and its events.
#[derive(Debug, Clone)]
pub struct DayCell {
    pub day: i8,
    pub events: Vec<EventView>,
}

#[derive(Template)]
#[template(path = "calendar/month.html")]
pub struct MonthPage {
    pub chrome: Chrome,
    pub title: String,
    pub month: String,
    pub previous: String,
    pub next: String,
    pub year: i16,
    pub weekdays: Vec<String>,
    /// Rows of seven cells.
    pub weeks: Vec<Vec<DayCell>>,
    pub events: Vec<EventView>,
    pub event_count: i64,
    /// The signed-in member's private feed address (absolute), or empty.
    pub private_feed_url: String,
}

impl MonthPage {
    /// Lays out `events` (already those of the month) on the month's grid, Monday first.
    pub fn grid(month: Month, events: &[EventView]) -> Vec<Vec<DayCell>> {
        let blanks = month.first_weekday() - 1;
        let mut cells: Vec<DayCell> = (0..blanks).map(|_| DayCell { day: 0, events: Vec::new() }).collect();
        for day in 1..=month.days() {
            let events = events.iter().filter(|e| e.day == day).cloned().collect();
            cells.push(DayCell { day, events });
        }
        while !cells.len().is_multiple_of(7) {
            cells.push(DayCell { day: 0, events: Vec::new() });
        }
        cells.chunks(7).map(<[DayCell]>::to_vec).collect()
    }
}

/// One month of the year overview.
#[derive(Debug, Clone)]
pub struct YearMonth {
    pub title: String,
    pub url: String,
    pub events: Vec<EventView>,
}

#[derive(Template)]
#[template(path = "calendar/year.html")]
pub struct YearPage {
    pub chrome: Chrome,
    pub year: i16,
    pub previous: i16,
    pub next: i16,
    pub months: Vec<YearMonth>,
    pub event_count: i64,
}
