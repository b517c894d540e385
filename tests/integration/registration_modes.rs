//! Joining the network in every registration mode, over HTTP with CSRF: open, approval (the
//! applicant's reason, refused sign-in while pending, approve and reject with a message),
//! invite (links with use counts and expiry) and closed; and what the Mastodon instance
//! endpoints and NodeInfo say about each.

use allmende::domain::registration::RegistrationMode;
use reqwest::StatusCode;

use crate::common::{Backend, PASSWORD, TestApp, count_rows, location};

/// Runs `async fn(TestApp)` on both backends with a registration mode configured.
macro_rules! in_mode {
    ($mode:expr => $($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let app = super::app(crate::common::Backend::Sqlite, $mode).await.expect("app");
                super::$name(app).await
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                match super::app(crate::common::Backend::Postgres, $mode).await {
                    Some(app) => super::$name(app).await,
                    None => eprintln!("skipped: ALLMENDE_TEST_POSTGRES_URL is not set"),
                }
            }
        }
    )*};
}

async fn app(backend: Backend, mode: RegistrationMode) -> Option<TestApp> {
    TestApp::spawn_configured(backend, |config| {
        config.registration.mode = mode;
        config.registration.approval_question = "Which organisation do you join for?".into();
    })
    .await
}

fn registration<'a>(name: &'a str, extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let email = if name == "ana" { "ana@example.org" } else { "other@example.org" };
    let mut form = vec![
        ("username", name),
        ("email", email),
        ("password", PASSWORD),
        ("password_confirmation", PASSWORD),
    ];
    form.extend_from_slice(extra);
    form
}

async fn make_coordinator(app: &TestApp) {
    allmende::service::accounts::create_account(
        &app.ctx,
        allmende::service::accounts::NewAccount {
            username: "coord".into(),
            email: Some("coord@example.org".into()),
            password: PASSWORD.into(),
            admin: true,
        },
    )
    .await
    .expect("coordinator");
}

async fn state_of(app: &TestApp, name: &str) -> String {
    allmende::db::accounts::get_account_by_name(&mut app.ctx.db.acquire().await.expect("conn").conn(), name)
        .await
        .expect("query")
        .map(|a| a.state)
        .unwrap_or_default()
}

/// The id in `action="/admin/registrations/ID"` of the first application on the page.
fn first_application_id(page: &str) -> String {
    let start = page.find("action=\"/admin/registrations/").expect("an application form") + 29;
    page[start..].chars().take_while(char::is_ascii_digit).collect()
}

