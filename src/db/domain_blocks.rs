//! Domains members block (lowercase hosts without port; see `domain::blocked_domain`). This is
//! a member's own choice and hides that domain from them only; it is not the instance's policy
//! towards a peer (`instances`).

use super::{Conn, DbError, execute, query_as};

/// Stores a domain block unless it exists; true when it is new.
pub async fn insert_domain_block(
    conn: &mut Conn<'_>,
    id: i64,
    account: i64,
    host: &str,
    now: i64,
) -> Result<bool, DbError> {
    let inserted = execute!(
        conn,
        "INSERT INTO member_domain_blocks (id, account_id, host, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (account_id, host) DO NOTHING",
        id,
        account,
        host,
        now,
    )?;
    Ok(inserted == 1)
}

pub async fn delete_domain_block(conn: &mut Conn<'_>, account: i64, host: &str) -> Result<u64, DbError> {
    execute!(conn, "DELETE FROM member_domain_blocks WHERE account_id = $1 AND host = $2", account, host)
}

/// A blocked domain with its row id (the page cursor).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DomainBlockRow {
    pub id: i64,
    pub host: String,
}

/// A member's blocked domains, newest first.
pub async fn list_domain_blocks(
    conn: &mut Conn<'_>,
    account: i64,
    max_id: Option<i64>,
    limit: i64,
) -> Result<Vec<DomainBlockRow>, DbError> {
    query_as!(
        conn,
        DomainBlockRow,
        fetch_all,
        "SELECT id, host FROM member_domain_blocks WHERE account_id = $1 AND ($2 IS NULL OR id < $2) \
         ORDER BY id DESC LIMIT $3",
        account,
        max_id,
        limit,
    )
}

/// Ends the follows of the member by people of the blocked domain (as Mastodon does): they no
/// longer receive the member's posts. Returns how many ended.
pub async fn delete_followers_from_domain(
    conn: &mut Conn<'_>,
    account: i64,
    host: &str,
) -> Result<u64, DbError> {
    execute!(
        conn,
        "DELETE FROM follows WHERE followed_id = $1 AND follower_id IN (SELECT a.id FROM actors a \
         JOIN instances i ON i.id = a.instance_id WHERE i.host = $2 OR i.host LIKE ($2 || ':%') \
         OR i.host LIKE ('%.' || $2) OR i.host LIKE ('%.' || $2 || ':%'))",
        account,
        host,
    )
}
