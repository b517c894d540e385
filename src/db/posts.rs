//! Thread openers and replies live in one table: an opener is a post whose `root_id` is its own id.

use super::blocks::{hidden_from, hides_actor};
use super::visibility::{listed, readable_by};
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
    pub content_warning: Option<String>,
    pub language: String,
    pub local: bool,
    pub reply_count: i64,
    pub like_count: i64,
    pub last_activity_at: i64,
    pub created_at: i64,
    pub updated_at: Option<i64>,
    pub deleted_at: Option<i64>,
    /// Set on a locked thread's opener.
    pub locked_at: Option<i64>,
    /// Set on a pinned thread's opener (`thread_pins`).
    pub pinned_at: Option<i64>,
    pub author_id: i64,
    pub author_name: String,
    pub author_display_name: String,
    pub author_host: Option<String>,
    /// The author's avatar: a media file name (local) or a URL (remote).
    #[sqlx(default)]
    pub author_avatar: Option<String>,
    pub group_name: Option<String>,
    pub group_title: Option<String>,
    pub group_host: Option<String>,
    pub viewer_liked: bool,
    pub has_replies: bool,
    /// On thread pages: `block` or `mute` when the viewer blocked or muted the author (the
    /// post is shown collapsed); None elsewhere.
    #[sqlx(default)]
    pub viewer_hides: Option<String>,
    /// Set when moderators removed the post (it is then also deleted): their reason.
    pub removal_reason: Option<String>,
}

/// Every post query selects the same columns; `$1` is always the viewer (or NULL).
macro_rules! select_post {
    () => {
        "SELECT p.id, p.root_id, p.in_reply_to_id, p.group_id, p.title, p.source, p.content_html, \
         p.content_warning, p.language, p.local, p.reply_count, p.like_count, p.last_activity_at, p.created_at, \
         p.updated_at, p.deleted_at, p.locked_at, p.pinned_at, p.author_id, a.name AS author_name, \
         a.display_name AS author_display_name, ai.host AS author_host, a.avatar AS author_avatar, \
         g.name AS group_name, \
         g.display_name AS group_title, gi.host AS group_host, \
         EXISTS (SELECT 1 FROM likes l WHERE l.post_id = p.id AND l.actor_id = $1) AS viewer_liked, \
         EXISTS (SELECT 1 FROM posts c WHERE c.in_reply_to_id = p.id AND c.deleted_at IS NULL) AS has_replies, \
         (SELECT r.reason FROM post_removals r WHERE r.post_id = p.id) AS removal_reason \
         FROM posts p \
         JOIN actors a ON a.id = p.author_id AND a.suspended_at IS NULL \
         LEFT JOIN instances ai ON ai.id = a.instance_id \
         LEFT JOIN actors g ON g.id = p.group_id \
         LEFT JOIN instances gi ON gi.id = g.instance_id "
    };
}
pub(crate) use select_post;

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
    pub content_warning: Option<&'a str>,
    /// What the author chose (`domain::Visibility::as_str`); a post in a closed group is
    /// stored as `members` whatever was asked.
    pub visibility: &'a str,
    pub now: i64,
}

pub async fn insert_local_post(conn: &mut Conn<'_>, post: &NewPost<'_>) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO posts (id, local, author_id, group_id, root_id, in_reply_to_id, title, source, \
         content_html, language, last_activity_at, created_at, content_warning, sensitive, visibility) \
         VALUES ($1, TRUE, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11, $12, \
         CASE WHEN EXISTS (SELECT 1 FROM actors g WHERE g.id = $3 AND g.closed) THEN 'members' ELSE $13 END)",
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
        post.content_warning,
        post.content_warning.is_some(),
        post.visibility,
    )?;
    Ok(())
}

pub async fn get_post(conn: &mut Conn<'_>, viewer: Option<i64>, id: i64) -> Result<Option<PostRow>, DbError> {
    query_as!(conn, PostRow, fetch_optional, concat!(select_post!(), "WHERE p.id = $2"), viewer, id)
}

