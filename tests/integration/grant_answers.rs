//! The answers of the OAuth password grant and of starting a server, from the `invalid_grant`
//! investigation (issue 16): only a wrong name or password is `invalid_grant`; a lockout is a
//! limit (429), and a server whose port is taken gives up before it touches its database.

use reqwest::StatusCode;

use crate::api_support::{password_grant, register_app};
use crate::common::{Backend, PASSWORD, TestApp};

/// After failed sign-ins lock this client out, the correct password is refused with 429 (a
/// limit), never with `invalid_grant` ("wrong username or password"), which clients show as a
/// wrong password.
async fn a_lockout_is_a_limit_not_a_wrong_password(backend: Backend) {
    let Some(app) = TestApp::spawn_configured(backend, |config| {
        config.oauth.password_grant = true;
        config.auth.attempts_per_minute = 1000;
    })
    .await
    else {
        return eprintln!("skipped: ALLMENDE_TEST_POSTGRES_URL is not set");
    };
    app.create_user("ana").await;
    let registered = register_app(&app, "read").await;
    let max_failures = app.ctx.settings.max_failed_logins;
    for attempt in 1..max_failures {
        let (status, body) = password_grant(&app, &registered, "ana", "wrong password").await;
        assert_eq!(
            (status, body["error"].as_str()),
            (StatusCode::BAD_REQUEST, Some("invalid_grant")),
            "{attempt}"
        );
    }
    let (status, body) = password_grant(&app, &registered, "ana", "wrong password").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "the failure that starts the lockout: {body}");
    let (status, body) = password_grant(&app, &registered, "ana", PASSWORD).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "the correct password while locked: {body}");
    assert_ne!(body["error"].as_str(), Some("invalid_grant"), "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lockout_is_a_limit_not_a_wrong_password_sqlite() {
    a_lockout_is_a_limit_not_a_wrong_password(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lockout_is_a_limit_not_a_wrong_password_postgres() {
    a_lockout_is_a_limit_not_a_wrong_password(Backend::Postgres).await;
}

/// `allmende serve` on a port another process holds exits at once, before it creates or
/// migrates its database: the port is claimed first, so a start that lost the race for a port
/// ends before anyone could take the other server for it. (Before, the server migrated first,
/// for seconds on a busy machine, while another server answered on its port.)
#[test]
fn a_taken_port_ends_the_start_before_the_database_is_touched() {
    let holder = std::net::TcpListener::bind(("127.0.0.1", 0)).expect("binds");
    let port = holder.local_addr().expect("address").port();
    let data_dir = tempfile::tempdir().expect("a temporary directory");
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_allmende"));
    for (key, _) in std::env::vars() {
        if key.starts_with("ALLMENDE_") {
            command.env_remove(key);
        }
    }
    let output = command
        .env("ALLMENDE_BIND", format!("127.0.0.1:{port}"))
        .env("ALLMENDE_DOMAIN", format!("localhost:{port}"))
        .env("ALLMENDE_DATA_DIR", data_dir.path())
        .env("ALLMENDE_INSECURE_HTTP", "1")
        .arg("serve")
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{stderr}");
    assert!(stderr.contains("cannot listen on"), "{stderr}");
    let created: Vec<_> = std::fs::read_dir(data_dir.path())
        .map(|entries| entries.flatten().map(|entry| entry.file_name()).collect())
        .unwrap_or_default();
    assert!(created.is_empty(), "the database was touched before the bind: {created:?}");
    drop(holder);
}
