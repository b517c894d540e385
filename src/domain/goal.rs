//! Climate goals and progress: a metric with a unit, from a baseline (value and year) to a
//! target (value and year), and dated progress values on the way.

use super::time::Timestamp;
use super::validation::{FieldError, FieldErrors, bounded_text};

pub const YEAR_MIN: i32 = 1990;
pub const YEAR_MAX: i32 = 2100;
/// Bigger amounts are typing mistakes, and would break the chart's arithmetic.
const VALUE_LIMIT: f64 = 1e12;

/// What the goal form submits, still unparsed.
#[derive(Debug, Clone, Default)]
pub struct GoalInput {
    pub title: String,
    pub metric: String,
    pub unit: String,
    pub baseline_value: String,
    pub baseline_year: String,
    pub target_value: String,
    pub target_year: String,
    pub scope_note: String,
}

/// A validated goal.
#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    pub title: String,
    pub metric: String,
    pub unit: String,
    pub baseline_value: f64,
    pub baseline_year: i32,
    pub target_value: f64,
    pub target_year: i32,
    pub scope_note: String,
}

impl Goal {
    pub fn parse(input: &GoalInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = errors.check(single_line("title", &input.title, 1, 150));
        let metric = errors.check(single_line("metric", &input.metric, 1, 100));
        let unit = errors.check(single_line("unit", &input.unit, 1, 30));
        let baseline_value = errors.check(parse_number("baseline_value", &input.baseline_value));
        let baseline_year = errors.check(parse_year("baseline_year", &input.baseline_year));
        let target_value = errors.check(parse_number("target_value", &input.target_value));
        let target_year = errors.check(parse_year("target_year", &input.target_year));
        let scope_note = errors.check(bounded_text("scope_note", &input.scope_note, 0, 2_000));
        if let (Some(baseline), Some(target)) = (baseline_value, target_value)
            && baseline == target
        {
            errors.push(FieldError::new("target_value", "must differ from the baseline"));
        }
        if let (Some(baseline), Some(target)) = (baseline_year, target_year)
            && target < baseline
        {
            errors.push(FieldError::new("target_year", "must not be before the baseline year"));
        }
        match (title, metric, unit, baseline_value, baseline_year, target_value, target_year, scope_note) {
            (
                Some(title),
                Some(metric),
                Some(unit),
                Some(baseline_value),
                Some(baseline_year),
                Some(target_value),
                Some(target_year),
                Some(scope_note),
            ) if errors.is_empty() => Ok(Self {
                title,
                metric,
                unit,
                baseline_value,
                baseline_year,
                target_value,
                target_year,
                scope_note,
            }),
            _ => Err(errors),
        }
    }
}

/// What the progress form submits, still unparsed.
#[derive(Debug, Clone, Default)]
pub struct ProgressInput {
    pub date: String,
    pub value: String,
    pub note: String,
    /// The group the update is posted in (`name` or `name@host`).
    pub group: String,
}

/// A validated progress update.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    /// Midnight UTC of the day the value was measured.
    pub date: Timestamp,
    pub value: f64,
    pub note: String,
}

impl Progress {
    pub fn parse(input: &ProgressInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let date = errors.check(parse_date("date", &input.date));
        let value = errors.check(parse_number("value", &input.value));
        let note = errors.check(bounded_text("note", &input.note, 1, 2_000));
        match (date, value, note) {
            (Some(date), Some(value), Some(note)) if errors.is_empty() => Ok(Self { date, value, note }),
            _ => Err(errors),
        }
    }
}

/// How far a value has come from the baseline toward the target, in percent. Works the same
/// for falling targets (emissions: 100 → 40, at 70 that is 50 %) and rising ones; may be below
/// 0 (moved away) or above 100 (beyond the target).
pub fn progress_percent(baseline: f64, target: f64, value: f64) -> f64 {
    let span = target - baseline;
    if span == 0.0 { 0.0 } else { (value - baseline) / span * 100.0 }
}

fn single_line(field: &'static str, raw: &str, min: usize, max: usize) -> Result<String, FieldError> {
    let text = bounded_text(field, raw, min, max)?;
    if text.contains(['\n', '\r']) {
        return Err(FieldError::new(field, "must be a single line"));
    }
    Ok(text)
}

