//! Who may read a post (issue 15), as Mastodon's visibilities plus the private group:
//!
//! - `public`: anyone, listed in public and tag timelines, search and feeds;
//! - `unlisted`: anyone who has its address, on the author's profile and in followers' home
//!   timelines, but listed nowhere public;
//! - `private` (followers-only): the author, their accepted followers and the people it mentions;
//! - `members`: a post in a private (closed) group: its accepted followers and moderators.
//!
//! Mastodon's `direct` is refused: this forum has no direct messages.

use super::validation::FieldError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Visibility {
    #[default]
    Public,
    Unlisted,
    Private,
    Members,
}

impl Visibility {
    /// The visibility a Mastodon app asks for (`visibility` of `POST /api/v1/statuses`); none
    /// means public. `direct` and anything unknown are refused.
    pub fn from_client(raw: Option<&str>) -> Result<Self, FieldError> {
        match raw.map(str::trim) {
            None | Some("" | "public") => Ok(Self::Public),
            Some("unlisted") => Ok(Self::Unlisted),
            Some("private") => Ok(Self::Private),
            Some("direct") => Err(FieldError::new(
                "visibility",
                "direct messages are not supported here; use public, unlisted or private",
            )),
            Some(_) => Err(FieldError::new("visibility", "must be public, unlisted or private")),
        }
    }

    /// The stored name (the `posts.visibility` column).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Public => "public",
            Self::Unlisted => "unlisted",
            Self::Private => "private",
            Self::Members => "members",
        }
    }

    /// A stored name; anything unknown is read as the narrowest, `private`.
    pub fn from_stored(raw: &str) -> Self {
        match raw {
            "public" => Self::Public,
            "unlisted" => Self::Unlisted,
            "members" => Self::Members,
            _ => Self::Private,
        }
    }

    /// What the Mastodon API says (`members` is `private` to an app: only some people see it).
    pub fn to_client(self) -> &'static str {
        match self {
            Self::Public => "public",
            Self::Unlisted => "unlisted",
            Self::Private | Self::Members => "private",
        }
    }

    /// Whether anyone with the address may read it.
    pub fn is_open(self) -> bool {
        matches!(self, Self::Public | Self::Unlisted)
    }

    /// A received post's visibility from its addressing, as Mastodon reads it: the public
    /// collection in `to` is public, in `cc` only unlisted, absent followers-only.
    pub fn from_addressing(public_in_to: bool, public_in_cc: bool) -> Self {
        if public_in_to {
            Self::Public
        } else if public_in_cc {
            Self::Unlisted
        } else {
            Self::Private
        }
    }

    /// A reply may not be more open than the post it answers (as Mastodon apps default to).
    pub fn at_most(self, parent: Self) -> Self {
        fn rank(v: Visibility) -> u8 {
            match v {
                Visibility::Public => 0,
                Visibility::Unlisted => 1,
                Visibility::Private | Visibility::Members => 2,
            }
        }
        if rank(parent) > rank(self) { parent } else { self }
    }
}

#[cfg(test)]
mod tests {
    use super::Visibility;

    #[test]
    fn clients_choose_public_unlisted_or_private_and_direct_is_refused() {
        assert_eq!(Visibility::from_client(None).unwrap(), Visibility::Public);
        assert_eq!(Visibility::from_client(Some("unlisted")).unwrap(), Visibility::Unlisted);
        assert_eq!(Visibility::from_client(Some("private")).unwrap(), Visibility::Private);
        assert!(Visibility::from_client(Some("direct")).is_err());
        assert!(Visibility::from_client(Some("limited")).is_err());
    }

    #[test]
    fn addressing_decides_a_received_posts_visibility() {
        assert_eq!(Visibility::from_addressing(true, false), Visibility::Public);
        assert_eq!(Visibility::from_addressing(false, true), Visibility::Unlisted);
        assert_eq!(Visibility::from_addressing(false, false), Visibility::Private);
        assert_eq!(Visibility::Public.at_most(Visibility::Private), Visibility::Private);
        assert_eq!(Visibility::Unlisted.at_most(Visibility::Public), Visibility::Unlisted);
    }
}
