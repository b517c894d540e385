//! The HTML part of a mail: the plain text, escaped, its paragraphs as `<p>`, its lines kept,
//! and its web addresses as links. Same content as the text part, nothing more.

use crate::domain::html::escape_text;

/// Characters that end a sentence rather than a link when they close one.
const TRAILING: &[char] = &['.', ',', ';', ':', '!', '?', ')', ']', '\'', '"'];

/// A simple HTML document with the content of `text`.
pub fn from_text(text: &str) -> String {
    let mut body = String::new();
    for paragraph in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let lines: Vec<String> = paragraph.lines().map(line).collect();
        body.push_str("<p>");
        body.push_str(&lines.join("<br>\n"));
        body.push_str("</p>\n");
    }
    format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head>\n<body style=\"font-family: sans-serif; line-height: 1.5\">\n{body}</body></html>\n"
    )
}

fn line(text: &str) -> String {
    text.split(' ').map(word).collect::<Vec<_>>().join(" ")
}

fn word(word: &str) -> String {
    let start = ["https://", "http://"].iter().filter_map(|scheme| word.find(scheme)).min();
    let Some(start) = start else {
        return escape_text(word);
    };
    let (before, rest) = word.split_at(start);
    let url = rest.trim_end_matches(TRAILING);
    let after = &rest[url.len()..];
    if url.len() <= "https://".len() {
        return escape_text(word);
    }
    let url = escape_text(url);
    format!("{}<a href=\"{url}\">{url}</a>{}", escape_text(before), escape_text(after))
}

#[cfg(test)]
mod tests {
    use super::from_text;

    #[test]
    fn text_is_escaped_and_links_are_clickable() {
        let html = from_text(
            "Hello <ana> & co,\nopen https://forum.example/reset?token=a&b=c.\n\n(see http://x.example/p)\n",
        );
        assert!(html.contains("<p>Hello &lt;ana&gt; &amp; co,<br>\nopen "), "{html}");
        assert!(
            html.contains(
                "<a href=\"https://forum.example/reset?token=a&amp;b=c\">https://forum.example/reset?token=a&amp;b=c</a>.</p>"
            ),
            "{html}"
        );
        assert!(
            html.contains("<p>(see <a href=\"http://x.example/p\">http://x.example/p</a>)</p>"),
            "{html}"
        );
        assert!(!html.contains("<ana>"));
    }

    #[test]
    fn quotes_cannot_leave_the_attribute() {
        let html = from_text("https://x.example/\"onmouseover=alert(1)");
        assert!(!html.contains("\"onmouseover"), "{html}");
    }
}
