//! Reports across two real instances, driven only through public HTTP: a member on one instance
//! reports a thread of a group on the other; the report reaches the group's moderators there as
//! a report "from the server" of the first (the reporter's name never leaves it), both as
//! Lemmy's `Flag` to the group and, forwarded, as Mastodon's to the author's server.

use federation_tests::scenario::{
    LogsOnPanic, eventually, follow_remote_group, followers_become, member, options, page_shows,
    project_group, start_thread, thread_arrives, thread_id,
};
use federation_tests::{Backend, Browserless, Instance};

const SPAM: &str = "Cheap watches for everyone";
const REASON: &str = "Selling watches in a climate group";

async fn a_report_reaches_the_groups_moderators_on_its_instance(backend: Backend) {
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
    start_thread(&carl, "/g/energy", SPAM, "Only today!").await;
    let ana_topic = thread_arrives(&ana, &ana_group, SPAM).await;

    let form = format!("/p/{}/report", thread_id(&ana_topic));
    let page = ana.get_ok(&form).await;
    assert!(page.contains("name=\"forward\""), "carl is elsewhere: the form offers to forward:\n{page}");
    let sent =
        ana.submit(&form, &form, &[("category", "spam"), ("comment", REASON), ("forward", "on")]).await;
    assert_eq!(sent.status.as_u16(), 200, "{}", sent.body);
    assert!(sent.body.contains("Report sent"), "{}", sent.body);

    // Both Flags arrive at home: one to the group, one forwarded to carl's server.
    let reports = eventually_two_reports(&bea).await;
    assert!(reports.contains(&format!("Reported by the server {}", north.domain())), "{reports}");
    assert!(!reports.contains("Reported by ana"), "the reporter's name stays on north:\n{reports}");
    page_shows(&bea, "/admin/reports", REASON).await;
}

/// The group's report page at home, once it lists both reports.
async fn eventually_two_reports(bea: &Browserless) -> String {
    eventually("both reports at the group's instance", || async {
        let page = bea.get("/g/energy/reports").await;
        (page.status.as_u16() == 200 && page.body.matches(REASON).count() >= 2).then_some(page.body)
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_a_report_reaches_the_groups_moderators_on_its_instance() {
    a_report_reaches_the_groups_moderators_on_its_instance(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_a_report_reaches_the_groups_moderators_on_its_instance() {
    a_report_reaches_the_groups_moderators_on_its_instance(Backend::Postgres).await;
}
