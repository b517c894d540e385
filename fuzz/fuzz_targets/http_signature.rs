//! The draft-cavage `Signature` header: its parser, the prechecks (date, digest, covered
//! headers), the signing string built from the parsed claim, and verification with a key.
//! Input: `signature\ndate\ndigest\nbody`. RFC 9421 (`Signature-Input`) has its own target,
//! `http_signature_rfc9421`.
#![no_main]

use allmende::domain::Timestamp;
use allmende::federation::signatures::{PublishedKeys, SignatureFormat};
use allmende::federation::verify::{
    ReceivedRequest, claimed_key_id, parse_signature_header, precheck, signing_string, verify_signature,
};
use allmende_fuzz::{NOW_MILLIS, OUR_HOST, PUBLIC_KEY_PEM, fields, set_header};
use axum::http::{HeaderMap, Method, Uri};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (values, body) = fields(data, 3);
    if let Ok(raw) = std::str::from_utf8(values[0]) {
        if let Ok(parsed) = parse_signature_header(raw) {
            assert!(parsed.len() <= 17, "too many fields kept: {}", parsed.len());
        }
    }
    let mut headers = HeaderMap::new();
    set_header(&mut headers, "signature", values[0]);
    set_header(&mut headers, "date", values[1]);
    set_header(&mut headers, "digest", values[2]);
    let _ = claimed_key_id(&headers);
    let now = Timestamp::from_millis(NOW_MILLIS);
    for body in [Some(body), None] {
        let Ok(claim) = precheck(&headers, body, now) else { continue };
        assert!(claim.key_url().is_ok());
        assert_eq!(claim.format(), SignatureFormat::Cavage);
        for needed in ["(request-target)", "host"] {
            assert!(claim.covered().iter().any(|h| h == needed), "{needed} not covered");
        }
        let uri = Uri::from_static("/inbox");
        if let Ok(text) = signing_string(&claim, &Method::POST, &uri, &headers, OUR_HOST) {
            assert!(text.lines().count() >= claim.covered().len());
        }
        // Nothing the fuzzer writes is signed by this key's private half.
        let request = ReceivedRequest {
            method: &Method::POST,
            uri: &uri,
            headers: &headers,
            host: OUR_HOST,
            scheme: "https",
        };
        let keys = PublishedKeys { public_key_pem: PUBLIC_KEY_PEM, multikeys: &[] };
        assert!(verify_signature(&claim, &request, keys).is_err());
    }
});
