//! The forum over HTTP: groups, threads, replies, edits, deletions, likes, pages and 404s.

use reqwest::StatusCode;

use crate::common::{TestApp, count_rows, location};
use crate::on_both_backends;

/// Creates a group and a thread through the forms; returns the thread's path.
async fn group_and_thread(app: &TestApp) -> String {
    let response = app
        .post_form(
            "/groups",
            &[
                ("name", "borken-solar"),
                ("kind", "project"),
                ("title", "Solar <roofs> & Borken"),
                ("description", "Roofs **first**"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/g/borken-solar");
    let response = app
        .post_form(
            "/g/borken-solar/threads",
            &[("title", "Which <b>roofs</b>?"), ("body", "Schools *first*")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let thread = location(&response);
    assert!(thread.starts_with("/t/"), "{thread}");
    thread
}

pub async fn create_group_thread_reply_and_see_them(app: TestApp) {
    app.signed_in_user("ana").await;
    let thread = group_and_thread(&app).await;
    let id = thread.trim_start_matches("/t/");
    let response = app.post_form(&format!("/p/{id}/reply"), &[("body", "Start with the **gym**")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(location(&response).starts_with(&format!("{thread}#p")));

    let (status, page) = app.get_html(&thread).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Which &#60;b&#62;roofs&#60;/b&#62;?"), "titles are escaped");
    assert!(page.contains("<em>first</em>") && page.contains("<strong>gym</strong>"), "Markdown rendered");
    assert!(page.contains("1 reply"));

    let (_, group) = app.get_html("/g/borken-solar").await;
    assert!(group.contains("Solar &#60;roofs&#62; &#38; Borken"), "group title escaped");
    assert!(group.contains("Project group") && group.contains("<strong>first</strong>"));
    assert!(group.contains(&format!(r#"href="{thread}""#)));

    let (_, home) = app.get_html("/").await;
    assert!(
        home.contains("Which &#60;b&#62;roofs&#60;/b&#62;?")
            && home.contains("Solar &#60;roofs&#62; &#38; Borken")
    );
    let (_, projects) = app.get_html("/groups?kind=project").await;
    assert!(projects.contains("/g/borken-solar"));
    let (_, discussions) = app.get_html("/groups?kind=discussion").await;
    assert!(!discussions.contains("/g/borken-solar"));
    let (_, profile) = app.get_html("/u/ana").await;
    assert!(profile.contains("Start with the <strong>gym</strong>"));
}

pub async fn follow_and_unfollow_from_the_group_page(app: TestApp) {
    app.signed_in_user("ana").await;
    group_and_thread(&app).await;
    assert_eq!(app.post_form("/g/borken-solar/follow", &[]).await.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get_html("/g/borken-solar").await;
    assert!(page.contains("1 follower") && page.contains("Unfollow"));
    let (_, feed) = app.get_html("/feed").await;
    assert!(
        feed.contains("Which &#60;b&#62;roofs&#60;/b&#62;?"),
        "the followed group's thread is in the feed"
    );
    assert_eq!(app.post_form("/g/borken-solar/unfollow", &[]).await.status(), StatusCode::SEE_OTHER);
    let (_, feed) = app.get_html("/feed").await;
    assert!(feed.contains("Nothing yet."), "unfollowed groups leave the feed");
    let (_, page) = app.get_html("/g/borken-solar").await;
    assert!(page.contains("0 followers"));
    assert_eq!(app.post_form("/g/nope/follow", &[]).await.status(), StatusCode::NOT_FOUND);
}

pub async fn edit_like_and_delete_through_forms(app: TestApp) {
    app.signed_in_user("ana").await;
    let thread = group_and_thread(&app).await;
    let id = thread.trim_start_matches("/t/").to_owned();
    let (status, form) = app.get_html(&format!("/p/{id}/edit")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("Schools *first*"), "the Markdown source is edited");
    let bad = app.post_form(&format!("/p/{id}/edit"), &[("title", ""), ("body", "kept text")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().await.expect("body").contains("kept text"), "input kept");
    let saved = app
        .post_form(&format!("/p/{id}/edit"), &[("title", "Which roofs first?"), ("body", "Schools and gyms")])
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.post_form(&format!("/p/{id}/like"), &[]).await.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get_html(&thread).await;
    assert!(
        page.contains("Which roofs first?") && page.contains("Schools and gyms") && page.contains("edited")
    );
    assert!(page.contains("1 like") && page.contains("Unlike"));

    // bob may neither edit nor delete ana's thread.
    let bob = app.new_browser();
    allmende::service::accounts::create_account(
        &app.ctx,
        allmende::service::accounts::NewAccount {
            username: "bob".into(),
            email: None,
            password: crate::common::PASSWORD.into(),
            admin: false,
        },
    )
    .await
    .expect("bob");
    let token = {
        bob.client.get(format!("{}/login", bob.base_url)).send().await.expect("page");
        let header =
            reqwest::cookie::CookieStore::cookies(&*bob.cookies, &bob.base_url.parse().expect("url"))
                .expect("cookie");
        header
            .to_str()
            .expect("ascii")
            .split("allmende_csrf=")
            .nth(1)
            .expect("csrf")
            .split(';')
            .next()
            .expect("token")
            .to_owned()
    };
    let login = bob
        .client
        .post(format!("{}/login", bob.base_url))
        .form(&[("username", "bob"), ("password", crate::common::PASSWORD), ("csrf_token", &token)])
        .send()
        .await
        .expect("login");
    assert_eq!(login.status(), StatusCode::SEE_OTHER);
    for action in ["edit", "delete"] {
        let response = bob
            .client
            .post(format!("{}/p/{id}/{action}", bob.base_url))
            .form(&[("title", "hijacked"), ("body", "hijacked"), ("csrf_token", &token)])
            .send()
            .await
            .expect("response");
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{action}");
    }
    let (_, page) = app.get_html(&thread).await;
    assert!(!page.contains("hijacked"));

    let deleted = app.post_form(&format!("/p/{id}/delete"), &[]).await;
    assert_eq!(deleted.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&deleted), "/g/borken-solar", "a deleted thread without replies is gone");
    assert_eq!(app.get(&thread).await.status(), StatusCode::NOT_FOUND);
}

pub async fn long_threads_and_lists_are_paginated(app: TestApp) {
    let ana = app.signed_in_user("ana").await;
    let thread = group_and_thread(&app).await;
    let id: i64 = thread.trim_start_matches("/t/").parse().expect("id");
    for i in 0..25 {
        allmende::service::posts::reply(
            &app.ctx,
            &ana,
            allmende::domain::PostId(id),
            allmende::service::posts::NewReply {
                body: format!("Reply number {i:02}"),
                language: None,
                content_warning: None,
                ..Default::default()
            },
        )
        .await
        .expect("reply");
    }
    let (_, first) = app.get_html(&thread).await;
    assert!(first.contains("Reply number 00") && first.contains("Reply number 19"));
    assert!(!first.contains("Reply number 20"));
    let next =
        first.split(r#"rel="next" href=""#).nth(1).and_then(|s| s.split('"').next()).expect("next link");
    let (_, second) = app.get_html(&next.replace("&amp;", "&")).await;
    assert!(second.contains("Reply number 20") && second.contains("Reply number 24"));
    assert!(!second.contains("Reply number 19"));
    assert!(!second.contains(r#"rel="next""#));
}

pub async fn unknown_things_are_404_pages(app: TestApp) {
    for path in ["/g/nope", "/t/123", "/t/not-a-number", "/p/99/edit", "/u/nobody", "/nothing/here", "/t/-5"]
    {
        let response = app.get(path).await;
        let status = response.status();
        if path == "/p/99/edit" {
            assert_eq!(status, StatusCode::SEE_OTHER, "signed-out visitors are sent to sign in first");
            continue;
        }
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(response.text().await.expect("body").contains("Not found"));
    }
    assert_eq!(count_rows(&app, "posts").await, 0);
}

pub async fn hostile_markdown_is_sanitised_on_the_page(app: TestApp) {
    app.signed_in_user("ana").await;
    group_and_thread(&app).await;
    let response = app
        .post_form(
            "/g/borken-solar/threads",
            &[
                ("title", "<script>alert('t')</script>"),
                ("body", "<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)> <iframe src=//e.example></iframe>"),
            ],
        )
        .await;
    let (_, page) = app.get_html(&location(&response)).await;
    for needle in ["<script", "href=\"javascript:", "<img", "<iframe", "onerror=\"", "alert('t')</"] {
        assert!(!page.contains(needle), "{needle} must not reach the page");
    }
    assert!(page.contains("&lt;script&gt;"), "shown as text");
    let headers = app.get("/").await.headers().clone();
    assert_eq!(headers.get("x-content-type-options").map(|v| v.as_bytes()), Some(&b"nosniff"[..]));
    assert!(headers.get("content-security-policy").is_some());
}

/// The composer offers the six languages with the member's own chosen; a post written in
/// another one carries that language on its page (and in what federates).
pub async fn members_choose_the_language_of_a_post(app: TestApp) {
    app.signed_in_user("ana").await;
    let thread = group_and_thread(&app).await;
    let (_, form) = app.get_html("/g/borken-solar/threads/new").await;
    assert!(form.contains(r#"<select id="language" name="language">"#), "{form}");
    assert!(form.contains(r#"<option value="en" lang="en" selected>"#), "the member's own language: {form}");
    assert!(form.contains(r#"<option value="fi" lang="fi">"#));
    let created = app
        .post_form(
            "/g/borken-solar/threads",
            &[("title", "Aurinkoa"), ("body", "Katoille"), ("language", "fi")],
        )
        .await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get_html(&location(&created)).await;
    assert!(page.contains(r#"lang="fi""#), "{page}");
    let (_, thread_page) = app.get_html(&thread).await;
    assert!(thread_page.contains(r#"<option value="en" lang="en" selected>"#), "the reply form too");
    let id = thread.trim_start_matches("/t/");
    let replied = app.post_form(&format!("/p/{id}/reply"), &[("body", "Hej"), ("language", "sv")]).await;
    assert_eq!(replied.status(), StatusCode::SEE_OTHER);
    let (_, thread_page) = app.get_html(&thread).await;
    assert!(thread_page.contains(r#"lang="sv""#));
    // Not one of ours: refused with the field marked, the text kept, nothing stored.
    let posts = count_rows(&app, "posts").await;
    let refused =
        app.post_form(&format!("/p/{id}/reply"), &[("body", "Hello"), ("language", "xx-nonsense")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.expect("body");
    assert!(html.contains(">Hello</textarea>") && html.contains(r#"id="language-error""#), "{html}");
    assert_eq!(count_rows(&app, "posts").await, posts);
}

on_both_backends!(
    members_choose_the_language_of_a_post,
    create_group_thread_reply_and_see_them,
    follow_and_unfollow_from_the_group_page,
    edit_like_and_delete_through_forms,
    long_threads_and_lists_are_paginated,
    unknown_things_are_404_pages,
    hostile_markdown_is_sanitised_on_the_page,
);
