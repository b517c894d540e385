//! Thread openers and replies live in one table: an opener is a post whose `root_id` is its own id.

use super::{Conn, DbError, execute, query_as, query_scalar};

/// A post with its author and group, and the viewer's like, ready for a page.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PostRow {
    pub id: i64,
    pub root_id: i64,
    pub in_reply_to_id: Option<i64>,
    pub group_id: Option<i64>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub content_html: String,
    pub language: String,
    pub local: bool,
    pub reply_count: i64,
    pub like_count: i64,
    pub last_activity_at: i64,
    pub created_at: i64,
    pub updated_at: Option<i64>,
    pub deleted_at: Option<i64>,
    pub author_id: i64,
    pub author_name: String,
    pub author_display_name: String,
    pub author_host: Option<String>,
    pub group_name: Option<String>,
    pub group_title: Option<String>,
    pub group_host: Option<String>,
    pub viewer_liked: bool,
    pub has_replies: bool,
}

/// Every post query selects the same columns; `$1` is always the viewer (or NULL).
macro_rules! select_post {
    () => {
        "SELECT p.id, p.root_id, p.in_reply_to_id, p.group_id, p.title, p.source, p.content_html, \
         p.language, p.local, p.reply_count, p.like_count, p.last_activity_at, p.created_at, \
         p.updated_at, p.deleted_at, p.author_id, a.name AS author_name, \
         a.display_name AS author_display_name, ai.host AS author_host, g.name AS group_name, \
         g.display_name AS group_title, gi.host AS group_host, \
         EXISTS (SELECT 1 FROM likes l WHERE l.post_id = p.id AND l.actor_id = $1) AS viewer_liked, \
         EXISTS (SELECT 1 FROM posts c WHERE c.in_reply_to_id = p.id AND c.deleted_at IS NULL) AS has_replies \
         FROM posts p \
         JOIN actors a ON a.id = p.author_id \
         LEFT JOIN instances ai ON ai.id = a.instance_id \
         LEFT JOIN actors g ON g.id = p.group_id \
         LEFT JOIN instances gi ON gi.id = g.instance_id "
    };
}

pub struct NewPost<'a> {
    pub id: i64,
    pub author_id: i64,
    pub group_id: Option<i64>,
    pub root_id: i64,
    pub in_reply_to_id: Option<i64>,
    pub title: Option<&'a str>,
    pub source: &'a str,
    pub content_html: &'a str,
    pub language: &'a str,
    pub now: i64,
}

pub async fn insert_local_post(conn: &mut Conn<'_>, post: &NewPost<'_>) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO posts (id, local, author_id, group_id, root_id, in_reply_to_id, title, source, \
         content_html, language, last_activity_at, created_at) \
         VALUES ($1, TRUE, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)",
        post.id,
        post.author_id,
        post.group_id,
        post.root_id,
        post.in_reply_to_id,
        post.title,
        post.source,
        post.content_html,
        post.language,
        post.now,
    )?;
    Ok(())
}

pub async fn get_post(conn: &mut Conn<'_>, viewer: Option<i64>, id: i64) -> Result<Option<PostRow>, DbError> {
    query_as!(conn, PostRow, fetch_optional, concat!(select_post!(), "WHERE p.id = $2"), viewer, id)
}

/// Thread openers of one group, most recently active first, after a (last activity, id) cursor.
/// Deleted openers stay listed while their thread has replies.
pub async fn list_group_threads(
    conn: &mut Conn<'_>,
    viewer: Option<i64>,
    group_id: i64,
    before: Option<(i64, i64)>,
    limit: i64,
) -> Result<Vec<PostRow>, DbError> {
    let (before_at, before_id) = before.unzip();
    query_as!(
        conn,
        PostRow,
        fetch_all,
        concat!(
            select_post!(),
            "WHERE p.group_id = $2 AND p.id = p.root_id AND (p.deleted_at IS NULL OR p.reply_count > 0) \
             AND ($3 IS NULL OR p.last_activity_at < $3 OR (p.last_activity_at = $3 AND p.id < $4)) \
             ORDER BY p.last_activity_at DESC, p.id DESC LIMIT $5"
        ),
        viewer,
        group_id,
        before_at,
        before_id,
        limit,
    )
}

