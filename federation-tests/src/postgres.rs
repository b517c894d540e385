//! Throw-away PostgreSQL databases, one per instance, made and dropped with `psql`.
//!
//! Shelling out to `psql` keeps a PostgreSQL client library out of this crate; the tool is
//! installed wherever a PostgreSQL server for tests is.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// A URL of a PostgreSQL server on which the tests may create and drop databases, e.g.
/// `postgres://postgres@127.0.0.1:5432/postgres`. Unset: PostgreSQL tests are skipped.
pub const POSTGRES_URL_VAR: &str = "ALLMENDE_TEST_POSTGRES_URL";

/// A database of its own for one test, dropped (even with open connections) on drop.
#[derive(Debug)]
pub struct PostgresDatabase {
    admin_url: String,
    name: String,
    url: String,
}

impl PostgresDatabase {
    /// A fresh database on the server named by `ALLMENDE_TEST_POSTGRES_URL`, or `None` when the
    /// variable is unset or empty.
    ///
    /// # Panics
    ///
    /// When the variable is set but the database cannot be created: a CI job that asked for
    /// PostgreSQL must fail, not pass by skipping.
    pub fn from_env() -> Option<Self> {
        let admin_url = std::env::var(POSTGRES_URL_VAR).ok().filter(|url| !url.trim().is_empty())?;
        Some(Self::create(&admin_url))
    }

    /// Creates `allmende_ft_<random hex>` on the server that `admin_url` connects to.
    ///
    /// # Panics
    ///
    /// When `admin_url` is not a `postgres://` URL or `psql` cannot create the database.
    pub fn create(admin_url: &str) -> Self {
        let name = format!("allmende_ft_{}", random_hex());
        let url = database_url(admin_url, &name)
            .unwrap_or_else(|| panic!("{POSTGRES_URL_VAR}={admin_url:?} is not a postgres:// URL"));
        if let Err(message) = psql(admin_url, &format!("CREATE DATABASE {name}")) {
            panic!("{POSTGRES_URL_VAR} is set but database {name} cannot be created: {message}");
        }
        Self { admin_url: admin_url.to_owned(), name, url }
    }

    /// The URL of the new database, for `ALLMENDE_DATABASE_URL`.
    pub fn url(&self) -> &str {
        &self.url
    }

    pub fn name(&self) -> &str {
        &self.name
    }
}

impl Drop for PostgresDatabase {
    fn drop(&mut self) {
        // FORCE ends connections a killed server may have left behind (PostgreSQL 13 and later).
        let sql = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        if let Err(message) = psql(&self.admin_url, &sql) {
            eprintln!("warning: could not drop test database {}: {message}", self.name);
        }
    }
}

/// `admin_url` with its path replaced by `/name`, keeping user, host and query (e.g. sslmode).
fn database_url(admin_url: &str, name: &str) -> Option<String> {
    let mut url = reqwest::Url::parse(admin_url).ok()?;
    if !matches!(url.scheme(), "postgres" | "postgresql") || url.host_str().is_none() {
        return None;
    }
    url.set_path(&format!("/{name}"));
    Some(url.into())
}

/// Runs one SQL statement; the error carries psql's own message.
fn psql(url: &str, sql: &str) -> Result<(), String> {
    run_sql(url, sql).map(|_| ())
}

/// Runs SQL (one or more statements) on the database at `url` with `psql` and returns what it
/// printed: rows unaligned, fields separated by `|`, without headers. For tests that set up or
/// check rows no page shows (say, the delivery queue of several nodes).
///
/// # Errors
///
/// psql's own message when it cannot run or the SQL fails.
pub fn run_sql(url: &str, sql: &str) -> Result<String, String> {
    let output = Command::new("psql")
        // No ~/.psqlrc, no password prompt (it would hang the test), stop at the first error.
        .args(["--no-psqlrc", "--no-password", "--quiet", "--tuples-only", "--no-align"])
        .args(["--set", "ON_ERROR_STOP=1"])
        .args(["--dbname", url, "--command", sql])
        .env("PGCONNECT_TIMEOUT", "10")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run psql (is the PostgreSQL client installed?): {e}"))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(format!("psql {}: {}", output.status, String::from_utf8_lossy(&output.stderr).trim()))
    }
}

/// 64 random bits as hex, from the standard library's randomly keyed hasher (no `rand` needed);
/// the clock, process id and a counter make names unique even across parallel test processes.
fn random_hex() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or_default();
    let value =
        RandomState::new().hash_one((nanos, std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed)));
    format!("{value:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_urls_keep_everything_but_the_path() {
        assert_eq!(
            database_url("postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable", "x").as_deref(),
            Some("postgres://postgres@127.0.0.1:5432/x?sslmode=disable")
        );
        assert_eq!(database_url("postgresql://u:p@db/", "y").as_deref(), Some("postgresql://u:p@db/y"));
        assert_eq!(database_url("sqlite:///tmp/x", "z"), None);
        assert_eq!(database_url("not a url", "z"), None);
    }

    #[test]
    fn random_names_differ() {
        let (a, b) = (random_hex(), random_hex());
        assert_ne!(a, b);
        assert_eq!(a.len(), 16);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
    }
}
