//! Pools, connections and transactions for the two backends, behind one small enum each.

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgConnection, PgPool, Postgres, Sqlite, SqliteConnection, SqlitePool, Transaction};

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("unique constraint violated: {0}")]
    UniqueViolation(String),
    /// Text the database cannot store (PostgreSQL refuses NUL characters): bad input, not a
    /// fault of ours.
    #[error("text the database cannot store")]
    InvalidText,
    #[error("database error: {0}")]
    Sqlx(sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("unsupported database URL (expected sqlite:// or postgres://): {0}")]
    UnsupportedUrl(String),
}

impl From<sqlx::Error> for DbError {
    fn from(error: sqlx::Error) -> Self {
        if let sqlx::Error::Database(db_error) = &error
            && db_error.is_unique_violation()
        {
            return DbError::UniqueViolation(db_error.constraint().unwrap_or_default().to_owned());
        }
        // 22021: character_not_in_repertoire, e.g. a NUL byte sent to PostgreSQL.
        if let sqlx::Error::Database(db_error) = &error
            && db_error.code().as_deref() == Some("22021")
        {
            return DbError::InvalidText;
        }
        DbError::Sqlx(error)
    }
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// A moment's look at a pool (for `/metrics`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolFigures {
    pub open: u32,
    pub idle: u32,
    pub max: u32,
}

impl DbError {
    /// A failure that passes by itself: the database is busy or locked (SQLite `SQLITE_BUSY`,
    /// `SQLITE_LOCKED`; PostgreSQL lock, serialization and connection failures), its disk is
    /// full (SQLite `SQLITE_FULL`, PostgreSQL `disk_full`), the pool had no free connection in
    /// time, the server could not be reached or the connection broke (refused, reset, closed,
    /// the server shutting down). Answered 503 with `Retry-After`, never as a refusal of the
    /// request's content; the write it was part of was rolled back.
    pub fn is_transient(&self) -> bool {
        let DbError::Sqlx(error) = self else { return false };
        match error {
            // `Protocol` and `Tls`: a connection being opened that the network cut half-way
            // (sqlx reads a closed socket during the TLS request as a stray byte).
            sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::Io(_)
            | sqlx::Error::Protocol(_)
            | sqlx::Error::Tls(_)
            | sqlx::Error::WorkerCrashed => true,
            sqlx::Error::Database(db_error) => {
                let code = db_error.code().unwrap_or_default();
                if db_error.try_downcast_ref::<sqlx::postgres::PgDatabaseError>().is_some() {
                    // Serialization failure, deadlock, lock not available, disk full, out of
                    // memory, too many connections, the server shutting down or not accepting
                    // connections yet, and the connection exceptions (08...).
                    matches!(
                        code.as_ref(),
                        "40001"
                            | "40P01"
                            | "55P03"
                            | "53100"
                            | "53200"
                            | "53300"
                            | "57P01"
                            | "57P02"
                            | "57P03"
                    ) || code.starts_with("08")
                } else {
                    // SQLite: SQLITE_BUSY (5), SQLITE_LOCKED (6) and SQLITE_FULL (13), in the low
                    // byte of the extended code.
                    code.parse::<i64>().is_ok_and(|sqlite| matches!(sqlite & 0xff, 5 | 6 | 13))
                }
            }
            _ => false,
        }
    }
}

