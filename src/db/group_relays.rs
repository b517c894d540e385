//! Activities a local group re-announced (FEP-1b12), by activity id, so each goes out once.

use super::{Conn, DbError, execute};

/// Records that `group_id` re-announces the activity `activity_ap_id`; false when it was
/// recorded before (the activity arrived again).
pub async fn insert_relayed_activity(
    conn: &mut Conn<'_>,
    activity_ap_id: &str,
    group_id: i64,
    now: i64,
) -> Result<bool, DbError> {
    let inserted = execute!(
        conn,
        "INSERT INTO group_relayed_activities (activity_ap_id, group_id, relayed_at) VALUES ($1, $2, $3) \
         ON CONFLICT DO NOTHING",
        activity_ap_id,
        group_id,
        now,
    )?;
    Ok(inserted == 1)
}
