//! Atom 1.0 (RFC 4287) documents, written by hand: a feed needs a dozen elements, and a small
//! writer that escapes every text and attribute keeps hostile titles and names well-formed.
//!
//! Every piece of text passes through [`XmlWriter`], which escapes `&`, `<`, `>`, `"` and `'`
//! and drops the characters XML 1.0 does not allow (most C0 controls, U+FFFE, U+FFFF), plus
//! the C1 controls it discourages, so a title with a stray control character cannot break a
//! reader's parser.

use crate::domain::Timestamp;
use crate::federation::uris::{self, Uris};
use crate::service::feeds::{FeedActor, FeedEntry};

/// `Content-Type` of the feeds.
pub const ATOM_CONTENT_TYPE: &str = "application/atom+xml; charset=utf-8";

const ATOM_NAMESPACE: &str = "http://www.w3.org/2005/Atom";

/// The newest time RFC 3339 (four-digit years) can say: 9999-12-31T23:59:59.999Z.
const LAST_RFC3339_MILLIS: i64 = 253_402_300_799_999;

/// Whether XML 1.0 allows `c` in a document, less the discouraged controls (U+007F to U+009F).
fn is_xml_char(c: char) -> bool {
    match c {
        '\t' | '\n' | '\r' => true,
        '\u{FFFE}' | '\u{FFFF}' => false,
        c => !c.is_control(),
    }
}

