//! Posts as the Mastodon client API shows them (statuses): with everything an app needs about
//! the author, the group, the parent's author and the viewer, in one row per post. Timelines
//! are id-ordered (ids are time-ordered) and paged by `max_id` / `since_id` / `min_id`.

use super::blocks::hidden_from;
use super::visibility::{listed, readable_by};
use super::{Conn, DbError, query_as, query_scalar};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StatusRow {
    pub id: i64,
    pub ap_id: Option<String>,
    pub local: bool,
    pub root_id: i64,
    pub in_reply_to_id: Option<i64>,
    pub in_reply_to_account_id: Option<i64>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub content_html: String,
    pub language: String,
    pub sensitive: bool,
    pub content_warning: Option<String>,
    pub replies_count: i64,
    pub like_count: i64,
    pub created_at: i64,
    pub updated_at: Option<i64>,
    pub deleted_at: Option<i64>,
    pub author_id: i64,
    pub author_kind: String,
    pub author_name: String,
    pub author_display_name: String,
    pub author_ap_id: Option<String>,
    pub author_summary_html: String,
    pub author_created_at: i64,
    pub author_host: Option<String>,
    pub author_avatar: Option<String>,
    pub author_header: Option<String>,
    pub group_id: Option<i64>,
    pub group_name: Option<String>,
    pub group_title: Option<String>,
    pub group_ap_id: Option<String>,
    pub group_summary_html: Option<String>,
    pub group_created_at: Option<i64>,
    pub group_host: Option<String>,
    pub viewer_liked: bool,
    pub viewer_bookmarked: bool,
    pub reblogs_count: i64,
    pub viewer_boosted: bool,
    /// Who may read it (`domain::Visibility`).
    pub visibility: String,
    /// Set when the row is a boost of the post in a timeline of posts and boosts.
    #[sqlx(flatten)]
    pub shared: SharedRow,
}

/// Who boosted the post, in timelines that show boosts (all None elsewhere).
#[derive(Debug, Clone, Default, sqlx::FromRow)]
pub struct SharedRow {
    #[sqlx(default)]
    pub boost_id: Option<i64>,
    #[sqlx(default)]
    pub boost_created_at: Option<i64>,
    #[sqlx(default)]
    pub booster_id: Option<i64>,
    #[sqlx(default)]
    pub booster_kind: Option<String>,
    #[sqlx(default)]
    pub booster_name: Option<String>,
    #[sqlx(default)]
    pub booster_display_name: Option<String>,
    #[sqlx(default)]
    pub booster_ap_id: Option<String>,
    #[sqlx(default)]
    pub booster_summary_html: Option<String>,
    #[sqlx(default)]
    pub booster_created_at: Option<i64>,
    #[sqlx(default)]
    pub booster_host: Option<String>,
}

/// The columns of a [`StatusRow`] for post `p`; `$1` is always the viewer (or NULL).
macro_rules! status_columns {
    () => {
        "p.id, p.ap_id, p.local, p.root_id, p.in_reply_to_id, \
         parent.author_id AS in_reply_to_account_id, p.title, p.source, p.content_html, p.language, \
         p.sensitive, p.content_warning, \
         CASE WHEN p.id = p.root_id THEN p.reply_count ELSE \
            (SELECT COUNT(*) FROM posts c WHERE c.in_reply_to_id = p.id AND c.deleted_at IS NULL) END \
            AS replies_count, \
         p.like_count, p.created_at, p.updated_at, p.deleted_at, \
         a.id AS author_id, a.kind AS author_kind, a.name AS author_name, \
         a.display_name AS author_display_name, a.ap_id AS author_ap_id, \
         a.summary_html AS author_summary_html, a.created_at AS author_created_at, \
         ai.host AS author_host, a.avatar AS author_avatar, a.header AS author_header, g.id AS group_id, g.name AS group_name, g.display_name AS group_title, \
         g.ap_id AS group_ap_id, g.summary_html AS group_summary_html, g.created_at AS group_created_at, \
         gi.host AS group_host, \
         EXISTS (SELECT 1 FROM likes l WHERE l.post_id = p.id AND l.actor_id = $1) AS viewer_liked, \
         EXISTS (SELECT 1 FROM bookmarks b WHERE b.post_id = p.id AND b.account_id = $1) AS viewer_bookmarked, \
         (SELECT COUNT(*) FROM boosts bo WHERE bo.post_id = p.id) AS reblogs_count, \
         EXISTS (SELECT 1 FROM boosts bv WHERE bv.post_id = p.id AND bv.actor_id = $1) AS viewer_boosted, \
         p.visibility "
    };
}

