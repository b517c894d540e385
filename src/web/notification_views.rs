//! The notifications page: each notification as a sentence with a link to what it is about.

use askama::Template;

use super::i18n::Translator;
use super::view::Chrome;
use crate::domain::PostId;
use crate::federation::uris;
use crate::service::notification_page::{NotificationEntry, NotificationPage};
use crate::service::notifications::{EVENT_RSVP, GROUP_JOIN};
use crate::service::reports::{NOTIFY_ADMIN, NOTIFY_MODERATOR, NOTIFY_RESOLVED};
use crate::service::watches::{WATCHED_REPLY, WATCHED_THREAD};

/// One line of the page.
#[derive(Debug, Clone)]
pub struct NotificationItem {
    pub id: i64,
    pub read: bool,
    /// What happened, in the reader's language ("Ana liked your post").
    pub sentence: String,
    /// What it is about, and where that is.
    pub link_text: String,
    pub link_url: String,
    pub created_iso: String,
    pub created_shown: String,
}

impl NotificationItem {
    fn new(entry: &NotificationEntry, t: &Translator) -> Self {
        let who = entry.from_shown_name.as_str();
        let message = match entry.kind.as_str() {
            "mention" => "notifications-mention",
            "status" => "notifications-status",
            "reblog" => "notifications-reblog",
            "follow" => "notifications-follow",
            "favourite" => "notifications-favourite",
            "update" => "notifications-update",
            NOTIFY_ADMIN | NOTIFY_MODERATOR => "notifications-report",
            NOTIFY_RESOLVED => "notifications-report-resolved",
            WATCHED_REPLY => "notifications-thread-reply",
            WATCHED_THREAD => "notifications-group-thread",
            GROUP_JOIN => "notifications-group-join",
            EVENT_RSVP => "notifications-event-rsvp",
            _ => "notifications-other",
        };
        let target = entry.report_target.clone().unwrap_or_default();
        let sentence =
            t.args(message, &[("name", who.to_owned().into()), ("target", format!("@{target}").into())]);
        let (link_text, link_url) = match (entry.post_id, entry.post_root_id, entry.kind.as_str()) {
            (Some(post), Some(root), _) => (
                entry
                    .thread_title
                    .clone()
                    .filter(|title| !title.is_empty())
                    .unwrap_or_else(|| t.get("notifications-the-post")),
                uris::post_in_thread_path(PostId(root), PostId(post)),
            ),
            (_, _, NOTIFY_ADMIN) => (t.get("notifications-open-reports"), "/admin/reports".to_owned()),
            (_, _, NOTIFY_MODERATOR) => match &entry.report_group {
                Some(group) => {
                    (t.get("notifications-open-reports"), format!("{}/reports", uris::group_path(group)))
                }
                None => (t.get("notifications-open-reports"), "/admin/reports".to_owned()),
            },
            (_, _, GROUP_JOIN) => match &entry.joined_group {
                Some(group) => (format!("@{group}"), uris::group_path(group)),
                None => (format!("@{}", entry.from_handle), uris::user_path(&entry.from_handle)),
            },
            (_, _, EVENT_RSVP) => match &entry.event {
                Some((id, title)) => (title.clone(), uris::event_path(*id)),
                None => (format!("@{}", entry.from_handle), uris::user_path(&entry.from_handle)),
            },
            (_, _, NOTIFY_RESOLVED) => (format!("@{target}"), uris::user_path(&target)),
            _ => (format!("@{}", entry.from_handle), uris::user_path(&entry.from_handle)),
        };
        Self {
            id: entry.id,
            read: entry.read,
            sentence,
            link_text,
            link_url,
            created_iso: entry.created_at.to_rfc3339(),
            created_shown: t.datetime(entry.created_at),
        }
    }
}

#[derive(Template)]
#[template(path = "notifications/list.html")]
pub struct NotificationsPage {
    pub chrome: Chrome,
    pub items: Vec<NotificationItem>,
    pub older_url: Option<String>,
    pub first_page_url: Option<String>,
}

impl NotificationsPage {
    pub fn new(chrome: Chrome, page: &NotificationPage, paged: bool) -> Self {
        Self {
            items: page.entries.iter().map(|entry| NotificationItem::new(entry, &chrome.t)).collect(),
            older_url: page.older_than.map(|id| format!("/notifications?max_id={id}")),
            first_page_url: paged.then(|| "/notifications".to_owned()),
            chrome,
        }
    }
}
