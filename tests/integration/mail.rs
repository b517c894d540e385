//! Mail through a real SMTP server on loopback: a small SMTP listener in the harness accepts
//! and keeps every message; the tests read them back with an independent MIME parser and follow
//! their links with the test's HTTP client. Password reset end to end, no account enumeration,
//! retries when the SMTP server is down, address confirmation on registration and on change,
//! registration decisions, digests and the unsubscribe link, and `allmende mail test`.

use std::sync::{Arc, Mutex};

use allmende::config::{Config, MailTls};
use allmende::service::posts::{self, NewReply};
use allmende::service::{accounts, digests, groups, mail, registrations, threads};
use reqwest::StatusCode;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

use crate::common::{PASSWORD, TestApp, count_rows};
use crate::groups::{group, thread};
use crate::on_both_backends;

/// One message the listener accepted.
#[derive(Debug, Clone)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    pub data: Vec<u8>,
}

impl Received {
    fn parsed(&self) -> mail_parser::Message<'_> {
        mail_parser::MessageParser::default().parse(&self.data).expect("a MIME message")
    }

    pub fn subject(&self) -> String {
        self.parsed().subject().unwrap_or_default().to_owned()
    }

    pub fn text(&self) -> String {
        self.parsed().body_text(0).map(|text| text.into_owned()).unwrap_or_default()
    }

    /// The HTML part as sent (None when the mail has no `text/html` part of its own).
    pub fn html(&self) -> Option<String> {
        let message = self.parsed();
        let part = message.html_body.first().and_then(|id| message.part(*id))?;
        let own = mail_parser::MimeHeaders::is_content_type(part, "text", "html");
        own.then(|| part.text_contents().unwrap_or_default().to_owned())
    }

    pub fn header(&self, name: &str) -> Option<String> {
        let message = self.parsed();
        message.header_raw(name).map(|value| value.trim().to_owned())
    }

    /// The path and query of the first link in the text that starts with `base/path`.
    pub fn link(&self, path: &str) -> String {
        let prefix = format!("http://localhost{path}");
        let text = self.text();
        let link = text
            .split_whitespace()
            .find(|word| word.starts_with(&prefix))
            .unwrap_or_else(|| panic!("a {path} link in {text}"));
        link.trim_start_matches("http://localhost").to_owned()
    }
}

/// A minimal SMTP server on loopback that accepts every message and keeps it.
pub struct SmtpListener {
    pub port: u16,
    messages: Arc<Mutex<Vec<Received>>>,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl SmtpListener {
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("address").port();
        let messages = Arc::default();
        let mut smtp = Self { port, messages, task: None };
        smtp.serve(listener);
        smtp
    }

    fn serve(&mut self, listener: TcpListener) {
        let messages = self.messages.clone();
        self.task = Some(tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(session(stream, messages.clone()));
            }
        }));
    }

    /// Closes the port: connections are refused until `restart`.
    pub fn stop(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }

    /// Listens again on the same port.
    pub async fn restart(&mut self) {
        let mut tries = 0;
        let listener = loop {
            match TcpListener::bind(("127.0.0.1", self.port)).await {
                Ok(listener) => break listener,
                Err(error) if tries < 50 => {
                    tries += 1;
                    let _ = error;
                    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                }
                Err(error) => panic!("rebinding {}: {error}", self.port),
            }
        };
        self.serve(listener);
    }

    pub fn received(&self) -> Vec<Received> {
        self.messages.lock().expect("lock").clone()
    }

    pub fn configure(&self, config: &mut Config) {
        config.mail.host = "127.0.0.1".into();
        config.mail.port = self.port;
        config.mail.tls = MailTls::None;
        config.mail.from = "Allmende <forum@localhost>".into();
    }
}

impl Drop for SmtpListener {
    fn drop(&mut self) {
        self.stop();
    }
}

