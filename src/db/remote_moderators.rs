//! Moderators of remote groups as their own instances list them, by ActivityPub id (a listed
//! moderator need not be fetched to be recognised when they act).

use super::{Conn, DbError, execute, query_scalar};

/// Replaces a remote group's moderators with the list its server just served.
pub async fn replace_remote_moderators(
    conn: &mut Conn<'_>,
    group_id: i64,
    moderators: &[String],
    now: i64,
) -> Result<(), DbError> {
    execute!(conn, "DELETE FROM remote_group_moderators WHERE group_id = $1", group_id)?;
    for moderator in moderators {
        insert_remote_moderator(conn, group_id, moderator).await?;
    }
    execute!(conn, "UPDATE actors SET moderators_refreshed_at = $2 WHERE id = $1", group_id, now)?;
    Ok(())
}

/// A remote group announced that it added a moderator; returns whether they are new.
pub async fn insert_remote_moderator(
    conn: &mut Conn<'_>,
    group_id: i64,
    moderator: &str,
) -> Result<bool, DbError> {
    let added = execute!(
        conn,
        "INSERT INTO remote_group_moderators (group_id, moderator_ap_id) VALUES ($1, $2) \
         ON CONFLICT (group_id, moderator_ap_id) DO NOTHING",
        group_id,
        moderator,
    )?;
    Ok(added == 1)
}

/// A remote group announced that it removed a moderator; returns whether they were listed.
pub async fn delete_remote_moderator(
    conn: &mut Conn<'_>,
    group_id: i64,
    moderator: &str,
) -> Result<bool, DbError> {
    let removed = execute!(
        conn,
        "DELETE FROM remote_group_moderators WHERE group_id = $1 AND moderator_ap_id = $2",
        group_id,
        moderator,
    )?;
    Ok(removed == 1)
}

/// Whether the stored actor `actor_id` is listed as a moderator of the remote group. Our own
/// people have no stored id: they are listed by their URL here, `people_base` and their name
/// (`https://forum.example/u/` + `ana`).
pub async fn is_remote_moderator(
    conn: &mut Conn<'_>,
    group_id: i64,
    actor_id: i64,
    people_base: &str,
) -> Result<bool, DbError> {
    query_scalar!(
        conn,
        bool,
        fetch_one,
        "SELECT EXISTS (SELECT 1 FROM remote_group_moderators m JOIN actors a \
         ON a.ap_id = m.moderator_ap_id OR (a.local AND a.kind = 'person' AND m.moderator_ap_id = $3 || a.name) \
         WHERE m.group_id = $1 AND a.id = $2)",
        group_id,
        actor_id,
        people_base,
    )
}

/// The ids a remote group lists as its moderators, in a stable order.
pub async fn list_remote_moderators(conn: &mut Conn<'_>, group_id: i64) -> Result<Vec<String>, DbError> {
    query_scalar!(
        conn,
        String,
        fetch_all,
        "SELECT moderator_ap_id FROM remote_group_moderators WHERE group_id = $1 ORDER BY moderator_ap_id",
        group_id,
    )
}

/// When the group's moderators were last read from its server (None: never).
pub async fn get_moderators_refreshed_at(conn: &mut Conn<'_>, group_id: i64) -> Result<Option<i64>, DbError> {
    query_scalar!(
        conn,
        Option<i64>,
        fetch_optional,
        "SELECT moderators_refreshed_at FROM actors WHERE id = $1",
        group_id
    )
    .map(Option::flatten)
}
