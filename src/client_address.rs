//! Who sent a request, when a reverse proxy may stand between the client and us.
//!
//! The server loop (`server.rs`) works out a [`RequestOrigin`] for every request from the TCP
//! peer's address and, only when that peer is one of `trusted_proxies`, from the
//! `X-Forwarded-For`, `X-Forwarded-Host` and `X-Forwarded-Proto` headers. Anyone else's
//! forwarded headers are ignored, so a client cannot pick its own address (to dodge a rate
//! limit) or its own host (to replay a signature meant for another server).
//!
//! The `Forwarded` header (RFC 7239) is not read: a proxy that sets one kind of header usually
//! passes the other through from the client unchanged, so honouring both would let a client
//! speak for the proxy.

use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{Extensions, HeaderMap, header};

use crate::config::Networks;

/// Where a request came from, as far as we can trust it. Added to each request's extensions by
/// the server loop; nothing a client sends can set it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestOrigin {
    /// The TCP peer, or, when the peer is a trusted proxy, the rightmost address in
    /// `X-Forwarded-For` that is not itself a trusted proxy.
    pub client: IpAddr,
    /// The host the client addressed, from a trusted proxy's `X-Forwarded-Host`.
    pub forwarded_host: Option<String>,
    /// The scheme the client used (`http` or `https`), from a trusted proxy's
    /// `X-Forwarded-Proto`. Nothing depends on it yet: our URLs come from `domain` and
    /// `insecure_http`, never from a request.
    pub forwarded_proto: Option<String>,
}

impl RequestOrigin {
    /// Resolves a request that arrived on a connection from `peer`.
    pub fn resolve(peer: IpAddr, headers: &HeaderMap, trusted_proxies: &Networks) -> Self {
        let peer = peer.to_canonical();
        if !trusted_proxies.contains(peer) {
            return Self { client: peer, forwarded_host: None, forwarded_proto: None };
        }
        Self {
            client: forwarded_client(peer, headers, trusted_proxies),
            forwarded_host: last_value(headers, "x-forwarded-host").filter(|host| is_host(host)),
            forwarded_proto: last_value(headers, "x-forwarded-proto")
                .map(|proto| proto.to_ascii_lowercase())
                .filter(|proto| proto == "http" || proto == "https"),
        }
    }
}

/// Walks `X-Forwarded-For` from the right (the entries our own proxies appended) and stops at
/// the first address that is not a trusted proxy: everything left of it the client wrote
/// itself. An unreadable entry stops the walk at the proxy that passed it on.
fn forwarded_client(peer: IpAddr, headers: &HeaderMap, trusted_proxies: &Networks) -> IpAddr {
    let entries: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .collect();
    let mut client = peer;
    for entry in entries.iter().rev() {
        let Some(address) = parse_forwarded_address(entry) else { break };
        client = address;
        if !trusted_proxies.contains(address) {
            break;
        }
    }
    client
}

/// `203.0.113.7`, `203.0.113.7:4711`, `2001:db8::1` or `[2001:db8::1]:4711`.
fn parse_forwarded_address(entry: &str) -> Option<IpAddr> {
    let entry = entry.trim();
    let address = entry
        .parse::<IpAddr>()
        .ok()
        .or_else(|| entry.parse::<SocketAddr>().ok().map(|socket| socket.ip()))
        .or_else(|| entry.strip_prefix('[')?.strip_suffix(']')?.parse().ok())?;
    Some(address.to_canonical())
}

/// The last (nearest proxy's) value of a header that proxies may append to.
fn last_value(headers: &HeaderMap, name: &str) -> Option<String> {
    let value = headers.get_all(name).iter().next_back()?.to_str().ok()?;
    let last = value.rsplit(',').next()?.trim();
    (!last.is_empty()).then(|| last.to_owned())
}

/// A `host[:port]` and nothing else (no path, credentials or spaces).
fn is_host(text: &str) -> bool {
    text.len() <= 255
        && url::Url::parse(&format!("http://{text}/"))
            .is_ok_and(|url| url.host_str().is_some() && url.path() == "/" && url.username().is_empty())
        && !text.contains(['/', '@', '?', '#', ' '])
}

/// The client's address: see [`RequestOrigin::client`]. Falls back to the TCP peer, and to
/// `0.0.0.0` when a request did not come through the server loop (some tests).
pub fn client_address(extensions: &Extensions) -> IpAddr {
    if let Some(origin) = extensions.get::<RequestOrigin>() {
        return origin.client;
    }
    extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip().to_canonical())
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
}

/// The host a request was addressed to: a trusted proxy's `X-Forwarded-Host`, else the `Host`
/// header. Signatures of peers cover this host.
pub fn request_host<'a>(headers: &'a HeaderMap, extensions: &'a Extensions) -> Option<&'a str> {
    extensions
        .get::<RequestOrigin>()
        .and_then(|origin| origin.forwarded_host.as_deref())
        .or_else(|| headers.get(header::HOST).and_then(|host| host.to_str().ok()))
}

