//! Moving a thread (its opener and every reply) to another group.

use super::{Conn, DbError, execute};

/// Puts every post of the thread opened by `root_id` into `group_id`; returns how many moved.
pub async fn update_thread_group(conn: &mut Conn<'_>, root_id: i64, group_id: i64) -> Result<u64, DbError> {
    execute!(conn, "UPDATE posts SET group_id = $2 WHERE root_id = $1", root_id, group_id)
}
