//! The short form of the sustained load (`allmende-perf load`; the full form is
//! `scripts/load.sh`): the real binary on each backend, 50 clients for 10 s with the whole mix
//! (pages, API timelines, web and OAuth sign-ins, threads, replies and likes by web form and API,
//! signed inbox deliveries from fake peers). No answer may be a 5xx or missing, no acknowledged
//! write may be lost, the counters must match the rows, and no `database is locked` may reach a
//! client or the log.

use std::time::Duration;

use allmende_perf::load::{LoadArgs, run};
use federation_tests::{Backend, Instance};

const CLIENTS: usize = 50;
const DURATION: Duration = Duration::from_secs(10);

async fn sustained_load(backend: Backend) {
    let Some(options) = backend.options() else { return };
    let database_url = options.database_url.clone();
    let instance = Instance::start(
        options
            .with_env("ALLMENDE_OAUTH_PASSWORD_GRANT", "true")
            // The load's clients each say their own address, as behind a reverse proxy.
            .with_env("ALLMENDE_TRUSTED_PROXIES", "127.0.0.1"),
    );
    let database_url = database_url
        .unwrap_or_else(|| format!("sqlite://{}", instance.data_dir().join("allmende.sqlite").display()));
    let args = LoadArgs {
        base_url: instance.base_url(),
        clients: CLIENTS,
        duration: DURATION,
        database_url: Some(database_url),
        groups: 4,
        peers: 3,
        actors_per_peer: 3,
        server_log: Some(instance.data_dir().join("server.stderr.log")),
        server_pid: Some(instance.pid()),
    };
    let report =
        run(&args).await.unwrap_or_else(|e| panic!("the load could not run: {e:#}\n{}", instance.logs()));
    println!("{} ({}):\n{report}", backend.name(), instance.base_url());
    let problems = report.problems();
    assert!(problems.is_empty(), "{}:\n{}\n{}", backend.name(), problems.join("\n"), instance.logs());
    // The run did exercise the writes it checks.
    let writes: usize = report.writes.iter().map(|(_, n)| n).sum();
    assert!(writes > 50, "too few writes to mean anything: {:?}", report.writes);
    for kind in ["web thread", "web reply", "api reply", "like", "inbox reply", "inbox like"] {
        assert!(report.writes.iter().any(|(k, n)| *k == kind && *n > 0), "no {kind} in {:?}", report.writes);
    }
    assert!(report.database_checked);
    assert!(report.checks.len() >= 8, "{:?}", report.checks);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_sustained_load_loses_nothing_and_answers_no_5xx() {
    sustained_load(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_sustained_load_loses_nothing_and_answers_no_5xx() {
    sustained_load(Backend::Postgres).await;
}
