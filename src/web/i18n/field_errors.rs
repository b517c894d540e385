//! Form errors in the reader's language. The domain and service layers describe a refused field
//! in plain English (`FieldError`), which the Mastodon API passes on as is; the web pages map
//! each of those descriptions to a message id here. An unknown description is shown unchanged.

use fluent_templates::fluent_bundle::FluentValue;

use super::Translator;
use crate::domain::FieldError;

/// Descriptions without numbers, and their message ids.
const FIXED: &[(&str, &str)] = &[
    ("must not be empty", "field-error-empty"),
    ("is required", "field-error-required"),
    ("must not contain control characters", "field-error-control-characters"),
    ("must be a single line", "field-error-single-line"),
    ("is not a valid email address", "field-error-email-invalid"),
    ("is already registered", "field-error-email-registered"),
    ("is already taken", "field-error-name-taken"),
    ("may contain only lowercase letters a-z, digits, _ and -", "field-error-name-characters"),
    ("must start with a letter or a digit", "field-error-name-start"),
    ("is reserved, please choose another", "field-error-name-reserved"),
    ("must be project or discussion", "field-error-group-kind"),
    ("must be a two-letter language code", "field-error-language-code"),
    ("is not one of the offered languages", "field-error-language-unknown"),
    ("does not match the password", "field-error-password-mismatch"),
    ("must be blocked, allowed or default", "field-error-policy"),
    ("is not a host name", "field-error-host"),
    ("must be idea, planned, running, completed or paused", "project-error-status"),
    ("must be planned, running or done", "project-error-measure-status"),
    ("must be a date written as YYYY-MM-DD", "project-error-date"),
    ("must not be before the start date", "project-error-end-before-start"),
    ("is not one of the focus areas", "project-error-focus-area"),
    ("must be a web address starting with http:// or https://", "project-error-url"),
    ("must be a handle like @name@host or a web address", "project-error-partner"),
    ("has too many entries", "project-error-too-many"),
    ("each line needs a name", "project-error-line-name"),
];

/// What events refuse (`domain::event`, `service::events`).
const EVENT_FIXED: &[(&str, &str)] = &[
    ("is not a known time zone", "field-error-time-zone"),
    ("is not a date and time", "field-error-datetime"),
    ("must be after the start", "field-error-end-after-start"),
    ("must be a number from -90 to 90", "field-error-latitude"),
    ("must be a number from -180 to 180", "field-error-longitude"),
    ("is needed with a latitude", "field-error-longitude-missing"),
    ("is needed with a longitude", "field-error-latitude-missing"),
    ("needs an address or an online link", "field-error-place-missing"),
    ("must be an http or https link", "field-error-link"),
    ("must be a whole number from 1 to 100000", "field-error-capacity"),
    ("must be going or not_going", "field-error-rsvp"),
    ("is full", "field-error-event-full"),
    ("cannot be joined from here", "field-error-event-not-joinable"),
];

/// Descriptions of the member, registration and goal rules (kept apart to keep merges simple).
const MEMBERS_FIXED: &[(&str, &str)] = &[
    ("is not one of the offered types", "field-error-org-type"),
    ("must be a web address starting with https:// or http://", "field-error-website"),
    ("is not valid or has expired", "field-error-invite"),
    ("must be approve or reject", "field-error-decision"),
    ("must be a number", "field-error-number"),
    ("must be a date like 2026-11-23", "field-error-date"),
    ("must differ from the baseline", "field-error-target-equals-baseline"),
    ("must not be before the baseline year", "field-error-target-year"),
    ("must be a group you can post in", "field-error-goal-group"),
];

/// What moderation refuses (`service::group_bans`, `domain::modlog`).
const MODERATION_FIXED: &[(&str, &str)] = &[
    ("you are banned from this group", "field-error-banned"),
    ("no such person is known here", "field-error-no-such-person"),
    ("moderators cannot be banned from their group", "field-error-moderator-ban"),
    ("the reason is too long (at most 1000 characters)", "field-error-reason-too-long"),
];

/// What the account security settings refuse (`service::account_security`).
const SECURITY_FIXED: &[(&str, &str)] =
    &[(crate::service::account_security::WRONG_PASSWORD, "field-error-wrong-password")];

