//! What templates see: display-ready strings and flags, built from service read models.

use super::i18n::{Translator, field_errors};
use crate::domain::language::UI_LANGUAGES;
use crate::domain::project::{MeasureStatus, Project, ProjectDate, ProjectStatus};
use crate::domain::{FieldErrors, GroupKind, Timestamp};
use crate::federation::uris;
use crate::service::media::MediaView;
use crate::service::projects::{DirectoryEntry, PartnerActor};
use crate::service::{ActorRef, CurrentUser, GroupDetails, GroupSummary, Paged, PostDetails};

/// The frame of every page: instance name, who is signed in, the form token, and the language
/// the page speaks (`t` translates, `lang` goes into `<html lang>`).
#[derive(Debug, Clone)]
pub struct Chrome {
    pub instance_name: String,
    pub user: Option<UserChip>,
    pub csrf_token: String,
    pub lang: String,
    pub t: Translator,
    /// This page's path and query, where the language menu comes back to.
    pub path: String,
    /// The signed-in person's unread notifications, counted in the header.
    pub unread_notifications: i64,
}

#[derive(Debug, Clone)]
pub struct UserChip {
    pub name: String,
    pub is_admin: bool,
    /// Admins and instance moderators: the reports desk and the accounts list.
    pub moderates: bool,
    pub shown_name: String,
    pub url: String,
}

impl Chrome {
    pub fn new(
        instance_name: &str,
        user: Option<&CurrentUser>,
        csrf_token: String,
        t: Translator,
        path: String,
    ) -> Self {
        Self {
            instance_name: instance_name.to_owned(),
            lang: t.code().to_owned(),
            t,
            path,
            user: user.map(|u| UserChip {
                name: u.name.clone(),
                is_admin: u.is_admin(),
                moderates: u.may(crate::domain::Permission::ModerateAccounts),
                shown_name: if u.display_name.is_empty() { u.name.clone() } else { u.display_name.clone() },
                url: uris::user_path(&u.name),
            }),
            csrf_token,
            unread_notifications: 0,
        }
    }

    /// The same frame with the signed-in person's unread notification count.
    pub fn with_unread_notifications(mut self, count: i64) -> Self {
        self.unread_notifications = count;
        self
    }

    pub fn signed_in(&self) -> bool {
        self.user.is_some()
    }

    /// Whether the viewer is one of the instance's admins.
    pub fn is_admin(&self) -> bool {
        self.user.as_ref().is_some_and(|user| user.is_admin)
    }

    /// The interface languages with their own names, for the language menu.
    pub fn languages(&self) -> &'static [(&'static str, &'static str)] {
        UI_LANGUAGES
    }
}

/// A link to a person or group.
#[derive(Debug, Clone)]
pub struct ActorLink {
    pub shown_name: String,
    pub handle: String,
    pub url: String,
}

impl ActorLink {
    pub(crate) fn person(actor: &ActorRef) -> Self {
        Self {
            shown_name: actor.shown_name().to_owned(),
            handle: actor.handle(),
            url: uris::user_path(&actor.handle()),
        }
    }

    pub(crate) fn group(actor: &ActorRef) -> Self {
        Self {
            shown_name: actor.shown_name().to_owned(),
            handle: actor.handle(),
            url: uris::group_path(&actor.handle()),
        }
    }
}

#[derive(Debug, Clone)]
pub struct PostView {
    pub id: i64,
    pub anchor: String,
    pub url: String,
    pub thread_url: String,
    pub title: String,
    pub content_html: String,
    /// Empty when the post has no content warning.
    pub content_warning: String,
    pub excerpt: String,
    pub language: String,
    pub author: ActorLink,
    /// Where the author's avatar is; `None` shows none.
    pub author_avatar: Option<String>,
    pub group: Option<ActorLink>,
    pub created_at: Timestamp,
    pub created_iso: String,
    pub edited: bool,
    pub deleted: bool,
    pub is_reply_to_reply: bool,
    pub in_reply_to_anchor: String,
    pub reply_count: i64,
    pub like_count: i64,
    pub viewer_liked: bool,
    pub can_edit: bool,
    pub can_delete: bool,
    /// The viewer moderates the post's group: remove, restore and ban show.
    pub can_moderate: bool,
    /// Removed by the moderators, with their reason (may be empty).
    pub removal_reason: Option<String>,
    pub images: Vec<ImageView>,
    /// Message id of "hidden: you blocked/muted this person"; empty when the post is shown.
    pub hidden_note: &'static str,
    /// A pinned thread (shown first in its group, marked).
    pub pinned: bool,
    /// The viewer is offered to reply (not in a locked thread, not where the origin forbids).
    pub can_reply: bool,
    /// The viewer is offered to quote it.
    pub can_quote: bool,
    /// The viewer wrote it and may see who quotes it.
    pub is_own: bool,
    /// The post it quotes, embedded.
    pub quote: Option<QuoteEmbed>,
    /// Its poll.
    pub poll: Option<PollBox>,
}

