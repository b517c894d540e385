//! The FEP-521a ed25519 keys (`assertionMethod` Multikeys) of remote actors, replaced as a whole
//! whenever the actor's document is stored.

use super::{Conn, DbError, execute, query_as};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ActorMultikeyRow {
    pub key_id: String,
    pub public_key_multibase: String,
}

pub async fn list_actor_multikeys(
    conn: &mut Conn<'_>,
    actor_id: i64,
) -> Result<Vec<ActorMultikeyRow>, DbError> {
    query_as!(
        conn,
        ActorMultikeyRow,
        fetch_all,
        "SELECT key_id, public_key_multibase FROM actor_multikeys WHERE actor_id = $1 ORDER BY key_id",
        actor_id
    )
}

pub async fn delete_actor_multikeys(conn: &mut Conn<'_>, actor_id: i64) -> Result<(), DbError> {
    execute!(conn, "DELETE FROM actor_multikeys WHERE actor_id = $1", actor_id)?;
    Ok(())
}

pub async fn insert_actor_multikey(
    conn: &mut Conn<'_>,
    actor_id: i64,
    key_id: &str,
    public_key_multibase: &str,
) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO actor_multikeys (actor_id, key_id, public_key_multibase) VALUES ($1, $2, $3) \
         ON CONFLICT (actor_id, key_id) DO UPDATE SET public_key_multibase = excluded.public_key_multibase",
        actor_id,
        key_id,
        public_key_multibase,
    )?;
    Ok(())
}
