//! Posts: thread openers (`Page`, see [`super::page`]) and replies (`Note`, see [`super::note`]),
//! and what other servers send for them (`Article` from NodeBB, WordPress and Friendica; `Note`
//! from Mastodon for both).
//!
//! One struct reads all three because the difference that matters to a forum is not the `type`
//! but whether there is an `inReplyTo`. A `Question` (a poll, see [`super::question`]) is a
//! post with options. `Event`, `Video` and `ChatMessage` are rejected by `type`: showing them
//! as plain posts would silently drop their times, media or privacy.
//!
//! Only `id`, `type` and `attributedTo` are required. Every other field is read tolerantly:
//! a field we cannot read is absent rather than a reason to lose the post.

use activitypub_federation::protocol::helpers::{deserialize_one_or_many, deserialize_skip_error};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use url::Url;

use super::attachment::AttachmentJson;
use super::de::{
    deserialize_attributed_to, deserialize_first_href, deserialize_lenient_vec, deserialize_opt_id,
};
use super::interaction::InteractionPolicyJson;
use super::language::{ContentMap, LanguageJson};
use super::question::{ClosedJson, PollOptionJson};
use super::source::SourceJson;
use super::tag::TagJson;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub enum PostKind {
    Page,
    Note,
    Article,
    /// A post with a poll (Mastodon's).
    Question,
}

