//! Conditional requests (`ETag`, `Last-Modified`, `304`) and the in-process cache of public
//! pages for visitors who are not signed in (`web::page_cache`).

use allmende::domain::PostId;
use allmende::service::posts::{NewReply, PostEdit};
use allmende::service::{CurrentUser, groups, posts, removals, thread_locks, thread_pins, threads};
use reqwest::StatusCode;
use reqwest::header::{
    ACCEPT, ACCEPT_LANGUAGE, CACHE_CONTROL, ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED, VARY,
};

use allmende::db::writes;

use crate::common::TestApp;
use crate::groups::{group, thread};
use crate::on_both_backends;

const AP_JSON: &str = "application/activity+json";

/// A reader who is not signed in, with a cookie jar (so their CSRF token stays the same) that
/// holds their CSRF cookie already.
async fn reader(app: &TestApp) -> reqwest::Client {
    let client = app.new_browser().client;
    client.get(app.url("/about")).send().await.expect("GET");
    client
}

/// Fetches `path` until it comes from the cache. The cache drops everything on any write of
/// this process, and other tests write at the same time: a miss is only wrong when nothing was
/// written since the page was rendered.
async fn fetch_kept(
    client: &reqwest::Client,
    app: &TestApp,
    path: &str,
    headers: &[(&str, &str)],
) -> Fetched {
    for _ in 0..50 {
        let before = writes::count();
        fetch(client, app, path, headers).await;
        let page = fetch(client, app, path, headers).await;
        if page.cache == "hit" {
            return page;
        }
        assert_ne!(writes::count(), before, "{path} was not kept though nothing was written");
    }
    panic!("{path} was never kept");
}

struct Fetched {
    status: StatusCode,
    etag: String,
    cache: String,
    cache_control: String,
    vary: String,
    last_modified: Option<String>,
    body: String,
}

async fn fetch(client: &reqwest::Client, app: &TestApp, path: &str, headers: &[(&str, &str)]) -> Fetched {
    let mut request = client.get(app.url(path));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.expect("GET succeeds");
    let header = |name| {
        response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned).unwrap_or_default()
    };
    Fetched {
        status: response.status(),
        etag: header(ETAG.as_str()),
        cache: header("x-cache"),
        cache_control: header(CACHE_CONTROL.as_str()),
        vary: header(VARY.as_str()),
        last_modified: Some(header(LAST_MODIFIED.as_str())).filter(|v| !v.is_empty()),
        body: response.text().await.expect("body"),
    }
}

async fn reply(app: &TestApp, user: &CurrentUser, parent: PostId, body: &str) -> PostId {
    posts::reply(
        &app.ctx,
        user,
        parent,
        NewReply { body: body.into(), language: None, content_warning: None, ..Default::default() },
    )
    .await
    .expect("reply")
}

/// ana owns the group `energy` and started a thread there with one reply by bob.
async fn forum(app: &TestApp) -> (CurrentUser, CurrentUser, PostId, PostId) {
    let ana = app.create_user("ana").await;
    let bob = app.create_user("bob").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("group");
    let opener =
        threads::create_thread(&app.ctx, &ana, "energy", thread("Heat pumps")).await.expect("thread");
    let answer = reply(app, &bob, opener, "First answer").await;
    (ana, bob, opener, answer)
}

/// The ETag `path` has now for `client`, after checking that it answers 304 to itself.
async fn current_etag(app: &TestApp, client: &reqwest::Client, path: &str, accept: &str) -> String {
    let page = fetch(client, app, path, &[("accept", accept)]).await;
    assert_eq!(page.status, StatusCode::OK, "{path}: {}", page.body);
    assert!(page.etag.starts_with("W/\""), "{path} has a weak ETag: {:?}", page.etag);
    let again = fetch(client, app, path, &[("accept", accept), (IF_NONE_MATCH.as_str(), &page.etag)]).await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED, "{path} is unchanged");
    assert!(again.body.is_empty(), "a 304 has no body");
    assert_eq!(again.etag, page.etag);
    page.etag
}