/// A poll under its post: the options with counts and shares once the viewer voted or the poll
/// ended (unless the author hides them until the end), and a vote form while it runs.
#[derive(Debug, Clone)]
pub struct PollBox {
    pub post_id: i64,
    pub multiple: bool,
    /// Voting is over.
    pub expired: bool,
    /// When it ends or ended; empty for a poll without end (and `ends_at` unused).
    pub ends_iso: String,
    pub ends_at: Timestamp,
    pub has_end: bool,
    pub show_counts: bool,
    pub voters_count: i64,
    pub voted: bool,
    pub options: Vec<PollChoice>,
}

#[derive(Debug, Clone)]
pub struct PollChoice {
    pub position: usize,
    pub title: String,
    pub votes_count: i64,
    pub percent: i64,
    /// The viewer chose it.
    pub chosen: bool,
}

impl PollBox {
    fn of(poll: &crate::service::polls::PollView) -> Self {
        Self {
            post_id: poll.id,
            multiple: poll.multiple,
            expired: poll.expired,
            ends_iso: poll.expires_at.map(Timestamp::to_rfc3339).unwrap_or_default(),
            ends_at: poll.expires_at.unwrap_or(Timestamp::from_millis(0)),
            has_end: poll.expires_at.is_some(),
            show_counts: poll.totals_visible(),
            voters_count: poll.voters_count,
            voted: poll.voted(),
            options: poll
                .options
                .iter()
                .enumerate()
                .map(|(position, option)| PollChoice {
                    position,
                    title: option.title.clone(),
                    votes_count: option.votes_count,
                    percent: poll.percent(option),
                    chosen: i64::try_from(position).is_ok_and(|p| poll.own_votes.contains(&p)),
                })
                .collect(),
        }
    }

    /// The vote form shows: the poll runs and the viewer has not voted.
    pub fn open_for_vote(&self) -> bool {
        !self.expired && !self.voted
    }
}

/// A quoted post as shown inside the quoting one; a quote not (or no longer) approved shows a
/// note and a link instead.
#[derive(Debug, Clone)]
pub struct QuoteEmbed {
    /// Message id of the note for a quote not approved; empty when approved.
    pub note: &'static str,
    pub url: String,
    pub author_name: String,
    pub author_handle: String,
    pub content_html: String,
    /// The quoted post's language.
    pub language: String,
}

impl QuoteEmbed {
    fn of(quote: &crate::service::statuses::StatusQuote) -> Self {
        use crate::domain::interaction::QuoteState;
        match (&quote.quoted, quote.state) {
            (Some(quoted), QuoteState::Accepted) => {
                let handle = match &quoted.author.host {
                    Some(host) => format!("{}@{host}", quoted.author.name),
                    None => quoted.author.name.clone(),
                };
                let url = if quoted.local {
                    if quoted.id == quoted.root_id {
                        uris::thread_path(crate::domain::PostId(quoted.id))
                    } else {
                        uris::post_in_thread_path(
                            crate::domain::PostId(quoted.root_id),
                            crate::domain::PostId(quoted.id),
                        )
                    }
                } else {
                    quoted.ap_id.clone().unwrap_or_default()
                };
                let title = quoted.title.as_deref().filter(|_| quoted.id == quoted.root_id);
                let content_html = match title {
                    Some(title) => format!(
                        "<p><strong>{}</strong></p>{}",
                        crate::domain::html::escape_text(title),
                        quoted.content_html
                    ),
                    None => quoted.content_html.clone(),
                };
                Self {
                    note: "",
                    url,
                    author_name: if quoted.author.display_name.is_empty() {
                        quoted.author.name.clone()
                    } else {
                        quoted.author.display_name.clone()
                    },
                    author_handle: handle,
                    content_html,
                    language: quoted.language.clone(),
                }
            }
            (_, state) => Self {
                note: match state {
                    QuoteState::Pending => "quote-pending",
                    QuoteState::Rejected => "quote-rejected",
                    QuoteState::Revoked => "quote-revoked",
                    QuoteState::Accepted => "quote-unavailable",
                },
                url: quote.quoted_ap_id.clone(),
                author_name: String::new(),
                author_handle: String::new(),
                content_html: String::new(),
                language: String::new(),
            },
        }
    }
}

