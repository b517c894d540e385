//! Reports: members (web form, Mastodon apps) and other servers (`Flag`) complain about an
//! account and some of its posts; the moderators of the posts' group and the instance's admins
//! see the report, with the posts as they were when reported, and resolve it.
//!
//! Who sees a report is decided by [`may_handle`] alone, for every front door.

mod incoming;
mod views;

pub use incoming::{FlaggedObject, RemoteReport, RemoteReportOutcome, receive_remote_report};
pub(crate) use views::report_for_notification;
pub use views::{ReportSubject, ReportView, ReportedPost, report_subject};

use super::notifications;
use super::statuses::StatusView;
use super::{Context, CurrentUser, ServiceError};
use crate::db::reports::{NewReport, ReportRow};
use crate::db::{self, Conn};
use crate::domain::report::{ReportAction, ReportCategory, parse_comment};
use crate::domain::{DomainEvent, FieldError, PostId};
use views::views;

/// Notification kinds: a new report for an admin (Mastodon's `admin.report`), for a group
/// moderator who is not an admin, and a report resolved, for its reporter.
pub const NOTIFY_ADMIN: &str = "admin.report";
pub const NOTIFY_MODERATOR: &str = "moderator.report";
pub const NOTIFY_RESOLVED: &str = "report_resolved";

/// How many reports a page lists.
const PAGE_SIZE: i64 = 50;

/// A member's report, from the web form or `POST /api/v1/reports`.
#[derive(Debug, Clone, Default)]
pub struct ReportInput {
    /// The reported account; when None, the author of the posts.
    pub account_id: Option<i64>,
    pub post_ids: Vec<i64>,
    pub category: String,
    pub comment: String,
    /// Also send the report to the reported account's own server.
    pub forward: bool,
}

/// Where reports are handled: the moderation pages (admins and group moderators), or the
/// Mastodon admin API (admins only, as in Mastodon).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Desk {
    Moderation,
    AdminOnly,
}

/// THE rule of who sees and handles a report: the instance's admins and instance moderators
/// every report, the moderators of one of our groups those about posts in it (not at the
/// admin-only desk).
/// Nobody else, not even the reporter or the moderators of another group.
async fn may_handle(
    conn: &mut Conn<'_>,
    user: &CurrentUser,
    group: Option<(i64, bool)>,
    desk: Desk,
) -> Result<bool, ServiceError> {
    if user.may(crate::domain::Permission::HandleReports) {
        return Ok(true);
    }
    if desk == Desk::AdminOnly {
        return Ok(false);
    }
    match group {
        Some((group_id, true)) => {
            Ok(db::groups::get_moderator_role(conn, group_id, user.id.0).await?.is_some())
        }
        _ => Ok(false),
    }
}

fn group_of(row: &ReportRow) -> Option<(i64, bool)> {
    Some((row.group_id?, row.group_local.unwrap_or(false)))
}

/// Files a member's report.
pub async fn create_report(
    ctx: &Context,
    user: &CurrentUser,
    input: ReportInput,
) -> Result<ReportView, ServiceError> {
    let category = ReportCategory::parse(&input.category)?;
    let comment = parse_comment(&input.comment)?;
    let mut seen = std::collections::HashSet::new();
    let post_ids: Vec<i64> = input.post_ids.iter().copied().filter(|id| seen.insert(*id)).collect();
    if post_ids.len() > 20 {
        return Err(FieldError::new("status_ids", "at most 20 posts in one report").into());
    }
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let mut target = input.account_id;
    let mut groups = Vec::new();
    for post_id in &post_ids {
        let post = db::posts::get_post_ref(&mut conn, *post_id).await?.ok_or(ServiceError::NotFound)?;
        if post.deleted_at.is_some() {
            return Err(ServiceError::NotFound);
        }
        match target {
            Some(account) if account != post.author_id => {
                return Err(FieldError::new("status_ids", "the posts must be by the reported account").into());
            }
            _ => target = Some(post.author_id),
        }
        groups.push(post.group_id);
    }
    let target = target.ok_or(FieldError::new("account_id", "name the account or a post to report"))?;
    let target_row = db::actors::get_actor(&mut conn, target).await?.ok_or(ServiceError::NotFound)?;
    if !matches!(target_row.kind.as_str(), "person" | "group") {
        return Err(ServiceError::NotFound);
    }
    if target == user.id.0 {
        return Err(FieldError::new("account_id", "you cannot report yourself").into());
    }
    // One group when all the posts are in it; otherwise the report is for the admins alone.
    groups.dedup();
    let group_id = match groups.as_slice() {
        [single] => *single,
        _ => None,
    };
    let id = ctx.new_id();
    let now = ctx.now().millis();
    db::reports::insert_report(
        &mut conn,
        &NewReport {
            id,
            target_id: target,
            reporter_id: Some(user.id.0),
            origin_host: None,
            flag_ap_id: None,
            group_id,
            category: category.as_str(),
            comment: &comment,
            forwarded: input.forward && !target_row.local,
            now,
        },
    )
    .await?;
    for (position, post_id) in post_ids.iter().enumerate() {
        db::reports::insert_report_post_snapshot(&mut conn, id, position as i64, *post_id).await?;
    }
    notify_new_report(ctx, &mut conn, id, user.id.0, group_id).await?;
    ctx.emit(&mut conn, DomainEvent::ReportCreated { report_id: id }).await?;
    tx.commit().await?;
    get_own_report(ctx, user, id).await
}

