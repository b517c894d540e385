//! Hashtags (`#energy`) and mentions (`@ana`, `@ana@forum.example`) in what members write, and
//! the Mastodon markup that links them.
//!
//! Both are read from the Markdown's text only: never inside code spans, code blocks or links,
//! so `[see](https://x.example/#top)` and `` `#include` `` are not tags. A heading needs a space
//! after `#` (CommonMark), so a line starting with `#tag` is a tag. A `#` inside a word (`C#`,
//! `page#anchor`) or after `/`, `=` and the like (addresses) starts nothing.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::html::escape_text;
use super::mentions::{Mention, mention_spans};

/// Most hashtags one post carries; more are left as text.
pub const MAX_PER_POST: usize = 30;
/// Longest hashtag name (in characters); a longer one is not a tag.
pub const MAX_CHARS: usize = 100;
/// Most mentions of one post that are looked up and linked.
pub const MAX_MENTIONS: usize = 20;

/// What a post's text refers to, each once, in order of appearance.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct References {
    /// Normalised names (see [`normalize_hashtag`]), at most [`MAX_PER_POST`].
    pub hashtags: Vec<String>,
    /// At most [`MAX_MENTIONS`].
    pub mentions: Vec<Mention>,
}

/// A hashtag name as stored and matched: lowercase, without `#`. `None` when `raw` is not a
/// hashtag name (empty, too long, other characters, or no letter at all, like `#1`).
pub fn normalize_hashtag(raw: &str) -> Option<String> {
    let name = raw.strip_prefix('#').unwrap_or(raw).trim();
    let valid = !name.is_empty()
        && name.chars().count() <= MAX_CHARS
        && name.chars().all(is_hashtag_char)
        && name.chars().any(char::is_alphabetic);
    valid.then(|| name.to_lowercase())
}

fn is_hashtag_char(c: char) -> bool {
    // Letters, digits, `_`, and combining accents of decomposed letters.
    c.is_alphanumeric() || c == '_' || ('\u{0300}'..='\u{036f}').contains(&c)
}

/// Whether a `#` after `previous` may start a hashtag: at the start, after a space or an
/// opening bracket or quote; not inside a word or an address (`C#`, `page#top`, `?a=#b`).
fn may_start_hashtag(previous: Option<char>) -> bool {
    previous.is_none_or(|p| p.is_whitespace() || "([{\"'“‘«„¿¡".contains(p))
}

/// A hashtag or mention found in a piece of text: its byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Found {
    /// The normalised name; the range covers `#name`.
    Hashtag {
        start: usize,
        end: usize,
        name: String,
    },
    Mention {
        start: usize,
        end: usize,
        mention: Mention,
    },
}

impl Found {
    fn start(&self) -> usize {
        match self {
            Self::Hashtag { start, .. } | Self::Mention { start, .. } => *start,
        }
    }
}

/// Hashtags in `text` whose first character follows `previous`.
fn hashtag_spans(text: &str, previous: Option<char>) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut previous = previous;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let starts = c == '#' && may_start_hashtag(previous);
        previous = Some(c);
        if !starts {
            continue;
        }
        let mut end = at + 1;
        while let Some(&(i, n)) = chars.peek() {
            if !is_hashtag_char(n) {
                break;
            }
            end = i + n.len_utf8();
            previous = Some(n);
            chars.next();
        }
        // A tag that runs straight into more address characters (`#a/b`, `#x@y`) is kept: the
        // name stops there, as on Mastodon.
        if end > at + 1 {
            spans.push((at, end));
        }
    }
    spans
}

/// Hashtags and mentions of one text fragment, in order.
fn scan(text: &str, previous: Option<char>) -> Vec<Found> {
    let mut found: Vec<Found> = hashtag_spans(text, previous)
        .into_iter()
        .filter_map(|(start, end)| {
            normalize_hashtag(&text[start + 1..end]).map(|name| Found::Hashtag { start, end, name })
        })
        .collect();
    for (start, end) in mention_spans(text) {
        let before = if start == 0 { previous } else { text[..start].chars().next_back() };
        // Not inside a word, an email address or a profile address (`https://social.example/@ana`).
        if before.is_some_and(|p| p.is_alphanumeric() || p == '_' || p == '@' || p == '/') {
            continue;
        }
        let token = &text[start + 1..end];
        let (name, host) = match token.split_once('@') {
            Some((name, host)) => (name, Some(host.to_ascii_lowercase())),
            None => (token, None),
        };
        found.push(Found::Mention { start, end, mention: Mention { name: name.to_ascii_lowercase(), host } });
    }
    found.sort_by_key(Found::start);
    found
}

