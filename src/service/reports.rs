//! Reports: members (web form, Mastodon apps) and other servers (`Flag`) complain about an
//! account and some of its posts; the moderators of the posts' group and the instance's admins
//! see the report, with the posts as they were when reported, and resolve it.
//!
//! Who sees a report is decided by [`may_handle`] alone, for every front door.

use super::notifications;
use super::statuses::{AccountSummary, StatusView};
use super::{Context, CurrentUser, ServiceError};
use crate::db::reports::{NewReport, ReportPostRow, ReportRow};
use crate::db::{self, Conn};
use crate::domain::report::{ReportAction, ReportCategory, clip_remote_comment, parse_comment};
use crate::domain::{ActorId, DomainEvent, FieldError, PostId, Timestamp};

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

/// A report as its moderators see it.
#[derive(Debug, Clone)]
pub struct ReportView {
    pub id: i64,
    pub target: AccountSummary,
    /// `name` or `name@host`.
    pub target_handle: String,
    /// The local reporter, or for a report from elsewhere the actor that sent it.
    pub reporter: Option<AccountSummary>,
    /// The reporting server, for a report from elsewhere.
    pub origin_host: Option<String>,
    /// The group the reported posts are in: its handle and whether it is ours.
    pub group: Option<(i64, String, bool)>,
    pub category: ReportCategory,
    pub comment: String,
    pub forwarded: bool,
    pub assigned: Option<(i64, String)>,
    pub resolved_by: Option<(i64, String)>,
    pub resolved_at: Option<Timestamp>,
    pub action: Option<ReportAction>,
    pub resolution_note: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub posts: Vec<ReportedPost>,
}

/// A reported post as it was when reported.
#[derive(Debug, Clone)]
pub struct ReportedPost {
    pub post_id: Option<i64>,
    pub thread_id: Option<i64>,
    pub title: Option<String>,
    pub content_html: String,
    pub author: String,
    pub posted_at: Timestamp,
    /// Deleted or removed since.
    pub gone_now: bool,
}

/// Where reports are handled: the moderation pages (admins and group moderators), or the
/// Mastodon admin API (admins only, as in Mastodon).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Desk {
    Moderation,
    AdminOnly,
}

/// THE rule of who sees and handles a report: the instance's admins every report, the
/// moderators of one of our groups those about posts in it (not at the admin-only desk).
/// Nobody else, not even the reporter or the moderators of another group.
async fn may_handle(
    conn: &mut Conn<'_>,
    user: &CurrentUser,
    group: Option<(i64, bool)>,
    desk: Desk,
) -> Result<bool, ServiceError> {
    if user.is_admin() {
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

/// One object a `Flag` names, as the federation layer read its URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlaggedObject {
    /// One of our posts.
    LocalPost(PostId),
    /// One of our people or groups, by name.
    LocalActor(String),
    /// Something elsewhere, by its ActivityPub id.
    Remote(String),
}

/// A report that arrived in a `Flag` from another server.
#[derive(Debug, Clone)]
pub struct RemoteReport {
    pub flag_ap_id: String,
    /// The actor that sent the `Flag` (a person or the instance actor of its server).
    pub sender: ActorId,
    pub origin_host: String,
    pub objects: Vec<FlaggedObject>,
    pub comment: String,
}

/// What became of a `Flag`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemoteReportOutcome {
    Stored(i64),
    /// The same `Flag` was stored before.
    Repeated,
    /// It names nothing of ours and no post in one of our groups: not ours to judge.
    NotOurs,
}

