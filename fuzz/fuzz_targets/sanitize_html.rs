//! Any HTML through the sanitiser: it never panics, its output stays within the allow-list
//! (no script, style, event handler or `javascript:` link; read back by an independent reader),
//! and sanitising the output again changes nothing.
#![no_main]

use allmende::domain::html::sanitize_html;
use allmende_fuzz::assert_within_allowlist;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let clean = sanitize_html(&input);
    assert_within_allowlist(&input, &clean);
    assert_eq!(sanitize_html(&clean), clean, "sanitising {input:?} twice changed it");
});
