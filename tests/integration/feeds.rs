//! Atom feeds of groups and of the instance, read back with an independent parser (`feed-rs`):
//! entries in creation order, hostile text kept well-formed, pages advertising their feeds,
//! plain 404s, and a fixed number of queries.

use allmende::domain::{ActorId, PostId, Timestamp};
use allmende::service::posts::{self, NewReply, PostEdit};
use allmende::service::remote::{self, RemoteActor, RemoteActorKind, RemotePost};
use allmende::service::{CurrentUser, feeds, groups, threads};
use feed_rs::model::{Entry, Feed};
use reqwest::StatusCode;
use reqwest::header::{ACCEPT_LANGUAGE, CONTENT_TYPE, SET_COOKIE};

use crate::common::{Backend, TestApp};
use crate::groups::{group, thread};
use crate::on_both_backends;
use crate::query_counts::count_queries;

const PEER: &str = "peer.example";

/// Fetches a feed over HTTP, checks the response, and parses it with `feed-rs`.
async fn fetch_feed(app: &TestApp, path: &str) -> (String, Feed) {
    let response = app.get(path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    let content_type = response.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert_eq!(content_type, "application/atom+xml; charset=utf-8", "{path}");
    assert!(response.headers().get(SET_COOKIE).is_none(), "{path} sets no cookie");
    let body = response.text().await.expect("body");
    let feed =
        feed_rs::parser::parse(body.as_bytes()).unwrap_or_else(|e| panic!("{path} parses: {e}\n{body}"));
    assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
    (body, feed)
}

fn title(entry: &Entry) -> &str {
    entry.title.as_ref().map(|t| t.content.as_str()).unwrap_or_default()
}

fn titles(feed: &Feed) -> Vec<&str> {
    feed.entries.iter().map(title).collect()
}

fn link<'a>(links: &'a [feed_rs::model::Link], rel: &str) -> &'a str {
    links.iter().find(|l| l.rel.as_deref() == Some(rel)).map(|l| l.href.as_str()).unwrap_or_default()
}

fn rfc3339(at: Timestamp) -> String {
    at.to_rfc3339()
}

fn date(at: Option<chrono::DateTime<chrono::Utc>>) -> String {
    at.map(|d| d.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()).unwrap_or_default()
}

/// ana's group `energy` with threads started a minute apart: First, Second, Third.
async fn energy_with_threads(app: &TestApp) -> (CurrentUser, Vec<PostId>) {
    let ana = app.create_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("group");
    let mut ids = Vec::new();
    for name in ["First", "Second", "Third"] {
        app.clock.advance_seconds(60);
        ids.push(threads::create_thread(&app.ctx, &ana, "energy", thread(name)).await.expect("thread"));
    }
    (ana, ids)
}

async fn remote_actor(app: &TestApp, kind: RemoteActorKind, path: &str, name: &str, shown: &str) -> ActorId {
    remote::store_remote_actor(
        &app.ctx,
        RemoteActor {
            ap_id: format!("https://{PEER}/{path}/{name}"),
            host: PEER.into(),
            kind,
            name: name.into(),
            display_name: shown.into(),
            summary_html: String::new(),
            inbox: format!("https://{PEER}/inbox"),
            shared_inbox: None,
            followers: None,
            public_key_pem: allmende::service::instance::generate_key_pair().expect("key pair").0,
            group_kind: Some("project".into()),
            avatar: None,
            header: None,
            extras: Default::default(),
        },
    )
    .await
    .expect("remote actor stored")
}

async fn remote_thread(app: &TestApp, author: ActorId, group: ActorId, n: u32, title: &str) -> PostId {
    let (id, _) = remote::store_remote_post(
        &app.ctx,
        RemotePost {
            visibility: Default::default(),
            ap_id: format!("https://{PEER}/post/{n}"),
            author,
            group: Some(group),
            in_reply_to: None,
            title: Some(title.into()),
            content_html: format!("<p>Remote body {n}</p>"),
            language: Some("de".into()),
            sensitive: false,
            content_warning: None,
            published: app.ctx.now(),
            updated: None,
            activity_json: None,
            media: Vec::new(),
        },
    )
    .await
    .expect("remote post stored");
    id
}

