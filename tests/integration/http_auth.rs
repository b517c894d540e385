//! Registration, sign-in, sign-out, CSRF and rate limits over HTTP through the real router.

use reqwest::StatusCode;

use crate::common::{Backend, PASSWORD, TestApp, count_rows, location};
use crate::on_both_backends;

fn registration<'a>(name: &'a str, email: &'a str, password: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![("username", name), ("email", email), ("password", password), ("password_confirmation", password)]
}

pub async fn register_sign_out_and_sign_in(app: TestApp) {
    let (status, form) = app.get_html("/register").await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains(r#"<label for="username">"#), "labelled fields");
    let response = app.post_form("/register", &registration("ana", "ana@example.org", PASSWORD)).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/");
    let set_cookie: Vec<_> = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap_or_default().to_owned())
        .collect();
    let session = set_cookie.iter().find(|c| c.starts_with("allmende_session=")).expect("session cookie");
    assert!(session.contains("HttpOnly") && session.contains("SameSite=Lax"), "{session}");
    let (_, home) = app.get_html("/").await;
    assert!(home.contains("Sign out") && home.contains(r#"href="/u/ana""#), "signed in");

    assert_eq!(app.post_form("/logout", &[]).await.status(), StatusCode::SEE_OTHER);
    let (_, home) = app.get_html("/").await;
    assert!(home.contains(r#"href="/login""#), "signed out");

    let wrong = app.post_form("/login", &[("username", "ana"), ("password", "not the password")]).await;
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    let page = wrong.text().await.expect("body");
    assert!(
        page.contains("Wrong username or password.") && page.contains(r#"value="ana""#),
        "error shown, name kept"
    );
    app.sign_in("ana").await;
    let (_, settings) = app.get_html("/settings/profile").await;
    assert!(settings.contains("Preferred language"));
}

pub async fn registration_errors_show_next_to_fields_with_input_kept(app: TestApp) {
    let response = app.post_form("/register", &registration("Bad Name", "ana@example.org", "short")).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.expect("body");
    assert!(page.contains(r#"id="username-error""#), "username error shown");
    assert!(page.contains(r#"id="password-error""#), "password error shown");
    assert!(
        page.contains(r#"value="Bad Name""#) && page.contains(r#"value="ana@example.org""#),
        "input kept"
    );
    assert!(page.contains(r#"aria-invalid="true""#));
    let mismatch = app
        .post_form(
            "/register",
            &[
                ("username", "ana"),
                ("email", "ana@example.org"),
                ("password", PASSWORD),
                ("password_confirmation", "other one"),
            ],
        )
        .await;
    assert_eq!(mismatch.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(count_rows(&app, "accounts").await, 0, "nothing stored");
}

pub async fn forms_without_the_csrf_token_are_refused(app: TestApp) {
    app.get("/register").await;
    let forged = app
        .client
        .post(app.url("/register"))
        .form(&registration("ana", "ana@example.org", PASSWORD))
        .send()
        .await
        .expect("response");
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let mut wrong = registration("ana", "ana@example.org", PASSWORD);
    wrong.push(("csrf_token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
    let forged = app.client.post(app.url("/register")).form(&wrong).send().await.expect("response");
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    // Another site's page posting with the victim's cookies but without the token fails too.
    let other_browser = app.new_browser();
    let response = other_browser
        .client
        .post(app.url("/logout"))
        .form(&[("csrf_token", "x")])
        .send()
        .await
        .expect("response");
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(count_rows(&app, "accounts").await, 0);
}

pub async fn sign_in_attempts_are_rate_limited(app: TestApp) {
    app.create_user("ana").await;
    let mut statuses = Vec::new();
    for _ in 0..12 {
        let response = app.post_form("/login", &[("username", "nobody"), ("password", "whatever1")]).await;
        statuses.push(response.status());
    }
    assert!(statuses[..10].iter().all(|s| *s == StatusCode::UNAUTHORIZED), "{statuses:?}");
    assert_eq!(statuses[10], StatusCode::TOO_MANY_REQUESTS);
}

pub async fn pages_that_need_an_account_redirect_to_sign_in(app: TestApp) {
    for path in ["/groups/new", "/settings/profile"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{path}");
        assert_eq!(location(&response), "/login");
    }
}

on_both_backends!(
    register_sign_out_and_sign_in,
    registration_errors_show_next_to_fields_with_input_kept,
    forms_without_the_csrf_token_are_refused,
    sign_in_attempts_are_rate_limited,
    pages_that_need_an_account_redirect_to_sign_in,
);

#[tokio::test]
async fn closed_registration_shows_a_clear_page() {
    let app = TestApp::spawn_configured(Backend::Sqlite, |config| config.registration.open = false)
        .await
        .expect("app");
    let (status, page) = app.get_html("/register").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(page.contains("Registration closed"));
    let response = app.post_form("/register", &registration("ana", "ana@example.org", PASSWORD)).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(count_rows(&app, "accounts").await, 0);
}
