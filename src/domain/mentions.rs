//! Mentions in text typed into a Mastodon app: `@energy` (here) or `@energy@forum.example`
//! (elsewhere, host with an optional port). A toot that mentions a group starts a thread.

/// A mention as typed: the name and, for another instance, its host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub name: String,
    pub host: Option<String>,
}

impl Mention {
    /// `name` or `name@host`.
    pub fn handle(&self) -> String {
        match &self.host {
            Some(host) => format!("{}@{}", self.name, host),
            None => self.name.clone(),
        }
    }
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.'
}

fn is_host_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '.' || c == ':'
}

/// The mentions of a text, in order, each once. An `@` inside a word (an email address) is
/// not a mention.
pub fn extract_mentions(text: &str) -> Vec<Mention> {
    let mut found: Vec<Mention> = Vec::new();
    for (start, end) in mention_spans(text) {
        let token = &text[start + 1..end];
        let (name, host) = match token.split_once('@') {
            Some((name, host)) => (name, Some(host.to_ascii_lowercase())),
            None => (token, None),
        };
        let mention = Mention { name: name.to_ascii_lowercase(), host };
        if !found.contains(&mention) {
            found.push(mention);
        }
    }
    found
}

/// Byte ranges `@name[@host]` of each mention.
pub(crate) fn mention_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut previous: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let starts_mention =
            c == '@' && !previous.is_some_and(|p| p.is_alphanumeric() || p == '_' || p == '@');
        previous = Some(c);
        if !starts_mention {
            continue;
        }
        let mut end = at + 1;
        while let Some(&(i, n)) = chars.peek() {
            if !is_name_char(n) {
                break;
            }
            end = i + n.len_utf8();
            previous = Some(n);
            chars.next();
        }
        let name_end = trim_trailing(text, at + 1, end, &['.', '-']);
        if name_end == at + 1 {
            continue;
        }
        let mut span_end = name_end;
        if end == name_end && text[end..].starts_with('@') {
            let host_start = end + 1;
            let mut host_end = host_start;
            chars.next();
            while let Some(&(i, n)) = chars.peek() {
                if !is_host_char(n) {
                    break;
                }
                host_end = i + n.len_utf8();
                previous = Some(n);
                chars.next();
            }
            let host_end = trim_trailing(text, host_start, host_end, &['.', ':', '-']);
            if text[host_start..host_end].contains('.') || text[host_start..host_end].starts_with("localhost")
            {
                span_end = host_end;
            }
        }
        spans.push((at, span_end));
    }
    spans
}

fn trim_trailing(text: &str, start: usize, mut end: usize, trailing: &[char]) -> usize {
    while end > start && text[start..end].ends_with(trailing) {
        end -= 1;
    }
    end
}

/// Removes every mention from a line and tidies the spaces left behind.
pub fn strip_mentions(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut last = 0;
    for (start, end) in mention_spans(line) {
        out.push_str(&line[last..start]);
        last = end;
    }
    out.push_str(&line[last..]);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_local_and_remote_mentions() {
        let found =
            extract_mentions("@energy Solar on schools, cc @ana@forum.example and @bo@localhost:8081.");
        let handles: Vec<String> = found.iter().map(Mention::handle).collect();
        assert_eq!(handles, ["energy", "ana@forum.example", "bo@localhost:8081"]);
    }

    #[test]
    fn email_addresses_and_lone_at_signs_are_not_mentions() {
        assert!(extract_mentions("write to info@example.org @ noon").is_empty());
    }

    #[test]
    fn strip_leaves_the_title() {
        assert_eq!(strip_mentions("@energy@forum.example  Solar on schools"), "Solar on schools");
        assert_eq!(strip_mentions("Heat pumps @energy"), "Heat pumps");
    }
}
