//! How people join the network: the instance's registration mode, the applicant's reason, the
//! coordinator's decision message and invite limits.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer};

use super::validation::{FieldError, bounded_text};

/// Who may create an account on the register page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RegistrationMode {
    /// Anyone; the account is usable at once.
    #[default]
    Open,
    /// Anyone may apply with a reason; a coordinator approves before the first sign-in.
    Approval,
    /// Only with a valid invite link from a coordinator.
    Invite,
    /// Nobody; coordinators create accounts with `allmende user create`.
    Closed,
}

impl RegistrationMode {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Approval => "approval",
            Self::Invite => "invite",
            Self::Closed => "closed",
        }
    }

    /// Whether a stranger can sign up or apply without an invite (NodeInfo's `openRegistrations`).
    pub fn anyone_may_apply(self) -> bool {
        matches!(self, Self::Open | Self::Approval)
    }
}

impl fmt::Display for RegistrationMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for RegistrationMode {
    type Err = String;

    fn from_str(raw: &str) -> Result<Self, Self::Err> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "open" => Ok(Self::Open),
            "approval" => Ok(Self::Approval),
            "invite" => Ok(Self::Invite),
            "closed" => Ok(Self::Closed),
            other => Err(format!("registration mode {other:?} is not open, approval, invite or closed")),
        }
    }
}

impl<'de> Deserialize<'de> for RegistrationMode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer)?.parse().map_err(serde::de::Error::custom)
    }
}

/// The state of an account as stored in `accounts.state`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountState {
    Active,
    /// Applied; waits for a coordinator.
    Pending,
    /// A coordinator said no; the message is kept for the applicant.
    Rejected,
    /// An admin suspended it: no sign-in, profile and posts hidden, until unsuspended.
    Suspended,
    /// An admin deleted it for good (after suspending it); the name stays taken.
    Deleted,
}

impl AccountState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Pending => "pending",
            Self::Rejected => "rejected",
            Self::Suspended => "suspended",
            Self::Deleted => "deleted",
        }
    }

    /// Unknown stored values count as not active.
    pub fn from_stored(value: &str) -> Self {
        match value {
            "active" => Self::Active,
            "pending" => Self::Pending,
            "suspended" => Self::Suspended,
            "deleted" => Self::Deleted,
            _ => Self::Rejected,
        }
    }
}

/// Why an applicant wants to join, shown to the coordinators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationReason(String);

impl ApplicationReason {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        bounded_text("reason", raw, 1, 2_000).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A coordinator's message with a decision; may be empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionMessage(String);

impl DecisionMessage {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        bounded_text("message", raw, 0, 2_000).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Limits of an invite link: how often it may be used and for how many days it is valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InviteLimits {
    pub max_uses: Option<i64>,
    pub valid_days: Option<i64>,
}

impl InviteLimits {
    /// Empty fields mean no limit.
    pub fn parse(max_uses: &str, valid_days: &str) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut number = |field: &'static str, raw: &str, max: i64| -> Option<i64> {
            let raw = raw.trim();
            if raw.is_empty() {
                return None;
            }
            match raw.parse::<i64>() {
                Ok(n) if (1..=max).contains(&n) => Some(n),
                _ => {
                    errors.push(FieldError::new(field, format!("must be a whole number from 1 to {max}")));
                    None
                }
            }
        };
        let max_uses = number("max_uses", max_uses, 10_000);
        let valid_days = number("valid_days", valid_days, 365);
        if errors.is_empty() { Ok(Self { max_uses, valid_days }) } else { Err(errors) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_parse_from_config_words() {
        assert_eq!("Approval".parse(), Ok(RegistrationMode::Approval));
        assert_eq!(" invite ".parse(), Ok(RegistrationMode::Invite));
        assert!("sometimes".parse::<RegistrationMode>().is_err());
    }

    #[test]
    fn invite_limits_are_optional_and_bounded() {
        assert_eq!(InviteLimits::parse("", ""), Ok(InviteLimits { max_uses: None, valid_days: None }));
        assert_eq!(
            InviteLimits::parse("3", "7"),
            Ok(InviteLimits { max_uses: Some(3), valid_days: Some(7) })
        );
        assert_eq!(InviteLimits::parse("0", "x").map_err(|e| e.len()), Err(2));
        assert!(InviteLimits::parse("", "366").is_err());
    }

    #[test]
    fn a_reason_is_required() {
        assert!(ApplicationReason::parse("  ").is_err());
        assert!(ApplicationReason::parse("We run the energy office in Borken.").is_ok());
        assert!(DecisionMessage::parse("").is_ok());
    }
}
