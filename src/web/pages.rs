//! One template struct per page. Fields are view structs and plain values only.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use super::error::WebError;
use super::view::{
    Chrome, DirectoryProjectView, FocusAreaView, FormState, GroupCardView, GroupView, ListView, PostView,
    ProjectView,
};
use crate::domain::Timestamp;
use crate::domain::project::ProjectForm;

/// Renders a page with a status (200 for pages, 422 for a form shown again with errors).
pub fn render(status: StatusCode, page: &impl Template) -> Result<Response, WebError> {
    Ok((status, Html(page.render()?)).into_response())
}

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    pub chrome: Chrome,
    pub description: String,
    pub groups: Vec<GroupCardView>,
    pub more_groups: bool,
    pub threads: ListView<PostView>,
}

#[derive(Template)]
#[template(path = "groups/directory.html")]
pub struct DirectoryPage {
    pub chrome: Chrome,
    pub kind_filter: String,
    pub groups: ListView<GroupCardView>,
}

#[derive(Template)]
#[template(path = "groups/new.html")]
pub struct NewGroupPage {
    pub chrome: Chrome,
    pub form: FormState,
    pub name: String,
    pub kind: String,
    pub title: String,
    pub description: String,
}

#[derive(Template)]
#[template(path = "groups/show.html")]
pub struct GroupPage {
    pub chrome: Chrome,
    pub group: GroupView,
    pub threads: ListView<PostView>,
    /// The project of a project group, when it has been described.
    pub project: Option<ProjectView>,
}

#[derive(Template)]
#[template(path = "projects/edit.html")]
pub struct ProjectEditPage {
    pub chrome: Chrome,
    pub form: FormState,
    pub group_name: String,
    pub group_title: String,
    pub group_url: String,
    pub fields: ProjectForm,
    /// Each offered focus area and whether it is chosen.
    pub focus_areas: Vec<(FocusAreaView, bool)>,
    pub statuses: Vec<(&'static str, &'static str)>,
}

#[derive(Template)]
#[template(path = "projects/network.html")]
pub struct NetworkPage {
    pub chrome: Chrome,
    pub group_title: String,
    pub group_url: String,
    /// Handle, title, link and whether the follow was accepted, per followed group.
    pub followed: Vec<(String, String, String, bool)>,
    pub followed_count: i64,
    pub threads: ListView<PostView>,
    pub viewer_moderates: bool,
    pub follow_error: String,
    pub handle: String,
}

#[derive(Template)]
#[template(path = "projects/directory.html")]
pub struct ProjectDirectoryPage {
    pub chrome: Chrome,
    pub projects: Vec<DirectoryProjectView>,
    pub count: i64,
    pub statuses: Vec<(&'static str, &'static str)>,
    pub focus_areas: Vec<FocusAreaView>,
    pub status: String,
    pub focus_area: String,
    pub region: String,
    pub partner: String,
    /// Why featuring failed, if it did.
    pub feature_error: String,
    pub feature_handle: String,
}

#[derive(Template)]
#[template(path = "threads/new.html")]
pub struct NewThreadPage {
    pub chrome: Chrome,
    pub group_name: String,
    pub group_url: String,
    pub form: FormState,
    pub title: String,
    pub body: String,
}

#[derive(Template)]
#[template(path = "threads/show.html")]
pub struct ThreadPage {
    pub chrome: Chrome,
    pub opener: PostView,
    pub replies: ListView<PostView>,
    pub first_page_url: Option<String>,
}

#[derive(Template)]
#[template(path = "posts/reply.html")]
pub struct ReplyPage {
    pub chrome: Chrome,
    pub parent: PostView,
    pub form: FormState,
    pub body: String,
}

#[derive(Template)]
#[template(path = "posts/edit.html")]
pub struct EditPostPage {
    pub chrome: Chrome,
    pub post: PostView,
    pub is_opener: bool,
    pub form: FormState,
    pub title: String,
    pub body: String,
}

#[derive(Template)]
#[template(path = "users/show.html")]
pub struct UserPage {
    pub chrome: Chrome,
    pub name: String,
    pub shown_name: String,
    pub bio_html: String,
    pub joined_at: Timestamp,
    pub posts: ListView<PostView>,
}

#[derive(Template)]
#[template(path = "auth/login.html")]
pub struct LoginPage {
    pub chrome: Chrome,
    pub form: FormState,
    pub username: String,
    pub registrations_open: bool,
}

#[derive(Template)]
#[template(path = "auth/register.html")]
pub struct RegisterPage {
    pub chrome: Chrome,
    pub form: FormState,
    pub username: String,
    pub email: String,
}

#[derive(Template)]
#[template(path = "settings/profile.html")]
pub struct ProfileSettingsPage {
    pub chrome: Chrome,
    pub form: FormState,
    pub saved: bool,
    pub display_name: String,
    pub bio: String,
    pub language: String,
    pub languages: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchPage {
    pub chrome: Chrome,
    pub query: String,
    pub message: String,
}

#[derive(Debug, Clone)]
pub struct PeerRow {
    pub host: String,
    pub policy: String,
    pub last_seen: String,
    pub unavailable_since: String,
    pub pending: i64,
    pub failed: i64,
    pub delivered: i64,
    pub last_error: String,
}

#[derive(Template)]
#[template(path = "admin/federation.html")]
pub struct FederationAdminPage {
    pub chrome: Chrome,
    pub peers: Vec<PeerRow>,
    pub allowlist_only: bool,
}

#[derive(Template)]
#[template(path = "feed.html")]
pub struct FeedPage {
    pub chrome: Chrome,
    pub threads: ListView<PostView>,
}
