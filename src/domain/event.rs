//! Events of groups: a title, a Markdown description, a start and an end in an IANA time zone,
//! a place (address, optional coordinates) or an online link, and an optional capacity.
//!
//! Times are stored as UTC instants; the zone says how organisers and readers see them. Wall
//! clock times typed into a form are read in the event's zone (a time that a daylight-saving
//! change skips is moved forward, as calendars do).

use jiff::Timestamp as Instant;
use jiff::civil::DateTime;
use jiff::tz::TimeZone;

use super::post::BODY_MAX;
use super::time::Timestamp;
use super::validation::{FieldError, FieldErrors, bounded_text};

/// The largest capacity an event may declare.
pub const CAPACITY_MAX: i64 = 100_000;

/// An IANA time zone name such as `Europe/Berlin`, known to the bundled time zone database.
#[derive(Debug, Clone)]
pub struct TimeZoneName {
    name: String,
    zone: TimeZone,
}

impl TimeZoneName {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let name = raw.trim();
        if name.is_empty() {
            return Err(FieldError::new("time_zone", "must not be empty"));
        }
        if name.len() > 64 || name.chars().any(|c| c.is_control() || c.is_whitespace()) {
            return Err(FieldError::new("time_zone", "is not a known time zone"));
        }
        let zone =
            TimeZone::get(name).map_err(|_| FieldError::new("time_zone", "is not a known time zone"))?;
        // The database's own spelling (`europe/berlin` is found, but `Europe/Berlin` is stored).
        let name = zone.iana_name().unwrap_or(name).to_owned();
        Ok(Self { name, zone })
    }

    pub fn as_str(&self) -> &str {
        &self.name
    }

    /// A wall clock time (`2026-11-23T18:00`, as `<input type="datetime-local">` sends it, with
    /// or without seconds) in this zone, as an instant.
    pub fn instant_of(&self, field: &'static str, raw: &str) -> Result<Timestamp, FieldError> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(FieldError::new(field, "must not be empty"));
        }
        let wall: DateTime =
            raw.replace(' ', "T").parse().map_err(|_| FieldError::new(field, "is not a date and time"))?;
        let zoned =
            wall.to_zoned(self.zone.clone()).map_err(|_| FieldError::new(field, "is not a date and time"))?;
        let millis = zoned.timestamp().as_millisecond();
        Ok(Timestamp::from_millis(millis))
    }
}

/// A moment as the clock on the wall shows it in a zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WallClock {
    pub year: i16,
    pub month: i8,
    pub day: i8,
    pub hour: i8,
    pub minute: i8,
    /// Monday is 1, Sunday 7.
    pub weekday: i8,
    /// The zone's abbreviation at that moment (`CET`, `CEST`, `UTC`), else its offset.
    pub zone: String,
}

impl WallClock {
    /// `at` in the zone named `zone`; an unknown zone (only possible for remote events with a
    /// zone we do not know) shows UTC.
    pub fn of(at: Timestamp, zone: &str) -> Self {
        let zone = TimeZone::get(zone).unwrap_or(TimeZone::UTC);
        let instant = Instant::from_millisecond(at.millis()).unwrap_or(Instant::UNIX_EPOCH);
        let zoned = instant.to_zoned(zone);
        Self {
            year: zoned.year(),
            month: zoned.month(),
            day: zoned.day(),
            hour: zoned.hour(),
            minute: zoned.minute(),
            weekday: zoned.weekday().to_monday_one_offset(),
            zone: zoned.strftime("%Z").to_string(),
        }
    }

    /// `2026-11-23T18:00`, for filling a `datetime-local` field again.
    pub fn form_value(&self) -> String {
        format!("{:04}-{:02}-{:02}T{:02}:{:02}", self.year, self.month, self.day, self.hour, self.minute)
    }
}

/// A month of the calendar, e.g. `2026-11`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Month {
    pub year: i16,
    pub month: i8,
}

impl Month {
    /// `2026-11`; years 1970 to 9998.
    pub fn parse(raw: &str) -> Option<Self> {
        let (year, month) = raw.trim().split_once('-')?;
        let year: i16 = year.parse().ok()?;
        let month: i8 = month.parse().ok()?;
        ((1970..=9998).contains(&year) && (1..=12).contains(&month)).then_some(Self { year, month })
    }

    /// The month `at` falls in, in UTC.
    pub fn containing(at: Timestamp) -> Self {
        let clock = WallClock::of(at, "UTC");
        Self { year: clock.year, month: clock.month }
    }

    pub fn previous(self) -> Self {
        if self.month == 1 {
            Self { year: self.year - 1, month: 12 }
        } else {
            Self { month: self.month - 1, ..self }
        }
    }

    pub fn next(self) -> Self {
        if self.month == 12 {
            Self { year: self.year + 1, month: 1 }
        } else {
            Self { month: self.month + 1, ..self }
        }
    }

