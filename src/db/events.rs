//! Events of groups, their participants, and members' calendar feed tokens. Every listing
//! brings each event's group and going count in the same row: one query per list.

use super::{Conn, DbError, execute, query_as, query_scalar};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EventRow {
    pub id: i64,
    pub ap_id: Option<String>,
    pub local: bool,
    pub group_id: i64,
    pub author_id: i64,
    pub title: String,
    pub description_source: String,
    pub description_html: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub time_zone: String,
    pub address: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub online_url: String,
    pub capacity: Option<i64>,
    pub remote_participant_count: i64,
    pub created_at: i64,
    pub updated_at: i64,
    pub deleted_at: Option<i64>,
    pub group_name: String,
    pub group_title: String,
    pub group_local: bool,
    pub group_host: Option<String>,
    pub group_ap_id: Option<String>,
    pub author_name: String,
    pub author_display_name: String,
    pub author_local: bool,
    pub author_host: Option<String>,
    pub author_ap_id: Option<String>,
    pub going_count: i64,
    /// The viewer's answer (`going`, `not_going`), when a viewer was given.
    pub viewer_status: Option<String>,
    /// Mobilizon's `joinMode`: `free`, `restricted`, `invite` or `external`.
    pub join_mode: String,
    /// A remote organiser's answer to the viewer's `Join`: `confirmed`, `declined`, or none yet.
    pub viewer_confirmation: Option<String>,
}

/// `$1` is the viewer (or NULL); conditions follow with `AND`. A private (closed) group's
/// events are for its members only (issue 15).
macro_rules! select_event {
    () => {
        "SELECT e.id, e.ap_id, e.local, e.group_id, e.author_id, e.title, e.description_source, \
         e.description_html, e.starts_at, e.ends_at, e.time_zone, e.address, e.latitude, e.longitude, \
         e.online_url, e.capacity, e.remote_participant_count, e.created_at, e.updated_at, e.deleted_at, \
         g.name AS group_name, g.display_name AS group_title, g.local AS group_local, gi.host AS group_host, \
         g.ap_id AS group_ap_id, a.name AS author_name, a.display_name AS author_display_name, \
         a.local AS author_local, ai.host AS author_host, a.ap_id AS author_ap_id, \
         (SELECT COUNT(*) FROM event_participants p WHERE p.event_id = e.id AND p.status = 'going') AS going_count, \
         (SELECT p.status FROM event_participants p WHERE p.event_id = e.id AND p.actor_id = $1) AS viewer_status, \
         e.join_mode, \
         (SELECT p.confirmation FROM event_participants p WHERE p.event_id = e.id AND p.actor_id = $1) \
            AS viewer_confirmation \
         FROM events e \
         JOIN actors g ON g.id = e.group_id LEFT JOIN instances gi ON gi.id = g.instance_id \
         JOIN actors a ON a.id = e.author_id LEFT JOIN instances ai ON ai.id = a.instance_id \
         WHERE e.deleted_at IS NULL AND (NOT g.closed \
           OR EXISTS (SELECT 1 FROM follows vf WHERE vf.follower_id = $1 AND vf.followed_id = g.id \
             AND vf.state = 'accepted') \
           OR EXISTS (SELECT 1 FROM group_moderators vg WHERE vg.group_id = g.id AND vg.actor_id = $1)) "
    };
}

/// The fields of a new or edited event.
pub struct EventFields<'a> {
    pub title: &'a str,
    pub description_source: &'a str,
    pub description_html: &'a str,
    pub starts_at: i64,
    pub ends_at: i64,
    pub time_zone: &'a str,
    pub address: &'a str,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub online_url: &'a str,
    pub capacity: Option<i64>,
    /// `free` for ours; what a remote event says (`restricted`, `invite`, `external`).
    pub join_mode: &'a str,
}

#[allow(clippy::too_many_arguments)]
pub async fn insert_event(
    conn: &mut Conn<'_>,
    id: i64,
    ap_id: Option<&str>,
    group_id: i64,
    author_id: i64,
    fields: &EventFields<'_>,
    remote_participant_count: i64,
    now: i64,
) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO events (id, ap_id, local, group_id, author_id, title, description_source, \
         description_html, starts_at, ends_at, time_zone, address, latitude, longitude, online_url, \
         capacity, remote_participant_count, created_at, updated_at, join_mode) \
         VALUES ($1, $2, $2 IS NULL, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17, $18)",
        id,
        ap_id,
        group_id,
        author_id,
        fields.title,
        fields.description_source,
        fields.description_html,
        fields.starts_at,
        fields.ends_at,
        fields.time_zone,
        fields.address,
        fields.latitude,
        fields.longitude,
        fields.online_url,
        fields.capacity,
        remote_participant_count,
        now,
        fields.join_mode,
    )?;
    Ok(())
}

