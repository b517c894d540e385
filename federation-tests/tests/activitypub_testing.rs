//! An independent checker of ActivityPub servers, `activitypub-testing` (npm, pinned by
//! `tests/crosscheck/package-lock.json`), runs its actor tests against a person and a group of a
//! real instance: the actor has `inbox` and `outbox`, is served as ActivityStreams when asked
//! for it (content negotiation), and its `outbox` and `followers` are collections. Any failed
//! check fails this test, and so does a required check that did not pass. Its tests of posting
//! to an outbox (the client-to-server protocol, which we do not offer) come out `inapplicable`.
//!
//! It runs offline: the checker only fetches from the actor's server (on loopback), as long as
//! its `text/plain` output is asked for (the JSON one would fetch a JSON-LD context).

use std::path::PathBuf;
use std::process::Command;

use federation_tests::clients::{client_found, command_runs};
use federation_tests::scenario::{LogsOnPanic, member, options, project_group, start_thread};
use federation_tests::{Backend, Instance};
use serde_json::Value;

/// Checks that must pass for every actor.
const REQUIRED: &[&str] = &[
    "actor-objects-must-have-inbox-outbox-properties",
    "actor-must-serve-as2-object-to-get",
    "outbox-must-be-an-orderedcollection",
    "followers-collection-must-be-a-collection",
];

/// The checker's command-line entry point, or None (with a note) when it is not installed and
/// `ALLMENDE_REQUIRE_CLIENTS` is not set (then its absence is a failure).
fn checker() -> Option<PathBuf> {
    let cli = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/crosscheck/node_modules/activitypub-testing/src/cli.js");
    let found = (command_runs("node", &["--version"]) && cli.is_file()).then(|| cli.clone());
    client_found(found, &format!("node or {} is missing (npm ci --prefix tests/crosscheck)", cli.display()))
}

/// Runs the checker's tests on `actor`; returns (test slug, outcome, info) per assertion.
fn check_actor(cli: &PathBuf, actor: &str) -> Vec<(String, String, String)> {
    let output = Command::new("node")
        .arg(cli)
        .args(["test", "actor", actor, "--output=text/plain"])
        .output()
        .expect("node runs the checker");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "activitypub-testing failed on {actor}: {}\n{stdout}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let assertion: Value = serde_json::from_str(line)
                .unwrap_or_else(|error| panic!("{actor}: not JSON ({error}): {line}"));
            let text = |value: &Value| value.as_str().map(str::to_owned).unwrap_or_else(|| value.to_string());
            (
                text(&assertion["test"]["slug"]),
                text(&assertion["result"]["outcome"]),
                text(&assertion["result"]["info"]),
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn activitypub_testing_checks_our_actors_and_collections() {
    let Some(cli) = checker() else { return };
    let Some(options) = options(Backend::Sqlite, "Checked", &[]) else { return };
    let instance = Instance::start(options);
    let _logs = LogsOnPanic::default().with("instance", &instance);
    let ana = member(&instance, "ana", true).await;
    project_group(&instance, "energy", "Energy");
    start_thread(&ana, "/g/energy", "Heat pumps in old houses", "Experiences?").await;

    for actor in [instance.url("/u/ana"), instance.url("/g/energy")] {
        let results = tokio::task::spawn_blocking({
            let cli = cli.clone();
            let actor = actor.clone();
            move || check_actor(&cli, &actor)
        })
        .await
        .expect("checker thread");
        assert!(results.len() >= REQUIRED.len(), "{actor}: too few checks ran: {results:?}");
        let failed: Vec<_> = results
            .iter()
            .filter(|(_, outcome, _)| !matches!(outcome.as_str(), "passed" | "inapplicable"))
            .collect();
        assert!(failed.is_empty(), "{actor}: checks not passed: {failed:#?}");
        for slug in REQUIRED {
            assert!(
                results.iter().any(|(name, outcome, _)| name == slug && outcome == "passed"),
                "{actor}: {slug} did not pass: {results:#?}"
            );
        }
    }
}
