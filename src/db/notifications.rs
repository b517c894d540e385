//! Notifications of local members: replies and mentions, likes, follows.

use super::{Conn, DbError, execute, query_as, query_scalar};

/// Stores a notification for a local account; nothing happens when the recipient is not a
/// local account, is the actor itself, blocked or muted (with notifications) the actor, or was
/// already told about the same thing.
pub async fn insert_notification(
    conn: &mut Conn<'_>,
    id: i64,
    recipient: i64,
    kind: &str,
    from_actor: i64,
    post_id: Option<i64>,
    now: i64,
) -> Result<bool, DbError> {
    let inserted = execute!(
        conn,
        concat!(
            "INSERT INTO notifications (id, account_id, kind, from_actor_id, post_id, created_at) \
             SELECT $1, $2, $3, $4, $5, $6 WHERE $2 <> $4 \
             AND EXISTS (SELECT 1 FROM accounts WHERE actor_id = $2) AND NOT ",
            super::blocks::silenced_for!("$2", "$4", "$6"),
            " ON CONFLICT DO NOTHING"
        ),
        id,
        recipient,
        kind,
        from_actor,
        post_id,
        now,
    )?;
    Ok(inserted == 1)
}

/// Stores a notification about a report (`report_id`) for a local account other than `from_actor`.
pub async fn insert_report_notification(
    conn: &mut Conn<'_>,
    id: i64,
    recipient: i64,
    kind: &str,
    from_actor: i64,
    report_id: i64,
    now: i64,
) -> Result<bool, DbError> {
    let inserted = execute!(
        conn,
        "INSERT INTO notifications (id, account_id, kind, from_actor_id, report_id, created_at) \
         SELECT $1, $2, $3, $4, $5, $6 WHERE $2 <> $4 \
         AND EXISTS (SELECT 1 FROM accounts WHERE actor_id = $2)",
        id,
        recipient,
        kind,
        from_actor,
        report_id,
        now,
    )?;
    Ok(inserted == 1)
}

/// Removes an earlier notification of `kind` from `from_actor` about the same group or event,
/// so that joining again or answering again shows once, as new.
pub async fn delete_same_subject_notification(
    conn: &mut Conn<'_>,
    recipient: i64,
    kind: &str,
    from_actor: i64,
    group_id: Option<i64>,
    event_id: Option<i64>,
) -> Result<u64, DbError> {
    execute!(
        conn,
        "DELETE FROM notifications WHERE account_id = $1 AND kind = $2 AND from_actor_id = $3 \
         AND (group_id = $4 OR event_id = $5)",
        recipient,
        kind,
        from_actor,
        group_id,
        event_id,
    )
}

/// Stores a notification about a group (someone joined it) or an event (someone will go), with
/// the rules of [`insert_notification`], in place of an earlier one about the same.
#[allow(clippy::too_many_arguments)]
pub async fn insert_subject_notification(
    conn: &mut Conn<'_>,
    id: i64,
    recipient: i64,
    kind: &str,
    from_actor: i64,
    group_id: Option<i64>,
    event_id: Option<i64>,
    now: i64,
) -> Result<bool, DbError> {
    delete_same_subject_notification(conn, recipient, kind, from_actor, group_id, event_id).await?;
    let inserted = execute!(
        conn,
        concat!(
            "INSERT INTO notifications (id, account_id, kind, from_actor_id, group_id, event_id, created_at) \
             SELECT $1, $2, $3, $4, $5, $6, $7 WHERE $2 <> $4 \
             AND EXISTS (SELECT 1 FROM accounts WHERE actor_id = $2) AND NOT ",
            super::blocks::silenced_for!("$2", "$4", "$7"),
        ),
        id,
        recipient,
        kind,
        from_actor,
        group_id,
        event_id,
        now,
    )?;
    Ok(inserted == 1)
}

/// Removes an earlier notification of the same kind about the same post from the same actor,
/// so that a new one (another edit) is listed as new.
pub async fn delete_same_notification(
    conn: &mut Conn<'_>,
    recipient: i64,
    kind: &str,
    from_actor: i64,
    post_id: i64,
) -> Result<u64, DbError> {
    execute!(
        conn,
        "DELETE FROM notifications WHERE account_id = $1 AND kind = $2 AND from_actor_id = $3 AND post_id = $4",
        recipient,
        kind,
        from_actor,
        post_id,
    )
}

/// A notification with the actor it comes from.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct NotificationRow {
    pub id: i64,
    pub kind: String,
    pub post_id: Option<i64>,
    /// For notifications about a report.
    pub report_id: Option<i64>,
    pub created_at: i64,
    pub from_id: i64,
    pub from_kind: String,
    pub from_name: String,
    pub from_display_name: String,
    pub from_ap_id: Option<String>,
    pub from_summary_html: String,
    pub from_created_at: i64,
    pub from_host: Option<String>,
}

