//! Every file under `tests/fixtures/` is read the way the inbox or a fetch would read it, and
//! the outcome must match the table in [`super::expected`]. A new fixture without a table entry
//! fails the test, and so does a change in how any fixture is read.

use std::fs;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::expected::EXPECTED;
use crate::federation::protocol::{
    ActorJson, ActorKind, OrderedCollectionJson, OrderedCollectionPageJson, PostJson, TombstoneJson,
    parse_inbound,
};

pub(super) const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// Object types that arrive at the inbox only inside an activity, or are fetched: these are read
/// as posts, and must be rejected as posts when they are not `Page`, `Note` or `Article`.
const POST_LIKE_TYPES: &[&str] = &["Page", "Note", "Article", "Question", "Event", "Video", "ChatMessage"];

/// Reads a fixture by its path relative to `tests/fixtures`.
pub(super) fn load(relative: &str) -> Value {
    let path = Path::new(FIXTURES).join(relative);
    let text = fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|error| panic!("{relative}: not JSON: {error}"))
}

/// Reads `relative` as `T`, failing the test with the parse error.
pub(super) fn parse<T: DeserializeOwned>(relative: &str) -> T {
    serde_json::from_value(load(relative)).unwrap_or_else(|error| panic!("{relative}: {error}"))
}

fn json_files(dir: &Path, found: &mut Vec<PathBuf>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|error| panic!("{}: {error}", dir.display()));
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            json_files(&path, found);
        } else if path.extension().is_some_and(|extension| extension == "json") {
            found.push(path);
        }
    }
}

/// How a fixture is read: `actor`, `post`, `tombstone`, `collection`, `collection page`, an
/// inbound kind (`Create`, `Unknown(Add)`), or `rejected as <what>`. The error message goes to
/// the second element, for the failure report.
fn outcome(value: Value) -> (String, Option<String>) {
    fn read<T: DeserializeOwned>(what: &str, value: Value) -> (String, Option<String>) {
        match serde_json::from_value::<T>(value) {
            Ok(_) => (what.to_owned(), None),
            Err(error) => (format!("rejected as {what}"), Some(error.to_string())),
        }
    }
    let kind = value.get("type").and_then(Value::as_str).unwrap_or_default().to_owned();
    match kind.as_str() {
        kind if ActorKind::is_actor_type(kind) => read::<ActorJson>("actor", value),
        kind if POST_LIKE_TYPES.contains(&kind) => read::<PostJson>("post", value),
        "Tombstone" => read::<TombstoneJson>("tombstone", value),
        "OrderedCollection" | "Collection" => read::<OrderedCollectionJson>("collection", value),
        "OrderedCollectionPage" | "CollectionPage" => {
            read::<OrderedCollectionPageJson>("collection page", value)
        }
        _ => match parse_inbound(value) {
            Ok(inbound) => (inbound.kind(), None),
            Err(error) => ("rejected as activity".to_owned(), Some(error.to_string())),
        },
    }
}

#[test]
fn every_fixture_is_read_as_expected() {
    let mut files = Vec::new();
    json_files(Path::new(FIXTURES), &mut files);
    files.sort();
    assert!(files.len() >= 124, "expected the 124 fixtures, found {}", files.len());

    let mut problems = Vec::new();
    let mut seen = Vec::new();
    for path in &files {
        let relative =
            path.strip_prefix(FIXTURES).expect("under fixtures").to_string_lossy().replace('\\', "/");
        let (actual, error) = outcome(load(&relative));
        let error = error.map(|error| format!(" ({error})")).unwrap_or_default();
        match EXPECTED.iter().find(|(file, _)| *file == relative) {
            None => problems.push(format!("{relative}: not in EXPECTED; it reads as \"{actual}\"{error}")),
            Some((_, expected)) if *expected != actual => {
                problems.push(format!("{relative}: expected \"{expected}\", got \"{actual}\"{error}"))
            }
            Some(_) => {}
        }
        seen.push(relative);
    }
    for (file, _) in EXPECTED {
        if !seen.iter().any(|relative| relative == file) {
            problems.push(format!("{file}: in EXPECTED but no such fixture"));
        }
    }
    assert!(
        problems.is_empty(),
        "{} fixture(s) not read as expected:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
