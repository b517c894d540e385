//! Members and climate goals across two real instances, driven through public HTTP only: an
//! organisation's profile on one instance resolves on the other as an ActivityPub
//! `Organization` with its fields, and a progress update on a climate goal, posted in a group,
//! reaches the group's follower elsewhere as a thread.

use federation_tests::scenario::{
    LogsOnPanic, follow_remote_group, followers_become, member, options, project_group, thread_arrives,
};
use federation_tests::{Backend, Instance};
use serde_json::Value;

fn start(backend: Backend, name: &str) -> Option<Instance> {
    Some(Instance::start(options(backend, name, &[])?))
}

async fn organisations_and_progress_updates_federate(backend: Backend) {
    let (Some(home), Some(away)) = (start(backend, "Borken"), start(backend, "Boras")) else {
        return;
    };
    let _logs = LogsOnPanic::default().with("home", &home).with("away", &away);
    let _admin = member(&home, "bea", true).await;
    project_group(&home, "energy", "Energy in Borken");
    let utility = member(&home, "stadtwerke", false).await;
    let ana = member(&away, "ana", false).await;

    // The utility's profile represents an organisation.
    utility
        .submit_ok(
            "/settings/profile",
            "/settings/profile",
            &[
                ("display_name", "Stadtwerke Borken"),
                ("bio", "Heat and power for the town"),
                ("language", "en"),
                ("org_type", "municipal-utility"),
                ("org_name", "Stadtwerke Borken GmbH"),
                ("org_location", "Borken"),
                ("org_website", "https://stadtwerke.example"),
            ],
        )
        .await;

    // Away, a member finds it by handle; the stored account carries the organisation's fields.
    let handle = format!("@stadtwerke@{}", home.domain());
    let found = ana.get(&format!("/search?q={handle}")).await;
    assert_eq!(
        found.location.as_deref(),
        Some(format!("/u/stadtwerke@{}", home.domain()).as_str()),
        "{}",
        found.body
    );
    let lookup = ana
        .client()
        .get(ana.url(&format!("/api/v1/accounts/lookup?acct=stadtwerke@{}", home.domain())))
        .send()
        .await
        .expect("lookup");
    let account: Value = lookup.json().await.expect("account JSON");
    let fields: Vec<(String, String)> = account["fields"]
        .as_array()
        .unwrap_or_else(|| panic!("fields in {account}"))
        .iter()
        .map(|f| (f["name"].as_str().unwrap_or("").to_owned(), f["value"].as_str().unwrap_or("").to_owned()))
        .collect();
    assert!(fields.contains(&("Organisation type".into(), "Municipal utility".into())), "{fields:?}");
    assert!(fields.contains(&("Organisation".into(), "Stadtwerke Borken GmbH".into())), "{fields:?}");
    assert!(fields.contains(&("Location".into(), "Borken".into())), "{fields:?}");
    // And the document it resolved is an Organization.
    let actor: Value = ana
        .client()
        .get(home.url("/u/stadtwerke"))
        .header("accept", "application/activity+json")
        .send()
        .await
        .expect("actor")
        .json()
        .await
        .expect("actor JSON");
    assert_eq!(actor["type"], "Organization");

    // Away follows the project group; a progress update posted there arrives as a thread.
    let group_path = follow_remote_group(&ana, &format!("@energy@{}", home.domain())).await;
    // Accepted at home: the group counts its follower (a pending follow already shows
    // "Unfollow" on the follower's side, so that page cannot tell).
    followers_become(&utility, "/g/energy", 1).await;
    let goal = utility
        .submit_ok(
            "/goals/new",
            "/goals",
            &[
                ("title", "Climate-neutral district heating"),
                ("metric", "Emissions of the heat network"),
                ("unit", "t CO2e/year"),
                ("baseline_value", "12400"),
                ("baseline_year", "2020"),
                ("target_value", "0"),
                ("target_year", "2035"),
            ],
        )
        .await;
    let goal_path = goal.location.expect("the goal's page");
    utility
        .submit_ok(
            &goal_path,
            &format!("{goal_path}/progress"),
            &[
                ("date", "2026-06-30"),
                ("value", "9300"),
                ("note", "Two heat pumps in service"),
                ("group", "energy"),
            ],
        )
        .await;
    let thread = thread_arrives(&ana, &group_path, "Progress: Climate-neutral district heating").await;
    let page = ana.get_ok(&thread).await;
    assert!(page.contains("Two heat pumps in service") && page.contains("9,300 t CO2e/year"), "{page}");
    assert!(page.contains(&home.url(&goal_path)), "the thread links the goal at home: {page}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_organisations_and_progress_updates_federate() {
    organisations_and_progress_updates_federate(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_organisations_and_progress_updates_federate() {
    organisations_and_progress_updates_federate(Backend::Postgres).await;
}
