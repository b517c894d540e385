//! A member's lists of accounts (Mastodon lists) and their members.

use super::{Conn, DbError, execute, query_as};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ListRow {
    pub id: i64,
    pub title: String,
    pub replies_policy: String,
    pub exclusive: bool,
}

pub async fn list_lists(conn: &mut Conn<'_>, account: i64) -> Result<Vec<ListRow>, DbError> {
    query_as!(
        conn,
        ListRow,
        fetch_all,
        "SELECT id, title, replies_policy, exclusive FROM lists WHERE account_id = $1 ORDER BY id",
        account
    )
}

pub async fn get_list(conn: &mut Conn<'_>, account: i64, id: i64) -> Result<Option<ListRow>, DbError> {
    query_as!(
        conn,
        ListRow,
        fetch_optional,
        "SELECT id, title, replies_policy, exclusive FROM lists WHERE account_id = $1 AND id = $2",
        account,
        id
    )
}

pub async fn insert_list(conn: &mut Conn<'_>, account: i64, list: &ListRow, now: i64) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO lists (id, account_id, title, replies_policy, exclusive, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
        list.id,
        account,
        &list.title,
        &list.replies_policy,
        list.exclusive,
        now,
    )?;
    Ok(())
}

pub async fn update_list(conn: &mut Conn<'_>, account: i64, list: &ListRow) -> Result<u64, DbError> {
    execute!(
        conn,
        "UPDATE lists SET title = $3, replies_policy = $4, exclusive = $5 WHERE account_id = $1 AND id = $2",
        account,
        list.id,
        &list.title,
        &list.replies_policy,
        list.exclusive,
    )
}

pub async fn delete_list(conn: &mut Conn<'_>, account: i64, id: i64) -> Result<u64, DbError> {
    execute!(conn, "DELETE FROM lists WHERE account_id = $1 AND id = $2", account, id)
}

pub async fn insert_member(conn: &mut Conn<'_>, list: i64, actor: i64) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO list_members (list_id, actor_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        list,
        actor
    )?;
    Ok(())
}

pub async fn delete_member(conn: &mut Conn<'_>, list: i64, actor: i64) -> Result<(), DbError> {
    execute!(conn, "DELETE FROM list_members WHERE list_id = $1 AND actor_id = $2", list, actor)?;
    Ok(())
}

pub async fn list_member_ids(conn: &mut Conn<'_>, list: i64) -> Result<Vec<i64>, DbError> {
    super::query_scalar!(conn, i64, fetch_all, "SELECT actor_id FROM list_members WHERE list_id = $1", list)
}
