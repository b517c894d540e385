//! Checking HTTP signatures of incoming requests. Cheap checks come first (header present and
//! well formed, algorithm, signed headers, date window, body digest), so a forged request is
//! refused before any key is fetched; the signature itself is checked once the key is known.

use std::collections::BTreeMap;

use axum::http::{HeaderMap, Method, Uri};
use base64::Engine;
use rsa::pkcs8::DecodePublicKey;
use rsa::{Pkcs1v15Sign, RsaPublicKey};
use sha2::{Digest, Sha256};

use crate::domain::Timestamp;

/// How far a request's `Date` may be from our clock (Mastodon allows about an hour too).
pub const DATE_WINDOW_SECONDS: i64 = 3600;

#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum VerifyError {
    #[error("the request is not signed")]
    Unsigned,
    #[error("the Signature header cannot be read: {0}")]
    Malformed(&'static str),
    #[error("signature algorithm {0} is not supported")]
    Algorithm(String),
    #[error("the signature does not cover {0}")]
    NotSigned(&'static str),
    #[error("the Date header is missing, unreadable or outside the accepted window")]
    Date,
    #[error("the Digest header does not match the body")]
    Digest,
    #[error("the signature does not verify")]
    Invalid,
    #[error("the public key cannot be read")]
    BadKey,
    #[error("the request was addressed to another host")]
    WrongHost,
}

/// Whether `received`, the host a request was addressed to (`client_address::request_host`), is
/// ours. In development and tests (`insecure_http`) a loopback host (`127.0.0.1:port`,
/// `localhost:port`) counts as ours too: clients there reach the server by its listening
/// address, not by its public name.
pub fn is_our_host(received: &str, our_host: &str, insecure: bool) -> bool {
    let received = received.trim();
    let without_default_port = |host: &str| {
        host.strip_suffix(":443").or_else(|| host.strip_suffix(":80")).unwrap_or(host).to_ascii_lowercase()
    };
    if without_default_port(received) == without_default_port(our_host) {
        return true;
    }
    insecure && is_loopback_host(received)
}

fn is_loopback_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(bracketed) => bracketed.split(']').next().unwrap_or_default(),
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    name.eq_ignore_ascii_case("localhost")
        || name.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// What a signature claims before it is checked: the `Signature` header, parsed once. The
/// same parsed fields build the signing string, so what the prechecks saw (which headers are
/// covered) is exactly what the signature is checked over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureClaim {
    pub key_id: String,
    pub headers: Vec<String>,
    /// The base64 signature.
    signature: String,
    created: Option<String>,
    expires: Option<String>,
}

impl SignatureClaim {
    /// The key id as a URL.
    pub fn key_url(&self) -> Result<url::Url, VerifyError> {
        url::Url::parse(&self.key_id).map_err(|_| VerifyError::Malformed("keyId is not a URL"))
    }

    /// The key id without its `#fragment`: the actor itself for keys like Mastodon's
    /// `{actor}#main-key`; for other shapes see `federation::key_owner`.
    pub fn actor_url(&self) -> Result<url::Url, VerifyError> {
        let mut url = self.key_url()?;
        url.set_fragment(None);
        Ok(url)
    }
}

/// The `keyId` a request claims, without any other check: enough to refuse a blocked peer.
pub fn claimed_key_id(headers: &HeaderMap) -> Option<String> {
    let raw = headers.get("signature")?.to_str().ok()?;
    parse_signature_header(raw).ok()?.remove("keyId")
}