pub async fn update_event(
    conn: &mut Conn<'_>,
    id: i64,
    fields: &EventFields<'_>,
    remote_participant_count: i64,
    now: i64,
) -> Result<(), DbError> {
    execute!(
        conn,
        "UPDATE events SET title = $2, description_source = $3, description_html = $4, starts_at = $5, \
         ends_at = $6, time_zone = $7, address = $8, latitude = $9, longitude = $10, online_url = $11, \
         capacity = $12, remote_participant_count = $13, updated_at = $14, join_mode = $15 WHERE id = $1",
        id,
        fields.title,
        fields.description_source,
        fields.description_html,
        fields.starts_at,
        fields.ends_at,
        fields.time_zone,
        fields.address,
        fields.latitude,
        fields.longitude,
        fields.online_url,
        fields.capacity,
        remote_participant_count,
        now,
        fields.join_mode,
    )?;
    Ok(())
}

/// Marks an event deleted (the row stays, so its id answers with a Tombstone).
pub async fn delete_event(conn: &mut Conn<'_>, id: i64, now: i64) -> Result<bool, DbError> {
    Ok(execute!(conn, "UPDATE events SET deleted_at = $2 WHERE id = $1 AND deleted_at IS NULL", id, now)? > 0)
}

/// Takes the event's row lock (a no-op write), so concurrent answers to a full event queue up
/// on both backends before counting.
pub async fn lock_event(conn: &mut Conn<'_>, id: i64) -> Result<bool, DbError> {
    Ok(execute!(conn, "UPDATE events SET updated_at = updated_at WHERE id = $1 AND deleted_at IS NULL", id)?
        > 0)
}

pub async fn get_event(
    conn: &mut Conn<'_>,
    id: i64,
    viewer: Option<i64>,
) -> Result<Option<EventRow>, DbError> {
    query_as!(conn, EventRow, fetch_optional, concat!(select_event!(), "AND e.id = $2"), viewer, id)
}

/// Whether an event row exists at all, deleted or not (deleted ones answer 410).
pub async fn get_event_deleted(conn: &mut Conn<'_>, id: i64) -> Result<Option<bool>, DbError> {
    query_scalar!(conn, bool, fetch_optional, "SELECT deleted_at IS NOT NULL FROM events WHERE id = $1", id)
}

pub async fn get_event_id_by_ap_id(conn: &mut Conn<'_>, ap_id: &str) -> Result<Option<i64>, DbError> {
    query_scalar!(conn, i64, fetch_optional, "SELECT id FROM events WHERE ap_id = $1", ap_id)
}

/// A group's events starting at or after `from`, soonest first.
pub async fn list_group_upcoming(
    conn: &mut Conn<'_>,
    viewer: Option<i64>,
    group_id: i64,
    from: i64,
    limit: i64,
) -> Result<Vec<EventRow>, DbError> {
    query_as!(
        conn,
        EventRow,
        fetch_all,
        concat!(
            select_event!(),
            "AND e.group_id = $2 AND e.ends_at >= $3 ORDER BY e.starts_at, e.id LIMIT $4"
        ),
        viewer,
        group_id,
        from,
        limit,
    )
}

/// A group's events that ended before `before`, latest first.
pub async fn list_group_past(
    conn: &mut Conn<'_>,
    viewer: Option<i64>,
    group_id: i64,
    before: i64,
    limit: i64,
) -> Result<Vec<EventRow>, DbError> {
    query_as!(
        conn,
        EventRow,
        fetch_all,
        concat!(
            select_event!(),
            "AND e.group_id = $2 AND e.ends_at < $3 ORDER BY e.starts_at DESC, e.id DESC LIMIT $4"
        ),
        viewer,
        group_id,
        before,
        limit,
    )
}

/// A group's latest events by start, newest first (feeds).
pub async fn list_group_events(
    conn: &mut Conn<'_>,
    group_id: i64,
    limit: i64,
) -> Result<Vec<EventRow>, DbError> {
    query_as!(
        conn,
        EventRow,
        fetch_all,
        concat!(select_event!(), "AND e.group_id = $2 ORDER BY e.starts_at DESC, e.id DESC LIMIT $3"),
        None::<i64>,
        group_id,
        limit,
    )
}

/// Every known event starting in `[from, to)`, soonest first (the instance calendar).
pub async fn list_events_between(
    conn: &mut Conn<'_>,
    from: i64,
    to: i64,
    limit: i64,
) -> Result<Vec<EventRow>, DbError> {
    query_as!(
        conn,
        EventRow,
        fetch_all,
        concat!(
            select_event!(),
            "AND e.starts_at >= $2 AND e.starts_at < $3 ORDER BY e.starts_at, e.id LIMIT $4"
        ),
        None::<i64>,
        from,
        to,
        limit,
    )
}

/// The events a person answered `going` to, newest start first.
pub async fn list_events_of_participant(
    conn: &mut Conn<'_>,
    actor_id: i64,
    limit: i64,
) -> Result<Vec<EventRow>, DbError> {
    query_as!(
        conn,
        EventRow,
        fetch_all,
        concat!(
            select_event!(),
            "AND EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = e.id AND p.actor_id = $1 \
             AND p.status = 'going') ORDER BY e.starts_at DESC, e.id DESC LIMIT $2"
        ),
        Some(actor_id),
        limit,
    )
}

