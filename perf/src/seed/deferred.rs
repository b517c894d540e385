//! Secondary indexes and triggers of the big tables, set aside while the rows are loaded and
//! made again at the end: building an index once over a million sorted rows is far cheaper than
//! updating it a million times, and on SQLite the search triggers (migration 0031) would fill
//! the FTS5 index one row at a time. Primary keys and constraints stay, so every row is still
//! checked as it is written; a unique index that the data breaks fails when it is made again,
//! with its name in the error.

use allmende::db::Db;
use anyhow::Context as _;

/// The tables the seeder fills with many rows.
const BIG_TABLES: [&str; 6] = ["posts", "post_hashtags", "boosts", "likes", "notifications", "follows"];

/// The SQLite search index and the query that fills it from the posts (see migration 0031).
const SQLITE_SEARCH_TRIGGER: &str = "post_search_after_insert";
const SQLITE_SEARCH_FILL: &str =
    "INSERT INTO post_search (rowid, title, body) SELECT id, title, body FROM post_search_documents";

/// What was set aside: the statements that make it again, indexes first.
#[derive(Debug, Default)]
pub struct SetAside {
    names: Vec<String>,
    indexes: Vec<String>,
    triggers: Vec<String>,
    refill_sqlite_search: bool,
}

/// An index or trigger: its kind (`index` or `trigger`), name and the statement that makes it.
type Definition = (String, String, String);

/// The secondary indexes and triggers of [`BIG_TABLES`], by name.
async fn definitions(db: &Db) -> anyhow::Result<Vec<Definition>> {
    let found = match db {
        Db::Sqlite(pool) => {
            let placeholders = vec!["?"; BIG_TABLES.len()].join(", ");
            let sql = format!(
                "SELECT type, name, sql FROM sqlite_master \
                 WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN ({placeholders}) \
                 ORDER BY name"
            );
            let mut query = sqlx::query_as::<_, Definition>(sqlx::AssertSqlSafe(sql));
            for table in BIG_TABLES {
                query = query.bind(table);
            }
            query.fetch_all(pool).await?
        }
        // Indexes that back a constraint (primary keys, UNIQUE constraints) are not listed: they stay.
        Db::Postgres(pool) => {
            sqlx::query_as(
                "SELECT 'index', c.relname::text, pg_get_indexdef(c.oid) \
                 FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid \
                 WHERE t.relname = ANY($1) AND pg_table_is_visible(t.oid) \
                 AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid) \
                 ORDER BY c.relname",
            )
            .bind(BIG_TABLES.as_slice())
            .fetch_all(pool)
            .await?
        }
    };
    Ok(found)
}

/// Drops the secondary indexes and triggers of [`BIG_TABLES`], returning how to make them again.
pub async fn set_aside(db: &Db) -> anyhow::Result<SetAside> {
    let mut aside = SetAside::default();
    for (kind, name, create) in definitions(db).await? {
        let drop = format!("DROP {} \"{}\"", kind.to_uppercase(), name.replace('"', "\"\""));
        match db {
            Db::Sqlite(pool) => {
                sqlx::query(sqlx::AssertSqlSafe(drop)).execute(pool).await?;
            }
            Db::Postgres(pool) => {
                sqlx::query(sqlx::AssertSqlSafe(drop)).execute(pool).await?;
            }
        }
        if kind == "trigger" {
            aside.refill_sqlite_search |= name == SQLITE_SEARCH_TRIGGER;
            aside.triggers.push(create);
        } else {
            aside.indexes.push(create);
        }
        aside.names.push(name);
    }
    Ok(aside)
}

/// Makes again what [`set_aside`] dropped, filling the SQLite search index first.
pub async fn restore(db: &Db, aside: SetAside) -> anyhow::Result<()> {
    match db {
        Db::Sqlite(pool) => {
            let mut connection = pool.acquire().await?;
            for create in &aside.indexes {
                sqlx::query(sqlx::AssertSqlSafe(create.as_str()))
                    .execute(&mut *connection)
                    .await
                    .with_context(|| format!("making again: {create}"))?;
            }
            if aside.refill_sqlite_search {
                sqlx::query(SQLITE_SEARCH_FILL)
                    .execute(&mut *connection)
                    .await
                    .context("filling post_search")?;
            }
            for create in &aside.triggers {
                sqlx::query(sqlx::AssertSqlSafe(create.as_str()))
                    .execute(&mut *connection)
                    .await
                    .with_context(|| format!("making again: {create}"))?;
            }
        }
        Db::Postgres(pool) => {
            let mut connection = pool.acquire().await?;
            sqlx::query("SET maintenance_work_mem = '256MB'").execute(&mut *connection).await?;
            for create in aside.indexes.iter().chain(&aside.triggers) {
                sqlx::query(sqlx::AssertSqlSafe(create.as_str()))
                    .execute(&mut *connection)
                    .await
                    .with_context(|| format!("making again: {create}"))?;
            }
        }
    }
    let names: Vec<String> = definitions(db).await?.into_iter().map(|(_, name, _)| name).collect();
    anyhow::ensure!(names == aside.names, "indexes after seeding {names:?}, before {:?}", aside.names);
    Ok(())
}