pub async fn approval_mode_takes_applications_and_coordinators_decide(app: TestApp) {
    let (status, form) = app.get_html("/register").await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("Which organisation do you join for?"), "the question is asked");
    assert!(form.contains(r#"name="reason""#));

    let no_reason = app.post_form("/register", &registration("ana", &[("reason", "  ")])).await;
    assert_eq!(no_reason.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_reason.text().await.expect("body").contains(r#"id="reason-error""#));
    assert_eq!(count_rows(&app, "accounts").await, 0, "nothing stored");

    let applied = app
        .post_form("/register", &registration("ana", &[("reason", "Energy office of Borken <b>county</b>")]))
        .await;
    assert_eq!(applied.status(), StatusCode::OK);
    assert!(applied.text().await.expect("body").contains("Application received"));
    assert!(app.cookie("allmende_session").is_none(), "no session for a pending account");
    assert_eq!(state_of(&app, "ana").await, "pending");

    let refused = app.post_form("/login", &[("username", "ana"), ("password", PASSWORD)]).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert!(refused.text().await.expect("body").contains("has not been approved yet"));
    let wrong = app.post_form("/login", &[("username", "ana"), ("password", "wrong password!")]).await;
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED, "without the password nothing is revealed");
    assert_unlisted(&app, "ana", true).await;

    // Members may not decide; coordinators see the reason, escaped.
    app.signed_in_user("bob").await;
    assert_eq!(app.get("/admin/registrations").await.status(), StatusCode::FORBIDDEN);
    app.post_form("/logout", &[]).await;
    make_coordinator(&app).await;
    app.sign_in("coord").await;
    let (status, page) = app.get_html("/admin/registrations").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("@ana") && page.contains("Energy office of Borken &#60;b&#62;county&#60;/b&#62;"),
        "{page}"
    );
    let id = first_application_id(&page);
    let odd = app.post_form(&format!("/admin/registrations/{id}"), &[("decision", "maybe")]).await;
    assert_eq!(odd.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let approved = app
        .post_form(&format!("/admin/registrations/{id}"), &[("decision", "approve"), ("message", "Welcome")])
        .await;
    assert_eq!(approved.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&approved), "/admin/registrations");
    let (_, page) = app.get_html("/admin/registrations").await;
    assert!(page.contains("No applications are waiting."));
    let twice = app.post_form(&format!("/admin/registrations/{id}"), &[("decision", "reject")]).await;
    assert_eq!(twice.status(), StatusCode::NOT_FOUND, "a decided application cannot be decided again");
    app.post_form("/logout", &[]).await;
    app.sign_in("ana").await;
    assert_unlisted(&app, "ana", false).await;
}

/// Whether the account has no public profile, actor, WebFinger entry or API card (while its
/// application waits or after it was turned down), or has them all.
async fn assert_unlisted(app: &TestApp, name: &str, unlisted: bool) {
    let expected = if unlisted { StatusCode::NOT_FOUND } else { StatusCode::OK };
    let host = app.state.uris.host().to_owned();
    assert_eq!(app.get(&format!("/u/{name}")).await.status(), expected, "profile page");
    let actor = app
        .client
        .get(app.url(&format!("/u/{name}")))
        .header("accept", "application/activity+json")
        .send()
        .await
        .expect("GET actor");
    assert_eq!(actor.status(), expected, "actor");
    let webfinger = app.get(&format!("/.well-known/webfinger?resource=acct:{name}@{host}")).await;
    assert_eq!(webfinger.status(), expected, "WebFinger");
    let card = app.get(&format!("/api/v1/accounts/lookup?acct={name}")).await;
    assert_eq!(card.status(), expected, "API lookup");
}

pub async fn a_rejected_applicant_sees_the_message(app: TestApp) {
    let applied = app.post_form("/register", &registration("ana", &[("reason", "I sell heat pumps")])).await;
    assert_eq!(applied.status(), StatusCode::OK);
    make_coordinator(&app).await;
    app.sign_in("coord").await;
    let (_, page) = app.get_html("/admin/registrations").await;
    let id = first_application_id(&page);
    let rejected = app
        .post_form(
            &format!("/admin/registrations/{id}"),
            &[("decision", "reject"), ("message", "This network is for public bodies & NGOs.")],
        )
        .await;
    assert_eq!(rejected.status(), StatusCode::SEE_OTHER);
    assert_eq!(state_of(&app, "ana").await, "rejected");
    app.post_form("/logout", &[]).await;
    assert_unlisted(&app, "ana", true).await;
    let refused = app.post_form("/login", &[("username", "ana"), ("password", PASSWORD)]).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let page = refused.text().await.expect("body");
    assert!(page.contains("was not approved") && page.contains("public bodies &#38; NGOs"), "{page}");
    let again = app.post_form("/register", &registration("ana", &[("reason", "Please")])).await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY, "the name stays taken");
}