/// The joins [`status_columns`] reads from, after `posts p`.
macro_rules! status_joins {
    () => {
        "JOIN actors a ON a.id = p.author_id AND a.suspended_at IS NULL \
         LEFT JOIN instances ai ON ai.id = a.instance_id \
         LEFT JOIN actors g ON g.id = p.group_id \
         LEFT JOIN instances gi ON gi.id = g.instance_id \
         LEFT JOIN posts parent ON parent.id = p.in_reply_to_id "
    };
}

pub(crate) use {status_columns, status_joins};

macro_rules! select_status {
    () => {
        concat!("SELECT ", status_columns!(), "FROM posts p ", status_joins!())
    };
}

/// A timeline of posts and boosts: the newest (`desc`) or, with `min_id`, oldest (`asc`) entries
/// of both, where an entry's id is the post's id or the boost's id. `$posts` selects posts `p`,
/// `$boosts` selects boosts `b` (of posts `bp`); `$2..$5` are max, lower, ascending, limit as in
/// [`window`]. Each part walks its table's index in id order and stops at the limit; only the
/// two short parts are sorted together.
macro_rules! select_entries {
    ($order:ident, $posts:expr, $boosts:expr) => {
        concat!(
            "SELECT ",
            status_columns!(),
            ", e.boost_id, e.boost_created_at, ba.id AS booster_id, ba.kind AS booster_kind, \
             ba.name AS booster_name, ba.display_name AS booster_display_name, \
             ba.ap_id AS booster_ap_id, ba.summary_html AS booster_summary_html, \
             ba.created_at AS booster_created_at, bi.host AS booster_host \
             FROM (SELECT * FROM (SELECT p.id AS entry_id, p.id AS post_id, \
               CAST(NULL AS BIGINT) AS boost_id, CAST(NULL AS BIGINT) AS boost_created_at, \
               CAST(NULL AS BIGINT) AS booster_id FROM posts p WHERE ",
            $posts,
            window!($order, "p"),
            ") AS own UNION ALL SELECT * FROM (SELECT b.id AS entry_id, b.post_id, b.id AS boost_id, \
               b.created_at AS boost_created_at, b.actor_id AS booster_id \
               FROM boosts b JOIN posts bp ON bp.id = b.post_id \
               WHERE bp.deleted_at IS NULL AND bp.visibility IN ('public', 'unlisted') AND ",
            $boosts,
            window!($order, "b"),
            ") AS shared) e \
             JOIN posts p ON p.id = e.post_id ",
            status_joins!(),
            "LEFT JOIN actors ba ON ba.id = e.booster_id \
             LEFT JOIN instances bi ON bi.id = ba.instance_id ",
            entry_order!($order)
        )
    };
}

/// A statement of posts `p` in one direction of a window: the parts, then [`window`].
macro_rules! select_window {
    ($order:ident, $($part:expr),* $(,)?) => {
        concat!($($part,)* window!($order, "p"))
    };
}

macro_rules! entry_order {
    (desc) => {
        "ORDER BY e.entry_id DESC LIMIT $5"
    };
    (asc) => {
        "ORDER BY e.entry_id ASC LIMIT $5"
    };
}

