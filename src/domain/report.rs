//! Reports: a complaint about an account and some of its posts, sent to the people who can act
//! on it. The categories are Mastodon's, so a report from an app or from another server keeps
//! its meaning here.

use super::FieldError;

/// Why something is reported (Mastodon's `category`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportCategory {
    Spam,
    Legal,
    Violation,
    Other,
}

impl ReportCategory {
    pub const ALL: [ReportCategory; 4] = [Self::Spam, Self::Legal, Self::Violation, Self::Other];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Spam => "spam",
            Self::Legal => "legal",
            Self::Violation => "violation",
            Self::Other => "other",
        }
    }

    /// A category named by a form or an app; an empty one is `other`, as in Mastodon.
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        match raw.trim() {
            "" | "other" => Ok(Self::Other),
            "spam" => Ok(Self::Spam),
            "legal" => Ok(Self::Legal),
            "violation" => Ok(Self::Violation),
            _ => Err(FieldError::new("category", "choose one of spam, legal, violation, other")),
        }
    }

    /// A stored value; anything unexpected reads as `other`.
    pub fn from_stored(raw: &str) -> Self {
        Self::parse(raw).unwrap_or(Self::Other)
    }
}

/// The longest comment a report keeps (Mastodon allows 1000 characters).
pub const MAX_COMMENT_CHARS: usize = 1000;

/// A report's comment, trimmed; refused when too long.
pub fn parse_comment(raw: &str) -> Result<String, FieldError> {
    let comment = raw.trim();
    if comment.chars().count() > MAX_COMMENT_CHARS {
        return Err(FieldError::new("comment", format!("at most {MAX_COMMENT_CHARS} characters")));
    }
    Ok(comment.to_owned())
}

/// A comment from another server: cut to length instead of refused, so a long `Flag` still
/// reaches the moderators.
pub fn clip_remote_comment(raw: &str) -> String {
    raw.trim().chars().take(MAX_COMMENT_CHARS).collect()
}

/// What resolving a report did (stored as `action_taken`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportAction {
    /// Nothing to do: the report was unfounded.
    Dismissed,
    /// A reported post was removed by a moderator.
    PostRemoved,
    /// Handled otherwise (a ban, a suspension, a word with someone), described in the note.
    Resolved,
}

impl ReportAction {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Dismissed => "dismissed",
            Self::PostRemoved => "post_removed",
            Self::Resolved => "resolved",
        }
    }

    pub fn from_stored(raw: &str) -> Self {
        match raw {
            "dismissed" => Self::Dismissed,
            "post_removed" => Self::PostRemoved,
            _ => Self::Resolved,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_round_trip_and_empty_is_other() {
        for category in ReportCategory::ALL {
            assert_eq!(ReportCategory::parse(category.as_str()).ok(), Some(category));
        }
        assert_eq!(ReportCategory::parse("").ok(), Some(ReportCategory::Other));
        assert!(ReportCategory::parse("nonsense").is_err());
    }

    #[test]
    fn long_comments_are_refused_locally_and_clipped_from_elsewhere() {
        let long = "x".repeat(MAX_COMMENT_CHARS + 1);
        assert!(parse_comment(&long).is_err());
        assert_eq!(clip_remote_comment(&long).chars().count(), MAX_COMMENT_CHARS);
    }
}
