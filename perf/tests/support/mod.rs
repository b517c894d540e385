//! What the perf tests share: a small seeded database on either backend, and the real
//! application serving it.

#![allow(dead_code)]

use std::sync::Arc;

use allmende::config::Config;
use allmende::db::Db;
use allmende::domain::SystemClock;
use allmende::startup::Application;
use allmende_perf::seed::{SeedOptions, SeedReport, seed_database};
use sqlx::Connection as _;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The size the CI runs: big enough for long threads, big groups and several pages everywhere.
pub const SMALL: SeedOptions = SeedOptions { users: 300, groups: 40, posts: 5_000, seed: 7 };

/// A seeded database; a PostgreSQL one is dropped by [`Seeded::drop_database`].
pub struct Seeded {
    pub config: Config,
    pub report: SeedReport,
    pub backend: Backend,
    _data_dir: tempfile::TempDir,
    postgres: Option<(String, String)>,
}

/// The PostgreSQL server of the tests, or None when PostgreSQL tests are not enabled.
pub fn postgres_admin_url() -> Option<String> {
    std::env::var("ALLMENDE_TEST_POSTGRES_URL").ok().filter(|u| !u.is_empty())
}

/// Seeds a new database of `backend` through the generator's library API. The PostgreSQL
/// database does not exist before: the generator creates it.
pub async fn seed(backend: Backend, options: SeedOptions) -> Option<Seeded> {
    let data_dir = tempfile::tempdir().expect("temporary data directory");
    let mut config = Config::defaults().expect("built-in configuration");
    config.bind = "127.0.0.1:0".into();
    config.domain = "localhost".into();
    config.insecure_http = true;
    config.data_dir = data_dir.path().to_owned();
    config.database.max_connections = 5;
    let mut postgres = None;
    if backend == Backend::Postgres {
        let admin = postgres_admin_url()?;
        let name = format!("allmende_test_perf_{:016x}", rand::random::<u64>());
        let mut url = url::Url::parse(&admin).expect("ALLMENDE_TEST_POSTGRES_URL is a URL");
        url.set_path(&format!("/{name}"));
        config.database.url = url.to_string();
        postgres = Some((admin, name));
    }
    let report = seed_database(&config, options, false).await.expect("seeding");
    Some(Seeded { config, report, backend, _data_dir: data_dir, postgres })
}

impl Seeded {
    pub async fn db(&self) -> Db {
        Db::connect(&self.config.database_url(), 2).await.expect("connect to the seeded database")
    }

    pub async fn drop_database(self) {
        if let Some((admin, name)) = &self.postgres
            && let Ok(mut connection) = sqlx::PgConnection::connect(admin).await
        {
            let _ = sqlx::query(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")))
                .execute(&mut connection)
                .await;
        }
    }
}

/// The application as `allmende serve` runs it, on the seeded database.
pub struct Served {
    pub base: String,
    pub client: reqwest::Client,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    server: tokio::task::JoinHandle<()>,
}

pub async fn serve(seeded: &Seeded) -> Served {
    let app = Application::build_with_clock(seeded.config.clone(), Arc::new(SystemClock))
        .await
        .expect("the application starts on the seeded database");
    let port = app.local_addr().expect("bound address").port();
    let (shutdown, shutdown_rx) = tokio::sync::oneshot::channel();
    let server = tokio::spawn(async move {
        let _ = app
            .run_until(async {
                let _ = shutdown_rx.await;
            })
            .await;
    });
    Served {
        base: format!("http://127.0.0.1:{port}"),
        client: reqwest::Client::builder().build().expect("http client"),
        shutdown: Some(shutdown),
        server,
    }
}

impl Served {
    pub async fn stop(mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        let _ = (&mut self.server).await;
    }

    /// GETs `path` (with a Host header of the configured domain) and expects 200; the body.
    pub async fn page(&self, path: &str) -> String {
        let response = self
            .client
            .get(format!("{}{path}", self.base))
            .header("host", "localhost")
            .header("accept-language", "en")
            .send()
            .await
            .unwrap_or_else(|e| panic!("GET {path}: {e}"));
        let status = response.status();
        let body = response.text().await.unwrap_or_default();
        assert_eq!(
            status,
            200,
            "GET {path} answered {status}: {}",
            body.chars().take(500).collect::<String>()
        );
        body
    }

    pub async fn json(&self, path: &str) -> serde_json::Value {
        serde_json::from_str(&self.page(path).await).unwrap_or_else(|e| panic!("GET {path}: not JSON: {e}"))
    }
}

/// Runs one query returning one i64 on either backend.
pub async fn scalar(db: &Db, sql: &str) -> i64 {
    let sql = sqlx::AssertSqlSafe(sql.to_owned());
    match db {
        Db::Sqlite(pool) => sqlx::query_scalar(sql).fetch_one(pool).await,
        Db::Postgres(pool) => sqlx::query_scalar(sql).fetch_one(pool).await,
    }
    .unwrap_or_else(|e| panic!("query failed: {e}"))
}

/// Runs one query returning (text) rows on either backend.
pub async fn strings(db: &Db, sql: &str) -> Vec<String> {
    let sql = sqlx::AssertSqlSafe(sql.to_owned());
    match db {
        Db::Sqlite(pool) => sqlx::query_scalar(sql).fetch_all(pool).await,
        Db::Postgres(pool) => sqlx::query_scalar(sql).fetch_all(pool).await,
    }
    .unwrap_or_else(|e| panic!("query failed: {e}"))
}