macro_rules! select_notification {
    () => {
        "SELECT n.id, n.kind, n.post_id, n.report_id, n.created_at, a.id AS from_id, a.kind AS from_kind, \
         a.name AS from_name, a.display_name AS from_display_name, a.ap_id AS from_ap_id, \
         a.summary_html AS from_summary_html, a.created_at AS from_created_at, i.host AS from_host \
         FROM notifications n JOIN actors a ON a.id = n.from_actor_id \
         LEFT JOIN instances i ON i.id = a.instance_id "
    };
}

/// Newest first below `max_id`, or (with `ascending`) oldest first above the lower bound.
/// `kinds` is a comma-framed list like `,mention,favourite,`, or None for all kinds.
#[allow(clippy::too_many_arguments)]
pub async fn list_notifications(
    conn: &mut Conn<'_>,
    account: i64,
    max_id: Option<i64>,
    lower: Option<i64>,
    ascending: bool,
    limit: i64,
    kinds: Option<&str>,
    from_account: Option<i64>,
    now: i64,
) -> Result<Vec<NotificationRow>, DbError> {
    // One statement per direction, each ordered by the id alone, so the index on
    // (account_id, id) gives the order and the bounds (no sort of all of a member's notifications).
    macro_rules! notifications_in {
        ($order:literal, $direction:literal) => {
            concat!(
                select_notification!(),
                "WHERE n.account_id = $1 AND n.id < COALESCE($2, 9223372036854775807) AND n.id > COALESCE($3, 0) \
                 AND ($6 IS NULL OR $6 LIKE '%,' || n.kind || ',%') AND ($7 IS NULL OR n.from_actor_id = $7) \
                 AND $4 = ",
                $direction,
                " AND NOT ",
                super::blocks::silenced_for!("$1", "n.from_actor_id", "$8"),
                " ORDER BY n.id ",
                $order,
                " LIMIT $5"
            )
        };
    }
    if ascending {
        query_as!(
            conn,
            NotificationRow,
            fetch_all,
            notifications_in!("ASC", "TRUE"),
            account,
            max_id,
            lower,
            ascending,
            limit,
            kinds,
            from_account,
            now,
        )
    } else {
        query_as!(
            conn,
            NotificationRow,
            fetch_all,
            notifications_in!("DESC", "FALSE"),
            account,
            max_id,
            lower,
            ascending,
            limit,
            kinds,
            from_account,
            now,
        )
    }
}

pub async fn get_notification(
    conn: &mut Conn<'_>,
    account: i64,
    id: i64,
) -> Result<Option<NotificationRow>, DbError> {
    query_as!(
        conn,
        NotificationRow,
        fetch_optional,
        concat!(select_notification!(), "WHERE n.account_id = $1 AND n.id = $2"),
        account,
        id
    )
}

pub async fn delete_notification(conn: &mut Conn<'_>, account: i64, id: i64) -> Result<u64, DbError> {
    execute!(conn, "DELETE FROM notifications WHERE account_id = $1 AND id = $2", account, id)
}

pub async fn delete_all_notifications(conn: &mut Conn<'_>, account: i64) -> Result<u64, DbError> {
    execute!(conn, "DELETE FROM notifications WHERE account_id = $1", account)
}

/// Notifications newer than the member's `notifications` marker and not marked read one by one
/// (not those the member's blocks and mutes leave out of the list).
pub async fn count_unread(conn: &mut Conn<'_>, account: i64, now: i64) -> Result<i64, DbError> {
    query_scalar!(
        conn,
        i64,
        fetch_one,
        concat!(
            "SELECT COUNT(*) FROM notifications n WHERE n.account_id = $1 AND n.id > COALESCE( \
             (SELECT CAST(m.last_read_id AS BIGINT) FROM markers m \
              WHERE m.account_id = $1 AND m.timeline = 'notifications'), 0) AND n.read_at IS NULL AND NOT ",
            super::blocks::silenced_for!("$1", "n.from_actor_id", "$2")
        ),
        account,
        now
    )
}

/// Marks one notification read (the web's "mark as read"); false when it is not the member's.
pub async fn update_notification_read(
    conn: &mut Conn<'_>,
    account: i64,
    id: i64,
    now: i64,
) -> Result<bool, DbError> {
    let changed = execute!(
        conn,
        "UPDATE notifications SET read_at = $3 WHERE account_id = $1 AND id = $2 AND read_at IS NULL",
        account,
        id,
        now,
    )?;
    Ok(changed > 0)
}

