//! Whether this instance can serve (`/readyz`), and the figures `/metrics` reads from the
//! database at scrape time.

use crate::db;
use crate::observability::metrics::ScrapeFigures;
use crate::service::Context;

/// Why the instance is not ready, in a few words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotReady {
    #[error("database unreachable")]
    DatabaseUnreachable,
    #[error("cannot read the applied migrations")]
    MigrationsUnknown,
    #[error("migrations pending: {}", list(.0))]
    MigrationsPending(Vec<i64>),
    #[error("the database has migrations this version does not know: {}", list(.0))]
    DatabaseNewer(Vec<i64>),
}

fn list(versions: &[i64]) -> String {
    versions.iter().map(i64::to_string).collect::<Vec<_>>().join(", ")
}

/// The database answers and has exactly the migrations this build carries.
pub async fn check(ctx: &Context) -> Result<(), NotReady> {
    let mut conn = ctx.db.acquire().await.map_err(|_| NotReady::DatabaseUnreachable)?;
    db::observability::ping(&mut conn.conn()).await.map_err(|_| NotReady::DatabaseUnreachable)?;
    let applied = db::observability::list_applied_migrations(&mut conn.conn())
        .await
        .map_err(|_| NotReady::MigrationsUnknown)?;
    let known = ctx.db.known_migration_versions();
    let pending: Vec<i64> = known.iter().copied().filter(|v| !applied.contains(v)).collect();
    if !pending.is_empty() {
        return Err(NotReady::MigrationsPending(pending));
    }
    let unknown: Vec<i64> = applied.into_iter().filter(|v| !known.contains(v)).collect();
    if !unknown.is_empty() {
        return Err(NotReady::DatabaseNewer(unknown));
    }
    Ok(())
}

/// Queue depth, the oldest pending delivery's age and the pool's use. A database that does
/// not answer leaves the queue figures at zero (the scrape still answers; `/readyz` tells).
pub async fn scrape_figures(ctx: &Context) -> ScrapeFigures {
    let pool = ctx.db.pool_figures();
    let mut figures = ScrapeFigures {
        connections_in_use: i64::from(pool.open.saturating_sub(pool.idle)),
        connections_idle: i64::from(pool.idle),
        connections_max: i64::from(pool.max),
        ..ScrapeFigures::default()
    };
    let queue = async {
        let mut conn = ctx.db.acquire().await.ok()?;
        db::observability::get_pending_queue(&mut conn.conn()).await.ok()
    }
    .await;
    if let Some(queue) = queue {
        figures.queue_depth = queue.depth;
        figures.oldest_pending_seconds = queue
            .oldest_created_at
            .map_or(0.0, |created| ((ctx.now().millis() - created).max(0) as f64) / 1000.0);
    }
    figures
}