/// A post as [`get_post`] has it, with `viewer_hides` set when the viewer blocked or muted its
/// author (a thread page's opener, shown collapsed then).
pub async fn get_post_for_viewer(
    conn: &mut Conn<'_>,
    viewer: Option<i64>,
    id: i64,
    now: i64,
) -> Result<Option<PostRow>, DbError> {
    query_as!(
        conn,
        PostRow,
        fetch_optional,
        concat!(
            "SELECT x.*, CASE WHEN ",
            hides_actor!("$1", "x.author_id", "FALSE"),
            " THEN 'block' WHEN ",
            hidden_from!("$1", "x.author_id", "$3"),
            " THEN 'mute' END AS viewer_hides FROM (",
            select_post!(),
            "WHERE p.id = $2 AND ",
            readable_by!("$1", "p"),
            ") x"
        ),
        viewer,
        id,
        now
    )
}

/// Thread openers of one group, most recently active first, after a (last activity, id) cursor.
/// Deleted openers stay listed while their thread has replies; threads of people the viewer
/// blocked or muted are left out, and so are pinned threads (listed first, `thread_pins`).
pub async fn list_group_threads(
    conn: &mut Conn<'_>,
    viewer: Option<i64>,
    group_id: i64,
    before: Option<(i64, i64)>,
    limit: i64,
    now: i64,
) -> Result<Vec<PostRow>, DbError> {
    let (before_at, before_id) = before.unzip();
    query_as!(
        conn,
        PostRow,
        fetch_all,
        concat!(
            select_post!(),
            "WHERE p.group_id = $2 AND p.id = p.root_id AND (p.deleted_at IS NULL OR p.reply_count > 0) \
             AND (p.pinned_at IS NULL OR p.deleted_at IS NOT NULL) AND (p.last_activity_at, p.id) < (COALESCE($3, 9223372036854775807), COALESCE($4, 9223372036854775807)) AND ",
            readable_by!("$1", "p"),
            " AND NOT ",
            hidden_from!("$1", "p.author_id", "$6"),
            " ORDER BY p.last_activity_at DESC, p.id DESC LIMIT $5"
        ),
        viewer,
        group_id,
        before_at,
        before_id,
        limit,
        now,
    )
}

/// The latest threads of all local groups, newest activity first (not of people the viewer
/// blocked or muted).
pub async fn list_latest_threads(
    conn: &mut Conn<'_>,
    viewer: Option<i64>,
    before: Option<(i64, i64)>,
    limit: i64,
    now: i64,
) -> Result<Vec<PostRow>, DbError> {
    let (before_at, before_id) = before.unzip();
    query_as!(
        conn,
        PostRow,
        fetch_all,
        concat!(
            select_post!(),
            "WHERE p.id = p.root_id AND p.group_id IS NOT NULL AND p.deleted_at IS NULL \
             AND (p.last_activity_at, p.id) < (COALESCE($2, 9223372036854775807), COALESCE($3, 9223372036854775807)) AND ",
            listed!("p"),
            " AND NOT ",
            hidden_from!("$1", "p.author_id", "$5"),
            " ORDER BY p.last_activity_at DESC, p.id DESC LIMIT $4"
        ),
        viewer,
        before_at,
        before_id,
        limit,
        now,
    )
}