/// A message id and its arguments for one refused field, if the description is known.
pub fn message_for(error: &FieldError) -> Option<(&'static str, Vec<(&'static str, FluentValue<'static>)>)> {
    let text = error.message.as_str();
    if let Some((_, id)) = FIXED
        .iter()
        .chain(EVENT_FIXED)
        .chain(MEMBERS_FIXED)
        .chain(MODERATION_FIXED)
        .chain(SECURITY_FIXED)
        .find(|(description, _)| *description == text)
    {
        return Some((id, Vec::new()));
    }
    if let Some(place) = text.strip_prefix(crate::service::group_moves::GROUP_MOVED) {
        return Some(("field-error-group-moved", vec![("place", FluentValue::from(place.to_owned()))]));
    }
    let number =
        |prefix: &str, suffix: &str| text.strip_prefix(prefix)?.strip_suffix(suffix)?.parse::<i64>().ok();
    if let Some(min) = number("must be at least ", " characters") {
        return Some(("field-error-too-short", vec![("count", FluentValue::from(min))]));
    }
    if let Some(max) = number("must be at most ", " characters") {
        return Some(("field-error-too-long", vec![("count", FluentValue::from(max))]));
    }
    if let Some(rest) = text.strip_prefix("must be a whole number from ") {
        let (min, max) = rest.split_once(" to ")?;
        let (min, max) = (min.parse::<i64>().ok()?, max.parse::<i64>().ok()?);
        return Some((
            "field-error-whole-number",
            vec![("min", FluentValue::from(min)), ("max", FluentValue::from(max))],
        ));
    }
    if let Some(rest) = text.strip_prefix("must be a year from ") {
        let (min, max) = rest.split_once(" to ")?;
        let (min, max) = (min.parse::<i64>().ok()?, max.parse::<i64>().ok()?);
        // Years are not grouped like amounts ("2030", never "2,030").
        let (min, max) = (FluentValue::from(min.to_string()), FluentValue::from(max.to_string()));
        return Some(("field-error-year", vec![("min", min), ("max", max)]));
    }
    let range = text.strip_prefix("must be ")?.strip_suffix(" characters long")?;
    let (min, max) = range.split_once(" to ")?;
    let (min, max) = (min.parse::<i64>().ok()?, max.parse::<i64>().ok()?);
    Some(("field-error-name-length", vec![("min", FluentValue::from(min)), ("max", FluentValue::from(max))]))
}

