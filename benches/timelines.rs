//! Measures the read paths members hit most, on a seeded SQLite database (or PostgreSQL with
//! `--postgres URL`): the home timeline (posts and boosts of followed people and groups, and the
//! groups' network), the public timeline, a hashtag timeline and a thread's context, each as the
//! client API builds them (statuses, then images, hashtags and mentions per page).
//!
//! Run with `cargo bench --bench timelines` (optionally `-- --posts 5000`). Nothing leaves the
//! machine; the run stops by itself.

use std::time::{Duration, Instant};

use allmende::config::Config;
use allmende::db::statuses::{Origin, Window};
use allmende::service::groups::NewGroup;
use allmende::service::posts::NewReply;
use allmende::service::statuses::{self, AccountFilter};
use allmende::service::threads::NewThread;
use allmende::service::{CurrentUser, accounts, boosts, follows, groups, posts, tags, threads};
use allmende::startup::Application;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let arg = |name: &str| std::env::args().skip_while(|a| a != name).nth(1);
    let posts: usize = arg("--posts").and_then(|n| n.parse().ok()).unwrap_or(3000);
    let dir = tempfile::tempdir().expect("dir");
    let mut config = Config::defaults().expect("config");
    config.bind = "127.0.0.1:0".into();
    config.insecure_http = true;
    config.data_dir = dir.path().to_owned();
    if let Some(url) = arg("--postgres") {
        config.database.url = url;
    }
    let app = Application::build(config).await.expect("app").without_background_delivery();
    let ctx = app.state().ctx.clone();

    let started = Instant::now();
    let people: Vec<CurrentUser> = {
        let mut people = Vec::new();
        for n in 0..20 {
            let user = accounts::create_account(
                &ctx,
                accounts::NewAccount {
                    username: format!("member{n}"),
                    email: None,
                    password: "long enough password".into(),
                    admin: n == 0,
                },
            )
            .await
            .expect("member");
            people.push(user);
        }
        people
    };
    let group_names: Vec<String> = (0..10).map(|n| format!("group{n}")).collect();
    for name in &group_names {
        groups::create_group(
            &ctx,
            people[0].id,
            NewGroup {
                name: name.clone(),
                kind: "discussion".into(),
                title: format!("Group {name}"),
                description: String::new(),
            },
        )
        .await
        .expect("group");
    }
    let reader = &people[1];
    for name in group_names.iter().take(5) {
        follows::follow_group(&ctx, reader, name).await.expect("follow group");
    }
    for person in people.iter().skip(2).take(8) {
        follows::follow_actor(&ctx, reader, person.id).await.expect("follow person");
    }
    let mut openers = Vec::new();
    for n in 0..posts {
        let author = &people[2 + n % 18];
        let group = &group_names[n % group_names.len()];
        if n % 4 == 0 || openers.is_empty() {
            let thread = threads::create_thread(
                &ctx,
                author,
                group,
                NewThread {
                    title: format!("Thread {n} on #energy"),
                    body: format!("Heat pumps and #solar, post {n}, ask @member{}", n % 20),
                    ..Default::default()
                },
            )
            .await
            .expect("thread");
            openers.push(thread);
        } else {
            let parent = openers[n % openers.len()];
            posts::reply(
                &ctx,
                author,
                parent,
                NewReply { body: format!("Reply {n} with #solar"), ..Default::default() },
            )
            .await
            .expect("reply");
        }
        if n % 10 == 0 {
            let booster = &people[2 + (n / 10) % 8];
            let _ = boosts::boost(&ctx, booster, openers[n % openers.len()]).await;
        }
    }
    println!(
        "seeded {posts} posts ({} threads), 10 groups, 20 members and boosts in {:.1} s",
        openers.len(),
        started.elapsed().as_secs_f64()
    );

    let page = Window { limit: 20, ..Window::default() };
    measure("home timeline", || statuses::home_timeline(&ctx, reader, page)).await;
    measure("public timeline", || statuses::public_timeline(&ctx, Some(reader), Origin::All, false, page))
        .await;
    measure("account statuses with boosts", || {
        statuses::account_statuses(&ctx, Some(reader), people[2].id.0, AccountFilter::default(), page)
    })
    .await;
    let query = tags::TagQuery {
        filter: tags::tag_filter("solar", &[], &[], &[]).expect("a hashtag"),
        origin: Origin::All,
        only_media: false,
    };
    measure("hashtag timeline #solar", || tags::tag_timeline(&ctx, Some(reader), &query, page)).await;
    let busiest = openers[0].0;
    measure("thread context", || statuses::get_context(&ctx, Some(reader), busiest)).await;
}

/// Runs `call` 200 times after 20 warm-up calls and prints the median and 95th percentile.
async fn measure<T, E: std::fmt::Debug, F, Fut>(what: &str, mut call: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    for _ in 0..20 {
        call().await.expect(what);
    }
    let mut times: Vec<Duration> = Vec::with_capacity(200);
    for _ in 0..200 {
        let started = Instant::now();
        call().await.expect(what);
        times.push(started.elapsed());
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("{what}: median {:.2} ms, p95 {:.2} ms (200 calls)", ms(times[100]), ms(times[190]));
}