/// Replies of a thread in the order they were written, after an id cursor. Deleted replies
/// stay (as placeholders) only while something answers them; removed ones stay with their
/// reason, so everyone sees that moderators acted and why. Replies of people the viewer
/// blocked or muted stay in place, marked in `viewer_hides`, so the page can collapse them
/// without breaking the thread.
pub async fn list_thread_replies(
    conn: &mut Conn<'_>,
    viewer: Option<i64>,
    root_id: i64,
    after_id: Option<i64>,
    limit: i64,
    now: i64,
) -> Result<Vec<PostRow>, DbError> {
    query_as!(
        conn,
        PostRow,
        fetch_all,
        concat!(
            "SELECT x.*, CASE WHEN ",
            hides_actor!("$1", "x.author_id", "FALSE"),
            " THEN 'block' WHEN ",
            hidden_from!("$1", "x.author_id", "$5"),
            " THEN 'mute' END AS viewer_hides FROM (",
            select_post!(),
            "WHERE p.root_id = $2 AND p.id <> p.root_id AND ($3 IS NULL OR p.id > $3) \
             AND (p.deleted_at IS NULL OR EXISTS \
                  (SELECT 1 FROM posts c WHERE c.in_reply_to_id = p.id AND c.deleted_at IS NULL) \
                  OR EXISTS (SELECT 1 FROM post_removals r WHERE r.post_id = p.id)) AND ",
            readable_by!("$1", "p"),
            " ORDER BY p.id LIMIT $4) x ORDER BY x.id"
        ),
        viewer,
        root_id,
        after_id,
        limit,
        now,
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
            "WHERE p.author_id = $2 AND p.deleted_at IS NULL AND ($3 IS NULL OR p.id < $3) AND ",
            readable_by!("$1", "p"),
            " ORDER BY p.id DESC LIMIT $4"
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

/// An edit of a post's text. `None` keeps a field as it is.
#[derive(Debug, Clone, Copy)]
pub struct ContentChange<'a> {
    pub title: Option<&'a str>,
    pub source: &'a str,
    pub content_html: &'a str,
    /// `Some(None)` takes the content warning away; the post is sensitive when it has one.
    pub content_warning: Option<Option<&'a str>>,
    pub language: Option<&'a str>,
    pub now: i64,
}

pub async fn update_post_content(
    conn: &mut Conn<'_>,
    id: i64,
    change: &ContentChange<'_>,
) -> Result<u64, DbError> {
    let (replace_warning, warning) = match change.content_warning {
        Some(warning) => (true, warning),
        None => (false, None),
    };
    execute!(
        conn,
        "UPDATE posts SET title = COALESCE($2, title), source = $3, content_html = $4, updated_at = $5, \
         content_warning = CASE WHEN $6 THEN $7 ELSE content_warning END, \
         sensitive = CASE WHEN $6 THEN $7 IS NOT NULL ELSE sensitive END, \
         language = COALESCE($8, language) \
         WHERE id = $1 AND deleted_at IS NULL",
        id,
        change.title,
        change.source,
        change.content_html,
        change.now,
        replace_warning,
        warning,
        change.language,
    )
}

/// Deletion keeps the row (replies point at it, peers need a Tombstone) and drops the content.
/// Its earlier versions go too.
pub async fn update_post_deleted(conn: &mut Conn<'_>, id: i64, now: i64) -> Result<u64, DbError> {
    let deleted = execute!(
        conn,
        "UPDATE posts SET source = NULL, content_html = '', deleted_at = $2 WHERE id = $1 AND deleted_at IS NULL",
        id,
        now,
    )?;
    super::post_revisions::delete_revisions(conn, id).await?;
    Ok(deleted)
}

pub async fn update_like_count(conn: &mut Conn<'_>, id: i64, delta: i64) -> Result<(), DbError> {
    execute!(conn, "UPDATE posts SET like_count = like_count + $2 WHERE id = $1", id, delta)?;
    Ok(())
}

pub async fn count_posts(conn: &mut Conn<'_>) -> Result<i64, DbError> {
    query_scalar!(conn, i64, fetch_one, "SELECT COUNT(*) FROM posts WHERE deleted_at IS NULL")
}

pub struct RemotePostUpsert<'a> {
    /// The post's id when it is new.
    pub id: i64,
    /// The id of the revision kept when a known post's text changes.
    pub revision_id: i64,
    pub ap_id: &'a str,
    pub author_id: i64,
    pub group_id: Option<i64>,
    pub root_id: Option<i64>,
    pub in_reply_to_id: Option<i64>,
    pub title: Option<&'a str>,
    pub content_html: &'a str,
    pub language: &'a str,
    pub sensitive: bool,
    pub content_warning: Option<&'a str>,
    pub published: i64,
    pub updated: Option<i64>,
    /// From its addressing (`domain::Visibility::as_str`); a post in a group we know as
    /// closed is stored as `members`.
    pub visibility: &'a str,
}

