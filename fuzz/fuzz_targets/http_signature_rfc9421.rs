//! RFC 9421 HTTP Message Signatures: the `Signature-Input` and `Signature` structured-field
//! parsers, the RFC 9530 `Content-Digest` check, the FEP-521a Multikey decoder, the prechecks of
//! a request signed this way and the signature base built from the parsed input.
//! Input: `signature-input\nsignature\ncontent-digest\nbody`.
#![no_main]

use allmende::domain::Timestamp;
use allmende::federation::signatures::rfc9421::{
    RequestParts, parse_signature, parse_signature_input, select, signature_base,
};
use allmende::federation::signatures::{PublishedKeys, SignatureFormat, content_digest, multikey};
use allmende::federation::verify::{ReceivedRequest, claimed_key_id, precheck, verify_signature};
use allmende_fuzz::{DATE, NOW_MILLIS, OUR_HOST, PUBLIC_KEY_PEM, fields, set_header};
use axum::http::{HeaderMap, HeaderValue, Method, Uri};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (values, body) = fields(data, 3);
    let input = String::from_utf8_lossy(values[0]);
    let signature = String::from_utf8_lossy(values[1]);
    let digest = String::from_utf8_lossy(values[2]);

    if let Ok(inputs) = parse_signature_input(&input) {
        assert!(!inputs.is_empty() && inputs.len() <= 8, "{} signatures kept", inputs.len());
        for parsed in &inputs {
            assert!(parsed.components.len() <= 32);
            for (i, name) in parsed.components.iter().enumerate() {
                assert!(!name.is_empty() && !name.bytes().any(|b| b.is_ascii_uppercase()), "{name:?}");
                assert!(!parsed.components[..i].contains(name), "{name:?} covered twice");
            }
            // What the base's `@signature-params` line says is read back as the same input.
            let again = parse_signature_input(&format!("{}={}", parsed.label, parsed.params_value))
                .unwrap_or_else(|error| panic!("{:?} does not read back: {error}", parsed.params_value));
            assert_eq!(again.len(), 1);
            assert_eq!(&again[0], parsed, "re-serialized parameters differ");
            if let Some(keyid) = &parsed.keyid {
                let _ = multikey::decode_ed25519(keyid);
            }
        }
    }
    if let Ok(signatures) = parse_signature(&signature) {
        assert!(!signatures.is_empty() && signatures.len() <= 8);
    }
    if let Ok((chosen, _)) = select(&input, &signature) {
        let headers = HeaderMap::new();
        let request = RequestParts {
            method: "POST",
            scheme: "https",
            authority: OUR_HOST,
            path_and_query: "/inbox?page=1",
            headers: &headers,
        };
        if let Ok(base) = signature_base(&chosen, &request) {
            // One line per covered component and the parameters: nothing smuggles in a line.
            assert_eq!(base.lines().count(), chosen.components.len() + 1, "{base:?}");
            assert!(base.ends_with(&chosen.params_value));
        }
    }
    if content_digest::check(&digest, body).is_ok() {
        assert!(digest.contains("sha-256") || digest.contains("sha-512"));
    }
    assert_eq!(content_digest::check(&content_digest::header_value(body), body), Ok(()));

    // The whole request, as the inbox's prechecks and signature check see it.
    let mut headers = HeaderMap::new();
    set_header(&mut headers, "signature-input", values[0]);
    set_header(&mut headers, "signature", values[1]);
    set_header(&mut headers, "content-digest", values[2]);
    headers.insert("content-type", HeaderValue::from_static("application/activity+json"));
    headers.insert("date", HeaderValue::from_static(DATE));
    let _ = claimed_key_id(&headers);
    let now = Timestamp::from_millis(NOW_MILLIS);
    for body in [Some(body), None] {
        let Ok(claim) = precheck(&headers, body, now) else { continue };
        assert_eq!(claim.format(), SignatureFormat::Rfc9421);
        assert!(claim.key_url().is_ok());
        let covered = claim.covered();
        assert!(covered.iter().any(|c| c == "@method"), "{covered:?}");
        if body.is_some() {
            assert!(covered.iter().any(|c| c == "content-digest"), "{covered:?}");
        }
        let uri = Uri::from_static("/inbox");
        let request = ReceivedRequest {
            method: &Method::POST,
            uri: &uri,
            headers: &headers,
            host: OUR_HOST,
            scheme: "https",
        };
        // Nothing the fuzzer writes is signed by this key's private half.
        let keys = PublishedKeys { public_key_pem: PUBLIC_KEY_PEM, multikeys: &[] };
        assert!(verify_signature(&claim, &request, keys).is_err());
    }
});
