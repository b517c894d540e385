//! Reports and the snapshots of the posts they name (see migrations `0017_reports.sql`).

use super::{Conn, DbError, execute, query_as, query_scalar};

pub struct NewReport<'a> {
    pub id: i64,
    pub target_id: i64,
    pub reporter_id: Option<i64>,
    pub origin_host: Option<&'a str>,
    pub flag_ap_id: Option<&'a str>,
    pub group_id: Option<i64>,
    pub category: &'a str,
    pub comment: &'a str,
    pub forwarded: bool,
    pub now: i64,
}

/// Stores a report; false when a report from the same `Flag` is already stored.
pub async fn insert_report(conn: &mut Conn<'_>, report: &NewReport<'_>) -> Result<bool, DbError> {
    let inserted = execute!(
        conn,
        "INSERT INTO reports (id, target_id, reporter_id, origin_host, flag_ap_id, group_id, category, \
         comment, forwarded, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) \
         ON CONFLICT DO NOTHING",
        report.id,
        report.target_id,
        report.reporter_id,
        report.origin_host,
        report.flag_ap_id,
        report.group_id,
        report.category,
        report.comment,
        report.forwarded,
        report.now,
    )?;
    Ok(inserted == 1)
}

/// Copies a post as it is now into the report: title, HTML, author and time.
pub async fn insert_report_post_snapshot(
    conn: &mut Conn<'_>,
    report_id: i64,
    position: i64,
    post_id: i64,
) -> Result<u64, DbError> {
    execute!(
        conn,
        "INSERT INTO report_posts (report_id, position, post_id, post_ap_id, title, content_html, author_id, \
         author_name, posted_at) \
         SELECT $1, $2, p.id, p.ap_id, p.title, p.content_html, p.author_id, \
         CASE WHEN i.host IS NULL THEN a.name ELSE a.name || '@' || i.host END, p.created_at \
         FROM posts p JOIN actors a ON a.id = p.author_id LEFT JOIN instances i ON i.id = a.instance_id \
         WHERE p.id = $3",
        report_id,
        position,
        post_id,
    )
}

/// A report with the names of everyone it mentions.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ReportRow {
    pub id: i64,
    pub target_id: i64,
    pub target_name: String,
    pub target_host: Option<String>,
    pub target_ap_id: Option<String>,
    pub target_kind: String,
    pub target_display_name: String,
    pub target_summary_html: String,
    pub target_created_at: i64,
    pub target_suspended: bool,
    pub target_silenced: bool,
    pub reporter_id: Option<i64>,
    pub reporter_name: Option<String>,
    pub reporter_kind: Option<String>,
    pub reporter_display_name: Option<String>,
    pub reporter_host: Option<String>,
    pub reporter_ap_id: Option<String>,
    pub reporter_summary_html: Option<String>,
    pub reporter_created_at: Option<i64>,
    pub origin_host: Option<String>,
    pub group_id: Option<i64>,
    pub group_name: Option<String>,
    pub group_host: Option<String>,
    pub group_local: Option<bool>,
    pub category: String,
    pub comment: String,
    pub forwarded: bool,
    pub assigned_id: Option<i64>,
    pub assigned_name: Option<String>,
    pub resolved_by_id: Option<i64>,
    pub resolved_by_name: Option<String>,
    pub resolved_at: Option<i64>,
    pub action_taken: Option<String>,
    pub resolution_note: String,
    pub created_at: i64,
    pub updated_at: i64,
}

macro_rules! select_report {
    () => {
        "SELECT r.id, r.target_id, t.name AS target_name, ti.host AS target_host, t.ap_id AS target_ap_id, \
         t.kind AS target_kind, t.display_name AS target_display_name, \
         t.summary_html AS target_summary_html, t.created_at AS target_created_at, \
         t.suspended_at IS NOT NULL AS target_suspended, t.silenced_at IS NOT NULL AS target_silenced, \
         r.reporter_id, rp.name AS reporter_name, rp.kind AS reporter_kind, \
         rp.display_name AS reporter_display_name, rpi.host AS reporter_host, rp.ap_id AS reporter_ap_id, \
         rp.summary_html AS reporter_summary_html, rp.created_at AS reporter_created_at, r.origin_host, r.group_id, g.name AS group_name, \
         gi.host AS group_host, g.local AS group_local, r.category, r.comment, r.forwarded, r.assigned_id, \
         asg.name AS assigned_name, r.resolved_by_id, rb.name AS resolved_by_name, r.resolved_at, \
         r.action_taken, r.resolution_note, r.created_at, r.updated_at \
         FROM reports r JOIN actors t ON t.id = r.target_id LEFT JOIN instances ti ON ti.id = t.instance_id \
         LEFT JOIN actors rp ON rp.id = r.reporter_id LEFT JOIN instances rpi ON rpi.id = rp.instance_id \
         LEFT JOIN actors g ON g.id = r.group_id LEFT JOIN instances gi ON gi.id = g.instance_id \
         LEFT JOIN actors asg ON asg.id = r.assigned_id LEFT JOIN actors rb ON rb.id = r.resolved_by_id "
    };
}

