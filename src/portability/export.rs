//! The member's data export: one zip with
//! - `actor.json`: their profile as the ActivityPub actor other servers see;
//! - `outbox.json`: their posts as an ActivityPub `OrderedCollection` of `Create` activities;
//! - `following_accounts.csv`, `blocked_accounts.csv`, `muted_accounts.csv`: Mastodon's CSV
//!   files, which Mastodon (and Allmende) import;
//! - `media/<file>`: the files they uploaded.
//!
//! The archive is written to a file under `<data_dir>/exports` in a blocking task (media are
//! copied through a small buffer), then unlinked and streamed from its open handle, so nothing
//! stays behind and memory holds only the documents, never the media.

use std::path::{Path, PathBuf};

use serde::Serialize;
use tokio::sync::Semaphore;

use super::archive::{self, Entry};
use super::csv_files;
use crate::federation::objects::{self, PostDocument};
use crate::federation::protocol::{CreateJson, OrderedCollectionJson, with_context};
use crate::service::account_data::{self, ExportData};
use crate::service::{CurrentUser, ServiceError};
use crate::state::AppState;

/// Exports written at the same time, at most (each copies files and compresses).
static EXPORTS_AT_ONCE: Semaphore = Semaphore::const_new(2);

/// A finished archive: an open file no longer reachable by name, and its length.
pub struct ExportArchive {
    pub file: tokio::fs::File,
    pub len: u64,
    /// `<name>-allmende-export.zip`.
    pub file_name: String,
}

fn json_bytes<T: Serialize>(document: &T) -> Result<Vec<u8>, ServiceError> {
    serde_json::to_vec_pretty(&with_context(document)).map_err(|e| ServiceError::Internal(e.to_string()))
}

fn csv_bytes(result: Result<Vec<u8>, csv::Error>) -> Result<Vec<u8>, ServiceError> {
    result.map_err(|e| ServiceError::Internal(e.to_string()))
}

/// The archive's entries, documents made here and media named by path (files of the media
/// store, or copies under `scratch` when it is an object store).
async fn entries(state: &AppState, data: ExportData, scratch: &Path) -> Result<Vec<Entry>, ServiceError> {
    let uris = &state.uris;
    let actor = objects::actor_json(uris, &data.actor).map_err(|e| ServiceError::Internal(e.to_string()))?;
    let items: Vec<serde_json::Value> = data
        .posts
        .iter()
        .filter_map(|post| {
            let Ok(PostDocument::Post(json)) = objects::post_json(uris, post) else { return None };
            let create_id = objects::url(&format!("{}#create", json.id)).ok()?;
            serde_json::to_value(CreateJson::new(create_id, *json)).ok()
        })
        .collect();
    let outbox_id = objects::url(&uris.outbox_of(&data.actor.kind, &data.actor.name))
        .map_err(|e| ServiceError::Internal(e.to_string()))?;
    let outbox = OrderedCollectionJson::new(outbox_id, items);
    let mut entries = vec![
        Entry::Bytes { name: "actor.json".into(), bytes: json_bytes(&actor)? },
        Entry::Bytes { name: "outbox.json".into(), bytes: json_bytes(&outbox)? },
        Entry::Bytes {
            name: "following_accounts.csv".into(),
            bytes: csv_bytes(csv_files::following_csv(&data.following))?,
        },
        Entry::Bytes {
            name: "blocked_accounts.csv".into(),
            bytes: csv_bytes(csv_files::blocked_csv(&data.blocked))?,
        },
        Entry::Bytes {
            name: "muted_accounts.csv".into(),
            bytes: csv_bytes(csv_files::muted_csv(&data.muted))?,
        },
    ];
    for file in data.media {
        // A file gone from the store meanwhile is left out.
        if let Ok(path) = state.ctx.media.local_file(&file.name, scratch).await {
            entries.push(Entry::File { name: format!("media/{}", file.name), path });
        }
    }
    Ok(entries)
}

/// Builds the member's export archive.
pub async fn build_export(state: &AppState, user: &CurrentUser) -> Result<ExportArchive, ServiceError> {
    let _permit = EXPORTS_AT_ONCE.acquire().await.map_err(|e| ServiceError::Internal(e.to_string()))?;
    let data = account_data::gather_export(&state.ctx, user, state.uris.host()).await?;
    let (posts, media) = (data.posts.len(), data.media.len());
    let dir = state.config.data_dir.join("exports");
    let stem = crate::media::store::new_media_file_stem();
    let scratch = dir.join(format!("{stem}-media"));
    let entries = match entries(state, data, &scratch).await {
        Ok(entries) => entries,
        Err(error) => {
            let _ = tokio::fs::remove_dir_all(&scratch).await;
            return Err(error);
        }
    };
    let path: PathBuf = dir.join(format!("{stem}.zip"));
    let written = {
        let path = path.clone();
        tokio::task::spawn_blocking(move || {
            std::fs::create_dir_all(&dir)?;
            archive::write_zip(&path, entries)
        })
        .await
        .map_err(|e| ServiceError::Internal(e.to_string()))?
    };
    let _ = tokio::fs::remove_dir_all(&scratch).await;
    let opened = match written {
        Ok(len) => tokio::fs::File::open(&path).await.map(|file| (file, len)),
        Err(error) => Err(error),
    };
    // The open handle keeps the data; the name goes at once, whatever happened.
    let _ = tokio::fs::remove_file(&path).await;
    let (file, len) =
        opened.map_err(|e| ServiceError::Internal(format!("writing the export failed: {e}")))?;
    tracing::info!(user = %user.name, posts, media, bytes = len, "data export written");
    Ok(ExportArchive { file, len, file_name: format!("{}-allmende-export.zip", user.name) })
}
