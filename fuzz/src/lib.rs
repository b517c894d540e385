//! What the fuzz targets share: a fixed clock, a receiver, headers as a peer would sign them,
//! and the independent allow-list reader of sanitised HTML (the same one the property tests use).

use allmende::domain::Timestamp;
use allmende::federation::inbound_checks::Receiver;
use axum::http::{HeaderMap, HeaderName, HeaderValue};
use base64::Engine;
use sha2::{Digest, Sha256};

#[path = "../../tests/integration/html_allowlist.rs"]
pub mod html_allowlist;

/// Fri, 02 Jan 2026 03:04:05 GMT: the fuzzers' "now".
pub const NOW_MILLIS: i64 = 1_767_323_045_000;
pub const DATE: &str = "Fri, 02 Jan 2026 03:04:05 GMT";
pub const OUR_HOST: &str = "forum.example";
/// A public key no signature made by the fuzzer will match (its private half is thrown away).
pub const PUBLIC_KEY_PEM: &str = include_str!("public_key.pem");

pub fn receiver(received_host: &str) -> Receiver<'_> {
    Receiver { our_host: OUR_HOST, received_host, insecure: false, now: Timestamp::from_millis(NOW_MILLIS) }
}

/// The `Digest` header value of a body.
pub fn digest(body: &[u8]) -> String {
    format!("SHA-256={}", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(body)))
}

/// Headers that pass the prechecks for `body`, signed (in form) by `key_id`.
pub fn signed_headers(body: &[u8], key_id: &str) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert("content-type", HeaderValue::from_static("application/activity+json"));
    headers.insert("date", HeaderValue::from_static(DATE));
    headers.insert("host", HeaderValue::from_static(OUR_HOST));
    if let Ok(value) = HeaderValue::from_str(&digest(body)) {
        headers.insert("digest", value);
    }
    let signature = format!(
        r#"keyId="{}",algorithm="rsa-sha256",headers="(request-target) host date digest",signature="c2ln""#,
        key_id.replace('"', "")
    );
    if let Ok(value) = HeaderValue::from_str(&signature) {
        headers.insert("signature", value);
    }
    headers
}

/// Splits fuzz input into `n` newline-separated fields and the rest.
pub fn fields(data: &[u8], n: usize) -> (Vec<&[u8]>, &[u8]) {
    let mut fields = Vec::with_capacity(n);
    let mut rest = data;
    for _ in 0..n {
        match rest.iter().position(|b| *b == b'\n') {
            Some(end) => {
                fields.push(&rest[..end]);
                rest = &rest[end + 1..];
            }
            None => {
                fields.push(rest);
                rest = &[];
            }
        }
    }
    (fields, rest)
}

/// Sets a header from raw bytes, when they make a valid header value.
pub fn set_header(headers: &mut HeaderMap, name: &'static str, value: &[u8]) {
    if let Ok(value) = HeaderValue::from_bytes(value) {
        headers.insert(HeaderName::from_static(name), value);
    }
}

/// Checks sanitised HTML against the allow-list, panicking (a crash to libFuzzer) when it fails.
pub fn assert_within_allowlist(input: &str, output: &str) {
    let violations = html_allowlist::violations(output);
    assert!(violations.is_empty(), "input {input:?} gave {output:?}: {violations:?}");
    assert_eq!(html_allowlist::forbidden_text(output), None, "input {input:?} gave {output:?}");
}
