//! Rules for the login side of a person: email, password, display name, role.

use std::fmt;

use super::validation::{FieldError, bounded_text};

pub const PASSWORD_MIN: usize = 8;
pub const PASSWORD_MAX: usize = 256;

/// An email address, lowercased. Only the shape is checked: delivery proves the rest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let email = raw.trim().to_lowercase();
        let valid = email.len() <= 254
            && !email.chars().any(|c| c.is_whitespace() || c.is_control())
            && match email.split_once('@') {
                Some((local, domain)) => {
                    !local.is_empty()
                        && !domain.contains('@')
                        && domain.contains('.')
                        && !domain.starts_with('.')
                        && !domain.ends_with('.')
                }
                None => false,
            };
        if valid { Ok(Self(email)) } else { Err(FieldError::new("email", "is not a valid email address")) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A plaintext password on its way to the hasher. Never printed.
#[derive(Clone)]
pub struct Password(String);

impl Password {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let len = raw.chars().count();
        if len < PASSWORD_MIN {
            return Err(FieldError::new("password", format!("must be at least {PASSWORD_MIN} characters")));
        }
        if len > PASSWORD_MAX {
            return Err(FieldError::new("password", format!("must be at most {PASSWORD_MAX} characters")));
        }
        Ok(Self(raw.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(***)")
    }
}

/// The name shown instead of the handle; may be empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        bounded_text("display_name", raw, 0, 80).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A Markdown biography or description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary(String);

impl Summary {
    pub fn parse(field: &'static str, raw: &str) -> Result<Self, FieldError> {
        bounded_text(field, raw, 0, 5_000).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A local account's instance-wide role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Member,
    /// An instance moderator: handles reports, suspends and silences members (see [`Role::may`]).
    Moderator,
    Admin,
}

/// What an instance-wide role may do. [`Role::may`] is the one place that decides it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// See and resolve every report (the instance's desk and the groups').
    HandleReports,
    /// See the accounts list, suspend, unsuspend, silence and unsilence accounts that hold no
    /// role (admins' and moderators' accounts only admins may touch).
    ModerateAccounts,
    /// Everything else an admin does: instance settings, federation, registrations, roles,
    /// deleting accounts, password resets.
    Administer,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Moderator => "moderator",
            Role::Admin => "admin",
        }
    }

    /// Unknown stored values fall back to the least privilege.
    pub fn from_stored(value: &str) -> Self {
        match value {
            "admin" => Role::Admin,
            "moderator" => Role::Moderator,
            _ => Role::Member,
        }
    }

    /// Whether this role grants `permission`.
    pub fn may(self, permission: Permission) -> bool {
        match self {
            Role::Admin => true,
            Role::Moderator => matches!(permission, Permission::HandleReports | Permission::ModerateAccounts),
            Role::Member => false,
        }
    }

    /// Admins and moderators: accounts only admins may suspend.
    pub fn is_staff(self) -> bool {
        self != Role::Member
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moderators_handle_reports_and_accounts_but_do_not_administer() {
        for (role, reports, accounts, administer) in [
            (Role::Admin, true, true, true),
            (Role::Moderator, true, true, false),
            (Role::Member, false, false, false),
        ] {
            assert_eq!(role.may(Permission::HandleReports), reports, "{role:?}");
            assert_eq!(role.may(Permission::ModerateAccounts), accounts, "{role:?}");
            assert_eq!(role.may(Permission::Administer), administer, "{role:?}");
            assert_eq!(Role::from_stored(role.as_str()), role);
        }
        assert_eq!(Role::from_stored("owner"), Role::Member, "unknown values grant nothing");
    }

    #[test]
    fn email_shapes() {
        assert_eq!(Email::parse(" Ana@Example.ORG ").map(|e| e.0), Ok("ana@example.org".into()));
        for bad in ["", "ana", "ana@", "@example.org", "a b@example.org", "a@b@c.org", "a@localhost"] {
            assert!(Email::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn password_length_and_debug() {
        assert!(Password::parse("short").is_err());
        let password = Password::parse("long enough secret").unwrap();
        assert_eq!(format!("{password:?}"), "Password(***)");
    }
}