/// Runs a timeline query in the window's direction: `$sql` is a macro taking `desc` or `asc`
/// (newest first, or oldest first for `min_id`), so each direction is its own statement whose
/// `ORDER BY` an index serves.
macro_rules! in_direction {
    ($conn:expr, $window:expr, $sql:ident!($($head:tt)*), $($arg:expr),* $(,)?) => {
        if $window.ascending() == 1 {
            query_as!($conn, StatusRow, fetch_all, $sql!(asc, $($head)*), $($arg),*)
        } else {
            query_as!($conn, StatusRow, fetch_all, $sql!(desc, $($head)*), $($arg),*)
        }
    };
}

/// One window of an id-ordered timeline. With `min_id` the rows just above it are taken
/// (oldest first, then reversed by the caller); otherwise the newest below `max_id`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Window {
    pub max_id: Option<i64>,
    pub since_id: Option<i64>,
    pub min_id: Option<i64>,
    pub limit: i64,
}

impl Window {
    /// Lower bound (exclusive) of the window.
    pub fn lower(&self) -> Option<i64> {
        match (self.since_id, self.min_id) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        }
    }

    /// Whether rows come oldest first (a `min_id` request).
    pub fn ascending(&self) -> i64 {
        i64::from(self.min_id.is_some())
    }
}

pub async fn get_status(
    conn: &mut Conn<'_>,
    viewer: Option<i64>,
    id: i64,
) -> Result<Option<StatusRow>, DbError> {
    query_as!(
        conn,
        StatusRow,
        fetch_optional,
        concat!(select_status!(), "WHERE p.id = $2 AND ", readable_by!("$1", "p")),
        viewer,
        id
    )
}

/// Every post of a thread (opener first, then replies in written order), deleted ones included
/// so the caller can keep placeholders that something answers; posts of people the viewer
/// blocked or muted are left out. At most `limit` rows.
pub async fn list_thread(
    conn: &mut Conn<'_>,
    viewer: Option<i64>,
    root_id: i64,
    limit: i64,
    now: i64,
) -> Result<Vec<StatusRow>, DbError> {
    query_as!(
        conn,
        StatusRow,
        fetch_all,
        concat!(
            select_status!(),
            "WHERE p.root_id = $2 AND ",
            readable_by!("$1", "p"),
            " AND NOT ",
            hidden_from!("$1", "p.author_id", "$4"),
            " ORDER BY p.id LIMIT $3"
        ),
        viewer,
        root_id,
        limit,
        now
    )
}

/// The ordering and window clause shared by the timelines, for table alias `$t` (`p`: posts, which
/// must not be deleted): `$2..$5` are max, lower, ascending, limit. The bounds are written so an
/// index range serves them whether or not they are given (`COALESCE` to the widest bound), and
/// each direction orders by the id alone, so the primary key (or an index ending in the id)
/// gives the order: no sort of everything that matches.
macro_rules! window {
    (desc, "p") => {
        " AND p.deleted_at IS NULL AND p.id < COALESCE($2, 9223372036854775807) AND p.id > COALESCE($3, 0) \
         AND $4 = 0 ORDER BY p.id DESC LIMIT $5"
    };
    (asc, "p") => {
        " AND p.deleted_at IS NULL AND p.id < COALESCE($2, 9223372036854775807) AND p.id > COALESCE($3, 0) \
         AND $4 = 1 ORDER BY p.id ASC LIMIT $5"
    };
    (desc, "b") => {
        " AND b.id < COALESCE($2, 9223372036854775807) AND b.id > COALESCE($3, 0) \
         AND $4 = 0 ORDER BY b.id DESC LIMIT $5"
    };
    (asc, "b") => {
        " AND b.id < COALESCE($2, 9223372036854775807) AND b.id > COALESCE($3, 0) \
         AND $4 = 1 ORDER BY b.id ASC LIMIT $5"
    };
}

