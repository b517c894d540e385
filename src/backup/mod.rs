//! `allmende backup` and `allmende restore`: one `.tar.gz` holding a consistent snapshot of the
//! database (which also holds the instance actor's signing key and every secret), the uploaded
//! media and a manifest. The backup runs beside a serving instance; a restore goes into an
//! empty data directory or database, and the next start migrates it as usual.

pub mod archive;
pub mod manifest;
mod pg_tools;
mod progress;

use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};

use crate::config::Config;
use crate::db::{self, Db};
use manifest::Manifest;
use progress::{Progress, size};

const SQLITE_ENTRY: &str = "database.sqlite";
const POSTGRES_ENTRY: &str = "database.pgdump";

/// The database the configuration names.
enum Database {
    Sqlite { url: String, path: PathBuf },
    Postgres { url: String },
}

impl Database {
    fn of(config: &Config) -> anyhow::Result<Self> {
        let url = config.database_url();
        if let Some(rest) = url.strip_prefix("sqlite:") {
            let rest = rest.strip_prefix("//").unwrap_or(rest);
            let path = rest.split('?').next().unwrap_or_default();
            if path.is_empty() || path.starts_with(':') {
                bail!("the database {url} is not a file: there is nothing to back up or restore");
            }
            Ok(Self::Sqlite { path: PathBuf::from(path), url })
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Self::Postgres { url })
        } else {
            bail!("unsupported database URL (expected sqlite:// or postgres://): {url}")
        }
    }

    fn backend(&self) -> &'static str {
        match self {
            Self::Sqlite { .. } => "sqlite",
            Self::Postgres { .. } => "postgres",
        }
    }

    fn entry(&self) -> &'static str {
        match self {
            Self::Sqlite { .. } => SQLITE_ENTRY,
            Self::Postgres { .. } => POSTGRES_ENTRY,
        }
    }

    fn url(&self) -> &str {
        match self {
            Self::Sqlite { url, .. } | Self::Postgres { url } => url,
        }
    }
}

/// A folder for intermediate files next to the target, removed when done (or failed).
struct WorkDir(PathBuf);

impl WorkDir {
    fn beside(file: &Path) -> anyhow::Result<Self> {
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("allmende-backup");
        let dir = file.with_file_name(format!(".{name}.work-{}", std::process::id()));
        std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
        Ok(Self(dir))
    }
}

impl Drop for WorkDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `allmende backup --output FILE`: safe to run while the server serves.
pub async fn backup(config: &Config, output: &Path) -> anyhow::Result<archive::Contents> {
    if output.exists() {
        bail!("{} already exists: choose a new file name", output.display());
    }
    let database = Database::of(config)?;
    let work = WorkDir::beside(output)?;
    let snapshot = work.0.join(database.entry());
    Progress::step(&format!("Taking a snapshot of the {} database", database.backend()));
    match &database {
        Database::Sqlite { url, path } => {
            if !path.exists() {
                bail!("there is no database at {}: nothing to back up", path.display());
            }
            let target = snapshot.to_str().context("the output path is not valid UTF-8")?;
            let db = Db::connect(url, 1).await.context("cannot open the database")?;
            let copied = match &db {
                Db::Sqlite(pool) => db::snapshot::sqlite_vacuum_into(pool, target).await,
                Db::Postgres(_) => Ok(()),
            };
            db.close().await;
            copied.context("cannot take a snapshot of the database")?;
        }
        Database::Postgres { url } => {
            let (url, file) = (url.clone(), snapshot.clone());
            tokio::task::spawn_blocking(move || pg_tools::dump(&url, &file)).await??;
        }
    }
    let manifest = Manifest::new(database.backend(), database.entry());
    let media_dir = config.data_dir.join("media");
    let partial = work.0.join("archive.partial");
    let media = archive::list_media(&media_dir)?;
    let written = partial.clone();
    let contents = tokio::task::spawn_blocking(move || {
        archive::write(&written, &manifest, &snapshot, &media_dir, &media)
    })
    .await??;
    std::fs::rename(&partial, output)
        .with_context(|| format!("cannot move the archive to {}", output.display()))?;
    Ok(contents)
}