/// An attached image: a preview that links to the full size.
#[derive(Debug, Clone)]
pub struct ImageView {
    pub url: String,
    pub preview_url: String,
    /// The author's description; empty when they gave none.
    pub alt: String,
    pub width: i64,
    pub height: i64,
}

impl From<&MediaView> for ImageView {
    fn from(media: &MediaView) -> Self {
        let url = match (&media.file_name, &media.remote_url) {
            (Some(name), _) => uris::media_path(name),
            (None, Some(remote)) => remote.clone(),
            (None, None) => String::new(),
        };
        let preview_url = media.preview_name.as_deref().map_or_else(|| url.clone(), uris::media_path);
        Self {
            url,
            preview_url,
            alt: media.description.clone(),
            width: media.width.unwrap_or_default(),
            height: media.height.unwrap_or_default(),
        }
    }
}

/// One image of the composer: its file and alt text fields (`image_1`, `alt_1`, …).
#[derive(Debug, Clone, Copy)]
pub struct ImageSlot {
    pub number: usize,
    pub file: &'static str,
    pub alt: &'static str,
}

/// The composer's image fields, as many as a post may carry.
pub const IMAGE_SLOTS: [ImageSlot; 4] = [
    ImageSlot { number: 1, file: "image_1", alt: "alt_1" },
    ImageSlot { number: 2, file: "image_2", alt: "alt_2" },
    ImageSlot { number: 3, file: "image_3", alt: "alt_3" },
    ImageSlot { number: 4, file: "image_4", alt: "alt_4" },
];

/// For templates: [`IMAGE_SLOTS`].
pub fn image_slots() -> [ImageSlot; 4] {
    IMAGE_SLOTS
}

/// The `src` of a stored avatar or header: our own file under `/media/`, or a remote URL.
pub fn profile_image_src(stored: Option<&str>) -> Option<String> {
    let stored = stored?;
    if stored.starts_with("https://") || stored.starts_with("http://") {
        Some(stored.to_owned())
    } else if crate::media::store::is_media_file_name(stored) {
        Some(format!("/media/{stored}"))
    } else {
        None
    }
}

impl From<&PostDetails> for PostView {
    fn from(post: &PostDetails) -> Self {
        let text = strip_tags(&post.content_html);
        let excerpt: String = text.chars().take(240).collect();
        let excerpt = if text.chars().count() > 240 { format!("{}…", excerpt.trim_end()) } else { excerpt };
        Self {
            id: post.id.0,
            anchor: format!("p{}", post.id.0),
            url: uris::post_in_thread_path(post.root_id, post.id),
            thread_url: uris::thread_path(post.root_id),
            title: post.title.clone().unwrap_or_default(),
            content_html: post.content_html.clone(),
            content_warning: post.content_warning.clone().unwrap_or_default(),
            excerpt,
            language: post.language.clone(),
            author: ActorLink::person(&post.author),
            author_avatar: profile_image_src(post.author_avatar.as_deref()),
            group: post.group.as_ref().map(ActorLink::group),
            created_at: post.created_at,
            created_iso: post.created_at.to_rfc3339(),
            edited: post.updated_at.is_some(),
            deleted: post.deleted,
            is_reply_to_reply: post.in_reply_to_id.is_some_and(|parent| parent != post.root_id),
            in_reply_to_anchor: post.in_reply_to_id.map(|p| format!("#p{}", p.0)).unwrap_or_default(),
            reply_count: post.reply_count,
            like_count: post.like_count,
            viewer_liked: post.viewer_liked,
            can_edit: post.viewer_can_edit,
            can_delete: post.viewer_can_delete,
            can_moderate: post.viewer_can_moderate,
            removal_reason: post.removal_reason.clone(),
            images: post.media.iter().map(ImageView::from).collect(),
            hidden_note: match post.hidden_because {
                Some(crate::service::HiddenBecause::Blocked) => "blocks-hidden-blocked",
                Some(crate::service::HiddenBecause::Muted) => "blocks-hidden-muted",
                None => "",
            },
            pinned: post.pinned,
            can_reply: post.offers_reply(),
            can_quote: post.offers_quote(),
            is_own: post.viewer_is_author,
            quote: post.quote.as_ref().map(QuoteEmbed::of),
            poll: post.poll.as_ref().map(PollBox::of),
        }
    }
}