/// Whether post `p` has images (for `only_media`).
macro_rules! has_media {
    () => {
        "EXISTS (SELECT 1 FROM media_attachments m WHERE m.post_id = p.id)"
    };
}

/// Home: posts in groups the viewer follows, posts of people they follow, their own, and the
/// threads of the groups that their groups follow (the groups' network); and boosts by them and
/// by the people they follow (not boosts of the viewer's own posts, and not a group's share of
/// its own thread, which is in the home timeline as the thread itself).
/// People the viewer blocked or muted, and their boosts, are left out.
pub async fn list_home(
    conn: &mut Conn<'_>,
    viewer: i64,
    window: Window,
    now: i64,
) -> Result<Vec<StatusRow>, DbError> {
    in_direction!(
        conn,
        window,
        select_entries!(
            concat!(
                "(p.author_id = $1 OR EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = $1 \
               AND f.state = 'accepted' AND (f.followed_id = p.group_id OR f.followed_id = p.author_id)) \
             OR (p.id = p.root_id AND EXISTS (SELECT 1 FROM follows f \
               JOIN actors g ON g.id = f.followed_id AND g.kind = 'group' \
               JOIN follows n ON n.follower_id = g.id AND n.state = 'accepted' \
               WHERE f.follower_id = $1 AND f.state = 'accepted' AND n.followed_id = p.group_id))) AND ",
                readable_by!("$1", "p"),
                " AND NOT ",
                hidden_from!("$1", "p.author_id", "$6")
            ),
            concat!(
                "bp.author_id <> $1 AND b.actor_id <> COALESCE(bp.group_id, 0) \
             AND (b.actor_id = $1 OR EXISTS (SELECT 1 FROM follows f \
               WHERE f.follower_id = $1 AND f.state = 'accepted' AND f.followed_id = b.actor_id)) AND NOT ",
                hidden_from!("$1", "bp.author_id", "$6"),
                " AND NOT ",
                hidden_from!("$1", "b.actor_id", "$6")
            )
        ),
        viewer,
        window.max_id,
        window.lower(),
        window.ascending(),
        window.limit,
        now,
    )
}

/// Which posts a public timeline shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    All,
    Local,
    Remote,
}

/// Public: posts of this instance, of other instances, or both; not of people the viewer
/// blocked or muted.
pub async fn list_public(
    conn: &mut Conn<'_>,
    viewer: Option<i64>,
    origin: Origin,
    only_media: bool,
    window: Window,
    now: i64,
) -> Result<Vec<StatusRow>, DbError> {
    let local: Option<bool> = match origin {
        Origin::All => None,
        Origin::Local => Some(true),
        Origin::Remote => Some(false),
    };
    in_direction!(
        conn,
        window,
        select_window!(
            select_status!(),
            "WHERE ",
            listed!("p"),
            " AND a.silenced_at IS NULL AND ($6 IS NULL OR p.local = $6) AND ($7 = FALSE OR ",
            has_media!(),
            ") AND NOT ",
            hidden_from!("$1", "p.author_id", "$8")
        ),
        viewer,
        window.max_id,
        window.lower(),
        window.ascending(),
        window.limit,
        local,
        only_media,
        now,
    )
}

/// An account's statuses: its posts and boosts (unless `exclude_reblogs`, and not with
/// `only_media`). A group's statuses are its shares of its threads, as Mastodon shows a group.
/// Boosts of posts by people the viewer blocked or muted are left out.
pub async fn list_account_statuses(
    conn: &mut Conn<'_>,
    viewer: Option<i64>,
    account_id: i64,
    filter: AccountFilter,
    window: Window,
    now: i64,
) -> Result<Vec<StatusRow>, DbError> {
    in_direction!(
        conn,
        window,
        select_entries!(
            concat!(
                "p.author_id = $6 AND ($7 = FALSE OR p.id = p.root_id) AND ($8 = FALSE OR ",
                has_media!(),
                ") AND ",
                readable_by!("$1", "p")
            ),
            concat!(
                "b.actor_id = $6 AND $8 = FALSE AND $9 = FALSE AND NOT ",
                hidden_from!("$1", "bp.author_id", "$10")
            )
        ),
        viewer,
        window.max_id,
        window.lower(),
        window.ascending(),
        window.limit,
        account_id,
        filter.exclude_replies,
        filter.only_media,
        filter.exclude_reblogs,
        now,
    )
}

