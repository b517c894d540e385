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
#[template(path = "groups/edit.html")]
pub struct GroupEditPage {
    pub chrome: Chrome,
    pub form: FormState,
    pub group_name: String,
    pub group_url: String,
    pub title: String,
    pub description: String,
    /// Each of the six languages: code, own name, whether it is chosen.
    pub languages: Vec<(&'static str, &'static str, bool)>,
    /// The group's avatar (`src`), if it has one.
    pub avatar: Option<String>,
}

#[derive(Template)]
#[template(path = "groups/show.html")]
pub struct GroupPage {
    pub chrome: Chrome,
    pub group: GroupView,
    pub threads: ListView<PostView>,
    /// The project of a project group, when it has been described.
    pub project: Option<ProjectView>,
    /// The viewer watches the group (is told of each new thread).
    pub watching: bool,
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
    /// All projects that match, on every page.
    pub count: i64,
    pub previous_url: Option<String>,
    pub next_url: Option<String>,
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
    /// The language the post is written in (the member's own, unless they chose another).
    pub post_language: String,
}

#[derive(Template)]
#[template(path = "threads/show.html")]
pub struct ThreadPage {
    pub chrome: Chrome,
    pub opener: PostView,
    pub replies: ListView<PostView>,
    pub first_page_url: Option<String>,
    /// The reply form's language: the member's own.
    pub post_language: String,
    /// A locked thread shows a notice instead of the reply form.
    pub locked: bool,
    /// The viewer moderates the group: the lock or unlock button shows.
    pub can_lock: bool,
    /// The viewer watches the thread (is told of each new reply).
    pub watching: bool,
    /// Pinned to the top of its group.
    pub pinned: bool,
    /// The viewer may pin or unpin it (a moderator of one of our groups).
    pub can_pin: bool,
}

#[derive(Template)]
#[template(path = "posts/reply.html")]
pub struct ReplyPage {
    pub chrome: Chrome,
    pub parent: PostView,
    pub form: FormState,
    pub body: String,
    pub post_language: String,
}

#[derive(Template)]
#[template(path = "posts/quote.html")]
pub struct QuotePage {
    pub chrome: Chrome,
    pub quoted: PostView,
    pub form: FormState,
    pub body: String,
    pub post_language: String,
    /// Who may quote the new post: `public`, `followers` or `nobody`.
    pub quote_policy: &'static str,
}

/// An approved quote of one's post.
#[derive(Debug, Clone)]
pub struct StampView {
    pub id: i64,
    pub quoting_url: String,
}

#[derive(Template)]
#[template(path = "posts/quotes.html")]
pub struct QuotesPage {
    pub chrome: Chrome,
    pub post: PostView,
    pub stamps: Vec<StampView>,
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
    pub organisation: Option<super::member_views::OrganisationView>,
    pub goals: Vec<super::goal_views::GoalCardView>,
    /// Block/Mute buttons for a signed-in viewer.
    pub safety: Option<super::block_views::ProfileSafetyView>,
    /// Follow/Unfollow for a signed-in viewer (not on their own page, nor a moved account's).
    pub follow: Option<FollowButtonView>,
    /// Where the account moved.
    pub moved: Option<MovedView>,
    /// For a person elsewhere: their instance, home page and avatar.
    pub remote: Option<RemoteProfileView>,
    pub avatar: Option<String>,
    pub header: Option<String>,
}

/// The follow form on a profile: posts to `{action}/follow` or `{action}/unfollow`.
#[derive(Debug, Clone)]
pub struct FollowButtonView {
    pub action: String,
    pub following: bool,
    pub pending: bool,
}

#[derive(Debug, Clone)]
pub struct MovedView {
    pub url: String,
    pub label: String,
}

#[derive(Debug, Clone)]
pub struct RemoteProfileView {
    pub host: String,
    pub profile_url: String,
}

/// The posts with a hashtag.
#[derive(Template)]
#[template(path = "tags/show.html")]
pub struct TagPage {
    pub chrome: Chrome,
    /// Normalised, without `#`.
    pub name: String,
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
    pub mode: RegisterMode,
    pub reason: String,
    pub invite: String,
}

/// What the register form asks besides the account, by registration mode.
#[derive(Debug, Clone)]
pub struct RegisterMode {
    /// Approval mode: the question the applicant answers (empty otherwise).
    pub approval_question: String,
    pub approval: bool,
    pub invite_only: bool,
    /// Invite mode: the link's invite can still be used.
    pub invite_live: bool,
    /// The sum to answer (`registration.challenge`), bound to the visitor's form token.
    pub challenge: Option<crate::web::spam_guard::Challenge>,
    /// The honeypot field's name (see `spam_guard`).
    pub honeypot: &'static str,
}

