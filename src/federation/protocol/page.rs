//! A thread opener as we send it: a `Page` in a group (DESIGN.md section 3).
//!
//! Lemmy needs `name` (the title), `audience` (the group) and `attributedTo`; it edits `source`.
//! Mastodon shows a `Page` as its `name` plus a link, and shows it as public only with the public
//! collection in `to`. The group in `cc` makes it a recipient without making it the addressee.

use chrono::{DateTime, Utc};
use url::Url;

use super::language::{ContentMap, LanguageJson};
use super::post::{PostJson, PostKind};
use super::source::{MEDIA_TYPE_HTML, SourceJson};
use activitypub_federation::kinds::public;

/// What a thread opener is made of.
#[derive(Clone, Debug)]
pub struct NewPage {
    /// `/t/{id}`.
    pub id: Url,
    pub author: Url,
    pub group: Url,
    /// `/t/{id}/context`.
    pub context: Url,
    pub title: String,
    /// Sanitised HTML rendered from `markdown`.
    pub html: String,
    pub markdown: String,
    pub published: DateTime<Utc>,
    /// Language code and its name, if known.
    pub language: Option<LanguageJson>,
}

impl PostJson {
    pub fn page(page: NewPage) -> Self {
        let mut post = PostJson::new(PostKind::Page, page.id, page.author);
        post.to = vec![public()];
        post.cc = vec![page.group.clone()];
        post.audience = Some(page.group);
        post.context = Some(page.context);
        post.name = Some(page.title);
        post.set_body(page.html, page.markdown, page.language);
        post.sensitive = Some(false);
        post.published = Some(page.published);
        post
    }

    /// Sets `content`, `mediaType`, `source`, and the language both ways: `contentMap` for
    /// Mastodon and `language` for Lemmy.
    pub(super) fn set_body(&mut self, html: String, markdown: String, language: Option<LanguageJson>) {
        if let Some(language) = &language {
            self.content_map = Some(ContentMap::single(language.identifier.clone(), html.clone()));
        }
        self.content = Some(html);
        self.media_type = Some(MEDIA_TYPE_HTML.to_owned());
        self.source = Some(SourceJson::markdown(markdown));
        self.language = language;
    }
}
