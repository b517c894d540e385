//! Numbers and dates as each interface language writes them (after CLDR): digit grouping,
//! month names (Polish in the genitive, Finnish in the partitive: "23 listopada",
//! "23. marraskuuta") and the order of day, month, year and time. Times are shown in UTC.

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::fluent_bundle::memoizer::MemoizerKind;
use intl_memoizer::Memoizable;
use intl_memoizer::concurrent::IntlLangMemoizer;

use crate::domain::Timestamp;
use crate::domain::event::WallClock;

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const MONTHS_PL: [&str; 12] = [
    "stycznia",
    "lutego",
    "marca",
    "kwietnia",
    "maja",
    "czerwca",
    "lipca",
    "sierpnia",
    "września",
    "października",
    "listopada",
    "grudnia",
];
const MONTHS_DA: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_SV: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_FI: [&str; 12] = [
    "tammikuuta",
    "helmikuuta",
    "maaliskuuta",
    "huhtikuuta",
    "toukokuuta",
    "kesäkuuta",
    "heinäkuuta",
    "elokuuta",
    "syyskuuta",
    "lokakuuta",
    "marraskuuta",
    "joulukuuta",
];

struct Parts {
    year: i32,
    month: &'static str,
    day: u8,
    hour: u8,
    minute: u8,
}

fn parts(language: &str, at: Timestamp) -> Option<Parts> {
    let at = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(at.millis()) * 1_000_000).ok()?;
    let months = match language {
        "de" => &MONTHS_DE,
        "pl" => &MONTHS_PL,
        "da" => &MONTHS_DA,
        "sv" => &MONTHS_SV,
        "fi" => &MONTHS_FI,
        _ => &MONTHS_EN,
    };
    let month = months.get(usize::from(u8::from(at.month())).saturating_sub(1))?;
    Some(Parts { year: at.year(), month, day: at.day(), hour: at.hour(), minute: at.minute() })
}

/// A day: `23 November 2026`, `23. November 2026`, `23 listopada 2026`, `23. november 2026`,
/// `23 november 2026`, `23. marraskuuta 2026`.
pub fn date(language: &str, at: Timestamp) -> String {
    let Some(Parts { year, month, day, .. }) = parts(language, at) else { return String::new() };
    match language {
        "de" | "da" | "fi" => format!("{day}. {month} {year}"),
        _ => format!("{day} {month} {year}"),
    }
}

/// A day and a time of day in UTC, with each language's separator and time style.
pub fn datetime(language: &str, at: Timestamp) -> String {
    let Some(p) = parts(language, at) else { return String::new() };
    let day = date(language, at);
    match language {
        "da" => format!("{day} kl. {:02}.{:02} UTC", p.hour, p.minute),
        "sv" => format!("{day} kl. {:02}:{:02} UTC", p.hour, p.minute),
        "fi" => format!("{day} klo {}.{:02} UTC", p.hour, p.minute),
        _ => format!("{day}, {:02}:{:02} UTC", p.hour, p.minute),
    }
}

/// A day as a clock in some zone shows it (events are shown in their own time zone).
pub fn wall_date(language: &str, clock: &WallClock) -> String {
    let months = match language {
        "de" => &MONTHS_DE,
        "pl" => &MONTHS_PL,
        "da" => &MONTHS_DA,
        "sv" => &MONTHS_SV,
        "fi" => &MONTHS_FI,
        _ => &MONTHS_EN,
    };
    let month = months.get(usize::try_from(clock.month).unwrap_or(1).saturating_sub(1)).unwrap_or(&"");
    let (day, year) = (clock.day, clock.year);
    match language {
        "de" | "da" | "fi" => format!("{day}. {month} {year}"),
        _ => format!("{day} {month} {year}"),
    }
}

/// A time of day in each language's style: `18:00`, `18.00` (da), `18.00`/`8.37` (fi).
pub fn wall_time(language: &str, clock: &WallClock) -> String {
    match language {
        "da" => format!("{:02}.{:02}", clock.hour, clock.minute),
        "fi" => format!("{}.{:02}", clock.hour, clock.minute),
        _ => format!("{:02}:{:02}", clock.hour, clock.minute),
    }
}

/// From `start` to `end` in the event's zone: one date when both fall on the same day
/// (`23. November 2026, 18:00–20:30 CET`), else both in full.
pub fn wall_span(language: &str, start: &WallClock, end: &WallClock) -> String {
    let at = |clock: &WallClock| match language {
        "da" | "sv" => format!("{} kl. {}", wall_date(language, clock), wall_time(language, clock)),
        "fi" => format!("{} klo {}", wall_date(language, clock), wall_time(language, clock)),
        _ => format!("{}, {}", wall_date(language, clock), wall_time(language, clock)),
    };
    if (start.year, start.month, start.day) == (end.year, end.month, end.day) {
        let zone =
            if start.zone == end.zone { end.zone.clone() } else { format!("{}/{}", start.zone, end.zone) };
        format!("{}–{} {zone}", at(start), wall_time(language, end))
    } else {
        format!("{} {} – {} {}", at(start), start.zone, at(end), end.zone)
    }
}

