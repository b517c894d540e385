//! Notifications: written in the transaction of what caused them (a reply, a like, a follow),
//! read and dismissed by the member through the client API.

use super::statuses::{AccountSummary, StatusView};
use super::{Context, CurrentUser, ServiceError};
use crate::db::{self, Conn, notifications::NotificationRow, statuses::Window};
use crate::domain::Timestamp;

/// The kinds a Mastodon app knows that Allmende produces.
/// `report_resolved` (a member's report was handled) is ours; apps ignore kinds they do not know.
pub const KINDS: &[&str] =
    &["mention", "status", "reblog", "follow", "favourite", "update", "admin.report", "report_resolved"];

/// Tells `recipient` (if it is a local account other than `from`) about something.
pub(crate) async fn notify(
    ctx: &Context,
    conn: &mut Conn<'_>,
    recipient: i64,
    kind: &'static str,
    from: i64,
    post: Option<i64>,
) -> Result<(), ServiceError> {
    // Nobody hears of a post they may not read (a private group's thread, a followers-only post).
    if let Some(post) = post
        && !db::visibility::is_readable_by(conn, Some(recipient), post).await?
    {
        return Ok(());
    }
    db::notifications::insert_notification(
        conn,
        ctx.new_id(),
        recipient,
        kind,
        from,
        post,
        ctx.now().millis(),
    )
    .await?;
    Ok(())
}

/// Tells `recipient` about a report: a new one, or their own one resolved.
pub(crate) async fn notify_report(
    ctx: &Context,
    conn: &mut Conn<'_>,
    recipient: i64,
    kind: &'static str,
    from: i64,
    report: i64,
) -> Result<(), ServiceError> {
    db::notifications::insert_report_notification(
        conn,
        ctx.new_id(),
        recipient,
        kind,
        from,
        report,
        ctx.now().millis(),
    )
    .await?;
    Ok(())
}

/// Someone joined a group the recipient moderates (web only: Mastodon has no such type).
pub const GROUP_JOIN: &str = "group_join";
/// Someone will go to an event the recipient organises (web only).
pub const EVENT_RSVP: &str = "event_rsvp";

/// Tells the local moderators of `group` that `joiner` follows it now.
pub(crate) async fn notify_group_join(
    ctx: &Context,
    conn: &mut Conn<'_>,
    group: i64,
    joiner: i64,
) -> Result<(), ServiceError> {
    let now = ctx.now().millis();
    for moderator in db::reports::list_local_moderator_ids(conn, group).await? {
        db::notifications::insert_subject_notification(
            conn,
            ctx.new_id(),
            moderator,
            GROUP_JOIN,
            joiner,
            Some(group),
            None,
            now,
        )
        .await?;
    }
    Ok(())
}

/// Tells the organiser of `event` (if local) that `participant` will go.
pub(crate) async fn notify_event_answer(
    ctx: &Context,
    conn: &mut Conn<'_>,
    organiser: i64,
    event: i64,
    participant: i64,
) -> Result<(), ServiceError> {
    db::notifications::insert_subject_notification(
        conn,
        ctx.new_id(),
        organiser,
        EVENT_RSVP,
        participant,
        None,
        Some(event),
        ctx.now().millis(),
    )
    .await?;
    Ok(())
}

/// Tells the local members who asked to hear about each post of `author` (a follow with
/// `notify`) that `post` is out: Mastodon's `status` notification.
pub(crate) async fn notify_subscribers(
    ctx: &Context,
    conn: &mut Conn<'_>,
    author: i64,
    post: i64,
) -> Result<(), ServiceError> {
    for subscriber in db::follows::list_notified_followers(conn, author).await? {
        notify(ctx, conn, subscriber, "status", author, Some(post)).await?;
    }
    Ok(())
}

/// Tells the local members who boosted `post` that its author edited it: Mastodon's `update`
/// notification, renewed on each edit.
pub(crate) async fn notify_boosters_of_edit(
    ctx: &Context,
    conn: &mut Conn<'_>,
    author: i64,
    post: i64,
) -> Result<(), ServiceError> {
    for booster in db::boosts::list_local_boosters(conn, post).await? {
        db::notifications::delete_same_notification(conn, booster, "update", author, post).await?;
        notify(ctx, conn, booster, "update", author, Some(post)).await?;
    }
    Ok(())
}

#[derive(Debug, Clone)]
pub struct NotificationView {
    pub id: i64,
    pub kind: String,
    pub created_at: Timestamp,
    pub account: AccountSummary,
    pub status: Option<StatusView>,
    /// The report a report notification is about.
    pub report: Option<super::reports::ReportView>,
}

/// Which notifications to list.
#[derive(Debug, Clone, Default)]
pub struct NotificationFilter {
    /// Only these kinds (empty: all).
    pub types: Vec<String>,
    pub exclude_types: Vec<String>,
    pub account_id: Option<i64>,
}