/// Tells the admins and the group's local moderators about a new report.
pub(super) async fn notify_new_report(
    ctx: &Context,
    conn: &mut Conn<'_>,
    report_id: i64,
    from: i64,
    group_id: Option<i64>,
) -> Result<(), ServiceError> {
    let admins = db::reports::list_admin_ids(conn).await?;
    let moderators = match group_id {
        Some(group_id) => db::reports::list_local_moderator_ids(conn, group_id).await?,
        None => Vec::new(),
    };
    for admin in &admins {
        notifications::notify_report(ctx, conn, *admin, NOTIFY_ADMIN, from, report_id).await?;
    }
    for moderator in moderators.iter().filter(|m| !admins.contains(m)) {
        notifications::notify_report(ctx, conn, *moderator, NOTIFY_MODERATOR, from, report_id).await?;
    }
    Ok(())
}

/// One report, for someone who may handle it.
pub async fn get_report(
    ctx: &Context,
    user: &CurrentUser,
    id: i64,
    desk: Desk,
) -> Result<ReportView, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let mut conn = conn.conn();
    let row = visible_report(&mut conn, user, id, desk).await?;
    let mut views = views(&mut conn, vec![row]).await?;
    views.pop().ok_or(ServiceError::NotFound)
}

async fn visible_report(
    conn: &mut Conn<'_>,
    user: &CurrentUser,
    id: i64,
    desk: Desk,
) -> Result<ReportRow, ServiceError> {
    let row = db::reports::get_report(conn, id).await?.ok_or(ServiceError::NotFound)?;
    if !may_handle(conn, user, group_of(&row), desk).await? {
        // Not even whether it exists.
        return Err(ServiceError::NotFound);
    }
    Ok(row)
}

/// Which reports to list.
#[derive(Debug, Clone, Default)]
pub struct ReportFilter {
    /// Only the reports about posts in this local group (by name); None: all (admins only).
    pub group: Option<String>,
    pub resolved: bool,
    pub max_id: Option<i64>,
    pub limit: Option<i64>,
}

/// The reports a page or an app lists: of one of our groups for its moderators (and the admins),
/// or all of them for the admins.
pub async fn list_reports(
    ctx: &Context,
    user: &CurrentUser,
    filter: &ReportFilter,
) -> Result<Vec<ReportView>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let mut conn = conn.conn();
    let group_id = match &filter.group {
        Some(name) => {
            let group =
                db::groups::get_group_by_name(&mut conn, name).await?.ok_or(ServiceError::NotFound)?;
            if !may_handle(&mut conn, user, Some((group.id, group.local)), Desk::Moderation).await? {
                return Err(ServiceError::Forbidden);
            }
            Some(group.id)
        }
        None if may_handle(&mut conn, user, None, Desk::AdminOnly).await? => None,
        None => return Err(ServiceError::Forbidden),
    };
    let limit = filter.limit.unwrap_or(PAGE_SIZE).clamp(1, 200);
    let rows = db::reports::list_reports(&mut conn, filter.resolved, group_id, filter.max_id, limit).await?;
    views(&mut conn, rows).await
}