#[derive(Debug, Clone)]
pub struct GroupCardView {
    pub name: String,
    pub url: String,
    pub title: String,
    pub kind: String,
    /// Message id of the kind's name.
    pub kind_label: &'static str,
    pub summary_html: String,
    pub follower_count: i64,
    pub thread_count: i64,
}

impl From<&GroupSummary> for GroupCardView {
    fn from(group: &GroupSummary) -> Self {
        Self {
            name: group.name.clone(),
            url: uris::group_path(&group.name),
            title: group.title.clone(),
            kind: group.kind.as_str().to_owned(),
            kind_label: kind_label(group.kind),
            summary_html: group.summary_html.clone(),
            follower_count: group.follower_count,
            thread_count: group.thread_count,
        }
    }
}

#[derive(Debug, Clone)]
pub struct GroupView {
    pub name: String,
    /// Where a group of another instance lives; empty for local groups.
    pub remote_url: String,
    pub url: String,
    pub title: String,
    pub kind: String,
    /// Message id of the kind's name.
    pub kind_label: &'static str,
    pub summary_html: String,
    /// The languages it declares, by their own names (`Deutsch`).
    pub languages: Vec<String>,
    pub created_at: Timestamp,
    pub follower_count: i64,
    pub thread_count: i64,
    /// Moderators with the message id of their role.
    pub moderators: Vec<(ActorLink, &'static str)>,
    pub viewer_follows: bool,
    pub viewer_follow_pending: bool,
    pub viewer_role: String,
    /// The viewer is banned from the group: the reason and, for a ban that ends, when.
    pub viewer_ban: Option<(String, Option<Timestamp>)>,
    /// Where the group moved (its page here when we know it); it takes no new posts then.
    pub moved: Option<super::pages::MovedView>,
}

impl From<&GroupDetails> for GroupView {
    fn from(group: &GroupDetails) -> Self {
        Self {
            name: group.name.clone(),
            remote_url: group.remote_url.clone().unwrap_or_default(),
            url: uris::group_path(&group.name),
            title: group.title.clone(),
            kind: group.kind.as_str().to_owned(),
            kind_label: kind_label(group.kind),
            summary_html: group.summary_html.clone(),
            languages: group
                .languages
                .iter()
                .map(|code| crate::domain::group::language_name(code).to_owned())
                .collect(),
            created_at: group.created_at,
            follower_count: group.follower_count,
            thread_count: group.thread_count,
            moderators: group
                .moderators
                .iter()
                .map(|(a, role)| (ActorLink::person(a), role_label(role)))
                .collect(),
            viewer_follows: group.viewer_follows,
            viewer_follow_pending: group.viewer_follow_pending,
            viewer_role: group.viewer_role.clone().unwrap_or_default(),
            viewer_ban: group.viewer_ban.as_ref().map(|ban| (ban.reason.clone(), ban.expires_at)),
            moved: group.moved_to.as_ref().map(|moved| super::pages::MovedView {
                url: moved.handle.as_deref().map_or_else(|| moved.id.clone(), uris::group_path),
                label: moved.handle.as_ref().map_or_else(|| moved.id.clone(), |handle| format!("@{handle}")),
            }),
        }
    }
}

/// A project as its group page and the directory show it.
#[derive(Debug, Clone)]
pub struct ProjectView {
    pub summary: String,
    pub status: &'static str,
    /// Message id of the status.
    pub status_label: &'static str,
    pub start: Option<Timestamp>,
    pub end: Option<Timestamp>,
    pub focus_areas: Vec<FocusAreaView>,
    pub tags: Vec<String>,
    pub region: String,
    pub partners: Vec<LinkView>,
    pub funders: Vec<LinkView>,
    pub website: String,
    pub contact: String,
    pub measures: Vec<MeasureView>,
}

/// A focus area: its word and, for the words of the default vocabulary, a message id.
#[derive(Debug, Clone)]
pub struct FocusAreaView {
    pub word: String,
    pub message: Option<&'static str>,
}

impl FocusAreaView {
    pub fn new(word: &str) -> Self {
        let message = match word {
            "mobility" => Some("project-focus-mobility"),
            "buildings" => Some("project-focus-buildings"),
            "energy" => Some("project-focus-energy"),
            "co-creation" => Some("project-focus-co-creation"),
            "leadership" => Some("project-focus-leadership"),
            "adaptation" => Some("project-focus-adaptation"),
            "nature" => Some("project-focus-nature"),
            _ => None,
        };
        Self { word: word.to_owned(), message }
    }
}

/// A name with an optional link (partners, funders); `detail` is a handle shown beside it.
#[derive(Debug, Clone)]
pub struct LinkView {
    pub name: String,
    pub detail: String,
    pub url: String,
}

#[derive(Debug, Clone)]
pub struct MeasureView {
    pub title: String,
    pub status: &'static str,
    /// Message id of the status.
    pub status_label: &'static str,
    pub due: Option<Timestamp>,
}

impl From<&Project> for ProjectView {
    fn from(project: &Project) -> Self {
        Self {
            summary: project.summary.clone(),
            status: project.status.as_str(),
            status_label: project_status_label(project.status),
            start: project.start.map(ProjectDate::timestamp),
            end: project.end.map(ProjectDate::timestamp),
            focus_areas: project.focus_areas.iter().map(|w| FocusAreaView::new(w)).collect(),
            tags: project.tags.clone(),
            region: project.region.clone(),
            partners: project.partners.iter().map(|p| partner_link(p, &[])).collect(),
            funders: project
                .funders
                .iter()
                .map(|f| LinkView {
                    name: f.name.clone(),
                    detail: String::new(),
                    url: f.url.clone().unwrap_or_default(),
                })
                .collect(),
            website: project.website.clone().unwrap_or_default(),
            contact: project.contact.clone(),
            measures: project
                .measures
                .iter()
                .map(|m| MeasureView {
                    title: m.title.clone(),
                    status: m.status.as_str(),
                    status_label: match m.status {
                        MeasureStatus::Planned => "project-measure-planned",
                        MeasureStatus::Running => "project-measure-running",
                        MeasureStatus::Done => "project-measure-done",
                    },
                    due: m.due.map(ProjectDate::timestamp),
                })
                .collect(),
        }
    }
}

/// A partner: linked to the profile of the actor its reference resolved to (groups and our own
/// people here, people of other instances on their own instance), else to the web address it
/// gives; a handle that did not resolve, and a bare name, stay text.
fn partner_link(partner: &crate::domain::project::Partner, resolved: &[PartnerActor]) -> LinkView {
    let reference = partner.reference.clone().unwrap_or_default();
    let actor = resolved.iter().find(|actor| actor.reference == reference && !reference.is_empty());
    let url = match actor {
        Some(actor) if actor.kind == "group" => uris::group_path(&actor.handle),
        Some(actor) => actor.remote_url.clone().unwrap_or_else(|| uris::user_path(&actor.handle)),
        None if reference.starts_with("http") => reference.clone(),
        None => String::new(),
    };
    let (name, detail) =
        if partner.name.is_empty() { (reference, String::new()) } else { (partner.name.clone(), reference) };
    LinkView { name, detail, url }
}

impl ProjectView {
    /// A project whose resolved partners link to their profiles here.
    pub fn with_partner_actors(project: &Project, resolved: &[PartnerActor]) -> Self {
        let mut view = Self::from(project);
        view.partners = project.partners.iter().map(|p| partner_link(p, resolved)).collect();
        view
    }

