//! A group moves to another instance, across three real instances driven through public HTTP:
//! the group energy on home has followers on north (where the new group lives) and on south;
//! north's group power names energy as an alias, energy moves to power, and both followers then
//! follow power (accepted) and no longer energy.

use federation_tests::scenario::{
    LogsOnPanic, find_remote_group, follow_remote_group, followers_become, member, options, page_shows,
    project_group,
};
use federation_tests::{Backend, Instance};

const UNFOLLOW: &str = ">Unfollow</button>";

async fn followers_follow_the_moved_group(backend: Backend) {
    let (Some(home), Some(north), Some(south)) =
        (options(backend, "Borken", &[]), options(backend, "Boras", &[]), options(backend, "Hjorring", &[]))
    else {
        return;
    };
    let (home, north, south) = (Instance::start(home), Instance::start(north), Instance::start(south));
    let _logs = LogsOnPanic::default().with("home", &home).with("north", &north).with("south", &south);
    let bea = member(&home, "bea", true).await;
    project_group(&home, "energy", "Energy in Borken");
    let nils = member(&north, "nils", true).await;
    north.run_cli(&["group", "create", "--name", "power", "--kind", "discussion", "--title", "Power"]);
    let ana = member(&north, "ana", false).await;
    let carl = member(&south, "carl", false).await;
    let old_handle = format!("@energy@{}", home.domain());
    let ana_old = follow_remote_group(&ana, &old_handle).await;
    let carl_old = follow_remote_group(&carl, &old_handle).await;
    followers_become(&bea, "/g/energy", 2).await;

    // north's group names energy as its other address; then energy moves there.
    nils.submit_ok("/g/power/moving", "/g/power/moving/aliases", &[("aliases", &old_handle)]).await;
    let new_handle = format!("@power@{}", north.domain());
    let moved = bea.submit_ok("/g/energy/moving", "/g/energy/moving/move", &[("target", &new_handle)]).await;
    assert!(moved.body.contains(r#"id="moved-notice""#), "{}", moved.body);

    // Both followers now follow power: ana on its own instance, carl from south (accepted).
    followers_become(&nils, "/g/power", 2).await;
    page_shows(&ana, "/g/power", UNFOLLOW).await;
    let carl_new = find_remote_group(&carl, &new_handle).await;
    let page = page_shows(&carl, &carl_new, UNFOLLOW).await;
    assert!(!page.contains(r#"id="follow-pending""#), "power's instance accepted:\n{page}");
    followers_become(&bea, "/g/energy", 0).await;
    for (client, old) in [(&ana, &ana_old), (&carl, &carl_old)] {
        let page = client.get_ok(old).await;
        assert!(!page.contains(UNFOLLOW), "no longer following energy:\n{page}");
    }
    // The old group says where it went, and offers no new thread.
    let old_page = bea.get_ok("/g/energy").await;
    assert!(old_page.contains(r#"id="moved-notice""#), "energy's page says it moved:\n{old_page}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_a_moved_groups_followers_follow_the_new_group() {
    followers_follow_the_moved_group(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_a_moved_groups_followers_follow_the_new_group() {
    followers_follow_the_moved_group(Backend::Postgres).await;
}
