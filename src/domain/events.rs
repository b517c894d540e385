//! Domain events: every change that other instances must hear about. Services write them in
//! the same transaction as the change; federation reads them from the `domain_events` table.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum DomainEvent {
    GroupCreated {
        group_id: i64,
    },
    /// A thread opener in a group. A remote one's `Create` is re-announced by
    /// [`DomainEvent::GroupRelayed`]; this event only makes the group boost it.
    ThreadCreated {
        post_id: i64,
        group_id: i64,
    },
    ReplyCreated {
        post_id: i64,
        root_id: i64,
    },
    /// A member's own post outside any group (a status that mentions no group).
    PersonalPostCreated {
        post_id: i64,
    },
    PostEdited {
        post_id: i64,
    },
    PostDeleted {
        post_id: i64,
        /// The author's own `Delete` of a remote post was re-announced by its group
        /// ([`DomainEvent::GroupRelayed`]): the group sends no `Delete` of its own.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        relayed: bool,
    },
    /// A moderator or an admin deleted someone else's post: its group removes it.
    PostRemoved {
        post_id: i64,
        moderator_id: i64,
        /// The moderator's reason, sent as the `Delete`'s `summary`.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        reason: String,
    },
    /// A moderator restored a post removed before (`Undo` of the removal).
    PostRestored {
        post_id: i64,
        moderator_id: i64,
    },
    /// A moderator of one of our groups banned a person (`Block` with the group as `target`)
    /// or lifted the ban (`Undo` of it). `block_id` numbers the `Block` activity, so the
    /// `Undo` names the same one.
    GroupBanChanged {
        group_id: i64,
        actor_id: i64,
        moderator_id: i64,
        block_id: i64,
        banned: bool,
    },
    /// A moderator locked (no new replies) or unlocked a thread of one of our groups.
    ThreadLockChanged {
        post_id: i64,
        group_id: i64,
        locked: bool,
    },
    /// A moderator pinned (or unpinned) a thread of one of our groups to its top.
    ThreadPinChanged {
        post_id: i64,
        group_id: i64,
        moderator_id: i64,
        pinned: bool,
    },
    /// `liked_at` tells one like of a post from a later one by the same person (activity ids).
    PostLiked {
        post_id: i64,
        actor_id: i64,
        #[serde(default)]
        liked_at: i64,
    },
    PostUnliked {
        post_id: i64,
        actor_id: i64,
        #[serde(default)]
        liked_at: i64,
    },
    /// `boost_id` names the `Announce` (and its `Undo`).
    PostBoosted {
        boost_id: i64,
        post_id: i64,
        actor_id: i64,
    },
    PostUnboosted {
        boost_id: i64,
        post_id: i64,
        actor_id: i64,
    },
    Followed {
        follow_id: i64,
        follower_id: i64,
        followed_id: i64,
    },
    Unfollowed {
        follow_id: i64,
        follower_id: i64,
        followed_id: i64,
    },
    /// A local group (or person) accepted a remote follower.
    FollowAccepted {
        follow_id: i64,
        follower_id: i64,
        followed_id: i64,
        follow_ap_id: String,
    },
    /// A closed group's moderator rejected a remote follower's pending `Follow`.
    FollowRejected {
        follower_id: i64,
        followed_id: i64,
        follow_ap_id: String,
    },
    ProfileUpdated {
        actor_id: i64,
    },
    EventCreated {
        event_id: i64,
    },
    EventUpdated {
        event_id: i64,
    },
    EventDeleted {
        event_id: i64,
    },
    /// A local member answered an event: `going` or not; `at` tells answers apart (Join ids).
    EventAnswered {
        event_id: i64,
        actor_id: i64,
        going: bool,
        at: i64,
    },
    /// A remote person's `Join` of a local event was accepted.
    EventJoinAccepted {
        event_id: i64,
        actor_id: i64,
        join_ap_id: String,
    },
    /// An admin deleted a suspended local account for good: `inboxes` (taken before its follows
    /// ended) are told with a `Delete` of the actor.
    AccountDeleted {
        actor_id: i64,
        inboxes: Vec<String>,
    },
    /// The owner (or an admin) of a local group appointed a moderator (`by_id` did it).
    ModeratorAdded {
        group_id: i64,
        moderator_id: i64,
        by_id: i64,
    },
    /// The owner (or an admin) of a local group dismissed a moderator.
    ModeratorRemoved {
        group_id: i64,
        moderator_id: i64,
        by_id: i64,
    },
    /// A remote person's `Join` of a local event was turned down: it is full.
    EventJoinRejected {
        event_id: i64,
        actor_id: i64,
        join_ap_id: String,
    },
    /// A member blocked a person; `block_id` names the `Block` (and its `Undo`).
    PersonBlocked {
        block_id: i64,
        blocker_id: i64,
        blocked_id: i64,
    },
    PersonUnblocked {
        block_id: i64,
        blocker_id: i64,
        blocked_id: i64,
    },
    /// A local group re-announces `activity` (JSON text, as received), a remote person's
    /// activity about a post in it (FEP-1b12); decided in `service::group_relays`.
    GroupRelayed {
        group_id: i64,
        activity: String,
    },
    /// A local member moved their account to `target_id` (a person elsewhere): the followers
    /// are sent a `Move`.
    AccountMoved {
        actor_id: i64,
        target_id: i64,
    },
    /// A moderator moved a thread between two of our groups: both announce the opener's
    /// `Update` with its new `audience`.
    ThreadMoved {
        post_id: i64,
        from_group_id: i64,
        to_group_id: i64,
    },
    /// A member filed a report: one about a post in a remote group, or forwarded, goes out as `Flag`.
    ReportCreated {
        report_id: i64,
    },
    /// Our post quotes a remote one: ask its author (`QuoteRequest`, FEP-044f).
    QuoteRequested {
        post_id: i64,
    },
    /// We answered a remote `QuoteRequest` for our post: `Accept` with the stamp
    /// `authorization_id`, or `Reject` when there is none.
    QuoteAnswered {
        quoted_post_id: i64,
        actor_id: i64,
        request_ap_id: String,
        quoting_ap_id: String,
        authorization_id: Option<i64>,
    },
    /// The author of a post withdrew a quote stamp: `Delete` of it.
    QuoteRevoked {
        authorization_id: i64,
    },
    /// A member voted in a remote poll (option positions): one `Create` of a `Note` per choice,
    /// to the poll's author.
    PollVoted {
        post_id: i64,
        voter_id: i64,
        choices: Vec<i64>,
    },
}