async fn session(stream: tokio::net::TcpStream, messages: Arc<Mutex<Vec<Received>>>) {
    let (reader, mut writer) = stream.into_split();
    let mut reader = BufReader::new(reader);
    let mut from = String::new();
    let mut to = Vec::new();
    if writer.write_all(b"220 localhost test SMTP\r\n").await.is_err() {
        return;
    }
    let mut line = String::new();
    loop {
        line.clear();
        match reader.read_line(&mut line).await {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let command = line.trim_end().to_owned();
        let upper = command.to_ascii_uppercase();
        let answer: String = if upper.starts_with("EHLO") {
            "250-localhost\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n".into()
        } else if upper.starts_with("HELO") {
            "250 localhost\r\n".into()
        } else if upper.starts_with("MAIL FROM:") {
            from = address(&command["MAIL FROM:".len()..]);
            to.clear();
            "250 2.1.0 OK\r\n".into()
        } else if upper.starts_with("RCPT TO:") {
            to.push(address(&command["RCPT TO:".len()..]));
            "250 2.1.5 OK\r\n".into()
        } else if upper == "DATA" {
            if writer.write_all(b"354 go ahead\r\n").await.is_err() {
                return;
            }
            let mut data = Vec::new();
            loop {
                let mut raw = Vec::new();
                match reader.read_until(b'\n', &mut raw).await {
                    Ok(0) | Err(_) => return,
                    Ok(_) => {}
                }
                if raw == b".\r\n" || raw == b".\n" {
                    break;
                }
                let unstuffed = if raw.starts_with(b"..") { &raw[1..] } else { &raw[..] };
                data.extend_from_slice(unstuffed);
            }
            let mut all = messages.lock().expect("lock");
            all.push(Received { from: from.clone(), to: to.clone(), data });
            format!("250 2.0.0 queued as {}\r\n", all.len())
        } else if upper == "RSET" || upper == "NOOP" {
            "250 2.0.0 OK\r\n".into()
        } else if upper == "QUIT" {
            let _ = writer.write_all(b"221 2.0.0 bye\r\n").await;
            return;
        } else {
            "502 5.5.2 not implemented\r\n".into()
        };
        if writer.write_all(answer.as_bytes()).await.is_err() {
            return;
        }
    }
}

/// The address in `<...>` of a `MAIL FROM:` or `RCPT TO:` argument.
fn address(argument: &str) -> String {
    let inner = argument.trim().trim_start_matches('<');
    inner.split('>').next().unwrap_or(inner).to_owned()
}

/// Like `on_both_backends!`, with an SMTP listener the app sends through; `with` names a
/// function that adjusts the configuration further.
macro_rules! with_mail_on_both_backends {
    ($($name:ident with $configure:ident),* $(,)?) => {$(
        mod $name {
            use crate::common::{Backend, TestApp};
            use super::SmtpListener;

            async fn run(backend: Backend) {
                let smtp = SmtpListener::start().await;
                let app = TestApp::spawn_configured(backend, |config| {
                    smtp.configure(config);
                    super::$configure(config);
                })
                .await;
                match app {
                    Some(app) => super::$name(app, smtp).await,
                    None => eprintln!("skipped: ALLMENDE_TEST_POSTGRES_URL is not set"),
                }
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                run(Backend::Sqlite).await
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                run(Backend::Postgres).await
            }
        }
    )*};
}

fn as_is(_: &mut Config) {}

fn confirmation_required(config: &mut Config) {
    config.registration.require_email_confirmation = true;
}

fn approval_mode(config: &mut Config) {
    config.registration.mode = allmende::domain::registration::RegistrationMode::Approval;
}

with_mail_on_both_backends!(
    a_forgotten_password_is_reset_by_mail_end_to_end with as_is,
    the_forgot_form_answers_the_same_for_unknown_addresses with as_is,
    a_mail_is_sent_once_when_the_smtp_server_comes_back with as_is,
    new_accounts_confirm_their_address_before_signing_in with confirmation_required,
    a_changed_address_takes_effect_once_confirmed with as_is,
    applicants_are_told_the_decision_by_mail with approval_mode,
    digests_sum_up_and_the_unsubscribe_link_stops_them with as_is,
    reporters_are_told_by_mail_that_their_report_was_handled with as_is,
);

on_both_backends!(without_mail_the_reset_page_says_to_ask_an_admin);

async fn set_language(app: &TestApp, user: &allmende::service::CurrentUser, language: &str) {
    accounts::update_profile(
        &app.ctx,
        user,
        accounts::Profile { display_name: String::new(), bio: String::new(), language: language.into() },
    )
    .await
    .expect("profile saved");
}

/// The text of the page's status paragraph.
fn status_text(html: &str) -> String {
    let start = html.find("role=\"status\">").expect("a status paragraph") + "role=\"status\">".len();
    let end = html[start..].find("</p>").expect("end of paragraph") + start;
    html[start..end].to_owned()
}

pub async fn a_forgotten_password_is_reset_by_mail_end_to_end(app: TestApp, smtp: SmtpListener) {
    let ana = app.signed_in_user("ana").await;
    set_language(&app, &ana, "de").await;
    let (status, login) = app.get_html("/login").await;
    assert_eq!(status, StatusCode::OK);
    assert!(login.contains("href=\"/password/forgot\""), "the sign-in page links to the form");
    let (status, form) = app.get_html("/password/forgot").await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("name=\"email\""), "{form}");

    let response = app.post_form("/password/forgot", &[("email", "ANA@example.org")]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(smtp.received().is_empty(), "nothing is sent while the request waits");
    let report = app.state.mail.drain().await.expect("drain");
    assert_eq!(report.sent, 1);
    let mails = smtp.received();
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    assert_eq!(mail.to, vec!["ana@example.org".to_owned()]);
    assert_eq!(mail.from, "forum@localhost");
    assert_eq!(mail.subject(), "Passwort zurücksetzen bei Allmende", "in ana's language");
    assert!(mail.text().contains("Hallo ana"), "{}", mail.text());
    assert!(mail.header("List-Unsubscribe").is_some_and(|h| h.contains("/mail/unsubscribe?token=")));
    assert!(mail.header("Content-Type").is_some_and(|h| h.starts_with("multipart/alternative")));

    let reset = mail.link("/password/reset?token=");
    // The HTML part says the same, escaped, with the links clickable.
    let html = mail.html().expect("a text/html part");
    assert!(html.contains("Hallo ana"), "{html}");
    let href = format!("<a href=\"http://localhost{}\">", reset.replace('&', "&amp;"));
    assert!(html.contains(&href), "{href} in {html}");
    let (status, page) = app.get_html(&reset).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("name=\"new_password\""), "{page}");
    let token = reset.split_once("token=").expect("token").1.to_owned();
    let mismatch = app
        .post_form(
            "/password/reset",
            &[
                ("token", &token),
                ("new_password", "a fresh passphrase"),
                ("new_password_confirmation", "other"),
            ],
        )
        .await;
    assert_eq!(mismatch.status(), StatusCode::UNPROCESSABLE_ENTITY, "the link stays usable after a typo");
    let done = app
        .post_form(
            "/password/reset",
            &[
                ("token", &token),
                ("new_password", "a fresh passphrase"),
                ("new_password_confirmation", "a fresh passphrase"),
            ],
        )
        .await;
    assert_eq!(done.status(), StatusCode::OK);
    let settings = app.get("/settings/security").await;
    assert_ne!(settings.status(), StatusCode::OK, "the reset ended the earlier session");

    let old = app.post_form("/login", &[("username", "ana"), ("password", PASSWORD)]).await;
    assert_eq!(old.status(), StatusCode::UNAUTHORIZED, "the old password is gone");
    let new = app.post_form("/login", &[("username", "ana"), ("password", "a fresh passphrase")]).await;
    assert_eq!(new.status(), StatusCode::SEE_OTHER, "signed in with the new password");

    let again = app
        .post_form(
            "/password/reset",
            &[
                ("token", &token),
                ("new_password", "third passphrase"),
                ("new_password_confirmation", "third passphrase"),
            ],
        )
        .await;
    assert_eq!(again.status(), StatusCode::NOT_FOUND, "the link works once");
    assert_eq!(app.get(&reset).await.status(), StatusCode::NOT_FOUND);
}

