//! An independent reader of sanitised HTML: it checks that every tag, attribute and link of
//! the sanitiser's output is within the allow-list we promise (no script, style, frame or
//! event handler; links only `http(s)`/`mailto` or relative). Std only: the property tests
//! (`properties.rs`) and the fuzz targets (`fuzz/`) both use it.

/// The elements the sanitiser may leave (see `domain::html`).
pub const ALLOWED_TAGS: &[&str] = &[
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
];

/// What is wrong with `html`, empty when it is within the allow-list.
pub fn violations(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        match read_tag(rest) {
            Ok((tag, after)) => {
                check_tag(&tag, &mut found);
                rest = after;
            }
            Err(problem) => {
                found.push(format!("unreadable markup ({problem}) at {:?}", prefix(rest)));
                break;
            }
        }
    }
    found
}

struct Tag<'a> {
    name: String,
    closing: bool,
    attributes: Vec<(String, String)>,
    raw: &'a str,
}

fn prefix(text: &str) -> &str {
    let end = text.char_indices().nth(40).map_or(text.len(), |(i, _)| i);
    &text[..end]
}

/// Reads one tag after its `<`, returning it and the text after its `>`.
fn read_tag(text: &str) -> Result<(Tag<'_>, &str), &'static str> {
    let (closing, body) = match text.strip_prefix('/') {
        Some(body) => (true, body),
        None => (false, text),
    };
    let name_end = body.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(body.len());
    if name_end == 0 {
        return Err("no element name after <");
    }
    let name = body[..name_end].to_owned();
    let mut rest = &body[name_end..];
    let mut attributes = Vec::new();
    loop {
        rest = rest.trim_start_matches([' ', '\t', '\n', '\r', '\x0c']);
        if let Some(after) = rest.strip_prefix('>') {
            let raw = &text[..text.len() - after.len()];
            return Ok((Tag { name, closing, attributes, raw }, after));
        }
        if let Some(after) = rest.strip_prefix("/>") {
            let raw = &text[..text.len() - after.len()];
            return Ok((Tag { name, closing, attributes, raw }, after));
        }
        let attr_end = rest.find(['=', ' ', '>', '\t', '\n', '/']).ok_or("unterminated tag")?;
        if attr_end == 0 {
            return Err("attribute without a name");
        }
        let attr = rest[..attr_end].to_owned();
        rest = &rest[attr_end..];
        let value = match rest.strip_prefix("=\"") {
            Some(quoted) => {
                let end = quoted.find('"').ok_or("unterminated attribute value")?;
                rest = &quoted[end + 1..];
                quoted[..end].to_owned()
            }
            None if rest.starts_with('=') => return Err("unquoted attribute value"),
            None => String::new(),
        };
        attributes.push((attr, value));
    }
}

fn check_tag(tag: &Tag<'_>, found: &mut Vec<String>) {
    let name = tag.name.to_ascii_lowercase();
    if !ALLOWED_TAGS.contains(&name.as_str()) {
        found.push(format!("element <{}> is not allowed: {:?}", tag.name, tag.raw));
    }
    if tag.closing && !tag.attributes.is_empty() {
        found.push(format!("closing tag with attributes: {:?}", tag.raw));
    }
    for (attr, value) in &tag.attributes {
        let allowed =
            matches!((name.as_str(), attr.as_str()), ("a", "href" | "rel" | "class") | ("span", "class"));
        if !allowed {
            found.push(format!("attribute {attr} on <{name}> is not allowed: {:?}", tag.raw));
        }
        if attr == "href" {
            let url = decode_entities(value);
            if !is_allowed_url(&url) {
                found.push(format!("link {url:?} is not allowed"));
            }
        }
        if attr == "rel"
            && value != "nofollow noopener noreferrer"
            && value != "tag nofollow noopener noreferrer"
        {
            found.push(format!("rel {value:?} is not ours"));
        }
    }
}

/// Whether a link is `http`, `https`, `mailto` or relative, read as a browser would: entities
/// decoded, ASCII whitespace and control characters ignored, case ignored.
pub fn is_allowed_url(url: &str) -> bool {
    let cleaned: String =
        url.chars().filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control()).collect::<String>();
    let lower = cleaned.to_ascii_lowercase();
    let scheme_end = lower.find(':');
    let first_delimiter = lower.find(['/', '?', '#']);
    match (scheme_end, first_delimiter) {
        (Some(colon), Some(delimiter)) if delimiter < colon => true,
        // Only letters, digits, `+`, `-` and `.` after a letter make a scheme; anything else
        // before the colon (`java%09script:`) makes a relative URL.
        (Some(colon), _) if !is_scheme(&lower[..colon]) => true,
        (Some(colon), _) => matches!(&lower[..colon], "http" | "https" | "mailto"),
        (None, _) => true,
    }
}

fn is_scheme(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_alphabetic())
        && text.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Decodes the character references a serialiser may write in an attribute.
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest.find(';').filter(|semi| *semi <= 12) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let decoded = match entity {
            "amp" => Some('&'),
            "quot" => Some('"'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|dec| dec.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every way the allow-list can be broken, in one text search as well: what a reader who
/// does not parse would still find.
pub fn forbidden_text(html: &str) -> Option<&'static str> {
    let lower = html.to_ascii_lowercase();
    ["<script", "<style", "<iframe", "<svg", "<math", "<img", "<object", "<embed", "<form", "<input"]
        .into_iter()
        .find(|needle| lower.contains(needle))
}

#[test]
fn the_reader_finds_what_is_not_allowed() {
    assert!(
        violations(r#"<p>hi <a href="https://x.example" rel="nofollow noopener noreferrer">x</a></p>"#)
            .is_empty()
    );
    assert!(violations("<p>a &lt;script&gt; as text</p>").is_empty());
    for bad in [
        "<script>alert(1)</script>",
        r#"<p onclick="x()">hi</p>"#,
        r#"<p style="color:red">hi</p>"#,
        r#"<a href="javascript:alert(1)">x</a>"#,
        r#"<a href="JaVa&#x09;Script:alert(1)">x</a>"#,
        r#"<a href=" &#106;avascript:alert(1)">x</a>"#,
        r#"<a href="data:text/html,x">x</a>"#,
        "<img src=x>",
        "<!-- comment -->",
        "<p title=x>",
    ] {
        assert!(!violations(bad).is_empty(), "{bad} passed");
    }
}