/// The checks that need no key: run them before fetching anything.
pub fn precheck(
    headers: &HeaderMap,
    body: Option<&[u8]>,
    now: Timestamp,
) -> Result<SignatureClaim, VerifyError> {
    let raw = headers.get("signature").ok_or(VerifyError::Unsigned)?;
    let raw = raw.to_str().map_err(|_| VerifyError::Malformed("not ASCII"))?;
    let fields = parse_signature_header(raw)?;
    let key_id = fields.get("keyId").ok_or(VerifyError::Malformed("no keyId"))?.clone();
    let signature = fields.get("signature").ok_or(VerifyError::Malformed("no signature"))?.clone();
    if let Some(algorithm) = fields.get("algorithm") {
        let algorithm = algorithm.to_ascii_lowercase();
        if algorithm != "rsa-sha256" && algorithm != "hs2019" {
            return Err(VerifyError::Algorithm(algorithm));
        }
    }
    let signed: Vec<String> = fields
        .get("headers")
        .map(|h| h.split_whitespace().map(str::to_ascii_lowercase).collect())
        .unwrap_or_else(|| vec!["date".to_owned()]);
    if !signed.iter().any(|h| h == "(request-target)") {
        return Err(VerifyError::NotSigned("(request-target)"));
    }
    if !signed.iter().any(|h| h == "date" || h == "(created)") {
        return Err(VerifyError::NotSigned("date"));
    }
    check_date(headers, now)?;
    if let Some(body) = body {
        if !signed.iter().any(|h| h == "digest") {
            return Err(VerifyError::NotSigned("digest"));
        }
        check_digest(headers, body)?;
    }
    // The host names the server the request was meant for: without it, a request signed for
    // another server could be replayed here.
    if !signed.iter().any(|h| h == "host") {
        return Err(VerifyError::NotSigned("host"));
    }
    let claim = SignatureClaim {
        key_id,
        headers: signed,
        signature,
        created: fields.get("created").cloned(),
        expires: fields.get("expires").cloned(),
    };
    claim.key_url()?;
    Ok(claim)
}

/// Verifies the signature with the claimed actor's public key, over the signing string built
/// from the claim's own header list. `host` is the host the request was addressed to (our own
/// domain, once the caller checked the received host against it); it stands in for the
/// received `Host` header, which behind a proxy names the proxy's upstream instead.
pub fn verify_signature(
    claim: &SignatureClaim,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    host: &str,
    public_key_pem: &str,
) -> Result<(), VerifyError> {
    let key = RsaPublicKey::from_public_key_pem(public_key_pem).map_err(|_| VerifyError::BadKey)?;
    let signing_string = signing_string(claim, method, uri, headers, host)?;
    let signature = base64::engine::general_purpose::STANDARD
        .decode(claim.signature.trim())
        .map_err(|_| VerifyError::Invalid)?;
    key.verify(Pkcs1v15Sign::new::<Sha256>(), &Sha256::digest(signing_string.as_bytes()), &signature)
        .map_err(|_| VerifyError::Invalid)
}

/// The text a cavage signature covers: one `name: value` line per signed header, in order.
pub fn signing_string(
    claim: &SignatureClaim,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    host: &str,
) -> Result<String, VerifyError> {
    let mut lines = Vec::with_capacity(claim.headers.len());
    for name in &claim.headers {
        let value = match name.as_str() {
            "(request-target)" => {
                let path = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
                format!("{} {path}", method.as_str().to_ascii_lowercase())
            }
            "(created)" => {
                claim.created.clone().ok_or(VerifyError::Malformed("(created) without created"))?
            }
            "(expires)" => {
                claim.expires.clone().ok_or(VerifyError::Malformed("(expires) without expires"))?
            }
            "host" => host.to_owned(),
            other => {
                let values: Vec<&str> = headers
                    .get_all(other)
                    .iter()
                    .filter_map(|value| value.to_str().ok())
                    .map(str::trim)
                    .collect();
                if values.is_empty() {
                    return Err(VerifyError::Malformed("a signed header is missing"));
                }
                values.join(", ")
            }
        };
        lines.push(format!("{name}: {value}"));
    }
    Ok(lines.join("\n"))
}

fn check_date(headers: &HeaderMap, now: Timestamp) -> Result<(), VerifyError> {
    let date = headers.get("date").and_then(|d| d.to_str().ok()).ok_or(VerifyError::Date)?;
    let date = httpdate::parse_http_date(date).map_err(|_| VerifyError::Date)?;
    let millis = date
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .map_err(|_| VerifyError::Date)?;
    if (millis - now.millis()).abs() > DATE_WINDOW_SECONDS * 1000 {
        return Err(VerifyError::Date);
    }
    Ok(())
}