    /// The project's start and end in the reader's language; empty when neither is known.
    pub fn timeframe(&self, t: &Translator) -> String {
        match (self.start, self.end) {
            (Some(start), Some(end)) => format!("{} – {}", t.date(start), t.date(end)),
            (Some(start), None) => t.arg("project-from", "date", t.date(start)),
            (None, Some(end)) => t.arg("project-until", "date", t.date(end)),
            (None, None) => String::new(),
        }
    }
}

impl MeasureView {
    /// "due 30 September 2026" in the reader's language; empty without a due day.
    pub fn due_text(&self, t: &Translator) -> String {
        self.due.map(|due| t.arg("project-measure-due", "date", t.date(due))).unwrap_or_default()
    }
}

/// The message id of a project status.
pub fn project_status_label(status: ProjectStatus) -> &'static str {
    match status {
        ProjectStatus::Idea => "project-status-idea",
        ProjectStatus::Planned => "project-status-planned",
        ProjectStatus::Running => "project-status-running",
        ProjectStatus::Completed => "project-status-completed",
        ProjectStatus::Paused => "project-status-paused",
    }
}

/// One project of the directory.
#[derive(Debug, Clone)]
pub struct DirectoryProjectView {
    pub url: String,
    pub title: String,
    pub handle: String,
    /// Empty for local projects.
    pub host: String,
    pub featured: bool,
    pub followed: bool,
    pub project: Option<ProjectView>,
}

