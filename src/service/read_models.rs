//! What services hand back to the front doors: typed, already permission-checked views of the
//! data, never database rows.

use crate::db::posts::PostRow;
use crate::domain::{ActorId, GroupKind, PostId, Role, Timestamp};

/// The signed-in person making a request.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub id: ActorId,
    pub name: String,
    pub display_name: String,
    pub role: Role,
    pub language: String,
    /// When the account was made (new accounts may be limited for a while).
    pub joined_at: Timestamp,
}

impl CurrentUser {
    pub fn is_admin(&self) -> bool {
        self.role == Role::Admin
    }

    /// Whether their instance-wide role grants `permission` (see `Role::may`).
    pub fn may(&self, permission: crate::domain::Permission) -> bool {
        self.role.may(permission)
    }
}

/// A person or group as shown next to content; `host` is `None` for local ones.
#[derive(Debug, Clone)]
pub struct ActorRef {
    pub name: String,
    pub display_name: String,
    pub host: Option<String>,
}

impl ActorRef {
    /// `name` for local actors, `name@host` for remote ones.
    pub fn handle(&self) -> String {
        match &self.host {
            Some(host) => format!("{}@{}", self.name, host),
            None => self.name.clone(),
        }
    }

    pub fn shown_name(&self) -> &str {
        if self.display_name.is_empty() { &self.name } else { &self.display_name }
    }
}

#[derive(Debug, Clone)]
pub struct PostDetails {
    pub id: PostId,
    pub root_id: PostId,
    pub in_reply_to_id: Option<PostId>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub content_html: String,
    /// Shown before the content, which readers open to see it.
    pub content_warning: Option<String>,
    pub language: String,
    pub created_at: Timestamp,
    pub updated_at: Option<Timestamp>,
    pub deleted: bool,
    pub reply_count: i64,
    pub like_count: i64,
    pub last_activity_at: Timestamp,
    pub author: ActorRef,
    /// The author's stored avatar (see `profile_images::image_url`).
    pub author_avatar: Option<String>,
    pub group: Option<ActorRef>,
    pub viewer_liked: bool,
    pub viewer_can_edit: bool,
    pub viewer_can_delete: bool,
    /// The viewer moderates the post's group (or is an admin): may remove, restore and ban.
    pub viewer_can_moderate: bool,
    /// Removed by moderators (and so `deleted`), with their reason (may be empty).
    pub removal_reason: Option<String>,
    /// Attached images, in order (filled where pages show them).
    pub media: Vec<super::media::MediaView>,
    /// Set on thread pages when the viewer blocked or muted the author: shown collapsed.
    pub hidden_because: Option<HiddenBecause>,
    /// A thread opener its group's moderators pinned to the top.
    pub pinned: bool,
    /// Who may reply, like, boost and quote (filled where pages show actions).
    pub policy: crate::domain::interaction::InteractionPolicy,
    /// The thread is locked: nobody replies.
    pub thread_locked: bool,
    /// The viewer wrote it.
    pub viewer_is_author: bool,
    /// Written here.
    pub local: bool,
    /// What it quotes (filled where pages show it).
    pub quote: Option<super::statuses::StatusQuote>,
    /// Its poll (filled on thread pages).
    pub poll: Option<super::polls::PollView>,
}

/// Why a post is collapsed for the viewer on a thread page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HiddenBecause {
    Blocked,
    Muted,
}

impl PostDetails {
    pub fn is_thread_opener(&self) -> bool {
        self.id == self.root_id
    }