/// The network one client usually holds entirely: an IPv4 address as it is, an IPv6 address
/// by its /64 (and IPv4-mapped IPv6 as the IPv4 address). Limits and lockouts count per network,
/// so hopping through the addresses of one /64 does not buy more attempts.
pub fn client_network(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V4(_) => address,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let network = u128::from(v6) & !((1u128 << 64) - 1);
                IpAddr::V6(std::net::Ipv6Addr::from(network))
            }
        },
    }
}

/// Extractor for handlers that limit or log per client: `ClientAddress(address): ClientAddress`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub IpAddr);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Self(client_address(&parts.extensions)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(axum::http::HeaderName::from_bytes(name.as_bytes()).unwrap(), value.parse().unwrap());
        }
        map
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn proxies() -> Networks {
        Networks::parse("127.0.0.1, 10.0.0.0/8").unwrap()
    }

    #[test]
    fn untrusted_peers_speak_only_for_themselves() {
        let spoofed = headers(&[
            ("x-forwarded-for", "198.51.100.1"),
            ("x-forwarded-host", "other.example"),
            ("x-forwarded-proto", "https"),
        ]);
        let origin = RequestOrigin::resolve(ip("203.0.113.9"), &spoofed, &proxies());
        assert_eq!(
            origin,
            RequestOrigin { client: ip("203.0.113.9"), forwarded_host: None, forwarded_proto: None }
        );
        let nobody = RequestOrigin::resolve(ip("127.0.0.1"), &spoofed, &Networks::default());
        assert_eq!(nobody.client, ip("127.0.0.1"));
        assert_eq!(nobody.forwarded_host, None);
    }

    #[test]
    fn a_trusted_proxy_names_the_rightmost_untrusted_address() {
        let cases = [
            ("203.0.113.7", "203.0.113.7"),
            // The client wrote the left entry itself; our proxy appended the right one.
            ("198.51.100.1, 203.0.113.7", "203.0.113.7"),
            // Two of our proxies in a row.
            ("198.51.100.1, 203.0.113.7, 10.1.2.3", "203.0.113.7"),
            ("203.0.113.7:4711", "203.0.113.7"),
            ("[2001:db8::7]:4711", "2001:db8::7"),
            ("::ffff:203.0.113.7", "203.0.113.7"),
            // Garbage stops the walk at the proxy that passed it on.
            ("203.0.113.7, unknown, 10.1.2.3", "10.1.2.3"),
            ("unknown", "127.0.0.1"),
        ];
        for (forwarded_for, expected) in cases {
            let origin = RequestOrigin::resolve(
                ip("127.0.0.1"),
                &headers(&[("x-forwarded-for", forwarded_for)]),
                &proxies(),
            );
            assert_eq!(origin.client, ip(expected), "{forwarded_for}");
        }
        let split = headers(&[("x-forwarded-for", "198.51.100.1"), ("x-forwarded-for", "203.0.113.7")]);
        assert_eq!(
            RequestOrigin::resolve(ip("::ffff:127.0.0.1"), &split, &proxies()).client,
            ip("203.0.113.7")
        );
        assert_eq!(
            RequestOrigin::resolve(ip("10.0.0.1"), &HeaderMap::new(), &proxies()).client,
            ip("10.0.0.1")
        );
    }

    #[test]
    fn a_trusted_proxy_names_host_and_scheme() {
        let origin = RequestOrigin::resolve(
            ip("127.0.0.1"),
            &headers(&[("x-forwarded-host", "forum.example:8443"), ("x-forwarded-proto", "HTTPS")]),
            &proxies(),
        );
        assert_eq!(origin.forwarded_host.as_deref(), Some("forum.example:8443"));
        assert_eq!(origin.forwarded_proto.as_deref(), Some("https"));
        for bad in ["forum.example/inbox", "user@forum.example", "", "a b", "forum.example?x"] {
            let origin =
                RequestOrigin::resolve(ip("127.0.0.1"), &headers(&[("x-forwarded-host", bad)]), &proxies());
            assert_eq!(origin.forwarded_host, None, "{bad:?}");
        }
        let appended =
            headers(&[("x-forwarded-host", "evil.example, forum.example"), ("x-forwarded-proto", "ftp")]);
        let origin = RequestOrigin::resolve(ip("127.0.0.1"), &appended, &proxies());
        assert_eq!(origin.forwarded_host.as_deref(), Some("forum.example"));
        assert_eq!(origin.forwarded_proto, None);
    }

    #[test]
    fn the_request_host_prefers_the_forwarded_one() {
        let headers = headers(&[("host", "127.0.0.1:8080")]);
        let mut extensions = Extensions::new();
        assert_eq!(request_host(&headers, &extensions), Some("127.0.0.1:8080"));
        extensions.insert(RequestOrigin {
            client: ip("203.0.113.7"),
            forwarded_host: Some("forum.example".into()),
            forwarded_proto: None,
        });
        assert_eq!(request_host(&headers, &extensions), Some("forum.example"));
        assert_eq!(client_address(&extensions), ip("203.0.113.7"));
        assert_eq!(client_address(&Extensions::new()), IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    }
}