/// Every kind the client API lists: [`KINDS`] and the watch notifications, which it shows as
/// `status`.
pub fn api_kinds() -> Vec<&'static str> {
    let mut kinds = KINDS.to_vec();
    kinds.extend([super::watches::WATCHED_REPLY, super::watches::WATCHED_THREAD]);
    kinds
}

/// The Mastodon notification type of a stored kind: a new post in a watched thread or group is
/// a `status`, as Mastodon calls the posts of subscribed accounts.
pub fn mastodon_type(kind: &str) -> &str {
    match kind {
        super::watches::WATCHED_REPLY | super::watches::WATCHED_THREAD => "status",
        other => other,
    }
}

/// One page of notifications with their accounts and posts, in two queries.
pub async fn list_notifications(
    ctx: &Context,
    user: &CurrentUser,
    window: Window,
    filter: &NotificationFilter,
) -> Result<Vec<NotificationView>, ServiceError> {
    let kinds: Vec<&str> = api_kinds()
        .into_iter()
        .filter(|k| filter.types.is_empty() || filter.types.iter().any(|t| t == mastodon_type(k)))
        .filter(|k| !filter.exclude_types.iter().any(|t| t == mastodon_type(k)))
        .collect();
    let framed = format!(",{},", kinds.join(","));
    let mut conn = ctx.db.acquire().await?;
    let mut rows = db::notifications::list_notifications(
        &mut conn.conn(),
        user.id.0,
        window.max_id,
        window.lower(),
        window.min_id.is_some(),
        window.limit,
        Some(&framed),
        filter.account_id,
        ctx.now().millis(),
    )
    .await?;
    if window.min_id.is_some() {
        rows.reverse();
    }
    let (Some(lowest), Some(highest)) = (rows.iter().map(|r| r.id).min(), rows.iter().map(|r| r.id).max())
    else {
        return Ok(Vec::new());
    };
    let statuses = db::statuses::list_notified(&mut conn.conn(), user.id.0, lowest, highest).await?;
    let statuses = super::statuses::with_related(
        &mut conn.conn(),
        statuses.into_iter().map(|row| StatusView::from_row(row, Some(user))).collect(),
    )
    .await?;
    let mut views = Vec::with_capacity(rows.len());
    for row in rows {
        let status = match row.post_id {
            Some(post_id) => match statuses.iter().find(|s| s.id == post_id) {
                Some(status) => Some(status.clone()),
                None => continue,
            },
            None => None,
        };
        let report = match row.report_id {
            Some(id) => match super::reports::report_for_notification(&mut conn.conn(), id).await? {
                Some(report) => Some(report),
                None => continue,
            },
            None => None,
        };
        views.push(view(row, status, report));
    }
    Ok(views)
}

fn view(
    row: NotificationRow,
    status: Option<StatusView>,
    report: Option<super::reports::ReportView>,
) -> NotificationView {
    NotificationView {
        id: row.id,
        kind: row.kind,
        created_at: Timestamp::from_millis(row.created_at),
        account: AccountSummary {
            id: row.from_id,
            kind: row.from_kind,
            name: row.from_name,
            display_name: row.from_display_name,
            host: row.from_host,
            ap_id: row.from_ap_id,
            summary_html: row.from_summary_html,
            created_at: Timestamp::from_millis(row.from_created_at),
            avatar: None,
            header: None,
        },
        status,
        report,
    }
}

pub async fn get_notification(
    ctx: &Context,
    user: &CurrentUser,
    id: i64,
) -> Result<NotificationView, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let row = db::notifications::get_notification(&mut conn.conn(), user.id.0, id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let status = match row.post_id {
        Some(post_id) => db::statuses::get_status(&mut conn.conn(), Some(user.id.0), post_id)
            .await?
            .map(|row| StatusView::from_row(row, Some(user))),
        None => None,
    };
    let status = super::statuses::with_related(&mut conn.conn(), status.into_iter().collect()).await?.pop();
    let report = match row.report_id {
        Some(id) => super::reports::report_for_notification(&mut conn.conn(), id).await?,
        None => None,
    };
    Ok(view(row, status, report))
}

pub async fn dismiss(ctx: &Context, user: &CurrentUser, id: i64) -> Result<(), ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    db::notifications::delete_notification(&mut conn.conn(), user.id.0, id).await?;
    Ok(())
}

pub async fn clear(ctx: &Context, user: &CurrentUser) -> Result<(), ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    db::notifications::delete_all_notifications(&mut conn.conn(), user.id.0).await?;
    Ok(())
}

pub async fn unread_count(ctx: &Context, user: &CurrentUser) -> Result<i64, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::notifications::count_unread(&mut conn.conn(), user.id.0, ctx.now().millis()).await?)
}