/// Digit grouping for whole numbers: `12,345` (en), `12.345` (de, da), `12 345` with a no-break
/// space (pl, sv, fi). Polish leaves four-digit numbers ungrouped (`1234`).
pub fn group_digits(language: &str, n: i64) -> String {
    let separator = match language {
        "de" | "da" => '.',
        "pl" | "sv" | "fi" => '\u{a0}',
        _ => ',',
    };
    let min_digits = if language == "pl" { 5 } else { 4 };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    if digits.len() < min_digits {
        out.push_str(&digits);
        return out;
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// A decimal amount with at most `max_fraction` fraction digits (trailing zeros dropped), the
/// language's digit grouping and decimal sign: `12,400.5` (en), `12.400,5` (de, da),
/// `12 400,5` (pl, sv, fi).
pub fn decimal(language: &str, value: f64, max_fraction: u32) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let scale = 10_f64.powi(i32::try_from(max_fraction).unwrap_or(0));
    let rounded = (value.abs() * scale).round();
    let whole = (rounded / scale).trunc();
    let fraction = (rounded - whole * scale).round();
    let sign = if value < 0.0 && rounded > 0.0 { "-" } else { "" };
    let mut text = format!("{sign}{}", group_digits(language, whole as i64));
    if fraction > 0.0 {
        let digits = format!("{:0width$}", fraction as i64, width = max_fraction as usize);
        text.push(if language == "en" { '.' } else { ',' });
        text.push_str(digits.trim_end_matches('0'));
    }
    text
}

/// Knows the language of the Fluent bundle it was made for; lets [`fluent_number`] group digits.
struct DigitGrouping {
    language: String,
}

impl Memoizable for DigitGrouping {
    type Args = ();
    type Error = ();

    fn construct(lang: fluent_templates::LanguageIdentifier, _args: ()) -> Result<Self, ()> {
        Ok(Self { language: lang.language.as_str().to_owned() })
    }
}

/// The number formatter of every bundle: whole numbers in placeables (`{ $count }`) get the
/// language's digit grouping; anything else keeps Fluent's own formatting.
pub fn fluent_number(value: &FluentValue, memoizer: &IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(number) = value else { return None };
    let whole = number.value.fract() == 0.0 && number.value.abs() < 1e15;
    if !whole || number.options.minimum_fraction_digits.is_some() {
        return None;
    }
    let n = number.value as i64;
    memoizer.with_try_get_threadsafe::<DigitGrouping, _, _>((), |g| group_digits(&g.language, n)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 23 November 2026, 08:37:00 UTC.
    const AT: i64 = 1_795_423_020_000;

    #[test]
    fn dates_follow_each_language() {
        let at = Timestamp::from_millis(AT);
        assert_eq!(date("en", at), "23 November 2026");
        assert_eq!(date("de", at), "23. November 2026");
        assert_eq!(date("pl", at), "23 listopada 2026");
        assert_eq!(date("da", at), "23. november 2026");
        assert_eq!(date("sv", at), "23 november 2026");
        assert_eq!(date("fi", at), "23. marraskuuta 2026");
    }

    #[test]
    fn times_follow_each_language() {
        let at = Timestamp::from_millis(AT);
        assert_eq!(datetime("en", at), "23 November 2026, 08:37 UTC");
        assert_eq!(datetime("de", at), "23. November 2026, 08:37 UTC");
        assert_eq!(datetime("pl", at), "23 listopada 2026, 08:37 UTC");
        assert_eq!(datetime("da", at), "23. november 2026 kl. 08.37 UTC");
        assert_eq!(datetime("sv", at), "23 november 2026 kl. 08:37 UTC");
        assert_eq!(datetime("fi", at), "23. marraskuuta 2026 klo 8.37 UTC");
    }

    #[test]
    fn decimals_use_each_languages_signs() {
        assert_eq!(decimal("en", 12_400.5, 2), "12,400.5");
        assert_eq!(decimal("de", 12_400.5, 2), "12.400,5");
        assert_eq!(decimal("fi", -0.25, 2), "-0,25");
        assert_eq!(decimal("pl", 1_234.0, 2), "1234");
        assert_eq!(decimal("en", 2.999, 2), "3");
        assert_eq!(decimal("sv", 49.96, 1), "50");
    }

    #[test]
    fn digits_are_grouped_for_each_language() {
        assert_eq!(group_digits("en", 999), "999");
        assert_eq!(group_digits("en", 1_234), "1,234");
        assert_eq!(group_digits("en", 1_234_567), "1,234,567");
        assert_eq!(group_digits("de", 1_234), "1.234");
        assert_eq!(group_digits("da", 12_345), "12.345");
        assert_eq!(group_digits("pl", 1_234), "1234");
        assert_eq!(group_digits("pl", 12_345), "12\u{a0}345");
        assert_eq!(group_digits("sv", 1_234), "1\u{a0}234");
        assert_eq!(group_digits("fi", -1_234), "-1\u{a0}234");
    }
}