impl PostKind {
    /// Whether `kind` is the `type` of an object we read as a post.
    pub fn is_post_type(kind: &str) -> bool {
        matches!(kind, "Page" | "Note" | "Article" | "Question")
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PostJson {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: PostKind,
    /// The author.
    #[serde(deserialize_with = "deserialize_attributed_to")]
    pub attributed_to: Url,
    #[serde(default, deserialize_with = "deserialize_one_or_many")]
    pub to: Vec<Url>,
    #[serde(default, deserialize_with = "deserialize_one_or_many")]
    pub cc: Vec<Url>,
    /// The group the post belongs to (FEP-1b12).
    #[serde(default, deserialize_with = "deserialize_opt_id", skip_serializing_if = "Option::is_none")]
    pub audience: Option<Url>,
    /// The thread's collection (FEP-7888). Values that are not URLs are dropped.
    #[serde(default, deserialize_with = "deserialize_opt_id", skip_serializing_if = "Option::is_none")]
    pub context: Option<Url>,
    /// The post's direct replies, as a collection (its id; an embedded collection is read by id).
    #[serde(default, deserialize_with = "deserialize_opt_id", skip_serializing_if = "Option::is_none")]
    pub replies: Option<Url>,
    /// The title of a thread opener.
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// HTML.
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub content_map: Option<ContentMap>,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    /// The author's Markdown (Pleroma sends a bare string here, which is dropped).
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceJson>,
    /// Content warning (Mastodon) or teaser (NodeBB, WordPress, lotide).
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub sensitive: Option<bool>,
    #[serde(default, deserialize_with = "deserialize_opt_id", skip_serializing_if = "Option::is_none")]
    pub in_reply_to: Option<Url>,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub published: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub updated: Option<DateTime<Utc>>,
    /// The page to show a person: the post on its home server, or the link of a link post.
    #[serde(default, deserialize_with = "deserialize_first_href", skip_serializing_if = "Option::is_none")]
    pub url: Option<Url>,
    #[serde(default, deserialize_with = "deserialize_lenient_vec", skip_serializing_if = "Vec::is_empty")]
    pub tag: Vec<TagJson>,
    #[serde(default, deserialize_with = "deserialize_lenient_vec", skip_serializing_if = "Vec::is_empty")]
    pub attachment: Vec<AttachmentJson>,
    /// Lemmy's thread lock as seen from outside.
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub comments_enabled: Option<bool>,
    /// Lemmy's language.
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub language: Option<LanguageJson>,
    /// Who may reply, like, boost and quote (GoToSocial, Mastodon 4.5).
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub interaction_policy: Option<InteractionPolicyJson>,
    /// The post this one quotes (FEP-044f).
    #[serde(default, deserialize_with = "deserialize_opt_id", skip_serializing_if = "Option::is_none")]
    pub quote: Option<Url>,
    /// The same, as Mastodon before 4.5 and Fedibird name it.
    #[serde(default, deserialize_with = "deserialize_opt_id", skip_serializing_if = "Option::is_none")]
    pub quote_uri: Option<Url>,
    /// The same, as Misskey names it.
    #[serde(
        default,
        rename = "_misskey_quote",
        deserialize_with = "deserialize_opt_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub misskey_quote: Option<Url>,
    /// The same, as Pleroma and Akkoma name it (read only).
    #[serde(default, deserialize_with = "deserialize_opt_id", skip_serializing)]
    pub quote_url: Option<Url>,
    /// The stamp that approves the quote (FEP-044f).
    #[serde(default, deserialize_with = "deserialize_opt_id", skip_serializing_if = "Option::is_none")]
    pub quote_authorization: Option<Url>,
    /// A single-choice poll's options (`Question`).
    #[serde(default, deserialize_with = "deserialize_lenient_vec", skip_serializing_if = "Vec::is_empty")]
    pub one_of: Vec<PollOptionJson>,
    /// A multiple-choice poll's options (`Question`).
    #[serde(default, deserialize_with = "deserialize_lenient_vec", skip_serializing_if = "Vec::is_empty")]
    pub any_of: Vec<PollOptionJson>,
    /// When a poll ends.
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub end_time: Option<DateTime<Utc>>,
    /// When a poll closed.
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub closed: Option<ClosedJson>,
    /// How many people voted in a poll (Mastodon's extension).
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub voters_count: Option<i64>,
}

impl PostJson {
    /// A post with the required fields; the builders in [`super::page`] and [`super::note`] add
    /// what Lemmy and Mastodon expect of each.
    pub fn new(kind: PostKind, id: Url, attributed_to: Url) -> Self {
        Self {
            id,
            kind,
            attributed_to,
            to: Vec::new(),
            cc: Vec::new(),
            audience: None,
            context: None,
            replies: None,
            name: None,
            content: None,
            content_map: None,
            media_type: None,
            source: None,
            summary: None,
            sensitive: None,
            in_reply_to: None,
            published: None,
            updated: None,
            url: None,
            tag: Vec::new(),
            attachment: Vec::new(),
            comments_enabled: None,
            language: None,
            interaction_policy: None,
            quote: None,
            quote_uri: None,
            misskey_quote: None,
            quote_url: None,
            quote_authorization: None,
            one_of: Vec::new(),
            any_of: Vec::new(),
            end_time: None,
            closed: None,
            voters_count: None,
        }
    }

    /// The post's language code: the first `contentMap` key, else Lemmy's `language`. Lemmy's
    /// "undetermined" (`und`) counts as none.
    pub fn language(&self) -> Option<String> {
        let from_map = self.content_map.as_ref().and_then(ContentMap::first_language);
        let from_lemmy = self.language.as_ref().map(|language| language.identifier.as_str());
        from_map.or(from_lemmy).filter(|code| !code.is_empty() && *code != "und").map(str::to_owned)
    }

    /// The HTML to show: `content`, else the first `contentMap` entry.
    pub fn html(&self) -> Option<&str> {
        self.content
            .as_deref()
            .or_else(|| self.content_map.as_ref()?.0.first().map(|(_, html)| html.as_str()))
    }

    /// Whether anyone may read the post (addressed to the public collection).
    pub fn is_public(&self) -> bool {
        super::is_public(&self.to, &self.cc)
    }

    /// Who may read it, from its addressing as Mastodon reads it (issue 15): the public
    /// collection in `to` is public, in `cc` only unlisted; otherwise followers-only when a
    /// collection (anything but a mentioned actor, such as the author's or a group's
    /// followers) is addressed; `None` for a post only to the people it mentions (a direct
    /// message, which this forum does not keep). Group posts are public when the public
    /// collection is anywhere (Lemmy puts it in `cc`).
    pub fn visibility(&self, in_group: bool) -> Option<crate::domain::Visibility> {
        use crate::domain::Visibility;
        let public_in = |list: &[Url]| super::is_public(list, &[] as &[Url]);
        let (to, cc) = (public_in(&self.to), public_in(&self.cc));
        if in_group {
            return Some(if to || cc { Visibility::Public } else { Visibility::Members });
        }
        if to || cc {
            return Some(Visibility::from_addressing(to, cc));
        }
        let mentioned: Vec<&Url> = self.mentions().collect();
        let to_collection = self.to.iter().chain(&self.cc).any(|address| !mentioned.contains(&address));
        to_collection.then_some(Visibility::Private)
    }

    /// The post this one quotes, in whichever of the four spellings it came.
    pub fn quoted(&self) -> Option<&Url> {
        self.quote
            .as_ref()
            .or(self.quote_uri.as_ref())
            .or(self.quote_url.as_ref())
            .or(self.misskey_quote.as_ref())
    }

    /// Names `quoted` in every spelling that Mastodon 4.5 sends.
    pub fn set_quote(&mut self, quoted: Url, authorization: Option<Url>) {
        self.quote = Some(quoted.clone());
        self.quote_uri = Some(quoted.clone());
        self.misskey_quote = Some(quoted);
        self.quote_authorization = authorization;
    }

    /// The actors the post mentions.
    pub fn mentions(&self) -> impl Iterator<Item = &Url> {
        self.tag.iter().filter_map(TagJson::mentioned)
    }
}
