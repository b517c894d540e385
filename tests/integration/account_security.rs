//! The account lifecycle without email: change password (other browsers and apps are signed
//! out, their streaming sockets closed) and email on the web, the sessions and apps page with
//! "sign out everywhere" and per-app revoke, and a password reset as the command line does it.

use std::time::Duration;

use futures_util::StreamExt;
use reqwest::StatusCode;
use serde_json::json;
use tokio_tungstenite::tungstenite::Message;

use crate::api_streaming::open;
use crate::api_support::{Api, app_and_token_for, token_for};
use crate::common::{Browser, PASSWORD, TestApp, location};
use crate::on_both_backends;
use allmende::service::{ServiceError, account_security, accounts};

const NEW_PASSWORD: &str = "a brand new passphrase";

/// Signs `name` in on another browser that names itself `agent`.
async fn sign_in_elsewhere(app: &TestApp, name: &str, agent: &str) -> Browser {
    let browser = app.new_browser();
    browser.client.get(app.url("/")).send().await.expect("GET /");
    let url = app.base_url.parse().expect("base url");
    let cookies = reqwest::cookie::CookieStore::cookies(&*browser.cookies, &url).expect("cookies");
    let csrf = cookies
        .to_str()
        .expect("ascii")
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == "allmende_csrf")
        .map(|(_, value)| value.to_owned())
        .expect("a CSRF cookie");
    let response = browser
        .client
        .post(app.url("/login"))
        .header(reqwest::header::USER_AGENT, agent)
        .form(&[("username", name), ("password", PASSWORD), ("csrf_token", &csrf)])
        .send()
        .await
        .expect("POST /login");
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "signed in elsewhere");
    browser
}

async fn signed_in(browser: &Browser, app: &TestApp) -> bool {
    let response = browser.client.get(app.url("/settings/profile")).send().await.expect("GET");
    response.status() == StatusCode::OK
}

async fn token_works(app: &TestApp, token: &str) -> bool {
    let response = app
        .client
        .get(app.url("/api/v1/accounts/verify_credentials"))
        .bearer_auth(token)
        .send()
        .await
        .expect("GET");
    response.status() == StatusCode::OK
}

/// Waits (ten seconds at most) for the server to close the socket.
async fn closed_by_server<S>(socket: &mut S) -> bool
where
    S: StreamExt<Item = Result<Message, tokio_tungstenite::tungstenite::Error>> + Unpin,
{
    let wait = async {
        while let Some(message) = socket.next().await {
            match message {
                Ok(Message::Close(_)) | Err(_) => return true,
                Ok(_) => continue,
            }
        }
        true
    };
    tokio::time::timeout(Duration::from_secs(10), wait).await.unwrap_or(false)
}

