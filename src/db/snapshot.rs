//! Whole-database statements of `allmende backup` and `allmende restore`.

use super::{Conn, DbError};

/// Writes a consistent copy of the SQLite database to a new file at `path` (`VACUUM INTO`: one
/// read transaction, so writers carry on in WAL mode and the copy is one moment of the database).
pub async fn sqlite_vacuum_into(pool: &sqlx::SqlitePool, path: &str) -> Result<(), DbError> {
    super::trace_query("VACUUM INTO $1");
    sqlx::query("VACUUM INTO $1").bind(path).execute(pool).await?;
    Ok(())
}

/// How many tables the database holds outside the system catalogues (0 for an empty database).
pub async fn count_tables(conn: &mut Conn<'_>) -> Result<i64, DbError> {
    match conn {
        Conn::Sqlite(c) => {
            let sql = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            super::trace_query(sql);
            Ok(sqlx::query_scalar(sql).fetch_one(&mut **c).await?)
        }
        Conn::Postgres(c) => {
            let sql = "SELECT COUNT(*) FROM information_schema.tables \
                       WHERE table_schema NOT IN ('pg_catalog', 'information_schema')";
            super::trace_query(sql);
            Ok(sqlx::query_scalar(sql).fetch_one(&mut **c).await?)
        }
    }
}