/// The message shown next to a refused field.
pub fn translate(error: &FieldError, t: &Translator) -> String {
    match message_for(error) {
        Some((id, args)) => t.args(id, &args),
        None => error.message.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::account::Summary;
    use crate::domain::{
        DisplayName, Email, GroupKind, GroupTitle, Language, Name, Password, PostBody, ThreadTitle,
    };

    /// Every refusal the domain rules can produce, so a new or reworded one cannot slip through
    /// untranslated.
    fn domain_refusals() -> Vec<FieldError> {
        let long = "x".repeat(30_000);
        [
            Name::parse("username", "a").err(),
            Name::parse("username", "Bad Name").err(),
            Name::parse("username", "_ana").err(),
            Name::parse("username", "admin").err(),
            Email::parse("not-an-address").err(),
            Password::parse("short").err(),
            Password::parse(&long).err(),
            GroupKind::parse("club").err(),
            GroupTitle::parse("").err(),
            GroupTitle::parse(&long).err(),
            GroupTitle::parse("two\nlines").err(),
            GroupTitle::parse("bell\u{7}").err(),
            ThreadTitle::parse("two\nlines").err(),
            PostBody::parse("").err(),
            PostBody::parse(&long).err(),
            DisplayName::parse(&long).err(),
            Summary::parse("bio", &long).err(),
            Language::parse("language", "deutsch").err(),
            Language::parse_ui("language", "fr").err(),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// What services and handlers refuse beyond the domain rules.
    fn service_refusals() -> Vec<FieldError> {
        [
            ("email", "is required"),
            ("username", "is already taken"),
            ("email", "is already registered"),
            ("password_confirmation", "does not match the password"),
            ("policy", "must be blocked, allowed or default"),
            ("host", "is not a host name"),
        ]
        .into_iter()
        .map(|(field, message)| FieldError::new(field, message))
        .collect()
    }

    #[test]
    fn every_refusal_has_a_message_in_every_language() {
        let refusals: Vec<FieldError> = domain_refusals().into_iter().chain(service_refusals()).collect();
        assert!(refusals.len() >= 24, "the inputs above are all refused: {refusals:?}");
        for error in &refusals {
            let (id, _) = message_for(error).unwrap_or_else(|| panic!("no message id for {error}"));
            for (code, _) in crate::domain::language::UI_LANGUAGES {
                let text = translate(error, &Translator::new(code));
                assert!(!text.is_empty() && text != id, "{code} has no {id}");
            }
        }
    }

    #[test]
    fn member_registration_and_goal_refusals_have_messages() {
        use crate::domain::goal::{Goal, GoalInput, Progress, ProgressInput};
        use crate::domain::organisation::Organisation;
        use crate::domain::registration::InviteLimits;
        let mut refusals: Vec<FieldError> = Vec::new();
        if let Err(errors) = Organisation::parse("club", "", "", "ftp://x") {
            refusals.extend(errors.iter().cloned());
        }
        if let Err(errors) = InviteLimits::parse("0", "x") {
            refusals.extend(errors);
        }
        let goal = GoalInput {
            title: "t".into(),
            metric: "m".into(),
            unit: "u".into(),
            baseline_value: "1".into(),
            baseline_year: "2020".into(),
            target_value: "1".into(),
            target_year: "2019".into(),
            scope_note: String::new(),
        };
        if let Err(errors) = Goal::parse(&goal) {
            refusals.extend(errors.iter().cloned());
        }
        if let Err(errors) =
            Goal::parse(&GoalInput { baseline_value: "x".into(), baseline_year: "1".into(), ..goal })
        {
            refusals.extend(errors.iter().cloned());
        }
        if let Err(errors) =
            Progress::parse(&ProgressInput { date: "1.1.2024".into(), ..ProgressInput::default() })
        {
            refusals.extend(errors.iter().cloned());
        }
        refusals.push(FieldError::new("invite", "is not valid or has expired"));
        refusals.push(FieldError::new("decision", "must be approve or reject"));
        refusals.push(FieldError::new("group", "must be a group you can post in"));
        assert!(refusals.len() >= 12, "{refusals:?}");
        for error in &refusals {
            let (id, _) = message_for(error).unwrap_or_else(|| panic!("no message id for {error}"));
            for (code, _) in crate::domain::language::UI_LANGUAGES {
                let text = translate(error, &Translator::new(code));
                assert!(!text.is_empty() && text != id, "{code} has no {id}");
            }
        }
        let year = FieldError::new("baseline_year", "must be a year from 1990 to 2100");
        assert_eq!(translate(&year, &Translator::new("en")), "Please enter a year from 1990 to 2100.");
    }

    #[test]
    fn numbers_in_refusals_reach_the_message() {
        let error = FieldError::new("password", "must be at least 8 characters");
        assert_eq!(translate(&error, &Translator::new("de")), "Bitte verwenden Sie mindestens 8 Zeichen.");
        assert_eq!(translate(&error, &Translator::new("pl")), "Wpisz co najmniej 8 znaków.");
        let error = FieldError::new("username", "must be 2 to 30 characters long");
        assert_eq!(translate(&error, &Translator::new("fi")), "Käytä 2–30 merkkiä.");
    }

    #[test]
    fn a_moved_group_names_its_new_place_in_every_language() {
        let place = "@energy@new.example";
        let error = FieldError::new("body", format!("{}{place}", crate::service::group_moves::GROUP_MOVED));
        for (code, _) in crate::domain::language::UI_LANGUAGES {
            let text = translate(&error, &Translator::new(code));
            assert!(text.contains(place) && !text.starts_with("this group"), "{code}: {text}");
        }
    }

    #[test]
    fn unknown_descriptions_are_shown_unchanged() {
        let error = FieldError::new("owner", "no such user");
        assert_eq!(translate(&error, &Translator::new("sv")), "no such user");
    }
}
