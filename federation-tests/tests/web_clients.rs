//! The client library that the Elk and Phanpy web apps are built on, `masto` (masto.js, from the
//! npm registry, pinned in `tests/web-clients`), drives a member's session against a real
//! instance: what the apps load when they open, the home stream over WebSocket while a thread is
//! posted, paging by Link headers, favourite, bookmark, reply, edit and its history, the group's
//! account, and search. The script fails on the first step that is off.

use std::path::PathBuf;

use federation_tests::clients::{client_found, command_runs};
use federation_tests::oauth::token_for;
use federation_tests::scenario::{LogsOnPanic, member, options, project_group};
use federation_tests::{Backend, Instance};

/// `tests/web-clients`, when its packages are installed (`npm ci --prefix tests/web-clients`);
/// None when they are not and `ALLMENDE_REQUIRE_CLIENTS` is not set (then it is a failure).
fn web_clients_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/web-clients"));
    let found = (command_runs("node", &["--version"])
        && dir.join("node_modules/masto/package.json").exists())
    .then_some(dir);
    client_found(
        found,
        "node or tests/web-clients/node_modules is missing (npm ci --prefix tests/web-clients)",
    )
}

async fn a_web_app_session(backend: Backend) {
    let Some(dir) = web_clients_dir() else { return };
    let Some(options) = options(backend, "Borken", &[]) else { return };
    let instance = Instance::start(options);
    let _logs = LogsOnPanic::default().with("instance", &instance);
    member(&instance, "ana", true).await;
    project_group(&instance, "energy", "Energy in Borken");
    let token = token_for(&instance, "ana").await;

    let output = tokio::process::Command::new("node")
        .arg("session.mjs")
        .args([&instance.base_url(), &token, "energy"])
        .current_dir(&dir)
        .kill_on_drop(true)
        .output();
    let output = tokio::time::timeout(std::time::Duration::from_secs(120), output)
        .await
        .expect("the session ends within two minutes")
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "the masto.js session failed:\n{stdout}\n{stderr}");
    assert!(stdout.contains("session complete"), "{stdout}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_a_web_app_session_with_masto_js() {
    a_web_app_session(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_a_web_app_session_with_masto_js() {
    a_web_app_session(Backend::Postgres).await;
}
