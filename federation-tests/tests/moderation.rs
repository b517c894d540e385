//! Moderation across two real instances, driven only through public HTTP: the admin of the
//! group's home instance removes a member's thread and another member's reply; a follower on
//! the other instance stops showing both, since the group itself sends the `Delete`. A thread
//! locked on the group's instance takes no replies on the other either.

use federation_tests::scenario::{
    LogsOnPanic, follow_remote_group, followers_become, member, options, page_shows, page_stops_showing,
    post_id_containing, project_group, reply, start_thread, thread_arrives, thread_id,
};
use federation_tests::{Backend, Browserless, Instance};

const SPAM: &str = "Cheap watches for everyone";
const TOPIC: &str = "Heat pumps in old houses";
const OFF_TOPIC: &str = "Buy my cheap watches instead";

async fn delete_post(client: &Browserless, page: &str, id: &str) {
    client.submit_ok(page, &format!("/p/{id}/delete"), &[]).await;
}

async fn moderator_removals_reach_followers(backend: Backend) {
    let (Some(home), Some(north)) = (options(backend, "Borken", &[]), options(backend, "Boras", &[])) else {
        return;
    };
    let (home, north) = (Instance::start(home), Instance::start(north));
    let _logs = LogsOnPanic::default().with("home", &home).with("north", &north);
    let bea = member(&home, "bea", true).await;
    project_group(&home, "energy", "Energy in Borken");
    let carl = member(&home, "carl", false).await;
    let ana = member(&north, "ana", false).await;
    let ana_group = follow_remote_group(&ana, &format!("@energy@{}", home.domain())).await;
    followers_become(&bea, "/g/energy", 1).await;
    followers_become(&ana, &ana_group, 1).await;

    let spam = start_thread(&carl, "/g/energy", SPAM, "Only today!").await;
    let topic = start_thread(&bea, "/g/energy", TOPIC, "Experiences?").await;
    thread_arrives(&ana, &ana_group, SPAM).await;
    let ana_topic = thread_arrives(&ana, &ana_group, TOPIC).await;
    reply(&carl, &topic, OFF_TOPIC).await;
    page_shows(&ana, &ana_topic, OFF_TOPIC).await;

    // bea (the admin, who owns the group) removes carl's thread and carl's reply.
    delete_post(&bea, &spam, thread_id(&spam)).await;
    let home_page = bea.get_ok(&topic).await;
    let off_topic = post_id_containing(&home_page, OFF_TOPIC).expect("carl's reply on the home instance");
    delete_post(&bea, &topic, &off_topic).await;

    page_stops_showing(&ana, &ana_group, SPAM).await;
    let page = page_stops_showing(&ana, &ana_topic, OFF_TOPIC).await;
    assert!(page.contains("Experiences?"), "the thread itself stays:\n{page}");
}

/// bea (who moderates the group) locks a thread on its home instance; the group's `Lock`
/// reaches the follower's instance, where the thread shows as locked and ana's reply is refused.
/// Unlocking opens it on both, and ana's reply reaches the group.
async fn a_lock_refuses_replies_on_the_other_instance(backend: Backend) {
    let (Some(home), Some(north)) = (options(backend, "Borken", &[]), options(backend, "Boras", &[])) else {
        return;
    };
    let (home, north) = (Instance::start(home), Instance::start(north));
    let _logs = LogsOnPanic::default().with("home", &home).with("north", &north);
    let bea = member(&home, "bea", true).await;
    project_group(&home, "energy", "Energy in Borken");
    let ana = member(&north, "ana", false).await;
    let ana_group = follow_remote_group(&ana, &format!("@energy@{}", home.domain())).await;
    followers_become(&bea, "/g/energy", 1).await;
    followers_become(&ana, &ana_group, 1).await;
    let topic = start_thread(&bea, "/g/energy", TOPIC, "Experiences?").await;
    let ana_topic = thread_arrives(&ana, &ana_group, TOPIC).await;

    bea.submit_ok(&topic, &format!("/t/{}/lock", thread_id(&topic)), &[]).await;
    page_shows(&bea, &topic, LOCKED).await;
    let page = page_shows(&ana, &ana_topic, LOCKED).await;
    assert!(!page.contains("reply-heading"), "no reply form on the other instance:\n{page}");
    let refused =
        ana.submit(&ana_topic, &format!("/p/{}/reply", thread_id(&ana_topic)), &[("body", TOO_LATE)]).await;
    assert_eq!(refused.status.as_u16(), 422, "the other instance refuses the reply: {}", refused.body);
    assert!(refused.body.contains("locked"), "and says why:\n{}", refused.body);

    bea.submit_ok(&topic, &format!("/t/{}/unlock", thread_id(&topic)), &[]).await;
    page_stops_showing(&ana, &ana_topic, LOCKED).await;
    reply(&ana, &ana_topic, TOO_LATE).await;
    page_shows(&bea, &topic, TOO_LATE).await;
}

const LOCKED: &str = "This thread is locked";
const TOO_LATE: &str = "Air-to-water worked for us";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_a_lock_refuses_replies_on_the_other_instance() {
    a_lock_refuses_replies_on_the_other_instance(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_a_lock_refuses_replies_on_the_other_instance() {
    a_lock_refuses_replies_on_the_other_instance(Backend::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_moderator_removals_reach_followers() {
    moderator_removals_reach_followers(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_moderator_removals_reach_followers() {
    moderator_removals_reach_followers(Backend::Postgres).await;
}
