//! Pages of moderation: the modlog (also as JSON) and a group's bans. Kept apart from
//! `pages.rs` so that moderation can grow without touching every page.

use askama::Template;
use serde::Serialize;

use super::view::{Chrome, FormState, ListView};
use crate::domain::modlog::ModlogKind;
use crate::domain::{PostId, Timestamp};
use crate::federation::uris;
use crate::service::group_bans::BanView;
use crate::service::modlog::ModlogItem;

#[derive(Template)]
#[template(path = "moderation/modlog.html")]
pub struct ModlogPage {
    pub chrome: Chrome,
    /// The group's handle for a group's modlog; None for the whole instance.
    pub group: Option<String>,
    pub entries: ListView<ModlogView>,
    pub json_url: String,
}

/// One modlog entry, display-ready.
#[derive(Debug, Clone)]
pub struct ModlogView {
    /// Message id of the action.
    pub kind_label: &'static str,
    pub moderator: Option<String>,
    pub group: Option<(String, String)>,
    pub person: Option<(String, String)>,
    pub post_url: Option<String>,
    pub reason: String,
    pub expires_at: Option<Timestamp>,
    pub remote: bool,
    pub at: Timestamp,
}

impl From<&ModlogItem> for ModlogView {
    fn from(item: &ModlogItem) -> Self {
        Self {
            kind_label: kind_label(item.kind),
            moderator: item.moderator.clone(),
            group: item.group.as_ref().map(|g| (g.clone(), uris::group_path(g))),
            person: item.target_actor.as_ref().map(|p| (p.clone(), uris::user_path(p))),
            post_url: item.target_post.map(|(id, root)| uris::post_in_thread_path(PostId(root), PostId(id))),
            reason: item.reason.clone(),
            expires_at: item.expires_at,
            remote: item.remote,
            at: item.at,
        }
    }
}

/// The message id naming an action.
fn kind_label(kind: ModlogKind) -> &'static str {
    match kind {
        ModlogKind::Removal => "modlog-kind-removal",
        ModlogKind::Restore => "modlog-kind-restore",
        ModlogKind::Ban => "modlog-kind-ban",
        ModlogKind::Unban => "modlog-kind-unban",
        ModlogKind::Lock => "modlog-kind-lock",
        ModlogKind::Unlock => "modlog-kind-unlock",
        ModlogKind::ModeratorAdded => "modlog-kind-moderator-added",
        ModlogKind::ModeratorRemoved => "modlog-kind-moderator-removed",
        ModlogKind::DomainBlock => "modlog-kind-domain-block",
        ModlogKind::DomainUnblock => "modlog-kind-domain-unblock",
        ModlogKind::Suspension => "modlog-kind-suspension",
        ModlogKind::Unsuspension => "modlog-kind-unsuspension",
        ModlogKind::ReportResolved => "modlog-kind-report-resolved",
        ModlogKind::Pin => "modlog-kind-pin",
        ModlogKind::Unpin => "modlog-kind-unpin",
        ModlogKind::ThreadMoved => "modlog-kind-thread-moved",
        ModlogKind::GroupMoved => "modlog-kind-group-moved",
        ModlogKind::AccountDeleted => "modlog-kind-account-deleted",
    }
}

/// The modlog as JSON (`/modlog.json`, `/g/{name}/modlog.json`), newest first.
#[derive(Debug, Serialize)]
pub struct ModlogJson {
    pub items: Vec<ModlogEntryJson>,
    /// The next (older) page, when there is one.
    pub next: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ModlogEntryJson {
    pub id: String,
    /// `removal`, `restore`, `ban`, `unban`, `lock`, `unlock`, `moderator_added`, ...
    pub kind: &'static str,
    /// The moderator's handle; null when hidden (`moderation.hide_moderator_names`).
    pub moderator: Option<String>,
    pub group: Option<String>,
    pub target_person: Option<String>,
    /// The path of the post acted upon, in its thread.
    pub target_post: Option<String>,
    pub reason: String,
    pub expires_at: Option<String>,
    /// Taken by a remote moderator on our copy.
    pub remote: bool,
    pub created_at: String,
}

impl From<&ModlogItem> for ModlogEntryJson {
    fn from(item: &ModlogItem) -> Self {
        Self {
            id: item.id.to_string(),
            kind: item.kind.as_str(),
            moderator: item.moderator.clone(),
            group: item.group.clone(),
            target_person: item.target_actor.clone(),
            target_post: item
                .target_post
                .map(|(id, root)| uris::post_in_thread_path(PostId(root), PostId(id))),
            reason: item.reason.clone(),
            expires_at: item.expires_at.map(|at| at.to_rfc3339()),
            remote: item.remote,
            created_at: item.at.to_rfc3339(),
        }
    }
}

#[derive(Template)]
#[template(path = "moderation/bans.html")]
pub struct BansPage {
    pub chrome: Chrome,
    pub group: String,
    pub group_url: String,
    pub bans: Vec<BanRowView>,
}

#[derive(Debug, Clone)]
pub struct BanRowView {
    pub handle: String,
    pub url: String,
    pub reason: String,
    pub expires_at: Option<Timestamp>,
    pub banned_at: Timestamp,
    pub moderator: String,
}

impl From<&BanView> for BanRowView {
    fn from(ban: &BanView) -> Self {
        let handle = ban.person.handle();
        Self {
            url: uris::user_path(&handle),
            handle,
            reason: ban.reason.clone(),
            expires_at: ban.expires_at,
            banned_at: ban.banned_at,
            moderator: ban.moderator.clone().unwrap_or_default(),
        }
    }
}

#[derive(Template)]
#[template(path = "moderation/ban_form.html")]
pub struct BanFormPage {
    pub chrome: Chrome,
    pub group: String,
    pub group_url: String,
    pub form: FormState,
    pub actor: String,
    pub reason: String,
    pub days: String,
    pub remove_data: bool,
}
