//! Moderator teams of local groups: the owner (or an admin) appoints and dismisses moderators,
//! people of this instance or of others. The group's `attributedTo` collection lists them, and
//! each change goes out as Lemmy's `Add`/`Remove` (target: that collection), announced by the
//! group, so other instances honour the new moderators' removals and locks. Remote groups'
//! teams are learned from the same activities (`learn_remote_moderator`).

use super::{ActorRef, Context, CurrentUser, ServiceError};
use crate::db::{self, Conn};
use crate::domain::{ActorId, DomainEvent, FieldError};

/// One member of a team, as the team page shows it.
#[derive(Debug, Clone)]
pub struct TeamMember {
    pub id: ActorId,
    pub person: ActorRef,
    /// `owner` or `moderator`.
    pub role: String,
}

/// A local group's team, and whether the viewer may change it.
#[derive(Debug, Clone)]
pub struct Team {
    pub group_name: String,
    pub group_title: String,
    pub members: Vec<TeamMember>,
    pub viewer_may_change: bool,
}

/// The team of the local group `name`; anyone may look.
pub async fn get_team(ctx: &Context, viewer: Option<&CurrentUser>, name: &str) -> Result<Team, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let mut conn = conn.conn();
    let group = db::groups::get_group_by_name(&mut conn, name).await?.ok_or(ServiceError::NotFound)?;
    let viewer_may_change = match viewer {
        Some(viewer) => may_change_team(&mut conn, viewer, group.id).await?,
        None => false,
    };
    let members = db::groups::list_moderators(&mut conn, group.id)
        .await?
        .into_iter()
        .map(|m| TeamMember {
            id: ActorId(m.actor_id),
            person: ActorRef {
                name: m.name,
                display_name: m.display_name,
                host: if m.local { None } else { m.host },
            },
            role: m.role,
        })
        .collect();
    Ok(Team { group_name: group.name, group_title: group.display_name, members, viewer_may_change })
}

/// Only the owner and the instance's admins change a team.
async fn may_change_team(
    conn: &mut Conn<'_>,
    user: &CurrentUser,
    group_id: i64,
) -> Result<bool, ServiceError> {
    Ok(user.is_admin()
        || db::groups::get_moderator_role(conn, group_id, user.id.0).await?.as_deref() == Some("owner"))
}

/// The local group `name`, when `user` may change its team (else `Forbidden`).
async fn changeable_team(
    conn: &mut Conn<'_>,
    user: &CurrentUser,
    name: &str,
) -> Result<db::actors::ActorRow, ServiceError> {
    let group = db::groups::get_group_by_name(conn, name).await?.ok_or(ServiceError::NotFound)?;
    if !may_change_team(conn, user, group.id).await? {
        return Err(ServiceError::Forbidden);
    }
    Ok(group)
}

/// Appoints `person` (a person here or elsewhere, already stored) as a moderator of the local
/// group `name`. Appointing a moderator again changes nothing and sends nothing.
pub async fn appoint(
    ctx: &Context,
    user: &CurrentUser,
    name: &str,
    person: ActorId,
) -> Result<(), ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let group = changeable_team(&mut conn, user, name).await?;
    let candidate = db::actors::get_actor(&mut conn, person.0).await?.filter(|a| a.kind == "person");
    let Some(candidate) = candidate else {
        return Err(FieldError::new("person", "is not a person we know").into());
    };
    if db::groups::get_moderator_role(&mut conn, group.id, candidate.id).await?.is_some() {
        return Ok(());
    }
    db::groups::insert_moderator(&mut conn, group.id, candidate.id, "moderator", ctx.now().millis()).await?;
    ctx.emit(
        &mut conn,
        DomainEvent::ModeratorAdded { group_id: group.id, moderator_id: candidate.id, by_id: user.id.0 },
    )
    .await?;
    tx.commit().await?;
    tracing::info!(group = %name, moderator = candidate.id, by = %user.name, "moderator appointed");
    Ok(())
}

/// Dismisses a moderator of the local group `name`. The owner stays; dismissing someone who is
/// no moderator changes nothing.
pub async fn dismiss(
    ctx: &Context,
    user: &CurrentUser,
    name: &str,
    person: ActorId,
) -> Result<(), ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let group = changeable_team(&mut conn, user, name).await?;
    if db::groups::get_moderator_role(&mut conn, group.id, person.0).await?.as_deref() == Some("owner") {
        return Err(FieldError::new("person", "the owner stays a moderator of the group").into());
    }
    if !db::groups::delete_moderator(&mut conn, group.id, person.0).await? {
        return Ok(());
    }
    ctx.emit(
        &mut conn,
        DomainEvent::ModeratorRemoved { group_id: group.id, moderator_id: person.0, by_id: user.id.0 },
    )
    .await?;
    tx.commit().await?;
    tracing::info!(group = %name, moderator = person.0, by = %user.name, "moderator dismissed");
    Ok(())
}

/// A remote group (or one of its moderators, vouched for by the caller) added or removed a
/// moderator: what we keep of its team follows. Returns whether anything changed.
pub async fn learn_remote_moderator(
    ctx: &Context,
    group: ActorId,
    moderator_ap_id: &str,
    added: bool,
) -> Result<bool, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let mut conn = conn.conn();
    let known = db::actors::get_actor(&mut conn, group.0).await?.filter(|g| !g.local && g.kind == "group");
    if known.is_none() {
        return Ok(false);
    }
    Ok(if added {
        db::remote_moderators::insert_remote_moderator(&mut conn, group.0, moderator_ap_id).await?
    } else {
        db::remote_moderators::delete_remote_moderator(&mut conn, group.0, moderator_ap_id).await?
    })
}

/// Whether `actor` (a verified remote actor) may change the team of the remote group `group`:
/// the group itself, or a moderator it lists.
pub async fn may_change_remote_team(
    ctx: &Context,
    group: ActorId,
    actor: ActorId,
) -> Result<bool, ServiceError> {
    if group == actor {
        return Ok(true);
    }
    let mut conn = ctx.db.acquire().await?;
    Ok(db::remote_moderators::is_remote_moderator(
        &mut conn.conn(),
        group.0,
        actor.0,
        &ctx.settings.people_base(),
    )
    .await?)
}
