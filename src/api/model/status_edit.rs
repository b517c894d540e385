//! StatusEdit: one version of a status in its edit history.

use serde::Serialize;

use super::account::Account;
use super::media::MediaAttachment;
use super::status::status_content;
use super::timestamp;
use crate::federation::uris::Uris;
use crate::service::statuses::{StatusVersion, StatusView};

#[derive(Debug, Clone, Serialize)]
pub struct StatusEdit {
    pub content: String,
    pub spoiler_text: String,
    pub sensitive: bool,
    /// When this version was made: the status's creation, or the edit that made it.
    pub created_at: String,
    pub account: Account,
    pub poll: Option<serde_json::Value>,
    pub media_attachments: Vec<MediaAttachment>,
    pub emojis: Vec<serde_json::Value>,
}

impl StatusEdit {
    /// The earlier versions, oldest first, then the current one. Images are not versioned:
    /// earlier versions list none.
    pub fn history(uris: &Uris, status: &StatusView, earlier: &[StatusVersion]) -> Vec<Self> {
        let opener = status.is_thread_opener();
        let account = Account::from_summary(uris, &status.author);
        let current = StatusVersion {
            title: status.title.clone(),
            content_html: status.content_html.clone(),
            content_warning: status.content_warning.clone(),
            sensitive: status.sensitive,
            created_at: status.updated_at.unwrap_or(status.created_at),
        };
        let current_media = status.media.iter().map(|m| MediaAttachment::new(uris, m)).collect();
        let mut versions: Vec<Self> =
            earlier.iter().map(|version| Self::version(opener, &account, version, Vec::new())).collect();
        versions.push(Self::version(opener, &account, &current, current_media));
        versions
    }

    fn version(
        opener: bool,
        account: &Account,
        version: &StatusVersion,
        media_attachments: Vec<MediaAttachment>,
    ) -> Self {
        Self {
            content: status_content(version.title.as_deref(), opener, &version.content_html),
            spoiler_text: version.content_warning.clone().unwrap_or_default(),
            sensitive: version.sensitive,
            created_at: timestamp(version.created_at),
            account: account.clone(),
            poll: None,
            media_attachments,
            emojis: Vec::new(),
        }
    }
}
