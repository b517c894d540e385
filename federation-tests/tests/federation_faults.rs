//! Faults between real instances: a follower instance that is down while the group's home posts,
//! a sender killed with SIGKILL right after it accepted a post or in the middle of a send, and a
//! peer that takes connections but never answers. Nothing may be lost: the persisted queue
//! delivers everything once the peer is back or the sender has restarted, and one hanging peer
//! does not hold up the others.
//!
//! Senders run with `ALLMENDE_FEDERATION_FIRST_RETRY_SECONDS=1`, so a failed delivery is tried
//! again after 1 s, 2 s, 4 s … instead of after a minute. Senders that may be killed in the
//! middle of a send also hold their claims for 5 s instead of a minute (`SHORT_LEASE_ENV`). One
//! scenario takes over a minute and is ignored by default: the default retry schedule.

use std::time::Duration;

use federation_tests::scenario::{
    FAST_RETRY_ENV, LogsOnPanic, Node, PASSWORD, Server, eventually, eventually_within, follow_remote_group,
    followers_become, heading, member, options, page_shows, peer, peer_becomes, project_group, reply,
    start_thread, thread_arrives, thread_id, thread_link_count,
};
use federation_tests::{Backend, Browserless, Instance, WAIT_SECONDS};
use reqwest::StatusCode;

const TITLE: &str = "Solar on the town hall";
const EDITED_TITLE: &str = "Solar roofs for the town hall and the school";

/// How long a delivery claimed by a worker that was killed stays claimed
/// (`federation.delivery_lease_seconds`): after a crash in the middle of a send, the restarted
/// sender waits this long before it tries that delivery again. It must exceed the fetch
/// timeout, which also bounds a send.
const DELIVERY_LEASE: Duration = Duration::from_secs(5);
const SHORT_LEASE_ENV: [(&str, &str); 2] =
    [("ALLMENDE_FEDERATION_DELIVERY_LEASE_SECONDS", "5"), ("ALLMENDE_FEDERATION_FETCH_TIMEOUT_SECONDS", "4")];

/// How long a delivery to a responsive peer may take while another peer hangs. Deliveries take
/// well under a second here (the worker looks every 500 ms); the HTTP client's timeout, which a
/// hanging peer runs into, is 10 s.
const UNRESPONSIVE_PEER_TOLERANCE: Duration = Duration::from_secs(4);

fn instance(backend: Backend, name: &str, env: &[(&str, &str)]) -> Option<Instance> {
    Some(Instance::start(options(backend, name, env)?))
}

fn node(backend: Backend, name: &str, env: &[(&str, &str)]) -> Option<Node> {
    Some(Node::start(options(backend, name, env)?))
}

/// A new signed-in client for `name` (whose account exists), e.g. after the server restarted:
/// the old client's pooled connections went down with the server.
async fn sign_in_again(server: &impl Server, name: &str) -> Browserless {
    let client = server.browserless();
    client.sign_in(name, PASSWORD).await;
    client
}

