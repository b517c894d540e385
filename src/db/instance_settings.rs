//! Instance settings an admin changed in the web interface, by name.

use super::{Conn, DbError, execute, query_scalar};

pub async fn get_setting(conn: &mut Conn<'_>, name: &str) -> Result<Option<String>, DbError> {
    query_scalar!(conn, String, fetch_optional, "SELECT value FROM instance_settings WHERE name = $1", name)
}

pub async fn upsert_setting(conn: &mut Conn<'_>, name: &str, value: &str, now: i64) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO instance_settings (name, value, updated_at) VALUES ($1, $2, $3) \
         ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        name,
        value,
        now,
    )?;
    Ok(())
}

/// Stores a setting unless one of that name exists (two processes racing keep the first).
pub async fn insert_setting_if_missing(
    conn: &mut Conn<'_>,
    name: &str,
    value: &str,
    now: i64,
) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO instance_settings (name, value, updated_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING",
        name,
        value,
        now,
    )?;
    Ok(())
}
