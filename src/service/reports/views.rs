//! Reports as their readers see them: the report with the names it mentions and the snapshots
//! of its posts, and the subject of a report form.

use crate::db::reports::{ReportPostRow, ReportRow};
use crate::db::{self, Conn};
use crate::domain::report::{ReportAction, ReportCategory};
use crate::domain::{PostId, Timestamp};
use crate::service::statuses::AccountSummary;
use crate::service::{Context, CurrentUser, ServiceError};

/// A report as its moderators see it.
#[derive(Debug, Clone)]
pub struct ReportView {
    pub id: i64,
    pub target: AccountSummary,
    /// `name` or `name@host`.
    pub target_handle: String,
    /// What admins did to the reported person so far.
    pub target_suspended: bool,
    pub target_silenced: bool,
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

pub(super) async fn views(
    conn: &mut Conn<'_>,
    rows: Vec<ReportRow>,
) -> Result<Vec<ReportView>, ServiceError> {
    let (Some(lowest), Some(highest)) = (rows.iter().map(|r| r.id).min(), rows.iter().map(|r| r.id).max())
    else {
        return Ok(Vec::new());
    };
    let posts = db::reports::list_report_posts(conn, lowest, highest).await?;
    Ok(rows.into_iter().map(|row| view(row, &posts)).collect())
}

/// The reported person, read with the report (no query per report).
fn target_of(row: &ReportRow) -> AccountSummary {
    AccountSummary {
        id: row.target_id,
        kind: row.target_kind.clone(),
        name: row.target_name.clone(),
        display_name: row.target_display_name.clone(),
        host: row.target_host.clone(),
        ap_id: row.target_ap_id.clone(),
        summary_html: row.target_summary_html.clone(),
        created_at: Timestamp::from_millis(row.target_created_at),
        avatar: None,
        header: None,
    }
}

/// The reporter (or the actor that sent a report from elsewhere), read with the report.
fn reporter_of(row: &ReportRow) -> Option<AccountSummary> {
    Some(AccountSummary {
        id: row.reporter_id?,
        kind: row.reporter_kind.clone()?,
        name: row.reporter_name.clone()?,
        display_name: row.reporter_display_name.clone().unwrap_or_default(),
        host: row.reporter_host.clone(),
        ap_id: row.reporter_ap_id.clone(),
        summary_html: row.reporter_summary_html.clone().unwrap_or_default(),
        created_at: Timestamp::from_millis(row.reporter_created_at?),
        avatar: None,
        header: None,
    })
}

fn handle_of(name: &str, host: Option<&str>) -> String {
    match host {
        Some(host) => format!("{name}@{host}"),
        None => name.to_owned(),
    }
}

fn view(row: ReportRow, posts: &[ReportPostRow]) -> ReportView {
    let target = target_of(&row);
    let reporter = reporter_of(&row);
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
        target_suspended: row.target_suspended,
        target_silenced: row.target_silenced,
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
