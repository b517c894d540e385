//! The notifications page of the web: every kind a member can be told about, each with where
//! it leads, read state shared with the client API (the `notifications` marker for "all read",
//! a per-notification mark for one).

use super::{Context, CurrentUser, ServiceError};
use crate::db::{self, notifications::NotificationEntryRow};
use crate::domain::Timestamp;

/// How many notifications one page lists.
pub const PAGE_SIZE: i64 = 30;

/// The kinds the web page lists: the client API's, plus those Mastodon has no type for (reports
/// for group moderators, group joins, event answers).
pub fn web_kinds() -> Vec<&'static str> {
    let mut kinds = super::notifications::api_kinds();
    kinds.extend([
        super::reports::NOTIFY_MODERATOR,
        super::notifications::GROUP_JOIN,
        super::notifications::EVENT_RSVP,
    ]);
    kinds
}

/// One notification as the page shows it.
#[derive(Debug, Clone)]
pub struct NotificationEntry {
    pub id: i64,
    pub kind: String,
    pub created_at: Timestamp,
    pub read: bool,
    /// `name` or `name@host` of who caused it.
    pub from_handle: String,
    pub from_shown_name: String,
    pub post_id: Option<i64>,
    pub post_root_id: Option<i64>,
    pub thread_title: Option<String>,
    pub report_id: Option<i64>,
    /// For a moderator's report: the local group whose reports page lists it.
    pub report_group: Option<String>,
    /// For a report: whom it is about, `name` or `name@host`.
    pub report_target: Option<String>,
    /// For a group join: the group.
    pub joined_group: Option<String>,
    /// For an event answer: the event and its title.
    pub event: Option<(i64, String)>,
}

#[derive(Debug, Clone)]
pub struct NotificationPage {
    pub entries: Vec<NotificationEntry>,
    /// Where the next (older) page starts, if there is one.
    pub older_than: Option<i64>,
}

/// A page of the member's notifications below `max_id`, in one query.
pub async fn notification_page(
    ctx: &Context,
    user: &CurrentUser,
    max_id: Option<i64>,
) -> Result<NotificationPage, ServiceError> {
    let kinds = format!(",{},", web_kinds().join(","));
    let mut conn = ctx.db.acquire().await?;
    let mut rows = db::notifications::list_notification_entries(
        &mut conn.conn(),
        user.id.0,
        max_id,
        PAGE_SIZE + 1,
        &kinds,
        ctx.now().millis(),
    )
    .await?;
    let more = rows.len() as i64 > PAGE_SIZE;
    rows.truncate(PAGE_SIZE as usize);
    let older_than = if more { rows.last().map(|row| row.id) } else { None };
    Ok(NotificationPage { entries: rows.into_iter().map(entry).collect(), older_than })
}

fn handle(name: String, host: Option<String>) -> String {
    match host {
        Some(host) => format!("{name}@{host}"),
        None => name,
    }
}

fn entry(row: NotificationEntryRow) -> NotificationEntry {
    NotificationEntry {
        id: row.id,
        read: row.read_at.is_some() || row.id <= row.read_up_to,
        created_at: Timestamp::from_millis(row.created_at),
        from_shown_name: if row.from_display_name.is_empty() {
            row.from_name.clone()
        } else {
            row.from_display_name.clone()
        },
        from_handle: handle(row.from_name, row.from_host),
        kind: row.kind,
        post_id: row.post_id,
        post_root_id: row.post_root_id,
        thread_title: row.thread_title,
        report_id: row.report_id,
        report_group: row.report_group_name,
        report_target: row.report_target_name.map(|name| handle(name, row.report_target_host)),
        joined_group: row.joined_group_name,
        event: row.event_id.zip(row.event_title),
    }
}

/// The member's unread notifications: the count in the page header, one indexed query.
pub async fn unread_count(ctx: &Context, user: &CurrentUser) -> Result<i64, ServiceError> {
    super::notifications::unread_count(ctx, user).await
}

/// Marks one of the member's notifications read; unknown ids (or someone else's) are not found.
pub async fn mark_read(ctx: &Context, user: &CurrentUser, id: i64) -> Result<(), ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    if !db::notifications::update_notification_read(&mut conn.conn(), user.id.0, id, ctx.now().millis())
        .await?
        && db::notifications::get_notification(&mut conn.conn(), user.id.0, id).await?.is_none()
    {
        return Err(ServiceError::NotFound);
    }
    Ok(())
}

/// Marks all of the member's notifications read by moving the `notifications` marker (the one
/// Mastodon apps read and set) to the newest.
pub async fn mark_all_read(ctx: &Context, user: &CurrentUser) -> Result<(), ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    if let Some(newest) = db::notifications::newest_notification_id(&mut conn.conn(), user.id.0).await? {
        db::markers::upsert_marker(
            &mut conn.conn(),
            user.id.0,
            "notifications",
            &newest.to_string(),
            ctx.now().millis(),
        )
        .await?;
    }
    Ok(())
}
