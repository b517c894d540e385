//! A private group across three real instances (issue 15): ana on A follows `circle` on B, B's
//! owner makes it private; a thread started there reaches ana (the group tells A it is private
//! and announces the thread to its followers only), while on C, where nobody is a member, the
//! thread cannot be found or fetched, and B answers `404` to an unsigned fetch.

use federation_tests::scenario::{
    LogsOnPanic, follow_remote_group, followers_become, member, options, project_group, thread_arrives,
};
use federation_tests::{Backend, Instance};
use reqwest::StatusCode;

fn start(backend: Backend, name: &str) -> Option<Instance> {
    Some(Instance::start(options(backend, name, &[])?))
}

async fn a_private_groups_threads_reach_members_only(backend: Backend) {
    let (Some(a), Some(b), Some(c)) = (start(backend, "A"), start(backend, "B"), start(backend, "C")) else {
        return;
    };
    let _logs = LogsOnPanic::default().with("A", &a).with("B", &b).with("C", &c);
    let bea = member(&b, "bea", true).await;
    project_group(&b, "circle", "The inner circle");
    let ana = member(&a, "ana", false).await;
    let cyd = member(&c, "cyd", false).await;
    let handle = format!("@circle@{}", b.domain());
    let on_a = follow_remote_group(&ana, &handle).await;
    // ana's follow must have reached B (and been accepted) before the group closes: a follow
    // that arrives at a closed group is a request that waits for a moderator, so ana would not
    // be a member. Pressing "Follow" only queues the `Follow` on A.
    followers_become(&bea, "/g/circle", 1).await;
    bea.submit_ok("/g/circle/requests", "/g/circle/requests/settings", &[("closed", "on")]).await;
    let started = bea
        .submit_ok(
            "/g/circle/threads/new",
            "/g/circle/threads",
            &[("title", "Members only: the whisperword"), ("body", "Only for the circle")],
        )
        .await;
    let thread_on_b = started.location.expect("the new thread's path");
    // A holds the thread for ana.
    let thread_on_a = thread_arrives(&ana, &on_a, "Members only").await;
    let page = ana.get(&thread_on_a).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Only for the circle"), "{}", page.body);
    // B serves it to nobody who does not sign as a member's instance.
    let unsigned = reqwest::Client::new()
        .get(b.url(&thread_on_b))
        .header("accept", "application/activity+json")
        .send()
        .await
        .expect("fetch");
    assert_eq!(unsigned.status(), StatusCode::NOT_FOUND);
    // On C, the group is found, but not its thread: not on the group page, not by its address.
    let on_c = follow_remote_group(&cyd, &handle).await;
    let group_page = cyd.get(&on_c).await;
    assert!(!group_page.body.contains("whisperword"), "{}", group_page.body);
    let by_address = cyd.get(&format!("/search?q={}", b.url(&thread_on_b))).await;
    assert!(!by_address.body.contains("whisperword"), "{}", by_address.body);
    if let Some(location) = by_address.location {
        assert!(!cyd.get(&location).await.body.contains("whisperword"));
    }
    // And A's copy is for its members: a signed-out visitor of A does not see it.
    let outsider = a.browserless();
    assert!(!outsider.get(&thread_on_a).await.body.contains("whisperword"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_a_private_groups_threads_reach_members_only() {
    a_private_groups_threads_reach_members_only(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_a_private_groups_threads_reach_members_only() {
    a_private_groups_threads_reach_members_only(Backend::Postgres).await;
}
