//! Instance policy across real instances: an admin blocks a follower's instance at
//! `/admin/federation`, and an instance in allowlist mode federates only with hosts its admin
//! allowed.

use federation_tests::scenario::{
    LogsOnPanic, Node, Server, eventually, follow_remote_group, follower_count, followers_become, member,
    options, peer, peer_becomes, project_group, set_peer_policy, start_thread, thread_arrives, thread_link,
    unfollow,
};
use federation_tests::{Backend, Browserless, Instance};

const ALLOWLIST_ONLY: &str = "ALLMENDE_FEDERATION_ALLOWLIST_ONLY";
const REQUIRE_SIGNED_FETCH: &str = "ALLMENDE_FEDERATION_REQUIRE_SIGNED_FETCH";

fn start(backend: Backend, name: &str, env: &[(&str, &str)]) -> Option<Instance> {
    Some(Instance::start(options(backend, name, env)?))
}

/// Waits until the last delivery `sender`'s admin sees for `host` was refused for good with
/// `status` (a failed delivery, nothing queued); returns the number of failed deliveries.
async fn refused_with(sender_admin: &Browserless, host: &str, status: &str) -> u64 {
    let row = peer_becomes(sender_admin, host, &format!("refused with {status}"), |row| {
        row.pending == 0 && row.failed > 0 && row.last_error == status
    })
    .await;
    row.failed
}

/// Asserts that the group page at `group_path` does not list `title`.
async fn lacks_thread(client: &Browserless, group_path: &str, title: &str) {
    let page = client.get_ok(group_path).await;
    assert_eq!(thread_link(&page, title), None, "{} lists {title:?}:\n{page}", client.url(group_path));
}