impl RegisterMode {
    pub fn new(state: &crate::state::AppState, invite_live: bool, csrf_token: &str) -> Self {
        use crate::domain::registration::RegistrationMode;
        use crate::web::spam_guard::{Challenge, HONEYPOT_FIELD};
        let mode = state.ctx.settings.registration_mode;
        Self {
            approval_question: state.config.registration.approval_question.clone(),
            approval: mode == RegistrationMode::Approval,
            invite_only: mode == RegistrationMode::Invite,
            invite_live,
            challenge: state.config.registration.challenge.then(|| Challenge::new(csrf_token)),
            honeypot: HONEYPOT_FIELD,
        }
    }

    /// Whether the form is shown at all (not for invite mode without a usable invite).
    pub fn shows_form(&self) -> bool {
        !self.invite_only || self.invite_live
    }
}

#[derive(Template)]
#[template(path = "auth/register_applied.html")]
pub struct ApplicationReceivedPage {
    pub chrome: Chrome,
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
    pub organisation: crate::service::accounts::OrganisationInput,
    /// Organisation types with the message id of their name.
    pub org_types: Vec<(String, &'static str)>,
    /// Who may quote new posts by default: `public`, `followers` or `nobody`.
    pub quote_policy: &'static str,
    /// The current avatar and header (`src`), if any.
    pub avatar: Option<String>,
    pub header: Option<String>,
}

#[derive(Template)]
#[template(path = "feed.html")]
pub struct FeedPage {
    pub chrome: Chrome,
    pub threads: ListView<PostView>,
}

/// `/feed/home`: the member's home timeline as apps see it (`/api/v1/timelines/home`): posts
/// of the people and groups they follow, their own, and boosts.
#[derive(Template)]
#[template(path = "feed_home.html")]
pub struct HomeTimelinePage {
    pub chrome: Chrome,
    pub entries: Vec<TimelineEntryView>,
    pub next_url: Option<String>,
}

/// One post in the home timeline.
#[derive(Debug, Clone)]
pub struct TimelineEntryView {
    pub url: String,
    pub title: String,
    pub content_html: String,
    pub content_warning: String,
    pub language: String,
    pub author: super::view::ActorLink,
    pub group: Option<super::view::ActorLink>,
    /// Who boosted it, when this entry is a boost.
    pub shared_by: Option<super::view::ActorLink>,
    pub created_at: Timestamp,
    pub created_iso: String,
}

#[derive(Debug, Clone)]
pub struct ApplicationRow {
    pub account_id: i64,
    pub name: String,
    pub email: String,
    pub reason: String,
    pub applied_at: String,
}

#[derive(Template)]
#[template(path = "admin/registrations.html")]
pub struct RegistrationsAdminPage {
    pub chrome: Chrome,
    pub mode: &'static str,
    pub question: String,
    pub applications: Vec<ApplicationRow>,
}

#[derive(Debug, Clone)]
pub struct InviteRow {
    pub id: i64,
    pub created_by: String,
    pub created_at: String,
    pub uses: String,
    pub expires: String,
    pub live: bool,
}

#[derive(Template)]
#[template(path = "admin/registrations_invites.html")]
pub struct InvitesAdminPage {
    pub chrome: Chrome,
    pub form: FormState,
    /// The link just made, shown once.
    pub new_link: Option<String>,
    pub invite_mode: bool,
    pub invites: Vec<InviteRow>,
}

#[derive(Template)]
#[template(path = "goals/index.html")]
pub struct GoalsPage {
    pub chrome: Chrome,
    /// The handle whose goals are listed; empty for all.
    pub owner: String,
    pub goals: Vec<super::goal_views::GoalCardView>,
}

#[derive(Template)]
#[template(path = "goals/show.html")]
pub struct GoalPage {
    pub chrome: Chrome,
    pub goal: super::goal_views::GoalPageView,
    pub form: FormState,
    pub progress: crate::domain::goal::ProgressInput,
}

#[derive(Template)]
#[template(path = "goals/new.html")]
pub struct NewGoalPage {
    pub chrome: Chrome,
    pub form: FormState,
    /// The project group the goal is for; empty for the member's own.
    pub group: String,
    pub goal: crate::domain::goal::GoalInput,
    /// Set when the form edits an existing goal.
    pub edit_id: Option<i64>,
}
