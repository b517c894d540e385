//! Instance moderators: an admin gives a member the role; they handle reports, suspend and
//! unsuspend members and read the modlog, on the web and through the admin API, but do not
//! change instance settings, give roles, delete accounts or touch admins.

use allmende::service::accounts::{self, NewAccount};
use reqwest::StatusCode;
use serde_json::json;

use crate::api_support::{Api, token_for};
use crate::common::{PASSWORD, TestApp};
use crate::on_both_backends;

pub async fn instance_moderators_handle_reports_and_suspensions_but_not_settings(app: TestApp) {
    let rhea = accounts::create_account(
        &app.ctx,
        NewAccount { username: "rhea".into(), email: None, password: PASSWORD.into(), admin: true },
    )
    .await
    .expect("admin");
    let bo = app.create_user("bo").await;
    let ana = app.create_user("ana").await;
    let carl = app.create_user("carl").await;

    // Before the role, bo is a member: no accounts list, no reports desk.
    app.sign_in("bo").await;
    assert_eq!(app.get_html("/admin/accounts").await.0, StatusCode::FORBIDDEN);
    assert_eq!(app.get_html("/admin/reports").await.0, StatusCode::FORBIDDEN);

    // The admin makes bo an instance moderator from the users list.
    app.sign_in("rhea").await;
    let (_, list) = app.get_html("/admin/accounts").await;
    assert!(list.contains(&format!("/admin/accounts/{}", bo.id.0)), "{list}");
    let (_, page) = app.get_html(&format!("/admin/accounts/{}", bo.id.0)).await;
    assert!(page.contains(r#"value="make_moderator""#), "{page}");
    let made =
        app.post_form(&format!("/admin/accounts/{}/action", bo.id.0), &[("action", "make_moderator")]).await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get_html(&format!("/admin/accounts/{}", bo.id.0)).await;
    assert!(page.contains("Instance moderator"), "{page}");

    // A report at the instance's desk, about ana.
    let carl_api = Api::for_user(&app, "carl").await;
    let report = json!({"account_id": ana.id.0.to_string(), "comment": "Spam!", "category": "spam"});
    assert_eq!(carl_api.post_json("/api/v1/reports", report).await.status(), StatusCode::OK);

    // What the moderator may do on the web.
    app.sign_in("bo").await;
    let (status, home) = app.get_html("/feed").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        home.contains(r#"href="/admin/reports""#) && home.contains(r#"href="/admin/accounts""#),
        "{home}"
    );
    assert!(!home.contains(r#"href="/admin/federation""#), "no settings in the menu");
    let (status, reports) = app.get_html("/admin/reports").await;
    assert_eq!(status, StatusCode::OK);
    assert!(reports.contains("Spam!"), "{reports}");
    assert_eq!(app.get_html("/admin/accounts").await.0, StatusCode::OK);
    let (status, page) = app.get_html(&format!("/admin/accounts/{}", ana.id.0)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(r#"value="suspend""#), "{page}");
    assert!(!page.contains("make_admin") && !page.contains("make_moderator"), "no roles: {page}");
    assert!(!page.contains(&format!("/admin/accounts/{}/delete", ana.id.0)), "no deletion: {page}");
    let ana_path = format!("/admin/accounts/{}/action", ana.id.0);
    let suspended = app.post_form(&ana_path, &[("action", "suspend"), ("reason", "spam wave")]).await;
    assert_eq!(suspended.status(), StatusCode::SEE_OTHER);
    let login =
        app.client.post(app.url("/login")).form(&[("username", "ana"), ("password", PASSWORD)]).send();
    assert_ne!(login.await.expect("login").status(), StatusCode::SEE_OTHER, "ana is suspended");
    let (status, modlog) = app.get_html("/modlog").await;
    assert_eq!(status, StatusCode::OK);
    assert!(modlog.contains("spam wave"), "the suspension is in the modlog: {modlog}");
    let lifted = app.post_form(&ana_path, &[("action", "unsuspend")]).await;
    assert_eq!(lifted.status(), StatusCode::SEE_OTHER);
    assert!(!allmende::service::suspensions::is_suspended(&app.ctx, ana.id).await.expect("state"));

    // What the moderator may not do.
    for (path, fields) in [
        (ana_path.clone(), vec![("action", "make_admin")]),
        (ana_path.clone(), vec![("action", "make_moderator")]),
        (format!("/admin/accounts/{}/action", bo.id.0), vec![("action", "make_admin")]),
        (format!("/admin/accounts/{}/delete", ana.id.0), vec![("confirm", "yes")]),
        (format!("/admin/accounts/{}/action", rhea.id.0), vec![("action", "make_member")]),
        ("/admin/federation/mode".to_owned(), vec![("mode", "allowlist")]),
        ("/admin/invites".to_owned(), vec![]),
    ] {
        let refused = app.post_form(&path, &fields).await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{path} {fields:?}");
    }
    let suspend_admin =
        app.post_form(&format!("/admin/accounts/{}/action", rhea.id.0), &[("action", "suspend")]).await;
    assert!(suspend_admin.status().is_client_error(), "admins are out of reach");
    for page in ["/admin", "/admin/federation", "/admin/registrations"] {
        assert_eq!(app.get_html(page).await.0, StatusCode::FORBIDDEN, "{page}");
    }
    assert!(!allmende::service::suspensions::is_suspended(&app.ctx, rhea.id).await.expect("state"));

    // The same through the Mastodon API: the role in verify_credentials, the admin account
    // endpoints that moderate, nothing more.
    let api = Api { app: &app, token: token_for(&app, "bo", "read admin:read admin:write").await };
    let me = api.get_json("/api/v1/accounts/verify_credentials").await;
    assert_eq!(me["role"]["name"], "Moderator", "{me}");
    assert_eq!(me["role"]["permissions"], "1044", "{me}");
    let listed = api.get_json("/api/v1/admin/accounts").await;
    assert!(listed.as_array().is_some_and(|a| a.len() >= 4), "{listed}");
    assert_eq!(api.get_json("/api/v1/admin/reports").await.as_array().map(Vec::len), Some(1));
    let silence = format!("/api/v1/admin/accounts/{}/action", carl.id.0);
    assert_eq!(api.post_form(&silence, &[("type", "silence")]).await.status(), StatusCode::OK);
    let delete = app
        .client
        .delete(app.url(&format!("/api/v1/admin/accounts/{}", carl.id.0)))
        .bearer_auth(&api.token)
        .send()
        .await
        .expect("DELETE");
    assert_eq!(delete.status(), StatusCode::FORBIDDEN);
    assert_eq!(api.get("/api/v1/admin/domain_blocks").await.status(), StatusCode::FORBIDDEN);

    // A member's role shows nothing; taking the role back closes the desk again.
    let member = Api { app: &app, token: token_for(&app, "carl", "read").await };
    assert_eq!(member.get_json("/api/v1/accounts/verify_credentials").await["role"]["permissions"], "0");
    app.sign_in("rhea").await;
    let back =
        app.post_form(&format!("/admin/accounts/{}/action", bo.id.0), &[("action", "make_member")]).await;
    assert_eq!(back.status(), StatusCode::SEE_OTHER);
    app.sign_in("bo").await;
    assert_eq!(app.get_html("/admin/reports").await.0, StatusCode::FORBIDDEN);
}

/// Email addresses are for admins: instance moderators see the accounts list and an account's
/// page, and the admin API's accounts, without them.
pub async fn only_admins_see_email_addresses(app: TestApp) {
    accounts::create_account(
        &app.ctx,
        NewAccount { username: "rhea".into(), email: None, password: PASSWORD.into(), admin: true },
    )
    .await
    .expect("admin");
    let bo = app.create_user("bo").await;
    let ana = app.create_user("ana").await;
    app.sign_in("rhea").await;
    let made =
        app.post_form(&format!("/admin/accounts/{}/action", bo.id.0), &[("action", "make_moderator")]).await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    let page = format!("/admin/accounts/{}", ana.id.0);
    let api_path = format!("/api/v1/admin/accounts/{}", ana.id.0);

    // The admin sees ana's address on the list, her page and in the API.
    let (status, list) = app.get_html("/admin/accounts").await;
    assert_eq!(status, StatusCode::OK);
    assert!(list.contains("ana@example.org") && list.contains(">Email<"), "{list}");
    let (_, shown) = app.get_html(&page).await;
    assert!(shown.contains("ana@example.org"), "{shown}");
    let admin_api = Api { app: &app, token: token_for(&app, "rhea", "read admin:read").await };
    assert_eq!(admin_api.get_json(&api_path).await["email"], "ana@example.org");
    let listed = admin_api.get_json("/api/v1/admin/accounts").await;
    assert!(listed.to_string().contains("ana@example.org"), "{listed}");

    // The moderator sees the same people, without any address (no column, no field).
    app.sign_in("bo").await;
    let (status, list) = app.get_html("/admin/accounts").await;
    assert_eq!(status, StatusCode::OK);
    assert!(list.contains(&page), "ana is listed: {list}");
    assert!(!list.contains("ana@example.org") && !list.contains("bo@example.org"), "{list}");
    assert!(!list.contains(">Email<"), "no email column: {list}");
    let (status, shown) = app.get_html(&page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!shown.contains("ana@example.org") && !shown.contains(">Email<"), "{shown}");
    let moderator_api = Api { app: &app, token: token_for(&app, "bo", "read admin:read").await };
    let account = moderator_api.get_json(&api_path).await;
    assert_eq!(account["email"], "", "{account}");
    assert_eq!(account["username"], "ana", "{account}");
    let listed = moderator_api.get_json("/api/v1/admin/accounts").await;
    assert!(listed.as_array().is_some_and(|a| a.len() >= 3), "{listed}");
    assert!(!listed.to_string().contains("ana@example.org"), "{listed}");
    assert!(!listed.to_string().contains("bo@example.org"), "{listed}");
}

on_both_backends!(
    instance_moderators_handle_reports_and_suspensions_but_not_settings,
    only_admins_see_email_addresses,
);