pub async fn changing_the_password_signs_out_other_browsers_and_apps(app: TestApp) {
    app.signed_in_user("ana").await;
    let elsewhere = sign_in_elsewhere(&app, "ana", "Phone browser").await;
    let token = token_for(&app, "ana", "read").await;
    let mut socket = open(&app, &format!("access_token={token}&stream=user")).await;

    let (status, page) = app.get_html("/settings/security").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(r#"<label for="pw-current">Current password</label>"#), "labelled fields");
    assert!(page.contains("Phone browser") && page.contains("this browser"), "{page}");

    let refused = [
        ("wrong password", NEW_PASSWORD, NEW_PASSWORD, "This is not your current password."),
        (PASSWORD, "short", "short", "Please use at least 8 characters."),
        (PASSWORD, NEW_PASSWORD, "something else entirely", "The passwords do not match."),
    ];
    for (current, new, again, message) in refused {
        let response = app
            .post_form(
                "/settings/password",
                &[("current_password", current), ("new_password", new), ("new_password_confirmation", again)],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{message}");
        let page = response.text().await.expect("page");
        assert!(page.contains(message), "{message}: {page}");
        assert!(signed_in(&elsewhere, &app).await && token_works(&app, &token).await, "nothing changed");
    }
    assert!(
        accounts::check_credentials(&app.ctx, accounts::NO_CLIENT, "ana", PASSWORD).await.is_ok(),
        "old password still holds"
    );

    let response = app
        .post_form(
            "/settings/password",
            &[
                ("current_password", PASSWORD),
                ("new_password", NEW_PASSWORD),
                ("new_password_confirmation", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/settings/security?saved=password");
    let (status, page) = app.get_html("/settings/security?saved=password").await;
    assert_eq!(status, StatusCode::OK, "this browser stays signed in");
    assert!(page.contains("Your password was changed."));
    assert!(!page.contains("Phone browser"), "the other session is gone");
    assert!(!signed_in(&elsewhere, &app).await, "the other browser is signed out");
    assert!(!token_works(&app, &token).await, "the app's token is revoked");
    assert!(closed_by_server(&mut socket).await, "the app's streaming socket closes");
    assert!(matches!(
        accounts::check_credentials(&app.ctx, accounts::NO_CLIENT, "ana", PASSWORD).await,
        Err(ServiceError::BadCredentials)
    ));
    assert!(accounts::check_credentials(&app.ctx, accounts::NO_CLIENT, "ana", NEW_PASSWORD).await.is_ok());
}

pub async fn the_email_changes_with_the_password(app: TestApp) {
    app.signed_in_user("ana").await;
    app.create_user("bo").await;
    let cases = [
        ("ana.new@example.org", "wrong password", "This is not your current password."),
        ("not an address", PASSWORD, "is not a valid email address"),
        ("bo@example.org", PASSWORD, "is already registered"),
    ];
    for (email, password, message) in cases {
        let response =
            app.post_form("/settings/email", &[("email", email), ("current_password", password)]).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{message}");
        let page = response.text().await.expect("page");
        assert!(page.contains(r#"aria-invalid="true""#), "{message}: the field is marked");
    }
    let (_, page) = app.get_html("/settings/security").await;
    assert!(page.contains(r#"value="ana@example.org""#), "unchanged: {page}");
    let response = app
        .post_form("/settings/email", &[("email", " Ana.New@Example.org "), ("current_password", PASSWORD)])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get_html(&location(&response)).await;
    assert!(page.contains("Your email address was changed."));
    assert!(page.contains(r#"value="ana.new@example.org""#), "{page}");

    // The Mastodon profile update still works alongside.
    let api = Api::for_user(&app, "ana").await;
    let response = app
        .client
        .patch(app.url("/api/v1/accounts/update_credentials"))
        .bearer_auth(&api.token)
        .json(&json!({ "display_name": "Ana A." }))
        .send()
        .await
        .expect("PATCH");
    assert_eq!(response.status(), StatusCode::OK);
    let body: serde_json::Value = response.json().await.expect("JSON");
    assert_eq!(body["display_name"], "Ana A.");
}

pub async fn the_sessions_page_revokes_one_app_or_everything(app: TestApp) {
    app.signed_in_user("ana").await;
    let elsewhere = sign_in_elsewhere(&app, "ana", "Library computer").await;
    let (_, first_token) = app_and_token_for(&app, "ana", "read").await;
    let (_, second_token) = app_and_token_for(&app, "ana", "read").await;
    let mut first_socket = open(&app, &format!("access_token={first_token}&stream=user")).await;

    let (_, page) = app.get_html("/settings/security").await;
    assert!(page.contains("Library computer"));
    let apps: Vec<String> = page
        .split("action=\"/settings/apps/")
        .skip(1)
        .filter_map(|rest| rest.split_once("/revoke\"").map(|(id, _)| id.to_owned()))
        .collect();
    assert_eq!(apps.len(), 2, "both apps are listed: {page}");
    assert!(page.contains(r#"href="https://app.example""#), "with their website");

    // The page lists newest first: the second app is first.
    let response = app.post_form(&format!("/settings/apps/{}/revoke", apps[1]), &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(!token_works(&app, &first_token).await, "the first app lost access");
    assert!(closed_by_server(&mut first_socket).await, "its socket closes");
    assert!(token_works(&app, &second_token).await, "the other app keeps it");
    assert!(signed_in(&elsewhere, &app).await);
    assert_eq!(
        app.post_form(&format!("/settings/apps/{}/revoke", apps[1]), &[]).await.status(),
        StatusCode::NOT_FOUND,
        "an app without access cannot be revoked again"
    );
    let forged = app.client.post(app.url(&format!("/settings/apps/{}/revoke", apps[0]))).send().await;
    assert_eq!(forged.expect("POST").status(), StatusCode::FORBIDDEN, "no CSRF token, no revoke");
    assert!(token_works(&app, &second_token).await);

    let response = app.post_form("/settings/sessions/sign-out-everywhere", &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(!signed_in(&elsewhere, &app).await, "the other browser is signed out");
    assert!(!token_works(&app, &second_token).await, "every app lost access");
    let (status, page) = app.get_html(&location(&response)).await;
    assert_eq!(status, StatusCode::OK, "this browser stays");
    assert!(page.contains("No app has access to your account."));
}

/// What `allmende user reset-password` does: a new password (given or random), sessions and
/// tokens ended, a lockout lifted.
pub async fn a_reset_password_ends_sessions_and_tokens(app: TestApp) {
    app.signed_in_user("ana").await;
    let token = token_for(&app, "ana", "read").await;
    for _ in 0..10 {
        let _ = accounts::check_credentials(&app.ctx, accounts::NO_CLIENT, "ana", "wrong password").await;
    }
    assert!(matches!(
        accounts::check_credentials(&app.ctx, accounts::NO_CLIENT, "ana", PASSWORD).await,
        Err(ServiceError::LockedOut)
    ));
    let generated = account_security::reset_password(&app.ctx, "ana", None).await.expect("reset");
    assert!(generated.len() >= 16, "a long random password: {generated}");
    assert!(
        accounts::check_credentials(&app.ctx, accounts::NO_CLIENT, "ana", &generated).await.is_ok(),
        "and the lockout is lifted"
    );
    let (status, _) = app.get_html("/settings/profile").await;
    assert_eq!(status, StatusCode::SEE_OTHER, "the browser session ended");
    assert!(!token_works(&app, &token).await, "the token is revoked");
    account_security::reset_password(&app.ctx, "ana", Some(NEW_PASSWORD.into())).await.expect("reset");
    assert!(accounts::check_credentials(&app.ctx, accounts::NO_CLIENT, "ana", NEW_PASSWORD).await.is_ok());
    assert!(account_security::reset_password(&app.ctx, "ana", Some("short".into())).await.is_err());
    assert!(account_security::reset_password(&app.ctx, "nobody", None).await.is_err());
    assert!(
        accounts::check_credentials(&app.ctx, accounts::NO_CLIENT, "ana", NEW_PASSWORD).await.is_ok(),
        "a refused reset changes nothing"
    );
}

on_both_backends!(
    changing_the_password_signs_out_other_browsers_and_apps,
    the_email_changes_with_the_password,
    the_sessions_page_revokes_one_app_or_everything,
    a_reset_password_ends_sessions_and_tokens,
);