/// The home instance posts, replies and edits while a follower instance is down; once it is
/// back on the same port, it receives all of it, in order, and the queue drains.
async fn follower_down_then_back(backend: Backend) {
    let (Some(home), Some(mut north), Some(south)) = (
        instance(backend, "Borken", &[FAST_RETRY_ENV]),
        node(backend, "Boras", &[]),
        instance(backend, "Hjorring", &[]),
    ) else {
        return;
    };
    let _logs = LogsOnPanic::default().with("home", &home).with("north", &north).with("south", &south);
    let bea = member(&home, "bea", true).await;
    project_group(&home, "energy", "Energy in Borken");
    let ana = member(&north, "ana", false).await;
    let carl = member(&south, "carl", false).await;
    let handle = format!("@energy@{}", home.domain());
    let ana_group = follow_remote_group(&ana, &handle).await;
    let carl_group = follow_remote_group(&carl, &handle).await;
    followers_become(&bea, "/g/energy", 2).await;
    let home_thread = start_thread(&bea, "/g/energy", TITLE, "Who joins?").await;
    let ana_thread = thread_arrives(&ana, &ana_group, TITLE).await;
    thread_arrives(&carl, &carl_group, TITLE).await;

    // The north instance goes down (SIGKILL); the home instance goes on posting.
    north.kill();
    start_thread(&bea, "/g/energy", "Posted while Boras was down", "Did it arrive?").await;
    reply(&bea, &home_thread, "A reply while Boras was down").await;
    let id = thread_id(&home_thread);
    let edit = format!("/p/{id}/edit");
    bea.submit_ok(&edit, &edit, &[("title", EDITED_TITLE), ("body", "Who joins? Edited while down.")]).await;
    let carl_thread = thread_arrives(&carl, &carl_group, "Posted while Boras was down").await;
    page_shows(&carl, &carl_thread, "Did it arrive?").await;

    // The home instance keeps the deliveries for the north queued and retries them.
    let north_host = north.domain();
    let row = peer_becomes(&bea, &north_host, "failing", |row| {
        row.pending >= 3 && row.last_error.starts_with("unreachable")
    })
    .await;
    assert_eq!(row.failed, 0, "{row:?}");

    // Back on the same port and data: everything arrives, the edit after the thread it edits.
    north.restart();
    let ana = sign_in_again(&north, "ana").await;
    let thread = thread_arrives(&ana, &ana_group, "Posted while Boras was down").await;
    page_shows(&ana, &thread, "Did it arrive?").await;
    page_shows(&ana, &ana_thread, "A reply while Boras was down").await;
    let page = page_shows(&ana, &ana_thread, "Edited while down.").await;
    assert_eq!(heading(&page), Some(EDITED_TITLE), "{page}");
    let row = peer_becomes(&bea, &north_host, "drained", |row| row.pending == 0).await;
    assert_eq!(row.failed, 0, "{row:?}\n{}", home.logs());
    let listing = ana.get_ok(&ana_group).await;
    assert_eq!(thread_link_count(&listing, "Posted while Boras was down"), 1, "{listing}");
}

/// The home instance is killed right after it answered the form with 303 (the post committed)
/// while both followers are down; after all three are back, both followers have the thread,
/// exactly once.
///
/// With the followers down, no send can be under way for long when the kill comes (a refused
/// connection fails at once), so the restarted sender does not have to wait for the lease of a
/// delivery its predecessor had claimed (see the scenario below).
async fn sender_killed_after_accepting_a_post(backend: Backend) {
    let (Some(mut home), Some(mut north), Some(mut south)) = (
        node(backend, "Borken", &[FAST_RETRY_ENV, SHORT_LEASE_ENV[0], SHORT_LEASE_ENV[1]]),
        node(backend, "Boras", &[]),
        node(backend, "Hjorring", &[]),
    ) else {
        return;
    };
    let _logs = LogsOnPanic::default().with("home", &home).with("north", &north).with("south", &south);
    let bea = member(&home, "bea", true).await;
    project_group(&home, "energy", "Energy in Borken");
    let ana = member(&north, "ana", false).await;
    let carl = member(&south, "carl", false).await;
    let handle = format!("@energy@{}", home.domain());
    let ana_group = follow_remote_group(&ana, &handle).await;
    let carl_group = follow_remote_group(&carl, &handle).await;
    followers_become(&bea, "/g/energy", 2).await;

    // The Accepts are out (a kill during a send would leave it claimed for the lease).
    for host in [north.domain(), south.domain()] {
        peer_becomes(&bea, &host, "drained", |row| row.pending == 0 && row.delivered > 0).await;
    }

    // Both followers are down; the home instance accepts a thread and is killed at once.
    north.kill();
    south.kill();
    let answer = bea
        .submit("/g/energy/threads/new", "/g/energy/threads", &[("title", TITLE), ("body", "Who joins?")])
        .await;
    home.kill();
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "the post was accepted: {}", answer.body);

    home.restart();
    let bea = sign_in_again(&home, "bea").await;
    let home_listing = bea.get_ok("/g/energy").await;
    assert_eq!(thread_link_count(&home_listing, TITLE), 1, "the post survived the crash:\n{home_listing}");
    north.restart();
    south.restart();

    // Should the kill have hit the moment of a send after all, that delivery stays claimed for
    // the lease: allow for it rather than fail.
    let limit = DELIVERY_LEASE + Duration::from_secs(WAIT_SECONDS);
    let ana = sign_in_again(&north, "ana").await;
    let carl = sign_in_again(&south, "carl").await;
    for (client, group) in [(&ana, &ana_group), (&carl, &carl_group)] {
        eventually_within(limit, &format!("{} to list the thread", client.url(group)), || async {
            let page = client.get(group).await;
            (thread_link_count(&page.body, TITLE) > 0).then_some(())
        })
        .await;
    }
    for host in [north.domain(), south.domain()] {
        let row = peer_becomes(&bea, &host, "drained", |row| row.pending == 0).await;
        assert_eq!(row.failed, 0, "{row:?}");
    }
    for (client, group) in [(&ana, &ana_group), (&carl, &carl_group)] {
        let listing = client.get_ok(group).await;
        assert_eq!(thread_link_count(&listing, TITLE), 1, "exactly once:\n{listing}");
    }
}