    pub fn days(self) -> i8 {
        jiff::civil::date(self.year, self.month, 1).days_in_month()
    }

    /// Weekday of the first day, Monday 1 to Sunday 7.
    pub fn first_weekday(self) -> i8 {
        jiff::civil::date(self.year, self.month, 1).weekday().to_monday_one_offset()
    }

    /// Midnight UTC at the start of the month. Events are placed by their own zone's date, so
    /// a query for a month reaches half a day beyond each end (no zone is further from UTC).
    pub fn start_utc(self) -> Timestamp {
        let date = jiff::civil::date(self.year, self.month, 1);
        let millis = date.to_zoned(TimeZone::UTC).map(|z| z.timestamp().as_millisecond()).unwrap_or_default();
        Timestamp::from_millis(millis)
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// What an organiser typed into the event form.
#[derive(Debug, Clone, Default)]
pub struct EventInput {
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

/// A checked event: every field valid, the end after the start, somewhere to go.
#[derive(Debug, Clone)]
pub struct ValidEvent {
    pub title: String,
    pub description: String,
    pub starts_at: Timestamp,
    pub ends_at: Timestamp,
    pub time_zone: TimeZoneName,
    pub address: String,
    pub coordinates: Option<(f64, f64)>,
    pub online_url: String,
    pub capacity: Option<i64>,
}

impl ValidEvent {
    /// Checks every field and reports all problems at once.
    pub fn parse(input: &EventInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = errors.check(single_line("title", &input.title, 1, 200));
        let description = errors.check(bounded_text("description", &input.description, 0, BODY_MAX));
        let zone = errors.check(TimeZoneName::parse(&input.time_zone));
        let (starts_at, ends_at) = match &zone {
            Some(zone) => (
                errors.check(zone.instant_of("starts_at", &input.starts_at)),
                errors.check(zone.instant_of("ends_at", &input.ends_at)),
            ),
            None => (None, None),
        };
        if let (Some(start), Some(end)) = (starts_at, ends_at)
            && end <= start
        {
            errors.push(FieldError::new("ends_at", "must be after the start"));
        }
        let address = errors.check(bounded_text("address", &input.address, 0, 500));
        let latitude =
            errors.check(coordinate("latitude", &input.latitude, 90.0, "must be a number from -90 to 90"));
        let longitude = errors.check(coordinate(
            "longitude",
            &input.longitude,
            180.0,
            "must be a number from -180 to 180",
        ));
        let coordinates = match (latitude.flatten(), longitude.flatten()) {
            (Some(lat), Some(lon)) => Some((lat, lon)),
            (None, None) => None,
            (Some(_), None) => {
                errors.push(FieldError::new("longitude", "is needed with a latitude"));
                None
            }
            (None, Some(_)) => {
                errors.push(FieldError::new("latitude", "is needed with a longitude"));
                None
            }
        };
        let online_url = errors.check(online_link(&input.online_url));
        if address.as_deref() == Some("") && online_url.as_deref() == Some("") {
            errors.push(FieldError::new("address", "needs an address or an online link"));
        }
        let capacity = errors.check(capacity(&input.capacity));
        let (
            Some(title),
            Some(description),
            Some(time_zone),
            Some(starts_at),
            Some(ends_at),
            Some(address),
            Some(online_url),
            Some(capacity),
        ) = (title, description, zone, starts_at, ends_at, address, online_url, capacity)
        else {
            return Err(errors);
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Self {
            title,
            description,
            starts_at,
            ends_at,
            time_zone,
            address,
            coordinates,
            online_url,
            capacity,
        })
    }
}

fn single_line(field: &'static str, raw: &str, min: usize, max: usize) -> Result<String, FieldError> {
    let text = bounded_text(field, raw, min, max)?;
    if text.contains('\n') {
        return Err(FieldError::new(field, "must be a single line"));
    }
    Ok(text)
}

fn coordinate(field: &'static str, raw: &str, limit: f64, message: &str) -> Result<Option<f64>, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    match raw.replace(',', ".").parse::<f64>() {
        Ok(value) if value.is_finite() && (-limit..=limit).contains(&value) => Ok(Some(value)),
        _ => Err(FieldError::new(field, message)),
    }
}

/// An `http` or `https` link, or nothing.
pub fn online_link(raw: &str) -> Result<String, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(String::new());
    }
    match url::Url::parse(raw) {
        Ok(url) if matches!(url.scheme(), "http" | "https") && url.host().is_some() && raw.len() <= 2_000 => {
            Ok(url.to_string())
        }
        _ => Err(FieldError::new("online_url", "must be an http or https link")),
    }
}

fn capacity(raw: &str) -> Result<Option<i64>, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    match raw.parse::<i64>() {
        Ok(n) if (1..=CAPACITY_MAX).contains(&n) => Ok(Some(n)),
        _ => Err(FieldError::new("capacity", "must be a whole number from 1 to 100000")),
    }
}

