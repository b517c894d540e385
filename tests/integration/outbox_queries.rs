//! A group's outbox costs a fixed number of queries whatever it lists (no N+1), counted through
//! the `allmende::db::query` trace events every repository statement emits, over real HTTP.

use allmende::service::{groups, threads};
use reqwest::StatusCode;

use crate::common::{Backend, TestApp};
use crate::groups::{group, thread};
use crate::query_counts::count_queries;

/// Fetches `path` as ActivityPub JSON and counts the statements the server ran for it (the
/// runtime is single-threaded, so the server's task runs under this thread's subscriber).
async fn count_get(app: &TestApp, path: &str) -> (usize, serde_json::Value) {
    let request = app.client.get(app.url(path)).header("accept", "application/activity+json").send();
    let (count, response) = count_queries(request).await;
    let response = response.expect("answered");
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    (count, response.json().await.expect("JSON"))
}

async fn outbox_costs_the_same_whatever_its_length(app: TestApp) {
    let ana = app.create_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("small", "discussion")).await.expect("group");
    groups::create_group(&app.ctx, ana.id, group("large", "project")).await.expect("group");
    threads::create_thread(&app.ctx, &ana, "small", thread("Only one")).await.expect("thread");
    for i in 0..25 {
        threads::create_thread(&app.ctx, &ana, "large", thread(&format!("Thread {i}")))
            .await
            .expect("thread");
    }
    let (small, small_outbox) = count_get(&app, "/g/small/outbox").await;
    let (large, large_outbox) = count_get(&app, "/g/large/outbox").await;
    assert_eq!(small_outbox["orderedItems"].as_array().map(Vec::len), Some(1));
    assert_eq!(large_outbox["orderedItems"].as_array().map(Vec::len), Some(20), "a page of 20");
    assert_eq!(large_outbox["orderedItems"][0]["object"]["name"], "Thread 24", "newest first");
    assert!(small > 0, "queries are counted");
    assert_eq!(small, large, "an outbox costs the same whatever its length");
    assert!(large <= 6, "outbox (threads, then their images, hashtags, mentions and polls): {large} queries");
    let (person, _) = count_get(&app, "/u/ana/outbox").await;
    assert!(person <= 3, "a person's (empty) outbox: {person} queries");
}

#[tokio::test(flavor = "current_thread")]
async fn sqlite_outbox_costs_the_same_whatever_its_length() {
    outbox_costs_the_same_whatever_its_length(TestApp::spawn(Backend::Sqlite).await).await;
}

#[tokio::test(flavor = "current_thread")]
async fn postgres_outbox_costs_the_same_whatever_its_length() {
    match TestApp::spawn_postgres().await {
        Some(app) => outbox_costs_the_same_whatever_its_length(app).await,
        None => eprintln!("skipped: ALLMENDE_TEST_POSTGRES_URL is not set"),
    }
}