/// What [`upsert_remote_post`] did.
#[derive(Debug, Clone, Copy)]
pub struct UpsertedPost {
    pub id: i64,
    pub created: bool,
    /// When the version held before was last edited (None when it is new or was never edited).
    pub previous_update: Option<i64>,
    /// The author of the post held before, when it is not the author of this version: then
    /// nothing was changed (only the stored author may rewrite a post).
    pub refused_author: Option<i64>,
}

/// Stores a remote post, or refreshes its content when it is known already and `author_id` is
/// its stored author. A post without a known thread becomes its own thread root.
pub async fn upsert_remote_post(
    conn: &mut Conn<'_>,
    post: &RemotePostUpsert<'_>,
) -> Result<UpsertedPost, DbError> {
    #[derive(sqlx::FromRow)]
    struct Existing {
        id: i64,
        author_id: i64,
        updated_at: Option<i64>,
        title: Option<String>,
        content_html: String,
        content_warning: Option<String>,
    }
    if let Some(existing) = query_as!(
        conn,
        Existing,
        fetch_optional,
        "SELECT id, author_id, updated_at, title, content_html, content_warning FROM posts WHERE ap_id = $1",
        post.ap_id
    )? {
        if existing.author_id != post.author_id {
            return Ok(UpsertedPost {
                id: existing.id,
                created: false,
                previous_update: existing.updated_at,
                refused_author: Some(existing.author_id),
            });
        }
        let text_changes = existing.content_html != post.content_html
            || existing.content_warning.as_deref() != post.content_warning
            || post.title.is_some_and(|title| existing.title.as_deref() != Some(title));
        if text_changes {
            super::post_revisions::insert_revision_of(conn, post.revision_id, existing.id).await?;
        }
        execute!(
            conn,
            "UPDATE posts SET title = COALESCE($2, title), content_html = $3, sensitive = $4, content_warning = $5, \
             updated_at = COALESCE($6, updated_at) WHERE id = $1 AND deleted_at IS NULL",
            existing.id,
            post.title,
            post.content_html,
            post.sensitive,
            post.content_warning,
            post.updated,
        )?;
        return Ok(UpsertedPost {
            id: existing.id,
            created: false,
            previous_update: existing.updated_at,
            refused_author: None,
        });
    }
    execute!(
        conn,
        "INSERT INTO posts (id, ap_id, local, author_id, group_id, root_id, in_reply_to_id, title, content_html, \
         language, sensitive, content_warning, last_activity_at, created_at, updated_at, visibility) \
         VALUES ($1, $2, FALSE, $3, $4, COALESCE($5, $1), $6, $7, $8, $9, $10, $11, $12, $12, $13, \
         CASE WHEN EXISTS (SELECT 1 FROM actors g WHERE g.id = $4 AND g.closed) THEN 'members' ELSE $14 END)",
        post.id,
        post.ap_id,
        post.author_id,
        post.group_id,
        post.root_id,
        post.in_reply_to_id,
        post.title,
        post.content_html,
        post.language,
        post.sensitive,
        post.content_warning,
        post.published,
        post.updated,
        post.visibility,
    )?;
    Ok(UpsertedPost { id: post.id, created: true, previous_update: None, refused_author: None })
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PostRefRow {
    pub id: i64,
    pub root_id: i64,
    pub author_id: i64,
    pub group_id: Option<i64>,
    pub local: bool,
    pub ap_id: Option<String>,
    pub deleted_at: Option<i64>,
}

impl From<&PostRow> for PostRefRow {
    fn from(row: &PostRow) -> Self {
        Self {
            id: row.id,
            root_id: row.root_id,
            author_id: row.author_id,
            group_id: row.group_id,
            local: row.local,
            ap_id: None,
            deleted_at: row.deleted_at,
        }
    }
}

pub async fn get_post_ref_by_ap_id(conn: &mut Conn<'_>, ap_id: &str) -> Result<Option<PostRefRow>, DbError> {
    query_as!(
        conn,
        PostRefRow,
        fetch_optional,
        "SELECT id, root_id, author_id, group_id, local, ap_id, deleted_at FROM posts WHERE ap_id = $1",
        ap_id
    )
}

pub async fn get_post_ref(conn: &mut Conn<'_>, id: i64) -> Result<Option<PostRefRow>, DbError> {
    query_as!(
        conn,
        PostRefRow,
        fetch_optional,
        "SELECT id, root_id, author_id, group_id, local, ap_id, deleted_at FROM posts WHERE id = $1",
        id
    )
}

/// A post with what federation needs to describe it: ids and kinds of its author, group,
/// parent and parent's author. One query.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FederatedPostRow {
    pub id: i64,
    pub ap_id: Option<String>,
    pub local: bool,
    pub root_id: i64,
    pub root_local: bool,
    pub title: Option<String>,
    pub source: Option<String>,
    pub content_html: String,
    pub language: String,
    pub sensitive: bool,
    pub content_warning: Option<String>,
    pub created_at: i64,
    pub updated_at: Option<i64>,
    pub deleted_at: Option<i64>,
    pub author_local: bool,
    pub author_kind: String,
    pub author_name: String,
    pub author_ap_id: Option<String>,
    pub author_inbox: Option<String>,
    pub author_shared_inbox: Option<String>,
    pub author_host: Option<String>,
    pub group_id: Option<i64>,
    pub group_local: Option<bool>,
    pub group_name: Option<String>,
    pub group_ap_id: Option<String>,
    pub group_inbox: Option<String>,
    pub group_shared_inbox: Option<String>,
    pub parent_id: Option<i64>,
    pub parent_local: Option<bool>,
    pub parent_ap_id: Option<String>,
    pub parent_root_id: Option<i64>,
    pub parent_author_local: Option<bool>,
    pub parent_author_kind: Option<String>,
    pub parent_author_name: Option<String>,
    pub parent_author_ap_id: Option<String>,
    pub parent_author_inbox: Option<String>,
    pub parent_author_shared_inbox: Option<String>,
    pub parent_author_host: Option<String>,
    pub visibility: String,
    pub group_followers: Option<String>,
    /// The thread is locked.
    pub root_locked_at: Option<i64>,
    /// The post's group is closed.
    pub group_closed: Option<bool>,
    /// The quote policy its author chose (local posts).
    pub own_can_quote: Option<String>,
    /// What it quotes: the post's id there, where it is known here its row, and the stamp.
    pub quoted_ap_id: Option<String>,
    pub quoted_post_id: Option<i64>,
    pub quoted_local: Option<bool>,
    pub quoted_root_id: Option<i64>,
    pub quote_state: Option<String>,
    pub quote_authorization: Option<String>,
    /// The quoted post's author, who is told of the quote.
    pub quoted_author_local: Option<bool>,
    pub quoted_author_inbox: Option<String>,
    pub quoted_author_shared_inbox: Option<String>,
}

