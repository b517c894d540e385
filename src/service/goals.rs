//! Climate goals of members and project groups, and progress updates that are also threads.
//!
//! A member sets goals for themselves; a project group's owner and moderators set the group's.
//! Whoever may set a goal may report progress on it; each update starts a thread in a group
//! the reporter chooses (through `threads::create_thread_in`, in the same transaction), so it
//! federates and can be discussed.

use super::threads::{NewThread, create_thread_in};
use super::{ActorRef, Context, CurrentUser, ServiceError};
use crate::db::{self, Conn, goals::GoalRow};
use crate::domain::goal::{Goal, GoalInput, Progress, ProgressInput, progress_percent};
use crate::domain::{FieldError, FieldErrors, PostId, Timestamp};

/// Whose goal it is: the signed-in member, or a local project group they moderate.
#[derive(Debug, Clone)]
pub enum GoalOwner {
    Me,
    Group(String),
}

/// A goal with its owner and where it stands.
#[derive(Debug, Clone)]
pub struct GoalSummary {
    pub id: i64,
    pub owner: ActorRef,
    pub owner_is_group: bool,
    pub goal: Goal,
    pub latest_value: Option<f64>,
    pub latest_on: Option<Timestamp>,
    pub update_count: i64,
    /// From the baseline toward the target, by the latest value (0 without updates).
    pub percent: f64,
}

impl From<GoalRow> for GoalSummary {
    fn from(row: GoalRow) -> Self {
        let goal = Goal {
            title: row.title,
            metric: row.metric,
            unit: row.unit,
            baseline_value: row.baseline_value,
            baseline_year: i32::try_from(row.baseline_year).unwrap_or_default(),
            target_value: row.target_value,
            target_year: i32::try_from(row.target_year).unwrap_or_default(),
            scope_note: row.scope_note,
        };
        let percent = row
            .latest_value
            .map(|value| progress_percent(goal.baseline_value, goal.target_value, value))
            .unwrap_or(0.0);
        Self {
            id: row.id,
            owner: ActorRef {
                name: row.owner_name,
                display_name: row.owner_display_name,
                host: if row.owner_local { None } else { row.owner_host },
            },
            owner_is_group: row.owner_kind == "group",
            goal,
            latest_value: row.latest_value,
            latest_on: row.latest_on.map(Timestamp::from_millis),
            update_count: row.update_count,
            percent,
        }
    }
}

/// One progress update, with the thread it started.
#[derive(Debug, Clone)]
pub struct GoalUpdate {
    pub date: Timestamp,
    pub value: f64,
    pub note: String,
    pub author: String,
    pub thread: Option<PostId>,
}

/// A goal page: the goal, its updates in date order, and whether the viewer may report.
#[derive(Debug, Clone)]
pub struct GoalDetails {
    pub summary: GoalSummary,
    pub updates: Vec<GoalUpdate>,
    pub viewer_can_report: bool,
}

/// The actor id a goal belongs to, checking the member may set goals for it.
async fn owner_for(conn: &mut Conn<'_>, user: &CurrentUser, owner: &GoalOwner) -> Result<i64, ServiceError> {
    match owner {
        GoalOwner::Me => Ok(user.id.0),
        GoalOwner::Group(name) => {
            let group = db::groups::get_group_by_name(conn, name.trim()).await?.ok_or_else(|| {
                ServiceError::from(FieldError::new("owner", "must be a group you can post in"))
            })?;
            if group.group_kind.as_deref() != Some("project") {
                return Err(FieldError::new("owner", "must be a group you can post in").into());
            }
            if db::groups::get_moderator_role(conn, group.id, user.id.0).await?.is_none() {
                return Err(ServiceError::Forbidden);
            }
            Ok(group.id)
        }
    }
}

/// Whether the member may set goals and report progress for an owner (themselves, or a
/// group they own or moderate).
async fn may_report(conn: &mut Conn<'_>, user: &CurrentUser, owner_id: i64) -> Result<bool, ServiceError> {
    if owner_id == user.id.0 {
        return Ok(true);
    }
    Ok(db::groups::get_moderator_role(conn, owner_id, user.id.0).await?.is_some())
}

/// A goal the member may change (one they may report on); others are forbidden.
async fn editable_goal(conn: &mut Conn<'_>, user: &CurrentUser, id: i64) -> Result<GoalRow, ServiceError> {
    let row = db::goals::get_goal(conn, id).await?.ok_or(ServiceError::NotFound)?;
    if !may_report(conn, user, row.owner_id).await? {
        return Err(ServiceError::Forbidden);
    }
    Ok(row)
}

/// A validated goal as the database stores it.
fn goal_values(goal: &Goal) -> db::goals::GoalValues<'_> {
    db::goals::GoalValues {
        title: &goal.title,
        metric: &goal.metric,
        unit: &goal.unit,
        baseline_value: goal.baseline_value,
        baseline_year: i64::from(goal.baseline_year),
        target_value: goal.target_value,
        target_year: i64::from(goal.target_year),
        scope_note: &goal.scope_note,
    }
}

