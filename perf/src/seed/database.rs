//! Opening the database to seed (created and migrated through the application's own
//! migrations if new, refused unless empty), the connection settings for bulk writing, and the
//! final counts.

use std::str::FromStr;

use allmende::config::Config;
use allmende::db::Db;
use anyhow::Context as _;
use sqlx::Connection as _;

/// The tables the final count reports, parents first.
pub const COUNTED: &[&str] = &[
    "instances",
    "actors",
    "accounts",
    "group_moderators",
    "follows",
    "posts",
    "post_hashtags",
    "boosts",
    "likes",
    "notifications",
    "events",
    "event_participants",
    "projects",
];

/// `url` with its password hidden, for messages.
pub fn redact(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        _ => url.to_owned(),
    }
}

/// The start of the current day (UTC), in Unix milliseconds: every seeded time lies before it,
/// and a seed run on the same day makes the same rows.
pub fn anchor_now() -> i64 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0);
    now - now % super::plan::DAY
}

/// Creates the PostgreSQL database when it does not exist yet (connecting to the server's
/// `postgres` database to do so).
async fn create_postgres_database(url: &str) -> anyhow::Result<()> {
    let options = sqlx::postgres::PgConnectOptions::from_str(url)?;
    match sqlx::PgConnection::connect_with(&options).await {
        Ok(connection) => {
            connection.close().await?;
            return Ok(());
        }
        Err(sqlx::Error::Database(error)) if error.code().as_deref() == Some("3D000") => {}
        Err(error) => return Err(error).context("connecting to PostgreSQL"),
    }
    let name = options.get_database().unwrap_or("postgres").to_owned();
    if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        anyhow::bail!("will only create databases named with letters, digits and _, not {name:?}");
    }
    let mut admin = sqlx::PgConnection::connect_with(&options.database("postgres"))
        .await
        .context("connecting to the postgres database to create the new one")?;
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).execute(&mut admin).await?;
    admin.close().await?;
    Ok(())
}

/// Connects as `allmende` does (creating the data directory, the SQLite file or the PostgreSQL
/// database, and running the migrations), and refuses a database that holds any content.
pub async fn open_empty(config: &Config, url: &str) -> anyhow::Result<Db> {
    if url.starts_with("postgres:") || url.starts_with("postgresql:") {
        create_postgres_database(url).await?;
    }
    let mut config = config.clone();
    config.database.url = url.to_owned();
    let db = allmende::startup::connect_database(&config).await.context("opening the database")?;
    let sql =
        "SELECT (SELECT COUNT(*) FROM actors WHERE kind <> 'application') + (SELECT COUNT(*) FROM posts)";
    let content: i64 = match &db {
        Db::Sqlite(pool) => sqlx::query_scalar(sql).fetch_one(pool).await?,
        Db::Postgres(pool) => sqlx::query_scalar(sql).fetch_one(pool).await?,
    };
    if content > 0 {
        anyhow::bail!(
            "{} is not empty ({content} people, groups or posts): seed only a new database",
            redact(url)
        );
    }
    Ok(db)
}

/// A pool of one connection for bulk writing. On SQLite, the writes skip `fsync` (a seeding
/// run that crashes is simply started again on a new file) and use a large page cache.
pub async fn seeding_pool(config: &Config, url: &str) -> anyhow::Result<Db> {
    let db = Db::connect(url, 1).await?;
    let _ = config;
    if let Db::Sqlite(pool) = &db {
        let mut connection = pool.acquire().await?;
        for pragma in
            ["PRAGMA synchronous = OFF", "PRAGMA cache_size = -200000", "PRAGMA temp_store = MEMORY"]
        {
            sqlx::query(pragma).execute(&mut *connection).await?;
        }
    }
    Ok(db)
}

/// The password hash the application stored for the admin; every seeded account gets it (one
/// Argon2 hash instead of one per account).
pub async fn password_hash(db: &Db, admin: i64) -> anyhow::Result<String> {
    let hash = match db {
        Db::Sqlite(pool) => {
            sqlx::query_scalar::<_, String>("SELECT password_hash FROM accounts WHERE actor_id = $1")
                .bind(admin)
                .fetch_one(pool)
                .await?
        }
        Db::Postgres(pool) => {
            sqlx::query_scalar::<_, String>("SELECT password_hash FROM accounts WHERE actor_id = $1")
                .bind(admin)
                .fetch_one(pool)
                .await?
        }
    };
    Ok(hash)
}

/// After the bulk writes: the SQLite WAL folded into the database file; PostgreSQL's statistics
/// brought up to date (as autovacuum would soon do).
pub async fn finish(db: &Db) -> anyhow::Result<()> {
    match db {
        Db::Sqlite(pool) => {
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(pool).await?;
        }
        Db::Postgres(pool) => {
            sqlx::query("ANALYZE").execute(pool).await?;
        }
    }
    Ok(())
}

/// Rows per table, counted in the database.
pub async fn count_rows(config: &Config, url: &str) -> anyhow::Result<Vec<(&'static str, u64)>> {
    let _ = config;
    let db = Db::connect(url, 1).await?;
    let mut rows = Vec::new();
    for table in COUNTED {
        let sql = sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}"));
        let count: i64 = match &db {
            Db::Sqlite(pool) => sqlx::query_scalar(sql).fetch_one(pool).await?,
            Db::Postgres(pool) => sqlx::query_scalar(sql).fetch_one(pool).await?,
        };
        rows.push((*table, count as u64));
    }
    db.close().await;
    Ok(rows)
}
