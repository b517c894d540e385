//! A reply as we send it: a `Note` with `inReplyTo` (DESIGN.md section 3); and a member's own
//! post outside any group, a `Note` to their followers as Mastodon sends a public status.
//!
//! Mastodon notifies the parent's author only if the reply mentions them (a `Mention` tag and an
//! address in `cc`). Lemmy places the reply by `inReplyTo` and the group by `audience`.

use chrono::{DateTime, Utc};
use url::Url;

use super::language::LanguageJson;
use super::post::{PostJson, PostKind};
use super::tag::TagJson;
use activitypub_federation::kinds::public;

/// What a reply is made of.
#[derive(Clone, Debug)]
pub struct NewNote {
    /// `/p/{id}`.
    pub id: Url,
    pub author: Url,
    /// The thread's group; `None` in a thread outside groups, where the author's followers are
    /// addressed instead.
    pub group: Option<Url>,
    /// The author's followers collection.
    pub author_followers: Url,
    /// The thread's `/t/{id}/context`.
    pub context: Url,
    /// The post replied to.
    pub in_reply_to: Url,
    /// Its author, and their `@user@host`.
    pub parent_author: Url,
    pub parent_handle: String,
    /// Sanitised HTML rendered from `markdown`.
    pub html: String,
    pub markdown: String,
    pub published: DateTime<Utc>,
    pub language: Option<LanguageJson>,
}

impl PostJson {
    pub fn note(note: NewNote) -> Self {
        let mut post = PostJson::new(PostKind::Note, note.id, note.author);
        post.to = vec![public()];
        post.cc = vec![note.group.clone().unwrap_or(note.author_followers)];
        if !post.cc.contains(&note.parent_author) {
            post.cc.push(note.parent_author.clone());
        }
        post.audience = note.group;
        post.context = Some(note.context);
        post.in_reply_to = Some(note.in_reply_to);
        post.set_body(note.html, note.markdown, note.language);
        post.sensitive = Some(false);
        post.published = Some(note.published);
        post.tag.push(TagJson::mention(note.parent_author, note.parent_handle));
        post
    }
}

/// A member's own post, in no group.
#[derive(Clone, Debug)]
pub struct NewPersonalNote {
    /// `/t/{id}`.
    pub id: Url,
    pub author: Url,
    pub author_followers: Url,
    /// `/t/{id}/context`.
    pub context: Url,
    pub html: String,
    pub markdown: String,
    pub published: DateTime<Utc>,
    pub language: Option<LanguageJson>,
}

impl PostJson {
    /// As Mastodon sends a public status: to everyone, copied to the author's followers.
    pub fn personal_note(note: NewPersonalNote) -> Self {
        let mut post = PostJson::new(PostKind::Note, note.id, note.author);
        post.to = vec![public()];
        post.cc = vec![note.author_followers];
        post.context = Some(note.context);
        post.set_body(note.html, note.markdown, note.language);
        post.sensitive = Some(false);
        post.published = Some(note.published);
        post
    }
}
