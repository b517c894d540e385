//! Checking HTTP signatures of incoming requests, in either format: draft-cavage (`Signature`
//! with `keyId`, `headers`) or RFC 9421 (`Signature-Input` and `Signature`, see
//! `federation::signatures::rfc9421`). A request with `Signature-Input` is read as RFC 9421.
//! Both are held to the same rules: the method and the target (path and our host) must be
//! covered, the time of signing must be within the window, and a body must be covered by a
//! digest that matches it. Cheap checks come first (header present and well formed,
//! algorithm, covered components, time window, body digest), so a forged request is refused
//! before any key is fetched; the signature itself is checked once the key is known.

use std::collections::BTreeMap;

use axum::http::{HeaderMap, Method, Uri};
use base64::Engine;
use sha2::{Digest, Sha256};

use super::signatures::rfc9421::{self, SignatureInput};
use super::signatures::rsa_keys;
use super::signatures::{PublishedKeys, SignatureFormat, content_digest};
use crate::domain::Timestamp;

/// How far a request's `Date` (or an RFC 9421 signature's `created`) may be from our clock
/// (Mastodon allows about an hour too).
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
    #[error("the signature's created time is missing or outside the accepted window")]
    Created,
    #[error("the signature has expired")]
    Expired,
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

/// What a signature claims before it is checked: the signature headers, parsed once. The
/// same parsed fields build the signing string (or RFC 9421 signature base), so what the
/// prechecks saw (which components are covered) is exactly what the signature is checked over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureClaim {
    pub key_id: String,
    scheme: Scheme,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Scheme {
    Cavage {
        headers: Vec<String>,
        /// The base64 signature.
        signature: String,
        created: Option<String>,
        expires: Option<String>,
    },
    Rfc9421 {
        input: Box<SignatureInput>,
        signature: Vec<u8>,
    },
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

    /// Which format the request was signed in.
    pub fn format(&self) -> SignatureFormat {
        match self.scheme {
            Scheme::Cavage { .. } => SignatureFormat::Cavage,
            Scheme::Rfc9421 { .. } => SignatureFormat::Rfc9421,
        }
    }

    /// The components (cavage: headers) the signature covers, lower case.
    pub fn covered(&self) -> &[String] {
        match &self.scheme {
            Scheme::Cavage { headers, .. } => headers,
            Scheme::Rfc9421 { input, .. } => &input.components,
        }
    }
}

/// The `keyId` a request claims, without any other check: enough to refuse a blocked peer.
pub fn claimed_key_id(headers: &HeaderMap) -> Option<String> {
    if let Some(input) = joined(headers, "signature-input") {
        let signature = joined(headers, "signature")?;
        return rfc9421::select(&input, &signature).ok()?.0.keyid;
    }
    let raw = headers.get("signature")?.to_str().ok()?;
    parse_signature_header(raw).ok()?.remove("keyId")
}

/// All lines of a header joined (a structured field may be split across lines), if ASCII.
fn joined(headers: &HeaderMap, name: &str) -> Option<String> {
    let values: Vec<&str> = headers.get_all(name).iter().map(|v| v.to_str().ok()).collect::<Option<_>>()?;
    (!values.is_empty()).then(|| values.join(", "))
}

/// The checks that need no key: run them before fetching anything.
pub fn precheck(
    headers: &HeaderMap,
    body: Option<&[u8]>,
    now: Timestamp,
) -> Result<SignatureClaim, VerifyError> {
    if headers.contains_key("signature-input") {
        return precheck_rfc9421(headers, body, now);
    }
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
        scheme: Scheme::Cavage {
            headers: signed,
            signature,
            created: fields.get("created").cloned(),
            expires: fields.get("expires").cloned(),
        },
    };
    claim.key_url()?;
    Ok(claim)
}

/// The prechecks of an RFC 9421 signature: the first signature named in both headers must
/// cover `@method` and the target (`@target-uri`, or `@authority` with `@path` or
/// `@request-target`), have been created within the window and not have expired, and for a body
/// cover `content-digest`, which must match the body.
fn precheck_rfc9421(
    headers: &HeaderMap,
    body: Option<&[u8]>,
    now: Timestamp,
) -> Result<SignatureClaim, VerifyError> {
    let input = joined(headers, "signature-input").ok_or(VerifyError::Malformed("not ASCII"))?;
    let signature = joined(headers, "signature").ok_or(VerifyError::Unsigned)?;
    let (input, signature) =
        rfc9421::select(&input, &signature).map_err(|error| VerifyError::Malformed(error.0))?;
    let key_id = input.keyid.clone().ok_or(VerifyError::Malformed("no keyid"))?;
    if let Some(alg) = &input.alg
        && alg != rfc9421::RSA_V1_5_SHA256
        && alg != rfc9421::ED25519
    {
        return Err(VerifyError::Algorithm(alg.clone()));
    }
    if !input.covers("@method") {
        return Err(VerifyError::NotSigned("@method"));
    }
    let target = input.covers("@target-uri")
        || (input.covers("@authority") && (input.covers("@path") || input.covers("@request-target")));
    if !target {
        return Err(VerifyError::NotSigned("@target-uri (or @authority and @path)"));
    }
    let now_seconds = now.millis().div_euclid(1000);
    let created = input.created.ok_or(VerifyError::Created)?;
    if (created - now_seconds).abs() > DATE_WINDOW_SECONDS {
        return Err(VerifyError::Created);
    }
    if input.expires.is_some_and(|expires| expires < now_seconds || expires < created) {
        return Err(VerifyError::Expired);
    }
    if let Some(body) = body {
        if !input.covers("content-digest") {
            return Err(VerifyError::NotSigned("content-digest"));
        }
        let digest = joined(headers, "content-digest").ok_or(VerifyError::Digest)?;
        content_digest::check(&digest, body).map_err(|_| VerifyError::Digest)?;
    }
    let claim = SignatureClaim { key_id, scheme: Scheme::Rfc9421 { input: Box::new(input), signature } };
    claim.key_url()?;
    Ok(claim)
}

