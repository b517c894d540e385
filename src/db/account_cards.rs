//! People and groups as Mastodon accounts: the actor with its follower, following and status
//! counts in one query, lookups by handle, and follow relationships.

use super::{Conn, DbError, query_as};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AccountCardRow {
    pub id: i64,
    pub kind: String,
    pub name: String,
    pub local: bool,
    pub host: Option<String>,
    pub ap_id: Option<String>,
    pub display_name: String,
    pub summary_source: String,
    pub summary_html: String,
    pub language: Option<String>,
    pub group_kind: Option<String>,
    pub closed: bool,
    pub created_at: i64,
    pub avatar: Option<String>,
    pub header: Option<String>,
    pub followers_count: i64,
    pub following_count: i64,
    pub statuses_count: i64,
    pub last_status_at: Option<i64>,
}

macro_rules! select_card {
    () => {
        "SELECT a.id, a.kind, a.name, a.local, i.host, a.ap_id, a.display_name, a.summary_source, \
         a.summary_html, a.language, a.group_kind, a.closed, a.created_at, a.avatar, a.header, \
         (SELECT COUNT(*) FROM follows f WHERE f.followed_id = a.id AND f.state = 'accepted') \
            AS followers_count, \
         (SELECT COUNT(*) FROM follows f WHERE f.follower_id = a.id AND f.state = 'accepted') \
            AS following_count, \
         (SELECT COUNT(*) FROM posts p WHERE (p.author_id = a.id OR (p.group_id = a.id AND p.id = p.root_id)) \
            AND p.deleted_at IS NULL) AS statuses_count, \
         (SELECT MAX(p.created_at) FROM posts p WHERE p.author_id = a.id OR p.group_id = a.id) \
            AS last_status_at \
         FROM actors a LEFT JOIN instances i ON i.id = a.instance_id "
    };
}
pub(crate) use select_card;

/// People and groups only: the instance actor is not an account.
pub async fn get_card(conn: &mut Conn<'_>, id: i64) -> Result<Option<AccountCardRow>, DbError> {
    query_as!(
        conn,
        AccountCardRow,
        fetch_optional,
        concat!(
            select_card!(),
            "WHERE a.id = $1 AND a.kind IN ('person', 'group') AND ",
            super::actors::publicly_known!()
        ),
        id
    )
}

/// By `name` (local) or `name@host` (remote, already known).
pub async fn get_card_by_handle(
    conn: &mut Conn<'_>,
    name: &str,
    host: Option<&str>,
) -> Result<Option<AccountCardRow>, DbError> {
    query_as!(
        conn,
        AccountCardRow,
        fetch_optional,
        concat!(
            select_card!(),
            "WHERE a.kind IN ('person', 'group') AND a.name = $1 AND \
             (($2 IS NULL AND a.local) OR (NOT a.local AND i.host = $2)) AND ",
            super::actors::publicly_known!()
        ),
        name,
        host
    )
}

/// Accounts whose name or display name starts with `prefix` (local and known remote ones),
/// without those the viewer blocked or muted.
pub async fn search_cards(
    conn: &mut Conn<'_>,
    viewer: Option<i64>,
    prefix: &str,
    limit: i64,
    now: i64,
) -> Result<Vec<AccountCardRow>, DbError> {
    let pattern = format!("{}%", prefix.replace(['%', '_', '\\'], ""));
    query_as!(
        conn,
        AccountCardRow,
        fetch_all,
        concat!(
            select_card!(),
            "WHERE a.kind IN ('person', 'group') AND (LOWER(a.name) LIKE LOWER($1) \
             OR LOWER(a.display_name) LIKE LOWER($1)) AND ",
            super::actors::publicly_known!(),
            " AND NOT ",
            super::blocks::hidden_from!("$3", "a.id", "$4"),
            " ORDER BY a.local DESC, a.name LIMIT $2"
        ),
        pattern,
        limit,
        viewer,
        now
    )
}

/// Followers (`followers = true`) or followed accounts of an actor, newest follow first,
/// paged by follow id.
pub async fn list_follow_cards(
    conn: &mut Conn<'_>,
    actor: i64,
    followers: bool,
    max_follow_id: Option<i64>,
    limit: i64,
) -> Result<Vec<(i64, AccountCardRow)>, DbError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        follow_id: i64,
        #[sqlx(flatten)]
        card: AccountCardRow,
    }
    let rows: Vec<Row> = query_as!(
        conn,
        Row,
        fetch_all,
        concat!(
            "SELECT x.follow_id, c.* FROM (SELECT f.id AS follow_id, \
             CASE WHEN $2 THEN f.follower_id ELSE f.followed_id END AS other \
             FROM follows f WHERE f.state = 'accepted' AND \
             ((($2) AND f.followed_id = $1) OR ((NOT $2) AND f.follower_id = $1)) \
             AND ($3 IS NULL OR f.id < $3) ORDER BY f.id DESC LIMIT $4) x \
             JOIN (",
            select_card!(),
            ") c ON c.id = x.other ORDER BY x.follow_id DESC"
        ),
        actor,
        followers,
        max_follow_id,
        limit
    )?;
    Ok(rows.into_iter().map(|r| (r.follow_id, r.card)).collect())
}

/// How many accounts one [`list_follow_links`] statement covers.
pub const RELATIONSHIPS_PER_BATCH: usize = 40;

/// A follow between the viewer and another account, in either direction.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FollowLinkRow {
    pub follower_id: i64,
    pub followed_id: i64,
    pub state: String,
    pub notify: bool,
}