pub async fn the_forgot_form_answers_the_same_for_unknown_addresses(app: TestApp, smtp: SmtpListener) {
    app.create_user("bo").await;
    let known = app.post_form("/password/forgot", &[("email", "bo@example.org")]).await;
    let known_status = known.status();
    let known_text = status_text(&known.text().await.expect("body"));
    let unknown = app.post_form("/password/forgot", &[("email", "nobody@example.org")]).await;
    assert_eq!(unknown.status(), known_status);
    assert_eq!(status_text(&unknown.text().await.expect("body")), known_text, "the same answer");
    let malformed = app.post_form("/password/forgot", &[("email", "not an address")]).await;
    assert_eq!(malformed.status(), known_status);
    assert_eq!(status_text(&malformed.text().await.expect("body")), known_text);
    app.state.mail.drain().await.expect("drain");
    let mails = smtp.received();
    assert_eq!(mails.len(), 1, "only the known address gets a mail");
    assert_eq!(mails[0].to, vec!["bo@example.org".to_owned()]);
}

pub async fn a_mail_is_sent_once_when_the_smtp_server_comes_back(app: TestApp, mut smtp: SmtpListener) {
    app.create_user("cy").await;
    smtp.stop();
    app.post_form("/password/forgot", &[("email", "cy@example.org")]).await;
    let first = app.state.mail.drain().await.expect("drain");
    assert_eq!((first.sent, first.retried, first.failed), (0, 1, 0), "the refused connection is retried");
    assert_eq!(count_rows(&app, "mail_queue WHERE state = 'pending'").await, 1);

    smtp.restart().await;
    let early = app.state.mail.drain().await.expect("drain");
    assert_eq!(early.attempts(), 0, "not tried again before its time");
    app.clock.advance_seconds(61);
    let second = app.state.mail.drain().await.expect("drain");
    assert_eq!(second.sent, 1);
    app.clock.advance_seconds(3600);
    assert_eq!(app.state.mail.drain().await.expect("drain").attempts(), 0, "nothing is left to send");
    assert_eq!(smtp.received().len(), 1, "the mail arrived once");
    assert_eq!(count_rows(&app, "mail_queue WHERE state = 'sent'").await, 1);
}

