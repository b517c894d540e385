//! The test harness: the real application built from configuration, on a fresh database per
//! test, on SQLite always and on PostgreSQL when `ALLMENDE_TEST_POSTGRES_URL` is set.

use std::sync::Arc;

use allmende::config::Config;
use allmende::domain::time::ManualClock;
use allmende::domain::{Clock, SystemClock};
use allmende::service::{Context, CurrentUser, accounts};
use allmende::startup::Application;
use reqwest::cookie::CookieStore;
use reqwest::{Response, StatusCode};
use sqlx::Connection;

pub const PASSWORD: &str = "correct horse battery";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Runs each named `async fn(TestApp)` once per backend, as `name::sqlite` and `name::postgres`.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name($crate::common::TestApp::spawn($crate::common::Backend::Sqlite).await).await
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                match $crate::common::TestApp::spawn_postgres().await {
                    Some(app) => super::$name(app).await,
                    None => eprintln!("skipped: ALLMENDE_TEST_POSTGRES_URL is not set"),
                }
            }
        }
    )*};
}

pub struct TestApp {
    pub base_url: String,
    pub ctx: Context,
    /// The whole application state, e.g. to drain the delivery queue.
    pub state: allmende::state::AppState,
    pub clock: Arc<ManualClock>,
    pub client: reqwest::Client,
    pub cookies: Arc<reqwest::cookie::Jar>,
    pub backend: Backend,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<()>>,
    postgres: Option<PostgresDatabase>,
    _data_dir: tempfile::TempDir,
}

impl TestApp {
    pub async fn spawn(backend: Backend) -> Self {
        match backend {
            Backend::Sqlite => Self::spawn_with(backend, None, |_| {}).await,
            Backend::Postgres => Self::spawn_postgres().await.expect("ALLMENDE_TEST_POSTGRES_URL is not set"),
        }
    }

    /// A PostgreSQL-backed app, or `None` when PostgreSQL tests are not enabled. Panics when they
    /// are enabled but the server cannot be reached: CI must not pass silently.
    pub async fn spawn_postgres() -> Option<Self> {
        Self::spawn_postgres_with(|_| {}).await
    }

    pub async fn spawn_postgres_with(configure: impl FnOnce(&mut Config)) -> Option<Self> {
        let admin_url = std::env::var("ALLMENDE_TEST_POSTGRES_URL").ok().filter(|u| !u.is_empty())?;
        let database = PostgresDatabase::create(&admin_url).await;
        Some(Self::spawn_with(Backend::Postgres, Some(database), configure).await)
    }

    pub async fn spawn_configured(backend: Backend, configure: impl FnOnce(&mut Config)) -> Option<Self> {
        match backend {
            Backend::Sqlite => Some(Self::spawn_with(backend, None, configure).await),
            Backend::Postgres => Self::spawn_postgres_with(configure).await,
        }
    }

    async fn spawn_with(
        backend: Backend,
        postgres: Option<PostgresDatabase>,
        configure: impl FnOnce(&mut Config),
    ) -> Self {
        let data_dir = tempfile::tempdir().expect("temporary data directory");
        let mut config = Config::defaults().expect("built-in configuration");
        config.bind = "127.0.0.1:0".into();
        config.domain = "localhost".into();
        config.insecure_http = true;
        config.data_dir = data_dir.path().to_owned();
        config.database.max_connections = 5;
        config.database.url = match &postgres {
            Some(database) => database.url.clone(),
            None => String::new(),
        };
        configure(&mut config);
        let clock = Arc::new(ManualClock::new(SystemClock.now()));
        let app = Application::build_with_clock(config, clock.clone())
            .await
            .expect("application builds")
            .without_background_delivery();
        let port = app.local_addr().expect("bound address").port();
        let ctx = app.state().ctx.clone();
        let state = app.state().clone();
        let (shutdown, shutdown_rx) = tokio::sync::oneshot::channel();
        let server = tokio::spawn(async move {
            let _ = app
                .run_until(async {
                    let _ = shutdown_rx.await;
                })
                .await;
        });
        let cookies = Arc::new(reqwest::cookie::Jar::default());
        Self {
            base_url: format!("http://127.0.0.1:{port}"),
            ctx,
            state,
            clock,
            client: client(cookies.clone()),
            cookies,
            backend,
            shutdown: Some(shutdown),
            server: Some(server),
            postgres,
            _data_dir: data_dir,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client.get(self.url(path)).send().await.expect("GET succeeds")
    }

    pub async fn get_html(&self, path: &str) -> (StatusCode, String) {
        let response = self.get(path).await;
        let status = response.status();
        (status, response.text().await.expect("body"))
    }

    /// The CSRF token the browser holds, fetching a page first if it holds none.
    pub async fn csrf_token(&self) -> String {
        if let Some(token) = self.cookie("allmende_csrf") {
            return token;
        }
        self.get("/").await;
        self.cookie("allmende_csrf").expect("the site sets a CSRF cookie")
    }

    pub fn cookie(&self, name: &str) -> Option<String> {
        let url = self.base_url.parse().expect("base url");
        let header = self.cookies.cookies(&url)?;
        header
            .to_str()
            .ok()?
            .split(';')
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value.to_owned())
    }

