//! Group listings, counts and moderators. Groups themselves are rows of `actors`.

use super::actors::select_actor;
use super::{Conn, DbError, execute, query_as, query_scalar};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct GroupListRow {
    pub id: i64,
    pub name: String,
    pub local: bool,
    pub host: Option<String>,
    pub display_name: String,
    pub summary_html: String,
    pub group_kind: Option<String>,
    pub follower_count: i64,
    pub thread_count: i64,
}

/// Groups by name, optionally of one kind, after a name cursor; counts come in the same query.
pub async fn list_groups(
    conn: &mut Conn<'_>,
    kind: Option<&str>,
    after_name: Option<&str>,
    limit: i64,
) -> Result<Vec<GroupListRow>, DbError> {
    query_as!(
        conn,
        GroupListRow,
        fetch_all,
        "SELECT a.id, a.name, a.local, i.host, a.display_name, a.summary_html, a.group_kind, \
         (SELECT COUNT(*) FROM follows f WHERE f.followed_id = a.id AND f.state = 'accepted') AS follower_count, \
         (SELECT COUNT(*) FROM posts p WHERE p.group_id = a.id AND p.id = p.root_id AND p.deleted_at IS NULL) AS thread_count \
         FROM actors a LEFT JOIN instances i ON i.id = a.instance_id \
         WHERE a.kind = 'group' AND a.local AND ($1 IS NULL OR a.group_kind = $1) AND a.name > COALESCE($2, '') \
         ORDER BY a.name LIMIT $3",
        kind,
        after_name,
        limit,
    )
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct GroupStatsRow {
    pub follower_count: i64,
    pub thread_count: i64,
    pub viewer_follows: bool,
    /// The viewer's follow waits for the group's approval (or, remote, for its `Accept`).
    pub viewer_follow_pending: bool,
    pub viewer_role: Option<String>,
    /// The viewer's ban from the group in force at `now`: its reason (set when banned) and end.
    pub viewer_ban_reason: Option<String>,
    pub viewer_ban_expires_at: Option<i64>,
    /// Whether the group has pinned threads (then the group page reads them).
    pub has_pinned: bool,
    /// Where the group moved (an ActivityPub id), once it has.
    pub moved_to: Option<String>,
}

/// Counts and the viewer's relation to a group (at `now`, for bans), in one round trip.
pub async fn get_group_stats(
    conn: &mut Conn<'_>,
    group_id: i64,
    viewer_id: Option<i64>,
    now: i64,
) -> Result<GroupStatsRow, DbError> {
    query_as!(
        conn,
        GroupStatsRow,
        fetch_one,
        "SELECT \
         (SELECT COUNT(*) FROM follows f WHERE f.followed_id = $1 AND f.state = 'accepted') AS follower_count, \
         (SELECT COUNT(*) FROM posts p WHERE p.group_id = $1 AND p.id = p.root_id AND p.deleted_at IS NULL) AS thread_count, \
         EXISTS (SELECT 1 FROM follows f WHERE f.followed_id = $1 AND f.follower_id = $2) AS viewer_follows, \
         EXISTS (SELECT 1 FROM follows f WHERE f.followed_id = $1 AND f.follower_id = $2 AND f.state = 'pending') \
            AS viewer_follow_pending, \
         (SELECT m.role FROM group_moderators m WHERE m.group_id = $1 AND m.actor_id = $2) AS viewer_role, \
         (SELECT b.reason FROM group_bans b WHERE b.group_id = $1 AND b.actor_id = $2 \
            AND (b.expires_at IS NULL OR b.expires_at > $3)) AS viewer_ban_reason, \
         (SELECT b.expires_at FROM group_bans b WHERE b.group_id = $1 AND b.actor_id = $2 \
            AND (b.expires_at IS NULL OR b.expires_at > $3)) AS viewer_ban_expires_at, \
         EXISTS (SELECT 1 FROM posts p WHERE p.group_id = $1 AND p.id = p.root_id \
            AND p.pinned_at IS NOT NULL AND p.deleted_at IS NULL) AS has_pinned, \
         (SELECT a.moved_to FROM actors a WHERE a.id = $1) AS moved_to",
        group_id,
        viewer_id,
        now,
    )
}

pub async fn get_group_by_name(
    conn: &mut Conn<'_>,
    name: &str,
) -> Result<Option<super::actors::ActorRow>, DbError> {
    query_as!(
        conn,
        super::actors::ActorRow,
        fetch_optional,
        concat!(select_actor!(), "WHERE a.local AND a.kind = 'group' AND a.name = $1"),
        name
    )
}

pub async fn insert_moderator(
    conn: &mut Conn<'_>,
    group_id: i64,
    actor_id: i64,
    role: &str,
    now: i64,
) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO group_moderators (group_id, actor_id, role, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (group_id, actor_id) DO UPDATE SET role = excluded.role",
        group_id,
        actor_id,
        role,
        now,
    )?;
    Ok(())
}