pub async fn create_goal(
    ctx: &Context,
    user: &CurrentUser,
    owner: GoalOwner,
    input: GoalInput,
) -> Result<i64, ServiceError> {
    let goal = Goal::parse(&input)?;
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let owner_id = owner_for(&mut conn, user, &owner).await?;
    let id = ctx.new_id();
    db::goals::insert_goal(
        &mut conn,
        &db::goals::NewGoal {
            id,
            owner_id,
            created_by: user.id.0,
            values: goal_values(&goal),
            now: ctx.now().millis(),
        },
    )
    .await?;
    tx.commit().await?;
    tracing::info!(goal = id, by = %user.name, "goal set");
    Ok(id)
}

/// Changes a goal's title, metric, values, years and scope; whoever may report on it may.
pub async fn update_goal(
    ctx: &Context,
    user: &CurrentUser,
    id: i64,
    input: GoalInput,
) -> Result<(), ServiceError> {
    let goal = Goal::parse(&input)?;
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    editable_goal(&mut conn, user, id).await?;
    db::goals::update_goal(&mut conn, id, &goal_values(&goal), ctx.now().millis()).await?;
    tx.commit().await?;
    tracing::info!(goal = id, by = %user.name, "goal changed");
    Ok(())
}

/// Deletes a goal with its progress updates; the threads the updates started stay.
pub async fn delete_goal(ctx: &Context, user: &CurrentUser, id: i64) -> Result<(), ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    editable_goal(&mut conn, user, id).await?;
    db::goals::delete_goal(&mut conn, id).await?;
    tx.commit().await?;
    tracing::info!(goal = id, by = %user.name, "goal deleted");
    Ok(())
}

/// The goal as its edit form shows it.
pub async fn goal_input(ctx: &Context, user: &CurrentUser, id: i64) -> Result<GoalInput, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let row = editable_goal(&mut conn.conn(), user, id).await?;
    Ok(GoalInput {
        title: row.title,
        metric: row.metric,
        unit: row.unit,
        baseline_value: row.baseline_value.to_string(),
        baseline_year: row.baseline_year.to_string(),
        target_value: row.target_value.to_string(),
        target_year: row.target_year.to_string(),
        scope_note: row.scope_note,
    })
}

/// A goal page in three queries: the goal (with its latest value), its updates, the viewer's
/// right to report.
pub async fn get_goal(
    ctx: &Context,
    id: i64,
    viewer: Option<&CurrentUser>,
) -> Result<GoalDetails, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let row = db::goals::get_goal(&mut conn.conn(), id).await?.ok_or(ServiceError::NotFound)?;
    let owner_id = row.owner_id;
    let updates = db::goals::list_goal_updates(&mut conn.conn(), id)
        .await?
        .into_iter()
        .map(|u| GoalUpdate {
            date: Timestamp::from_millis(u.reported_on),
            value: u.value,
            note: u.note,
            author: u.author_name,
            thread: u.post_id.map(PostId),
        })
        .collect();
    let viewer_can_report = match viewer {
        Some(user) => may_report(&mut conn.conn(), user, owner_id).await?,
        None => false,
    };
    Ok(GoalDetails { summary: row.into(), updates, viewer_can_report })
}

/// Every goal of the instance with how far it has come (one query).
pub async fn list_goals(ctx: &Context) -> Result<Vec<GoalSummary>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::goals::list_goals(&mut conn.conn(), 500).await?.into_iter().map(GoalSummary::from).collect())
}

/// The goals of a person or group, for their page (one query).
pub async fn list_owner_goals(
    ctx: &Context,
    owner: crate::domain::ActorId,
) -> Result<Vec<GoalSummary>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::goals::list_owner_goals(&mut conn.conn(), owner.0)
        .await?
        .into_iter()
        .map(GoalSummary::from)
        .collect())
}

/// Reports progress: stores the update and starts a thread about it in the chosen group, in
/// one transaction. Returns the thread.
pub async fn report_progress(
    ctx: &Context,
    user: &CurrentUser,
    goal_id: i64,
    input: ProgressInput,
    thread_text: impl FnOnce(&Goal, &Progress) -> NewThread,
) -> Result<PostId, ServiceError> {
    let mut errors = FieldErrors::new();
    let progress = match Progress::parse(&input) {
        Ok(progress) => Some(progress),
        Err(found) => {
            found.iter().cloned().for_each(|e| errors.push(e));
            None
        }
    };
    if input.group.trim().is_empty() {
        errors.push(FieldError::new("group", "must be a group you can post in"));
    }
    super::error::refuse_if_any(errors)?;
    let progress = progress.ok_or_else(|| ServiceError::Internal("validated progress missing".into()))?;
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let row = db::goals::get_goal(&mut conn, goal_id).await?.ok_or(ServiceError::NotFound)?;
    if !may_report(&mut conn, user, row.owner_id).await? {
        return Err(ServiceError::Forbidden);
    }
    let summary = GoalSummary::from(row);
    let thread = thread_text(&summary.goal, &progress);
    let post = match create_thread_in(ctx, &mut conn, user, input.group.trim(), thread).await {
        Err(ServiceError::NotFound) => {
            return Err(FieldError::new("group", "must be a group you can post in").into());
        }
        other => other?,
    };
    db::goals::insert_goal_update(
        &mut conn,
        &db::goals::NewGoalUpdate {
            id: ctx.new_id(),
            goal_id,
            reported_on: progress.date.millis(),
            value: progress.value,
            note: &progress.note,
            post_id: post.0,
            created_by: user.id.0,
            now: ctx.now().millis(),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(post)
}