macro_rules! select_federated_post {
    () => {
        "SELECT p.id, p.ap_id, p.local, p.root_id, r.local AS root_local, p.title, p.source, p.content_html, \
         p.language, p.sensitive, \
         p.content_warning, p.created_at, p.updated_at, p.deleted_at, \
         a.local AS author_local, a.kind AS author_kind, a.name AS author_name, a.ap_id AS author_ap_id, \
         a.inbox_url AS author_inbox, a.shared_inbox_url AS author_shared_inbox, ai.host AS author_host, \
         g.id AS group_id, g.local AS group_local, g.name AS group_name, g.ap_id AS group_ap_id, \
         g.inbox_url AS group_inbox, g.shared_inbox_url AS group_shared_inbox, \
         pp.id AS parent_id, pp.local AS parent_local, pp.ap_id AS parent_ap_id, pp.root_id AS parent_root_id, \
         pa.local AS parent_author_local, pa.kind AS parent_author_kind, pa.name AS parent_author_name, \
         pa.ap_id AS parent_author_ap_id, pa.inbox_url AS parent_author_inbox, \
         pa.shared_inbox_url AS parent_author_shared_inbox, pai.host AS parent_author_host, \
         p.visibility, g.followers_url AS group_followers, \
         r.locked_at AS root_locked_at, g.closed AS group_closed, pol.can_quote AS own_can_quote, \
         q.quoted_ap_id, q.quoted_post_id, qp.local AS quoted_local, qp.root_id AS quoted_root_id, \
         q.state AS quote_state, q.authorization_ap_id AS quote_authorization, \
         qa.local AS quoted_author_local, qa.inbox_url AS quoted_author_inbox, \
         qa.shared_inbox_url AS quoted_author_shared_inbox \
         FROM posts p \
         JOIN posts r ON r.id = p.root_id \
         JOIN actors a ON a.id = p.author_id LEFT JOIN instances ai ON ai.id = a.instance_id \
         LEFT JOIN actors g ON g.id = p.group_id \
         LEFT JOIN posts pp ON pp.id = p.in_reply_to_id \
         LEFT JOIN actors pa ON pa.id = pp.author_id LEFT JOIN instances pai ON pai.id = pa.instance_id \
         LEFT JOIN post_interaction_policies pol ON pol.post_id = p.id \
         LEFT JOIN quotes q ON q.post_id = p.id LEFT JOIN posts qp ON qp.id = q.quoted_post_id \
         LEFT JOIN actors qa ON qa.id = qp.author_id "
    };
}