/// Which of an account's statuses to list.
#[derive(Debug, Clone, Copy, Default)]
pub struct AccountFilter {
    pub exclude_replies: bool,
    pub only_media: bool,
    pub exclude_reblogs: bool,
}

/// Posts the viewer liked, newest first by post id.
pub async fn list_liked(conn: &mut Conn<'_>, viewer: i64, window: Window) -> Result<Vec<StatusRow>, DbError> {
    in_direction!(
        conn,
        window,
        select_window!(
            select_status!(),
            "WHERE EXISTS (SELECT 1 FROM likes l WHERE l.post_id = p.id AND l.actor_id = $1) AND ",
            readable_by!("$1", "p")
        ),
        viewer,
        window.max_id,
        window.lower(),
        window.ascending(),
        window.limit,
    )
}

/// Posts of one page of notifications (ids between `$2` and `$3` of account `$4`).
pub async fn list_notified(
    conn: &mut Conn<'_>,
    viewer: i64,
    lowest_notification: i64,
    highest_notification: i64,
) -> Result<Vec<StatusRow>, DbError> {
    query_as!(
        conn,
        StatusRow,
        fetch_all,
        concat!(
            select_status!(),
            "WHERE p.id IN (SELECT n.post_id FROM notifications n WHERE n.account_id = $1 \
             AND n.id >= $2 AND n.id <= $3)"
        ),
        viewer,
        lowest_notification,
        highest_notification,
    )
}

/// Post ids by ActivityPub id or local id, for `GET /api/v1/statuses?id[]=`.
pub async fn list_statuses_by_id(
    conn: &mut Conn<'_>,
    viewer: Option<i64>,
    ids: &[i64],
) -> Result<Vec<StatusRow>, DbError> {
    let mut rows = Vec::with_capacity(ids.len());
    // A short list (clients ask for a handful); one indexed lookup each.
    for id in ids.iter().take(40) {
        if let Some(row) = get_status(conn, viewer, *id).await? {
            rows.push(row);
        }
    }
    Ok(rows)
}

pub async fn get_post_id_by_ap_id(conn: &mut Conn<'_>, ap_id: &str) -> Result<Option<i64>, DbError> {
    query_scalar!(conn, i64, fetch_optional, "SELECT id FROM posts WHERE ap_id = $1", ap_id)
}

/// A list's timeline: posts by its members, or in groups that are its members (not by people
/// the viewer blocked or muted).
pub async fn list_list_timeline(
    conn: &mut Conn<'_>,
    viewer: i64,
    list_id: i64,
    window: Window,
    now: i64,
) -> Result<Vec<StatusRow>, DbError> {
    in_direction!(
        conn,
        window,
        select_window!(
            select_status!(),
            "WHERE EXISTS (SELECT 1 FROM list_members m WHERE m.list_id = $6 \
               AND (m.actor_id = p.author_id OR m.actor_id = p.group_id)) AND ",
            readable_by!("$1", "p"),
            " AND NOT ",
            hidden_from!("$1", "p.author_id", "$7")
        ),
        viewer,
        window.max_id,
        window.lower(),
        window.ascending(),
        window.limit,
        list_id,
        now,
    )
}