/// A member's answer to an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rsvp {
    Going,
    NotGoing,
}

impl Rsvp {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        match raw.trim() {
            "going" => Ok(Self::Going),
            "not_going" => Ok(Self::NotGoing),
            _ => Err(FieldError::new("rsvp", "must be going or not_going")),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Going => "going",
            Self::NotGoing => "not_going",
        }
    }
}

/// How an event may be joined (Mobilizon's `joinMode`). Our own events are `Free`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinMode {
    /// Anyone may join; the organiser's `Accept` follows at once.
    Free,
    /// The organiser approves each participant.
    Restricted,
    /// Only people the organisers invite.
    Invite,
    /// Participation is handled on another website.
    External,
}

impl JoinMode {
    /// What a remote event says; anything unknown is read as `Free`, as Mobilizon defaults.
    pub fn parse_lenient(raw: &str) -> Self {
        match raw.trim() {
            "restricted" => Self::Restricted,
            "invite" => Self::Invite,
            "external" => Self::External,
            _ => Self::Free,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Free => "free",
            Self::Restricted => "restricted",
            Self::Invite => "invite",
            Self::External => "external",
        }
    }

    /// Whether a member here can say they are going (invite-only and external events cannot
    /// be joined by a `Join`).
    pub fn joinable_from_here(self) -> bool {
        matches!(self, Self::Free | Self::Restricted)
    }
}

/// A remote organiser's answer to a member's `Join`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirmation {
    Confirmed,
    Declined,
}

impl Confirmation {
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "confirmed" => Some(Self::Confirmed),
            "declined" => Some(Self::Declined),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Confirmed => "confirmed",
            Self::Declined => "declined",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_modes_read_leniently() {
        assert_eq!(JoinMode::parse_lenient("restricted"), JoinMode::Restricted);
        assert_eq!(JoinMode::parse_lenient("whatever"), JoinMode::Free);
        assert!(!JoinMode::parse_lenient("invite").joinable_from_here());
        assert!(!JoinMode::parse_lenient("external").joinable_from_here());
        assert!(JoinMode::Restricted.joinable_from_here());
    }

    fn input() -> EventInput {
        EventInput {
            title: "Network meeting".into(),
            description: "Bring **ideas**".into(),
            starts_at: "2026-11-23T18:00".into(),
            ends_at: "2026-11-23T20:30".into(),
            time_zone: "Europe/Berlin".into(),
            address: "Rathaus, Borken".into(),
            capacity: "30".into(),
            ..EventInput::default()
        }
    }

    #[test]
    fn wall_clock_times_are_read_in_the_event_zone() {
        let event = ValidEvent::parse(&input()).expect("valid");
        // 18:00 in Berlin in November (CET, UTC+1) is 17:00 UTC.
        assert_eq!(event.starts_at.to_rfc3339(), "2026-11-23T17:00:00.000Z");
        let clock = WallClock::of(event.starts_at, "Europe/Berlin");
        assert_eq!((clock.hour, clock.minute, clock.zone.as_str()), (18, 0, "CET"));
        assert_eq!(clock.form_value(), "2026-11-23T18:00");
        assert_eq!(clock.weekday, 1, "23 November 2026 is a Monday");
    }

    #[test]
    fn bad_events_name_every_field() {
        let bad = EventInput {
            title: String::new(),
            time_zone: "Mars/Olympus".into(),
            latitude: "91".into(),
            longitude: "x".into(),
            online_url: "javascript:alert(1)".into(),
            capacity: "0".into(),
            ..input()
        };
        let errors = ValidEvent::parse(&bad).expect_err("refused");
        for field in ["title", "time_zone", "latitude", "longitude", "online_url", "capacity"] {
            assert!(errors.get(field).is_some(), "{field}: {errors}");
        }
        let backwards = EventInput { ends_at: "2026-11-23T17:00".into(), ..input() };
        assert_eq!(
            ValidEvent::parse(&backwards).expect_err("refused").get("ends_at"),
            Some("must be after the start")
        );
        let nowhere = EventInput { address: " ".into(), ..input() };
        assert!(ValidEvent::parse(&nowhere).expect_err("refused").get("address").is_some());
        let half = EventInput { latitude: "51.8".into(), ..input() };
        assert!(ValidEvent::parse(&half).expect_err("refused").get("longitude").is_some());
    }

    #[test]
    fn months_step_and_know_their_days() {
        let month = Month::parse("2026-12").expect("month");
        assert_eq!(month.next().to_string(), "2027-01");
        assert_eq!(Month::parse("2027-01").expect("month").previous(), month);
        assert_eq!(Month::parse("2028-02").expect("month").days(), 29);
        assert_eq!(Month::parse("2026-11").expect("month").first_weekday(), 7, "1 November 2026 is a Sunday");
        assert!(Month::parse("2026-13").is_none() && Month::parse("x").is_none());
    }
}