/// A received request, as its signature covers it.
#[derive(Debug, Clone, Copy)]
pub struct ReceivedRequest<'a> {
    pub method: &'a Method,
    pub uri: &'a Uri,
    pub headers: &'a HeaderMap,
    /// The host the request was addressed to (our own domain, once the caller checked the
    /// received host against it); it stands in for the received `Host` header, which behind a
    /// proxy names the proxy's upstream instead.
    pub host: &'a str,
    /// Our scheme (`https`; `http` in development), for RFC 9421's `@target-uri`.
    pub scheme: &'a str,
}

/// Verifies the signature with the claimed actor's keys, over the signing string (or
/// signature base) built from the claim's own list of covered components. A key id that names
/// one of the actor's ed25519 Multikeys is checked with it, any other with its RSA key.
pub fn verify_signature(
    claim: &SignatureClaim,
    request: &ReceivedRequest<'_>,
    keys: PublishedKeys<'_>,
) -> Result<(), VerifyError> {
    match &claim.scheme {
        Scheme::Cavage { signature, .. } => {
            let key = rsa_keys::PublicKey::cached(keys.public_key_pem).map_err(|_| VerifyError::BadKey)?;
            let signing_string =
                signing_string(claim, request.method, request.uri, request.headers, request.host)?;
            let signature = base64::engine::general_purpose::STANDARD
                .decode(signature.trim())
                .map_err(|_| VerifyError::Invalid)?;
            key.verify_sha256(signing_string.as_bytes(), &signature).map_err(|_| VerifyError::Invalid)
        }
        Scheme::Rfc9421 { input, signature } => {
            let parts = rfc9421::RequestParts {
                method: request.method.as_str(),
                scheme: request.scheme,
                authority: request.host,
                path_and_query: request.uri.path_and_query().map_or("/", |p| p.as_str()),
                headers: request.headers,
            };
            let base =
                rfc9421::signature_base(input, &parts).map_err(|error| VerifyError::Malformed(error.0))?;
            let alg = input.alg.as_deref();
            match keys.multikeys.iter().find(|key| key.id == claim.key_id) {
                Some(multikey) => {
                    let key = multikey.verifying_key().ok_or(VerifyError::BadKey)?;
                    rfc9421::verify(alg, rfc9421::VerifyingKey::Ed25519(&key), &base, signature)
                }
                None => {
                    let key =
                        rsa_keys::PublicKey::cached(keys.public_key_pem).map_err(|_| VerifyError::BadKey)?;
                    rfc9421::verify(alg, rfc9421::VerifyingKey::Rsa(&key), &base, signature)
                }
            }
            .map_err(|_| VerifyError::Invalid)
        }
    }
}