pub async fn new_accounts_confirm_their_address_before_signing_in(app: TestApp, smtp: SmtpListener) {
    let response = app
        .post_form(
            "/register",
            &[
                ("username", "dee"),
                ("email", "dee@example.org"),
                ("password", PASSWORD),
                ("password_confirmation", PASSWORD),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(app.cookie("allmende_session").is_none(), "no session before the address is confirmed");
    let refused = app.post_form("/login", &[("username", "dee"), ("password", PASSWORD)]).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert!(refused.text().await.expect("body").contains("confirm your email address"));

    app.state.mail.drain().await.expect("drain");
    let mails = smtp.received();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to, vec!["dee@example.org".to_owned()]);
    assert_eq!(mails[0].subject(), "Confirm your email address on Allmende");
    let confirm = mails[0].link("/email/confirm?token=");
    assert_eq!(app.get(&confirm).await.status(), StatusCode::OK);
    assert_eq!(app.get(&confirm).await.status(), StatusCode::NOT_FOUND, "the link works once");
    let signed_in = app.post_form("/login", &[("username", "dee"), ("password", PASSWORD)]).await;
    assert_eq!(signed_in.status(), StatusCode::SEE_OTHER);
    // Accounts made on the command line are confirmed already.
    app.create_user("eve").await;
    let eve = app.post_form("/login", &[("username", "eve"), ("password", PASSWORD)]).await;
    assert_eq!(eve.status(), StatusCode::SEE_OTHER);
}

pub async fn a_changed_address_takes_effect_once_confirmed(app: TestApp, smtp: SmtpListener) {
    let user = app.signed_in_user("fay").await;
    let response = app
        .post_form("/settings/email", &[("email", "fay@new.example"), ("current_password", PASSWORD)])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(crate::common::location(&response).contains("saved=email-sent"));
    let email = allmende::service::account_security::current_email(&app.ctx, &user).await.expect("email");
    assert_eq!(email.as_deref(), Some("fay@example.org"), "unchanged until confirmed");
    app.state.mail.drain().await.expect("drain");
    let mails = smtp.received();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to, vec!["fay@new.example".to_owned()], "the link goes to the new address");
    let confirm = mails[0].link("/email/confirm?token=");
    assert_eq!(app.get(&confirm).await.status(), StatusCode::OK);
    let email = allmende::service::account_security::current_email(&app.ctx, &user).await.expect("email");
    assert_eq!(email.as_deref(), Some("fay@new.example"));
}

