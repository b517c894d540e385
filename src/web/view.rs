//! What templates see: display-ready strings and flags, built from service read models.

use super::i18n::{Translator, field_errors};
use crate::domain::language::UI_LANGUAGES;
use crate::domain::{FieldErrors, GroupKind, Timestamp};
use crate::federation::uris;
use crate::service::media::MediaView;
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
}

#[derive(Debug, Clone)]
pub struct UserChip {
    pub name: String,
    pub is_admin: bool,
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
                shown_name: if u.display_name.is_empty() { u.name.clone() } else { u.display_name.clone() },
                url: uris::user_path(&u.name),
            }),
            csrf_token,
        }
    }

    pub fn signed_in(&self) -> bool {
        self.user.is_some()
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
    pub images: Vec<ImageView>,
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
            images: post.media.iter().map(ImageView::from).collect(),
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
    pub created_at: Timestamp,
    pub follower_count: i64,
    pub thread_count: i64,
    /// Moderators with the message id of their role.
    pub moderators: Vec<(ActorLink, &'static str)>,
    pub viewer_follows: bool,
    pub viewer_role: String,
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
            created_at: group.created_at,
            follower_count: group.follower_count,
            thread_count: group.thread_count,
            moderators: group
                .moderators
                .iter()
                .map(|(a, role)| (ActorLink::person(a), role_label(role)))
                .collect(),
            viewer_follows: group.viewer_follows,
            viewer_role: group.viewer_role.clone().unwrap_or_default(),
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
fn strip_tags(html: &str) -> String {
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
