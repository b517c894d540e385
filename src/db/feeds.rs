//! Thread openers for Atom feeds: newest first by creation, each with its author and group in
//! the same row, so a feed costs one query however many entries it has.

use super::{Conn, DbError, query_as};

/// A thread opener with what an Atom entry says about its author and group.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FeedEntryRow {
    pub id: i64,
    pub ap_id: Option<String>,
    pub local: bool,
    pub title: Option<String>,
    pub content_html: String,
    pub language: String,
    pub created_at: i64,
    pub updated_at: Option<i64>,
    pub author_name: String,
    pub author_display_name: String,
    pub author_host: Option<String>,
    pub author_ap_id: Option<String>,
    pub author_local: bool,
    pub group_name: String,
    pub group_title: String,
    pub group_host: Option<String>,
    pub group_ap_id: Option<String>,
    pub group_local: bool,
}

macro_rules! select_feed_entry {
    () => {
        "SELECT p.id, p.ap_id, p.local, p.title, p.content_html, p.language, p.created_at, \
         p.updated_at, a.name AS author_name, a.display_name AS author_display_name, \
         ai.host AS author_host, a.ap_id AS author_ap_id, a.local AS author_local, \
         g.name AS group_name, g.display_name AS group_title, gi.host AS group_host, \
         g.ap_id AS group_ap_id, g.local AS group_local \
         FROM posts p \
         JOIN actors a ON a.id = p.author_id AND a.suspended_at IS NULL \
         LEFT JOIN instances ai ON ai.id = a.instance_id \
         JOIN actors g ON g.id = p.group_id \
         LEFT JOIN instances gi ON gi.id = g.instance_id \
         WHERE p.id = p.root_id AND p.deleted_at IS NULL AND p.visibility = 'public' "
    };
}

/// The newest thread openers of one group (not deleted), newest first.
pub async fn list_group_feed_entries(
    conn: &mut Conn<'_>,
    group_id: i64,
    limit: i64,
) -> Result<Vec<FeedEntryRow>, DbError> {
    query_as!(
        conn,
        FeedEntryRow,
        fetch_all,
        concat!(select_feed_entry!(), "AND p.group_id = $1 ORDER BY p.created_at DESC, p.id DESC LIMIT $2"),
        group_id,
        limit,
    )
}

/// The newest thread openers in any group this instance knows (the home page's set), newest
/// first.
pub async fn list_latest_feed_entries(conn: &mut Conn<'_>, limit: i64) -> Result<Vec<FeedEntryRow>, DbError> {
    query_as!(
        conn,
        FeedEntryRow,
        fetch_all,
        concat!(select_feed_entry!(), "ORDER BY p.created_at DESC, p.id DESC LIMIT $1"),
        limit,
    )
}