pub async fn applicants_are_told_the_decision_by_mail(app: TestApp, smtp: SmtpListener) {
    let admin = accounts::create_account(
        &app.ctx,
        accounts::NewAccount {
            username: "coord".into(),
            email: None,
            password: PASSWORD.into(),
            admin: true,
        },
    )
    .await
    .expect("admin");
    let application = registrations::Application {
        account: accounts::NewAccount {
            username: "gus".into(),
            email: Some("gus@example.org".into()),
            password: PASSWORD.into(),
            admin: false,
        },
        reason: "We run the repair café in Borken.".into(),
        invite: String::new(),
    };
    let registrations::Registered::Pending(gus) =
        registrations::register(&app.ctx, application).await.expect("applied")
    else {
        panic!("approval mode makes a pending account");
    };
    set_language(&app, &gus, "sv").await;
    registrations::decide(
        &app.ctx,
        &admin,
        gus.id.0,
        false,
        "Please apply with your organisation's address.",
    )
    .await
    .expect("decided");
    app.state.mail.drain().await.expect("drain");
    let mails = smtp.received();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to, vec!["gus@example.org".to_owned()]);
    assert_eq!(mails[0].subject(), "Din ansökan till Allmende", "in gus's language");
    assert!(
        mails[0].text().contains("Please apply with your organisation's address."),
        "{}",
        mails[0].text()
    );
}

pub async fn digests_sum_up_and_the_unsubscribe_link_stops_them(app: TestApp, smtp: SmtpListener) {
    let hal = app.signed_in_user("hal").await;
    let ivy = app.create_user("ivy").await;
    set_language(&app, &hal, "fi").await;
    let saved = app.post_form("/settings/mail", &[("digest", "daily")]).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let (_, settings) = app.get_html("/settings/security").await;
    assert!(settings.contains("value=\"daily\" checked"), "the choice is shown");

    groups::create_group(&app.ctx, hal.id, group("energy", "discussion")).await.expect("group");
    let opener =
        threads::create_thread(&app.ctx, &hal, "energy", thread("Heat pumps")).await.expect("thread");
    let reply = NewReply { body: "We installed one last winter.".into(), ..NewReply::default() };
    posts::reply(&app.ctx, &ivy, opener, reply).await.expect("reply");

    assert_eq!(digests::queue_due_digests(&app.ctx).await.expect("digests"), 1, "the first digest is due");
    assert_eq!(digests::queue_due_digests(&app.ctx).await.expect("digests"), 0, "once a day");
    app.state.mail.drain().await.expect("drain");
    let mails = smtp.received();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].subject(), "Päivittäinen koosteesi palvelusta Allmende");
    assert!(mails[0].text().contains("@ivy"), "{}", mails[0].text());

    let unsubscribe = mails[0].link("/mail/unsubscribe?token=");
    let stranger = app.new_browser();
    let form = stranger.client.get(app.url(&unsubscribe)).send().await.expect("GET");
    assert_eq!(form.status(), StatusCode::OK, "no sign-in needed");
    let forged = unsubscribe.replace("token=", "token=1");
    assert_eq!(app.get(&forged).await.status(), StatusCode::NOT_FOUND);
    let token = unsubscribe.split_once("token=").expect("token").1.to_owned();
    let done = app.post_form("/mail/unsubscribe", &[("token", &token)]).await;
    assert_eq!(done.status(), StatusCode::OK);
    assert!(mail::mail_settings(&app.ctx, &hal).await.expect("settings").unsubscribed);

    posts::reply(&app.ctx, &ivy, opener, NewReply { body: "And it works.".into(), ..NewReply::default() })
        .await
        .expect("reply");
    app.clock.advance_seconds(2 * 24 * 3600);
    assert_eq!(digests::queue_due_digests(&app.ctx).await.expect("digests"), 0, "unsubscribed: no digest");
    app.state.mail.drain().await.expect("drain");
    assert_eq!(smtp.received().len(), 1);
}

