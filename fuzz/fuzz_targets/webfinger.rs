//! WebFinger: the handles people type (`name@host`) and the query URL built from them, the
//! resources other servers ask us about, and the JRD documents other servers answer with.
//! (We read no NodeInfo from peers: there is no NodeInfo parser to fuzz.)
#![no_main]

use allmende::federation::webfinger::{local_name_of, parse_handle, query_url, self_link};
use allmende_fuzz::OUR_HOST;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(jrd) = serde_json::from_slice::<serde_json::Value>(data) {
        if let Some(link) = self_link(&jrd) {
            assert!(matches!(link.scheme(), "http" | "https") && link.host_str().is_some(), "{link}");
        }
    }
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Some((name, host)) = parse_handle(text) {
        assert!(!name.is_empty() && !host.is_empty());
        if let Some(url) = query_url("https", name, host) {
            // The query goes to the handle's host and asks about exactly that handle.
            assert_eq!(url.path(), "/.well-known/webfinger");
            let resource = url.query_pairs().find(|(key, _)| key == "resource").map(|(_, v)| v.into_owned());
            assert_eq!(resource, Some(format!("acct:{name}@{host}")));
            assert!(url.host_str().is_some());
        }
    }
    if let Some(name) = local_name_of(text, OUR_HOST) {
        // A name we answer for, asked about again as `acct:`, is the same name.
        if !name.contains('@') {
            assert_eq!(
                local_name_of(&format!("acct:{name}@{OUR_HOST}"), OUR_HOST),
                Some(name.to_ascii_lowercase())
            );
        }
    }
});
