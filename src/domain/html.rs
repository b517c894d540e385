//! Turning Markdown into HTML, and any HTML into the small safe subset we store and show.
//! Local Markdown and remote HTML pass through the same sanitiser.

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{Event, Options, Parser, html};

/// Renders Markdown to sanitised HTML. Raw HTML in the source is shown as text, not executed.
pub fn render_markdown(source: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_TABLES);
    let parser = Parser::new_ext(source, options).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        other => other,
    });
    let mut rendered = String::with_capacity(source.len() + source.len() / 2);
    html::push_html(&mut rendered, parser);
    sanitize_html(&rendered)
}

/// The Mastodon-like allow-list: text structure, links with safe `rel`, mention and hashtag
/// markup. Never scripts, styles, SVG, MathML, frames or event handlers.
pub fn sanitize_html(input: &str) -> String {
    SANITIZER.clean(input).to_string()
}

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let tags: HashSet<&str> = [
        "p",
        "br",
        "a",
        "span",
        "ul",
        "ol",
        "li",
        "blockquote",
        "code",
        "pre",
        "em",
        "strong",
        "b",
        "i",
        "u",
        "del",
        "s",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    ]
    .into_iter()
    .collect();
    let mut builder = ammonia::Builder::default();
    builder
        .tags(tags)
        .generic_attributes(HashSet::new())
        .tag_attributes([("a", ["href"].into_iter().collect())].into_iter().collect())
        .allowed_classes(
            [
                ("a", ["mention", "hashtag", "u-url", "h-card", "status-link"].into_iter().collect()),
                ("span", ["h-card", "mention", "hashtag", "invisible", "ellipsis"].into_iter().collect()),
            ]
            .into_iter()
            .collect(),
        )
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("nofollow noopener noreferrer"));
    builder
});

/// Escapes text for HTML: titles, names and anything else that is shown as plain text.
pub fn escape_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            other => escaped.push(other),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_renders_and_raw_html_is_text() {
        let html = render_markdown("**Solar** on <script>alert(1)</script> roofs");
        assert!(html.contains("<strong>Solar</strong>"));
        assert!(!html.contains("<script"));
        assert!(html.contains("&lt;script&gt;"));
    }

    #[test]
    fn hostile_html_is_removed() {
        let hostile = r#"<p onclick="x()" style="color:red">hi<script>bad()</script><style>p{}</style>
            <iframe src="https://evil.example"></iframe><a href="javascript:alert(1)">js</a>
            <a href="data:text/html,hi">data</a><svg><circle/></svg><math><mi>x</mi></math>
            <img src=x onerror=alert(1)></p>"#;
        let clean = sanitize_html(hostile);
        for needle in
            ["script", "style", "iframe", "javascript:", "data:", "svg", "math", "onclick", "onerror", "<img"]
        {
            assert!(!clean.contains(needle), "{needle} survived in {clean}");
        }
        assert_eq!(sanitize_html(&clean), clean, "sanitising twice changes nothing");
    }

    #[test]
    fn mastodon_mention_markup_survives() {
        let mention = r#"<p><span class="h-card"><a href="https://m.example/@ana" class="u-url mention">@<span>ana</span></a></span> hi</p>"#;
        let clean = sanitize_html(mention);
        assert!(clean.contains(r#"class="h-card""#));
        assert!(clean.contains("u-url mention"));
        assert!(clean.contains("rel=\"nofollow noopener noreferrer\""));
    }
}