/// Stores a report from elsewhere when it is about one of our accounts or posts, or a post in
/// one of our groups. Remote objects are only looked up among what we store: a post in one of
/// our groups is always stored here, so nothing needs fetching.
pub async fn receive_remote_report(
    ctx: &Context,
    report: RemoteReport,
) -> Result<RemoteReportOutcome, ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let mut accounts = Vec::new();
    let mut posts = Vec::new();
    for object in &report.objects {
        match object {
            FlaggedObject::LocalPost(id) => {
                if let Some(post) = db::posts::get_post_ref(&mut conn, id.0).await? {
                    posts.push(post);
                }
            }
            FlaggedObject::LocalActor(name) => {
                if let Some(actor) = db::actors::get_local_actor_by_name(&mut conn, name).await?
                    && matches!(actor.kind.as_str(), "person" | "group")
                {
                    accounts.push((actor.id, true));
                }
            }
            FlaggedObject::Remote(ap_id) => {
                if let Some(post) = db::posts::get_post_ref_by_ap_id(&mut conn, ap_id).await? {
                    let in_our_group = match post.group_id {
                        Some(group) => {
                            db::actors::get_actor(&mut conn, group).await?.is_some_and(|g| g.local)
                        }
                        None => false,
                    };
                    if in_our_group {
                        posts.push(post);
                    }
                } else if let Some(actor) = db::actors::get_actor_by_ap_id(&mut conn, ap_id).await?
                    && matches!(actor.kind.as_str(), "person" | "group")
                {
                    accounts.push((actor.id, actor.local));
                }
            }
        }
    }
    // The reported account: the one named (ours, or the author of posts in our groups), else the
    // author of the first post; only that account's posts belong to the report.
    let target = accounts
        .iter()
        .find(|(id, local)| *local || posts.iter().any(|p| p.author_id == *id))
        .map(|(id, _)| *id)
        .or_else(|| posts.first().map(|p| p.author_id));
    let Some(target) = target else {
        return Ok(RemoteReportOutcome::NotOurs);
    };
    let mut seen = std::collections::HashSet::new();
    posts.retain(|p| p.author_id == target && seen.insert(p.id));
    let target_local = db::actors::get_actor(&mut conn, target).await?.is_some_and(|a| a.local);
    if !target_local && posts.is_empty() {
        return Ok(RemoteReportOutcome::NotOurs);
    }
    let mut groups: Vec<Option<i64>> = posts.iter().map(|p| p.group_id).collect();
    groups.dedup();
    let group_id = match groups.as_slice() {
        [single] => *single,
        _ => None,
    };
    let id = ctx.new_id();
    let comment = clip_remote_comment(&report.comment);
    let inserted = db::reports::insert_report(
        &mut conn,
        &NewReport {
            id,
            target_id: target,
            reporter_id: Some(report.sender.0),
            origin_host: Some(&report.origin_host),
            flag_ap_id: Some(&report.flag_ap_id),
            group_id,
            category: ReportCategory::Other.as_str(),
            comment: &comment,
            forwarded: true,
            now: ctx.now().millis(),
        },
    )
    .await?;
    if !inserted {
        return Ok(RemoteReportOutcome::Repeated);
    }
    for (position, post) in posts.iter().take(20).enumerate() {
        db::reports::insert_report_post_snapshot(&mut conn, id, position as i64, post.id).await?;
    }
    notify_new_report(ctx, &mut conn, id, report.sender.0, group_id).await?;
    tx.commit().await?;
    Ok(RemoteReportOutcome::Stored(id))
}

/// Tells the admins and the group's local moderators about a new report.
async fn notify_new_report(
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

/// Whether `user` may see the reports of the local group `name` (for a link on its page).
pub async fn may_see_group_reports(
    ctx: &Context,
    user: &CurrentUser,
    group_id: i64,
) -> Result<bool, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    may_handle(&mut conn.conn(), user, Some((group_id, true)), Desk::Moderation).await
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
    }
    tx.commit().await?;
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

async fn views(conn: &mut Conn<'_>, rows: Vec<ReportRow>) -> Result<Vec<ReportView>, ServiceError> {
    let (Some(lowest), Some(highest)) = (rows.iter().map(|r| r.id).min(), rows.iter().map(|r| r.id).max())
    else {
        return Ok(Vec::new());
    };
    let posts = db::reports::list_report_posts(conn, lowest, highest).await?;
    let mut views = Vec::with_capacity(rows.len());
    for row in rows {
        let target = summary(conn, row.target_id).await?.ok_or(ServiceError::NotFound)?;
        let reporter = match row.reporter_id {
            Some(id) => summary(conn, id).await?,
            None => None,
        };
        views.push(view(row, target, reporter, &posts));
    }
    Ok(views)
}

async fn summary(conn: &mut Conn<'_>, id: i64) -> Result<Option<AccountSummary>, ServiceError> {
    Ok(db::actors::get_actor(conn, id).await?.map(|a| AccountSummary {
        id: a.id,
        kind: a.kind,
        name: a.name,
        display_name: a.display_name,
        host: a.host,
        ap_id: a.ap_id,
        summary_html: a.summary_html,
        created_at: Timestamp::from_millis(a.created_at),
    }))
}