pub async fn get_federated_post(conn: &mut Conn<'_>, id: i64) -> Result<Option<FederatedPostRow>, DbError> {
    query_as!(
        conn,
        FederatedPostRow,
        fetch_optional,
        concat!(select_federated_post!(), "WHERE p.id = $1"),
        id
    )
}

/// A group's latest local thread openers with what federation needs to describe them, newest
/// first, for its outbox. One query.
pub async fn list_group_federated_threads(
    conn: &mut Conn<'_>,
    group_id: i64,
    limit: i64,
) -> Result<Vec<FederatedPostRow>, DbError> {
    query_as!(
        conn,
        FederatedPostRow,
        fetch_all,
        concat!(
            select_federated_post!(),
            "WHERE p.group_id = $1 AND p.id = p.root_id AND p.deleted_at IS NULL AND p.local AND ",
            listed!("p"),
            " ORDER BY p.id DESC LIMIT $2"
        ),
        group_id,
        limit
    )
}

/// Ids of a thread's posts in order, for its context collection (FEP-7888).
pub async fn list_thread_post_ids(
    conn: &mut Conn<'_>,
    root_id: i64,
    limit: i64,
) -> Result<Vec<(i64, bool, Option<String>)>, DbError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: i64,
        local: bool,
        ap_id: Option<String>,
    }
    let rows = query_as!(
        conn,
        Row,
        fetch_all,
        "SELECT id, local, ap_id FROM posts WHERE root_id = $1 AND deleted_at IS NULL ORDER BY id LIMIT $2",
        root_id,
        limit
    )?;
    Ok(rows.into_iter().map(|r| (r.id, r.local, r.ap_id)).collect())
}

/// Records an incoming activity id; false when it was seen before.
pub async fn insert_received_activity(conn: &mut Conn<'_>, ap_id: &str, now: i64) -> Result<bool, DbError> {
    let inserted = execute!(
        conn,
        "INSERT INTO received_activities (ap_id, received_at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        ap_id,
        now
    )?;
    Ok(inserted == 1)
}

