//! The instance's weekly figures for `GET /api/v1/instance/activity`: local posts, sign-ups and
//! people who signed in, each counted per week in one grouped query. Post and account ids
//! start with their creation time (see `domain::ids`), so the window is an id range on the
//! primary key, not a scan.

use super::{Conn, DbError, query_as};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct WeekCountRow {
    /// Whole weeks since `since`.
    pub week: i64,
    pub count: i64,
}

/// Local posts (deleted ones too: they were written that week) per week since `since`.
pub async fn count_local_posts_by_week(
    conn: &mut Conn<'_>,
    since: i64,
    week: i64,
) -> Result<Vec<WeekCountRow>, DbError> {
    query_as!(
        conn,
        WeekCountRow,
        fetch_all,
        "SELECT (created_at - $1) / $2 AS week, COUNT(*) AS count FROM posts \
         WHERE id >= $3 AND local AND created_at >= $1 GROUP BY (created_at - $1) / $2",
        since,
        week,
        super::id_floor(since),
    )
}

/// Accounts made per week since `since`.
pub async fn count_sign_ups_by_week(
    conn: &mut Conn<'_>,
    since: i64,
    week: i64,
) -> Result<Vec<WeekCountRow>, DbError> {
    query_as!(
        conn,
        WeekCountRow,
        fetch_all,
        "SELECT (created_at - $1) / $2 AS week, COUNT(*) AS count FROM accounts \
         WHERE actor_id >= $3 AND created_at >= $1 GROUP BY (created_at - $1) / $2",
        since,
        week,
        super::id_floor(since),
    )
}

/// People who signed in (on the web or in an app) per week since `since`, each counted once a
/// week. Sign-ins are known while their session or token is kept.
pub async fn count_sign_ins_by_week(
    conn: &mut Conn<'_>,
    since: i64,
    week: i64,
) -> Result<Vec<WeekCountRow>, DbError> {
    query_as!(
        conn,
        WeekCountRow,
        fetch_all,
        "SELECT week, COUNT(DISTINCT account_id) AS count FROM ( \
           SELECT (created_at - $1) / $2 AS week, account_id FROM sessions WHERE created_at >= $1 \
           UNION ALL \
           SELECT (created_at - $1) / $2 AS week, account_id FROM oauth_tokens \
           WHERE created_at >= $1 AND account_id IS NOT NULL \
         ) AS sign_ins GROUP BY week",
        since,
        week,
    )
}
