//! What a member's data export holds, read from the database: their profile, posts, whom they
//! follow, block and mute (as addresses `name@host`), and their uploaded files. The archive is
//! put together by `portability::export`.

use super::federated::{self, FederatedPost, LocalActor};
use super::{Context, CurrentUser, ServiceError};
use crate::db::{self, account_data::AccountAddressRow};
use crate::domain::PostId;

/// Most posts one export holds (the oldest first).
pub const MAX_EXPORT_POSTS: i64 = 20_000;

/// Someone followed, blocked or muted, as Mastodon's CSV files name them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountAddress {
    /// `name@host` (our own host for people and groups here).
    pub address: String,
    /// Follows: notify of new posts. Mutes: hide their notifications.
    pub flag: bool,
}

/// An uploaded file to put in the export.
#[derive(Debug, Clone)]
pub struct ExportFile {
    pub name: String,
    pub size_bytes: i64,
}

/// Everything an export holds, before it is written.
#[derive(Debug, Clone)]
pub struct ExportData {
    pub actor: LocalActor,
    pub posts: Vec<FederatedPost>,
    pub following: Vec<AccountAddress>,
    pub blocked: Vec<AccountAddress>,
    pub muted: Vec<AccountAddress>,
    pub media: Vec<ExportFile>,
}

fn addresses(rows: Vec<AccountAddressRow>, local_host: &str) -> Vec<AccountAddress> {
    rows.into_iter()
        .map(|row| AccountAddress {
            address: format!("{}@{}", row.name, row.host.as_deref().unwrap_or(local_host)),
            flag: row.notify,
        })
        .collect()
}

/// Reads the member's export; `local_host` names this instance in addresses.
pub async fn gather_export(
    ctx: &Context,
    user: &CurrentUser,
    local_host: &str,
) -> Result<ExportData, ServiceError> {
    let actor = federated::get_local_actor(ctx, &user.name).await?;
    let (post_ids, following, blocked, muted, files) = {
        let mut conn = ctx.db.acquire().await?;
        let mut conn = conn.conn();
        (
            db::account_data::list_own_post_ids(&mut conn, user.id.0, MAX_EXPORT_POSTS).await?,
            db::account_data::list_followed_addresses(&mut conn, user.id.0).await?,
            db::account_data::list_blocked_addresses(&mut conn, user.id.0).await?,
            db::account_data::list_muted_addresses(&mut conn, user.id.0).await?,
            db::account_data::list_own_media_files(&mut conn, user.id.0).await?,
        )
    };
    let mut posts = Vec::with_capacity(post_ids.len());
    for id in post_ids {
        match federated::get_post(ctx, PostId(id)).await {
            Ok(post) => posts.push(post),
            // Deleted meanwhile.
            Err(ServiceError::NotFound) => {}
            Err(other) => return Err(other),
        }
    }
    let media = files.into_iter().map(|(name, size_bytes)| ExportFile { name, size_bytes }).collect();
    Ok(ExportData {
        actor,
        posts,
        following: addresses(following, local_host),
        blocked: addresses(blocked, local_host),
        muted: addresses(muted, local_host),
        media,
    })
}
