//! Outside client programs the tests drive (toot, schemathesis, fediverse-pasture, node
//! packages): found, or skipped with a note, or a failure when `ALLMENDE_REQUIRE_CLIENTS` is set.

use std::process::Command;

/// Whether `program` runs with `args` and exits successfully.
pub fn command_runs(program: &str, args: &[&str]) -> bool {
    Command::new(program).args(args).output().is_ok_and(|output| output.status.success())
}

/// `found` as it is when it is `Some`. Otherwise None with a note that the test is skipped,
/// `missing` saying what is missing and how to install it.
///
/// # Panics
///
/// When it is None and `ALLMENDE_REQUIRE_CLIENTS` is set: then a missing client is a failure.
pub fn client_found<T>(found: Option<T>, missing: &str) -> Option<T> {
    if found.is_some() {
        return found;
    }
    assert!(
        std::env::var("ALLMENDE_REQUIRE_CLIENTS").is_err(),
        "ALLMENDE_REQUIRE_CLIENTS is set but {missing}"
    );
    eprintln!("skipped: {missing}");
    None
}
