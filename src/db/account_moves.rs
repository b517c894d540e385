//! Account migration: the other accounts an actor says are also theirs (`alsoKnownAs`), where
//! an account moved (`movedTo`), and the local followers a move hands over.

use super::{Conn, DbError, execute, query_as, query_scalar};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MoveFieldsRow {
    /// ActivityPub ids, one a line.
    pub also_known_as: String,
    pub moved_to: Option<String>,
    pub moved_at: Option<i64>,
}

pub async fn get_move_fields(conn: &mut Conn<'_>, actor_id: i64) -> Result<Option<MoveFieldsRow>, DbError> {
    query_as!(
        conn,
        MoveFieldsRow,
        fetch_optional,
        "SELECT also_known_as, moved_to, moved_at FROM actors WHERE id = $1",
        actor_id
    )
}

pub async fn update_also_known_as(
    conn: &mut Conn<'_>,
    actor_id: i64,
    also_known_as: &str,
) -> Result<u64, DbError> {
    execute!(conn, "UPDATE actors SET also_known_as = $2 WHERE id = $1", actor_id, also_known_as)
}

/// Marks the account moved to `moved_to` (an ActivityPub id); a later move replaces it.
pub async fn update_moved_to(
    conn: &mut Conn<'_>,
    actor_id: i64,
    moved_to: &str,
    now: i64,
) -> Result<u64, DbError> {
    execute!(
        conn,
        "UPDATE actors SET moved_to = $2, moved_at = $3, updated_at = $3 WHERE id = $1",
        actor_id,
        moved_to,
        now
    )
}

/// The local people who follow `followed` (accepted or still pending).
pub async fn list_local_followers(conn: &mut Conn<'_>, followed_id: i64) -> Result<Vec<i64>, DbError> {
    query_scalar!(
        conn,
        i64,
        fetch_all,
        "SELECT f.follower_id FROM follows f JOIN actors a ON a.id = f.follower_id \
         WHERE f.followed_id = $1 AND a.local AND a.kind = 'person' ORDER BY f.follower_id",
        followed_id
    )
}

/// What a remote actor's document says about other accounts: `alsoKnownAs` and `movedTo`.
pub async fn update_remote_move_fields(
    conn: &mut Conn<'_>,
    actor_id: i64,
    also_known_as: &str,
    moved_to: Option<&str>,
) -> Result<u64, DbError> {
    execute!(
        conn,
        "UPDATE actors SET also_known_as = $2, moved_to = COALESCE($3, moved_to) WHERE id = $1 AND NOT local",
        actor_id,
        also_known_as,
        moved_to
    )
}