pub async fn every_kind_of_write_changes_the_etag(app: TestApp) {
    let (ana, bob, opener, answer) = forum(&app).await;
    let client = reader(&app).await;
    let thread_path = format!("/t/{}", opener.0);
    let watched: Vec<(String, &str)> = vec![
        (thread_path.clone(), "text/html"),
        (thread_path.clone(), AP_JSON),
        ("/g/energy".to_owned(), "text/html"),
        ("/g/energy/outbox".to_owned(), AP_JSON),
        (format!("/t/{}/context", opener.0), AP_JSON),
    ];
    let mut before = Vec::new();
    for (path, accept) in &watched {
        before.push(current_etag(&app, &client, path, accept).await);
    }

    // Each write changes the thread page (and the documents listed for it).
    let writes: Vec<(&str, Vec<usize>)> = vec![
        ("reply", vec![0, 4]),
        ("edit", vec![0, 1, 2, 3]),
        ("like", vec![0]),
        ("lock", vec![0]),
        ("pin", vec![0, 2]),
        ("removal", vec![0]),
        ("delete", vec![0]),
    ];
    let mut later_reply = None;
    for (write, changed) in writes {
        match write {
            "reply" => later_reply = Some(reply(&app, &ana, opener, "A second answer").await),
            "edit" => posts::edit_post(
                &app.ctx,
                &ana,
                opener,
                PostEdit {
                    title: Some("Heat pumps, revised".into()),
                    body: "Edited body".into(),
                    content_warning: None,
                    language: None,
                },
            )
            .await
            .expect("edit"),
            "like" => {
                posts::like_post(&app.ctx, &bob, opener).await.expect("like");
            }
            "lock" => thread_locks::set_thread_lock(&app.ctx, &ana, opener, true).await.expect("lock"),
            "pin" => thread_pins::set_thread_pin(&app.ctx, &ana, opener, true).await.expect("pin"),
            "removal" => {
                removals::remove_post(&app.ctx, &ana, answer, "off topic").await.expect("removal");
            }
            "delete" => {
                let reply = later_reply.expect("the reply made before");
                posts::delete_post(&app.ctx, &ana, reply).await.expect("delete");
            }
            _ => unreachable!(),
        }
        for (index, (path, accept)) in watched.iter().enumerate() {
            let page =
                fetch(&client, &app, path, &[("accept", accept), (IF_NONE_MATCH.as_str(), &before[index])])
                    .await;
            if changed.contains(&index) {
                assert_eq!(page.status, StatusCode::OK, "after the {write}, {path} ({accept}) is new");
                assert_ne!(page.etag, before[index], "after the {write}, {path} ({accept}) has a new ETag");
                before[index] = current_etag(&app, &client, path, accept).await;
            }
        }
    }
    let page = fetch(&client, &app, &thread_path, &[]).await;
    assert!(page.body.contains("Heat pumps, revised"), "the page shows the last state");
    assert!(!page.body.contains("A second answer"), "the deleted reply is gone");
}

