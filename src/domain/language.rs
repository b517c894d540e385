//! Languages of the interface and of posts.

use super::validation::FieldError;

/// The six interface languages, in the order they are offered.
pub const UI_LANGUAGES: &[(&str, &str)] = &[
    ("en", "English"),
    ("de", "Deutsch"),
    ("pl", "Polski"),
    ("da", "Dansk"),
    ("sv", "Svenska"),
    ("fi", "Suomi"),
];

/// An ISO 639-1 language code. Posts may be in any language; the interface speaks the six in
/// [`UI_LANGUAGES`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language(String);

impl Language {
    pub fn parse(field: &'static str, raw: &str) -> Result<Self, FieldError> {
        let code = raw.trim().to_ascii_lowercase();
        if code.len() == 2 && code.chars().all(|c| c.is_ascii_lowercase()) {
            Ok(Self(code))
        } else {
            Err(FieldError::new(field, "must be a two-letter language code"))
        }
    }

    /// A language the interface is translated into.
    pub fn parse_ui(field: &'static str, raw: &str) -> Result<Self, FieldError> {
        let language = Self::parse(field, raw)?;
        if UI_LANGUAGES.iter().any(|(code, _)| *code == language.0) {
            Ok(language)
        } else {
            Err(FieldError::new(field, "is not one of the offered languages"))
        }
    }

    pub fn english() -> Self {
        Self("en".to_owned())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}