impl DomainEvent {
    /// The stored `kind` column: the same word as the serde tag.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::GroupCreated { .. } => "group_created",
            Self::ThreadCreated { .. } => "thread_created",
            Self::ReplyCreated { .. } => "reply_created",
            Self::PersonalPostCreated { .. } => "personal_post_created",
            Self::PostEdited { .. } => "post_edited",
            Self::PollVoted { .. } => "poll_voted",
            Self::PostDeleted { .. } => "post_deleted",
            Self::PostRemoved { .. } => "post_removed",
            Self::PostRestored { .. } => "post_restored",
            Self::GroupBanChanged { .. } => "group_ban_changed",
            Self::ThreadLockChanged { .. } => "thread_lock_changed",
            Self::PostLiked { .. } => "post_liked",
            Self::PostUnliked { .. } => "post_unliked",
            Self::PostBoosted { .. } => "post_boosted",
            Self::PostUnboosted { .. } => "post_unboosted",
            Self::Followed { .. } => "followed",
            Self::Unfollowed { .. } => "unfollowed",
            Self::FollowAccepted { .. } => "follow_accepted",
            Self::FollowRejected { .. } => "follow_rejected",
            Self::ProfileUpdated { .. } => "profile_updated",
            Self::EventCreated { .. } => "event_created",
            Self::EventUpdated { .. } => "event_updated",
            Self::EventDeleted { .. } => "event_deleted",
            Self::EventAnswered { .. } => "event_answered",
            Self::EventJoinAccepted { .. } => "event_join_accepted",
            Self::EventJoinRejected { .. } => "event_join_rejected",
            Self::AccountDeleted { .. } => "account_deleted",
            Self::ModeratorAdded { .. } => "moderator_added",
            Self::ModeratorRemoved { .. } => "moderator_removed",
            Self::PersonBlocked { .. } => "person_blocked",
            Self::PersonUnblocked { .. } => "person_unblocked",
            Self::ReportCreated { .. } => "report_created",
            Self::AccountMoved { .. } => "account_moved",
            Self::ThreadMoved { .. } => "thread_moved",
            Self::GroupRelayed { .. } => "group_relayed",
            Self::ThreadPinChanged { .. } => "thread_pin_changed",
            Self::QuoteRequested { .. } => "quote_requested",
            Self::QuoteAnswered { .. } => "quote_answered",
            Self::QuoteRevoked { .. } => "quote_revoked",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_matches_serde_tag() {
        let event = DomainEvent::PostLiked { post_id: 1, actor_id: 2, liked_at: 3 };
        let json = serde_json::to_value(&event).unwrap();
        assert_eq!(json["type"], event.kind());
    }
}