/// A pool of either backend. Cloning is cheap (pools are reference counted).
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// A borrowed connection of either backend, what every repository function takes.
pub enum Conn<'c> {
    Sqlite(&'c mut SqliteConnection),
    Postgres(&'c mut PgConnection),
}

/// A connection checked out of the pool.
pub enum PooledConn {
    Sqlite(sqlx::pool::PoolConnection<Sqlite>),
    Postgres(sqlx::pool::PoolConnection<Postgres>),
}

/// An open transaction; dropped without [`Tx::commit`] it rolls back.
pub enum Tx {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

/// Turns on SQLite's query planner stability guarantee for a new connection: a statement is
/// planned once, whatever values are bound to it later.
///
/// Without it SQLite (3.47 and later) plans a statement with `LIMIT $n` for the value bound to
/// `$n`, and marks the plan stale whenever that parameter is bound again, so every execution of
/// a cached statement with a bound `LIMIT` (nearly every page query) was parsed and planned
/// anew: measured with callgrind on the thread page, a quarter of the server's instructions
/// went to `sqlite3Reprepare`. The guarantee costs nothing here: our `LIKE` patterns do not use
/// indexes either way, and the query plan tests (`perf/tests/query_plans.rs`) check the plans
/// the pool's connections really make.
async fn plan_statements_once(conn: &mut SqliteConnection) -> Result<(), sqlx::Error> {
    let mut handle = conn.lock_handle().await?;
    let db = handle.as_raw_handle().as_ptr();
    // SAFETY: `db` is the open connection's handle, held locked for this call; the option takes
    // an int (1: on) and an int pointer for the old value, which may be null.
    let rc = unsafe {
        libsqlite3_sys::sqlite3_db_config(
            db,
            libsqlite3_sys::SQLITE_DBCONFIG_ENABLE_QPSG,
            1 as std::ffi::c_int,
            std::ptr::null_mut::<std::ffi::c_int>(),
        )
    };
    if rc == libsqlite3_sys::SQLITE_OK {
        Ok(())
    } else {
        Err(sqlx::Error::Configuration(
            format!("SQLite refused the query planner stability guarantee ({rc})").into(),
        ))
    }
}

impl Db {
    /// Connects by URL scheme. SQLite files are created on first use and run in WAL mode.
    pub async fn connect(url: &str, max_connections: u32) -> Result<Self, DbError> {
        if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(10))
                .foreign_keys(true);
            let pool = SqlitePoolOptions::new()
                .max_connections(max_connections)
                .acquire_timeout(Duration::from_secs(10))
                .after_connect(|conn, _| Box::pin(plan_statements_once(conn)))
                .connect_with(options)
                .await?;
            Ok(Db::Sqlite(pool))
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            // Our queries are short and index-driven; the planner's cost estimate for a LIMIT over
            // an index scan can still pass `jit_above_cost`, and compiling then takes longer than
            // the query (measured: 30 ms of JIT for a 0.5 ms home timeline), so JIT is off.
            //
            // A lock held by another session is waited for at most 10 s, as SQLite's busy
            // timeout: then the statement fails (`lock_not_available`, a 503) instead of the
            // request hanging until its own deadline.
            let options = PgConnectOptions::from_str(url)?.options([("jit", "off"), ("lock_timeout", "10s")]);
            let pool = PgPoolOptions::new()
                .max_connections(max_connections)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(options)
                .await?;
            Ok(Db::Postgres(pool))
        } else {
            Err(DbError::UnsupportedUrl(url.to_owned()))
        }
    }

    pub async fn migrate(&self) -> Result<(), DbError> {
        match self {
            Db::Sqlite(pool) => SQLITE_MIGRATIONS.run(pool).await?,
            Db::Postgres(pool) => POSTGRES_MIGRATIONS.run(pool).await?,
        }
        Ok(())
    }

    /// The versions of the migrations this build carries, in order (for `/readyz`).
    pub fn known_migration_versions(&self) -> Vec<i64> {
        let migrator = match self {
            Db::Sqlite(_) => &SQLITE_MIGRATIONS,
            Db::Postgres(_) => &POSTGRES_MIGRATIONS,
        };
        migrator.iter().filter(|m| !m.migration_type.is_down_migration()).map(|m| m.version).collect()
    }

    /// The pool's open connections, how many of them are idle, and its largest size.
    pub fn pool_figures(&self) -> PoolFigures {
        let (size, idle, max) = match self {
            Db::Sqlite(pool) => (pool.size(), pool.num_idle(), pool.options().get_max_connections()),
            Db::Postgres(pool) => (pool.size(), pool.num_idle(), pool.options().get_max_connections()),
        };
        PoolFigures { open: size, idle: u32::try_from(idle).unwrap_or(u32::MAX), max }
    }

    pub fn backend_name(&self) -> &'static str {
        match self {
            Db::Sqlite(_) => "sqlite",
            Db::Postgres(_) => "postgres",
        }
    }

    pub async fn acquire(&self) -> Result<PooledConn, DbError> {
        Ok(match self {
            Db::Sqlite(pool) => PooledConn::Sqlite(pool.acquire().await?),
            Db::Postgres(pool) => PooledConn::Postgres(pool.acquire().await?),
        })
    }

    /// Starts a write transaction. SQLite takes the write lock up front (`BEGIN IMMEDIATE`) so
    /// two writers wait for each other instead of failing on lock upgrade.
    pub async fn begin(&self) -> Result<Tx, DbError> {
        Ok(match self {
            Db::Sqlite(pool) => Tx::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
            Db::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    pub async fn close(&self) {
        match self {
            Db::Sqlite(pool) => pool.close().await,
            Db::Postgres(pool) => pool.close().await,
        }
    }
}

impl PooledConn {
    pub fn conn(&mut self) -> Conn<'_> {
        match self {
            PooledConn::Sqlite(c) => Conn::Sqlite(c),
            PooledConn::Postgres(c) => Conn::Postgres(c),
        }
    }
}

impl Tx {
    pub fn conn(&mut self) -> Conn<'_> {
        match self {
            Tx::Sqlite(tx) => Conn::Sqlite(tx),
            Tx::Postgres(tx) => Conn::Postgres(tx),
        }
    }

    pub async fn commit(self) -> Result<(), DbError> {
        match self {
            Tx::Sqlite(tx) => tx.commit().await?,
            Tx::Postgres(tx) => tx.commit().await?,
        }
        super::writes::note();
        Ok(())
    }
}
