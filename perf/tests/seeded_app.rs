//! The generator at a small size on both backends: its rows are consistent (every counter and
//! cached column agrees with the rows it summarises), and the real application serves the
//! seeded database: thread, group, tag, profile, calendar and directory pages and the client
//! API's timelines answer 200 with seeded content and matching counts.

mod support;

use support::{Backend, SMALL, scalar, seed, serve, strings};

async fn seeded_instance_is_consistent_and_served(backend: Backend) {
    let Some(seeded) = seed(backend, SMALL).await else {
        eprintln!("skipped: ALLMENDE_TEST_POSTGRES_URL is not set");
        return;
    };
    let report = seeded.report.clone();
    assert_eq!(report.rows_of("posts"), u64::from(SMALL.posts));
    // The seeded people and the admin have accounts.
    assert_eq!(report.rows_of("accounts"), u64::from(SMALL.users) + 1);
    assert!(report.rows_of("likes") > 1_000, "{:?}", report.rows);
    assert!(report.rows_of("follows") > 300, "{:?}", report.rows);
    assert!(report.rows_of("events") > 0 && report.rows_of("projects") > 0, "{:?}", report.rows);
    assert!(report.longest_thread.1 > 40, "a long thread: {:?}", report.longest_thread);

    let db = seeded.db().await;
    // Counters and cached columns agree with the rows they summarise.
    for (what, sql) in [
        (
            "reply counts",
            "SELECT COUNT(*) FROM posts r WHERE r.id = r.root_id AND r.reply_count <> \
             (SELECT COUNT(*) FROM posts c WHERE c.root_id = r.id AND c.id <> r.id)",
        ),
        (
            "last activity",
            "SELECT COUNT(*) FROM posts r WHERE r.id = r.root_id AND r.last_activity_at <> \
             (SELECT MAX(c.created_at) FROM posts c WHERE c.root_id = r.id)",
        ),
        (
            "like counts",
            "SELECT COUNT(*) FROM posts p WHERE p.like_count <> (SELECT COUNT(*) FROM likes l WHERE l.post_id = p.id)",
        ),
        (
            "replies outside their thread's group",
            "SELECT COUNT(*) FROM posts c JOIN posts r ON r.id = c.root_id WHERE COALESCE(c.group_id, 0) <> COALESCE(r.group_id, 0)",
        ),
        (
            "parents in another thread",
            "SELECT COUNT(*) FROM posts c JOIN posts p ON p.id = c.in_reply_to_id WHERE p.root_id <> c.root_id OR p.id >= c.id",
        ),
        (
            "threads without their group's share",
            "SELECT COUNT(*) FROM posts p WHERE p.id = p.root_id AND p.group_id IS NOT NULL AND NOT EXISTS \
             (SELECT 1 FROM boosts b WHERE b.post_id = p.id AND b.actor_id = p.group_id)",
        ),
        (
            "shares of something else",
            "SELECT COUNT(*) FROM boosts b JOIN posts p ON p.id = b.post_id WHERE p.id <> p.root_id",
        ),
        ("local posts without source", "SELECT COUNT(*) FROM posts WHERE local AND source IS NULL"),
        ("remote posts without id", "SELECT COUNT(*) FROM posts WHERE NOT local AND ap_id IS NULL"),
        (
            "hashtags not linked",
            "SELECT COUNT(*) FROM post_hashtags h JOIN posts p ON p.id = h.post_id WHERE p.content_html NOT LIKE '%/tags/' || h.name || '%'",
        ),
        (
            "notifications to remote people",
            "SELECT COUNT(*) FROM notifications n WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.actor_id = n.account_id)",
        ),
        ("notifications to oneself", "SELECT COUNT(*) FROM notifications WHERE account_id = from_actor_id"),
        (
            "replies without their notification",
            "SELECT COUNT(*) FROM posts c JOIN posts p ON p.id = c.in_reply_to_id JOIN accounts a ON a.actor_id = p.author_id \
             WHERE p.author_id <> c.author_id AND NOT EXISTS (SELECT 1 FROM notifications n \
             WHERE n.account_id = p.author_id AND n.kind = 'mention' AND n.post_id = c.id)",
        ),
    ] {
        assert_eq!(scalar(&db, sql).await, 0, "{what} ({backend:?})");
    }
    assert!(scalar(&db, "SELECT COUNT(*) FROM posts WHERE content_html LIKE '%solar%'").await > 50);
    assert_eq!(scalar(&db, "SELECT COUNT(DISTINCT language) FROM posts").await, 6);
    assert!(
        scalar(&db, "SELECT COUNT(DISTINCT a.instance_id) FROM posts p JOIN actors a ON a.id = p.author_id WHERE NOT p.local")
            .await
            >= 3
    );
    assert!(scalar(&db, "SELECT COUNT(*) FROM follows WHERE ap_id IS NOT NULL").await > 0);
    let (thread, replies) = report.longest_thread;
    let thread_title = strings(&db, &format!("SELECT title FROM posts WHERE id = {thread}")).await.remove(0);
    let thread_likes = scalar(&db, &format!("SELECT COUNT(*) FROM likes WHERE post_id = {thread}")).await;
    let group_latest = strings(
        &db,
        &format!(
            "SELECT p.title FROM posts p JOIN actors g ON g.id = p.group_id WHERE g.name = '{}' AND p.id = p.root_id \
             ORDER BY p.last_activity_at DESC, p.id DESC LIMIT 1",
            report.biggest_group
        ),
    )
    .await
    .remove(0);
    let group_threads = scalar(
        &db,
        &format!(
            "SELECT COUNT(*) FROM posts p JOIN actors g ON g.id = p.group_id WHERE g.name = '{}' AND p.id = p.root_id",
            report.biggest_group
        ),
    )
    .await;
    let newest = scalar(&db, "SELECT MAX(id) FROM posts").await;
    db.close().await;

    let app = serve(&seeded).await;
    let page = app.page(&format!("/t/{thread}")).await;
    assert!(page.contains(&thread_title), "the thread page shows its title {thread_title:?}");
    let status = app.json(&format!("/api/v1/statuses/{thread}")).await;
    assert_eq!(status["replies_count"].as_i64(), Some(i64::from(replies)), "{status}");
    assert_eq!(status["favourites_count"].as_i64(), Some(thread_likes), "{status}");
    let context = app.json(&format!("/api/v1/statuses/{thread}/context")).await;
    assert!(!context["descendants"].as_array().map(Vec::is_empty).unwrap_or(true), "{context}");

    let page = app.page(&format!("/g/{}", report.biggest_group)).await;
    assert!(page.contains(&group_latest), "the group page shows its latest thread {group_latest:?}");
    let groups = app.json(&format!("/api/v1/accounts/lookup?acct={}", report.biggest_group)).await;
    assert_eq!(
        groups["statuses_count"].as_i64(),
        Some(group_threads),
        "a group's statuses are its threads: {groups}"
    );

    let public = app.json("/api/v1/timelines/public?limit=20").await;
    let public = public.as_array().expect("a list");
    assert_eq!(public.len(), 20);
    assert_eq!(public[0]["id"].as_str(), Some(newest.to_string().as_str()), "newest first");
    let older = app.json(&format!("/api/v1/timelines/public?limit=20&max_id={}", newest)).await;
    assert_eq!(older.as_array().map(Vec::len), Some(20), "the next page");

    let tagged = app.json("/api/v1/timelines/tag/solar?limit=5").await;
    assert_eq!(tagged.as_array().map(Vec::len), Some(5), "{tagged}");
    let page = app.page("/tags/solar").await;
    assert!(page.contains("solar"));
    // The search index was built after the bulk load (its trigger set aside while loading).
    let found = app.json("/api/v2/search?q=solar&type=statuses&limit=5").await;
    assert_eq!(found["statuses"].as_array().map(Vec::len), Some(5), "{found}");

    let page = app.page(&format!("/u/{}", report.busiest_person)).await;
    assert!(page.contains(&report.busiest_person));
    app.page("/calendar").await;
    app.page("/").await;
    let page = app.page("/groups").await;
    assert!(page.contains("/g/"), "the group directory lists groups");
    app.page("/projects").await;
    app.stop().await;
    seeded.drop_database().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite() {
    seeded_instance_is_consistent_and_served(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres() {
    seeded_instance_is_consistent_and_served(Backend::Postgres).await;
}
