//! iCalendar (RFC 5545) feeds of events, written by hand: a calendar of events needs a dozen
//! properties, and the rules that matter are few and exact.
//!
//! - Lines end in CRLF and are folded so no line exceeds 75 octets (a fold never splits a
//!   UTF-8 character); the continuation starts with one space.
//! - TEXT values escape `\`, `;`, `,` and newlines (`\n`); other control characters are dropped.
//! - Times are in UTC (`DTSTART:20261123T170000Z`), so no `VTIMEZONE` is needed: an instant is
//!   exact, and calendar apps show it in their reader's zone (the event page shows the event's
//!   own zone). Each event's `UID` is its ActivityPub id, stable across feeds and edits.

use crate::domain::Timestamp;
use crate::service::events::EventDetails;

/// `Content-Type` of the feeds.
pub const ICAL_CONTENT_TYPE: &str = "text/calendar; charset=utf-8";

const MAX_OCTETS: usize = 75;

/// A calendar being written.
pub struct Calendar {
    out: String,
}

impl Calendar {
    /// A `VCALENDAR` with its name (`X-WR-CALNAME`, which Apple, Google and Thunderbird show).
    pub fn new(name: &str) -> Self {
        let mut calendar = Self { out: String::new() };
        calendar.line("BEGIN", "VCALENDAR");
        calendar.line("VERSION", "2.0");
        calendar.line("PRODID", "-//Allmende//Events//EN");
        calendar.line("CALSCALE", "GREGORIAN");
        calendar.line("METHOD", "PUBLISH");
        calendar.text("X-WR-CALNAME", name);
        calendar
    }

    /// A property whose value is written as is (dates, URIs, fixed words).
    fn line(&mut self, name: &str, value: &str) {
        let line = format!("{name}:{value}");
        push_folded(&mut self.out, &line);
    }

    /// A TEXT property, escaped.
    fn text(&mut self, name: &str, value: &str) {
        self.line(name, &escape_text(value));
    }

    /// One event. `uid` is its stable id, `page` its page, `stamp` when the feed was made.
    pub fn event(&mut self, event: &EventDetails, uid: &str, page: &str, stamp: Timestamp) {
        self.line("BEGIN", "VEVENT");
        self.line("UID", &escape_text(uid));
        self.line("DTSTAMP", &utc(stamp));
        self.line("DTSTART", &utc(event.starts_at));
        self.line("DTEND", &utc(event.ends_at));
        self.line("CREATED", &utc(event.created_at));
        self.line("LAST-MODIFIED", &utc(event.updated_at));
        self.text("SUMMARY", &event.title);
        let mut description = event.description_source.trim().to_owned();
        if !event.online_url.is_empty() {
            if !description.is_empty() {
                description.push_str("\n\n");
            }
            description.push_str(&event.online_url);
        }
        if !description.is_empty() {
            self.text("DESCRIPTION", &description);
        }
        let location = if event.address.is_empty() { &event.online_url } else { &event.address };
        if !location.is_empty() {
            self.text("LOCATION", location);
        }
        if let Some((lat, lon)) = event.coordinates {
            self.line("GEO", &format!("{lat};{lon}"));
        }
        self.line("URL", page);
        self.text("CATEGORIES", event.group.shown_name());
        self.line("STATUS", "CONFIRMED");
        self.line("END", "VEVENT");
    }

    pub fn finish(mut self) -> String {
        self.line("END", "VCALENDAR");
        self.out
    }
}

/// `20261123T170000Z`.
pub fn utc(at: Timestamp) -> String {
    let text = at.to_rfc3339();
    // 2026-11-23T17:00:00.000Z → 20261123T170000Z
    let digits: String = text.chars().take(19).filter(|c| c.is_ascii_digit() || *c == 'T').collect();
    format!("{digits}Z")
}

/// Escapes a TEXT value (RFC 5545 section 3.3.11).
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded at 75 octets, each physical line ending in CRLF.
fn push_folded(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if used + width > MAX_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += width;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape_text("a,b;c\\d\ne\r\nf\u{7}"), "a\\,b\\;c\\\\d\\ne\\nf");
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        push_folded(&mut out, &format!("SUMMARY:{}", "ä".repeat(100)));
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "ä".repeat(100)));
    }

    #[test]
    fn times_are_utc_basic_format() {
        assert_eq!(utc(Timestamp::from_millis(1_795_423_020_000)), "20261123T083700Z");
    }
}
