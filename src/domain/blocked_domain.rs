//! A domain a member blocks. Stored as a lowercase host without port, so that one entry covers
//! the host on every port and all of its subdomains (`evil.example` also hides
//! `evil.example:8443` and `a.evil.example`); what a member types (a URL, `@name@host`, a
//! host with a port) is reduced to that.

use super::FieldError;

/// The longest host name DNS allows.
const MAX_LEN: usize = 253;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockedDomain(String);

impl BlockedDomain {
    /// Reads `example.org`, `Example.ORG:8443`, `https://example.org/path` or
    /// `@name@example.org` as `example.org`; refuses anything that is not a host name.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let invalid = || FieldError::new("domain", "is not a host name");
        let mut host = input.trim();
        if let Some((_, rest)) = host.split_once("://") {
            host = rest;
        }
        host = host.split(['/', '?', '#']).next().unwrap_or_default();
        if let Some((_, after)) = host.rsplit_once('@') {
            host = after;
        }
        if let Some((name, port)) = host.rsplit_once(':') {
            if port.is_empty() || !port.chars().all(|c| c.is_ascii_digit()) {
                return Err(invalid());
            }
            host = name;
        }
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        let label_ok = |label: &str| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        };
        if host.is_empty() || host.len() > MAX_LEN || !host.split('.').all(label_ok) {
            return Err(invalid());
        }
        Ok(Self(host))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether a peer's host (which may carry a port) falls under this block.
    pub fn covers(&self, peer_host: &str) -> bool {
        let peer = peer_host.to_ascii_lowercase();
        let name = peer.rsplit_once(':').map_or(peer.as_str(), |(name, _)| name);
        name == self.0 || name.strip_suffix(self.0.as_str()).is_some_and(|rest| rest.ends_with('.'))
    }
}

#[cfg(test)]
mod tests {
    use super::BlockedDomain;

    #[test]
    fn typed_forms_are_reduced_to_the_host() {
        for input in [
            "evil.example",
            " Evil.EXAMPLE ",
            "evil.example:8443",
            "https://evil.example/@x",
            "@mallory@evil.example",
            "evil.example.",
        ] {
            assert_eq!(BlockedDomain::parse(input).map(|d| d.0), Ok("evil.example".to_owned()), "{input}");
        }
    }

    #[test]
    fn what_is_not_a_host_is_refused() {
        for input in [
            "",
            "   ",
            "evil example",
            "evil_example.org",
            "%.org",
            "-a.org",
            "a..org",
            "a.org:port",
            "a.org:",
        ] {
            assert!(BlockedDomain::parse(input).is_err(), "{input}");
        }
    }

    #[test]
    fn covers_other_ports_and_subdomains_only() {
        let block = BlockedDomain::parse("evil.example").unwrap();
        for host in ["evil.example", "evil.example:8443", "a.evil.example", "a.b.evil.example:1"] {
            assert!(block.covers(host), "{host}");
        }
        for host in ["notevil.example", "evil.example.org", "example"] {
            assert!(!block.covers(host), "{host}");
        }
    }
}
