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
