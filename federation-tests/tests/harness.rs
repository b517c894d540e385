//! The harness itself: the real binary starts on SQLite and PostgreSQL, answers HTML, accepts CLI
//! verbs against the same database, and several instances run side by side.

use federation_tests::{Backend, Instance, InstanceOptions};

const PASSWORD: &str = "secret-pass";

/// Home page, CLI-made admin and group, and a signed-in form round trip on one backend.
async fn serves_pages_and_cli_changes(backend: Backend) {
    let Some(options) = backend.options() else { return };
    let instance = Instance::start(options);
    let client = instance.browserless();

    let home = client.get_ok("/").await;
    assert!(home.contains("Latest threads"), "home page on {}:\n{home}", backend.name());

    let created =
        instance.run_cli(&["user", "create", "--username", "ana", "--password", PASSWORD, "--admin"]);
    assert!(created.contains("Created admin ana"), "{created}");
    let args = ["group", "create", "--name", "energy", "--kind", "discussion", "--title", "Energy"];
    let created = instance.run_cli(&[&args[..], &["--owner", "ana"]].concat());
    assert!(created.contains(&instance.url("/g/energy")), "the CLI names the group's URL: {created}");
    let group = client.get_ok("/g/energy").await;
    assert!(group.contains("<h1>Energy</h1>"), "group page on {}:\n{group}", backend.name());

    // The person the CLI made can sign in and post through the forms, CSRF token and all.
    client.sign_in("ana", PASSWORD).await;
    let thread = client
        .submit_ok(
            "/g/energy/threads/new",
            "/g/energy/threads",
            &[("title", "Heat pumps in old houses"), ("body", "Who has experience?")],
        )
        .await;
    assert!(thread.location.as_deref().is_some_and(|l| l.starts_with("/t/")), "{:?}", thread.location);
    assert!(thread.body.contains("Heat pumps in old houses") && thread.body.contains("Who has experience?"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_instance_serves_pages_and_cli_changes() {
    serves_pages_and_cli_changes(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_instance_serves_pages_and_cli_changes() {
    serves_pages_and_cli_changes(Backend::Postgres).await;
}

/// Two servers with separate ports and databases: the ground federation tests stand on.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_run_side_by_side() {
    let north = Instance::start(InstanceOptions::sqlite().with_env("ALLMENDE_INSTANCE_NAME", "North Forum"));
    let south = Instance::start(InstanceOptions::sqlite().with_env("ALLMENDE_INSTANCE_NAME", "South Forum"));
    assert_ne!(north.port(), south.port());
    assert_ne!(north.data_dir(), south.data_dir());

    let north_home = north.browserless().get_ok("/").await;
    let south_home = south.browserless().get_ok("/").await;
    assert!(north_home.contains("North Forum") && !north_home.contains("South Forum"));
    assert!(south_home.contains("South Forum") && !south_home.contains("North Forum"));

    // Separate databases: a group made on one instance is unknown on the other.
    north.run_cli(&["user", "create", "--username", "ana", "--password", PASSWORD, "--admin"]);
    north.run_cli(&["group", "create", "--name", "energy", "--kind", "project", "--title", "Energy"]);
    assert_eq!(north.browserless().get("/g/energy").await.status, 200);
    assert_eq!(south.browserless().get("/g/energy").await.status, 404);
}

/// A refused CLI verb is reported, not hidden: the harness must surface operator errors.
#[test]
fn failing_cli_verbs_are_visible() {
    let instance = Instance::start(InstanceOptions::sqlite());
    let output =
        instance.try_run_cli(&["group", "create", "--name", "x", "--kind", "project", "--title", "X"]);
    assert!(!output.status.success(), "a group without any admin to own it must be refused");
    assert!(!output.stderr.is_empty());
}

/// A server that cannot start fails the test at once, with its own error message to read.
#[test]
fn startup_failures_show_the_server_log() {
    let options = InstanceOptions::sqlite().with_env("ALLMENDE_LIMITS_PAGE_SIZE", "0");
    let panic =
        std::panic::catch_unwind(|| Instance::start(options)).expect_err("a bad config must not start");
    let message = panic.downcast_ref::<String>().expect("a formatted panic message");
    assert!(message.contains("the server exited"), "{message}");
    assert!(message.contains("limits.page_size must be between 1 and 200"), "{message}");
}
