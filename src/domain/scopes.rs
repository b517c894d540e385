//! OAuth 2 scopes as Mastodon defines them: `read`, `write`, `follow`, `push`, `profile`, and
//! the granular `read:statuses`, `write:media`, ... A broad scope covers its granular ones.

use std::collections::BTreeSet;
use std::fmt;

use super::validation::FieldError;

const TOP_LEVEL: &[&str] = &["read", "write", "follow", "push", "profile"];

pub const GRANULAR: &[&str] = &[
    "read:accounts",
    "read:blocks",
    "read:bookmarks",
    "read:favourites",
    "read:filters",
    "read:follows",
    "read:lists",
    "read:mutes",
    "read:notifications",
    "read:search",
    "read:statuses",
    "write:accounts",
    "write:blocks",
    "write:bookmarks",
    "write:conversations",
    "write:favourites",
    "write:filters",
    "write:follows",
    "write:lists",
    "write:media",
    "write:mutes",
    "write:notifications",
    "write:reports",
    "write:statuses",
    "admin:read",
    "admin:write",
    "admin:read:accounts",
    "admin:write:accounts",
    "admin:read:reports",
    "admin:write:reports",
    "admin:read:domain_blocks",
    "admin:write:domain_blocks",
];

/// What the legacy `follow` scope grants.
const FOLLOW_COVERS: &[&str] =
    &["read:follows", "write:follows", "read:blocks", "write:blocks", "read:mutes", "write:mutes"];

/// A validated set of scopes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Scopes(BTreeSet<String>);

impl Scopes {
    /// Parses a space (or `+`) separated list; empty means `read`, as in Mastodon.
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let mut set = BTreeSet::new();
        for scope in raw.split([' ', '+', ',']).map(str::trim).filter(|s| !s.is_empty()) {
            if !TOP_LEVEL.contains(&scope) && !GRANULAR.contains(&scope) {
                return Err(FieldError::new("scope", format!("unknown scope {scope}")));
            }
            set.insert(scope.to_owned());
        }
        if set.is_empty() {
            set.insert("read".to_owned());
        }
        Ok(Self(set))
    }

    /// Whether a token with these scopes may do what `required` (e.g. `read:statuses`) names.
    pub fn allows(&self, required: &str) -> bool {
        if self.0.contains(required) {
            return true;
        }
        if let Some((family, _)) = required.split_once(':')
            && self.0.contains(family)
        {
            return true;
        }
        // `admin:read` covers `admin:read:accounts` and the other admin reads.
        if let Some((broader, _)) = required.rsplit_once(':')
            && broader.contains(':')
            && self.0.contains(broader)
        {
            return true;
        }
        self.0.contains("follow") && FOLLOW_COVERS.contains(&required)
    }

    /// Whether every scope of `self` is granted by `granted` (an app's registered scopes).
    pub fn within(&self, granted: &Scopes) -> bool {
        self.0.iter().all(|scope| granted.allows(scope) || (scope == "profile" && granted.allows("read")))
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }
}

impl fmt::Display for Scopes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let joined: Vec<&str> = self.iter().collect();
        f.write_str(&joined.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broad_scopes_cover_granular_ones() {
        let scopes = Scopes::parse("read write:statuses").unwrap();
        assert!(scopes.allows("read:notifications"));
        assert!(scopes.allows("write:statuses"));
        assert!(!scopes.allows("write:favourites"));
        assert!(Scopes::parse("follow").unwrap().allows("write:follows"));
        assert!(!Scopes::parse("follow").unwrap().allows("read:statuses"));
    }

    #[test]
    fn empty_means_read_and_unknown_is_refused() {
        assert_eq!(Scopes::parse("").unwrap().to_string(), "read");
        assert_eq!(Scopes::parse("read+write").unwrap().to_string(), "read write");
        assert!(Scopes::parse("read admin:everything").is_err());
    }

    #[test]
    fn admin_scopes_cover_their_granular_ones_and_nothing_else_covers_them() {
        let admin = Scopes::parse("admin:read").unwrap();
        assert!(admin.allows("admin:read:accounts"));
        assert!(!admin.allows("admin:write:accounts"));
        let everything = Scopes::parse("read write follow").unwrap();
        assert!(!everything.allows("admin:read:accounts"));
        assert!(!everything.allows("admin:read"));
    }

    #[test]
    fn a_request_must_stay_within_the_app() {
        let app = Scopes::parse("read write").unwrap();
        assert!(Scopes::parse("read:statuses write").unwrap().within(&app));
        assert!(Scopes::parse("profile").unwrap().within(&app));
        assert!(!Scopes::parse("read follow").unwrap().within(&app));
    }
}
