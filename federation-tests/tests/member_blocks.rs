//! A member blocks a person on another instance from that person's profile page: the `Block`
//! (and, on unblocking, its `Undo`) is signed by the member and accepted by the other
//! instance's inbox, as the admin's federation table shows.

use federation_tests::scenario::{LogsOnPanic, member, options, page_shows, peer_becomes};
use federation_tests::{Backend, Instance};

fn start(backend: Backend, name: &str) -> Option<Instance> {
    Some(Instance::start(options(backend, name, &[])?))
}

/// The value of the hidden `account_id` field of a profile's Block/Mute form.
fn account_id(page: &str) -> String {
    let marker = "name=\"account_id\" value=\"";
    page.split_once(marker)
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(id, _)| id.to_owned())
        .unwrap_or_else(|| panic!("no Block form on the profile:\n{page}"))
}

async fn a_block_reaches_the_blocked_persons_instance(backend: Backend) {
    let (Some(home), Some(north)) = (start(backend, "Borken"), start(backend, "Boras")) else {
        return;
    };
    let _logs = LogsOnPanic::default().with("home", &home).with("north", &north);
    let _zed = member(&home, "zed", false).await;
    let ana = member(&north, "ana", true).await;

    // ana finds zed by handle; the search leads to his profile on her instance.
    let found = ana.get(&format!("/search?q=@zed@{}", home.domain())).await;
    let profile =
        found.location.unwrap_or_else(|| panic!("search answered {}: {}", found.status, found.body));
    assert_eq!(profile, format!("/u/zed@{}", home.domain()));
    let page = ana.get_ok(&profile).await;
    let id = account_id(&page);

    ana.submit_ok(
        &profile,
        "/settings/blocks/people",
        &[("account_id", &id), ("action", "block"), ("back", &profile)],
    )
    .await;
    page_shows(&ana, &profile, "You blocked this person.").await;
    let host = home.domain();
    peer_becomes(&ana, &host, "sent the Block", |row| row.delivered >= 1 && row.failed == 0).await;

    ana.submit_ok(
        &profile,
        "/settings/blocks/people",
        &[("account_id", &id), ("action", "unblock"), ("back", &profile)],
    )
    .await;
    peer_becomes(&ana, &host, "sent the Undo", |row| row.delivered >= 2 && row.failed == 0).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_a_block_reaches_the_blocked_persons_instance() {
    a_block_reaches_the_blocked_persons_instance(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_a_block_reaches_the_blocked_persons_instance() {
    a_block_reaches_the_blocked_persons_instance(Backend::Postgres).await;
}
