//! Groups: project groups carry a climate project, discussion groups a theme.

use std::fmt;

use super::language::{Language, UI_LANGUAGES};
use super::validation::{FieldError, bounded_text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GroupKind {
    Project,
    Discussion,
}

impl GroupKind {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        match raw.trim() {
            "project" => Ok(Self::Project),
            "discussion" => Ok(Self::Discussion),
            _ => Err(FieldError::new("kind", "must be project or discussion")),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Project => "project",
            Self::Discussion => "discussion",
        }
    }
}

impl fmt::Display for GroupKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The human title of a group, e.g. "Energy efficiency in Borken".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupTitle(String);

impl GroupTitle {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let title = bounded_text("title", raw, 1, 100)?;
        if title.contains('\n') {
            return Err(FieldError::new("title", "must be a single line"));
        }
        Ok(Self(title))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The languages a group declares ("Groups may declare their languages"): a subset of the six
/// interface languages, each once, in the order of [`UI_LANGUAGES`]. Kept as `de,en`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GroupLanguages(Vec<String>);

impl GroupLanguages {
    /// What a form sends: every code must be one of the six.
    pub fn parse(codes: &[String]) -> Result<Self, FieldError> {
        let mut chosen = Vec::new();
        for code in codes {
            let language = Language::parse_ui("languages", code)?;
            chosen.push(language.as_str().to_owned());
        }
        Ok(Self::in_order(chosen))
    }

    /// What another server declares: any two-letter code (Lemmy's `fr`), unreadable ones
    /// dropped, at most [`Self::MAX_REMOTE`].
    pub fn parse_lenient<'a>(codes: impl IntoIterator<Item = &'a str>) -> Self {
        let mut chosen: Vec<String> = Vec::new();
        for code in codes {
            if let Ok(language) = Language::parse("languages", code)
                && !chosen.iter().any(|c| c == language.as_str())
                && chosen.len() < Self::MAX_REMOTE
            {
                chosen.push(language.as_str().to_owned());
            }
        }
        Self::in_order(chosen)
    }

    pub const MAX_REMOTE: usize = 20;

    /// As stored: `de,en`, empty for none.
    pub fn from_column(column: &str) -> Self {
        Self::parse_lenient(column.split(','))
    }

    pub fn to_column(&self) -> String {
        self.0.join(",")
    }

    pub fn codes(&self) -> &[String] {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Each once: the six interface languages first, in their usual order, then any others as
    /// given.
    fn in_order(codes: Vec<String>) -> Self {
        let mut unique: Vec<String> = Vec::with_capacity(codes.len());
        for code in codes {
            if !unique.contains(&code) {
                unique.push(code);
            }
        }
        unique.sort_by_key(|code| UI_LANGUAGES.iter().position(|(c, _)| c == code).unwrap_or(usize::MAX));
        Self(unique)
    }
}

/// A language's own name (`Deutsch`) for the six, else its code.
pub fn language_name(code: &str) -> &str {
    UI_LANGUAGES.iter().find(|(c, _)| *c == code).map_or(code, |(_, name)| name)
}

#[cfg(test)]
mod language_tests {
    use super::*;

    #[test]
    fn declared_languages_are_the_six_each_once_in_order() {
        let codes = ["sv", "de", "sv", " EN "].map(String::from);
        assert_eq!(GroupLanguages::parse(&codes).map(|l| l.to_column()).as_deref(), Ok("en,de,sv"));
        assert!(GroupLanguages::parse(&["fr".to_owned()]).is_err());
        assert!(GroupLanguages::parse(&["english".to_owned()]).is_err());
    }

    #[test]
    fn remote_languages_keep_any_two_letter_code() {
        let languages = GroupLanguages::parse_lenient(["fr", "de", "und", "", "fr", "x1"]);
        assert_eq!(languages.codes(), ["de", "fr"]);
        assert_eq!(GroupLanguages::from_column("").codes(), [] as [String; 0]);
        assert_eq!(language_name("fi"), "Suomi");
        assert_eq!(language_name("fr"), "fr");
    }
}