/// The latest threads of all local groups, newest activity first.
pub async fn list_latest_threads(
    conn: &mut Conn<'_>,
    viewer: Option<i64>,
    before: Option<(i64, i64)>,
    limit: i64,
) -> Result<Vec<PostRow>, DbError> {
    let (before_at, before_id) = before.unzip();
    query_as!(
        conn,
        PostRow,
        fetch_all,
        concat!(
            select_post!(),
            "WHERE p.id = p.root_id AND p.group_id IS NOT NULL AND p.deleted_at IS NULL \
             AND ($2 IS NULL OR p.last_activity_at < $2 OR (p.last_activity_at = $2 AND p.id < $3)) \
             ORDER BY p.last_activity_at DESC, p.id DESC LIMIT $4"
        ),
        viewer,
        before_at,
        before_id,
        limit,
    )
}

/// Replies of a thread in the order they were written, after an id cursor. Deleted replies
/// stay (as placeholders) only while something answers them.
pub async fn list_thread_replies(
    conn: &mut Conn<'_>,
    viewer: Option<i64>,
    root_id: i64,
    after_id: Option<i64>,
    limit: i64,
) -> Result<Vec<PostRow>, DbError> {
    query_as!(
        conn,
        PostRow,
        fetch_all,
        concat!(
            select_post!(),
            "WHERE p.root_id = $2 AND p.id <> p.root_id AND ($3 IS NULL OR p.id > $3) \
             AND (p.deleted_at IS NULL OR EXISTS \
                  (SELECT 1 FROM posts c WHERE c.in_reply_to_id = p.id AND c.deleted_at IS NULL)) \
             ORDER BY p.id LIMIT $4"
        ),
        viewer,
        root_id,
        after_id,
        limit,
    )
}

/// A person's posts, newest first.
pub async fn list_author_posts(
    conn: &mut Conn<'_>,
    viewer: Option<i64>,
    author_id: i64,
    before_id: Option<i64>,
    limit: i64,
) -> Result<Vec<PostRow>, DbError> {
    query_as!(
        conn,
        PostRow,
        fetch_all,
        concat!(
            select_post!(),
            "WHERE p.author_id = $2 AND p.deleted_at IS NULL AND ($3 IS NULL OR p.id < $3) \
             ORDER BY p.id DESC LIMIT $4"
        ),
        viewer,
        author_id,
        before_id,
        limit,
    )
}

/// Counts a new reply on its thread opener and bumps the thread.
pub async fn update_thread_on_reply(conn: &mut Conn<'_>, root_id: i64, now: i64) -> Result<(), DbError> {
    execute!(
        conn,
        "UPDATE posts SET reply_count = reply_count + 1, last_activity_at = $2 WHERE id = $1",
        root_id,
        now,
    )?;
    Ok(())
}

pub async fn update_thread_on_reply_deleted(conn: &mut Conn<'_>, root_id: i64) -> Result<(), DbError> {
    execute!(
        conn,
        "UPDATE posts SET reply_count = reply_count - 1 WHERE id = $1 AND reply_count > 0",
        root_id,
    )?;
    Ok(())
}

pub async fn update_post_content(
    conn: &mut Conn<'_>,
    id: i64,
    title: Option<&str>,
    source: &str,
    content_html: &str,
    now: i64,
) -> Result<u64, DbError> {
    execute!(
        conn,
        "UPDATE posts SET title = COALESCE($2, title), source = $3, content_html = $4, updated_at = $5 \
         WHERE id = $1 AND deleted_at IS NULL",
        id,
        title,
        source,
        content_html,
        now,
    )
}

/// Deletion keeps the row (replies point at it, peers need a Tombstone) and drops the content.
pub async fn update_post_deleted(conn: &mut Conn<'_>, id: i64, now: i64) -> Result<u64, DbError> {
    execute!(
        conn,
        "UPDATE posts SET source = NULL, content_html = '', deleted_at = $2 WHERE id = $1 AND deleted_at IS NULL",
        id,
        now,
    )
}

pub async fn update_like_count(conn: &mut Conn<'_>, id: i64, delta: i64) -> Result<(), DbError> {
    execute!(conn, "UPDATE posts SET like_count = like_count + $2 WHERE id = $1", id, delta)?;
    Ok(())
}

pub async fn count_posts(conn: &mut Conn<'_>) -> Result<i64, DbError> {
    query_scalar!(conn, i64, fetch_one, "SELECT COUNT(*) FROM posts WHERE deleted_at IS NULL")
}