/// The follows between `viewer` and each of up to [`RELATIONSHIPS_PER_BATCH`] accounts, both
/// ways, in one statement.
pub async fn list_follow_links(
    conn: &mut Conn<'_>,
    viewer: i64,
    others: &[i64],
) -> Result<Vec<FollowLinkRow>, DbError> {
    const SQL: &str = concat!(
        "SELECT follower_id, followed_id, state, notify FROM follows WHERE ",
        "(follower_id = $1 AND followed_id IN ($2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37, $38, $39, $40, $41)) OR (followed_id = $1 AND follower_id IN ($2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37, $38, $39, $40, $41))"
    );
    super::query_as_ids!(conn, FollowLinkRow, SQL, others, RELATIONSHIPS_PER_BATCH, viewer)
}

/// The instance's contact: its first admin.
pub async fn get_first_admin_card(conn: &mut Conn<'_>) -> Result<Option<AccountCardRow>, DbError> {
    query_as!(
        conn,
        AccountCardRow,
        fetch_optional,
        concat!(
            select_card!(),
            "WHERE a.id = (SELECT c.actor_id FROM accounts c WHERE c.role = 'admin' \
             ORDER BY c.created_at, c.actor_id LIMIT 1)"
        ),
    )
}

/// An actor as shown next to content, without counts.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ActorSummaryRow {
    pub id: i64,
    pub kind: String,
    pub name: String,
    pub display_name: String,
    pub ap_id: Option<String>,
    pub summary_html: String,
    pub created_at: i64,
    pub host: Option<String>,
    #[sqlx(default)]
    pub avatar: Option<String>,
    #[sqlx(default)]
    pub header: Option<String>,
}

/// Who liked a post, latest first.
pub async fn list_likers(
    conn: &mut Conn<'_>,
    post_id: i64,
    limit: i64,
) -> Result<Vec<ActorSummaryRow>, DbError> {
    query_as!(
        conn,
        ActorSummaryRow,
        fetch_all,
        "SELECT a.id, a.kind, a.name, a.display_name, a.ap_id, a.summary_html, a.created_at, i.host, \
         a.avatar, a.header \
         FROM likes l JOIN actors a ON a.id = l.actor_id LEFT JOIN instances i ON i.id = a.instance_id \
         WHERE l.post_id = $1 ORDER BY l.created_at DESC LIMIT $2",
        post_id,
        limit
    )
}

/// Who boosted a post, latest first.
pub async fn list_boosters(
    conn: &mut Conn<'_>,
    post_id: i64,
    limit: i64,
) -> Result<Vec<ActorSummaryRow>, DbError> {
    query_as!(
        conn,
        ActorSummaryRow,
        fetch_all,
        "SELECT a.id, a.kind, a.name, a.display_name, a.ap_id, a.summary_html, a.created_at, i.host, \
         a.avatar, a.header \
         FROM boosts b JOIN actors a ON a.id = b.actor_id LEFT JOIN instances i ON i.id = a.instance_id \
         WHERE b.post_id = $1 ORDER BY b.id DESC LIMIT $2",
        post_id,
        limit
    )
}

/// The email address of the first admin who gave one.
pub async fn get_first_admin_email(conn: &mut Conn<'_>) -> Result<Option<String>, DbError> {
    super::query_scalar!(
        conn,
        String,
        fetch_optional,
        "SELECT email FROM accounts WHERE role = 'admin' AND email IS NOT NULL \
         ORDER BY created_at, actor_id LIMIT 1",
    )
}

/// The profile directory, newest accounts first: people and groups (only local ones with
/// `local_only`), without suspended or unapproved ones.
pub async fn list_newest_cards(
    conn: &mut Conn<'_>,
    local_only: bool,
    limit: i64,
    offset: i64,
) -> Result<Vec<AccountCardRow>, DbError> {
    query_as!(
        conn,
        AccountCardRow,
        fetch_all,
        concat!(
            select_card!(),
            "WHERE a.kind IN ('person', 'group') AND a.suspended_at IS NULL AND ($1 = FALSE OR a.local) AND ",
            super::actors::publicly_known!(),
            " ORDER BY a.id DESC LIMIT $2 OFFSET $3"
        ),
        local_only,
        limit,
        offset
    )
}

/// The profile directory, most recently active first: people who wrote and groups that got a
/// post since `since` (a window of the posts' primary key), by their latest post.
pub async fn list_active_cards(
    conn: &mut Conn<'_>,
    local_only: bool,
    since: i64,
    limit: i64,
    offset: i64,
) -> Result<Vec<AccountCardRow>, DbError> {
    query_as!(
        conn,
        AccountCardRow,
        fetch_all,
        concat!(
            "WITH recent AS (SELECT actor_id, MAX(post_id) AS latest FROM ( \
               SELECT author_id AS actor_id, id AS post_id FROM posts WHERE id >= $2 AND deleted_at IS NULL \
               UNION ALL \
               SELECT group_id, id FROM posts WHERE id >= $2 AND deleted_at IS NULL AND group_id IS NOT NULL \
             ) AS written GROUP BY actor_id) ",
            select_card!(),
            "JOIN recent r ON r.actor_id = a.id \
             WHERE a.kind IN ('person', 'group') AND a.suspended_at IS NULL AND ($1 = FALSE OR a.local) AND ",
            super::actors::publicly_known!(),
            " ORDER BY r.latest DESC, a.id DESC LIMIT $3 OFFSET $4"
        ),
        local_only,
        super::id_floor(since),
        limit,
        offset
    )
}
