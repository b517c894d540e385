//! `Idempotency-Key` of status creation: the same key from the same member creates one post.

use super::{Conn, DbError, execute, query_scalar};

pub async fn get_post_for_key(conn: &mut Conn<'_>, account: i64, key: &str) -> Result<Option<i64>, DbError> {
    query_scalar!(
        conn,
        i64,
        fetch_optional,
        "SELECT post_id FROM idempotency_keys WHERE account_id = $1 AND key = $2",
        account,
        key
    )
}

pub async fn insert_key(
    conn: &mut Conn<'_>,
    account: i64,
    key: &str,
    post_id: i64,
    now: i64,
) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO idempotency_keys (account_id, key, post_id, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT DO NOTHING",
        account,
        key,
        post_id,
        now,
    )?;
    Ok(())
}