fn check_digest(headers: &HeaderMap, body: &[u8]) -> Result<(), VerifyError> {
    let digest = headers.get("digest").and_then(|d| d.to_str().ok()).ok_or(VerifyError::Digest)?;
    let expected = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(body));
    let matches = digest.split(',').any(|part| {
        part.trim()
            .split_once('=')
            .is_some_and(|(algorithm, value)| algorithm.eq_ignore_ascii_case("sha-256") && value == expected)
    });
    if matches { Ok(()) } else { Err(VerifyError::Digest) }
}

/// Parses `keyId="…",algorithm="…",headers="…",signature="…"`.
pub fn parse_signature_header(raw: &str) -> Result<BTreeMap<String, String>, VerifyError> {
    let mut fields = BTreeMap::new();
    let mut rest = raw.trim();
    while !rest.is_empty() {
        let (name, after) = rest.split_once('=').ok_or(VerifyError::Malformed("expected name=value"))?;
        let after = after.trim_start();
        let (value, remaining) = if let Some(quoted) = after.strip_prefix('"') {
            let end = quoted.find('"').ok_or(VerifyError::Malformed("unterminated quote"))?;
            (&quoted[..end], &quoted[end + 1..])
        } else {
            let end = after.find(',').unwrap_or(after.len());
            (&after[..end], &after[end..])
        };
        // A field given twice could be read one way here and another way elsewhere.
        if fields.insert(name.trim().to_owned(), value.to_owned()).is_some() {
            return Err(VerifyError::Malformed("a field is given twice"));
        }
        rest = remaining.trim_start().strip_prefix(',').unwrap_or(remaining).trim_start();
        if fields.len() > 16 {
            return Err(VerifyError::Malformed("too many fields"));
        }
    }
    Ok(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(axum::http::HeaderName::from_bytes(name.as_bytes()).unwrap(), value.parse().unwrap());
        }
        map
    }

    const NOW: i64 = 1_767_323_045_000; // Fri, 02 Jan 2026 03:04:05 GMT
    const DATE: &str = "Fri, 02 Jan 2026 03:04:05 GMT";
    const SIG: &str = r#"keyId="https://m.example/users/ana#main-key",algorithm="rsa-sha256",headers="(request-target) host date digest",signature="c2ln""#;

    fn digest(body: &[u8]) -> String {
        format!("SHA-256={}", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(body)))
    }

    #[test]
    fn a_well_formed_request_passes_the_prechecks() {
        let body = br#"{"type":"Follow"}"#;
        let digest = digest(body);
        let claim = precheck(
            &headers(&[("signature", SIG), ("date", DATE), ("digest", &digest)]),
            Some(body),
            Timestamp::from_millis(NOW),
        )
        .unwrap();
        assert_eq!(claim.actor_url().unwrap().as_str(), "https://m.example/users/ana");
    }

    #[test]
    fn prechecks_refuse_what_needs_no_key_to_refuse() {
        let body = b"{}";
        let good_digest = digest(body);
        let now = Timestamp::from_millis(NOW);
        let cases: Vec<(Vec<(&str, &str)>, VerifyError)> = vec![
            (vec![("date", DATE), ("digest", &good_digest)], VerifyError::Unsigned),
            (vec![("signature", "garbage"), ("date", DATE)], VerifyError::Malformed("expected name=value")),
            (
                vec![("signature", r#"algorithm="rsa-sha256",signature="c2ln""#), ("date", DATE)],
                VerifyError::Malformed("no keyId"),
            ),
            (
                vec![
                    (
                        "signature",
                        r#"keyId="https://m.example/a#k",algorithm="hmac-sha1",headers="(request-target) date digest",signature="c2ln""#,
                    ),
                    ("date", DATE),
                    ("digest", &good_digest),
                ],
                VerifyError::Algorithm("hmac-sha1".into()),
            ),
            (
                vec![
                    (
                        "signature",
                        r#"keyId="https://m.example/a#k",headers="(request-target) digest",signature="c2ln""#,
                    ),
                    ("date", DATE),
                    ("digest", &good_digest),
                ],
                VerifyError::NotSigned("date"),
            ),
            (
                vec![
                    (
                        "signature",
                        r#"keyId="https://m.example/a#k",headers="(request-target) date",signature="c2ln""#,
                    ),
                    ("date", DATE),
                    ("digest", &good_digest),
                ],
                VerifyError::NotSigned("digest"),
            ),
            (
                vec![("signature", SIG), ("date", "Thu, 01 Jan 2026 01:00:00 GMT"), ("digest", &good_digest)],
                VerifyError::Date,
            ),
            (vec![("signature", SIG), ("date", "yesterday"), ("digest", &good_digest)], VerifyError::Date),
            (vec![("signature", SIG), ("date", DATE), ("digest", "SHA-256=AAAA")], VerifyError::Digest),
        ];
        for (pairs, expected) in cases {
            assert_eq!(precheck(&headers(&pairs), Some(body), now), Err(expected.clone()), "{pairs:?}");
        }
    }

    #[test]
    fn the_host_must_be_signed() {
        let body = b"{}";
        let digest = digest(body);
        let sig = r#"keyId="https://m.example/a#k",headers="(request-target) date digest",signature="c2ln""#;
        assert_eq!(
            precheck(
                &headers(&[("signature", sig), ("date", DATE), ("digest", &digest)]),
                Some(body),
                Timestamp::from_millis(NOW)
            ),
            Err(VerifyError::NotSigned("host"))
        );
    }

    #[test]
    fn a_field_given_twice_is_refused() {
        let sig = r#"keyId="https://m.example/a#k",headers="(request-target) host date",keyId="https://evil.example/b#k",signature="c2ln""#;
        assert_eq!(
            precheck(&headers(&[("signature", sig), ("date", DATE)]), None, Timestamp::from_millis(NOW)),
            Err(VerifyError::Malformed("a field is given twice"))
        );
    }

    #[test]
    fn only_our_own_host_is_ours() {
        assert!(is_our_host("forum.example", "forum.example", false));
        assert!(is_our_host("Forum.Example:443", "forum.example", false));
        assert!(!is_our_host("other.example", "forum.example", false));
        assert!(!is_our_host("127.0.0.1:8080", "forum.example", false));
        assert!(is_our_host("127.0.0.1:8080", "forum.example", true), "tests reach us by address");
        assert!(is_our_host("[::1]:8080", "forum.example", true));
        assert!(!is_our_host("other.example", "forum.example", true));
    }

    #[tokio::test]
    async fn our_own_signatures_verify_with_the_one_parser() {
        let (public_pem, private_pem) = crate::service::instance::generate_key_pair().unwrap();
        let body = br#"{"type":"Follow"}"#.to_vec();
        let request = crate::federation::signing::Signer::new()
            .signed_post(
                &reqwest::Client::new(),
                "https://us.example/inbox?x=1",
                body.clone(),
                "https://peer.example/actor#main-key",
                &private_pem,
            )
            .await
            .unwrap();
        let mut received = HeaderMap::new();
        for (name, value) in request.headers() {
            received.append(name.clone(), value.clone());
        }
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis();
        let claim = precheck(&received, Some(&body), Timestamp::from_millis(now as i64)).unwrap();
        let uri: Uri = "/inbox?x=1".parse().unwrap();
        assert_eq!(
            verify_signature(&claim, &Method::POST, &uri, &received, "us.example", &public_pem),
            Ok(())
        );
        assert_eq!(
            verify_signature(&claim, &Method::POST, &uri, &received, "other.example", &public_pem),
            Err(VerifyError::Invalid),
            "a signature for us does not verify for another host"
        );
        let other_path: Uri = "/u/ana/inbox".parse().unwrap();
        assert_eq!(
            verify_signature(&claim, &Method::POST, &other_path, &received, "us.example", &public_pem),
            Err(VerifyError::Invalid)
        );
    }

    #[test]
    fn gets_need_no_digest() {
        let sig = r#"keyId="https://m.example/a#k",headers="(request-target) host date",signature="c2ln""#;
        assert!(
            precheck(&headers(&[("signature", sig), ("date", DATE)]), None, Timestamp::from_millis(NOW))
                .is_ok()
        );
    }
}
