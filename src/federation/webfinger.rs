//! Reading WebFinger (RFC 7033): the handles people type, the resources other servers ask us
//! about, and the JRD documents other servers answer with. Pure functions, so they can be
//! fuzzed; fetching and answering live in `resolve` and `discovery`.

use serde_json::Value;
use url::Url;

/// Splits `name@host` (with or without a leading `@`) into its name and host.
pub fn parse_handle(handle: &str) -> Option<(&str, &str)> {
    let handle = handle.trim().trim_start_matches('@');
    let (name, host) = handle.split_once('@')?;
    if name.is_empty() || host.is_empty() || host.contains(['/', '@', '?', '#']) {
        return None;
    }
    Some((name, host))
}

/// The WebFinger URL that asks `host` about `acct:name@host`; None when `host` is no host.
pub fn query_url(scheme: &str, name: &str, host: &str) -> Option<Url> {
    let mut url = Url::parse(&format!("{scheme}://{host}/.well-known/webfinger")).ok()?;
    // `host` must be the whole authority: no credentials, path or query smuggled in.
    if url.path() != "/.well-known/webfinger" || !url.username().is_empty() || url.password().is_some() {
        return None;
    }
    url.query_pairs_mut().append_pair("resource", &format!("acct:{name}@{host}"));
    Some(url)
}

/// The ActivityPub actor a JRD document links to (`rel="self"` with an ActivityPub type), when
/// it is an `http(s)` URL.
pub fn self_link(jrd: &Value) -> Option<Url> {
    jrd.get("links")?
        .as_array()?
        .iter()
        .find(|link| {
            link.get("rel").and_then(Value::as_str) == Some("self")
                && link.get("type").and_then(Value::as_str).is_some_and(|t| {
                    t.starts_with("application/activity+json") || t.starts_with("application/ld+json")
                })
        })
        .and_then(|link| link.get("href")?.as_str())
        .and_then(|href| Url::parse(href).ok())
        .filter(|url| matches!(url.scheme(), "https" | "http") && url.host_str().is_some())
}

/// The local name a WebFinger resource asks for: `acct:name@host`, `name@host`, or the URL
/// of a local actor; `host` is ours. Other hosts are not ours to answer for.
pub fn local_name_of(resource: &str, host: &str) -> Option<String> {
    let resource = resource.trim();
    if let Some(rest) =
        resource.strip_prefix("acct:").or_else(|| (!resource.contains("://")).then_some(resource))
    {
        let rest = rest.strip_prefix('@').unwrap_or(rest);
        let (name, resource_host) = rest.rsplit_once('@')?;
        return resource_host.eq_ignore_ascii_case(host).then(|| name.to_ascii_lowercase());
    }
    let url = Url::parse(resource).ok()?;
    let url_host = match url.port() {
        Some(port) => format!("{}:{port}", url.host_str()?),
        None => url.host_str()?.to_owned(),
    };
    if !url_host.eq_ignore_ascii_case(host) {
        return None;
    }
    let path = url.path().trim_end_matches('/');
    if path == "/actor" {
        return Some(crate::service::instance::INSTANCE_ACTOR_NAME.to_owned());
    }
    path.strip_prefix("/u/")
        .or_else(|| path.strip_prefix("/g/"))
        .filter(|n| !n.contains('/'))
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn handles() {
        assert_eq!(parse_handle("@ana@m.example"), Some(("ana", "m.example")));
        assert_eq!(parse_handle("ana@m.example:8443"), Some(("ana", "m.example:8443")));
        for bad in ["ana", "@m.example", "ana@", "ana@m.example/x", "a@b@c", "ana@h?x"] {
            assert_eq!(parse_handle(bad), None, "{bad}");
        }
    }

    #[test]
    fn query_urls_stay_on_the_host() {
        let url = query_url("https", "ana", "m.example").unwrap();
        assert_eq!(url.as_str(), "https://m.example/.well-known/webfinger?resource=acct%3Aana%40m.example");
        assert_eq!(query_url("https", "ana", "user:pw@m.example"), None);
        assert_eq!(query_url("https", "ana", "m.example\\x"), None);
        assert_eq!(query_url("https", "ana", ""), None);
    }

    #[test]
    fn the_self_link_must_be_an_activitypub_http_url() {
        let jrd = |href: &str, kind: &str| json!({"links": [{"rel": "self", "type": kind, "href": href}]});
        assert_eq!(
            self_link(&jrd("https://m.example/users/ana", "application/activity+json")).unwrap().as_str(),
            "https://m.example/users/ana"
        );
        assert!(self_link(&jrd("https://m.example/users/ana", "text/html")).is_none());
        assert!(self_link(&jrd("javascript:alert(1)", "application/activity+json")).is_none());
        assert!(self_link(&jrd("data:text/plain,x", "application/activity+json")).is_none());
        assert!(self_link(&json!({"links": "nope"})).is_none());
        assert!(self_link(&json!([1, 2])).is_none());
    }

    #[test]
    fn resources_we_answer_for() {
        let host = "forum.example";
        assert_eq!(local_name_of("acct:Ana@forum.example", host).as_deref(), Some("ana"));
        assert_eq!(local_name_of("@ana@FORUM.example", host).as_deref(), Some("ana"));
        assert_eq!(local_name_of("https://forum.example/u/ana", host).as_deref(), Some("ana"));
        assert_eq!(local_name_of("https://forum.example/g/energy/", host).as_deref(), Some("energy"));
        assert_eq!(local_name_of("https://forum.example/actor", host).as_deref(), Some("actor"));
        assert_eq!(local_name_of("acct:ana@other.example", host), None);
        assert_eq!(local_name_of("https://other.example/u/ana", host), None);
        assert_eq!(local_name_of("https://forum.example/u/ana/x", host), None);
    }
}