/// `allmende restore --input FILE`: into an empty database and media folder only.
pub async fn restore(config: &Config, input: &Path) -> anyhow::Result<archive::Contents> {
    if !input.is_file() {
        bail!("{} is not a file", input.display());
    }
    let database = Database::of(config)?;
    let media_dir = config.data_dir.join("media");
    std::fs::create_dir_all(&config.data_dir)
        .with_context(|| format!("cannot create the data directory {}", config.data_dir.display()))?;
    refuse_unless_empty(&database, &media_dir).await?;
    let work = match &database {
        Database::Sqlite { path, .. } => WorkDir::beside(path)?,
        Database::Postgres { .. } => WorkDir::beside(&config.data_dir.join("restore"))?,
    };
    let restored = work.0.join(database.entry());
    // Media wait beside their folder until the database is in place: a failed restore leaves the
    // target as empty as it was, so it can simply be run again.
    let media_work = WorkDir::beside(&media_dir)?;
    let staged_media = media_work.0.join("media");
    let (archive_path, target, media_target, backend) =
        (input.to_owned(), restored.clone(), staged_media.clone(), database.backend());
    let (_, contents) = tokio::task::spawn_blocking(move || {
        archive::extract(
            &archive_path,
            &archive::Targets { database: &target, media_dir: &media_target, backend },
        )
    })
    .await??;
    match &database {
        Database::Sqlite { path, .. } => {
            for stale in ["-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{stale}", path.display()));
            }
            std::fs::rename(&restored, path)
                .with_context(|| format!("cannot move the database to {}", path.display()))?;
        }
        Database::Postgres { url } => {
            Progress::step("Loading the dump with pg_restore");
            let url = url.clone();
            tokio::task::spawn_blocking(move || pg_tools::restore(&url, &restored)).await??;
        }
    }
    if staged_media.exists() {
        // Empty, as checked above; `remove_dir` refuses anything else.
        if media_dir.exists() {
            std::fs::remove_dir(&media_dir)
                .with_context(|| format!("cannot replace {}", media_dir.display()))?;
        }
        std::fs::rename(&staged_media, &media_dir)
            .with_context(|| format!("cannot move the media to {}", media_dir.display()))?;
    }
    Ok(contents)
}

/// A restore never mixes with existing data: the database must have no tables and the media
/// folder no files.
async fn refuse_unless_empty(database: &Database, media_dir: &Path) -> anyhow::Result<()> {
    let has_tables = match database {
        Database::Sqlite { path, .. } if !path.exists() => 0,
        _ => {
            let db =
                Db::connect(database.url(), 1).await.context("cannot open the database to restore into")?;
            let mut conn = db.acquire().await?;
            let tables = db::snapshot::count_tables(&mut conn.conn()).await;
            drop(conn);
            db.close().await;
            tables?
        }
    };
    if has_tables > 0 {
        match database {
            Database::Sqlite { path, .. } => bail!(
                "the database {} already holds data ({has_tables} tables): restore into an empty data \
                 directory (move the old one aside first)",
                path.display()
            ),
            Database::Postgres { .. } => bail!(
                "the database to restore into already has {has_tables} tables: create a new, empty database \
                 (e.g. `createdb allmende_restored`), point database.url at it and run this again"
            ),
        }
    }
    let media_files = match std::fs::read_dir(media_dir) {
        Ok(mut entries) => entries.next().is_some(),
        Err(_) => false,
    };
    if media_files {
        bail!("{} already holds files: restore into an empty data directory", media_dir.display());
    }
    Ok(())
}

/// One line for the operator after a backup or restore.
pub fn describe(contents: &archive::Contents) -> String {
    format!(
        "database {}, {} media files ({})",
        size(contents.database_bytes),
        contents.media_files,
        size(contents.media_bytes)
    )
}
