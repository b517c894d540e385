//! The pages and parts of pages with which members block and mute: the settings page of
//! blocked and muted people and blocked domains, and the Block/Mute buttons of profiles.

use askama::Template;

use super::view::{Chrome, FormState};
use crate::federation::uris;
use crate::service::account_cards::AccountCard;
use crate::service::blocks::SafetyLists;

/// A blocked or muted person, with what the undo form needs.
#[derive(Debug, Clone)]
pub struct SeparatedPersonView {
    pub id: i64,
    pub shown_name: String,
    pub handle: String,
    pub url: String,
}

impl From<&AccountCard> for SeparatedPersonView {
    fn from(card: &AccountCard) -> Self {
        let summary = &card.summary;
        let handle = match &summary.host {
            Some(host) => format!("{}@{host}", summary.name),
            None => summary.name.clone(),
        };
        Self {
            id: summary.id,
            shown_name: if summary.display_name.is_empty() {
                summary.name.clone()
            } else {
                summary.display_name.clone()
            },
            url: uris::user_path(&handle),
            handle,
        }
    }
}

#[derive(Template)]
#[template(path = "settings/blocks.html")]
pub struct BlocksSettingsPage {
    pub chrome: Chrome,
    pub blocked: Vec<SeparatedPersonView>,
    pub muted: Vec<SeparatedPersonView>,
    pub domains: Vec<String>,
    /// What was typed into the domain form (kept when it is refused).
    pub domain: String,
    pub form: FormState,
}

impl BlocksSettingsPage {
    pub fn new(chrome: Chrome, lists: &SafetyLists, domain: String, form: FormState) -> Self {
        Self {
            chrome,
            blocked: lists.blocked.iter().map(SeparatedPersonView::from).collect(),
            muted: lists.muted.iter().map(SeparatedPersonView::from).collect(),
            domains: lists.domains.clone(),
            domain,
            form,
        }
    }
}

/// The Block/Mute buttons of a profile, for a signed-in viewer who is not that person.
#[derive(Debug, Clone)]
pub struct ProfileSafetyView {
    pub account_id: i64,
    /// Where the forms come back to: the profile.
    pub back: String,
    pub blocking: bool,
    pub muting: bool,
}