/// The sender is killed while a delivery is under way (the peer took the connection and has not
/// answered). The delivery is not lost: the restarted sender sends it again, but only once the
/// claim of the killed worker has expired (`DELIVERY_LEASE`).
async fn sender_killed_during_a_send(backend: Backend) {
    let (Some(mut home), Some(mut north)) = (
        node(backend, "Borken", &[FAST_RETRY_ENV, SHORT_LEASE_ENV[0], SHORT_LEASE_ENV[1]]),
        node(backend, "Boras", &[]),
    ) else {
        return;
    };
    let _logs = LogsOnPanic::default().with("home", &home).with("north", &north);
    let bea = member(&home, "bea", true).await;
    project_group(&home, "energy", "Energy in Borken");
    let ana = member(&north, "ana", false).await;
    let ana_group = follow_remote_group(&ana, &format!("@energy@{}", home.domain())).await;
    followers_become(&bea, "/g/energy", 1).await;

    // The north's port takes connections and never answers; the home instance posts, and is
    // killed as soon as its delivery has connected.
    peer_becomes(&bea, &north.domain(), "drained", |row| row.pending == 0 && row.delivered > 0).await;
    north.kill();
    let black_hole = std::net::TcpListener::bind(("127.0.0.1", north.port()))
        .unwrap_or_else(|e| panic!("cannot hold port {}: {e}", north.port()));
    black_hole.set_nonblocking(true).expect("a non-blocking listener");
    start_thread(&bea, "/g/energy", TITLE, "Who joins?").await;
    let connection =
        eventually("the home instance to connect to the north", || async { black_hole.accept().ok() }).await;
    home.kill();
    drop(connection);
    drop(black_hole);

    north.restart();
    let killed_at = std::time::Instant::now();
    home.restart();
    let ana = sign_in_again(&north, "ana").await;
    let limit = DELIVERY_LEASE + Duration::from_secs(WAIT_SECONDS);
    eventually_within(limit, "the restarted sender to deliver the thread", || async {
        let page = ana.get(&ana_group).await;
        (thread_link_count(&page.body, TITLE) == 1).then_some(())
    })
    .await;
    eprintln!("delivered {:?} after the restart", killed_at.elapsed());
    let bea = sign_in_again(&home, "bea").await;
    let row = peer_becomes(&bea, &north.domain(), "drained", |row| row.pending == 0).await;
    assert_eq!(row.failed, 0, "{row:?}");
}

