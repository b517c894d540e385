//! Quote posts across two real instances (FEP-044f, as Mastodon 4.5 does them), through the
//! web only: a member on one instance quotes a thread from a group on the other; the quote is
//! pending until the quoted author's instance answers the `QuoteRequest` with an `Accept` and
//! its stamp, then shows the quoted post; the author sees the approved quote listed, withdraws
//! it, and the quote stops showing the post.

use federation_tests::scenario::{
    LogsOnPanic, follow_remote_group, followers_become, member, options, page_shows, page_stops_showing,
    project_group, start_thread, thread_arrives, thread_id,
};
use federation_tests::{Backend, Instance};

fn start(backend: Backend, name: &str) -> Option<Instance> {
    Some(Instance::start(options(backend, name, &[])?))
}

async fn a_member_quotes_a_post_from_another_instance(backend: Backend) {
    let (Some(home), Some(away)) = (start(backend, "Borken"), start(backend, "Boras")) else {
        return;
    };
    let _logs = LogsOnPanic::default().with("home", &home).with("away", &away);
    let bea = member(&home, "bea", true).await;
    project_group(&home, "energy", "Energy in Borken");
    let ana = member(&away, "ana", false).await;
    let group_path = follow_remote_group(&ana, &format!("@energy@{}", home.domain())).await;
    followers_become(&bea, "/g/energy", 1).await;
    let thread = start_thread(&bea, "/g/energy", "Heat pumps", "Our heat pumps save a lot").await;
    let away_thread = thread_arrives(&ana, &group_path, "Heat pumps").await;
    let away_id = thread_id(&away_thread).to_owned();
    let page = ana.get_ok(&away_thread).await;
    assert!(page.contains(&format!("/p/{away_id}/quote")), "the thread offers quoting: {page}");

    let quoted = ana
        .submit_ok(
            &format!("/p/{away_id}/quote"),
            &format!("/p/{away_id}/quote"),
            &[("body", "Worth reading in Boras")],
        )
        .await;
    let quote_path = quoted.location.expect("the quote's page");
    let quote_path = quote_path.split('#').next().unwrap_or(&quote_path).to_owned();
    // Accepted at home: the quote shows the post, and home lists it as approved.
    page_shows(&ana, &quote_path, r#"<blockquote class="quote""#).await;
    let page = page_shows(&ana, &quote_path, "Our heat pumps save a lot").await;
    assert!(page.contains("Worth reading in Boras"), "{page}");
    let quotes_path = format!("/p/{}/quotes", thread_id(&thread));
    let listed = page_shows(&bea, &quotes_path, &away.domain()).await;

    // bea withdraws it: away, the quote no longer shows her post.
    let revoke = listed
        .split("action=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .find(|action| action.ends_with("/revoke"))
        .unwrap_or_else(|| panic!("a withdraw button: {listed}"))
        .to_owned();
    bea.submit_ok(&quotes_path, &revoke, &[]).await;
    page_stops_showing(&ana, &quote_path, "Our heat pumps save a lot").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_a_member_quotes_a_post_from_another_instance() {
    a_member_quotes_a_post_from_another_instance(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_a_member_quotes_a_post_from_another_instance() {
    a_member_quotes_a_post_from_another_instance(Backend::Postgres).await;
}