fn handle_of(name: &str, host: Option<&str>) -> String {
    match host {
        Some(host) => format!("{name}@{host}"),
        None => name.to_owned(),
    }
}

fn view(
    row: ReportRow,
    target: AccountSummary,
    reporter: Option<AccountSummary>,
    posts: &[ReportPostRow],
) -> ReportView {
    let group = match (row.group_id, &row.group_name) {
        (Some(id), Some(name)) => {
            Some((id, handle_of(name, row.group_host.as_deref()), row.group_local.unwrap_or(false)))
        }
        _ => None,
    };
    ReportView {
        id: row.id,
        target_handle: handle_of(&row.target_name, row.target_host.as_deref()),
        target,
        reporter,
        origin_host: row.origin_host,
        group,
        category: ReportCategory::from_stored(&row.category),
        comment: row.comment,
        forwarded: row.forwarded,
        assigned: row.assigned_id.zip(row.assigned_name),
        resolved_by: row.resolved_by_id.zip(row.resolved_by_name),
        resolved_at: row.resolved_at.map(Timestamp::from_millis),
        action: row.action_taken.as_deref().map(ReportAction::from_stored),
        resolution_note: row.resolution_note,
        created_at: Timestamp::from_millis(row.created_at),
        updated_at: Timestamp::from_millis(row.updated_at),
        posts: posts
            .iter()
            .filter(|p| p.report_id == row.id)
            .map(|p| ReportedPost {
                post_id: p.post_id,
                thread_id: p.root_id,
                title: p.title.clone(),
                content_html: p.content_html.clone(),
                author: p.author_name.clone(),
                posted_at: Timestamp::from_millis(p.posted_at),
                gone_now: p.deleted_now,
            })
            .collect(),
    }
}

/// The report a notification names: the notification was only written for someone who may see
/// it (a moderator, an admin, or its reporter), so no further check here.
pub(crate) async fn report_for_notification(
    conn: &mut Conn<'_>,
    id: i64,
) -> Result<Option<ReportView>, ServiceError> {
    let Some(row) = db::reports::get_report(conn, id).await? else {
        return Ok(None);
    };
    Ok(views(conn, vec![row]).await?.pop())
}

/// What a report form is about: an account, and maybe one of its posts.
#[derive(Debug, Clone)]
pub struct ReportSubject {
    pub account_id: i64,
    /// `name` or `name@host`.
    pub handle: String,
    pub shown_name: String,
    /// The account is on another server: the form offers to forward the report there.
    pub remote: bool,
    pub post: Option<ReportedPost>,
}

/// The subject of a report form: a post (and its author), or an account by handle.
pub async fn report_subject(
    ctx: &Context,
    user: &CurrentUser,
    post: Option<PostId>,
    handle: Option<&str>,
) -> Result<ReportSubject, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let mut conn = conn.conn();
    let (account_id, post) = match (post, handle) {
        (Some(post), _) => {
            let row = db::posts::get_post(&mut conn, Some(user.id.0), post.0)
                .await?
                .ok_or(ServiceError::NotFound)?;
            if row.deleted_at.is_some() {
                return Err(ServiceError::NotFound);
            }
            let author = handle_of(&row.author_name, row.author_host.as_deref());
            let reported = ReportedPost {
                post_id: Some(row.id),
                thread_id: Some(row.root_id),
                title: row.title,
                content_html: row.content_html,
                author,
                posted_at: Timestamp::from_millis(row.created_at),
                gone_now: false,
            };
            (row.author_id, Some(reported))
        }
        (None, Some(handle)) => {
            let actor = match handle.split_once('@') {
                None => db::actors::get_local_actor_by_name(&mut conn, handle).await?,
                Some((name, host)) => db::actors::get_remote_actor_by_handle(&mut conn, name, host).await?,
            };
            let actor = actor
                .filter(|a| matches!(a.kind.as_str(), "person" | "group"))
                .ok_or(ServiceError::NotFound)?;
            (actor.id, None)
        }
        (None, None) => return Err(ServiceError::NotFound),
    };
    let actor = db::actors::get_actor(&mut conn, account_id).await?.ok_or(ServiceError::NotFound)?;
    Ok(ReportSubject {
        account_id,
        handle: handle_of(&actor.name, actor.host.as_deref()),
        shown_name: if actor.display_name.is_empty() {
            actor.name.clone()
        } else {
            actor.display_name.clone()
        },
        remote: !actor.local,
        post,
    })
}