async fn group_feed_has_the_newest_threads_first(app: TestApp) {
    let (ana, ids) = energy_with_threads(&app).await;
    // A reply bumps First on the group page, but a feed keeps the order threads were started in.
    app.clock.advance_seconds(60);
    posts::reply(
        &app.ctx,
        &ana,
        ids[0],
        NewReply { body: "bump".into(), language: None, content_warning: None, ..Default::default() },
    )
    .await
    .expect("reply");
    app.clock.advance_seconds(60);
    let edit =
        PostEdit { title: Some("Second, edited".into()), body: "New *body*".into(), ..PostEdit::default() };
    posts::edit_post(&app.ctx, &ana, ids[1], edit).await.expect("edit");
    let edited_at = app.ctx.now();

    let (_, feed) = fetch_feed(&app, "/g/energy/feed.atom").await;
    let base = "http://localhost";
    assert_eq!(feed.id, format!("{base}/g/energy/feed.atom"));
    assert_eq!(feed.title.as_ref().map(|t| t.content.as_str()), Some("Title of energy"));
    let subtitle = feed.description.as_ref().map(|t| t.content.as_str()).unwrap_or_default();
    assert!(subtitle.contains("<strong>it</strong>"), "the group's summary: {subtitle}");
    assert_eq!(link(&feed.links, "self"), format!("{base}/g/energy/feed.atom"));
    assert_eq!(link(&feed.links, "alternate"), format!("{base}/g/energy"));
    assert_eq!(feed.generator.as_ref().map(|g| g.content.as_str()), Some("Allmende"));
    assert_eq!(date(feed.updated), rfc3339(edited_at), "the newest change of an entry");

    assert_eq!(titles(&feed), ["Third", "Second, edited", "First"]);
    let second = &feed.entries[1];
    assert_eq!(second.id, format!("{base}/t/{}", ids[1].0));
    assert_eq!(link(&second.links, "alternate"), format!("{base}/t/{}", ids[1].0));
    let author = second.authors.first().expect("an author");
    assert_eq!(author.name.as_deref(), Some("ana"));
    assert_eq!(author.uri.as_deref(), Some(format!("{base}/u/ana").as_str()));
    assert!(second.published < second.updated, "an edit is an update");
    assert_eq!(date(second.updated), rfc3339(edited_at));
    let content = second.content.as_ref().and_then(|c| c.body.as_deref()).unwrap_or_default();
    assert!(content.contains("New <em>body</em>"), "the stored HTML: {content}");
    let category = second.categories.first().expect("the group as a category");
    assert_eq!(category.term, "energy");
    assert_eq!(category.label.as_deref(), Some("Title of energy"));

    // A deleted thread leaves the feed.
    posts::delete_post(&app.ctx, &ana, ids[2]).await.expect("delete");
    let (_, feed) = fetch_feed(&app, "/g/energy/feed.atom").await;
    assert_eq!(titles(&feed), ["Second, edited", "First"]);
}

async fn empty_group_feed_is_dated_by_the_group(app: TestApp) {
    let ana = app.create_user("ana").await;
    let created = app.ctx.now();
    groups::create_group(
        &app.ctx,
        ana.id,
        groups::NewGroup { description: String::new(), ..group("quiet", "project") },
    )
    .await
    .expect("group");
    app.clock.advance_seconds(3600);
    let (_, feed) = fetch_feed(&app, "/g/quiet/feed.atom").await;
    assert!(feed.entries.is_empty());
    assert_eq!(date(feed.updated), rfc3339(created));
    let subtitle = feed.description.as_ref().map(|t| t.content.as_str()).unwrap_or_default();
    assert_eq!(subtitle, "Threads in Title of quiet", "a subtitle even without a summary");
}

async fn instance_feed_has_the_latest_threads_of_every_group(app: TestApp) {
    let (ana, _) = energy_with_threads(&app).await;
    groups::create_group(&app.ctx, ana.id, group("mobility", "discussion")).await.expect("group");
    app.clock.advance_seconds(60);
    threads::create_thread(&app.ctx, &ana, "mobility", thread("Bikes")).await.expect("thread");
    let climate = remote_actor(&app, RemoteActorKind::Group, "c", "climate", "Climate North").await;
    let zoe = remote_actor(&app, RemoteActorKind::Person, "users", "zoe", "Zoë").await;
    app.clock.advance_seconds(60);
    remote_thread(&app, zoe, climate, 1, "Heat pumps up north").await;

    let (_, feed) = fetch_feed(&app, "/feed.atom").await;
    assert_eq!(feed.id, "http://localhost/feed.atom");
    assert_eq!(feed.title.as_ref().map(|t| t.content.as_str()), Some("Allmende"));
    assert!(feed.description.is_some(), "the instance's description");
    assert_eq!(link(&feed.links, "alternate"), "http://localhost/");
    assert_eq!(titles(&feed), ["Heat pumps up north", "Bikes", "Third", "Second", "First"]);
    let groups: Vec<&str> =
        feed.entries.iter().filter_map(|e| e.categories.first()).map(|c| c.term.as_str()).collect();
    assert_eq!(groups, [format!("climate@{PEER}").as_str(), "mobility", "energy", "energy", "energy"]);

    // More than a feed holds: the newest twenty.
    for i in 0..20 {
        app.clock.advance_seconds(1);
        threads::create_thread(&app.ctx, &ana, "mobility", thread(&format!("More {i}")))
            .await
            .expect("thread");
    }
    let (_, feed) = fetch_feed(&app, "/feed.atom").await;
    assert_eq!(feed.entries.len(), 20);
    assert_eq!(title(&feed.entries[0]), "More 19");
    assert_eq!(title(&feed.entries[19]), "More 0");
}

