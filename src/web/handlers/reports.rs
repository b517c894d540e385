//! Reports on the web: the "Report" form of a post or a person, and the report pages of a
//! group's moderators (`/g/{name}/reports`) and of the admins (`/admin/reports`), with the
//! actions right there.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::domain::report::{ReportAction, ReportCategory};
use crate::domain::{Permission, PostId};
use crate::service::reports::{
    self, Desk, ReportFilter, ReportInput, ReportSubject, ReportView, ReportedPost,
};
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::i18n::Translator;
use crate::web::pages::render;
use crate::web::session::RequireUser;
use crate::web::view::Chrome;

/// A reported post as shown.
pub struct SnapshotView {
    pub post_id: i64,
    pub link: String,
    pub title: String,
    pub content_html: String,
    pub author: String,
    pub posted_at: String,
    pub gone: bool,
}

impl SnapshotView {
    fn new(post: &ReportedPost, t: &Translator) -> Self {
        Self {
            post_id: post.post_id.unwrap_or_default(),
            link: match (post.post_id, post.thread_id, post.gone_now) {
                (Some(id), Some(root), false) => format!("/t/{root}#p{id}"),
                _ => String::new(),
            },
            title: post.title.clone().unwrap_or_default(),
            content_html: post.content_html.clone(),
            author: post.author.clone(),
            posted_at: t.datetime(post.posted_at),
            gone: post.gone_now || post.post_id.is_none(),
        }
    }
}

#[derive(Template)]
#[template(path = "reports/form.html")]
pub struct ReportFormPage {
    pub chrome: Chrome,
    pub action: String,
    pub handle: String,
    pub shown_name: String,
    pub remote: bool,
    pub account_id: i64,
    pub post: Option<SnapshotView>,
    pub categories: Vec<CategoryOption>,
}

/// A reason to choose on the form.
pub struct CategoryOption {
    pub value: &'static str,
    pub label: String,
    /// Chosen when the form opens.
    pub chosen: bool,
}

#[derive(Template)]
#[template(path = "reports/sent.html")]
pub struct ReportSentPage {
    pub chrome: Chrome,
    pub handle: String,
    pub forwarded: bool,
}

fn form_page(chrome: Chrome, action: String, subject: ReportSubject) -> ReportFormPage {
    let post = subject.post.as_ref().map(|p| SnapshotView::new(p, &chrome.t));
    ReportFormPage {
        action,
        account_id: subject.account_id,
        handle: subject.handle,
        shown_name: subject.shown_name,
        remote: subject.remote,
        post,
        categories: ReportCategory::ALL
            .iter()
            .map(|c| CategoryOption {
                value: c.as_str(),
                label: chrome.t.get(category_label(*c)),
                chosen: *c == ReportCategory::Other,
            })
            .collect(),
        chrome,
    }
}

pub async fn post_form(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let subject = reports::report_subject(&state.ctx, &user, Some(PostId(id)), None).await?;
    render(StatusCode::OK, &form_page(chrome, format!("/p/{id}/report"), subject))
}

pub async fn account_form(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(handle): Path<String>,
) -> Result<Response, WebError> {
    let subject = reports::report_subject(&state.ctx, &user, None, Some(&handle)).await?;
    render(StatusCode::OK, &form_page(chrome, format!("/u/{handle}/report"), subject))
}

#[derive(Deserialize)]
pub struct ReportForm {
    #[serde(default)]
    category: String,
    #[serde(default)]
    comment: String,
    /// A checkbox: present when ticked.
    #[serde(default)]
    forward: Option<String>,
    /// The reported account, for a report of a person.
    #[serde(default)]
    account_id: Option<i64>,
}

pub async fn post_submit(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(id): Path<i64>,
    Form(form): Form<ReportForm>,
) -> Result<Response, WebError> {
    submit(&state, chrome, &user, vec![id], form).await
}

pub async fn account_submit(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(_handle): Path<String>,
    Form(form): Form<ReportForm>,
) -> Result<Response, WebError> {
    submit(&state, chrome, &user, Vec::new(), form).await
}

async fn submit(
    state: &AppState,
    chrome: Chrome,
    user: &crate::service::CurrentUser,
    post_ids: Vec<i64>,
    form: ReportForm,
) -> Result<Response, WebError> {
    let input = ReportInput {
        account_id: form.account_id,
        post_ids,
        category: form.category,
        comment: form.comment,
        forward: form.forward.is_some(),
    };
    let report = reports::create_report(&state.ctx, user, input).await?;
    let page = ReportSentPage { chrome, handle: report.target_handle, forwarded: report.forwarded };
    render(StatusCode::OK, &page)
}

/// The message id of a category's name.
fn category_label(category: ReportCategory) -> &'static str {
    match category {
        ReportCategory::Spam => "report-category-spam",
        ReportCategory::Legal => "report-category-legal",
        ReportCategory::Violation => "report-category-violation",
        ReportCategory::Other => "report-category-other",
    }
}

/// The message id of what resolving a report did.
fn action_label(action: ReportAction) -> &'static str {
    match action {
        ReportAction::Dismissed => "report-action-dismissed",
        ReportAction::PostRemoved => "report-action-post-removed",
        ReportAction::Resolved => "report-action-resolved",
    }
}

