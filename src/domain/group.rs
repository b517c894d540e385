//! Groups: project groups carry a climate project, discussion groups a theme.

use std::fmt;

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
