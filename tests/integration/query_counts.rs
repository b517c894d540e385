//! Pages run a bounded number of queries whatever their size (no N+1): counted through the
//! `allmende::db::query` trace events that every repository statement emits.

use std::cell::RefCell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Once};

use allmende::db::statuses::{Origin, Window};
use allmende::domain::PostId;
use allmende::service::posts::{self, NewReply};
use allmende::service::{follows, groups, notifications, statuses, threads};
use tracing_subscriber::Layer;
use tracing_subscriber::layer::{Context, SubscriberExt};

use crate::common::{Backend, TestApp};
use crate::groups::{group, thread};

/// Counts `allmende::db::query` events into the counter this thread has switched on.
struct QueryCounter;

thread_local! {
    static COUNTING: RefCell<Option<Arc<AtomicUsize>>> = const { RefCell::new(None) };
}

impl<S: tracing::Subscriber> Layer<S> for QueryCounter {
    fn on_event(&self, event: &tracing::Event<'_>, _ctx: Context<'_, S>) {
        if event.metadata().target() == "allmende::db::query" {
            COUNTING.with(|counting| {
                if let Some(counter) = counting.borrow().as_ref() {
                    counter.fetch_add(1, Ordering::SeqCst);
                }
            });
        }
    }
}

/// Counts the statements `work` runs on this thread (the query-count tests run on a
/// single-threaded runtime, so the app's tasks run here too). The counting subscriber is the
/// process's global one, installed once: scoped subscribers that other tests set and drop at
/// the same time could make tracing's shared callsite cache skip events, and counts came out
/// low or zero under a full parallel run.
pub(crate) async fn count_queries<F: std::future::Future>(work: F) -> (usize, F::Output) {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        tracing::subscriber::set_global_default(tracing_subscriber::registry().with(QueryCounter))
            .expect("no other global subscriber in the integration tests");
    });
    let counter = Arc::new(AtomicUsize::new(0));
    COUNTING.with(|counting| *counting.borrow_mut() = Some(counter.clone()));
    let output = work.await;
    COUNTING.with(|counting| *counting.borrow_mut() = None);
    (counter.load(Ordering::SeqCst), output)
}

/// [`count_queries`] of read-only `work`, run twice, keeping the lower count: on the test's one
/// thread a task the app started earlier may run a query while `work` waits, which adds to a
/// count but never takes from it.
pub(crate) async fn count_read_queries<Fut: std::future::Future>(
    work: impl Fn() -> Fut,
) -> (usize, Fut::Output) {
    let (first, _) = count_queries(work()).await;
    let (second, output) = count_queries(work()).await;
    (first.min(second), output)
}

async fn add_replies(app: &TestApp, user: &allmende::service::CurrentUser, opener: PostId, count: usize) {
    let mut parent = opener;
    for i in 0..count {
        let reply = posts::reply(
            &app.ctx,
            user,
            parent,
            NewReply {
                body: format!("reply {i}"),
                language: None,
                content_warning: None,
                ..Default::default()
            },
        )
        .await
        .expect("reply");
        if i % 3 == 0 {
            posts::like_post(&app.ctx, user, reply).await.expect("like");
        }
        parent = if i % 2 == 0 { reply } else { opener };
    }
}

async fn pages_have_constant_query_counts(app: TestApp) {
    let ana = app.create_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("group");
    let small = threads::create_thread(&app.ctx, &ana, "energy", thread("Small")).await.expect("thread");
    add_replies(&app, &ana, small, 2).await;
    let large = threads::create_thread(&app.ctx, &ana, "energy", thread("Large")).await.expect("thread");
    add_replies(&app, &ana, large, 60).await;
    for i in 0..30 {
        threads::create_thread(&app.ctx, &ana, "energy", thread(&format!("More {i}"))).await.expect("thread");
    }

    let (small_thread, _) = count_queries(threads::get_thread_page(&app.ctx, small, Some(&ana), None)).await;
    let (large_thread, page) =
        count_queries(threads::get_thread_page(&app.ctx, large, Some(&ana), None)).await;
    assert_eq!(page.expect("page").replies.items.len(), 20);
    assert!(small_thread > 0, "queries are counted");
    assert_eq!(small_thread, large_thread, "a thread page costs the same whatever its length");
    assert!(large_thread <= 6, "thread page with images, policies, quotes and polls: {large_thread} queries");

    let (group_page, _) = count_queries(groups::get_group_page(&app.ctx, "energy", Some(&ana), None)).await;
    assert!(group_page <= 4, "group page: {group_page} queries");
    let (home, _) = count_queries(threads::list_latest_threads(&app.ctx, Some(&ana), None)).await;
    assert_eq!(home, 1, "latest threads in one query");
    let (directory, _) = count_queries(groups::list_groups(&app.ctx, None, None, None)).await;
    assert_eq!(directory, 1, "group directory with counts in one query");

    // The client API's timelines, contexts and notifications: one query per list, and one per
    // kind of related rows (images, hashtags, mentions) for the whole list.
    follows::follow_group(&app.ctx, &ana, "energy").await.expect("follow");
    let window = Window { limit: 40, ..Window::default() };
    let (home_timeline, found) = count_queries(statuses::home_timeline(&app.ctx, &ana, window)).await;
    assert_eq!(found.expect("home").len(), 40);
    assert_eq!(
        home_timeline, 6,
        "home timeline of 40 statuses in one query, their images, hashtags, mentions, quotes and polls in one each"
    );
    let (public, _) =
        count_queries(statuses::public_timeline(&app.ctx, Some(&ana), Origin::All, false, window)).await;
    assert_eq!(
        public, 6,
        "public timeline in one query, images, hashtags, mentions, quotes and polls in one each"
    );
    let (context, found) = count_queries(statuses::get_context(&app.ctx, Some(&ana), large.0)).await;
    assert_eq!(found.expect("context").1.len(), 60);
    assert_eq!(
        context, 7,
        "a thread of 60 replies as a context: the status, then the thread with its images, hashtags, \
         mentions, quotes and polls"
    );
    let (notified, _) = count_queries(notifications::list_notifications(
        &app.ctx,
        &ana,
        window,
        &notifications::NotificationFilter::default(),
    ))
    .await;
    assert!(
        notified <= 5,
        "notifications with their statuses and the statuses' images, hashtags and mentions: {notified} queries"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn sqlite_pages_have_constant_query_counts() {
    pages_have_constant_query_counts(TestApp::spawn(Backend::Sqlite).await).await;
}

#[tokio::test(flavor = "current_thread")]
async fn postgres_pages_have_constant_query_counts() {
    match TestApp::spawn_postgres().await {
        Some(app) => pages_have_constant_query_counts(app).await,
        None => eprintln!("skipped: ALLMENDE_TEST_POSTGRES_URL is not set"),
    }
}
