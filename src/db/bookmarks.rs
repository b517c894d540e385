//! Bookmarks: posts a member keeps for later.

use super::{Conn, DbError, execute};

pub async fn insert_bookmark(
    conn: &mut Conn<'_>,
    id: i64,
    account: i64,
    post: i64,
    now: i64,
) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO bookmarks (id, account_id, post_id, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        id,
        account,
        post,
        now,
    )?;
    Ok(())
}

pub async fn delete_bookmark(conn: &mut Conn<'_>, account: i64, post: i64) -> Result<(), DbError> {
    execute!(conn, "DELETE FROM bookmarks WHERE account_id = $1 AND post_id = $2", account, post)?;
    Ok(())
}
