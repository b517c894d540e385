//! Any Markdown through the renderer (which sanitises what it renders): it never panics, the
//! HTML stays within the allow-list, and sanitising it again changes nothing.
#![no_main]

use allmende::domain::html::{render_markdown, sanitize_html};
use allmende_fuzz::assert_within_allowlist;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let html = render_markdown(&input);
    assert_within_allowlist(&input, &html);
    assert_eq!(sanitize_html(&html), html, "rendering {input:?} was not stable under sanitising");
});