/// A decimal number as people type it: `1234.5`, `1234,5`, `-3`, with spaces or no-break
/// spaces between digit groups.
pub fn parse_number(field: &'static str, raw: &str) -> Result<f64, FieldError> {
    let cleaned: String = raw.trim().chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}')).collect();
    let cleaned = cleaned.replace(',', ".");
    if cleaned.is_empty() {
        return Err(FieldError::new(field, "must not be empty"));
    }
    let valid_shape = cleaned.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-')
        && cleaned.matches('.').count() <= 1;
    match cleaned.parse::<f64>() {
        Ok(n) if valid_shape && n.is_finite() && n.abs() < VALUE_LIMIT => Ok(n),
        _ => Err(FieldError::new(field, "must be a number")),
    }
}

pub fn parse_year(field: &'static str, raw: &str) -> Result<i32, FieldError> {
    match raw.trim().parse::<i32>() {
        Ok(year) if (YEAR_MIN..=YEAR_MAX).contains(&year) => Ok(year),
        _ => Err(FieldError::new(field, format!("must be a year from {YEAR_MIN} to {YEAR_MAX}"))),
    }
}

/// A day as `YYYY-MM-DD` (what a date input sends), as midnight UTC.
pub fn parse_date(field: &'static str, raw: &str) -> Result<Timestamp, FieldError> {
    let invalid = || FieldError::new(field, "must be a date like 2026-11-23");
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let date = time::Date::parse(raw.trim(), &format).map_err(|_| invalid())?;
    if !(YEAR_MIN..=YEAR_MAX).contains(&date.year()) {
        return Err(invalid());
    }
    let seconds = date.midnight().assume_utc().unix_timestamp();
    Ok(Timestamp::from_millis(seconds * 1000))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> GoalInput {
        GoalInput {
            title: "Climate-neutral heat".into(),
            metric: "Emissions of the heat network".into(),
            unit: "t CO2e/year".into(),
            baseline_value: "12 400".into(),
            baseline_year: "2020".into(),
            target_value: "0".into(),
            target_year: "2035".into(),
            scope_note: "Scope 1 and 2".into(),
        }
    }

    #[test]
    fn goals_parse_with_local_number_styles() {
        let goal = Goal::parse(&input()).expect("valid");
        assert_eq!(goal.baseline_value, 12_400.0);
        assert_eq!(parse_number("value", "1234,5"), Ok(1234.5));
        assert_eq!(parse_number("value", "-3"), Ok(-3.0));
        for bad in ["", "abc", "1.2.3", "NaN", "inf", "1e400", "12%"] {
            assert!(parse_number("value", bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn bad_goals_name_every_field() {
        let bad = GoalInput {
            title: String::new(),
            baseline_year: "1800".into(),
            target_value: "12400".into(),
            target_year: "2019".into(),
            ..input()
        };
        let errors = Goal::parse(&bad).expect_err("refused");
        assert!(errors.get("title").is_some());
        assert!(errors.get("baseline_year").is_some());
        assert_eq!(errors.get("target_value"), Some("must differ from the baseline"));
        let later = GoalInput { baseline_year: "2025".into(), target_year: "2024".into(), ..input() };
        assert_eq!(
            Goal::parse(&later).expect_err("refused").get("target_year"),
            Some("must not be before the baseline year")
        );
    }

    #[test]
    fn progress_counts_toward_falling_and_rising_targets() {
        assert_eq!(progress_percent(100.0, 40.0, 70.0), 50.0);
        assert_eq!(progress_percent(10.0, 60.0, 35.0), 50.0);
        assert_eq!(progress_percent(100.0, 40.0, 110.0).round(), -17.0);
        assert_eq!(progress_percent(100.0, 40.0, 30.0).round(), 117.0);
    }

    #[test]
    fn dates_are_days() {
        let day = parse_date("date", "2026-11-23").expect("valid");
        assert_eq!(day.millis() % 86_400_000, 0);
        assert!(parse_date("date", "23.11.2026").is_err());
        assert!(parse_date("date", "2026-02-30").is_err());
    }
}
