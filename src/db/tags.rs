//! Hashtags and mentions of posts (`post_hashtags`, `post_mentions`), and the actors a mention
//! may name.

use super::{Conn, DbError, execute, query_as, query_scalar};

/// How many posts one `list_*_of_posts` statement covers.
pub const POSTS_PER_BATCH: usize = 50;

macro_rules! fifty_slots {
    () => {
        "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, \
         $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37, $38, $39, \
         $40, $41, $42, $43, $44, $45, $46, $47, $48, $49, $50"
    };
}

/// Runs `$sql` (with [`POSTS_PER_BATCH`] id slots) for up to that many posts; unused slots
/// are bound to an id no post has.
macro_rules! query_batch {
    ($conn:expr, $row:ty, $sql:expr, $posts:expr) => {{
        const SQL: &str = $sql;
        super::trace_query(SQL);
        let ids = (0..POSTS_PER_BATCH).map(|slot| $posts.get(slot).copied().unwrap_or(-1));
        match $conn {
            Conn::Sqlite(c) => {
                let mut query = sqlx::query_as::<_, $row>(SQL);
                for id in ids {
                    query = query.bind(id);
                }
                query.fetch_all(&mut **c).await
            }
            Conn::Postgres(c) => {
                let mut query = sqlx::query_as::<_, $row>(SQL);
                for id in ids {
                    query = query.bind(id);
                }
                query.fetch_all(&mut **c).await
            }
        }
        .map_err(DbError::from)
    }};
}

/// Replaces a post's hashtags (normalised names).
pub async fn replace_post_hashtags(
    conn: &mut Conn<'_>,
    post_id: i64,
    names: &[String],
) -> Result<(), DbError> {
    execute!(conn, "DELETE FROM post_hashtags WHERE post_id = $1", post_id)?;
    for name in names {
        execute!(
            conn,
            "INSERT INTO post_hashtags (post_id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            post_id,
            name
        )?;
    }
    Ok(())
}

/// Replaces the actors a post mentions; returns those it did not mention before.
pub async fn replace_post_mentions(
    conn: &mut Conn<'_>,
    post_id: i64,
    actor_ids: &[i64],
) -> Result<Vec<i64>, DbError> {
    let before: Vec<i64> = query_scalar!(
        conn,
        i64,
        fetch_all,
        "SELECT actor_id FROM post_mentions WHERE post_id = $1",
        post_id
    )?;
    execute!(conn, "DELETE FROM post_mentions WHERE post_id = $1", post_id)?;
    let mut added = Vec::new();
    for actor_id in actor_ids {
        execute!(
            conn,
            "INSERT INTO post_mentions (post_id, actor_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            post_id,
            actor_id
        )?;
        if !before.contains(actor_id) && !added.contains(actor_id) {
            added.push(*actor_id);
        }
    }
    Ok(added)
}

/// Forgets the hashtags and mentions of a deleted post.
pub async fn delete_post_references(conn: &mut Conn<'_>, post_id: i64) -> Result<(), DbError> {
    execute!(conn, "DELETE FROM post_hashtags WHERE post_id = $1", post_id)?;
    execute!(conn, "DELETE FROM post_mentions WHERE post_id = $1", post_id)?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PostHashtagRow {
    pub post_id: i64,
    pub name: String,
}

/// The hashtags of up to [`POSTS_PER_BATCH`] posts, by post and name.
pub async fn list_hashtags_of_posts(
    conn: &mut Conn<'_>,
    posts: &[i64],
) -> Result<Vec<PostHashtagRow>, DbError> {
    query_batch!(
        conn,
        PostHashtagRow,
        concat!(
            "SELECT post_id, name FROM post_hashtags WHERE post_id IN (",
            fifty_slots!(),
            ") ORDER BY post_id, name"
        ),
        posts
    )
}

/// The hashtags of every post of a thread.
pub async fn list_hashtags_of_thread(
    conn: &mut Conn<'_>,
    root_id: i64,
) -> Result<Vec<PostHashtagRow>, DbError> {
    query_as!(
        conn,
        PostHashtagRow,
        fetch_all,
        "SELECT h.post_id, h.name FROM post_hashtags h JOIN posts p ON p.id = h.post_id \
         WHERE p.root_id = $1 ORDER BY h.post_id, h.name",
        root_id
    )
}

/// A mentioned actor, with what the client API and federation show of it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MentionRow {
    pub post_id: i64,
    pub id: i64,
    pub kind: String,
    pub local: bool,
    pub name: String,
    pub display_name: String,
    pub ap_id: Option<String>,
    pub inbox_url: Option<String>,
    pub shared_inbox_url: Option<String>,
    pub host: Option<String>,
    pub summary_html: String,
    pub created_at: i64,
}

