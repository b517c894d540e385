//! What the instance says about itself and its actors to discovery (WebFinger, NodeInfo).

use super::{Context, ServiceError};
use crate::db;

/// Usage figures for NodeInfo.
#[derive(Debug, Clone)]
pub struct InstanceUsage {
    pub users: i64,
    pub active_month: i64,
    pub active_halfyear: i64,
    pub local_posts: i64,
}

pub async fn get_usage(ctx: &Context) -> Result<InstanceUsage, ServiceError> {
    let now = ctx.now();
    let mut conn = ctx.db.acquire().await?;
    let row = db::actors::get_instance_usage(
        &mut conn.conn(),
        now.plus_seconds(-30 * 24 * 3600).millis(),
        now.plus_seconds(-180 * 24 * 3600).millis(),
    )
    .await?;
    Ok(InstanceUsage {
        users: row.users,
        active_month: row.active_month,
        active_halfyear: row.active_halfyear,
        local_posts: row.local_posts,
    })
}

/// The kinds of local actor a name can belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocalActorKind {
    Person,
    Group,
    Application,
}

/// Looks up a local person, group or the instance actor by name.
pub async fn find_local_actor(ctx: &Context, name: &str) -> Result<Option<LocalActorKind>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let actor = db::actors::get_local_actor_by_name(&mut conn.conn(), name).await?;
    Ok(actor.and_then(|a| match a.kind.as_str() {
        "person" => Some(LocalActorKind::Person),
        "group" => Some(LocalActorKind::Group),
        "application" => Some(LocalActorKind::Application),
        _ => None,
    }))
}

/// The hosts of the instances this one knows and does not block.
pub async fn peers(ctx: &Context) -> Result<Vec<String>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::instances::list_peer_hosts(&mut conn.conn()).await?)
}

/// One week of the instance's activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekActivity {
    /// The week's first moment, in Unix milliseconds.
    pub starts_at: i64,
    pub local_posts: i64,
    pub sign_ins: i64,
    pub sign_ups: i64,
}

pub const ACTIVITY_WEEKS: i64 = 12;
const WEEK_MILLIS: i64 = 7 * 24 * 3600 * 1000;

/// The last [`ACTIVITY_WEEKS`] weeks (the current one first), each starting on a Monday
/// 00:00 UTC as Mastodon's do.
pub async fn weekly_activity(ctx: &Context) -> Result<Vec<WeekActivity>, ServiceError> {
    let now = ctx.now().millis();
    // The Unix epoch was a Thursday: Mondays are 4 days after a multiple of a week.
    let monday_offset = 4 * 24 * 3600 * 1000;
    let this_week = (now - monday_offset).div_euclid(WEEK_MILLIS) * WEEK_MILLIS + monday_offset;
    let since = this_week - (ACTIVITY_WEEKS - 1) * WEEK_MILLIS;
    let mut conn = ctx.db.acquire().await?;
    let posts =
        db::instance_activity::count_local_posts_by_week(&mut conn.conn(), since, WEEK_MILLIS).await?;
    let sign_ins =
        db::instance_activity::count_sign_ins_by_week(&mut conn.conn(), since, WEEK_MILLIS).await?;
    let sign_ups =
        db::instance_activity::count_sign_ups_by_week(&mut conn.conn(), since, WEEK_MILLIS).await?;
    let of = |rows: &[db::instance_activity::WeekCountRow], week: i64| {
        rows.iter().find(|row| row.week == week).map_or(0, |row| row.count)
    };
    Ok((0..ACTIVITY_WEEKS)
        .rev()
        .map(|week| WeekActivity {
            starts_at: since + week * WEEK_MILLIS,
            local_posts: of(&posts, week),
            sign_ins: of(&sign_ins, week),
            sign_ups: of(&sign_ups, week),
        })
        .collect())
}
