//! A group re-announces what members of other instances do in it (FEP-1b12), across three real
//! instances driven only through public HTTP: ana (on north) replies in a group hosted on home,
//! followed by carl (on south); her edit of the reply reaches south through the group, and so do
//! her like of the thread and its taking back. The thread's context collection on home lists
//! ana's reply by its own id. A pin by the group's moderator reaches south too (Lemmy's `Add` to
//! the group's `featured` collection), and so does the unpin.

use federation_tests::scenario::{
    LogsOnPanic, follow_remote_group, followers_become, member, options, page_shows, page_stops_showing,
    post_id_containing, project_group, reply, start_thread, thread_arrives, thread_id,
};
use federation_tests::{Backend, Instance};

const TOPIC: &str = "Solar on the town hall";
const REPLY: &str = "Count me in, from Boras";
const EDITED: &str = "Count me and my neighbour in, from Boras";
const PINNED: &str = "<p class=\"meta pinned\">";

async fn edits_votes_and_pins_reach_the_groups_followers(backend: Backend) {
    let (Some(home), Some(north), Some(south)) =
        (options(backend, "Borken", &[]), options(backend, "Boras", &[]), options(backend, "Hjorring", &[]))
    else {
        return;
    };
    let (home, north, south) = (Instance::start(home), Instance::start(north), Instance::start(south));
    let _logs = LogsOnPanic::default().with("home", &home).with("north", &north).with("south", &south);
    let bea = member(&home, "bea", true).await;
    project_group(&home, "energy", "Energy in Borken");
    let ana = member(&north, "ana", false).await;
    let carl = member(&south, "carl", false).await;
    let handle = format!("@energy@{}", home.domain());
    let ana_group = follow_remote_group(&ana, &handle).await;
    let carl_group = follow_remote_group(&carl, &handle).await;
    followers_become(&bea, "/g/energy", 2).await;

    let topic = start_thread(&bea, "/g/energy", TOPIC, "Who joins the survey?").await;
    let ana_topic = thread_arrives(&ana, &ana_group, TOPIC).await;
    let carl_topic = thread_arrives(&carl, &carl_group, TOPIC).await;
    let ana_reply = reply(&ana, &ana_topic, REPLY).await;
    page_shows(&carl, &carl_topic, REPLY).await;

    // ana edits her reply on her own instance: the group re-announces the Update to south.
    let edit = format!("/p/{ana_reply}/edit");
    ana.submit_ok(&edit, &edit, &[("body", EDITED)]).await;
    page_shows(&bea, &topic, EDITED).await;
    let page = page_shows(&carl, &carl_topic, EDITED).await;
    assert!(!page.contains(REPLY), "the old text is gone on south:\n{page}");

    // ana likes the thread and takes it back: south counts and uncounts it.
    let like_path = format!("/p/{}/like", thread_id(&ana_topic));
    ana.submit_ok(&ana_topic, &like_path, &[]).await;
    page_shows(&carl, &carl_topic, "1 like").await;
    let unlike_path = format!("/p/{}/unlike", thread_id(&ana_topic));
    ana.submit_ok(&ana_topic, &unlike_path, &[]).await;
    page_stops_showing(&carl, &carl_topic, "1 like").await;

    // The group's instance serves the thread's context, with ana's reply by its id on north.
    let home_page = bea.get_ok(&topic).await;
    assert!(post_id_containing(&home_page, EDITED).is_some(), "the edit is on home:\n{home_page}");
    let context = activity_json(&bea, &home.url(&format!("{topic}/context"))).await;
    let first = context["first"].as_str().expect("a first page").to_owned();
    let page = activity_json(&bea, &first).await;
    let ana_id = north.url(&format!("/p/{ana_reply}"));
    let items = page["orderedItems"].as_array().expect("items");
    assert!(items.iter().any(|item| item == &serde_json::json!(ana_id)), "{ana_id} in {page}");

    // bea pins the thread on home: the group's Add reaches south, whose group page marks it.
    let pin = format!("/t/{}/pin", thread_id(&topic));
    bea.submit_ok(&topic, &pin, &[]).await;
    page_shows(&carl, &carl_group, PINNED).await;
    let unpin = format!("/t/{}/unpin", thread_id(&topic));
    bea.submit_ok(&topic, &unpin, &[]).await;
    page_stops_showing(&carl, &carl_group, PINNED).await;
}

async fn activity_json(client: &federation_tests::Browserless, url: &str) -> serde_json::Value {
    client
        .client()
        .get(url)
        .header("accept", "application/activity+json")
        .send()
        .await
        .expect("response")
        .json()
        .await
        .expect("JSON")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_edits_votes_and_pins_reach_the_groups_followers() {
    edits_votes_and_pins_reach_the_groups_followers(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_edits_votes_and_pins_reach_the_groups_followers() {
    edits_votes_and_pins_reach_the_groups_followers(Backend::Postgres).await;
}