/// The member's newest notification id, where "mark all as read" moves the marker to.
pub async fn newest_notification_id(conn: &mut Conn<'_>, account: i64) -> Result<Option<i64>, DbError> {
    query_scalar!(
        conn,
        Option<i64>,
        fetch_one,
        "SELECT MAX(id) FROM notifications WHERE account_id = $1",
        account
    )
}

/// A notification as the web page lists it: who, what, and where it leads, in one row.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct NotificationEntryRow {
    pub id: i64,
    pub kind: String,
    pub created_at: i64,
    pub read_at: Option<i64>,
    /// The `notifications` marker: everything up to it counts as read.
    pub read_up_to: i64,
    pub from_name: String,
    pub from_display_name: String,
    pub from_host: Option<String>,
    pub post_id: Option<i64>,
    pub post_root_id: Option<i64>,
    /// The title of the post's thread.
    pub thread_title: Option<String>,
    pub report_id: Option<i64>,
    /// The group of the reported posts (for a moderator's report), if ours.
    pub report_group_name: Option<String>,
    pub report_target_name: Option<String>,
    pub report_target_host: Option<String>,
    /// The group someone joined: its name and whether it is ours.
    pub joined_group_name: Option<String>,
    pub event_id: Option<i64>,
    pub event_title: Option<String>,
}

/// One page of the member's notifications of `kinds` (comma-framed), newest first below
/// `max_id`, in one query whatever their kinds.
pub async fn list_notification_entries(
    conn: &mut Conn<'_>,
    account: i64,
    max_id: Option<i64>,
    limit: i64,
    kinds: &str,
    now: i64,
) -> Result<Vec<NotificationEntryRow>, DbError> {
    query_as!(
        conn,
        NotificationEntryRow,
        fetch_all,
        concat!(
            "SELECT n.id, n.kind, n.created_at, n.read_at, \
             COALESCE(CAST(m.last_read_id AS BIGINT), 0) AS read_up_to, \
             a.name AS from_name, a.display_name AS from_display_name, i.host AS from_host, \
             n.post_id, p.root_id AS post_root_id, root.title AS thread_title, \
             n.report_id, CASE WHEN rg.local THEN rg.name END AS report_group_name, \
             rt.name AS report_target_name, rti.host AS report_target_host, \
             jg.name AS joined_group_name, n.event_id, ev.title AS event_title \
             FROM notifications n JOIN actors a ON a.id = n.from_actor_id \
             LEFT JOIN instances i ON i.id = a.instance_id \
             LEFT JOIN markers m ON m.account_id = n.account_id AND m.timeline = 'notifications' \
             LEFT JOIN posts p ON p.id = n.post_id LEFT JOIN posts root ON root.id = p.root_id \
             LEFT JOIN reports r ON r.id = n.report_id LEFT JOIN actors rg ON rg.id = r.group_id \
             LEFT JOIN actors rt ON rt.id = r.target_id LEFT JOIN instances rti ON rti.id = rt.instance_id \
             LEFT JOIN actors jg ON jg.id = n.group_id LEFT JOIN events ev ON ev.id = n.event_id \
             WHERE n.account_id = $1 AND n.id < COALESCE($2, 9223372036854775807) AND $4 LIKE '%,' || n.kind || ',%' \
             AND (n.post_id IS NULL OR p.deleted_at IS NULL) AND NOT ",
            super::blocks::silenced_for!("$1", "n.from_actor_id", "$5"),
            " ORDER BY n.id DESC LIMIT $3"
        ),
        account,
        max_id,
        limit,
        kinds,
        now,
    )
}

/// A notification as a digest mail lists it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DigestEntryRow {
    pub kind: String,
    pub from_name: String,
    pub from_host: Option<String>,
    pub post_id: Option<i64>,
    pub post_root_id: Option<i64>,
    pub thread_title: Option<String>,
}

/// The member's notifications of `kinds` (comma-framed) written after `since`, oldest first.
pub async fn list_digest_entries(
    conn: &mut Conn<'_>,
    account: i64,
    since: i64,
    kinds: &str,
    limit: i64,
) -> Result<Vec<DigestEntryRow>, DbError> {
    query_as!(
        conn,
        DigestEntryRow,
        fetch_all,
        "SELECT n.kind, a.name AS from_name, i.host AS from_host, n.post_id, p.root_id AS post_root_id, \
         root.title AS thread_title \
         FROM notifications n JOIN actors a ON a.id = n.from_actor_id \
         LEFT JOIN instances i ON i.id = a.instance_id \
         LEFT JOIN posts p ON p.id = n.post_id LEFT JOIN posts root ON root.id = p.root_id \
         WHERE n.account_id = $1 AND n.created_at > $2 AND $3 LIKE '%,' || n.kind || ',%' \
         AND (n.post_id IS NULL OR p.deleted_at IS NULL) \
         ORDER BY n.id LIMIT $4",
        account,
        since,
        kinds,
        limit,
    )
}