    /// Builds the view of a row for a viewer who moderates the post's group (or not).
    pub(crate) fn from_row(row: PostRow, viewer: Option<&CurrentUser>, viewer_moderates: bool) -> Self {
        let deleted = row.deleted_at.is_some();
        let is_author = viewer.is_some_and(|v| v.id.0 == row.author_id);
        // Admins act on what this instance hosts: its own posts, and posts in its groups (the
        // same rule as `authority::judge`).
        let hosted_here = row.local || (row.group_id.is_some() && row.group_host.is_none());
        let is_admin = viewer.is_some_and(CurrentUser::is_admin) && hosted_here;
        Self {
            id: PostId(row.id),
            root_id: PostId(row.root_id),
            in_reply_to_id: row.in_reply_to_id.map(PostId),
            title: row.title,
            source: row.source,
            content_html: row.content_html,
            content_warning: row.content_warning,
            language: row.language,
            created_at: Timestamp::from_millis(row.created_at),
            updated_at: row.updated_at.map(Timestamp::from_millis),
            deleted,
            reply_count: row.reply_count,
            like_count: row.like_count,
            last_activity_at: Timestamp::from_millis(row.last_activity_at),
            author: ActorRef {
                name: row.author_name,
                display_name: row.author_display_name,
                host: row.author_host,
            },
            author_avatar: row.author_avatar,
            group: row.group_name.map(|name| ActorRef {
                name,
                display_name: row.group_title.unwrap_or_default(),
                host: row.group_host,
            }),
            viewer_liked: row.viewer_liked,
            viewer_can_edit: !deleted && row.local && is_author,
            viewer_can_delete: !deleted && (is_author || viewer_moderates || is_admin),
            viewer_can_moderate: viewer_moderates || is_admin,
            removal_reason: row.removal_reason,
            media: Vec::new(),
            hidden_because: match row.viewer_hides.as_deref() {
                Some("block") => Some(HiddenBecause::Blocked),
                Some("mute") => Some(HiddenBecause::Muted),
                _ => None,
            },
            pinned: row.pinned_at.is_some(),
            policy: super::quotes::shown_policy(row.local, None),
            thread_locked: row.locked_at.is_some() && row.id == row.root_id,
            viewer_is_author: is_author,
            local: row.local,
            quote: None,
            poll: None,
        }
    }

    /// Whether the viewer is offered to reply: not in a locked thread, not where the origin
    /// allows nobody.
    pub fn offers_reply(&self) -> bool {
        !self.deleted && !self.thread_locked && (self.viewer_is_author || self.policy.can_reply.allows(true))
    }

    /// Whether the viewer is offered to quote.
    pub fn offers_quote(&self) -> bool {
        !self.deleted && (self.viewer_is_author || self.policy.can_quote.allows(true))
    }
}

#[derive(Debug, Clone)]
pub struct GroupSummary {
    pub name: String,
    pub title: String,
    pub kind: GroupKind,
    pub summary_html: String,
    pub follower_count: i64,
    pub thread_count: i64,
}

#[derive(Debug, Clone)]
pub struct GroupDetails {
    pub id: ActorId,
    /// The handle: `name`, or `name@host` for a group on another instance.
    pub name: String,
    /// Where a remote group lives.
    pub remote_url: Option<String>,
    pub title: String,
    pub kind: GroupKind,
    pub summary_html: String,
    /// The languages it declares, as two-letter codes.
    pub languages: Vec<String>,
    pub created_at: Timestamp,
    pub follower_count: i64,
    pub thread_count: i64,
    pub moderators: Vec<(ActorRef, String)>,
    /// The viewer's ban from this group, when one is in force.
    pub viewer_ban: Option<super::group_bans::BanNotice>,
    pub viewer_follows: bool,
    pub viewer_follow_pending: bool,
    pub viewer_role: Option<String>,
    /// Where the group moved; it then takes no new threads or replies.
    pub moved_to: Option<super::users::MovedTo>,
}

/// One page of a list and the cursor of the next page, if there is one.
#[derive(Debug, Clone)]
pub struct Paged<T> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
}

/// Cursor of lists ordered by (last activity, id) descending, written `activity-id`.
pub(crate) fn parse_activity_cursor(raw: Option<&str>) -> Option<(i64, i64)> {
    let (at, id) = raw?.split_once('-')?;
    Some((at.parse().ok()?, id.parse().ok()?))
}

/// Cursor of lists ordered by id, written as the id.
pub(crate) fn parse_id_cursor(raw: Option<&str>) -> Option<i64> {
    raw?.parse().ok()
}

/// Takes one more row than a page holds to learn whether a next page exists.
pub(crate) fn paginate<T>(mut rows: Vec<T>, page_size: i64, cursor_of: impl Fn(&T) -> String) -> Paged<T> {
    let page_size = usize::try_from(page_size).unwrap_or(20);
    let next_cursor = if rows.len() > page_size {
        rows.truncate(page_size);
        rows.last().map(&cursor_of)
    } else {
        None
    };
    Paged { items: rows, next_cursor }
}
