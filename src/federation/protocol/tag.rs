//! Mentions and hashtags of a post (`tag`).
//!
//! Mastodon notifies a user only when the post carries a `Mention` tag with their actor URL, and
//! Lemmy finds the group of a Mastodon post the same way. Other tag types (`Emoji`, Lemmy's
//! `CommunityPostTag`) fail to parse and are dropped from the list by
//! [`super::de::deserialize_lenient_vec`].

use serde::{Deserialize, Serialize};
use url::Url;

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(tag = "type")]
pub enum TagJson {
    /// `name` is `@user@host`; Smithereen omits it, so it is optional.
    Mention {
        href: Url,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
    },
    /// `name` is `#tag`; `href` links to the tag's page on the sender's server.
    Hashtag {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        href: Option<Url>,
        name: String,
    },
}

impl TagJson {
    /// A mention of `actor`; `handle` is `@user@host`.
    pub fn mention(actor: Url, handle: impl Into<String>) -> Self {
        Self::Mention { href: actor, name: Some(handle.into()) }
    }

    pub fn hashtag(href: Option<Url>, name: impl Into<String>) -> Self {
        Self::Hashtag { href, name: name.into() }
    }

    /// The actor a mention names.
    pub fn mentioned(&self) -> Option<&Url> {
        match self {
            Self::Mention { href, .. } => Some(href),
            Self::Hashtag { .. } => None,
        }
    }
}