    /// Posts a form with the right CSRF token, as the browser would.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        let token = self.csrf_token().await;
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf_token", &token));
        self.client.post(self.url(path)).form(&form).send().await.expect("POST succeeds")
    }

    /// Creates an account directly through the service (fast) and signs in over HTTP.
    pub async fn signed_in_user(&self, name: &str) -> CurrentUser {
        let user = self.create_user(name).await;
        self.sign_in(name).await;
        user
    }

    pub async fn create_user(&self, name: &str) -> CurrentUser {
        accounts::create_account(
            &self.ctx,
            accounts::NewAccount {
                username: name.into(),
                email: Some(format!("{name}@example.org")),
                password: PASSWORD.into(),
                admin: false,
            },
        )
        .await
        .expect("account is created")
    }

    pub async fn sign_in(&self, name: &str) {
        let response = self.post_form("/login", &[("username", name), ("password", PASSWORD)]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "sign-in of {name} redirects");
        assert!(self.cookie("allmende_session").is_some(), "a session cookie is set");
    }

    /// A second browser on the same server, with its own cookies.
    pub fn new_browser(&self) -> Browser {
        let cookies = Arc::new(reqwest::cookie::Jar::default());
        Browser { base_url: self.base_url.clone(), client: client(cookies.clone()), cookies }
    }
}

fn client(cookies: Arc<reqwest::cookie::Jar>) -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_provider(cookies)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("http client")
}

/// Another person's browser against the same app.
pub struct Browser {
    pub base_url: String,
    pub client: reqwest::Client,
    pub cookies: Arc<reqwest::cookie::Jar>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(server) = self.server.take() {
            server.abort();
        }
    }
}

/// A database of its own for one test, dropped afterwards.
pub struct PostgresDatabase {
    admin_url: String,
    name: String,
    pub url: String,
}

impl PostgresDatabase {
    pub async fn create(admin_url: &str) -> Self {
        let name = format!("allmende_test_{:016x}", rand::random::<u64>());
        let mut admin = sqlx::PgConnection::connect(admin_url).await.unwrap_or_else(|e| {
            panic!("ALLMENDE_TEST_POSTGRES_URL is set but PostgreSQL is unreachable: {e}")
        });
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut admin)
            .await
            .expect("create test database");
        let mut url = url::Url::parse(admin_url).expect("ALLMENDE_TEST_POSTGRES_URL is a URL");
        url.set_path(&format!("/{name}"));
        Self { admin_url: admin_url.to_owned(), name, url: url.to_string() }
    }
}

impl Drop for PostgresDatabase {
    fn drop(&mut self) {
        let admin_url = self.admin_url.clone();
        let statement = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        let _ = std::thread::spawn(move || {
            let Ok(runtime) = tokio::runtime::Builder::new_current_thread().enable_all().build() else {
                return;
            };
            runtime.block_on(async move {
                if let Ok(mut admin) = sqlx::PgConnection::connect(&admin_url).await {
                    let _ = sqlx::query(sqlx::AssertSqlSafe(statement)).execute(&mut admin).await;
                }
            });
        })
        .join();
    }
}

/// Pulls the value of a `name="csrf_token"`-style hidden field or any attribute out of HTML.
pub fn location(response: &Response) -> String {
    response
        .headers()
        .get(reqwest::header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// Rows in a table, for checking that refused input stored nothing.
pub async fn count_rows(app: &TestApp, table: &str) -> i64 {
    let sql = format!("SELECT COUNT(*) FROM {table}");
    let mut conn = app.ctx.db.acquire().await.expect("connection");
    match conn.conn() {
        allmende::db::Conn::Sqlite(c) => sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).fetch_one(c).await,
        allmende::db::Conn::Postgres(c) => sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).fetch_one(c).await,
    }
    .expect("count")
}