pub async fn get_moderator_role(
    conn: &mut Conn<'_>,
    group_id: i64,
    actor_id: i64,
) -> Result<Option<String>, DbError> {
    query_scalar!(
        conn,
        String,
        fetch_optional,
        "SELECT role FROM group_moderators WHERE group_id = $1 AND actor_id = $2",
        group_id,
        actor_id,
    )
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ModeratorRow {
    pub actor_id: i64,
    pub name: String,
    pub display_name: String,
    pub role: String,
    pub local: bool,
    /// The host of a remote moderator.
    pub host: Option<String>,
    pub ap_id: Option<String>,
}

/// The owner first, then moderators in the order they were appointed.
pub async fn list_moderators(conn: &mut Conn<'_>, group_id: i64) -> Result<Vec<ModeratorRow>, DbError> {
    query_as!(
        conn,
        ModeratorRow,
        fetch_all,
        "SELECT a.id AS actor_id, a.name, a.display_name, m.role, a.local, i.host, a.ap_id \
         FROM group_moderators m JOIN actors a ON a.id = m.actor_id LEFT JOIN instances i ON i.id = a.instance_id \
         WHERE m.group_id = $1 ORDER BY m.role = 'owner' DESC, m.created_at, a.name",
        group_id,
    )
}

/// Dismisses a moderator (never the owner); returns whether they were one.
pub async fn delete_moderator(conn: &mut Conn<'_>, group_id: i64, actor_id: i64) -> Result<bool, DbError> {
    let removed = execute!(
        conn,
        "DELETE FROM group_moderators WHERE group_id = $1 AND actor_id = $2 AND role = 'moderator'",
        group_id,
        actor_id,
    )?;
    Ok(removed == 1)
}

/// A group by its handle: `name` for local groups, `name@host` for remote ones.
pub async fn get_group_by_handle(
    conn: &mut Conn<'_>,
    handle: &str,
) -> Result<Option<super::actors::ActorRow>, DbError> {
    match handle.split_once('@') {
        None => get_group_by_name(conn, handle).await,
        Some((name, host)) => Ok(super::actors::get_remote_actor_by_handle(conn, name, host)
            .await?
            .filter(|actor| actor.kind == "group")),
    }
}

/// A local group's title, description and declared languages, edited by its moderators.
pub struct GroupProfile<'a> {
    pub display_name: &'a str,
    pub summary_source: &'a str,
    pub summary_html: &'a str,
    pub languages: &'a str,
    pub now: i64,
}

pub async fn update_group_profile(
    conn: &mut Conn<'_>,
    group_id: i64,
    profile: &GroupProfile<'_>,
) -> Result<u64, DbError> {
    execute!(
        conn,
        "UPDATE actors SET display_name = $2, summary_source = $3, summary_html = $4, languages = $5, \
         updated_at = $6 WHERE id = $1 AND local AND kind = 'group'",
        group_id,
        profile.display_name,
        profile.summary_source,
        profile.summary_html,
        profile.languages,
        profile.now,
    )
}
