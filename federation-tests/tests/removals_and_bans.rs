//! Removals with a reason and group bans across two real instances, driven only through public
//! HTTP: a moderator on the group's home instance removes a reply with a reason, and the
//! follower's instance shows "removed by the moderators" with that reason; "Restore" brings it
//! back on both. A ban of the follower's member, made on the home instance, is shown to that
//! member on their own instance, which refuses their reply there until the ban is lifted.

use federation_tests::scenario::{
    LogsOnPanic, follow_remote_group, followers_become, member, options, page_shows, page_stops_showing,
    post_id_containing, project_group, reply, start_thread, thread_arrives,
};
use federation_tests::{Backend, Instance};

const TOPIC: &str = "Heat pumps in old houses";
const SPAM: &str = "Buy my cheap watches instead";
const REASON: &str = "Advertising is not welcome here";
const BANNED: &str = "You are banned from this group";
const LATE: &str = "Can I still say something?";

async fn removal_reasons_and_bans_reach_the_other_instance(backend: Backend) {
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

    let topic = start_thread(&bea, "/g/energy", TOPIC, "Experiences?").await;
    let ana_topic = thread_arrives(&ana, &ana_group, TOPIC).await;
    reply(&carl, &topic, SPAM).await;
    page_shows(&ana, &ana_topic, SPAM).await;

    // bea (who owns the group) removes carl's reply with a reason.
    let home_page = bea.get_ok(&topic).await;
    let spam = post_id_containing(&home_page, SPAM).expect("carl's reply on the home instance");
    bea.submit_ok(&topic, &format!("/p/{spam}/remove"), &[("reason", REASON)]).await;
    let page = page_shows(&ana, &ana_topic, REASON).await;
    assert!(page.contains("Removed by the moderators"), "the other instance says why:\n{page}");
    assert!(!page.contains(SPAM), "and hides the reply:\n{page}");
    let modlog = ana.get_ok("/modlog").await;
    assert!(modlog.contains(REASON), "the removal is in the other instance's modlog:\n{modlog}");

    bea.submit_ok(&topic, &format!("/p/{spam}/restore"), &[]).await;
    page_shows(&ana, &ana_topic, SPAM).await;

    // bea bans ana (a member of the other instance) from the group.
    let ana_handle = format!("ana@{}", north.domain());
    bea.submit_ok(
        &format!("/g/energy/bans/new?actor={ana_handle}"),
        "/g/energy/bans",
        &[("actor", &ana_handle), ("reason", "Trolling"), ("days", "")],
    )
    .await;
    let page = page_shows(&ana, &ana_group, BANNED).await;
    assert!(page.contains("Trolling"), "the ban's reason is shown to ana:\n{page}");
    let refused =
        ana.submit(&ana_topic, &format!("/p/{}/reply", topic_id(&ana_topic)), &[("body", LATE)]).await;
    assert_eq!(refused.status.as_u16(), 422, "ana's own instance refuses: {}", refused.body);
    assert!(refused.body.contains(BANNED), "and says why:\n{}", refused.body);

    bea.submit_ok("/g/energy/bans", "/g/energy/bans/remove", &[("actor", &ana_handle)]).await;
    page_stops_showing(&ana, &ana_group, BANNED).await;
    reply(&ana, &ana_topic, LATE).await;
    page_shows(&bea, &topic, LATE).await;
}

fn topic_id(path: &str) -> &str {
    federation_tests::scenario::thread_id(path)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_removal_reasons_and_bans_reach_the_other_instance() {
    removal_reasons_and_bans_reach_the_other_instance(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_removal_reasons_and_bans_reach_the_other_instance() {
    removal_reasons_and_bans_reach_the_other_instance(Backend::Postgres).await;
}