/// The text fragments of a Markdown document that may hold hashtags and mentions, each with
/// the character before it (`None` at the start of a block or after formatting).
struct Walker {
    code: usize,
    link: usize,
    previous: Option<char>,
}

impl Walker {
    fn new() -> Self {
        Self { code: 0, link: 0, previous: None }
    }

    /// Follows `event`; for text that counts, returns the character before it.
    fn step(&mut self, event: &Event<'_>) -> Option<Option<char>> {
        match event {
            Event::Start(Tag::CodeBlock(_)) => self.code += 1,
            Event::End(TagEnd::CodeBlock) => self.code = self.code.saturating_sub(1),
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => self.link += 1,
            Event::End(TagEnd::Link | TagEnd::Image) => self.link = self.link.saturating_sub(1),
            Event::Text(text) => {
                let before = self.previous;
                self.previous = text.chars().last().or(before);
                if self.code == 0 && self.link == 0 {
                    return Some(before);
                }
                return None;
            }
            Event::Code(_) => {
                self.previous = Some('`');
                return None;
            }
            _ => {}
        }
        self.previous = None;
        None
    }
}

/// The hashtags and mentions of a post's Markdown.
pub fn find_references(markdown: &str) -> References {
    let mut references = References::default();
    let mut walker = Walker::new();
    for event in super::html::markdown_events(markdown) {
        let Some(previous) = walker.step(&event) else { continue };
        let Event::Text(text) = &event else { continue };
        for found in scan(text, previous) {
            match found {
                Found::Hashtag { name, .. } => {
                    if references.hashtags.len() < MAX_PER_POST && !references.hashtags.contains(&name) {
                        references.hashtags.push(name);
                    }
                }
                Found::Mention { mention, .. } => {
                    if references.mentions.len() < MAX_MENTIONS && !references.mentions.contains(&mention) {
                        references.mentions.push(mention);
                    }
                }
            }
        }
    }
    references
}

/// Where the links of a post go.
#[derive(Debug, Clone, Default)]
pub struct PostLinks {
    /// The tag page's address without the name (`https://forum.example/tags/`).
    pub tag_base: String,
    /// Only these hashtags are linked (those stored for the post).
    pub hashtags: HashSet<String>,
    /// Actor URLs by [`Mention::handle`]; handles not here stay plain text.
    pub mentions: HashMap<String, String>,
}

