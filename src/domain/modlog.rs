//! The modlog: what moderators did, kept so that everyone can read why a post vanished or a
//! person was banned (DESIGN.md: "what the rule decided, and why, is what the modlog records").
//! Also the plain rules of a removal reason and a ban's expiry.

use super::validation::FieldError;

/// One kind of moderation action. The stored word is [`ModlogKind::as_str`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModlogKind {
    Removal,
    Restore,
    Ban,
    Unban,
    Lock,
    Unlock,
    ModeratorAdded,
    ModeratorRemoved,
    DomainBlock,
    DomainUnblock,
    Suspension,
    Unsuspension,
    ReportResolved,
    /// A thread pinned to the top of its group.
    Pin,
    Unpin,
    /// A thread moved from one of our groups to another (in both groups' modlogs).
    ThreadMoved,
    /// A local group moved to a group on another instance (`Move`).
    GroupMoved,
    /// A local account deleted for good by an admin.
    AccountDeleted,
}

impl ModlogKind {
    pub const ALL: [Self; 18] = [
        Self::Removal,
        Self::Restore,
        Self::Ban,
        Self::Unban,
        Self::Lock,
        Self::Unlock,
        Self::ModeratorAdded,
        Self::ModeratorRemoved,
        Self::DomainBlock,
        Self::DomainUnblock,
        Self::Suspension,
        Self::Unsuspension,
        Self::ReportResolved,
        Self::Pin,
        Self::Unpin,
        Self::ThreadMoved,
        Self::GroupMoved,
        Self::AccountDeleted,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Removal => "removal",
            Self::Restore => "restore",
            Self::Ban => "ban",
            Self::Unban => "unban",
            Self::Lock => "lock",
            Self::Unlock => "unlock",
            Self::ModeratorAdded => "moderator_added",
            Self::ModeratorRemoved => "moderator_removed",
            Self::DomainBlock => "domain_block",
            Self::DomainUnblock => "domain_unblock",
            Self::Suspension => "suspension",
            Self::Unsuspension => "unsuspension",
            Self::ReportResolved => "report_resolved",
            Self::Pin => "pin",
            Self::Unpin => "unpin",
            Self::ThreadMoved => "thread_moved",
            Self::GroupMoved => "group_moved",
            Self::AccountDeleted => "account_deleted",
        }
    }

    /// Reads a stored word; unknown words (written by a newer version) are None.
    pub fn parse(word: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == word)
    }
}

/// A moderation action to record. Build it with [`ModlogEntry::new`] and the `with_*`
/// helpers, then pass it to `service::modlog::record` inside the transaction of the action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModlogEntry {
    pub kind: ModlogKind,
    /// Who did it (a local or remote actor); None when unknown (a remote group acting alone
    /// is recorded with the group as moderator).
    pub moderator_id: Option<i64>,
    /// The group it happened in; None for instance-wide actions (suspensions, domain blocks).
    pub group_id: Option<i64>,
    pub target_actor_id: Option<i64>,
    pub target_post_id: Option<i64>,
    pub reason: String,
    /// When a ban or suspension ends, in Unix milliseconds.
    pub expires_at: Option<i64>,
    /// Taken by a remote moderator on our copy, not here.
    pub remote: bool,
}

impl ModlogEntry {
    pub fn new(kind: ModlogKind, moderator_id: Option<i64>) -> Self {
        Self {
            kind,
            moderator_id,
            group_id: None,
            target_actor_id: None,
            target_post_id: None,
            reason: String::new(),
            expires_at: None,
            remote: false,
        }
    }

    pub fn in_group(mut self, group_id: Option<i64>) -> Self {
        self.group_id = group_id;
        self
    }

    pub fn on_post(mut self, post_id: i64) -> Self {
        self.target_post_id = Some(post_id);
        self
    }

    pub fn on_actor(mut self, actor_id: i64) -> Self {
        self.target_actor_id = Some(actor_id);
        self
    }

    pub fn because(mut self, reason: &str) -> Self {
        self.reason = reason.to_owned();
        self
    }

    pub fn until(mut self, expires_at: Option<i64>) -> Self {
        self.expires_at = expires_at;
        self
    }

    pub fn by_remote(mut self, remote: bool) -> Self {
        self.remote = remote;
        self
    }
}

/// The longest reason kept; longer ones (from remote servers) are cut, typed ones refused.
pub const MAX_REASON_CHARS: usize = 1000;

/// A moderator's reason as typed: trimmed, at most [`MAX_REASON_CHARS`]; may be empty.
pub fn parse_reason(field: &'static str, raw: &str) -> Result<String, FieldError> {
    let reason = raw.trim();
    if reason.chars().count() > MAX_REASON_CHARS {
        return Err(FieldError::new(field, "the reason is too long (at most 1000 characters)"));
    }
    Ok(reason.to_owned())
}

/// A reason from another server: plain text, trimmed and cut to [`MAX_REASON_CHARS`].
pub fn remote_reason(raw: Option<&str>) -> String {
    raw.map(|reason| reason.trim().chars().take(MAX_REASON_CHARS).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip() {
        for kind in ModlogKind::ALL {
            assert_eq!(ModlogKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(ModlogKind::parse("nonsense"), None);
    }

    #[test]
    fn reasons_are_trimmed_and_bounded() {
        assert_eq!(parse_reason("reason", "  spam  ").unwrap(), "spam");
        assert!(parse_reason("reason", &"x".repeat(1001)).is_err());
        assert_eq!(remote_reason(Some(&"y".repeat(2000))).chars().count(), 1000);
        assert_eq!(remote_reason(None), "");
    }
}
