//! An inbox request → every check the inbox makes without the network or the database →
//! the activity read by its kind (`federation::inbound_checks::classify`).
//!
//! The first byte picks the shape: even, the rest is a body sent with headers that pass the
//! prechecks (signed in form by the body's own `actor`), so the fuzzer works on the activity;
//! odd, the rest is `signature\ndate\ndigest\ncontent-type\nhost\nbody`, all of it hostile.
#![no_main]

use allmende::federation::delivery::enqueue::domain_of;
use allmende::federation::inbound_checks::classify;
use allmende_fuzz::{OUR_HOST, fields, receiver, set_header, signed_headers};
use axum::http::HeaderMap;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, data)) = data.split_first() else { return };
    if mode % 2 == 0 {
        let actor = serde_json::from_slice::<serde_json::Value>(data)
            .ok()
            .and_then(|v| v.get("actor").and_then(|a| a.as_str()).map(str::to_owned))
            .unwrap_or_else(|| "https://peer.example/users/ana".to_owned());
        let headers = signed_headers(data, &format!("{actor}#main-key"));
        if let Ok(classified) = classify(&headers, data, receiver(OUR_HOST)) {
            // What the inbox goes on with is signed by its actor's host and names itself there.
            assert_eq!(domain_of(&classified.id).as_deref(), Some(classified.request.signer_host.as_str()));
            assert!(classified.actor.starts_with(classified.request.claim.actor_url().unwrap().as_str()));
            assert!(!classified.activity.kind().is_empty());
        }
    } else {
        let (values, body) = fields(data, 5);
        let mut headers = HeaderMap::new();
        set_header(&mut headers, "signature", values[0]);
        set_header(&mut headers, "date", values[1]);
        set_header(&mut headers, "digest", values[2]);
        set_header(&mut headers, "content-type", values[3]);
        let host = String::from_utf8_lossy(values[4]);
        if let Ok(classified) = classify(&headers, body, receiver(&host)) {
            assert_eq!(domain_of(&classified.id).as_deref(), Some(classified.request.signer_host.as_str()));
            let signed = classified.request.claim.covered();
            for needed in ["(request-target)", "host", "digest"] {
                assert!(signed.iter().any(|h| h == needed), "{needed} not signed: {signed:?}");
            }
        }
    }
});
