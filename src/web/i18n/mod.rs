//! The interface in six languages. Texts live in Fluent files under `locales/` (embedded in
//! the binary); templates reach them through the [`Translator`] in the page `Chrome`, e.g.
//! `{{ chrome.t.get("group-follow") }}` or `{{ chrome.t.count("post-replies", n) }}`.
//! Plurals follow the CLDR rules of each language (Polish one/few/many), numbers and dates are
//! formatted here for the language, and [`negotiate`] picks the language of a request.

pub mod field_errors;
pub mod format;
pub mod negotiate;

use std::borrow::{Borrow, Cow};
use std::collections::HashMap;
use std::fmt::Display;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};

use crate::domain::Timestamp;
use crate::domain::language::UI_LANGUAGES;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        customise: |bundle| {
            // Placeables are plain text in HTML pages: no Unicode isolation marks around them.
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(format::fluent_number));
        },
    };
}

/// The language everything falls back to: the one the message catalogue is written in.
pub const FALLBACK_LANGUAGE: &str = "en";

/// The interface language, if `code` is one of the six (`de`, not `de-AT`: see [`negotiate`]).
pub fn ui_language(code: &str) -> Option<&'static str> {
    UI_LANGUAGES.iter().map(|(c, _)| *c).find(|c| c.eq_ignore_ascii_case(code))
}

/// Texts, numbers and dates in one interface language. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Translator {
    code: &'static str,
    id: LanguageIdentifier,
}

impl Default for Translator {
    fn default() -> Self {
        Self::new(FALLBACK_LANGUAGE)
    }
}

impl Translator {
    /// A translator for `code`, or for English when `code` is not an interface language.
    pub fn new(code: &str) -> Self {
        let code = ui_language(code).unwrap_or(FALLBACK_LANGUAGE);
        let id = code.parse().unwrap_or_else(|_| fluent_templates::langid!("en"));
        Self { code, id }
    }

    /// The language's code, e.g. for `<html lang>`.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// A message without arguments.
    pub fn get(&self, id: &str) -> String {
        self.lookup(id, None)
    }

    /// A message with a `$count` argument, which selects the plural form.
    pub fn count(&self, id: &str, count: impl Borrow<i64>) -> String {
        self.args(id, &[("count", FluentValue::from(*count.borrow()))])
    }

    /// A message with one text argument, e.g. a formatted date or a search query.
    pub fn arg(&self, id: &str, name: &'static str, value: impl Display) -> String {
        self.args(id, &[(name, FluentValue::from(value.to_string()))])
    }

    /// A message with several arguments.
    pub fn args(&self, id: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue<'static>> =
            args.iter().map(|(name, value)| (Cow::Borrowed(*name), value.clone())).collect();
        self.lookup(id, Some(&map))
    }

    /// A whole number with the language's digit grouping, e.g. `12 345` in Polish.
    pub fn number(&self, n: impl Borrow<i64>) -> String {
        format::group_digits(self.code, *n.borrow())
    }

    /// A decimal amount, e.g. `12,400.5` in English and `12.400,5` in German (two fraction
    /// digits at most).
    pub fn decimal(&self, value: impl Borrow<f64>) -> String {
        format::decimal(self.code, *value.borrow(), 2)
    }

    /// A day, e.g. `23. November 2026` or `23 listopada 2026`.
    pub fn date(&self, at: impl Borrow<Timestamp>) -> String {
        format::date(self.code, *at.borrow())
    }

    /// A day and a time (UTC), e.g. `23. November 2026, 08:37 UTC`.
    pub fn datetime(&self, at: impl Borrow<Timestamp>) -> String {
        format::datetime(self.code, *at.borrow())
    }

    fn lookup(&self, id: &str, args: Option<&HashMap<Cow<'static, str>, FluentValue<'static>>>) -> String {
        match LOCALES.try_lookup_complete(&self.id, id, args) {
            Some(text) => text,
            None => {
                tracing::warn!(id, language = self.code, "message missing from the catalogue");
                id.to_owned()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polish_plurals_use_one_few_and_many() {
        let pl = Translator::new("pl");
        assert_eq!(pl.count("group-threads", 1), "1 wątek");
        assert_eq!(pl.count("group-threads", 2), "2 wątki");
        assert_eq!(pl.count("group-threads", 5), "5 wątków");
        assert_eq!(pl.count("group-threads", 22), "22 wątki");
        assert_eq!(pl.count("group-threads", 25), "25 wątków");
        assert_eq!(pl.count("post-likes", 1), "1 polubienie");
        assert_eq!(pl.count("post-likes", 2), "2 polubienia");
        assert_eq!(pl.count("post-likes", 5), "5 polubień");
        assert_eq!(pl.count("post-likes", 22), "22 polubienia");
        assert_eq!(pl.count("post-likes", 25), "25 polubień");
        assert_eq!(pl.count("post-likes", 12), "12 polubień", "12 to 14 are many, not few");
    }

    #[test]
    fn other_languages_pick_their_own_plural_forms() {
        assert_eq!(Translator::new("en").count("post-replies", 1), "1 reply");
        assert_eq!(Translator::new("en").count("post-replies", 0), "0 replies");
        assert_eq!(Translator::new("de").count("post-replies", 3), "3 Antworten");
        assert_eq!(Translator::new("fi").count("post-replies", 1), "1 vastaus");
        assert_eq!(Translator::new("fi").count("post-replies", 2), "2 vastausta");
        assert_eq!(Translator::new("sv").count("group-threads", 4), "4 trådar");
        assert_eq!(Translator::new("da").count("group-followers", 2), "2 følgere");
    }

    #[test]
    fn counts_in_messages_are_grouped_for_the_language() {
        assert_eq!(Translator::new("en").count("post-likes", 12_345), "12,345 likes");
        assert_eq!(Translator::new("de").count("post-replies", 12_345), "12.345 Antworten");
        assert_eq!(Translator::new("pl").count("post-likes", 1_234), "1234 polubienia");
        assert_eq!(Translator::new("pl").count("post-likes", 12_345), "12\u{a0}345 polubień");
    }

    #[test]
    fn arguments_are_inserted_without_isolation_marks() {
        let de = Translator::new("de");
        assert_eq!(de.arg("group-since", "date", "23. November 2026"), "seit 23. November 2026");
    }

    #[test]
    fn unknown_languages_and_ids_fall_back_without_panicking() {
        assert_eq!(Translator::new("xx").code(), "en");
        assert_eq!(Translator::new("DE").code(), "de");
        assert_eq!(Translator::new("de").get("no-such-message"), "no-such-message");
    }
}
