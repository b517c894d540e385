//! Threads and replies.

use super::validation::{FieldError, bounded_text};

pub const BODY_MAX: usize = 20_000;

/// The title of a thread opener.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreadTitle(String);

impl ThreadTitle {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let title = bounded_text("title", raw, 1, 200)?;
        if title.contains('\n') {
            return Err(FieldError::new("title", "must be a single line"));
        }
        Ok(Self(title))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The Markdown source of a post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostBody(String);

impl PostBody {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        bounded_text("body", raw, 1, BODY_MAX).map(Self)
    }

    /// A body that may be empty when the post has images (a photo without words).
    pub fn parse_beside_images(raw: &str, has_images: bool) -> Result<Self, FieldError> {
        if has_images && raw.trim().is_empty() { Ok(Self(String::new())) } else { Self::parse(raw) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A content warning: text shown before a post, which readers open to see it (Mastodon's
/// `spoiler_text`). Blank means none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentWarning(String);

impl ContentWarning {
    pub fn parse(raw: Option<&str>) -> Result<Option<Self>, FieldError> {
        match raw.map(str::trim).filter(|w| !w.is_empty()) {
            None => Ok(None),
            Some(text) => bounded_text("content_warning", text, 1, 500).map(|t| Some(Self(t))),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}