/// The text a cavage signature covers: one `name: value` line per signed header, in order.
pub fn signing_string(
    claim: &SignatureClaim,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    host: &str,
) -> Result<String, VerifyError> {
    let Scheme::Cavage { headers: covered, created, expires, .. } = &claim.scheme else {
        return Err(VerifyError::Malformed("not a draft-cavage signature"));
    };
    let mut lines = Vec::with_capacity(covered.len());
    for name in covered {
        let value = match name.as_str() {
            "(request-target)" => {
                let path = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
                format!("{} {path}", method.as_str().to_ascii_lowercase())
            }
            "(created)" => created.clone().ok_or(VerifyError::Malformed("(created) without created"))?,
            "(expires)" => expires.clone().ok_or(VerifyError::Malformed("(expires) without expires"))?,
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
        let keys = PublishedKeys { public_key_pem: &public_pem, multikeys: &[] };
        let body = br#"{"type":"Follow"}"#.to_vec();
        for format in [SignatureFormat::Cavage, SignatureFormat::Rfc9421] {
            let request = crate::federation::signing::Signer::new()
                .signed_post_as(
                    format,
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
            assert_eq!(claim.format(), format);
            let uri: Uri = "/inbox?x=1".parse().unwrap();
            let at = |host, uri| ReceivedRequest {
                method: &Method::POST,
                uri,
                headers: &received,
                host,
                scheme: "https",
            };
            assert_eq!(verify_signature(&claim, &at("us.example", &uri), keys), Ok(()), "{format:?}");
            assert_eq!(
                verify_signature(&claim, &at("other.example", &uri), keys),
                Err(VerifyError::Invalid),
                "a signature for us does not verify for another host ({format:?})"
            );
            let other_path: Uri = "/u/ana/inbox".parse().unwrap();
            assert_eq!(
                verify_signature(&claim, &at("us.example", &other_path), keys),
                Err(VerifyError::Invalid)
            );
            let get = ReceivedRequest { method: &Method::GET, ..at("us.example", &uri) };
            assert_eq!(verify_signature(&claim, &get, keys), Err(VerifyError::Invalid), "another method");
        }
    }

    /// RFC 9421 headers over a request to `https://us.example/inbox` at `NOW`.
    fn rfc9421_headers(input: &str, body: &[u8]) -> HeaderMap {
        let digest = content_digest::header_value(body);
        headers(&[("signature-input", input), ("signature", "sig1=:c2ln:"), ("content-digest", &digest)])
    }

    const CREATED: i64 = NOW / 1000;

    #[test]
    fn rfc9421_prechecks_hold_it_to_the_same_rules() {
        let body = b"{}";
        let now = Timestamp::from_millis(NOW);
        let good = format!(
            r#"sig1=("@method" "@target-uri" "content-digest");created={CREATED};keyid="https://m.example/a#k""#
        );
        let claim = precheck(&rfc9421_headers(&good, body), Some(body), now).unwrap();
        assert_eq!(claim.format(), SignatureFormat::Rfc9421);
        assert_eq!(claim.actor_url().unwrap().as_str(), "https://m.example/a");
        assert_eq!(claimed_key_id(&rfc9421_headers(&good, body)).as_deref(), Some("https://m.example/a#k"));
        let authority_and_path = format!(
            r#"sig1=("@method" "@authority" "@path" "content-digest");created={CREATED};keyid="https://m.example/a#k";alg="ed25519""#
        );
        assert!(precheck(&rfc9421_headers(&authority_and_path, body), Some(body), now).is_ok());
        assert!(precheck(&rfc9421_headers(&good, body), None, now).is_ok(), "a GET needs no digest");
        let cases: Vec<(String, VerifyError)> = vec![
            (
                format!(
                    r#"sig1=("@target-uri" "content-digest");created={CREATED};keyid="https://m.example/a#k""#
                ),
                VerifyError::NotSigned("@method"),
            ),
            (
                format!(
                    r#"sig1=("@method" "@path" "content-digest");created={CREATED};keyid="https://m.example/a#k""#
                ),
                VerifyError::NotSigned("@target-uri (or @authority and @path)"),
            ),
            (
                format!(r#"sig1=("@method" "@target-uri");created={CREATED};keyid="https://m.example/a#k""#),
                VerifyError::NotSigned("content-digest"),
            ),
            (
                r#"sig1=("@method" "@target-uri" "content-digest");keyid="https://m.example/a#k""#.to_owned(),
                VerifyError::Created,
            ),
            (
                format!(
                    r#"sig1=("@method" "@target-uri" "content-digest");created={};keyid="https://m.example/a#k""#,
                    CREATED - DATE_WINDOW_SECONDS - 1
                ),
                VerifyError::Created,
            ),
            (
                format!(
                    r#"sig1=("@method" "@target-uri" "content-digest");created={};keyid="https://m.example/a#k""#,
                    CREATED + 2 * DATE_WINDOW_SECONDS
                ),
                VerifyError::Created,
            ),
            (
                format!(
                    r#"sig1=("@method" "@target-uri" "content-digest");created={};expires={};keyid="https://m.example/a#k""#,
                    CREATED - 60,
                    CREATED - 1
                ),
                VerifyError::Expired,
            ),
            (
                format!(r#"sig1=("@method" "@target-uri" "content-digest");created={CREATED}"#),
                VerifyError::Malformed("no keyid"),
            ),
            (
                format!(r#"sig1=("@method" "@target-uri" "content-digest");created={CREATED};keyid="k""#),
                VerifyError::Malformed("keyId is not a URL"),
            ),
            (
                format!(
                    r#"sig1=("@method" "@target-uri" "content-digest");created={CREATED};keyid="https://m.example/a#k";alg="hmac-sha256""#
                ),
                VerifyError::Algorithm("hmac-sha256".into()),
            ),
            (
                "sig1=:c2ln:".to_owned(),
                VerifyError::Malformed("a Signature-Input member is not an inner list"),
            ),
            (
                format!(r#"other=("@method" "@target-uri");created={CREATED};keyid="https://m.example/a#k""#),
                VerifyError::Malformed("no signature has a Signature-Input"),
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(precheck(&rfc9421_headers(&input, body), Some(body), now), Err(expected), "{input}");
        }
        let mut wrong_digest = rfc9421_headers(&good, body);
        wrong_digest.insert("content-digest", content_digest::header_value(b"other").parse().unwrap());
        assert_eq!(precheck(&wrong_digest, Some(body), now), Err(VerifyError::Digest));
        wrong_digest.remove("content-digest");
        assert_eq!(precheck(&wrong_digest, Some(body), now), Err(VerifyError::Digest));
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
