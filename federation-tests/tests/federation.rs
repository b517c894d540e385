//! Real instances of the binary federating over loopback, driven only through public HTTP:
//! a member on one instance finds and follows a group on another, sees its threads arrive,
//! replies, and the reply reaches the group's home and its other followers.

use std::time::{Duration, Instant};

use federation_tests::{Backend, Browserless, Instance, WAIT_SECONDS};

const PASSWORD: &str = "long enough password";

/// Polls `check` until it yields, at most `WAIT_SECONDS`.
async fn eventually<T, F, Fut>(what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let deadline = Instant::now() + Duration::from_secs(WAIT_SECONDS);
    loop {
        if let Some(value) = check().await {
            return value;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits until the page at `path` contains `needle`.
async fn page_shows(client: &Browserless, path: &str, needle: &str) -> String {
    eventually(&format!("{path} to show {needle:?}"), || async {
        let page = client.get(path).await;
        page.body.contains(needle).then_some(page.body)
    })
    .await
}

fn start(backend: Backend, name: &str) -> Option<Instance> {
    let options = backend
        .options()?
        .with_env("ALLMENDE_INSTANCE_NAME", name)
        .with_env("ALLMENDE_FEDERATION_FIRST_RETRY_SECONDS", "2");
    Some(Instance::start(options))
}

/// Signs `name` in on `instance` (creating the account from the command line).
async fn member(instance: &Instance, name: &str) -> Browserless {
    instance.run_cli(&["user", "create", "--username", name, "--password", PASSWORD]);
    let client = instance.browserless();
    client.sign_in(name, PASSWORD).await;
    client
}

async fn follow_remote_group(client: &Browserless, handle: &str) -> String {
    let found = client.get(&format!("/search?q={}", handle)).await;
    let group_path =
        found.location.unwrap_or_else(|| panic!("search for {handle} redirects: {}", found.body));
    assert_eq!(group_path, format!("/g/{}", handle.trim_start_matches('@')));
    let page = client.get_ok(&group_path).await;
    client.submit_ok(&group_path, &format!("{group_path}/follow"), &[]).await;
    let _ = page;
    group_path
}

async fn threads_replies_and_follows_flow_between_instances(backend: Backend) {
    let (Some(home), Some(north), Some(south)) =
        (start(backend, "Borken"), start(backend, "Boras"), start(backend, "Hjorring"))
    else {
        return;
    };
    home.run_cli(&["user", "create", "--username", "bea", "--password", PASSWORD, "--admin"]);
    home.run_cli(&[
        "group",
        "create",
        "--name",
        "energy",
        "--kind",
        "project",
        "--title",
        "Energy in Borken",
    ]);
    let bea = home.browserless();
    bea.sign_in("bea", PASSWORD).await;
    let ana = member(&north, "ana").await;
    let carl = member(&south, "carl").await;

    // A thread from before anyone followed: pulled in from the group's outbox on first follow.
    bea.submit_ok(
        "/g/energy/threads/new",
        "/g/energy/threads",
        &[("title", "Heating the town hall"), ("body", "Older thread")],
    )
    .await;
    let handle = format!("@energy@{}", home.domain());
    let remote_group = follow_remote_group(&ana, &handle).await;
    page_shows(&ana, &remote_group, "Heating the town hall").await;
    follow_remote_group(&carl, &handle).await;
    page_shows(&bea, "/g/energy", "2 followers").await;

    // A thread on the group's home instance reaches both followers.
    bea.submit_ok(
        "/g/energy/threads/new",
        "/g/energy/threads",
        &[("title", "Solar on the town hall"), ("body", "Who joins the **survey**?")],
    )
    .await;
    let listing = page_shows(&ana, &remote_group, "Solar on the town hall").await;
    page_shows(&carl, &remote_group, "Solar on the town hall").await;
    let thread_path = listing
        .split("href=\"/t/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(|id| format!("/t/{id}"))
        .expect("the remote thread is linked");
    let thread = ana.get_ok(&thread_path).await;
    assert!(thread.contains("<strong>survey</strong>"), "the body arrived rendered");

    // ana replies from her own instance: it reaches the group's home and carl.
    let id = thread_path.trim_start_matches("/t/");
    ana.submit_ok(&thread_path, &format!("/p/{id}/reply"), &[("body", "Count me in, from Boras")]).await;
    let home_thread = page_shows(&bea, "/g/energy", "Solar on the town hall").await;
    let home_thread_path = home_thread
        .split("href=\"/t/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(|id| format!("/t/{id}"))
        .expect("thread link on the home instance");
    page_shows(&bea, &home_thread_path, "Count me in, from Boras").await;
    let carl_listing = carl.get_ok(&remote_group).await;
    let carl_thread = carl_listing
        .split("href=\"/t/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(|id| format!("/t/{id}"))
        .expect("thread link on the third instance");
    page_shows(&carl, &carl_thread, "Count me in, from Boras").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_instances_share_threads_and_replies() {
    threads_replies_and_follows_flow_between_instances(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_instances_share_threads_and_replies() {
    threads_replies_and_follows_flow_between_instances(Backend::Postgres).await;
}
