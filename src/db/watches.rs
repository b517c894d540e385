//! Threads and groups a member watches: each new reply in a watched thread, each new thread in
//! a watched group, becomes a notification.

use super::{Conn, DbError, execute, query_scalar};

pub async fn insert_thread_watch(
    conn: &mut Conn<'_>,
    account: i64,
    root: i64,
    now: i64,
) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO thread_watches (account_id, root_id, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT DO NOTHING",
        account,
        root,
        now,
    )?;
    Ok(())
}

pub async fn delete_thread_watch(conn: &mut Conn<'_>, account: i64, root: i64) -> Result<(), DbError> {
    execute!(conn, "DELETE FROM thread_watches WHERE account_id = $1 AND root_id = $2", account, root)?;
    Ok(())
}

pub async fn thread_watched(conn: &mut Conn<'_>, account: i64, root: i64) -> Result<bool, DbError> {
    let count = query_scalar!(
        conn,
        i64,
        fetch_one,
        "SELECT COUNT(*) FROM thread_watches WHERE account_id = $1 AND root_id = $2",
        account,
        root
    )?;
    Ok(count > 0)
}

/// The local members watching the thread `root`, leaving out `skip_a` and `skip_b` (the
/// reply's author and the author of the post it answers, who hear of it anyway).
pub async fn list_thread_watchers(
    conn: &mut Conn<'_>,
    root: i64,
    skip_a: i64,
    skip_b: i64,
) -> Result<Vec<i64>, DbError> {
    query_scalar!(
        conn,
        i64,
        fetch_all,
        "SELECT account_id FROM thread_watches WHERE root_id = $1 AND account_id <> $2 AND account_id <> $3",
        root,
        skip_a,
        skip_b
    )
}

pub async fn insert_group_watch(
    conn: &mut Conn<'_>,
    account: i64,
    group: i64,
    now: i64,
) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO group_watches (account_id, group_id, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT DO NOTHING",
        account,
        group,
        now,
    )?;
    Ok(())
}

pub async fn delete_group_watch(conn: &mut Conn<'_>, account: i64, group: i64) -> Result<(), DbError> {
    execute!(conn, "DELETE FROM group_watches WHERE account_id = $1 AND group_id = $2", account, group)?;
    Ok(())
}

pub async fn group_watched(conn: &mut Conn<'_>, account: i64, group: i64) -> Result<bool, DbError> {
    let count = query_scalar!(
        conn,
        i64,
        fetch_one,
        "SELECT COUNT(*) FROM group_watches WHERE account_id = $1 AND group_id = $2",
        account,
        group
    )?;
    Ok(count > 0)
}

/// The local members watching `group`, leaving out `author` (who started the thread).
pub async fn list_group_watchers(conn: &mut Conn<'_>, group: i64, author: i64) -> Result<Vec<i64>, DbError> {
    query_scalar!(
        conn,
        i64,
        fetch_all,
        "SELECT account_id FROM group_watches WHERE group_id = $1 AND account_id <> $2",
        group,
        author
    )
}