/// Closes a report as dismissed or resolved, with a note; the reporter (if one of ours) is told.
pub async fn resolve_report(
    ctx: &Context,
    user: &CurrentUser,
    id: i64,
    desk: Desk,
    action: ReportAction,
    note: &str,
) -> Result<(), ServiceError> {
    let note = note.trim();
    if note.chars().count() > 1000 {
        return Err(FieldError::new("note", "at most 1000 characters").into());
    }
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let row = visible_report(&mut conn, user, id, desk).await?;
    if db::reports::update_report_resolved(
        &mut conn,
        id,
        user.id.0,
        action.as_str(),
        note,
        ctx.now().millis(),
    )
    .await?
        && row.origin_host.is_none()
        && let Some(reporter) = row.reporter_id
    {
        notifications::notify_report(ctx, &mut conn, reporter, NOTIFY_RESOLVED, user.id.0, id).await?;
        let target = match &row.target_host {
            Some(host) => format!("@{}@{host}", row.target_name),
            None => format!("@{}", row.target_name),
        };
        // The note is the moderators' own record; the reporter is only told the report was handled.
        queue_resolution_mail(ctx, &mut conn, reporter, &target, "").await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Tells a local reporter by mail that their report was handled (unless they unsubscribed).
async fn queue_resolution_mail(
    ctx: &Context,
    conn: &mut db::Conn<'_>,
    reporter: i64,
    target: &str,
    note: &str,
) -> Result<(), ServiceError> {
    let Some(to) = super::mail::recipient(ctx, conn, reporter).await? else {
        return Ok(());
    };
    let instance = ctx.settings.instance_name.clone();
    let address = to.email.clone();
    super::mail::enqueue(
        ctx,
        conn,
        &to,
        &address,
        super::mail::MailKind::ReportResolved,
        |t, unsubscribe| {
            crate::mail::templates::report_resolved(t, &instance, &to.name, target, note, unsubscribe)
        },
    )
    .await?;
    Ok(())
}

/// Removes one of the reported posts (the moderators' removal: the group federates it) and
/// resolves the report as "post removed".
pub async fn remove_reported_post(
    ctx: &Context,
    user: &CurrentUser,
    id: i64,
    post_id: i64,
    note: &str,
) -> Result<(), ServiceError> {
    {
        let mut conn = ctx.db.acquire().await?;
        let mut conn = conn.conn();
        visible_report(&mut conn, user, id, Desk::Moderation).await?;
        let posts = db::reports::list_report_posts(&mut conn, id, id).await?;
        if !posts.iter().any(|p| p.post_id == Some(post_id)) {
            return Err(ServiceError::NotFound);
        }
    }
    match super::posts::delete_post(ctx, user, PostId(post_id)).await {
        // Already gone: the report can still be closed.
        Ok(_) | Err(ServiceError::NotFound) => {}
        Err(error) => return Err(error),
    }
    resolve_report(ctx, user, id, Desk::Moderation, ReportAction::PostRemoved, note).await
}

/// Opens a resolved report again.
pub async fn reopen_report(
    ctx: &Context,
    user: &CurrentUser,
    id: i64,
    desk: Desk,
) -> Result<(), ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let mut conn = conn.conn();
    visible_report(&mut conn, user, id, desk).await?;
    db::reports::update_report_reopened(&mut conn, id, ctx.now().millis()).await?;
    Ok(())
}

/// Takes a report on (`assign` true) or gives it back.
pub async fn assign_report(
    ctx: &Context,
    user: &CurrentUser,
    id: i64,
    desk: Desk,
    assign: bool,
) -> Result<(), ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let mut conn = conn.conn();
    visible_report(&mut conn, user, id, desk).await?;
    let assigned = assign.then_some(user.id.0);
    db::reports::update_report_assigned(&mut conn, id, assigned, ctx.now().millis()).await?;
    Ok(())
}

/// A report with its reported posts that still exist, as statuses: the admin API's view.
pub async fn get_admin_report(
    ctx: &Context,
    user: &CurrentUser,
    id: i64,
) -> Result<(ReportView, Vec<StatusView>), ServiceError> {
    let report = get_report(ctx, user, id, Desk::AdminOnly).await?;
    let statuses = reported_statuses(ctx, user, &report).await?;
    Ok((report, statuses))
}

/// All reports, open or resolved, with their statuses: the admin API's list.
pub async fn list_admin_reports(
    ctx: &Context,
    user: &CurrentUser,
    filter: &ReportFilter,
) -> Result<Vec<(ReportView, Vec<StatusView>)>, ServiceError> {
    let filter = ReportFilter { group: None, ..filter.clone() };
    let mut listed = Vec::new();
    for report in list_reports(ctx, user, &filter).await? {
        let statuses = reported_statuses(ctx, user, &report).await?;
        listed.push((report, statuses));
    }
    Ok(listed)
}

async fn reported_statuses(
    ctx: &Context,
    user: &CurrentUser,
    report: &ReportView,
) -> Result<Vec<StatusView>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let mut statuses = Vec::new();
    for post in report.posts.iter().filter(|p| !p.gone_now) {
        let Some(post_id) = post.post_id else { continue };
        if let Some(row) = db::statuses::get_status(&mut conn.conn(), Some(user.id.0), post_id).await? {
            statuses.push(StatusView::from_row(row, Some(user)));
        }
    }
    super::statuses::with_related(&mut conn.conn(), statuses).await
}

/// What a report says, for a member who filed it (`POST /api/v1/reports` answers with it).
pub async fn get_own_report(ctx: &Context, user: &CurrentUser, id: i64) -> Result<ReportView, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let mut conn = conn.conn();
    let row = db::reports::get_report(&mut conn, id).await?.ok_or(ServiceError::NotFound)?;
    if row.reporter_id != Some(user.id.0) || row.origin_host.is_some() {
        return Err(ServiceError::NotFound);
    }
    views(&mut conn, vec![row]).await?.pop().ok_or(ServiceError::NotFound)
}