async fn remote_group_feed_uses_canonical_ids(app: TestApp) {
    let climate = remote_actor(&app, RemoteActorKind::Group, "c", "climate", "Climate North").await;
    let zoe = remote_actor(&app, RemoteActorKind::Person, "users", "zoe", "Zoë").await;
    app.clock.advance_seconds(60);
    let first = remote_thread(&app, zoe, climate, 1, "Heat pumps").await;
    app.clock.advance_seconds(60);
    remote_thread(&app, zoe, climate, 2, "District heating").await;

    let path = format!("/g/climate@{PEER}/feed.atom");
    let (body, feed) = fetch_feed(&app, &path).await;
    assert_eq!(feed.id, format!("http://localhost{path}"));
    assert_eq!(feed.title.as_ref().map(|t| t.content.as_str()), Some("Climate North"));
    assert_eq!(link(&feed.links, "alternate"), format!("http://localhost/g/climate@{PEER}"));
    assert_eq!(titles(&feed), ["District heating", "Heat pumps"]);
    let entry = &feed.entries[1];
    assert_eq!(entry.id, format!("https://{PEER}/post/1"), "a remote thread keeps its own id");
    assert_eq!(link(&entry.links, "alternate"), format!("http://localhost/t/{}", first.0));
    let author = entry.authors.first().expect("an author");
    assert_eq!(author.name.as_deref(), Some("Zoë"));
    assert_eq!(author.uri.as_deref(), Some(format!("https://{PEER}/users/zoe").as_str()));
    assert!(body.contains("<entry xml:lang=\"de\">"), "entries say their language: {body}");
    let category = entry.categories.first().expect("the group as a category");
    let scheme = category.scheme.as_deref().unwrap_or_default();
    assert_eq!(format!("{scheme}{}", category.term), format!("http://localhost/g/climate@{PEER}"));
}

async fn hostile_text_stays_well_formed_and_escaped(app: TestApp) {
    let ana = app.create_user("ana").await;
    let hostile_group = groups::NewGroup {
        title: "<script>alert('g')</script> & \"Co\"".into(),
        ..group("energy", "discussion")
    };
    groups::create_group(&app.ctx, ana.id, hostile_group).await.expect("group");
    // Local titles refuse control characters; remote ones (below) may carry them.
    let local_title = "<script>alert(1)</script> & Söhne ]]> 'q'";
    threads::create_thread(&app.ctx, &ana, "energy", thread(local_title)).await.expect("thread");
    let climate = remote_actor(&app, RemoteActorKind::Group, "c", "climate", "Nord\u{1} <b>&amp;</b>").await;
    let zoe = remote_actor(&app, RemoteActorKind::Person, "users", "zoe", "Zoë\u{8} </name><x>").await;
    app.clock.advance_seconds(60);
    remote_thread(&app, zoe, climate, 1, "</title>\u{7}\u{b}\u{c}\u{1b}\u{FFFE}<!-- & --> \u{85}end").await;

    for path in
        ["/g/energy/feed.atom".to_owned(), format!("/g/climate@{PEER}/feed.atom"), "/feed.atom".into()]
    {
        let (body, feed) = fetch_feed(&app, &path).await;
        for forbidden in
            ['\u{0}', '\u{1}', '\u{7}', '\u{8}', '\u{b}', '\u{c}', '\u{1b}', '\u{FFFE}', '\u{85}']
        {
            assert!(!body.contains(forbidden), "{path} holds no {forbidden:?}");
        }
        assert!(
            !body.contains("<script>") && !body.contains("</name><x>") && !body.contains("<!--"),
            "{body}"
        );
        for entry in &feed.entries {
            let name = entry.authors.first().and_then(|a| a.name.as_deref()).unwrap_or_default();
            match title(entry) {
                "<script>alert(1)</script> & Söhne ]]> 'q'" => assert_eq!(name, "ana"),
                "</title><!-- & --> end" => assert_eq!(name, "Zoë </name><x>"),
                other => panic!("{path}: unexpected title {other:?}"),
            }
        }
    }
    let (_, feed) = fetch_feed(&app, "/g/energy/feed.atom").await;
    assert_eq!(feed.title.map(|t| t.content).as_deref(), Some("<script>alert('g')</script> & \"Co\""));
    let (_, feed) = fetch_feed(&app, "/feed.atom").await;
    let labels: Vec<&str> =
        feed.entries.iter().filter_map(|e| e.categories.first()).filter_map(|c| c.label.as_deref()).collect();
    assert_eq!(labels, ["Nord <b>&amp;</b>", "<script>alert('g')</script> & \"Co\""]);
}