macro_rules! select_mention {
    () => {
        "SELECT m.post_id, a.id, a.kind, a.local, a.name, a.display_name, a.ap_id, a.inbox_url, \
         a.shared_inbox_url, i.host, a.summary_html, a.created_at \
         FROM post_mentions m JOIN actors a ON a.id = m.actor_id LEFT JOIN instances i ON i.id = a.instance_id "
    };
}

/// The actors mentioned by up to [`POSTS_PER_BATCH`] posts.
pub async fn list_mentions_of_posts(conn: &mut Conn<'_>, posts: &[i64]) -> Result<Vec<MentionRow>, DbError> {
    query_batch!(
        conn,
        MentionRow,
        concat!(select_mention!(), "WHERE m.post_id IN (", fifty_slots!(), ") ORDER BY m.post_id, a.id"),
        posts
    )
}

/// The actors mentioned by the posts of a thread.
pub async fn list_mentions_of_thread(conn: &mut Conn<'_>, root_id: i64) -> Result<Vec<MentionRow>, DbError> {
    query_as!(
        conn,
        MentionRow,
        fetch_all,
        concat!(
            select_mention!(),
            "JOIN posts p ON p.id = m.post_id WHERE p.root_id = $1 ORDER BY m.post_id, a.id"
        ),
        root_id
    )
}

/// An actor a mention may name.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MentionTargetRow {
    pub id: i64,
    pub kind: String,
    pub local: bool,
    pub name: String,
    pub ap_id: Option<String>,
}

/// A local (`host` None) or known remote person or group by name, ignoring case.
pub async fn get_mention_target(
    conn: &mut Conn<'_>,
    name: &str,
    host: Option<&str>,
) -> Result<Option<MentionTargetRow>, DbError> {
    query_as!(
        conn,
        MentionTargetRow,
        fetch_optional,
        "SELECT a.id, a.kind, a.local, a.name, a.ap_id FROM actors a LEFT JOIN instances i ON i.id = a.instance_id \
         WHERE a.kind IN ('person', 'group') AND LOWER(a.name) = LOWER($1) \
         AND (($2 IS NULL AND a.local) OR (NOT a.local AND i.host = $2)) ORDER BY a.id LIMIT 1",
        name,
        host
    )
}

/// A known remote person or group by its ActivityPub id.
pub async fn get_mention_target_by_ap_id(
    conn: &mut Conn<'_>,
    ap_id: &str,
) -> Result<Option<MentionTargetRow>, DbError> {
    query_as!(
        conn,
        MentionTargetRow,
        fetch_optional,
        "SELECT id, kind, local, name, ap_id FROM actors WHERE ap_id = $1 AND kind IN ('person', 'group')",
        ap_id
    )
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HashtagUseRow {
    pub name: String,
    pub uses: i64,
}

/// Known hashtags starting with `prefix` (already lowercase), most used first; only public
/// posts count (a private group's tags are not revealed).
pub async fn search_hashtags(
    conn: &mut Conn<'_>,
    prefix: &str,
    limit: i64,
) -> Result<Vec<HashtagUseRow>, DbError> {
    let pattern = format!("{}%", prefix.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
    query_as!(
        conn,
        HashtagUseRow,
        fetch_all,
        "SELECT h.name, COUNT(*) AS uses FROM post_hashtags h WHERE h.name LIKE $1 ESCAPE '\\' \
         AND EXISTS (SELECT 1 FROM posts p WHERE p.id = h.post_id AND p.visibility = 'public') \
         GROUP BY h.name ORDER BY COUNT(*) DESC, name LIMIT $2",
        pattern,
        limit
    )
}