pub async fn get_report(conn: &mut Conn<'_>, id: i64) -> Result<Option<ReportRow>, DbError> {
    query_as!(conn, ReportRow, fetch_optional, concat!(select_report!(), "WHERE r.id = $1"), id)
}

/// Reports, newest first below `max_id`: open ones or resolved ones, of one group (`group_id`)
/// or of all (None).
pub async fn list_reports(
    conn: &mut Conn<'_>,
    resolved: bool,
    group_id: Option<i64>,
    max_id: Option<i64>,
    limit: i64,
) -> Result<Vec<ReportRow>, DbError> {
    query_as!(
        conn,
        ReportRow,
        fetch_all,
        concat!(
            select_report!(),
            "WHERE (r.resolved_at IS NOT NULL) = $1 AND ($2 IS NULL OR r.group_id = $2) \
             AND ($3 IS NULL OR r.id < $3) ORDER BY r.id DESC LIMIT $4"
        ),
        resolved,
        group_id,
        max_id,
        limit,
    )
}

/// A post as it was when it was reported.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ReportPostRow {
    pub report_id: i64,
    pub post_id: Option<i64>,
    pub post_ap_id: Option<String>,
    pub title: Option<String>,
    pub content_html: String,
    pub author_id: Option<i64>,
    pub author_name: String,
    pub posted_at: i64,
    /// Whether the post is gone now (deleted or removed since).
    pub deleted_now: bool,
    /// The post's thread, to link to it while it exists.
    pub root_id: Option<i64>,
}

/// The snapshots of the reports with ids between `lowest` and `highest` that `ids` names: one
/// query for a page of reports.
pub async fn list_report_posts(
    conn: &mut Conn<'_>,
    lowest: i64,
    highest: i64,
) -> Result<Vec<ReportPostRow>, DbError> {
    query_as!(
        conn,
        ReportPostRow,
        fetch_all,
        "SELECT s.report_id, s.post_id, s.post_ap_id, s.title, s.content_html, s.author_id, s.author_name, \
         s.posted_at, (p.id IS NULL OR p.deleted_at IS NOT NULL) AS deleted_now, p.root_id \
         FROM report_posts s LEFT JOIN posts p ON p.id = s.post_id \
         WHERE s.report_id BETWEEN $1 AND $2 ORDER BY s.report_id, s.position",
        lowest,
        highest,
    )
}

/// Closes an open report; false when it was closed already.
pub async fn update_report_resolved(
    conn: &mut Conn<'_>,
    id: i64,
    by: i64,
    action: &str,
    note: &str,
    now: i64,
) -> Result<bool, DbError> {
    let changed = execute!(
        conn,
        "UPDATE reports SET resolved_by_id = $2, resolved_at = $5, action_taken = $3, resolution_note = $4, \
         updated_at = $5 WHERE id = $1 AND resolved_at IS NULL",
        id,
        by,
        action,
        note,
        now,
    )?;
    Ok(changed == 1)
}

/// Opens a closed report again; what resolved it is forgotten.
pub async fn update_report_reopened(conn: &mut Conn<'_>, id: i64, now: i64) -> Result<bool, DbError> {
    let changed = execute!(
        conn,
        "UPDATE reports SET resolved_by_id = NULL, resolved_at = NULL, action_taken = NULL, \
         resolution_note = '', updated_at = $2 WHERE id = $1 AND resolved_at IS NOT NULL",
        id,
        now,
    )?;
    Ok(changed == 1)
}

/// Sets (or with None clears) the moderator who took a report on.
pub async fn update_report_assigned(
    conn: &mut Conn<'_>,
    id: i64,
    assigned: Option<i64>,
    now: i64,
) -> Result<u64, DbError> {
    execute!(conn, "UPDATE reports SET assigned_id = $2, updated_at = $3 WHERE id = $1", id, assigned, now)
}

/// The local admins: everyone who sees every report.
pub async fn list_admin_ids(conn: &mut Conn<'_>) -> Result<Vec<i64>, DbError> {
    query_scalar!(
        conn,
        i64,
        fetch_all,
        "SELECT actor_id FROM accounts WHERE role = 'admin' ORDER BY actor_id"
    )
}

/// The local moderators of a group (the people who see its reports besides the admins).
pub async fn list_local_moderator_ids(conn: &mut Conn<'_>, group_id: i64) -> Result<Vec<i64>, DbError> {
    query_scalar!(
        conn,
        i64,
        fetch_all,
        "SELECT m.actor_id FROM group_moderators m JOIN accounts c ON c.actor_id = m.actor_id \
         WHERE m.group_id = $1 ORDER BY m.actor_id",
        group_id
    )
}
