//! Property tests (proptest) of invariants that hold for any input, not just the examples we
//! thought of: sanitised HTML stays within the allow-list, every id we build is a URL on our
//! own domain, and paging a timeline with `max_id`/`min_id` neither repeats nor skips an item.
//! Case counts are modest so the suite stays fast; `PROPTEST_CASES` raises them.

use std::sync::atomic::{AtomicUsize, Ordering};

use allmende::domain::PostId;
use allmende::domain::html::{render_markdown, sanitize_html};
use allmende::federation::uris::{LocalObject, Uris};
use proptest::prelude::*;
use proptest::test_runner::{Config as ProptestConfig, TestCaseError, TestRunner};
use serde_json::Value;
use url::Url;

use crate::common::TestApp;
use crate::groups::{group, thread};
use crate::html_allowlist::{forbidden_text, violations};
use crate::on_both_backends;

fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(default);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

// ---------------------------------------------------------------------------------------------
// Sanitised HTML, from a grammar of hostile markup.

/// Tag names, hostile ones first, in the case variants browsers accept.
fn tag_name() -> impl Strategy<Value = String> {
    let names = prop::sample::select(vec![
        "script",
        "style",
        "iframe",
        "img",
        "svg",
        "math",
        "object",
        "embed",
        "form",
        "input",
        "link",
        "meta",
        "base",
        "frame",
        "template",
        "noscript",
        "xmp",
        "plaintext",
        "textarea",
        "title",
        "a",
        "p",
        "span",
        "div",
        "table",
        "td",
        "tr",
        "ul",
        "li",
        "pre",
        "code",
        "blockquote",
        "h1",
        "b",
        "em",
        "select",
        "option",
        "details",
        "video",
        "audio",
        "source",
        "image",
        "animate",
        "set",
        "use",
    ]);
    (names, any::<bool>())
        .prop_map(|(name, upper)| if upper { name.to_ascii_uppercase() } else { name.to_owned() })
}

/// URLs that try to run script, in the spellings that have fooled filters.
fn hostile_url() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java&#09;script:alert(1)",
        "&#106;avascript:alert(1)",
        "&#x6A;avascript:alert(1)",
        "javascript&colon;alert(1)",
        "\u{1}javascript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "livescript:x",
        "//evil.example/x",
        "https://ok.example/a?b=\"c\"",
        "mailto:a@b.example",
        "/relative/javascript:x",
        "#frag",
    ])
    .prop_map(str::to_owned)
}

