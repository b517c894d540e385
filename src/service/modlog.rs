//! The public modlog: every moderation action, with its reason, readable by everyone.
//!
//! # Recording an action
//!
//! Call [`record`] inside the transaction of the action itself, so that an action and its
//! log entry are stored together or not at all:
//!
//! ```ignore
//! let mut tx = ctx.db.begin().await?;
//! let mut conn = tx.conn();
//! // ... the action ...
//! modlog::record(ctx, &mut conn, ModlogEntry::new(ModlogKind::Ban, Some(moderator.0))
//!     .in_group(Some(group_id))
//!     .on_actor(banned_id)
//!     .because(&reason)
//!     .until(expires_at))
//!     .await?;
//! tx.commit().await?;
//! ```
//!
//! Actions taken by a remote moderator (or a remote group) on our copy are recorded with
//! `.by_remote(true)` and the remote actor as moderator.

use super::{Context, Paged, ServiceError, parse_id_cursor};
use crate::db::{self, Conn, modlog::ModlogRow};
use crate::domain::Timestamp;
use crate::domain::modlog::{ModlogEntry, ModlogKind};

/// Records a moderation action in the caller's transaction.
pub async fn record(ctx: &Context, conn: &mut Conn<'_>, entry: ModlogEntry) -> Result<(), ServiceError> {
    db::modlog::insert_modlog_entry(conn, ctx.new_id(), &entry, ctx.now().millis()).await?;
    Ok(())
}

/// One entry as the public sees it. `moderator` is None when names are hidden
/// (`moderation.hide_moderator_names`) or unknown.
#[derive(Debug, Clone)]
pub struct ModlogItem {
    pub id: i64,
    pub kind: ModlogKind,
    pub moderator: Option<String>,
    /// The group's handle (`name` or `name@host`).
    pub group: Option<String>,
    /// The person acted upon, as a handle.
    pub target_actor: Option<String>,
    /// The post acted upon and its thread.
    pub target_post: Option<(i64, i64)>,
    pub reason: String,
    pub expires_at: Option<Timestamp>,
    pub remote: bool,
    pub at: Timestamp,
}

/// A page of the modlog, of one group (`group` is a handle) or of the whole instance, newest
/// first; `cursor` is the id of the last entry of the previous page.
pub async fn list_modlog(
    ctx: &Context,
    group: Option<&str>,
    cursor: Option<&str>,
) -> Result<Paged<ModlogItem>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let group_id = match group {
        Some(handle) => Some(
            db::groups::get_group_by_handle(&mut conn.conn(), handle)
                .await?
                .ok_or(ServiceError::NotFound)?
                .id,
        ),
        None => None,
    };
    let page_size = ctx.settings.page_size;
    let rows =
        db::modlog::list_modlog(&mut conn.conn(), group_id, parse_id_cursor(cursor), page_size + 1).await?;
    let hide = ctx.settings.hide_moderator_names;
    let mut items: Vec<ModlogItem> = rows.into_iter().filter_map(|row| item(row, hide)).collect();
    let next_cursor = if items.len() as i64 > page_size {
        items.truncate(page_size as usize);
        items.last().map(|item| item.id.to_string())
    } else {
        None
    };
    Ok(Paged { items, next_cursor })
}

fn handle(name: Option<String>, host: Option<String>) -> Option<String> {
    let name = name?;
    Some(match host {
        Some(host) => format!("{name}@{host}"),
        None => name,
    })
}

fn item(row: ModlogRow, hide_moderators: bool) -> Option<ModlogItem> {
    Some(ModlogItem {
        id: row.id,
        kind: ModlogKind::parse(&row.kind)?,
        moderator: if hide_moderators { None } else { handle(row.moderator_name, row.moderator_host) },
        group: handle(row.group_name, row.group_host),
        target_actor: handle(row.target_name, row.target_host),
        target_post: row.target_post_id.zip(row.target_root_id),
        reason: row.reason,
        expires_at: row.expires_at.map(Timestamp::from_millis),
        remote: row.remote,
        at: Timestamp::from_millis(row.created_at),
    })
}
