//! Status: a thread opener (its content starts with the title) or a reply.

use serde::Serialize;

use super::account::Account;
use super::media::MediaAttachment;
use super::timestamp;
use crate::domain::html::escape_text;
use crate::domain::interaction::Permission;
use crate::domain::{PostId, Timestamp};
use crate::federation::uris::{self, Uris};
use crate::service::boosts::BoostView;
use crate::service::statuses::{AccountSummary, StatusView};

#[derive(Debug, Clone, Serialize)]
pub struct Mention {
    pub id: String,
    pub username: String,
    pub url: String,
    pub acct: String,
}

/// A hashtag of a status.
#[derive(Debug, Clone, Serialize)]
pub struct StatusTag {
    pub name: String,
    pub url: String,
}

/// A status's HTML: a thread opener's starts with its title.
pub(super) fn status_content(title: Option<&str>, opener: bool, content_html: &str) -> String {
    match title {
        Some(title) if opener => format!("<p><strong>{}</strong></p>{content_html}", escape_text(title)),
        _ => content_html.to_owned(),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub id: String,
    pub uri: String,
    pub url: String,
    pub created_at: String,
    pub edited_at: Option<String>,
    pub account: Account,
    pub content: String,
    pub visibility: &'static str,
    pub sensitive: bool,
    pub spoiler_text: String,
    pub media_attachments: Vec<MediaAttachment>,
    pub application: Option<serde_json::Value>,
    pub mentions: Vec<Mention>,
    pub tags: Vec<StatusTag>,
    pub emojis: Vec<serde_json::Value>,
    pub reblogs_count: i64,
    pub favourites_count: i64,
    pub replies_count: i64,
    pub in_reply_to_id: Option<String>,
    pub in_reply_to_account_id: Option<String>,
    pub reblog: Option<Box<Status>>,
    pub poll: Option<super::poll::Poll>,
    pub card: Option<serde_json::Value>,
    pub language: Option<String>,
    /// Only in the answer to a delete (for "delete and redraft").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    pub favourited: bool,
    pub reblogged: bool,
    pub muted: bool,
    pub bookmarked: bool,
    pub pinned: bool,
    pub filtered: Vec<serde_json::Value>,
    /// The post it quotes (Mastodon 4.5): where the approval stands and, once approved, the post.
    pub quote: Option<Quote>,
    /// Who may quote it (Mastodon 4.5).
    pub quote_approval: QuoteApproval,
}

/// Mastodon 4.5's `Quote`.
#[derive(Debug, Clone, Serialize)]
pub struct Quote {
    pub state: &'static str,
    pub quoted_status: Option<Box<Status>>,
}

/// Mastodon 4.5's `quote_approval`: who is approved automatically, who may ask, and what
/// that means for the viewer (`automatic`, `manual`, `denied`, `unknown`).
#[derive(Debug, Clone, Serialize)]
pub struct QuoteApproval {
    pub automatic: Vec<&'static str>,
    pub manual: Vec<&'static str>,
    pub current_user: &'static str,
}

impl QuoteApproval {
    pub fn of(permission: Permission, viewer_is_author: bool) -> Self {
        let (automatic, manual, current_user) = match permission {
            Permission::Anyone => (vec!["public"], vec![], "automatic"),
            Permission::Approval => (vec![], vec!["public"], "manual"),
            Permission::Followers => (vec!["followers"], vec![], "unknown"),
            Permission::Nobody => (vec![], vec![], "denied"),
        };
        Self { automatic, manual, current_user: if viewer_is_author { "automatic" } else { current_user } }
    }
}

impl Status {
    pub fn new(uris: &Uris, status: &StatusView) -> Self {
        let opener = status.is_thread_opener();
        let local_url = if opener {
            uris.absolute(&uris::thread_path(PostId(status.id)))
        } else {
            uris.absolute(&uris::post_in_thread_path(PostId(status.root_id), PostId(status.id)))
        };
        let uri = status.ap_id.clone().unwrap_or_else(|| uris.post(PostId(status.id), opener));
        let url = if status.local { local_url } else { uri.clone() };
        let content = status_content(status.title.as_deref(), opener, &status.content_html);
        // The group (the status is posted to it) and everyone the text mentions, each once.
        let mut mentions: Vec<Mention> = Vec::new();
        for summary in status.group.iter().chain(&status.mentions) {
            let account = Account::from_summary(uris, summary);
            if !mentions.iter().any(|m| m.id == account.id) {
                mentions.push(Mention {
                    id: account.id,
                    username: account.username,
                    url: account.url,
                    acct: account.acct,
                });
            }
        }
        let tags =
            status.tags.iter().map(|name| StatusTag { name: name.clone(), url: uris.tag(name) }).collect();
        Self {
            id: status.id.to_string(),
            uri,
            url,
            created_at: timestamp(status.created_at),
            edited_at: status.updated_at.map(timestamp),
            account: Account::from_summary(uris, &status.author),
            content,
            visibility: status.visibility.to_client(),
            sensitive: status.sensitive,
            spoiler_text: status.content_warning.clone().unwrap_or_default(),
            media_attachments: status.media.iter().map(|m| MediaAttachment::new(uris, m)).collect(),
            application: None,
            mentions,
            tags,
            emojis: Vec::new(),
            reblogs_count: status.reblogs_count,
            favourites_count: status.likes_count,
            replies_count: status.replies_count,
            in_reply_to_id: status.in_reply_to_id.map(|id| id.to_string()),
            in_reply_to_account_id: status.in_reply_to_account_id.map(|id| id.to_string()),
            reblog: None,
            poll: status.poll.as_ref().map(super::poll::Poll::new),
            card: None,
            language: Some(status.language.clone()),
            text: None,
            favourited: status.viewer_liked,
            reblogged: status.viewer_boosted,
            muted: false,
            bookmarked: status.viewer_bookmarked,
            pinned: false,
            filtered: Vec::new(),
            quote: status.quote.as_ref().map(|quote| Quote {
                state: quote.state.as_str(),
                quoted_status: quote.quoted.as_ref().map(|quoted| Box::new(Self::new(uris, quoted))),
            }),
            quote_approval: QuoteApproval::of(status.policy.can_quote, status.viewer_is_author),
        }
    }

    /// A boost as its own status: by the booster, empty, with the post as `reblog` (how
    /// Mastodon shows what someone shared).
    pub fn boost(uris: &Uris, boost: &BoostView) -> Self {
        Self::shared(uris, boost.id, boost.created_at, &boost.booster, Self::new(uris, &boost.status))
    }

    /// A timeline entry: the post, or the boost wrapping it when the entry is a boost.
    pub fn entry(uris: &Uris, status: &StatusView) -> Self {
        let post = Self::new(uris, status);
        match &status.shared_by {
            Some(shared) => Self::shared(uris, shared.boost_id, shared.created_at, &shared.booster, post),
            None => post,
        }
    }

    fn shared(
        uris: &Uris,
        boost_id: i64,
        created_at: Timestamp,
        booster: &AccountSummary,
        original: Self,
    ) -> Self {
        let uri = uris.activity("announce", boost_id);
        Self {
            id: boost_id.to_string(),
            uri: uri.clone(),
            url: uri,
            created_at: timestamp(created_at),
            edited_at: None,
            account: Account::from_summary(uris, booster),
            content: String::new(),
            visibility: "public",
            sensitive: false,
            spoiler_text: String::new(),
            media_attachments: Vec::new(),
            application: None,
            mentions: Vec::new(),
            tags: Vec::new(),
            emojis: Vec::new(),
            reblogs_count: 0,
            favourites_count: 0,
            replies_count: 0,
            in_reply_to_id: None,
            in_reply_to_account_id: None,
            poll: None,
            card: None,
            language: None,
            text: None,
            favourited: original.favourited,
            reblogged: original.reblogged,
            muted: false,
            bookmarked: original.bookmarked,
            pinned: false,
            filtered: Vec::new(),
            quote: None,
            quote_approval: QuoteApproval::of(Permission::Nobody, false),
            reblog: Some(Box::new(original)),
        }
    }

    pub fn list(uris: &Uris, statuses: &[StatusView]) -> Vec<Self> {
        statuses.iter().map(|s| Self::entry(uris, s)).collect()
    }
}
