//! A moderator moves a thread between two groups of one instance, across two real instances
//! driven through public HTTP: carl (on north) follows the group energy on home, where bea
//! starts a thread; bea moves it to home's group solar (the thread page's form), and north then
//! lists the thread under solar and no longer under energy.

use federation_tests::scenario::{
    LogsOnPanic, find_remote_group, follow_remote_group, followers_become, member, options, page_shows,
    page_stops_showing, project_group, start_thread, thread_arrives, thread_id,
};
use federation_tests::{Backend, Instance};

const TOPIC: &str = "Panels on the school roof";

async fn a_moved_thread_follows_its_group(backend: Backend) {
    let (Some(home), Some(north)) = (options(backend, "Borken", &[]), options(backend, "Boras", &[])) else {
        return;
    };
    let (home, north) = (Instance::start(home), Instance::start(north));
    let _logs = LogsOnPanic::default().with("home", &home).with("north", &north);
    let bea = member(&home, "bea", true).await;
    project_group(&home, "energy", "Energy in Borken");
    home.run_cli(&["group", "create", "--name", "solar", "--kind", "discussion", "--title", "Solar"]);
    let carl = member(&north, "carl", false).await;
    let energy = follow_remote_group(&carl, &format!("@energy@{}", home.domain())).await;
    followers_become(&bea, "/g/energy", 1).await;

    let topic = start_thread(&bea, "/g/energy", TOPIC, "Which roofs are strong enough?").await;
    let carl_topic = thread_arrives(&carl, &energy, TOPIC).await;

    // bea moves it on home; both groups announce the opener's Update, and north follows.
    let move_path = format!("/t/{}/move", thread_id(&topic));
    bea.submit_ok(&topic, &move_path, &[("group", "solar")]).await;
    let solar = find_remote_group(&carl, &format!("@solar@{}", home.domain())).await;
    let moved = thread_arrives(&carl, &solar, TOPIC).await;
    assert_eq!(moved, carl_topic, "the same thread, not a copy");
    page_stops_showing(&carl, &energy, TOPIC).await;
    page_shows(&carl, &carl_topic, "Which roofs are strong enough?").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_a_moved_thread_is_listed_under_its_new_group_elsewhere() {
    a_moved_thread_follows_its_group(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_a_moved_thread_is_listed_under_its_new_group_elsewhere() {
    a_moved_thread_follows_its_group(Backend::Postgres).await;
}
