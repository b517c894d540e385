//! A poll across two real instances, driven through public HTTP: ana on home asks it from an app
//! (a status that mentions the group energy, with `poll[options][]`), carl on north, who follows
//! energy, votes on the thread page there; home counts his vote, and north shows the counts
//! home sends back (`Update` of the `Question`) after bea's vote on home.
//!
//! Closing is not covered here: a poll runs for at least five minutes and the real binary has no
//! clock to move; `tests/integration/polls.rs` closes polls with a manual clock.

use federation_tests::oauth::token_for;
use federation_tests::scenario::{
    LogsOnPanic, eventually, follow_remote_group, followers_become, member, options, page_shows,
    project_group, thread_arrives,
};
use federation_tests::{Backend, Instance};
use serde_json::Value;

const QUESTION: &str = "Bikes or buses to the climate day";

/// The value of the first voting choice on a thread page whose option is `title`.
fn choice_for(page: &str, title: &str) -> Option<String> {
    page.split(r#"name="choice" value=""#).skip(1).find_map(|rest| {
        let (value, after) = rest.split_once('"')?;
        after.split("</label>").next()?.contains(title).then(|| value.to_owned())
    })
}

async fn a_poll_is_voted_on_elsewhere(backend: Backend) {
    let (Some(home), Some(north)) = (options(backend, "Borken", &[]), options(backend, "Boras", &[])) else {
        return;
    };
    let (home, north) = (Instance::start(home), Instance::start(north));
    let _logs = LogsOnPanic::default().with("home", &home).with("north", &north);
    let bea = member(&home, "bea", true).await;
    project_group(&home, "energy", "Energy in Borken");
    let _ana = member(&home, "ana", false).await;
    let carl = member(&north, "carl", false).await;
    let energy = follow_remote_group(&carl, &format!("@energy@{}", home.domain())).await;
    followers_become(&bea, "/g/energy", 1).await;

    // ana asks from an app.
    let token = token_for(&home, "ana").await;
    let posted = reqwest::Client::new()
        .post(home.url("/api/v1/statuses"))
        .bearer_auth(&token)
        .form(&[
            ("status", format!("@energy {QUESTION}\nVote until Friday").as_str()),
            ("poll[options][]", "Bikes"),
            ("poll[options][]", "Buses"),
            ("poll[expires_in]", "86400"),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(posted.status().as_u16(), 200);
    let status: Value = posted.json().await.expect("status JSON");
    let status_id = status["id"].as_str().expect("an id").to_owned();
    assert_eq!(status["poll"]["votes_count"], 0, "{status}");

    // carl votes for buses on north's copy of the thread.
    let carl_topic = thread_arrives(&carl, &energy, QUESTION).await;
    let page = page_shows(&carl, &carl_topic, r#"name="choice""#).await;
    let buses = choice_for(&page, "Buses").unwrap_or_else(|| panic!("a choice for Buses:\n{page}"));
    let thread_id = carl_topic.trim_start_matches("/t/").to_owned();
    carl.submit_ok(&carl_topic, &format!("/p/{thread_id}/vote"), &[("choice", &buses)]).await;

    // home counts it (its API and bea's page).
    let poll_url = home.url(&format!("/api/v1/statuses/{status_id}"));
    eventually("home to count carl's vote", || async {
        let status: Value = reqwest::get(&poll_url).await.ok()?.json().await.ok()?;
        (status["poll"]["votes_count"] == 1 && status["poll"]["options"][1]["votes_count"] == 1).then_some(())
    })
    .await;

    // bea votes on home too; home's Update brings north both votes.
    let bea_topic = format!("/t/{status_id}");
    let page = bea.get_ok(&bea_topic).await;
    let bikes = choice_for(&page, "Bikes").unwrap_or_else(|| panic!("a choice for Bikes:\n{page}"));
    bea.submit_ok(&bea_topic, &format!("/p/{status_id}/vote"), &[("choice", &bikes)]).await;
    page_shows(&bea, &bea_topic, "2 people voted").await;
    let page = page_shows(&carl, &carl_topic, "2 people voted").await;
    assert!(page.contains("1 vote"), "each option has one vote on north:\n{page}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_a_poll_is_voted_on_from_another_instance() {
    a_poll_is_voted_on_elsewhere(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_a_poll_is_voted_on_from_another_instance() {
    a_poll_is_voted_on_elsewhere(Backend::Postgres).await;
}