/// With the default schedule (first retry after 60 s), a follower that was down receives what
/// it missed at the first retry after it is back.
async fn follower_back_before_the_first_default_retry(backend: Backend) {
    let default_retry = [("ALLMENDE_FEDERATION_FIRST_RETRY_SECONDS", "60")];
    let (Some(home), Some(mut north)) =
        (instance(backend, "Borken", &default_retry), node(backend, "Boras", &[]))
    else {
        return;
    };
    let _logs = LogsOnPanic::default().with("home", &home).with("north", &north);
    let bea = member(&home, "bea", true).await;
    project_group(&home, "energy", "Energy in Borken");
    let ana = member(&north, "ana", false).await;
    let ana_group = follow_remote_group(&ana, &format!("@energy@{}", home.domain())).await;
    followers_become(&bea, "/g/energy", 1).await;

    north.kill();
    start_thread(&bea, "/g/energy", TITLE, "Who joins?").await;
    let north_host = north.domain();
    peer_becomes(&bea, &north_host, "failing", |row| {
        row.pending >= 1 && row.last_error.starts_with("unreachable")
    })
    .await;
    north.restart();
    let ana = sign_in_again(&north, "ana").await;
    let limit = Duration::from_secs(60 + 2 * WAIT_SECONDS);
    eventually_within(limit, "the first retry to deliver the thread", || async {
        let page = ana.get(&ana_group).await;
        (thread_link_count(&page.body, TITLE) == 1).then_some(())
    })
    .await;
    let row = peer(&bea, &north_host).await.expect("north is listed");
    assert_eq!((row.pending, row.failed), (0, 0), "{row:?}");
}

/// A follower instance that accepts connections but never answers (its port held by a listener
/// that accepts nothing) must not hold up deliveries to the other followers.
async fn an_unresponsive_peer_does_not_hold_up_the_others(backend: Backend) {
    let (Some(home), Some(mut north), Some(south)) =
        (instance(backend, "Borken", &[]), node(backend, "Boras", &[]), instance(backend, "Hjorring", &[]))
    else {
        return;
    };
    let _logs = LogsOnPanic::default().with("home", &home).with("north", &north).with("south", &south);
    let bea = member(&home, "bea", true).await;
    project_group(&home, "energy", "Energy in Borken");
    let ana = member(&north, "ana", false).await;
    let carl = member(&south, "carl", false).await;
    let handle = format!("@energy@{}", home.domain());
    follow_remote_group(&ana, &handle).await;
    let carl_group = follow_remote_group(&carl, &handle).await;
    followers_become(&bea, "/g/energy", 2).await;

    // The north's port now completes TCP handshakes but nobody ever reads or answers.
    north.kill();
    let _black_hole = std::net::TcpListener::bind(("127.0.0.1", north.port()))
        .unwrap_or_else(|e| panic!("cannot hold port {}: {e}", north.port()));
    start_thread(&bea, "/g/energy", "First while Boras hangs", "One").await;
    thread_arrives(&carl, &carl_group, "First while Boras hangs").await;

    // The delivery to the north hangs until the HTTP client's timeout; the next thread must
    // reach the south meanwhile, as fast as usual.
    let posted = std::time::Instant::now();
    start_thread(&bea, "/g/energy", "Second while Boras hangs", "Two").await;
    thread_arrives(&carl, &carl_group, "Second while Boras hangs").await;
    let took = posted.elapsed();
    assert!(
        took < UNRESPONSIVE_PEER_TOLERANCE,
        "the second thread took {took:?} to reach the south while the north hung; home's north row: {:?}",
        peer(&bea, &north.domain()).await
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_a_follower_that_was_down_receives_everything_once_back() {
    follower_down_then_back(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_a_follower_that_was_down_receives_everything_once_back() {
    follower_down_then_back(Backend::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_a_post_survives_a_sender_crash_right_after_it_was_accepted() {
    sender_killed_after_accepting_a_post(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_a_post_survives_a_sender_crash_right_after_it_was_accepted() {
    sender_killed_after_accepting_a_post(Backend::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_a_delivery_under_way_when_the_sender_is_killed_is_sent_again_after_the_lease() {
    sender_killed_during_a_send(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "slow: waits for the default first retry (60 s)"]
async fn sqlite_a_follower_that_was_down_receives_the_thread_at_the_default_first_retry() {
    follower_back_before_the_first_default_retry(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_an_unresponsive_peer_does_not_hold_up_the_others() {
    an_unresponsive_peer_does_not_hold_up_the_others(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_an_unresponsive_peer_does_not_hold_up_the_others() {
    an_unresponsive_peer_does_not_hold_up_the_others(Backend::Postgres).await;
}