async fn pages_advertise_their_feeds(app: TestApp) {
    let ana = app.create_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("group");
    remote_actor(&app, RemoteActorKind::Group, "c", "climate", "Climate North").await;

    let cases = [
        ("/", "/feed.atom", "Latest threads on Allmende"),
        ("/g/energy", "/g/energy/feed.atom", "Threads in Title of energy"),
        (
            &format!("/g/climate@{PEER}") as &str,
            &format!("/g/climate@{PEER}/feed.atom") as &str,
            "Threads in Climate North",
        ),
    ];
    for (page, feed, title) in cases {
        let (status, html) = app.get_html(page).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        let head = html.split("</head>").next().unwrap_or_default();
        let advert = format!(
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{title}\" href=\"{feed}\">"
        );
        assert!(head.contains(&advert), "{page} advertises {feed}: {head}");
        let body = html.split("</head>").nth(1).unwrap_or_default();
        assert!(body.contains(&format!("href=\"{feed}\"")), "{page} links {feed} visibly");
        assert!(body.contains(">Atom feed</a>"), "{page} names the link");
        fetch_feed(&app, feed).await;
    }

    let german =
        app.client.get(app.url("/g/energy")).header(ACCEPT_LANGUAGE, "de").send().await.expect("GET");
    let html = german.text().await.expect("body");
    assert!(html.contains("title=\"Themen in Title of energy\""), "the advert's title is translated");
    assert!(html.contains(">Atom-Feed</a>"), "the visible link is translated");
}

async fn unknown_groups_are_a_plain_404(app: TestApp) {
    app.create_user("ana").await;
    for path in
        ["/g/nobody/feed.atom", "/g/ana/feed.atom", "/g/nobody@peer.example/feed.atom", "/g/%00/feed.atom"]
    {
        let response = app.get(path).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        let content_type =
            response.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
        assert!(!content_type.contains("html"), "{path}: not an HTML page ({content_type})");
        assert!(response.headers().get(SET_COOKIE).is_none(), "{path} sets no cookie");
    }
}

on_both_backends!(
    group_feed_has_the_newest_threads_first,
    empty_group_feed_is_dated_by_the_group,
    instance_feed_has_the_latest_threads_of_every_group,
    remote_group_feed_uses_canonical_ids,
    hostile_text_stays_well_formed_and_escaped,
    pages_advertise_their_feeds,
    unknown_groups_are_a_plain_404,
);

async fn feeds_have_constant_query_counts(app: TestApp) {
    let (ana, _) = energy_with_threads(&app).await;
    let (small_group, _) = count_queries(feeds::get_group_feed(&app.ctx, "energy")).await;
    let (small_latest, _) = count_queries(feeds::list_latest_feed_entries(&app.ctx)).await;
    for i in 0..30 {
        let id = threads::create_thread(&app.ctx, &ana, "energy", thread(&format!("More {i}")))
            .await
            .expect("thread");
        posts::reply(
            &app.ctx,
            &ana,
            id,
            NewReply { body: "reply".into(), language: None, content_warning: None, ..Default::default() },
        )
        .await
        .expect("reply");
    }
    let (large_group, feed) = count_queries(feeds::get_group_feed(&app.ctx, "energy")).await;
    assert_eq!(feed.expect("feed").entries.len(), 20);
    let (large_latest, latest) = count_queries(feeds::list_latest_feed_entries(&app.ctx)).await;
    assert_eq!(latest.expect("latest").len(), 20);
    assert_eq!((small_group, large_group), (2, 2), "a group feed: the group and its entries");
    assert_eq!((small_latest, large_latest), (1, 1), "the instance feed: one query");
}

#[tokio::test(flavor = "current_thread")]
async fn sqlite_feeds_have_constant_query_counts() {
    feeds_have_constant_query_counts(TestApp::spawn(Backend::Sqlite).await).await;
}

#[tokio::test(flavor = "current_thread")]
async fn postgres_feeds_have_constant_query_counts() {
    match TestApp::spawn_postgres().await {
        Some(app) => feeds_have_constant_query_counts(app).await,
        None => eprintln!("skipped: ALLMENDE_TEST_POSTGRES_URL is not set"),
    }
}