pub async fn reporters_are_told_by_mail_that_their_report_was_handled(app: TestApp, smtp: SmtpListener) {
    use allmende::domain::report::ReportAction;
    use allmende::service::reports::{self, Desk, ReportInput};
    let admin = accounts::create_account(
        &app.ctx,
        accounts::NewAccount {
            username: "coord".into(),
            email: None,
            password: PASSWORD.into(),
            admin: true,
        },
    )
    .await
    .expect("admin");
    let lou = app.create_user("lou").await;
    let kim = app.create_user("kim").await;
    set_language(&app, &kim, "da").await;
    groups::create_group(&app.ctx, lou.id, group("energy", "discussion")).await.expect("group");
    let post =
        threads::create_thread(&app.ctx, &lou, "energy", thread("Cheap watches")).await.expect("thread");
    let input = ReportInput {
        post_ids: vec![post.0],
        category: "spam".into(),
        comment: "ads".into(),
        ..Default::default()
    };
    let report = reports::create_report(&app.ctx, &kim, input).await.expect("report");
    reports::resolve_report(
        &app.ctx,
        &admin,
        report.id,
        Desk::Moderation,
        ReportAction::Resolved,
        "internal: lou warned",
    )
    .await
    .expect("resolved");
    app.state.mail.drain().await.expect("drain");
    let mails = smtp.received();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to, vec!["kim@example.org".to_owned()]);
    assert_eq!(mails[0].subject(), "Din anmeldelse på Allmende er behandlet", "in kim's language");
    assert!(mails[0].text().contains("@lou"), "{}", mails[0].text());
    assert!(!mails[0].text().contains("internal"), "the moderators' note stays theirs");
}

pub async fn without_mail_the_reset_page_says_to_ask_an_admin(app: TestApp) {
    app.create_user("jo").await;
    let (status, page) = app.get_html("/password/forgot").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("ask an admin"), "{page}");
    assert!(!page.contains("name=\"email\""), "no form that cannot work");
    app.post_form("/password/forgot", &[("email", "jo@example.org")]).await;
    assert_eq!(count_rows(&app, "mail_queue").await, 0, "nothing is queued without mail");
    assert!(!app.state.mail.enabled());
}

#[tokio::test]
async fn mail_test_sends_at_once_and_prints_the_servers_answer() {
    let smtp = SmtpListener::start().await;
    let dir = tempfile::tempdir().expect("dir");
    let port = smtp.port.to_string();
    let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_allmende"));
    for (key, _) in std::env::vars() {
        if key.starts_with("ALLMENDE_") {
            command.env_remove(key);
        }
    }
    let output = command
        .args(["mail", "test", "--to", "admin@example.org"])
        .env("ALLMENDE_DATA_DIR", dir.path())
        .env("ALLMENDE_MAIL_HOST", "127.0.0.1")
        .env("ALLMENDE_MAIL_PORT", &port)
        .env("ALLMENDE_MAIL_TLS", "none")
        .env("ALLMENDE_LOG_FILTER", "warn")
        .output()
        .await
        .expect("the binary runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}{}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout.contains("250 2.0.0 queued as 1"), "the server's answer is printed: {stdout}");
    let mails = smtp.received();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to, vec!["admin@example.org".to_owned()]);
    assert_eq!(mails[0].subject(), "Test mail from Allmende");

    let unset = tokio::process::Command::new(env!("CARGO_BIN_EXE_allmende"))
        .args(["mail", "test", "--to", "admin@example.org"])
        .env("ALLMENDE_DATA_DIR", dir.path())
        .env("ALLMENDE_MAIL_HOST", "")
        .output()
        .await
        .expect("the binary runs");
    assert!(!unset.status.success(), "without mail.host it says so");
    assert!(String::from_utf8_lossy(&unset.stderr).contains("mail.host"));
}
