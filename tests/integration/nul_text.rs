//! Text PostgreSQL cannot store (a NUL character) is bad input, never a server error: the
//! request gets a 4xx and nothing is stored, on both backends.

use reqwest::StatusCode;
use serde_json::json;

use crate::api_support::Api;
use crate::common::{TestApp, count_rows};
use crate::on_both_backends;

pub async fn nul_characters_are_refused_not_failed(app: TestApp) {
    app.create_user("ana").await;
    for path in ["/g/a%00b", "/u/a%00b", "/t/1%00", "/search?q=%00"] {
        let status = app.get(path).await.status();
        assert!(
            status.is_client_error() || status.is_redirection() || status.is_success(),
            "{path}: {status}"
        );
    }
    let api = Api::for_user(&app, "ana").await;
    let lookup = api.get("/api/v1/accounts/lookup?acct=a%00b").await;
    assert!(lookup.status().is_client_error(), "{}", lookup.status());
    let before = count_rows(&app, "posts").await;
    let posted = api.post_json("/api/v1/statuses", json!({"status": "@nobody hi\u{0}there"})).await;
    assert!(posted.status().is_client_error(), "{}", posted.status());
    let response = app
        .client
        .patch(app.url("/api/v1/accounts/update_credentials"))
        .bearer_auth(&api.token)
        .json(&json!({"display_name": "Ana\u{0}"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(count_rows(&app, "posts").await, before);
}

on_both_backends!(nul_characters_are_refused_not_failed);
