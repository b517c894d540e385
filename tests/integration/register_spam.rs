//! Spam protection of open registration without outside services: the hidden honeypot field
//! refuses bots that fill in everything, and `registration.challenge` asks a small sum whose
//! answer is bound to the visitor's form token. Refused forms store nothing. New accounts may
//! be kept from posting links for a while (`registration.new_account_link_hours`).

use reqwest::StatusCode;

use crate::api_support::input_value;
use crate::common::{Backend, PASSWORD, TestApp, count_rows};

async fn app(backend: Backend, challenge: bool) -> Option<TestApp> {
    TestApp::spawn_configured(backend, |config| {
        config.registration.challenge = challenge;
        config.registration.new_account_link_hours = 24;
    })
    .await
}

fn form<'a>(name: &'a str, extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("username", name),
        ("email", "ana@example.org"),
        ("password", PASSWORD),
        ("password_confirmation", PASSWORD),
    ];
    form.extend_from_slice(extra);
    form
}

async fn honeypot_refuses_bots(app: TestApp) {
    let (_, page) = app.get_html("/register").await;
    assert!(page.contains("name=\"website\""), "the honeypot is in the form");
    assert!(!page.contains("challenge_answer"), "no sum unless configured");
    let accounts = count_rows(&app, "accounts").await;
    let bot = app.post_form("/register", &form("spammer", &[("website", "https://spam.example")])).await;
    assert_eq!(bot.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(count_rows(&app, "accounts").await, accounts, "nothing stored");
    let person = app.post_form("/register", &form("ana", &[("website", "")])).await;
    assert_eq!(person.status(), StatusCode::SEE_OTHER, "people leave it empty");
}

async fn the_sum_must_be_answered(app: TestApp) {
    let (_, page) = app.get_html("/register").await;
    let token = input_value(&page, "challenge_token");
    assert!(!token.is_empty(), "the form carries the question's token");
    let sum: u32 = page
        .split_once("how much is ")
        .and_then(|(_, rest)| rest.split_once('?'))
        .map(|(question, _)| question.split('+').map(|n| n.trim().parse::<u32>().expect("a number")).sum())
        .expect("the question is on the page");
    let accounts = count_rows(&app, "accounts").await;
    let wrong = (sum + 1).to_string();
    let refused = app
        .post_form("/register", &form("ana", &[("challenge_token", &token), ("challenge_answer", &wrong)]))
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.expect("page").contains("not the right answer"));
    assert_eq!(count_rows(&app, "accounts").await, accounts, "nothing stored");
    let missing = app.post_form("/register", &form("ana", &[])).await;
    assert_eq!(missing.status(), StatusCode::UNPROCESSABLE_ENTITY, "no answer, no account");
    let right = sum.to_string();
    let accepted = app
        .post_form("/register", &form("ana", &[("challenge_token", &token), ("challenge_answer", &right)]))
        .await;
    assert_eq!(accepted.status(), StatusCode::SEE_OTHER);
    assert_eq!(count_rows(&app, "accounts").await, accounts + 1);
}

/// With `new_account_link_hours` set, a new member's thread, reply or app status with a link is
/// refused with a clear error (nothing stored); without a link it is fine; admins are exempt.
async fn new_accounts_post_no_links_at_first(app: TestApp) {
    use allmende::service::{groups, posts, threads};
    let admin = allmende::service::accounts::create_account(
        &app.ctx,
        allmende::service::accounts::NewAccount {
            username: "coord".into(),
            email: None,
            password: PASSWORD.into(),
            admin: true,
        },
    )
    .await
    .expect("admin");
    groups::create_group(&app.ctx, admin.id, crate::groups::group("energy", "discussion"))
        .await
        .expect("group");
    let ana = app.create_user("ana").await;
    let linked = threads::NewThread {
        title: "Cheap panels".into(),
        body: "Buy at https://spam.example now".into(),
        ..Default::default()
    };
    let posts_before = count_rows(&app, "posts").await;
    let refused = threads::create_thread(&app.ctx, &ana, "energy", linked.clone()).await;
    assert!(
        matches!(&refused, Err(allmende::service::ServiceError::Invalid(errors)) if format!("{errors:?}").contains("links")),
        "{refused:?}"
    );
    assert_eq!(count_rows(&app, "posts").await, posts_before, "nothing stored");
    let thread = threads::create_thread(&app.ctx, &ana, "energy", crate::groups::thread("Heat pumps"))
        .await
        .expect("no link");
    let reply = posts::reply(
        &app.ctx,
        &ana,
        thread,
        posts::NewReply { body: "see www.spam.example".into(), ..Default::default() },
    )
    .await;
    assert!(reply.is_err(), "replies too");
    let api = crate::api_support::Api::for_user(&app, "ana").await;
    let status =
        api.post_form("/api/v1/statuses", &[("status", "@energy Deals on http://spam.example")]).await;
    assert_eq!(status.status(), StatusCode::UNPROCESSABLE_ENTITY, "apps too");
    threads::create_thread(&app.ctx, &admin, "energy", linked).await.expect("admins are never limited");
}

macro_rules! with_challenge {
    ($challenge:expr => $($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name(super::app(crate::common::Backend::Sqlite, $challenge).await.expect("app")).await
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                match super::app(crate::common::Backend::Postgres, $challenge).await {
                    Some(app) => super::$name(app).await,
                    None => eprintln!("skipped: ALLMENDE_TEST_POSTGRES_URL is not set"),
                }
            }
        }
    )*};
}

with_challenge!(false => honeypot_refuses_bots, new_accounts_post_no_links_at_first);
with_challenge!(true => the_sum_must_be_answered);
