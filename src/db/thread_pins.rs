//! Pinned threads: a pinned thread (its opener's `pinned_at` is set) is listed first in its group
//! and in the group's `featured` collection.

use super::posts::{PostRow, select_post};
use super::{Conn, DbError, execute, query_as, query_scalar};

/// Pins the thread `root_id` (an opener); returns whether it was not pinned before.
pub async fn pin_thread(conn: &mut Conn<'_>, root_id: i64, now: i64) -> Result<bool, DbError> {
    let changed = execute!(
        conn,
        "UPDATE posts SET pinned_at = $2 WHERE id = $1 AND id = root_id AND pinned_at IS NULL",
        root_id,
        now,
    )?;
    Ok(changed == 1)
}

/// Unpins the thread `root_id`; returns whether it was pinned before.
pub async fn unpin_thread(conn: &mut Conn<'_>, root_id: i64) -> Result<bool, DbError> {
    let changed = execute!(
        conn,
        "UPDATE posts SET pinned_at = NULL WHERE id = $1 AND id = root_id AND pinned_at IS NOT NULL",
        root_id,
    )?;
    Ok(changed == 1)
}

/// Whether the thread `root_id` is pinned.
pub async fn is_thread_pinned(conn: &mut Conn<'_>, root_id: i64) -> Result<bool, DbError> {
    let pinned_at = query_scalar!(
        conn,
        Option<i64>,
        fetch_optional,
        "SELECT pinned_at FROM posts WHERE id = $1",
        root_id
    )?;
    Ok(pinned_at.flatten().is_some())
}

/// Most pinned threads listed for one group.
pub const MAX_PINNED: i64 = 20;

/// The pinned threads of a group, most recently pinned first (not deleted, not of people the
/// viewer blocked or muted).
pub async fn list_pinned_threads(
    conn: &mut Conn<'_>,
    viewer: Option<i64>,
    group_id: i64,
    now: i64,
) -> Result<Vec<PostRow>, DbError> {
    query_as!(
        conn,
        PostRow,
        fetch_all,
        concat!(
            select_post!(),
            "WHERE p.group_id = $2 AND p.id = p.root_id AND p.pinned_at IS NOT NULL AND p.deleted_at IS NULL \
             AND ",
            super::visibility::readable_by!("$1", "p"),
            " AND NOT ",
            super::blocks::hidden_from!("$1", "p.author_id", "$3"),
            " ORDER BY p.pinned_at DESC, p.id DESC LIMIT $4"
        ),
        viewer,
        group_id,
        now,
        MAX_PINNED,
    )
}

/// The ids of a group's pinned threads, most recently pinned first, for its `featured` collection
/// (open ones only: a private group's pins are for its members).
pub async fn list_pinned_thread_ids(conn: &mut Conn<'_>, group_id: i64) -> Result<Vec<i64>, DbError> {
    query_scalar!(
        conn,
        i64,
        fetch_all,
        "SELECT id FROM posts WHERE group_id = $1 AND id = root_id AND pinned_at IS NOT NULL \
         AND deleted_at IS NULL AND visibility IN ('public', 'unlisted') ORDER BY pinned_at DESC, id DESC LIMIT $2",
        group_id,
        MAX_PINNED,
    )
}
