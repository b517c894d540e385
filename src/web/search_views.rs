//! The search page: its results (each with its thread, group and a highlighted snippet).

use askama::Template;

use super::view::{ActorLink, Chrome, strip_tags};
use crate::domain::PostId;
use crate::domain::html::escape_text;
use crate::domain::search::SearchText;
use crate::federation::uris;
use crate::service::search::SearchHit;
use crate::service::statuses::AccountSummary;

/// Words of context a snippet shows around the first word found.
const SNIPPET_WORDS_BEFORE: usize = 12;
const SNIPPET_WORDS: usize = 40;

#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchPage {
    pub chrome: Chrome,
    pub query: String,
    pub message: String,
    /// Whether a full-text search ran (so "nothing found" can be told apart from no search).
    pub searched: bool,
    pub results: Vec<SearchResultView>,
    /// The next page of results, when there is one.
    pub next_url: Option<String>,
    /// The previous page of results, when this is not the first.
    pub previous_url: Option<String>,
}

impl SearchPage {
    pub fn empty(chrome: Chrome, query: &str, message: String) -> Self {
        Self {
            chrome,
            query: query.to_owned(),
            message,
            searched: false,
            results: Vec::new(),
            next_url: None,
            previous_url: None,
        }
    }
}

/// One found post.
#[derive(Debug, Clone)]
pub struct SearchResultView {
    pub url: String,
    /// The thread's title (for a reply, the title of the thread it answers).
    pub thread_title: String,
    pub is_reply: bool,
    pub language: String,
    pub author: ActorLink,
    pub group: Option<ActorLink>,
    pub created_at: crate::domain::Timestamp,
    pub created_iso: String,
    /// Escaped text with the found words in `<mark>`.
    pub snippet_html: String,
}

impl SearchResultView {
    pub fn new(hit: &SearchHit, text: &SearchText) -> Self {
        let status = &hit.status;
        let is_reply = status.id != status.root_id;
        Self {
            url: uris::post_in_thread_path(PostId(status.root_id), PostId(status.id)),
            thread_title: hit.thread_title.clone().or_else(|| status.title.clone()).unwrap_or_default(),
            is_reply,
            language: status.language.clone(),
            author: link(&status.author, uris::user_path),
            group: status.group.as_ref().map(|group| link(group, uris::group_path)),
            created_at: status.created_at,
            created_iso: status.created_at.to_rfc3339(),
            snippet_html: snippet_html(&strip_tags(&status.content_html), text),
        }
    }
}

fn link(account: &AccountSummary, path: fn(&str) -> String) -> ActorLink {
    let handle = match &account.host {
        Some(host) => format!("{}@{host}", account.name),
        None => account.name.clone(),
    };
    ActorLink {
        shown_name: if account.display_name.is_empty() {
            account.name.clone()
        } else {
            account.display_name.clone()
        },
        url: path(&handle),
        handle,
    }
}

/// A window of `text` around the first word the query found, escaped, the found words marked.
pub fn snippet_html(text: &str, query: &SearchText) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let is_found = |word: &str| {
        word.split(|c: char| !c.is_alphanumeric()).any(|part| !part.is_empty() && query.matches(part))
    };
    let first = words.iter().position(|w| is_found(w)).unwrap_or(0);
    let start = first.saturating_sub(SNIPPET_WORDS_BEFORE);
    let end = (start + SNIPPET_WORDS).min(words.len());
    let mut html = String::new();
    if start > 0 {
        html.push_str("… ");
    }
    for (i, word) in words[start..end].iter().enumerate() {
        if i > 0 {
            html.push(' ');
        }
        if is_found(word) {
            html.push_str("<mark>");
            html.push_str(&escape_text(word));
            html.push_str("</mark>");
        } else {
            html.push_str(&escape_text(word));
        }
    }
    if end < words.len() {
        html.push_str(" …");
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_mark_found_words_and_escape_the_rest() {
        let query = SearchText::parse("Solaranlagen").expect("words");
        let text =
            format!("{} Eine <b>Solaranlage</b>, auf dem Dach. {}", "wort ".repeat(30), "ende ".repeat(60));
        let html = snippet_html(&text, &query);
        assert!(html.starts_with("… "), "{html}");
        assert!(html.ends_with(" …"), "{html}");
        assert!(html.contains(" <mark>&lt;b&gt;Solaranlage&lt;/b&gt;,</mark> auf "), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert_eq!(snippet_html("kurz", &query), "kurz");
    }
}
