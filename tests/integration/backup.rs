//! `allmende backup` and `allmende restore`, run as the real binary beside a serving instance:
//! a backup taken under a stream of writes restores into a fresh data dir (and database) with
//! every write acknowledged before it started, the media byte for byte and the same instance
//! key; a restore never goes into a database that holds data.

use std::collections::{BTreeMap, HashSet};
use std::io::Cursor;
use std::path::Path;
use std::process::Output;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use allmende::config::Config;
use allmende::domain::SystemClock;
use allmende::service::{groups, instance, media, threads};

use crate::common::{Backend, PostgresDatabase, TestApp};
use crate::groups::{group, thread};
use crate::on_both_backends;

/// Runs the binary against a data dir and database URL (empty: SQLite in the data dir).
async fn allmende(data_dir: &Path, database_url: &str, args: &[&str]) -> Output {
    let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_allmende"));
    for (key, _) in std::env::vars() {
        if key.starts_with("ALLMENDE_") {
            command.env_remove(key);
        }
    }
    command
        .env("ALLMENDE_DATA_DIR", data_dir)
        .env("ALLMENDE_DATABASE_URL", database_url)
        .env("ALLMENDE_LOG_FILTER", "warn")
        .env_remove("RUST_LOG")
        .args(args);
    command.output().await.expect("the binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn png() -> Vec<u8> {
    let image = image::RgbImage::from_fn(64, 48, |x, y| image::Rgb([(x * 4) as u8, (y * 5) as u8, 120]));
    let mut out = Cursor::new(Vec::new());
    image.write_to(&mut out, image::ImageFormat::Png).expect("png");
    out.into_inner()
}

/// Every file of a media folder with its bytes.
fn media_files(data_dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let Ok(entries) = std::fs::read_dir(data_dir.join("media")) else { return BTreeMap::new() };
    entries
        .map(|entry| {
            let entry = entry.expect("entry");
            (entry.file_name().to_string_lossy().into_owned(), std::fs::read(entry.path()).expect("read"))
        })
        .collect()
}

/// A fresh place to restore into: an empty data dir, and for PostgreSQL an empty database.
struct Target {
    data_dir: tempfile::TempDir,
    postgres: Option<PostgresDatabase>,
}

impl Target {
    async fn new(backend: Backend) -> Self {
        let postgres = match backend {
            Backend::Sqlite => None,
            Backend::Postgres => {
                let admin =
                    std::env::var("ALLMENDE_TEST_POSTGRES_URL").expect("PostgreSQL tests are enabled");
                Some(PostgresDatabase::create(&admin).await)
            }
        };
        Self { data_dir: tempfile::tempdir().expect("dir"), postgres }
    }

    fn database_url(&self) -> &str {
        self.postgres.as_ref().map(|p| p.url.as_str()).unwrap_or_default()
    }

    /// Opens the restored instance as the server would (migrations included).
    async fn open(&self) -> allmende::service::Context {
        let mut config = Config::defaults().expect("config");
        config.data_dir = self.data_dir.path().to_owned();
        config.database.url = self.database_url().to_owned();
        let db = allmende::startup::connect_database(&config).await.expect("the restored database opens");
        allmende::startup::service_context(&config, db, Arc::new(SystemClock))
    }
}

fn source_database_url(app: &TestApp) -> String {
    app.state.config.database.url.clone()
}

async fn post_ids(ctx: &allmende::service::Context) -> HashSet<i64> {
    let sql = "SELECT id FROM posts";
    let mut conn = ctx.db.acquire().await.expect("connection");
    let ids: Vec<i64> = match conn.conn() {
        allmende::db::Conn::Sqlite(c) => sqlx::query_scalar(sql).fetch_all(c).await,
        allmende::db::Conn::Postgres(c) => sqlx::query_scalar(sql).fetch_all(c).await,
    }
    .expect("ids");
    ids.into_iter().collect()
}

async fn a_backup_under_writes_restores_every_acknowledged_write(app: TestApp) {
    let ana = app.create_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("group");
    media::upload_image(&app.ctx, &ana, media::Upload { bytes: png(), ..Default::default() })
        .await
        .expect("upload");
    let media_before = media_files(&app.state.config.data_dir);
    assert!(!media_before.is_empty(), "the upload is on disk");

    // A writer that keeps starting threads and notes each one the service acknowledged.
    let acknowledged = Arc::new(Mutex::new(Vec::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (ctx, ana, acknowledged, stop) =
            (app.ctx.clone(), ana.clone(), acknowledged.clone(), stop.clone());
        tokio::spawn(async move {
            let mut n = 0;
            while !stop.load(Ordering::SeqCst) {
                n += 1;
                let id = threads::create_thread(&ctx, &ana, "energy", thread(&format!("Write {n}")))
                    .await
                    .expect("a write during the backup succeeds");
                acknowledged.lock().expect("lock").push(id.0);
            }
        })
    };
    while acknowledged.lock().expect("lock").len() < 20 {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }

    let archive_dir = tempfile::tempdir().expect("dir");
    let archive = archive_dir.path().join("allmende.tar.gz");
    let before_backup: Vec<i64> = acknowledged.lock().expect("lock").clone();
    let backup = allmende(
        &app.state.config.data_dir,
        &source_database_url(&app),
        &["backup", "--output", archive.to_str().expect("path")],
    )
    .await;
    let during_backup = acknowledged.lock().expect("lock").len() - before_backup.len();
    stop.store(true, Ordering::SeqCst);
    writer.await.expect("the writer never failed");
    assert!(backup.status.success(), "{}", stderr(&backup));
    assert!(stderr(&backup).contains("100%"), "progress is shown: {}", stderr(&backup));
    eprintln!("{} writes before the backup, {during_backup} while it ran", before_backup.len());
    assert!(during_backup > 0, "the writes went on while the backup ran");

    let target = Target::new(app.backend).await;
    let restore = allmende(
        target.data_dir.path(),
        target.database_url(),
        &["restore", "--input", archive.to_str().expect("path")],
    )
    .await;
    assert!(restore.status.success(), "{}", stderr(&restore));

    let restored = target.open().await;
    let found = post_ids(&restored).await;
    let lost: Vec<_> = before_backup.iter().filter(|id| !found.contains(id)).collect();
    assert!(lost.is_empty(), "acknowledged before the backup but not restored: {lost:?}");
    assert_eq!(media_files(target.data_dir.path()), media_before, "the media, byte for byte");
    assert_eq!(
        instance::instance_private_key(&restored).await.expect("restored key"),
        instance::instance_private_key(&app.ctx).await.expect("key"),
        "the instance keeps its signing key"
    );
    restored.db.close().await;
}

async fn restore_refuses_a_target_that_holds_data(app: TestApp) {
    let ana = app.create_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("group");
    let archive_dir = tempfile::tempdir().expect("dir");
    let archive = archive_dir.path().join("allmende.tar.gz");
    let archive_arg = archive.to_str().expect("path");
    let data_dir = &app.state.config.data_dir;
    let backup = allmende(data_dir, &source_database_url(&app), &["backup", "--output", archive_arg]).await;
    assert!(backup.status.success(), "{}", stderr(&backup));
    let again = allmende(data_dir, &source_database_url(&app), &["backup", "--output", archive_arg]).await;
    assert!(!again.status.success() && stderr(&again).contains("already exists"), "{}", stderr(&again));

    // Back into the instance it came from, which is serving and holds data: refused, untouched.
    threads::create_thread(&app.ctx, &ana, "energy", thread("After the backup")).await.expect("thread");
    let before = post_ids(&app.ctx).await;
    let restore = allmende(data_dir, &source_database_url(&app), &["restore", "--input", archive_arg]).await;
    let message = stderr(&restore);
    assert!(!restore.status.success(), "{message}");
    assert!(message.contains("already") && message.contains("tables"), "{message}");
    assert!(!message.contains("panicked"), "{message}");
    assert_eq!(post_ids(&app.ctx).await, before, "nothing changed");

    // Media alone in an otherwise empty target is refused too.
    let target = Target::new(app.backend).await;
    std::fs::create_dir_all(target.data_dir.path().join("media")).expect("dir");
    std::fs::write(target.data_dir.path().join("media/1.png"), b"old").expect("file");
    let restore =
        allmende(target.data_dir.path(), target.database_url(), &["restore", "--input", archive_arg]).await;
    assert!(
        !restore.status.success() && stderr(&restore).contains("already holds files"),
        "{}",
        stderr(&restore)
    );

    // Something that is not a backup is refused with a clear word.
    let bogus = archive_dir.path().join("bogus.tar.gz");
    std::fs::write(&bogus, b"not an archive").expect("file");
    let fresh = Target::new(app.backend).await;
    let restore = allmende(
        fresh.data_dir.path(),
        fresh.database_url(),
        &["restore", "--input", bogus.to_str().expect("path")],
    )
    .await;
    assert!(!restore.status.success() && !stderr(&restore).contains("panicked"), "{}", stderr(&restore));
}

on_both_backends!(
    a_backup_under_writes_restores_every_acknowledged_write,
    restore_refuses_a_target_that_holds_data
);
