//! Names of people and groups: the handle in `@name@host` and in `/u/name`, `/g/name`.

use std::fmt;

use super::validation::FieldError;

pub const NAME_MIN: usize = 2;
pub const NAME_MAX: usize = 30;

/// Words that would collide with routes, well-known accounts or the instance actor.
const RESERVED: &[&str] = &[
    "about",
    "account",
    "accounts",
    "actor",
    "admin",
    "administrator",
    "allmende",
    "api",
    "app",
    "apps",
    "auth",
    "calendar",
    "e",
    "events",
    "feed",
    "feeds",
    "g",
    "group",
    "groups",
    "help",
    "inbox",
    "instance",
    "login",
    "logout",
    "media",
    "moderator",
    "new",
    "nodeinfo",
    "oauth",
    "outbox",
    "p",
    "post",
    "posts",
    "register",
    "root",
    "search",
    "settings",
    "static",
    "support",
    "system",
    "t",
    "thread",
    "threads",
    "u",
    "user",
    "users",
    "well-known",
    "www",
];

/// A validated local name: lowercase ASCII letters, digits, `_` and `-`, starting with a letter or
/// digit. People and groups share this one namespace.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Name(String);

impl Name {
    pub fn parse(field: &'static str, raw: &str) -> Result<Self, FieldError> {
        let name = raw.trim();
        let len = name.chars().count();
        if !(NAME_MIN..=NAME_MAX).contains(&len) {
            return Err(FieldError::new(field, format!("must be {NAME_MIN} to {NAME_MAX} characters long")));
        }
        if !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-') {
            return Err(FieldError::new(field, "may contain only lowercase letters a-z, digits, _ and -"));
        }
        if !name.starts_with(|c: char| c.is_ascii_alphanumeric()) {
            return Err(FieldError::new(field, "must start with a letter or a digit"));
        }
        if RESERVED.contains(&name) {
            return Err(FieldError::new(field, "is reserved, please choose another"));
        }
        Ok(Self(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_forum_handles() {
        for ok in ["energy-efficiency", "borken_2030", "ab", "a1", "9lives"] {
            assert_eq!(Name::parse("name", ok).map(|n| n.0), Ok(ok.to_owned()));
        }
    }

    #[test]
    fn refuses_bad_names() {
        for bad in [
            "",
            "a",
            "Energy",
            "en ergy",
            "énergie",
            "-lead",
            "_lead",
            "a/b",
            "a@b",
            "admin",
            "inbox",
            "api",
            "x".repeat(31).as_str(),
        ] {
            assert!(Name::parse("name", bad).is_err(), "{bad:?} was accepted");
        }
    }
}