impl From<&DirectoryEntry> for DirectoryProjectView {
    fn from(entry: &DirectoryEntry) -> Self {
        Self {
            url: uris::group_path(&entry.handle),
            title: entry.title.clone(),
            handle: entry.handle.clone(),
            host: entry.host.clone().unwrap_or_default(),
            featured: entry.featured,
            followed: entry.followed,
            project: entry.project.as_ref().map(ProjectView::from),
        }
    }
}

/// The message id of a kind of group's name.
pub fn kind_label(kind: GroupKind) -> &'static str {
    match kind {
        GroupKind::Project => "group-kind-project",
        GroupKind::Discussion => "group-kind-discussion",
    }
}

/// The message id of a moderator's role (`owner` or `moderator`).
fn role_label(role: &str) -> &'static str {
    match role {
        "owner" => "group-role-owner",
        _ => "group-role-moderator",
    }
}

/// A list page's items and the link to the next page.
#[derive(Debug, Clone)]
pub struct ListView<T> {
    pub items: Vec<T>,
    pub next_url: Option<String>,
}

impl<T> ListView<T> {
    /// Converts a page of read models; `next_url` gets the next cursor appended.
    pub fn from_paged<S>(paged: &Paged<S>, base: &str, param: &str) -> Self
    where
        T: for<'a> From<&'a S>,
    {
        let separator = if base.contains('?') { '&' } else { '?' };
        Self {
            items: paged.items.iter().map(T::from).collect(),
            next_url: paged.next_cursor.as_ref().map(|cursor| format!("{base}{separator}{param}={cursor}")),
        }
    }
}

/// Field errors, already in the page's language, for re-showing a form.
#[derive(Debug, Clone, Default)]
pub struct FormState {
    errors: Vec<(&'static str, String)>,
}

impl FormState {
    /// The errors of a refused form, each translated.
    pub fn new(errors: &FieldErrors, t: &Translator) -> Self {
        Self { errors: errors.iter().map(|e| (e.field, field_errors::translate(e, t))).collect() }
    }

    /// One message about the form as a whole, e.g. a failed sign-in.
    pub fn general_message(message: String) -> Self {
        Self { errors: vec![("form", message)] }
    }

    pub fn error(&self, field: &str) -> String {
        self.errors.iter().find(|(f, _)| *f == field).map(|(_, m)| m.clone()).unwrap_or_default()
    }

    pub fn has_error(&self, field: &str) -> bool {
        self.errors.iter().any(|(f, _)| *f == field)
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// Errors that belong to no field shown in the form.
    pub fn general(&self) -> Vec<String> {
        self.errors.iter().filter(|(f, _)| *f == "form").map(|(_, m)| m.clone()).collect()
    }
}

/// Plain text of sanitised HTML, for excerpts.
pub(crate) fn strip_tags(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let collapsed: Vec<&str> = text.split_whitespace().collect();
    collapsed
        .join(" ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}
