//! Hashtags and mentions across two real instances, driven only through public HTTP: a thread on
//! B that mentions a member of A and carries hashtags is linked on B the way Mastodon links, and
//! arrives on A with its hashtags, so A's tag pages list it.

use federation_tests::scenario::{
    LogsOnPanic, follow_remote_group, followers_become, member, options, page_shows, start_thread,
};
use federation_tests::{Backend, Instance};

async fn hashtags_and_mentions_federate(backend: Backend) {
    let (Some(a), Some(b)) = (options(backend, "Aarhus", &[]), options(backend, "Bergen", &[])) else {
        return;
    };
    let (a, b) = (Instance::start(a), Instance::start(b));
    let _logs = LogsOnPanic::default().with("A", &a).with("B", &b);

    // B: a discussion group; A: anna follows it, so B knows her.
    let britt = member(&b, "britt", true).await;
    b.run_cli(&["group", "create", "--name", "energi", "--kind", "discussion", "--title", "Energi i Bergen"]);
    let anna = member(&a, "anna", true).await;
    follow_remote_group(&anna, &format!("@energi@{}", b.domain())).await;
    followers_become(&britt, "/g/energi", 1).await;

    // britt starts a thread on B that mentions anna and carries two hashtags.
    let body = format!("Ask @anna@{} about #Varmepumpe and #Energy", a.domain());
    let thread = start_thread(&britt, "/g/energi", "Heat pumps in old houses", &body).await;
    let page = page_shows(&britt, &thread, "Heat pumps in old houses").await;
    assert!(
        page.contains(&format!(r#"href="{}/tags/varmepumpe" class="mention hashtag""#, b.base_url())),
        "B links the hashtag to its tag page"
    );
    assert!(
        page.contains(&format!(
            r#"<span class="h-card"><a href="{}/u/anna" class="u-url mention""#,
            a.base_url()
        )),
        "B links the mention to anna on A"
    );
    page_shows(&britt, "/tags/varmepumpe", "Heat pumps in old houses").await;

    // A stores the thread with its hashtags: A's tag pages list it.
    page_shows(&anna, "/tags/varmepumpe", "Heat pumps in old houses").await;
    page_shows(&anna, "/tags/Energy", "Heat pumps in old houses").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_hashtags_and_mentions_federate() {
    hashtags_and_mentions_federate(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_hashtags_and_mentions_federate() {
    hashtags_and_mentions_federate(Backend::Postgres).await;
}