pub async fn documents_answer_304_and_say_how_to_cache(app: TestApp) {
    let (ana, _, opener, answer) = forum(&app).await;
    let client = reader(&app).await;
    for (path, accept) in [
        (format!("/t/{}", opener.0), "text/html"),
        (format!("/p/{}", answer.0), AP_JSON),
        ("/u/ana".to_owned(), AP_JSON),
        ("/g/energy".to_owned(), AP_JSON),
        ("/g/energy/followers".to_owned(), AP_JSON),
        ("/g/energy/featured".to_owned(), AP_JSON),
        ("/g/energy/feed.atom".to_owned(), "application/atom+xml"),
        ("/api/v1/timelines/public?limit=20".to_owned(), "application/json"),
    ] {
        let page = fetch(&client, &app, &path, &[("accept", accept)]).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(page.cache_control.starts_with("public, max-age=5"), "{path}: {}", page.cache_control);
        if path.starts_with("/api/") {
            assert_eq!(page.vary, "Authorization", "{path}");
        } else {
            assert_eq!(page.vary, "Accept, Accept-Language, Cookie", "{path}");
        }
        current_etag(&app, &client, &path, accept).await;
    }

    // A page served once the second of the last write is over has a Last-Modified, and
    // If-Modified-Since (without If-None-Match) revalidates against it.
    // Other tests write at the same time: wait for a quiet second.
    let path = format!("/p/{}", answer.0);
    let mut modified = None;
    for _ in 0..20 {
        tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
        let before = writes::count();
        let page = fetch(&client, &app, &path, &[("accept", AP_JSON)]).await;
        let Some(date) = page.last_modified else { continue };
        let again =
            fetch(&client, &app, &path, &[("accept", AP_JSON), (IF_MODIFIED_SINCE.as_str(), &date)]).await;
        if writes::count() == before {
            assert_eq!(again.status, StatusCode::NOT_MODIFIED, "nothing written since {date}");
        }
        modified = Some(date);
        break;
    }
    let modified = modified.expect("a Last-Modified once a second passed without writes");
    posts::like_post(&app.ctx, &ana, answer).await.expect("like");
    let changed =
        fetch(&client, &app, &path, &[("accept", AP_JSON), (IF_MODIFIED_SINCE.as_str(), &modified)]).await;
    assert_eq!(changed.status, StatusCode::OK, "a write since then answers in full");

    // A conditional request that does not match gets the whole document.
    let other =
        fetch(&client, &app, &path, &[("accept", AP_JSON), (IF_NONE_MATCH.as_str(), "W/\"0\"")]).await;
    assert_eq!(other.status, StatusCode::OK);
    assert!(other.body.contains("\"type\""), "{}", other.body);
}

pub async fn signed_in_members_never_get_a_cached_page(app: TestApp) {
    let (_, bob, opener, _) = forum(&app).await;
    let path = format!("/t/{}", opener.0);
    let anonymous = reader(&app).await;
    fetch_kept(&anonymous, &app, &path, &[]).await;

    app.sign_in("ana").await;
    posts::like_post(&app.ctx, &bob, opener).await.expect("like");
    let ana_client = &app.client;
    for _ in 0..2 {
        let page = fetch(ana_client, &app, &path, &[]).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.cache.is_empty(), "never from the cache: {:?}", page.cache);
        assert_eq!(page.cache_control, "private, no-cache");
        assert!(page.body.contains("/logout"), "ana's own page, signed in");
    }

    // bob, in his own browser, sees his own page (he liked the opener), never ana's.
    let browser = app.new_browser();
    let token = {
        browser.client.get(app.url("/")).send().await.expect("GET");
        let url = app.base_url.parse().expect("url");
        let cookies = reqwest::cookie::CookieStore::cookies(&*browser.cookies, &url).expect("cookies");
        cookies
            .to_str()
            .expect("ascii")
            .split(';')
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == "allmende_csrf")
            .map(|(_, value)| value.to_owned())
            .expect("csrf cookie")
    };
    let signed_in = browser
        .client
        .post(app.url("/login"))
        .form(&[("username", "bob"), ("password", crate::common::PASSWORD), ("csrf_token", &token)])
        .send()
        .await
        .expect("login");
    assert_eq!(signed_in.status(), StatusCode::SEE_OTHER);
    let bobs = fetch(&browser.client, &app, &path, &[]).await;
    assert!(bobs.cache.is_empty() && bobs.body.contains("/logout"), "bob's own page");
    assert!(bobs.body.contains(&format!("/p/{}/unlike", opener.0)), "bob liked the opener");
    let anas = fetch(ana_client, &app, &path, &[]).await;
    assert!(!anas.body.contains(&format!("/p/{}/unlike", opener.0)), "ana did not");

    // An app's bearer token or an HTTP signature also bypasses the cache.
    let with_token =
        fetch(&anonymous, &app, "/api/v1/timelines/public", &[("authorization", "Bearer nothing")]).await;
    assert!(with_token.cache.is_empty());
    let signed = fetch(&anonymous, &app, &path, &[("accept", AP_JSON), ("signature", "keyId=\"x\"")]).await;
    assert!(signed.cache.is_empty(), "a signed fetch is answered for its signer");
}