/// Replaces the text events of a Markdown document by text and Mastodon's hashtag and mention
/// markup (as inline HTML, sanitised afterwards with the rest).
pub(crate) fn link_references<'a>(
    events: impl Iterator<Item = Event<'a>>,
    links: &PostLinks,
) -> Vec<Event<'a>> {
    let mut out = Vec::new();
    let mut walker = Walker::new();
    for event in events {
        let Some(previous) = walker.step(&event) else {
            out.push(event);
            continue;
        };
        let Event::Text(text) = event else { continue };
        let mut last = 0;
        for found in scan(&text, previous) {
            let (start, end, markup) = match &found {
                Found::Hashtag { start, end, name } if links.hashtags.contains(name) => {
                    let shown = &text[start + 1..*end];
                    let markup = format!(
                        r#"<a href="{}{}" class="mention hashtag" rel="tag">#<span>{}</span></a>"#,
                        escape_text(&links.tag_base),
                        escape_text(name),
                        escape_text(shown)
                    );
                    (*start, *end, markup)
                }
                Found::Mention { start, end, mention } => {
                    let Some(url) = links.mentions.get(&mention.handle()) else { continue };
                    let typed = &text[start + 1..*end];
                    let shown = typed.split_once('@').map_or(typed, |(name, _)| name);
                    let markup = format!(
                        r#"<span class="h-card"><a href="{}" class="u-url mention">@<span>{}</span></a></span>"#,
                        escape_text(url),
                        escape_text(shown)
                    );
                    (*start, *end, markup)
                }
                Found::Hashtag { .. } => continue,
            };
            if start > last {
                out.push(Event::Text(CowStr::from(text[last..start].to_owned())));
            }
            out.push(Event::InlineHtml(CowStr::from(markup)));
            last = end;
        }
        if last < text.len() {
            out.push(Event::Text(CowStr::from(text[last..].to_owned())));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::html::render_markdown_linking;

    fn tags(text: &str) -> Vec<String> {
        find_references(text).hashtags
    }

    #[test]
    fn finds_hashtags_normalised_and_once() {
        assert_eq!(tags("#Energy and #solar, then #energy again."), ["energy", "solar"]);
        assert_eq!(tags("(#Klimaanpassung) \"#Ærø\""), ["klimaanpassung", "ærø"]);
        assert_eq!(tags("#tag at the start of a line\n#second"), ["tag", "second"]);
    }

    #[test]
    fn addresses_code_words_and_numbers_are_not_hashtags() {
        assert!(tags("C# and F# are languages").is_empty());
        assert!(tags("see https://example.org/page#section and https://example.org/#top").is_empty());
        assert!(
            tags("<https://example.org/#top> and [link](https://x.example/#a) [#inlink](https://x.example)")
                .is_empty()
        );
        assert!(tags("mail ana#x@example.org, issue #123, a?x=#y").is_empty());
        assert!(tags("`#include` and\n\n```\n#define X\n```\n").is_empty());
        assert!(tags("# A heading\n\n## Another").is_empty());
    }

    #[test]
    fn hashtags_are_capped_in_number_and_length() {
        let many: String = (0..40).map(|i| format!("#tag{i} ")).collect();
        assert_eq!(tags(&many).len(), MAX_PER_POST);
        let long = format!("#{}", "a".repeat(MAX_CHARS + 1));
        assert!(tags(&long).is_empty());
        assert_eq!(tags(&format!("#{}", "a".repeat(MAX_CHARS))).len(), 1);
    }

    #[test]
    fn mentions_are_found_outside_code_and_addresses() {
        let found = find_references(
            "@Ana and (@bo@forum.example), not `@code`, info@example.org or https://social.example/@zoe",
        );
        let handles: Vec<String> = found.mentions.iter().map(Mention::handle).collect();
        assert_eq!(handles, ["ana", "bo@forum.example"]);
    }

    #[test]
    fn normalising_accepts_names_with_or_without_hash() {
        assert_eq!(normalize_hashtag("#Energy").as_deref(), Some("energy"));
        assert_eq!(normalize_hashtag("Ærø").as_deref(), Some("ærø"));
        assert_eq!(normalize_hashtag("#1"), None);
        assert_eq!(normalize_hashtag("#a b"), None);
        assert_eq!(normalize_hashtag("#"), None);
    }

    fn links() -> PostLinks {
        PostLinks {
            tag_base: "https://forum.example/tags/".to_owned(),
            hashtags: ["energy".to_owned()].into_iter().collect(),
            mentions: [("bob".to_owned(), "https://forum.example/u/bob".to_owned())].into_iter().collect(),
        }
    }

    #[test]
    fn hashtags_and_known_mentions_become_mastodon_markup() {
        let html = render_markdown_linking("#Energy with @bob and @carol, `#energy`", Some(&links()));
        assert!(
            html.contains(r#"<a href="https://forum.example/tags/energy" class="mention hashtag" rel="tag nofollow noopener noreferrer">#<span>Energy</span></a>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<span class="h-card"><a href="https://forum.example/u/bob" class="u-url mention" rel="nofollow noopener noreferrer">@<span>bob</span></a></span>"#),
            "{html}"
        );
        assert!(html.contains("@carol"), "an unknown handle stays text: {html}");
        assert!(html.contains("<code>#energy</code>"), "{html}");
    }

    #[test]
    fn links_and_code_blocks_keep_their_text() {
        let html =
            render_markdown_linking("[#energy](https://x.example/) @bob\n\n    #energy\n", Some(&links()));
        assert!(
            html.contains(r#"<a href="https://x.example/" rel="nofollow noopener noreferrer">#energy</a>"#),
            "{html}"
        );
        assert_eq!(html.matches("hashtag").count(), 0, "{html}");
        assert_eq!(html.matches("h-card").count(), 1, "{html}");
    }
}
