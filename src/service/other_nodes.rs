//! Several server processes on one PostgreSQL database ("nodes"): what one of them keeps in
//! memory and must learn from the others.
//!
//! Today that is the write count behind the page cache (`db::writes`, `web::page_cache`): a
//! node tells the others after it wrote, at most every [`NOTIFY_EVERY_MILLIS`], with one
//! `NOTIFY` (no table, no extra writes), and counts every write it hears of from them, so a
//! page cached on one node is dropped within about that time after a write on another. A node
//! that is killed between its commit and its message is covered by the cache's time bound
//! (`cache.ttl_seconds`), as is a lost listening connection (which is also counted as a write,
//! since messages may have been missed while it was down).
//!
//! Everything else that must hold across nodes is shared through the database itself; see
//! "Running several nodes" in the README.

use std::time::Duration;

use crate::db::{self, Db};

/// How long a node waits at most before telling the others it wrote.
pub const NOTIFY_EVERY_MILLIS: u64 = 50;
/// How long to wait before listening again after the database failed.
const RETRY_AFTER_MILLIS: u64 = 1000;

/// Runs until `stopped` changes: tells other nodes of this one's writes and counts theirs.
/// Does nothing on SQLite.
pub async fn share_writes(db: Db, mut stopped: tokio::sync::watch::Receiver<bool>) {
    if matches!(db, Db::Sqlite(_)) {
        return;
    }
    let node = format!("{:016x}", rand::random::<u64>());
    let mut told = db::writes::own_count();
    let mut tick = tokio::time::interval(Duration::from_millis(NOTIFY_EVERY_MILLIS));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut listener = None;
    loop {
        if listener.is_none() {
            match db::writes::listen_writes(&db).await {
                Ok(Some(new)) => {
                    // Whatever was said before we listened is unknown.
                    db::writes::note_elsewhere();
                    listener = Some(new);
                }
                Ok(None) => return,
                Err(error) => {
                    tracing::warn!(%error, "cannot listen for other nodes' writes");
                    tokio::select! {
                        () = tokio::time::sleep(Duration::from_millis(RETRY_AFTER_MILLIS)) => continue,
                        _ = stopped.changed() => return,
                    }
                }
            }
        }
        let Some(active) = listener.as_mut() else { continue };
        tokio::select! {
            _ = tick.tick() => {
                let own = db::writes::own_count();
                if own != told {
                    match tell(&db, &node).await {
                        Ok(()) => told = own,
                        Err(error) => tracing::warn!(%error, "cannot tell other nodes of a write"),
                    }
                }
            }
            heard = active.next() => match heard {
                Ok(Some(from)) if from == node => {}
                Ok(Some(_)) => db::writes::note_elsewhere(),
                // The connection was lost: messages may have been missed.
                Ok(None) => db::writes::note_elsewhere(),
                Err(error) => {
                    tracing::warn!(%error, "listening for other nodes' writes failed");
                    db::writes::note_elsewhere();
                    listener = None;
                }
            },
            _ = stopped.changed() => return,
        }
    }
}

async fn tell(db: &Db, node: &str) -> Result<(), db::DbError> {
    let mut conn = db.acquire().await?;
    db::writes::notify_writes(&mut conn.conn(), node).await
}