pub async fn count_going(conn: &mut Conn<'_>, event_id: i64) -> Result<i64, DbError> {
    query_scalar!(
        conn,
        i64,
        fetch_one,
        "SELECT COUNT(*) FROM event_participants WHERE event_id = $1 AND status = 'going'",
        event_id
    )
}

pub async fn get_participant_status(
    conn: &mut Conn<'_>,
    event_id: i64,
    actor_id: i64,
) -> Result<Option<String>, DbError> {
    query_scalar!(
        conn,
        String,
        fetch_optional,
        "SELECT status FROM event_participants WHERE event_id = $1 AND actor_id = $2",
        event_id,
        actor_id,
    )
}

pub async fn upsert_participant(
    conn: &mut Conn<'_>,
    event_id: i64,
    actor_id: i64,
    status: &str,
    join_ap_id: Option<&str>,
    now: i64,
) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO event_participants (event_id, actor_id, status, join_ap_id, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (event_id, actor_id) DO UPDATE SET \
         status = excluded.status, join_ap_id = COALESCE(excluded.join_ap_id, event_participants.join_ap_id), \
         confirmation = NULL, updated_at = excluded.updated_at",
        event_id,
        actor_id,
        status,
        join_ap_id,
        now,
    )?;
    Ok(())
}

/// A remote organiser's answer to someone's `Join`: `confirmed` keeps them going, `declined`
/// makes them not going. Only a person who is still going is changed; returns whether one was.
pub async fn update_participant_confirmation(
    conn: &mut Conn<'_>,
    event_id: i64,
    actor_id: i64,
    confirmation: &str,
    status: &str,
    now: i64,
) -> Result<bool, DbError> {
    Ok(execute!(
        conn,
        "UPDATE event_participants SET confirmation = $3, status = $4, updated_at = $5 \
         WHERE event_id = $1 AND actor_id = $2 AND status = 'going'",
        event_id,
        actor_id,
        confirmation,
        status,
        now,
    )? > 0)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ParticipantRow {
    pub actor_id: i64,
    pub name: String,
    pub display_name: String,
    pub local: bool,
    pub host: Option<String>,
    pub ap_id: Option<String>,
    pub join_ap_id: Option<String>,
    pub updated_at: i64,
}

/// Who is going, in the order they answered.
pub async fn list_going(conn: &mut Conn<'_>, event_id: i64) -> Result<Vec<ParticipantRow>, DbError> {
    query_as!(
        conn,
        ParticipantRow,
        fetch_all,
        "SELECT a.id AS actor_id, a.name, a.display_name, a.local, i.host, a.ap_id, p.join_ap_id, p.updated_at \
         FROM event_participants p JOIN actors a ON a.id = p.actor_id LEFT JOIN instances i ON i.id = a.instance_id \
         WHERE p.event_id = $1 AND p.status = 'going' ORDER BY p.updated_at, a.id",
        event_id,
    )
}

pub async fn get_participant(
    conn: &mut Conn<'_>,
    event_id: i64,
    actor_id: i64,
) -> Result<Option<ParticipantRow>, DbError> {
    query_as!(
        conn,
        ParticipantRow,
        fetch_optional,
        "SELECT a.id AS actor_id, a.name, a.display_name, a.local, i.host, a.ap_id, p.join_ap_id, p.updated_at \
         FROM event_participants p JOIN actors a ON a.id = p.actor_id LEFT JOIN instances i ON i.id = a.instance_id \
         WHERE p.event_id = $1 AND p.actor_id = $2",
        event_id,
        actor_id,
    )
}

pub async fn get_calendar_token(conn: &mut Conn<'_>, account_id: i64) -> Result<Option<String>, DbError> {
    query_scalar!(
        conn,
        String,
        fetch_optional,
        "SELECT token FROM calendar_tokens WHERE account_id = $1",
        account_id
    )
}

/// Sets (or replaces) a member's calendar token.
pub async fn upsert_calendar_token(
    conn: &mut Conn<'_>,
    account_id: i64,
    token: &str,
    now: i64,
) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO calendar_tokens (account_id, token, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (account_id) DO UPDATE SET token = excluded.token, created_at = excluded.created_at",
        account_id,
        token,
        now,
    )?;
    Ok(())
}

pub async fn get_account_by_calendar_token(conn: &mut Conn<'_>, token: &str) -> Result<Option<i64>, DbError> {
    query_scalar!(conn, i64, fetch_optional, "SELECT account_id FROM calendar_tokens WHERE token = $1", token)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EventRefRow {
    pub local: bool,
    pub ap_id: Option<String>,
    pub group_id: i64,
    pub group_name: String,
    pub group_local: bool,
}

/// Whose an event is, deleted or not (for federating its deletion).
pub async fn get_event_ref(conn: &mut Conn<'_>, id: i64) -> Result<Option<EventRefRow>, DbError> {
    query_as!(
        conn,
        EventRefRow,
        fetch_optional,
        "SELECT e.local, e.ap_id, e.group_id, g.name AS group_name, g.local AS group_local \
         FROM events e JOIN actors g ON g.id = e.group_id WHERE e.id = $1",
        id,
    )
}
