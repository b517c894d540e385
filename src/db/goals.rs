//! Climate goals and their progress updates.

use super::{Conn, DbError, execute, query_as};

/// A goal with its owner (a person or a group) and its latest progress value, in one row.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct GoalRow {
    pub id: i64,
    pub owner_id: i64,
    pub owner_kind: String,
    pub owner_name: String,
    pub owner_display_name: String,
    pub owner_local: bool,
    pub owner_host: Option<String>,
    pub title: String,
    pub metric: String,
    pub unit: String,
    pub baseline_value: f64,
    pub baseline_year: i64,
    pub target_value: f64,
    pub target_year: i64,
    pub scope_note: String,
    pub created_at: i64,
    pub latest_value: Option<f64>,
    pub latest_on: Option<i64>,
    pub update_count: i64,
}

macro_rules! select_goal {
    () => {
        "SELECT g.id, g.owner_id, a.kind AS owner_kind, a.name AS owner_name, \
         a.display_name AS owner_display_name, a.local AS owner_local, i.host AS owner_host, \
         g.title, g.metric, g.unit, g.baseline_value, g.baseline_year, g.target_value, g.target_year, \
         g.scope_note, g.created_at, \
         (SELECT u.value FROM goal_updates u WHERE u.goal_id = g.id \
          ORDER BY u.reported_on DESC, u.id DESC LIMIT 1) AS latest_value, \
         (SELECT MAX(u.reported_on) FROM goal_updates u WHERE u.goal_id = g.id) AS latest_on, \
         (SELECT COUNT(*) FROM goal_updates u WHERE u.goal_id = g.id) AS update_count \
         FROM goals g JOIN actors a ON a.id = g.owner_id LEFT JOIN instances i ON i.id = a.instance_id "
    };
}

/// What a goal says: set when it is created, changed by its owner.
pub struct GoalValues<'a> {
    pub title: &'a str,
    pub metric: &'a str,
    pub unit: &'a str,
    pub baseline_value: f64,
    pub baseline_year: i64,
    pub target_value: f64,
    pub target_year: i64,
    pub scope_note: &'a str,
}

pub struct NewGoal<'a> {
    pub id: i64,
    pub owner_id: i64,
    pub created_by: i64,
    pub values: GoalValues<'a>,
    pub now: i64,
}

pub async fn insert_goal(conn: &mut Conn<'_>, goal: &NewGoal<'_>) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO goals (id, owner_id, created_by, title, metric, unit, baseline_value, baseline_year, \
         target_value, target_year, scope_note, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)",
        goal.id,
        goal.owner_id,
        goal.created_by,
        goal.values.title,
        goal.values.metric,
        goal.values.unit,
        goal.values.baseline_value,
        goal.values.baseline_year,
        goal.values.target_value,
        goal.values.target_year,
        goal.values.scope_note,
        goal.now,
    )?;
    Ok(())
}

/// Changes what a goal says (not its owner).
pub async fn update_goal(
    conn: &mut Conn<'_>,
    id: i64,
    values: &GoalValues<'_>,
    now: i64,
) -> Result<bool, DbError> {
    let changed = execute!(
        conn,
        "UPDATE goals SET title = $2, metric = $3, unit = $4, baseline_value = $5, baseline_year = $6, \
         target_value = $7, target_year = $8, scope_note = $9, updated_at = $10 WHERE id = $1",
        id,
        values.title,
        values.metric,
        values.unit,
        values.baseline_value,
        values.baseline_year,
        values.target_value,
        values.target_year,
        values.scope_note,
        now,
    )?;
    Ok(changed == 1)
}

/// Deletes a goal and its progress updates (the threads they started stay).
pub async fn delete_goal(conn: &mut Conn<'_>, id: i64) -> Result<bool, DbError> {
    execute!(conn, "DELETE FROM goal_updates WHERE goal_id = $1", id)?;
    Ok(execute!(conn, "DELETE FROM goals WHERE id = $1", id)? == 1)
}

pub async fn get_goal(conn: &mut Conn<'_>, id: i64) -> Result<Option<GoalRow>, DbError> {
    query_as!(conn, GoalRow, fetch_optional, concat!(select_goal!(), "WHERE g.id = $1"), id)
}

/// All goals, newest first, each with its latest value (one query).
pub async fn list_goals(conn: &mut Conn<'_>, limit: i64) -> Result<Vec<GoalRow>, DbError> {
    query_as!(conn, GoalRow, fetch_all, concat!(select_goal!(), "ORDER BY g.id DESC LIMIT $1"), limit)
}

/// The goals of one person or group, oldest first.
pub async fn list_owner_goals(conn: &mut Conn<'_>, owner_id: i64) -> Result<Vec<GoalRow>, DbError> {
    query_as!(
        conn,
        GoalRow,
        fetch_all,
        concat!(select_goal!(), "WHERE g.owner_id = $1 ORDER BY g.id LIMIT 50"),
        owner_id
    )
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct GoalUpdateRow {
    pub id: i64,
    pub reported_on: i64,
    pub value: f64,
    pub note: String,
    pub post_id: Option<i64>,
    pub author_name: String,
}

pub struct NewGoalUpdate<'a> {
    pub id: i64,
    pub goal_id: i64,
    pub reported_on: i64,
    pub value: f64,
    pub note: &'a str,
    pub post_id: i64,
    pub created_by: i64,
    pub now: i64,
}

pub async fn insert_goal_update(conn: &mut Conn<'_>, update: &NewGoalUpdate<'_>) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO goal_updates (id, goal_id, reported_on, value, note, post_id, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        update.id,
        update.goal_id,
        update.reported_on,
        update.value,
        update.note,
        update.post_id,
        update.created_by,
        update.now,
    )?;
    Ok(())
}

/// A goal's updates in date order (the chart draws them left to right), at most 500.
pub async fn list_goal_updates(conn: &mut Conn<'_>, goal_id: i64) -> Result<Vec<GoalUpdateRow>, DbError> {
    query_as!(
        conn,
        GoalUpdateRow,
        fetch_all,
        "SELECT u.id, u.reported_on, u.value, u.note, u.post_id, a.name AS author_name \
         FROM goal_updates u JOIN actors a ON a.id = u.created_by \
         WHERE u.goal_id = $1 ORDER BY u.reported_on, u.id LIMIT 500",
        goal_id,
    )
}