fn push_escaped(out: &mut String, text: &str, in_attribute: bool) {
    for c in text.chars().filter(|c| is_xml_char(*c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Parsers turn raw white space in attributes into spaces, and a raw CR anywhere into
            // a line feed: references keep them as written.
            '\t' if in_attribute => out.push_str("&#9;"),
            '\n' if in_attribute => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
}

/// Appends elements to an XML document. Element and attribute names come from this code;
/// attribute values and texts may come from anyone and are escaped.
pub struct XmlWriter {
    out: String,
}

impl Default for XmlWriter {
    fn default() -> Self {
        Self { out: String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n") }
    }
}

impl XmlWriter {
    fn open_tag(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attributes {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            push_escaped(&mut self.out, value, true);
            self.out.push('"');
        }
    }

    /// `<name attributes>`: children follow, then [`XmlWriter::end`].
    pub fn start(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.open_tag(name, attributes);
        self.out.push_str(">\n");
    }

    pub fn end(&mut self, name: &str) {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// `<name attributes/>`
    pub fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.open_tag(name, attributes);
        self.out.push_str("/>\n");
    }

    /// `<name attributes>text</name>`
    pub fn text(&mut self, name: &str, attributes: &[(&str, &str)], text: &str) {
        self.open_tag(name, attributes);
        self.out.push('>');
        push_escaped(&mut self.out, text, false);
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// An Atom date: RFC 3339 in UTC, clamped to the years it can write.
pub fn atom_date(at: Timestamp) -> String {
    Timestamp::from_millis(at.millis().clamp(0, LAST_RFC3339_MILLIS)).to_rfc3339()
}

/// What a feed says about itself.
pub struct FeedHead<'a> {
    /// The feed's own URL, which is also its id.
    pub self_url: &'a str,
    /// The page the feed mirrors.
    pub page_url: &'a str,
    pub title: &'a str,
    pub subtitle: Subtitle<'a>,
    /// When nothing newer is known: the feed's latest entry decides otherwise.
    pub updated_if_empty: Timestamp,
}

pub enum Subtitle<'a> {
    Text(&'a str),
    /// Sanitised HTML, as stored.
    Html(&'a str),
}

/// The Atom document of a feed whose entries are `entries`, newest first.
pub fn render_feed(uris: &Uris, head: &FeedHead<'_>, entries: &[FeedEntry]) -> String {
    let mut xml = XmlWriter::default();
    xml.start("feed", &[("xmlns", ATOM_NAMESPACE)]);
    xml.text("id", &[], head.self_url);
    xml.text("title", &[("type", "text")], head.title);
    match head.subtitle {
        Subtitle::Text(text) => xml.text("subtitle", &[("type", "text")], text),
        Subtitle::Html(html) => xml.text("subtitle", &[("type", "html")], html),
    }
    let updated = entries.iter().map(|e| e.updated).max().unwrap_or(head.updated_if_empty);
    xml.text("updated", &[], &atom_date(updated));
    xml.empty("link", &[("rel", "self"), ("type", "application/atom+xml"), ("href", head.self_url)]);
    xml.empty("link", &[("rel", "alternate"), ("type", "text/html"), ("href", head.page_url)]);
    xml.text("generator", &[("version", env!("CARGO_PKG_VERSION"))], "Allmende");
    for entry in entries {
        write_entry(&mut xml, uris, entry);
    }
    xml.end("feed");
    xml.finish()
}

fn write_entry(xml: &mut XmlWriter, uris: &Uris, entry: &FeedEntry) {
    let page = uris.absolute(&uris::thread_path(entry.id));
    let id = entry.remote_url.clone().unwrap_or_else(|| uris.post(entry.id, true));
    xml.start("entry", &[("xml:lang", &entry.language)]);
    xml.text("id", &[], &id);
    xml.text("title", &[("type", "text")], &entry.title);
    xml.empty("link", &[("rel", "alternate"), ("type", "text/html"), ("href", &page)]);
    xml.start("author", &[]);
    xml.text("name", &[], entry.author.actor.shown_name());
    xml.text("uri", &[], &person_url(uris, &entry.author));
    xml.end("author");
    xml.text("published", &[], &atom_date(entry.published));
    xml.text("updated", &[], &atom_date(entry.updated));
    // The scheme is this instance's groups: scheme and term together are the group's page here.
    let group = &entry.group.actor;
    let scheme = uris.absolute(&uris::group_path(""));
    xml.empty("category", &[("term", &group.handle()), ("label", group.shown_name()), ("scheme", &scheme)]);
    xml.text("content", &[("type", "html")], &entry.content_html);
    xml.end("entry");
}

/// The canonical URL of a person: their id where they live.
fn person_url(uris: &Uris, person: &FeedActor) -> String {
    match &person.remote_url {
        Some(url) => url.clone(),
        None => uris.user(&person.actor.name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str, in_attribute: bool) -> String {
        let mut out = String::new();
        push_escaped(&mut out, text, in_attribute);
        out
    }

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            escaped(r#"<script>alert("x" & 'y')</script>"#, false),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &apos;y&apos;)&lt;/script&gt;"
        );
        assert_eq!(escaped("]]>", false), "]]&gt;");
    }

    #[test]
    fn characters_xml_forbids_are_dropped() {
        assert_eq!(escaped("a\u{0}b\u{7}c\u{1b}d\u{b}\u{c}e\u{FFFE}\u{FFFF}\u{85}f", false), "abcdef");
        assert_eq!(escaped("line\nnext\ttab", false), "line\nnext\ttab");
        assert_eq!(escaped("ä € 😀 \u{10FFFF}", false), "ä € 😀 \u{10FFFF}");
    }

    #[test]
    fn white_space_in_attributes_survives_parsing() {
        assert_eq!(escaped("a\tb\nc\rd", true), "a&#9;b&#10;c&#13;d");
        assert_eq!(escaped("a\rb", false), "a&#13;b");
    }

    #[test]
    fn dates_outside_rfc3339_are_clamped() {
        assert_eq!(atom_date(Timestamp::from_millis(-5)), "1970-01-01T00:00:00.000Z");
        assert_eq!(atom_date(Timestamp::from_millis(i64::MAX)), "9999-12-31T23:59:59.999Z");
        assert_eq!(atom_date(Timestamp::from_millis(1_000)), "1970-01-01T00:00:01.000Z");
    }

    #[test]
    fn the_writer_nests_and_escapes() {
        let mut xml = XmlWriter::default();
        xml.start("feed", &[("xmlns", ATOM_NAMESPACE)]);
        xml.text("title", &[("type", "text")], "A & B");
        xml.empty("link", &[("href", "http://x/?a=1&b=\"2\"")]);
        xml.end("feed");
        assert_eq!(
            xml.finish(),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n\
             <title type=\"text\">A &amp; B</title>\n<link href=\"http://x/?a=1&amp;b=&quot;2&quot;\"/>\n\
             </feed>\n"
        );
    }
}
