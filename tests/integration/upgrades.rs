//! Upgrades keep everything: a database made by a previous schema, with data in it, is
//! migrated by the current server, and every person, group, thread, reply, follow, event and
//! like is still there, through the pages and the API as well as row by row.
//!
//! Data-driven: each `tests/fixtures/upgrades/NNNN_name.sql` holds rows written against the
//! schema as of migration NNNN (the statements run on both backends), with
//! `NNNN_name.checks` beside it: what the pages must show afterwards. For each fixture the test
//! applies the migrations up to NNNN only, loads the rows, starts the current server (which
//! applies every later migration, including any added since) and checks. Adding a fixture for
//! a newer schema needs no code.
//!
//! Checks, one per line (`#` starts a comment):
//! - `page PATH TEXT`: `GET PATH` answers 200 and shows TEXT (as written in HTML).
//! - `api PATH TEXT`: the same for a JSON answer, signed in through the API as `ana`.
//! - `login NAME`: NAME signs in with the fixture's password (`correct horse battery`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use reqwest::StatusCode;
use sqlx::Connection;
use sqlx::migrate::Migrator;

use crate::common::{Backend, PostgresDatabase, TestApp};

fn fixtures() -> Vec<(i64, PathBuf)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/upgrades");
    let mut found: Vec<(i64, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "sql"))
        .map(|path| {
            let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
            let version = name.split('_').next().and_then(|n| n.parse().ok());
            (version.unwrap_or_else(|| panic!("{name}: NNNN_name.sql")), path)
        })
        .collect();
    found.sort();
    assert!(!found.is_empty(), "no fixtures in {}", dir.display());
    found
}

/// The migrations of `backend` up to `version` only, as the server of that time had them.
async fn migrator_up_to(backend: Backend, version: i64) -> Migrator {
    let dir = match backend {
        Backend::Sqlite => "migrations/sqlite",
        Backend::Postgres => "migrations/postgres",
    };
    let mut migrator =
        Migrator::new(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)).await.expect("migrations");
    let older: Vec<_> = migrator.migrations.iter().filter(|m| m.version <= version).cloned().collect();
    assert!(older.iter().any(|m| m.version == version), "{dir} has no migration {version}");
    migrator.migrations = older.into();
    migrator
}

/// Rows per table in the fixture (counted from its `INSERT INTO table` statements: one row
/// per statement).
fn rows_per_table(sql: &str) -> BTreeMap<String, i64> {
    let mut rows = BTreeMap::new();
    for statement in sql.lines().filter(|line| line.starts_with("INSERT INTO ")) {
        let table = statement["INSERT INTO ".len()..].split([' ', '(']).next().unwrap_or_default();
        *rows.entry(table.to_owned()).or_default() += 1;
    }
    rows
}

/// Makes the old database: migrations up to `version`, then the fixture's rows.
async fn old_database(backend: Backend, url: &str, version: i64, sql: &str) {
    let migrator = migrator_up_to(backend, version).await;
    match backend {
        Backend::Sqlite => {
            let options =
                url.parse::<sqlx::sqlite::SqliteConnectOptions>().expect("URL").create_if_missing(true);
            let mut conn = sqlx::SqliteConnection::connect_with(&options).await.expect("connects");
            migrator.run(&mut conn).await.expect("old migrations");
            sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_owned()))
                .execute(&mut conn)
                .await
                .expect("fixture rows");
            conn.close().await.expect("closes");
        }
        Backend::Postgres => {
            let mut conn = sqlx::PgConnection::connect(url).await.expect("connects");
            migrator.run(&mut conn).await.expect("old migrations");
            sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_owned()))
                .execute(&mut conn)
                .await
                .expect("fixture rows");
            conn.close().await.expect("closes");
        }
    }
}

async fn check(app: &TestApp, fixture: &Path, checks: &str) {
    let mut api_token = None;
    for line in checks.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#')) {
        let (kind, rest) = line.split_once(' ').unwrap_or((line, ""));
        let what = format!("{}: {line}", fixture.display());
        match kind {
            "page" | "api" => {
                let (path, text) = rest.split_once(' ').unwrap_or((rest, ""));
                let mut request = app.client.get(app.url(path));
                if kind == "api" {
                    if api_token.is_none() {
                        api_token = Some(crate::api_support::Api::for_user(app, "ana").await.token);
                    }
                    request = request.bearer_auth(api_token.as_deref().unwrap_or_default());
                }
                let response = request.send().await.expect("answered");
                let status = response.status();
                let body = response.text().await.expect("body");
                assert_eq!(status, StatusCode::OK, "{what}\n{body}");
                assert!(body.contains(text), "{what}: not found in\n{body}");
            }
            "login" => {
                let response = app
                    .post_form("/login", &[("username", rest), ("password", crate::common::PASSWORD)])
                    .await;
                assert_eq!(response.status(), StatusCode::SEE_OTHER, "{what}");
            }
            other => panic!("{what}: unknown check {other}"),
        }
    }
}

async fn count(app: &TestApp, table: &str) -> i64 {
    crate::common::count_rows(app, table).await
}

async fn every_fixture_survives_the_upgrade(backend: Backend) {
    let Some(admin_url) = (match backend {
        Backend::Sqlite => Some(String::new()),
        Backend::Postgres => std::env::var("ALLMENDE_TEST_POSTGRES_URL").ok().filter(|u| !u.is_empty()),
    }) else {
        return eprintln!("skipped: ALLMENDE_TEST_POSTGRES_URL is not set");
    };
    for (version, fixture) in fixtures() {
        let sql = std::fs::read_to_string(&fixture).expect("fixture");
        let checks = std::fs::read_to_string(fixture.with_extension("checks"))
            .unwrap_or_else(|e| panic!("{}: its .checks file: {e}", fixture.display()));
        let dir = tempfile::tempdir().expect("a directory");
        let postgres = match backend {
            Backend::Sqlite => None,
            Backend::Postgres => Some(PostgresDatabase::create(&admin_url).await),
        };
        let url = match &postgres {
            Some(database) => database.url.clone(),
            None => format!("sqlite://{}", dir.path().join("old.sqlite").display()),
        };
        old_database(backend, &url, version, &sql).await;
        let app_url = url.clone();
        let app = TestApp::spawn_configured(backend, move |config| config.database.url = app_url)
            .await
            .expect("the backend is configured");
        for (table, rows) in rows_per_table(&sql) {
            assert!(count(&app, &table).await >= rows, "{}: rows of {table} lost", fixture.display());
        }
        check(&app, &fixture, &checks).await;
        drop(app);
        drop(postgres);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_fixture_survives_the_upgrade_sqlite() {
    every_fixture_survives_the_upgrade(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_fixture_survives_the_upgrade_postgres() {
    every_fixture_survives_the_upgrade(Backend::Postgres).await;
}
