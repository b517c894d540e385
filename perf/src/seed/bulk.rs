//! The one place that writes rows: multi-row `INSERT`s in large transactions, on either backend.
//!
//! Rows are buffered per table and sent as `INSERT INTO t (...) VALUES (...), (...), ...` with as
//! many rows as the backend's bind-parameter limit allows (SQLite: 32,766 per statement;
//! PostgreSQL: 65,535). A transaction is committed after about [`COMMIT_EVERY`] rows, so a
//! crash loses little and the SQLite WAL stays small.

use std::collections::HashMap;

use allmende::db::{Conn, Db, Tx};
use anyhow::Context as _;

/// One value of a row.
#[derive(Debug, Clone)]
pub enum Val {
    Int(i64),
    OptInt(Option<i64>),
    Text(String),
    OptText(Option<String>),
    Bool(bool),
    OptReal(Option<f64>),
}

impl From<i64> for Val {
    fn from(v: i64) -> Self {
        Val::Int(v)
    }
}
impl From<Option<i64>> for Val {
    fn from(v: Option<i64>) -> Self {
        Val::OptInt(v)
    }
}
impl From<String> for Val {
    fn from(v: String) -> Self {
        Val::Text(v)
    }
}
impl From<&str> for Val {
    fn from(v: &str) -> Self {
        Val::Text(v.to_owned())
    }
}
impl From<Option<String>> for Val {
    fn from(v: Option<String>) -> Self {
        Val::OptText(v)
    }
}
impl From<bool> for Val {
    fn from(v: bool) -> Self {
        Val::Bool(v)
    }
}
impl From<Option<f64>> for Val {
    fn from(v: Option<f64>) -> Self {
        Val::OptReal(v)
    }
}

/// A table and the columns its rows fill, in order.
#[derive(Debug, Clone, Copy)]
pub struct Table {
    pub name: &'static str,
    pub columns: &'static [&'static str],
    /// Tables this one's foreign keys point into: their buffered rows are sent first.
    pub parents: &'static [&'static str],
}

/// Rows committed per transaction (roughly: whole statements are never split).
pub const COMMIT_EVERY: usize = 200_000;

/// Buffers rows per table and writes them in large statements and transactions.
pub struct Writer {
    db: Db,
    tx: Option<Tx>,
    since_commit: usize,
    /// One buffer per table and column set (a table may be filled with two column sets).
    buffers: Vec<(&'static Table, Vec<Val>)>,
    sql: HashMap<(usize, usize), String>,
    written: HashMap<&'static str, u64>,
}

impl Writer {
    pub fn new(db: Db) -> Self {
        Self {
            db,
            tx: None,
            since_commit: 0,
            buffers: Vec::new(),
            sql: HashMap::new(),
            written: HashMap::new(),
        }
    }

    fn max_params(&self) -> usize {
        match self.db {
            Db::Sqlite(_) => 32_766,
            Db::Postgres(_) => 65_535,
        }
    }

    fn rows_per_statement(&self, table: &Table) -> usize {
        // Large enough to amortise a statement, small enough to keep its text and binds modest.
        (self.max_params() / table.columns.len()).clamp(1, 2_000)
    }

    /// Adds one row; sends the table's buffer when a statement is full.
    pub async fn push(&mut self, table: &'static Table, row: Vec<Val>) -> anyhow::Result<()> {
        debug_assert_eq!(row.len(), table.columns.len(), "{}", table.name);
        let per_statement = self.rows_per_statement(table);
        let slot = match self.buffers.iter().position(|(t, _)| std::ptr::eq(*t, table)) {
            Some(slot) => slot,
            None => {
                self.buffers.push((table, Vec::new()));
                self.buffers.len() - 1
            }
        };
        let buffer = &mut self.buffers[slot].1;
        buffer.extend(row);
        if buffer.len() >= per_statement * table.columns.len() {
            for parent in table.parents {
                self.flush_table(parent).await?;
            }
            self.flush_slot(slot).await?;
        }
        Ok(())
    }