pub async fn invite_mode_needs_a_live_invite(app: TestApp) {
    let (status, page) = app.get_html("/register").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("needs an invite link") && !page.contains(r#"name="password""#), "{page}");
    let without = app.post_form("/register", &registration("ana", &[])).await;
    assert_eq!(without.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(without.text().await.expect("body").contains("This invite link is not valid or has expired."));
    assert_eq!(count_rows(&app, "accounts").await, 0);

    make_coordinator(&app).await;
    app.sign_in("coord").await;
    let bad = app.post_form("/admin/invites", &[("max_uses", "0"), ("valid_days", "many")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let bad = bad.text().await.expect("body");
    assert!(bad.contains(r#"id="max_uses-error""#) && bad.contains(r#"id="valid_days-error""#));
    assert_eq!(count_rows(&app, "invites").await, 0);
    let created = app.post_form("/admin/invites", &[("max_uses", "1"), ("valid_days", "2")]).await;
    assert_eq!(created.status(), StatusCode::OK);
    let page = created.text().await.expect("body");
    let start = page.find("/register?invite=").expect("the link is shown") + "/register?invite=".len();
    let token: String =
        page[start..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
    assert!(token.len() > 20);
    let timed = app.post_form("/admin/invites", &[("valid_days", "1")]).await;
    let timed = timed.text().await.expect("body");
    let start = timed.find("/register?invite=").expect("link") + "/register?invite=".len();
    let timed_token: String =
        timed[start..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
    app.post_form("/logout", &[]).await;

    let (_, form) = app.get_html(&format!("/register?invite={token}")).await;
    assert!(form.contains(r#"name="invite""#) && form.contains(r#"name="password""#));
    let joined = app.post_form("/register", &registration("ana", &[("invite", &token)])).await;
    assert_eq!(joined.status(), StatusCode::SEE_OTHER, "registered and signed in");
    assert_eq!(state_of(&app, "ana").await, "active");
    app.post_form("/logout", &[]).await;
    let used_up = app.post_form("/register", &registration("bea", &[("invite", &token)])).await;
    assert_eq!(used_up.status(), StatusCode::UNPROCESSABLE_ENTITY, "one use only");
    assert_eq!(state_of(&app, "bea").await, "", "nothing stored");

    app.clock.advance_seconds(2 * 24 * 3600);
    let expired = app.post_form("/register", &registration("bea", &[("invite", &timed_token)])).await;
    assert_eq!(expired.status(), StatusCode::UNPROCESSABLE_ENTITY, "expired after a day");
    assert_eq!(count_rows(&app, "accounts").await, 2, "the coordinator and ana");

    app.sign_in("coord").await;
    let (_, list) = app.get_html("/admin/invites").await;
    assert!(list.contains("1 of 1 used") && list.contains("used up or expired"), "{list}");
}

pub async fn closed_mode_refuses_and_says_so(app: TestApp) {
    let (status, page) = app.get_html("/register").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(page.contains("Registration closed"));
    let response = app.post_form("/register", &registration("ana", &[])).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(count_rows(&app, "accounts").await, 0);
    let (_, login) = app.get_html("/login").await;
    assert!(!login.contains("New here?"), "no invitation to a closed door");
    let v2: serde_json::Value = app.get("/api/v2/instance").await.json().await.expect("json");
    assert_eq!(v2["registrations"]["enabled"], false);
    let v1: serde_json::Value = app.get("/api/v1/instance").await.json().await.expect("json");
    assert_eq!(v1["registrations"], false);
}

pub async fn instance_endpoints_tell_apps_about_approval(app: TestApp) {
    let v2: serde_json::Value = app.get("/api/v2/instance").await.json().await.expect("json");
    assert_eq!(v2["registrations"]["enabled"], true);
    assert_eq!(v2["registrations"]["approval_required"], true);
    let v1: serde_json::Value = app.get("/api/v1/instance").await.json().await.expect("json");
    assert_eq!(v1["approval_required"], true);
    assert_eq!(v1["invites_enabled"], false);
}

pub async fn open_mode_needs_no_reason(app: TestApp) {
    let (_, form) = app.get_html("/register").await;
    assert!(!form.contains(r#"name="reason""#));
    let joined = app.post_form("/register", &registration("ana", &[])).await;
    assert_eq!(joined.status(), StatusCode::SEE_OTHER);
    assert_eq!(state_of(&app, "ana").await, "active");
}

in_mode!(allmende::domain::registration::RegistrationMode::Approval =>
    approval_mode_takes_applications_and_coordinators_decide,
    a_rejected_applicant_sees_the_message,
    instance_endpoints_tell_apps_about_approval,
);
in_mode!(allmende::domain::registration::RegistrationMode::Invite => invite_mode_needs_a_live_invite);
in_mode!(allmende::domain::registration::RegistrationMode::Closed => closed_mode_refuses_and_says_so);
in_mode!(allmende::domain::registration::RegistrationMode::Open => open_mode_needs_no_reason);