pub async fn a_write_drops_the_cached_page(app: TestApp) {
    let (ana, _, opener, _) = forum(&app).await;
    let client = reader(&app).await;
    let path = format!("/t/{}", opener.0);
    fetch_kept(&client, &app, &path, &[]).await;
    let group_page = fetch_kept(&client, &app, "/g/energy", &[]).await;

    reply(&app, &ana, opener, "News from the thread").await;
    let page = fetch(&client, &app, &path, &[]).await;
    assert_eq!(page.cache, "miss", "the write dropped the page");
    assert!(page.body.contains("News from the thread"));
    threads::create_thread(&app.ctx, &ana, "energy", thread("Solar roofs")).await.expect("thread");
    let group_after = fetch(&client, &app, "/g/energy", &[]).await;
    assert_eq!(group_after.cache, "miss");
    assert!(group_after.body.contains("Solar roofs") && !group_page.body.contains("Solar roofs"));

    // A write through the web forms too.
    app.sign_in("ana").await;
    let response =
        app.post_form(&format!("/p/{}/reply", opener.0), &[("body", "Posted from the form")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = fetch(&client, &app, &path, &[]).await;
    assert!(page.body.contains("Posted from the form"));

    // And no page outlives its time to live, even without writes here (another server
    // process may have written).
    fetch_kept(&client, &app, &path, &[]).await;
    app.clock.advance_seconds(6);
    assert_eq!(fetch(&client, &app, &path, &[]).await.cache, "miss");
}

pub async fn languages_and_formats_do_not_mix(app: TestApp) {
    let (_, _, opener, _) = forum(&app).await;
    let path = format!("/t/{}", opener.0);
    let german = reader(&app).await;
    let english = reader(&app).await;
    for _ in 0..2 {
        let de = fetch(&german, &app, &path, &[(ACCEPT_LANGUAGE.as_str(), "de-DE,de;q=0.9")]).await;
        assert!(de.body.contains("<html lang=\"de\">"), "German page");
        let en = fetch(&english, &app, &path, &[(ACCEPT_LANGUAGE.as_str(), "en")]).await;
        assert!(en.body.contains("<html lang=\"en\">"), "English page");
        let fi = fetch(&english, &app, &path, &[]).await;
        assert!(fi.body.contains("<html lang=\"en\">"), "the default language");
        let json = fetch(&german, &app, &path, &[(ACCEPT.as_str(), AP_JSON)]).await;
        assert!(json.body.starts_with('{'), "ActivityPub JSON, not the page");
        let page = fetch(&german, &app, &path, &[(ACCEPT.as_str(), "text/html")]).await;
        assert!(page.body.starts_with("<!doctype html>"), "the page, not JSON");
    }
    // The language menu's cookie counts as much as the browser's header.
    let choose = app.new_browser();
    choose.client.get(app.url(&path)).send().await.expect("GET");
    let url = app.base_url.parse().expect("url");
    choose.cookies.add_cookie_str("allmende_lang=pl; Path=/", &url);
    let pl = fetch(&choose.client, &app, &path, &[(ACCEPT_LANGUAGE.as_str(), "de")]).await;
    assert!(pl.body.contains("<html lang=\"pl\">"));
}

pub async fn one_readers_csrf_token_never_reaches_another(app: TestApp) {
    let (_, _, opener, _) = forum(&app).await;
    let path = format!("/t/{}", opener.0);
    let first = app.new_browser();
    let second = app.new_browser();
    let url = app.base_url.parse().expect("url");
    let token_of = |browser: &crate::common::Browser| {
        let cookies = reqwest::cookie::CookieStore::cookies(&*browser.cookies, &url).expect("cookies");
        cookies
            .to_str()
            .expect("ascii")
            .split(';')
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == "allmende_csrf")
            .map(|(_, value)| value.to_owned())
            .expect("csrf cookie")
    };
    let one = fetch(&first.client, &app, &path, &[]).await;
    let mut two = fetch(&second.client, &app, &path, &[]).await;
    for _ in 0..50 {
        if two.cache == "hit" {
            break;
        }
        // Written meanwhile: the first reader renders it again, the second is served that.
        let before = writes::count();
        fetch(&first.client, &app, &path, &[]).await;
        two = fetch(&second.client, &app, &path, &[]).await;
        assert!(two.cache == "hit" || writes::count() != before, "kept for the second reader");
    }
    assert_eq!(two.cache, "hit", "the second reader is served from the cache");
    let (first_token, second_token) = (token_of(&first), token_of(&second));
    assert_ne!(first_token, second_token);
    assert!(one.body.contains(&first_token) && !one.body.contains(&second_token));
    assert!(two.body.contains(&second_token) && !two.body.contains(&first_token));
    assert_ne!(one.etag, two.etag, "their pages differ in the token, so do the tags");
    assert!(one.cache_control.starts_with("private"), "a page that sets a cookie is the reader's own");
    // The cached page's form works for the second reader.
    let chosen = second
        .client
        .post(app.url("/language"))
        .form(&[("lang", "de"), ("next", path.as_str()), ("csrf_token", &second_token)])
        .send()
        .await
        .expect("POST");
    assert_eq!(chosen.status(), StatusCode::SEE_OTHER);
    let de = fetch(&second.client, &app, &path, &[]).await;
    assert!(de.body.contains("<html lang=\"de\">"));
}

pub async fn answers_that_are_not_public_are_never_kept(app: TestApp) {
    let (ana, _, opener, answer) = forum(&app).await;
    let client = reader(&app).await;
    // Not found is not kept: the thread that appears later is seen at once.
    let missing = fetch(&client, &app, "/g/later", &[]).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.cache.is_empty() && missing.etag.is_empty());
    groups::create_group(&app.ctx, ana.id, group("later", "discussion")).await.expect("group");
    assert_eq!(fetch(&client, &app, "/g/later", &[]).await.status, StatusCode::OK);

    // A removed post's page, kept before its removal, is not served after it.
    let path = format!("/p/{}", answer.0);
    fetch_kept(&client, &app, &path, &[("accept", AP_JSON)]).await;
    removals::remove_post(&app.ctx, &ana, answer, "spam").await.expect("removal");
    let gone = fetch(&client, &app, &path, &[("accept", AP_JSON)]).await;
    assert_ne!(gone.status, StatusCode::OK, "the removed post is no longer served: {}", gone.body);

    // Pages outside the public documents (settings, notifications, sign-in) are never kept.
    for private in ["/login", "/notifications", "/settings/profile", "/search?q=heat"] {
        for _ in 0..2 {
            let page = fetch(&client, &app, private, &[]).await;
            assert!(page.cache.is_empty(), "{private} is not kept");
        }
    }
    // A closed group's page (closed to new followers) is the same for every reader who is
    // not signed in, and its members' pages are never kept.
    allmende::service::follow_requests::set_closed(&app.ctx, &ana, "energy", true).await.expect("close");
    let closed = fetch(&client, &app, "/g/energy", &[]).await;
    assert_eq!(closed.cache, "miss", "closing the group dropped its page");
    app.sign_in("ana").await;
    let own = fetch(&app.client, &app, &format!("/t/{}", opener.0), &[]).await;
    assert!(own.cache.is_empty() && own.cache_control == "private, no-cache");
}

on_both_backends!(
    every_kind_of_write_changes_the_etag,
    documents_answer_304_and_say_how_to_cache,
    signed_in_members_never_get_a_cached_page,
    a_write_drops_the_cached_page,
    languages_and_formats_do_not_mix,
    one_readers_csrf_token_never_reaches_another,
    answers_that_are_not_public_are_never_kept,
);