/// Posts the viewer bookmarked, most recently bookmarked first (paged by bookmark id).
pub async fn list_bookmarked(
    conn: &mut Conn<'_>,
    viewer: i64,
    max_bookmark_id: Option<i64>,
    limit: i64,
) -> Result<Vec<(i64, StatusRow)>, DbError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        bookmark_id: i64,
        #[sqlx(flatten)]
        status: StatusRow,
    }
    let rows: Vec<Row> = query_as!(
        conn,
        Row,
        fetch_all,
        concat!(
            "SELECT bm.id AS bookmark_id, s.* FROM (SELECT id, post_id FROM bookmarks \
             WHERE account_id = $1 AND ($2 IS NULL OR id < $2) ORDER BY id DESC LIMIT $3) bm JOIN (",
            select_status!(),
            ") s ON s.id = bm.post_id WHERE s.deleted_at IS NULL ORDER BY bm.id DESC"
        ),
        viewer,
        max_bookmark_id,
        limit
    )?;
    Ok(rows.into_iter().map(|r| (r.bookmark_id, r.status)).collect())
}

/// Most names each of `any`, `all` and `none` of a tag timeline may hold (as on Mastodon).
pub const TAGS_PER_MODE: usize = 4;

/// Which hashtags a tag timeline matches: a post with the tag or any of `any`, with every tag of
/// `all` and none of `none` (each at most [`TAGS_PER_MODE`], names normalised).
#[derive(Debug, Clone, Default)]
pub struct TagFilter {
    pub tag: String,
    pub any: Vec<String>,
    pub all: Vec<String>,
    pub none: Vec<String>,
}

/// The tag timeline: public posts with the hashtags of `filter`, from here, elsewhere or both,
/// not by people the viewer blocked or muted.
#[allow(clippy::too_many_arguments)]
pub async fn list_tagged(
    conn: &mut Conn<'_>,
    viewer: Option<i64>,
    filter: &TagFilter,
    origin: Origin,
    only_media: bool,
    window: Window,
    now: i64,
) -> Result<Vec<StatusRow>, DbError> {
    let local: Option<bool> = match origin {
        Origin::All => None,
        Origin::Local => Some(true),
        Origin::Remote => Some(false),
    };
    // Unused slots hold the empty name, which no hashtag has.
    let slot = |names: &[String], i: usize| names.get(i).cloned().unwrap_or_default();
    let any: Vec<String> = std::iter::once(filter.tag.clone()).chain(filter.any.iter().cloned()).collect();
    let mut all: Vec<String> = filter.all.iter().take(TAGS_PER_MODE).cloned().collect();
    all.sort();
    all.dedup();
    let all_count = i64::try_from(all.len()).unwrap_or(0);
    in_direction!(
        conn,
        window,
        select_window!(
            select_status!(),
            "WHERE ",
            listed!("p"),
            " AND a.silenced_at IS NULL AND ($6 IS NULL OR p.local = $6) AND ($7 = FALSE OR ",
            has_media!(),
            ") AND p.id IN (SELECT h.post_id FROM post_hashtags h WHERE h.name IN ($8, $9, $10, $11, $12)) \
             AND (SELECT COUNT(*) FROM post_hashtags h WHERE h.post_id = p.id \
                  AND h.name IN ($13, $14, $15, $16)) = $17 \
             AND NOT EXISTS (SELECT 1 FROM post_hashtags h WHERE h.post_id = p.id \
                  AND h.name IN ($18, $19, $20, $21)) AND NOT ",
            hidden_from!("$1", "p.author_id", "$22")
        ),
        viewer,
        window.max_id,
        window.lower(),
        window.ascending(),
        window.limit,
        local,
        only_media,
        slot(&any, 0),
        slot(&any, 1),
        slot(&any, 2),
        slot(&any, 3),
        slot(&any, 4),
        slot(&all, 0),
        slot(&all, 1),
        slot(&all, 2),
        slot(&all, 3),
        all_count,
        slot(&filter.none, 0),
        slot(&filter.none, 1),
        slot(&filter.none, 2),
        slot(&filter.none, 3),
        now,
    )
}
