//! The organisation a member profile represents, for local and remote actors alike.

use super::{Conn, DbError, execute, query_as};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OrganisationRow {
    pub actor_id: i64,
    pub org_type: String,
    pub name: String,
    pub location: String,
    pub website: String,
}

pub async fn get_organisation(
    conn: &mut Conn<'_>,
    actor_id: i64,
) -> Result<Option<OrganisationRow>, DbError> {
    query_as!(
        conn,
        OrganisationRow,
        fetch_optional,
        "SELECT actor_id, org_type, name, location, website FROM organisations WHERE actor_id = $1",
        actor_id,
    )
}

pub async fn upsert_organisation(
    conn: &mut Conn<'_>,
    row: &OrganisationRow,
    now: i64,
) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO organisations (actor_id, org_type, name, location, website, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (actor_id) DO UPDATE SET org_type = excluded.org_type, \
         name = excluded.name, location = excluded.location, website = excluded.website, \
         updated_at = excluded.updated_at",
        row.actor_id,
        &row.org_type,
        &row.name,
        &row.location,
        &row.website,
        now,
    )?;
    Ok(())
}

pub async fn delete_organisation(conn: &mut Conn<'_>, actor_id: i64) -> Result<(), DbError> {
    execute!(conn, "DELETE FROM organisations WHERE actor_id = $1", actor_id)?;
    Ok(())
}