fn attribute() -> impl Strategy<Value = String> {
    let handler = prop::sample::select(vec![
        "onclick",
        "onerror",
        "onload",
        "onmouseover",
        "ONFOCUS",
        "onanimationstart",
        "formaction",
        "srcdoc",
    ]);
    let url_attr = prop::sample::select(vec!["href", "src", "action", "xlink:href", "poster", "background"]);
    let quote = prop::sample::select(vec!["\"", "'", ""]);
    prop_oneof![
        (handler, quote.clone()).prop_map(|(name, q)| format!("{name}={q}alert(1){q}")),
        (url_attr, hostile_url(), quote).prop_map(|(name, url, q)| format!("{name}={q}{url}{q}")),
        Just("style=\"background:url(javascript:alert(1))\"".to_owned()),
        Just("style=color:red".to_owned()),
        Just("class=\"mention hashtag\"".to_owned()),
        Just("class=\"evil\"".to_owned()),
        Just("rel=\"opener\"".to_owned()),
        Just("id=x".to_owned()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z <>&\"';:=/\n]{0,12}",
        Just("&lt;script&gt;alert(1)&lt;/script&gt;".to_owned()),
        Just("<!-- <script>alert(1)</script> -->".to_owned()),
        Just("<![CDATA[<script>alert(1)</script>]]>".to_owned()),
        Just("</".to_owned()),
        Just("<".to_owned()),
        Just("javascript:alert(1)".to_owned()),
        Just("\u{0}".to_owned()),
    ]
}

/// HTML from a grammar: elements with hostile attributes around text and other elements,
/// sometimes left unclosed or closed twice.
fn hostile_html() -> impl Strategy<Value = String> {
    let leaf = text();
    leaf.prop_recursive(4, 48, 5, |inner| {
        (
            tag_name(),
            prop::collection::vec(attribute(), 0..3),
            prop::collection::vec(inner, 0..5),
            prop::sample::select(vec!["close", "open", "self", "twice"]),
        )
            .prop_map(|(tag, attributes, children, closing)| {
                let attributes: String = attributes.iter().map(|a| format!(" {a}")).collect();
                let children = children.concat();
                match closing {
                    "open" => format!("<{tag}{attributes}>{children}"),
                    "self" => format!("<{tag}{attributes}/>{children}"),
                    "twice" => format!("<{tag}{attributes}>{children}</{tag}></{tag}>"),
                    _ => format!("<{tag}{attributes}>{children}</{tag}>"),
                }
            })
    })
}

fn check_sanitised(input: &str, output: &str) -> Result<(), TestCaseError> {
    let found = violations(output);
    prop_assert!(found.is_empty(), "{input:?} gave {output:?}: {found:?}");
    prop_assert_eq!(forbidden_text(output), None, "{:?} gave {:?}", input, output);
    prop_assert_eq!(sanitize_html(output), output.to_owned(), "sanitising {:?} twice changed it", input);
    Ok(())
}

#[test]
fn sanitised_html_stays_within_the_allowlist() {
    let mut runner = TestRunner::new(cases(256));
    runner
        .run(&hostile_html(), |html| {
            let clean = sanitize_html(&html);
            check_sanitised(&html, &clean)
        })
        .unwrap();
}

#[test]
fn rendered_markdown_stays_within_the_allowlist() {
    // Markdown around the same hostile HTML, and links with hostile targets.
    let markdown =
        (hostile_html(), hostile_url(), "[a-z *_`#>\\[\\]()-]{0,20}").prop_map(|(html, url, md)| {
            format!("{md}\n\n[link]({url}) <{url}> ![img]({url})\n\n* {html}\n\n> {md}{html}")
        });
    let mut runner = TestRunner::new(cases(128));
    runner
        .run(&markdown, |source| {
            let html = render_markdown(&source);
            check_sanitised(&source, &html)
        })
        .unwrap();
}

// ---------------------------------------------------------------------------------------------
// Every id we emit is a URL on our domain.

/// Domains as operators write them: lower-case names with an optional port. The last label
/// starts with a letter (a name of digits only, like `0`, is read as an IPv4 address).
fn domain() -> impl Strategy<Value = String> {
    let label = "[a-z0-9]([a-z0-9-]{0,6}[a-z0-9])?";
    let name = (prop::collection::vec(label, 0..3), "[a-z]([a-z0-9-]{0,6}[a-z0-9])?").prop_map(
        |(mut labels, last)| {
            labels.push(last);
            labels.join(".")
        },
    );
    let port = prop::option::of(prop_oneof![Just(8080u16), Just(3000), 1024u16..=65535]);
    (name, port).prop_map(|(name, port)| match port {
        Some(port) => format!("{name}:{port}"),
        None => name,
    })
}

fn assert_ours(uris: &Uris, domain: &str, id: &str) -> Result<Url, TestCaseError> {
    let url = Url::parse(id).map_err(|e| TestCaseError::fail(format!("{id:?} is not a URL: {e}")))?;
    let host_and_port = match url.port() {
        Some(port) => format!("{}:{port}", url.host_str().unwrap_or_default()),
        None => url.host_str().unwrap_or_default().to_owned(),
    };
    prop_assert_eq!(host_and_port, domain.to_owned(), "{} is not on {}", id, domain);
    prop_assert!(uris.is_local(&url), "{id} is not recognised as ours");
    Ok(url)
}

#[test]
fn every_id_we_emit_is_a_url_on_our_domain() {
    let any_name = "\\PC{0,24}";
    let valid_name = "[a-z0-9][a-z0-9_-]{1,29}";
    let id = 0..i64::MAX;
    let input = (
        domain(),
        any::<bool>(),
        any_name,
        valid_name,
        (id.clone(), id.clone(), id),
        prop::sample::select(vec!["Create", "Follow", "Like", "Undo", "Announce", "Update"]),
    );
    let mut runner = TestRunner::new(cases(256));
    runner
        .run(&input, |(domain, https, any_name, name, (a, b, c), kind)| {
            let uris = Uris::new(if https { "https" } else { "http" }, &domain);
            // Any text in the name place stays on our domain.
            for id in [
                uris.user(&any_name),
                uris.group(&any_name),
                uris.tag(&any_name),
                uris.actor("person", &any_name),
                uris.inbox_of("group", &any_name),
                uris.followers_of("person", &any_name),
                uris.outbox_of("group", &any_name),
                uris.events_of(&any_name),
                uris.featured_of(&any_name),
                uris.moderators_of(&any_name),
            ] {
                assert_ours(&uris, &domain, &id)?;
            }
            for id in [
                uris.instance_actor(),
                uris.shared_inbox(),
                uris.nodeinfo("2.1"),
                uris.event(a),
                uris.thread_context(PostId(a)),
                uris.replies_of(PostId(a), true),
                uris.replies_of(PostId(a), false),
                uris.activity(kind, a),
                uris.like_activity(a, b, c),
                uris.join_activity(a, b, c),
            ] {
                assert_ours(&uris, &domain, &id)?;
            }
            // Ids of valid names and of numbers read back as what they name.
            let person = assert_ours(&uris, &domain, &uris.user(&name))?;
            prop_assert_eq!(
                uris.parse_local(&person),
                Some(LocalObject::Actor { kind: "person", name: name.clone() })
            );
            let group = assert_ours(&uris, &domain, &uris.group(&name))?;
            prop_assert_eq!(uris.parse_local(&group), Some(LocalObject::Actor { kind: "group", name }));
            for is_opener in [true, false] {
                let post = assert_ours(&uris, &domain, &uris.post(PostId(a), is_opener))?;
                prop_assert_eq!(uris.parse_local(&post), Some(LocalObject::Post(PostId(a))));
            }
            let event = assert_ours(&uris, &domain, &uris.event(b))?;
            prop_assert_eq!(uris.parse_local(&event), Some(LocalObject::Event(b)));
            let follow = assert_ours(&uris, &domain, &uris.activity("Follow", c))?;
            prop_assert_eq!(uris.parse_local(&follow), Some(LocalObject::Follow(c)));
            let join = assert_ours(&uris, &domain, &uris.join_activity(a, b, c))?;
            prop_assert_eq!(uris.parse_local(&join), Some(LocalObject::Join { person: a, event: b }));
            Ok(())
        })
        .unwrap();
}

// ---------------------------------------------------------------------------------------------
// Paging never repeats or skips an item.

/// What a member does to their profile's timeline: post a thread, reply to one of the shared
/// threads, boost one, or take a boost back.
#[derive(Debug, Clone)]
enum Step {
    Post,
    Reply(usize),
    Boost(usize),
    Unboost(usize),
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    let step = prop_oneof![
        3 => Just(Step::Post),
        1 => (0..POOL).prop_map(Step::Reply),
        3 => (0..POOL).prop_map(Step::Boost),
        1 => (0..POOL).prop_map(Step::Unboost),
    ];
    prop::collection::vec(step, 0..24)
}

const POOL: usize = 5;

fn status_ids(page: &Value) -> Vec<i64> {
    page.as_array()
        .expect("a list")
        .iter()
        .map(|status| status["id"].as_str().and_then(|id| id.parse().ok()).expect("a numeric id"))
        .collect()
}

/// The path and query of a `Link` header's link with relation `rel`.
fn link(response: &reqwest::Response, rel: &str) -> Option<String> {
    let header = response.headers().get("link")?.to_str().ok()?;
    let target = header.split(", ").find(|part| part.ends_with(&format!("rel=\"{rel}\"")))?;
    let url = target.split_once('<')?.1.split_once('>')?.0;
    let url = Url::parse(url).ok()?;
    Some(format!("{}?{}", url.path(), url.query().unwrap_or_default()))
}

async fn get_page(app: &TestApp, path: &str) -> (Vec<i64>, Option<String>, Option<String>) {
    let response = app.get(path).await;
    assert_eq!(response.status(), reqwest::StatusCode::OK, "GET {path}");
    let (next, prev) = (link(&response, "next"), link(&response, "prev"));
    (status_ids(&response.json().await.expect("JSON")), next, prev)
}

static MEMBERS: AtomicUsize = AtomicUsize::new(0);

/// One case: a new member takes `steps`, then their statuses are paged `limit` at a time,
/// downwards through the `next` links (`max_id`) and upwards through `min_id`.
async fn paging_case(
    app: &TestApp,
    pool: &[PostId],
    steps: Vec<Step>,
    limit: usize,
) -> Result<(), TestCaseError> {
    let name = format!("m{}", MEMBERS.fetch_add(1, Ordering::Relaxed));
    let member = app.create_user(&name).await;
    // What the profile must list: the member's posts and live boosts, newest (highest id) first.
    let mut posts = Vec::new();
    let mut boosts: Vec<Option<i64>> = vec![None; POOL];
    for step in steps {
        match step {
            Step::Post => {
                let id =
                    allmende::service::threads::create_thread(&app.ctx, &member, "commons", thread("Paged"))
                        .await
                        .expect("thread");
                posts.push(id.0);
            }
            Step::Reply(i) => {
                let reply =
                    allmende::service::posts::NewReply { body: "A reply".into(), ..Default::default() };
                let id =
                    allmende::service::posts::reply(&app.ctx, &member, pool[i], reply).await.expect("reply");
                posts.push(id.0);
            }
            Step::Boost(i) => {
                let boost =
                    allmende::service::boosts::boost(&app.ctx, &member, pool[i]).await.expect("boost");
                boosts[i] = Some(boost.id);
            }
            Step::Unboost(i) => {
                allmende::service::boosts::unboost(&app.ctx, &member, pool[i]).await.expect("unboost");
                boosts[i] = None;
            }
        }
    }
    let mut expected: Vec<i64> = posts.into_iter().chain(boosts.into_iter().flatten()).collect();
    expected.sort_unstable_by(|a, b| b.cmp(a));

    let account = app.get(&format!("/api/v1/accounts/lookup?acct={name}")).await;
    let account: Value = account.json().await.expect("account JSON");
    let account = account["id"].as_str().expect("account id").to_owned();
    let first = format!("/api/v1/accounts/{account}/statuses?limit={limit}");

    // Downwards: the first page, then each page's `next` link until a page is empty.
    let mut seen = Vec::new();
    let mut path = Some(first.clone());
    let mut pages = 0;
    while let Some(current) = path.take() {
        let (ids, next, _) = get_page(app, &current).await;
        prop_assert!(ids.len() <= limit, "{current} gave {} items", ids.len());
        if ids.is_empty() {
            break;
        }
        seen.extend(ids);
        path = next;
        pages += 1;
        prop_assert!(pages <= expected.len() + 1, "paging does not end");
    }
    prop_assert_eq!(&seen, &expected, "paging down with max_id");

    // Upwards: from below the oldest, each page's `prev` link (`min_id`) until a page is empty.
    let mut seen_up = Vec::new();
    let mut path = Some(format!("/api/v1/accounts/{account}/statuses?limit={limit}&min_id=0"));
    let mut pages = 0;
    while let Some(current) = path.take() {
        let (ids, _, prev) = get_page(app, &current).await;
        prop_assert!(ids.len() <= limit, "{current} gave {} items", ids.len());
        if ids.is_empty() {
            break;
        }
        prop_assert!(ids.windows(2).all(|w| w[0] > w[1]), "a page is newest first: {ids:?}");
        seen_up.extend(ids.into_iter().rev());
        path = prev;
        pages += 1;
        prop_assert!(pages <= expected.len() + 1, "paging does not end");
    }
    let mut ascending = expected.clone();
    ascending.reverse();
    prop_assert_eq!(seen_up, ascending, "paging up with min_id");
    Ok(())
}

pub async fn paging_never_repeats_or_skips_an_item(app: TestApp) {
    let owner = app.create_user("owner").await;
    allmende::service::groups::create_group(&app.ctx, owner.id, group("commons", "discussion"))
        .await
        .expect("group");
    let mut pool = Vec::new();
    for i in 0..POOL {
        let id = allmende::service::threads::create_thread(
            &app.ctx,
            &owner,
            "commons",
            thread(&format!("Pool {i}")),
        )
        .await
        .expect("thread");
        pool.push(id);
    }
    let handle = tokio::runtime::Handle::current();
    let mut runner = TestRunner::new(cases(16));
    let result = tokio::task::block_in_place(|| {
        runner.run(&(steps(), 1usize..6), |(steps, limit)| {
            handle.block_on(paging_case(&app, &pool, steps, limit))
        })
    });
    result.unwrap();
}

on_both_backends!(paging_never_repeats_or_skips_an_item);