/// One report as listed.
pub struct ReportRowView {
    pub id: i64,
    pub target_handle: String,
    pub target_id: i64,
    /// "Ban from group" link, when the report is about posts in one of our groups.
    pub ban_url: String,
    pub reporter: String,
    pub origin_host: String,
    pub category: String,
    pub comment: String,
    pub created_at: String,
    pub group: String,
    pub posts: Vec<SnapshotView>,
    pub resolved: bool,
    pub resolved_by: String,
    pub resolved_at: String,
    pub action: String,
    pub note: String,
}

impl ReportRowView {
    fn new(report: &ReportView, t: &Translator) -> Self {
        let ban_url = match &report.group {
            Some((_, name, true)) => {
                let actor: String =
                    form_urlencoded::byte_serialize(report.target_handle.as_bytes()).collect();
                format!("/g/{name}/bans/new?actor={actor}")
            }
            _ => String::new(),
        };
        Self {
            id: report.id,
            target_handle: report.target_handle.clone(),
            target_id: report.target.id,
            ban_url,
            reporter: match (&report.origin_host, &report.reporter) {
                (None, Some(reporter)) => reporter.name.clone(),
                _ => String::new(),
            },
            origin_host: report.origin_host.clone().unwrap_or_default(),
            category: t.get(category_label(report.category)),
            comment: report.comment.clone(),
            created_at: t.datetime(report.created_at),
            group: report.group.as_ref().map(|(_, name, _)| name.clone()).unwrap_or_default(),
            posts: report.posts.iter().map(|p| SnapshotView::new(p, t)).collect(),
            resolved: report.resolved_at.is_some(),
            resolved_by: report.resolved_by.as_ref().map(|(_, name)| name.clone()).unwrap_or_default(),
            resolved_at: report.resolved_at.map(|at| t.datetime(at)).unwrap_or_default(),
            action: report.action.map(|a| t.get(action_label(a))).unwrap_or_default(),
            note: report.resolution_note.clone(),
        }
    }
}

#[derive(Template)]
#[template(path = "reports/list.html")]
pub struct ReportsPage {
    pub chrome: Chrome,
    pub heading: String,
    /// This page's path, where the actions come back to.
    pub base: String,
    pub resolved: bool,
    pub viewer_is_admin: bool,
    pub reports: Vec<ReportRowView>,
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    resolved: Option<String>,
}

pub async fn group_reports(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(name): Path<String>,
    Query(query): Query<ListQuery>,
) -> Result<Response, WebError> {
    let resolved = query.resolved.is_some();
    let filter = ReportFilter { group: Some(name.clone()), resolved, ..Default::default() };
    let found = reports::list_reports(&state.ctx, &user, &filter).await?;
    let heading = chrome.t.arg("reports-group-title", "group", &name);
    list_page(
        chrome,
        heading,
        format!("/g/{name}/reports"),
        resolved,
        user.may(Permission::ModerateAccounts),
        &found,
    )
}

pub async fn admin_reports(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Query(query): Query<ListQuery>,
) -> Result<Response, WebError> {
    let resolved = query.resolved.is_some();
    let filter = ReportFilter { group: None, resolved, ..Default::default() };
    let found = reports::list_reports(&state.ctx, &user, &filter).await?;
    let heading = chrome.t.get("reports-admin-title");
    list_page(
        chrome,
        heading,
        "/admin/reports".to_owned(),
        resolved,
        user.may(Permission::ModerateAccounts),
        &found,
    )
}

fn list_page(
    chrome: Chrome,
    heading: String,
    base: String,
    resolved: bool,
    viewer_is_admin: bool,
    found: &[ReportView],
) -> Result<Response, WebError> {
    let reports = found.iter().map(|r| ReportRowView::new(r, &chrome.t)).collect();
    render(StatusCode::OK, &ReportsPage { chrome, heading, base, resolved, viewer_is_admin, reports })
}

#[derive(Deserialize)]
pub struct ResolveForm {
    /// `dismiss`, `resolve` or `remove` (with `post_id`).
    #[serde(default)]
    action: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    post_id: Option<i64>,
    /// The page to come back to.
    #[serde(default)]
    back: String,
}

pub async fn resolve(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(id): Path<i64>,
    Form(form): Form<ResolveForm>,
) -> Result<Response, WebError> {
    let ctx = &state.ctx;
    match (form.action.as_str(), form.post_id) {
        ("remove", Some(post)) => reports::remove_reported_post(ctx, &user, id, post, &form.note).await?,
        ("dismiss", _) => {
            reports::resolve_report(ctx, &user, id, Desk::Moderation, ReportAction::Dismissed, &form.note)
                .await?
        }
        ("reopen", _) => reports::reopen_report(ctx, &user, id, Desk::Moderation).await?,
        _ => {
            reports::resolve_report(ctx, &user, id, Desk::Moderation, ReportAction::Resolved, &form.note)
                .await?
        }
    }
    Ok(Redirect::to(safe_back(&form.back)).into_response())
}

/// Only our own report pages are places to come back to.
fn safe_back(back: &str) -> &str {
    let group_page =
        back.strip_prefix("/g/").and_then(|rest| rest.strip_suffix("/reports")).is_some_and(|name| {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c))
        });
    if group_page { back } else { "/admin/reports" }
}