pub async fn received_activity_exists(conn: &mut Conn<'_>, ap_id: &str) -> Result<bool, DbError> {
    let found = query_scalar!(
        conn,
        i64,
        fetch_one,
        "SELECT COUNT(*) FROM received_activities WHERE ap_id = $1",
        ap_id
    )?;
    Ok(found > 0)
}

pub async fn insert_deleted_object(conn: &mut Conn<'_>, ap_id: &str, now: i64) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO deleted_objects (ap_id, deleted_at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        ap_id,
        now
    )?;
    Ok(())
}

pub async fn deleted_object_exists(conn: &mut Conn<'_>, ap_id: &str) -> Result<bool, DbError> {
    let found =
        query_scalar!(conn, i64, fetch_one, "SELECT COUNT(*) FROM deleted_objects WHERE ap_id = $1", ap_id)?;
    Ok(found > 0)
}

/// Thread openers in the groups that `$groups` selects (a subquery that may use `$2`), most
/// recently active first, after a (last activity, id) cursor in `$3`, `$4`; `$1` is the viewer,
/// `$5` the limit, `$6` the time (threads of people the viewer blocked or muted are left out).
macro_rules! threads_in_groups {
    ($groups:expr) => {
        concat!(
            select_post!(),
            // `+p.group_id`: walk the index of all threads by activity and keep those of the
            // groups, rather than sort every thread of the groups (big groups hold many); the
            // cursor as one row value, so the walk starts right at it.
            "WHERE p.id = p.root_id AND p.deleted_at IS NULL AND +p.group_id IN (",
            $groups,
            ") AND (p.last_activity_at, p.id) < (COALESCE($3, 9223372036854775807), COALESCE($4, 9223372036854775807)) \
             AND ",
            $crate::db::visibility::readable_by!("$1", "p"),
            " AND NOT ",
            $crate::db::blocks::hidden_from!("$1", "p.author_id", "$6"),
            " ORDER BY p.last_activity_at DESC, p.id DESC LIMIT $5"
        )
    };
}
pub(crate) use threads_in_groups;

/// The threads of the member's home page: in the groups they follow, and in the groups those
/// groups follow (their network), most recently active first.
pub async fn list_followed_threads(
    conn: &mut Conn<'_>,
    viewer: i64,
    before: Option<(i64, i64)>,
    limit: i64,
    now: i64,
) -> Result<Vec<PostRow>, DbError> {
    let (before_at, before_id) = before.unzip();
    query_as!(
        conn,
        PostRow,
        fetch_all,
        threads_in_groups!(
            "SELECT f.followed_id FROM follows f WHERE f.follower_id = $2 \
             UNION SELECT n.followed_id FROM follows f JOIN actors g ON g.id = f.followed_id AND g.kind = 'group' \
             JOIN follows n ON n.follower_id = g.id AND n.state = 'accepted' \
             WHERE f.follower_id = $2 AND f.state = 'accepted'"
        ),
        Some(viewer),
        viewer,
        before_at,
        before_id,
        limit,
        now,
    )
}

/// Posts with a hashtag (a normalised name), newest first, before an id cursor (not of people
/// the viewer blocked or muted).
pub async fn list_hashtag_posts(
    conn: &mut Conn<'_>,
    viewer: Option<i64>,
    hashtag: &str,
    before_id: Option<i64>,
    limit: i64,
    now: i64,
) -> Result<Vec<PostRow>, DbError> {
    query_as!(
        conn,
        PostRow,
        fetch_all,
        concat!(
            select_post!(),
            "WHERE p.id IN (SELECT h.post_id FROM post_hashtags h WHERE h.name = $2) \
             AND p.deleted_at IS NULL AND ($3 IS NULL OR p.id < $3) AND ",
            listed!("p"),
            " AND NOT ",
            hidden_from!("$1", "p.author_id", "$5"),
            " ORDER BY p.id DESC LIMIT $4"
        ),
        viewer,
        hashtag,
        before_id,
        limit,
        now,
    )
}
