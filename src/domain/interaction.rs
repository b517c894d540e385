//! Interaction policies (who may reply to, like, boost or quote a post, as GoToSocial and
//! Mastodon 4.5 publish them) and the state of a quote's approval (FEP-044f).

/// Who may do one kind of thing to a post, seen from someone who is not its author.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Anyone, without asking.
    Anyone,
    /// Anyone, once the author approves (manual approval).
    Approval,
    /// The author's followers.
    Followers,
    /// Nobody but the author (and whoever the policy names one by one).
    Nobody,
}

impl Permission {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Anyone => "anyone",
            Self::Approval => "approval",
            Self::Followers => "followers",
            Self::Nobody => "nobody",
        }
    }

    /// A stored value; anything unknown counts as `Nobody` (the safe reading).
    pub fn from_column(value: &str) -> Self {
        match value {
            "anyone" => Self::Anyone,
            "approval" => Self::Approval,
            "followers" => Self::Followers,
            _ => Self::Nobody,
        }
    }

    /// Whether someone may go ahead (perhaps only to ask): `follows` says whether they follow
    /// the author.
    pub fn allows(self, follows: bool) -> bool {
        match self {
            Self::Anyone | Self::Approval => true,
            Self::Followers => follows,
            Self::Nobody => false,
        }
    }

    /// The narrower of two permissions.
    pub fn narrowest(self, other: Self) -> Self {
        fn rank(p: Permission) -> u8 {
            match p {
                Permission::Anyone => 3,
                Permission::Approval => 2,
                Permission::Followers => 1,
                Permission::Nobody => 0,
            }
        }
        if rank(self) <= rank(other) { self } else { other }
    }
}

/// A post's policy, one permission per kind of interaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InteractionPolicy {
    pub can_reply: Permission,
    pub can_like: Permission,
    pub can_announce: Permission,
    pub can_quote: Permission,
}

impl InteractionPolicy {
    /// A remote post that publishes no policy: replies, likes and boosts are open (as
    /// GoToSocial reads a missing policy), quotes are not approved by anyone (FEP-044f).
    pub const UNSTATED: Self = Self {
        can_reply: Permission::Anyone,
        can_like: Permission::Anyone,
        can_announce: Permission::Anyone,
        can_quote: Permission::Nobody,
    };
}

/// What a member lets others do with their posts by quoting (Mastodon 4.5's
/// `quote_approval_policy`: `public`, `followers`, `nobody`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuotePolicy {
    Public,
    Followers,
    Nobody,
}

impl QuotePolicy {
    pub fn parse(value: &str) -> Option<Self> {
        match value.trim() {
            "public" | "anyone" => Some(Self::Public),
            "followers" => Some(Self::Followers),
            "nobody" => Some(Self::Nobody),
            _ => None,
        }
    }

    /// Mastodon's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Public => "public",
            Self::Followers => "followers",
            Self::Nobody => "nobody",
        }
    }

    pub fn permission(self) -> Permission {
        match self {
            Self::Public => Permission::Anyone,
            Self::Followers => Permission::Followers,
            Self::Nobody => Permission::Nobody,
        }
    }

    pub fn from_permission(permission: Permission) -> Self {
        match permission {
            Permission::Anyone | Permission::Approval => Self::Public,
            Permission::Followers => Self::Followers,
            Permission::Nobody => Self::Nobody,
        }
    }
}

/// Where the approval of a quote stands (Mastodon 4.5's quote `state`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteState {
    Pending,
    Accepted,
    Rejected,
    Revoked,
}

impl QuoteState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Accepted => "accepted",
            Self::Rejected => "rejected",
            Self::Revoked => "revoked",
        }
    }

    pub fn from_column(value: &str) -> Self {
        match value {
            "accepted" => Self::Accepted,
            "rejected" => Self::Rejected,
            "revoked" => Self::Revoked,
            _ => Self::Pending,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permissions_round_trip_and_narrow() {
        for p in [Permission::Anyone, Permission::Approval, Permission::Followers, Permission::Nobody] {
            assert_eq!(Permission::from_column(p.as_str()), p);
        }
        assert_eq!(Permission::from_column("garbage"), Permission::Nobody);
        assert_eq!(Permission::Anyone.narrowest(Permission::Followers), Permission::Followers);
        assert_eq!(Permission::Nobody.narrowest(Permission::Anyone), Permission::Nobody);
        assert!(Permission::Followers.allows(true));
        assert!(!Permission::Followers.allows(false));
        assert_eq!(QuotePolicy::parse("followers"), Some(QuotePolicy::Followers));
        assert_eq!(QuotePolicy::parse("everyone"), None);
    }
}