async fn blocked_instances_get_nothing_and_cannot_follow(backend: Backend) {
    let (Some(home), Some(north), Some(south)) =
        (start(backend, "Borken", &[]), start(backend, "Boras", &[]), start(backend, "Hjorring", &[]))
    else {
        return;
    };
    let _logs = LogsOnPanic::default().with("home", &home).with("north", &north).with("south", &south);
    let bea = member(&home, "bea", true).await;
    project_group(&home, "energy", "Energy in Borken");
    let north_admin = member(&north, "nils", true).await;
    let ana = member(&north, "ana", false).await;
    let carl = member(&south, "carl", false).await;
    let handle = format!("@energy@{}", home.domain());
    let ana_group = follow_remote_group(&ana, &handle).await;
    let carl_group = follow_remote_group(&carl, &handle).await;
    followers_become(&bea, "/g/energy", 2).await;
    followers_become(&ana, &ana_group, 1).await;
    start_thread(&bea, "/g/energy", "Solar on the town hall", "Who joins?").await;
    thread_arrives(&ana, &ana_group, "Solar on the town hall").await;
    thread_arrives(&carl, &carl_group, "Solar on the town hall").await;

    // The admin blocks the north instance.
    let north_host = north.domain();
    let before = peer_becomes(&bea, &north_host, "idle", |row| row.pending == 0).await;
    set_peer_policy(&bea, &north_host, "blocked").await;
    let row = peer(&bea, &north_host).await.expect("the blocked peer is listed");
    assert_eq!(row.policy, "blocked");

    // A new thread reaches the south instance only; nothing is even queued for the north.
    start_thread(&bea, "/g/energy", "Wind park meeting", "Thursday at seven").await;
    thread_arrives(&carl, &carl_group, "Wind park meeting").await;
    let row = peer(&bea, &north_host).await.expect("the blocked peer is listed");
    assert_eq!((row.pending, row.delivered), (0, before.delivered), "{row:?}");
    lacks_thread(&ana, &ana_group, "Wind park meeting").await;

    // Another member of the blocked instance tries to follow: the home inbox refuses the Follow
    // (403, final), the follow stays pending there and the group gains no follower.
    let dora = member(&north, "dora", false).await;
    let dora_group = follow_remote_group(&dora, &handle).await;
    let failed = refused_with(&north_admin, &home.domain(), "HTTP 403").await;
    assert_eq!(failed, 1, "only the Follow was refused");
    let page = dora.get_ok(&dora_group).await;
    assert!(
        page.contains(&format!(r#"action="{dora_group}/unfollow""#)),
        "dora's follow is pending:\n{page}"
    );
    // The block also ended the follow of ana (north): carl's is the only one left.
    followers_become(&bea, "/g/energy", 1).await;
    followers_become(&dora, &dora_group, 1).await;
    assert!(
        home.logs().contains(&format!("this instance does not federate with {north_host}")),
        "{}",
        home.logs()
    );

    // Unblocked (policy back to default), the north instance can federate again. The block
    // ended ana's follow (as Mastodon's domain blocks do), so she follows anew; then new threads
    // reach her.
    set_peer_policy(&bea, &north_host, "default").await;
    ana.submit_ok(&ana_group, &format!("{ana_group}/unfollow"), &[]).await;
    let ana_group = follow_remote_group(&ana, &handle).await;
    followers_become(&bea, "/g/energy", 2).await;
    start_thread(&bea, "/g/energy", "Heat pump fair", "Saturday").await;
    thread_arrives(&ana, &ana_group, "Heat pump fair").await;
    thread_arrives(&carl, &carl_group, "Heat pump fair").await;
    let row = peer_becomes(&bea, &north_host, "drained", |row| row.pending == 0).await;
    assert_eq!((row.policy.as_str(), row.failed), ("default", 0), "{row:?}");
}

async fn allowlist_mode_federates_only_with_allowed_instances(backend: Backend) {
    let (Some(home), Some(north), Some(south)) = (
        start(backend, "Borken", &[(ALLOWLIST_ONLY, "1")]),
        start(backend, "Boras", &[]),
        start(backend, "Hjorring", &[]),
    ) else {
        return;
    };
    let _logs = LogsOnPanic::default().with("home", &home).with("north", &north).with("south", &south);
    let bea = member(&home, "bea", true).await;
    project_group(&home, "energy", "Energy in Borken");
    let admin_page = bea.get_ok("/admin/federation").await;
    assert!(admin_page.contains("only with allowed instances"), "{admin_page}");
    let north_admin = member(&north, "nils", true).await;
    let south_admin = member(&south, "sune", true).await;
    let ana = member(&north, "ana", false).await;
    let carl = member(&south, "carl", false).await;
    let handle = format!("@energy@{}", home.domain());

    // Before any host is allowed, a follow from the north is refused for good.
    let ana_group = follow_remote_group(&ana, &handle).await;
    refused_with(&north_admin, &home.domain(), "HTTP 403").await;
    followers_become(&bea, "/g/energy", 0).await;
    followers_become(&ana, &ana_group, 0).await;

    // The admin allows the north: a new follow from there works (the refused one stays pending,
    // so ana unfollows and follows again, as a person would), and threads reach ana.
    let north_host = north.domain();
    set_peer_policy(&bea, &north_host, "allowed").await;
    assert_eq!(peer(&bea, &north_host).await.map(|row| row.policy).as_deref(), Some("allowed"));
    unfollow(&ana, &ana_group).await;
    follow_remote_group(&ana, &handle).await;
    followers_become(&bea, "/g/energy", 1).await;
    followers_become(&ana, &ana_group, 1).await;

    // The south is still not allowed: its follow is refused and it gets no threads.
    let carl_group = follow_remote_group(&carl, &handle).await;
    refused_with(&south_admin, &home.domain(), "HTTP 403").await;
    start_thread(&bea, "/g/energy", "Solar on the town hall", "Who joins?").await;
    thread_arrives(&ana, &ana_group, "Solar on the town hall").await;
    followers_become(&bea, "/g/energy", 1).await;
    followers_become(&carl, &carl_group, 0).await;
    lacks_thread(&carl, &carl_group, "Solar on the town hall").await;
    let row = peer_becomes(&bea, &north_host, "drained", |row| row.pending == 0).await;
    assert_eq!(row.failed, 0, "{row:?}");
}

/// Allowlist mode switched on for an instance that already knows peers: the peers nobody allowed
/// must be refused like unknown ones.
async fn allowlist_mode_switched_on_later_refuses_known_peers(backend: Backend) {
    let (Some(options), Some(north), Some(south)) =
        (options(backend, "Borken", &[]), start(backend, "Boras", &[]), start(backend, "Hjorring", &[]))
    else {
        return;
    };
    let mut home = Node::start(options);
    let _logs = LogsOnPanic::default().with("home", &home).with("north", &north).with("south", &south);
    let bea = member(&home, "bea", true).await;
    project_group(&home, "energy", "Energy in Borken");
    let north_admin = member(&north, "nils", true).await;
    let ana = member(&north, "ana", false).await;
    let carl = member(&south, "carl", false).await;
    let handle = format!("@energy@{}", home.domain());
    let ana_group = follow_remote_group(&ana, &handle).await;
    followers_become(&bea, "/g/energy", 1).await;

    // Nothing in flight between the two (a kill during a send would leave it to be retried).
    let north_host = north.domain();
    peer_becomes(&bea, &north_host, "drained", |row| row.pending == 0 && row.delivered > 0).await;
    peer_becomes(&north_admin, &home.domain(), "drained", |row| row.pending == 0 && row.delivered > 0).await;

    // The operator switches allowlist mode on and restarts; the admin allows the south only.
    home.kill();
    home.set_env(ALLOWLIST_ONLY, "1");
    home.restart();
    assert!(bea.get_ok("/admin/federation").await.contains("only with allowed instances"));
    set_peer_policy(&bea, &south.domain(), "allowed").await;
    let carl_group = follow_remote_group(&carl, &handle).await;
    followers_become(&bea, "/g/energy", 2).await;

    // A new follow from the north, which nobody allowed, is refused like one from a stranger.
    let dora = member(&north, "dora", false).await;
    let dora_group = follow_remote_group(&dora, &handle).await;
    let outcome = eventually("the home instance to decide dora's follow", || async {
        if peer(&north_admin, &home.domain())
            .await
            .is_some_and(|row| row.failed > 0 && row.last_error == "HTTP 403")
        {
            return Some("refused");
        }
        let page = bea.get("/g/energy").await;
        (follower_count(&page.body) == Some(3)).then_some("accepted")
    })
    .await;
    let row = peer(&bea, &north_host).await;
    assert_eq!(
        outcome, "refused",
        "a follow from {north_host}, never allowed, was accepted; home's row: {row:?}"
    );
    followers_become(&bea, "/g/energy", 2).await;
    followers_become(&dora, &dora_group, 1).await;

    // A new thread reaches the allowed south, and nothing is queued for the north.
    start_thread(&bea, "/g/energy", "Solar on the town hall", "Who joins?").await;
    thread_arrives(&carl, &carl_group, "Solar on the town hall").await;
    let row = peer(&bea, &north_host).await.expect("the follower's instance is known");
    assert_eq!(row.pending, 0, "{row:?}");
    lacks_thread(&ana, &ana_group, "Solar on the town hall").await;
    assert_ne!(row.policy, "allowed", "nobody allowed {north_host}, yet the admin page says so: {row:?}");
}

/// Both instances require signed fetches ("authorized fetch"). Following, backfill and delivery
/// still work: each side signs its fetches with its instance actor, whose key the other side can
/// always fetch unsigned. Unsigned ActivityPub JSON is refused; HTML is not.
async fn instances_that_require_signed_fetches_federate(backend: Backend) {
    let env = [(REQUIRE_SIGNED_FETCH, "1")];
    let (Some(home), Some(north)) = (start(backend, "Borken", &env), start(backend, "Boras", &env)) else {
        return;
    };
    let _logs = LogsOnPanic::default().with("home", &home).with("north", &north);
    let bea = member(&home, "bea", true).await;
    project_group(&home, "energy", "Energy in Borken");
    start_thread(&bea, "/g/energy", "Before anyone followed", "Pulled in from the outbox").await;
    let ana = member(&north, "ana", false).await;
    let ana_group = follow_remote_group(&ana, &format!("@energy@{}", home.domain())).await;
    followers_become(&bea, "/g/energy", 1).await;
    thread_arrives(&ana, &ana_group, "Before anyone followed").await;
    start_thread(&bea, "/g/energy", "Solar on the town hall", "Who joins?").await;
    thread_arrives(&ana, &ana_group, "Solar on the town hall").await;

    let client = reqwest::Client::new();
    let get =
        |path: &str, accept: &str| client.get(home.url(path)).header("accept", accept.to_owned()).send();
    let json = "application/activity+json";
    for path in ["/g/energy", "/g/energy/outbox", "/u/bea"] {
        let status = get(path, json).await.expect("answered").status();
        assert_eq!(status, reqwest::StatusCode::UNAUTHORIZED, "unsigned {path}");
    }
    assert_eq!(get("/actor", json).await.expect("answered").status(), reqwest::StatusCode::OK);
    assert_eq!(get("/g/energy", "text/html").await.expect("answered").status(), reqwest::StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_instances_that_require_signed_fetches_federate() {
    instances_that_require_signed_fetches_federate(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_instances_that_require_signed_fetches_federate() {
    instances_that_require_signed_fetches_federate(Backend::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_blocked_instances_get_nothing_and_cannot_follow() {
    blocked_instances_get_nothing_and_cannot_follow(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_blocked_instances_get_nothing_and_cannot_follow() {
    blocked_instances_get_nothing_and_cannot_follow(Backend::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_allowlist_mode_federates_only_with_allowed_instances() {
    allowlist_mode_federates_only_with_allowed_instances(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_allowlist_mode_federates_only_with_allowed_instances() {
    allowlist_mode_federates_only_with_allowed_instances(Backend::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_allowlist_mode_switched_on_later_refuses_known_peers() {
    allowlist_mode_switched_on_later_refuses_known_peers(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_allowlist_mode_switched_on_later_refuses_known_peers() {
    allowlist_mode_switched_on_later_refuses_known_peers(Backend::Postgres).await;
}