    /// Sends what is buffered for one table, after its parents.
    pub async fn flush_named(&mut self, name: &'static str) -> anyhow::Result<()> {
        let parents: Vec<&'static str> = self
            .buffers
            .iter()
            .filter(|(t, _)| t.name == name)
            .flat_map(|(t, _)| t.parents.iter().copied())
            .collect();
        for parent in parents {
            self.flush_table(parent).await?;
        }
        self.flush_table(name).await
    }

    /// Sends what is buffered for one table (every column set of it).
    async fn flush_table(&mut self, name: &'static str) -> anyhow::Result<()> {
        for slot in 0..self.buffers.len() {
            if self.buffers[slot].0.name == name {
                self.flush_slot(slot).await?;
            }
        }
        Ok(())
    }

    async fn flush_slot(&mut self, slot: usize) -> anyhow::Result<()> {
        let Some((table, values)) = self.buffers.get_mut(slot).map(|(t, v)| (*t, std::mem::take(v))) else {
            return Ok(());
        };
        let name = table.name;
        if values.is_empty() {
            return Ok(());
        }
        let rows = values.len() / table.columns.len();
        let key = (std::ptr::from_ref(table) as usize, rows);
        let sql = self.sql.entry(key).or_insert_with(|| insert_sql(table, rows)).clone();
        if self.tx.is_none() {
            self.tx = Some(self.db.begin().await?);
        }
        let Some(tx) = self.tx.as_mut() else { unreachable!("a transaction was just begun") };
        execute(tx.conn(), sql, values).await.with_context(|| format!("inserting into {name}"))?;
        *self.written.entry(name).or_default() += rows as u64;
        self.since_commit += rows;
        if self.since_commit >= COMMIT_EVERY {
            self.commit().await?;
        }
        Ok(())
    }

    /// Sends everything buffered (each table after its parents) and commits.
    pub async fn finish(&mut self) -> anyhow::Result<()> {
        for slot in 0..self.buffers.len() {
            for parent in self.buffers[slot].0.parents {
                self.flush_table(parent).await?;
            }
            self.flush_slot(slot).await?;
        }
        self.commit().await
    }

    pub async fn commit(&mut self) -> anyhow::Result<()> {
        if let Some(tx) = self.tx.take() {
            tx.commit().await?;
        }
        self.since_commit = 0;
        Ok(())
    }

    /// Rows written so far into `table`.
    pub fn written(&self, table: &str) -> u64 {
        self.written.get(table).copied().unwrap_or(0)
    }

    pub fn db(&self) -> &Db {
        &self.db
    }
}

fn insert_sql(table: &Table, rows: usize) -> String {
    let columns = table.columns.len();
    let mut sql = format!("INSERT INTO {} ({}) VALUES ", table.name, table.columns.join(", "));
    sql.reserve(rows * columns * 7);
    let mut n = 1;
    for row in 0..rows {
        if row > 0 {
            sql.push(',');
        }
        sql.push('(');
        for column in 0..columns {
            if column > 0 {
                sql.push(',');
            }
            sql.push('$');
            sql.push_str(&n.to_string());
            n += 1;
        }
        sql.push(')');
    }
    sql
}

macro_rules! bind_values {
    ($query:expr, $values:expr) => {{
        let mut query = $query;
        for value in $values {
            query = match value {
                Val::Int(v) => query.bind(v),
                Val::OptInt(v) => query.bind(v),
                Val::Text(v) => query.bind(v),
                Val::OptText(v) => query.bind(v),
                Val::Bool(v) => query.bind(v),
                Val::OptReal(v) => query.bind(v),
            };
        }
        query
    }};
}

async fn execute(conn: Conn<'_>, sql: String, values: Vec<Val>) -> Result<(), sqlx::Error> {
    match conn {
        Conn::Sqlite(c) => {
            bind_values!(sqlx::query(sqlx::AssertSqlSafe(sql)), values).execute(&mut *c).await?;
        }
        Conn::Postgres(c) => {
            bind_values!(sqlx::query(sqlx::AssertSqlSafe(sql)), values).execute(&mut *c).await?;
        }
    }
    Ok(())
}
