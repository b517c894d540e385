//! Who may change what: one rule for the web UI, the client API and every federation activity
//! handler. A post is changed only by its author, by a moderator of the group it is in (one of
//! ours, or one its own instance lists), by the group itself, or by an admin of the instance
//! that hosts it. A claim made inside an activity is never authority on its own: the caller
//! passes the actor whose signature (or whose server's signature) was checked.

use super::{Context, CurrentUser, ServiceError};
use crate::db::{self, Conn, posts::PostRefRow};
use crate::domain::ActorId;

/// What someone wants to do to a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Rewrite its content: only its author.
    Edit,
    /// Delete it (its author) or remove it (moderation).
    Remove,
    /// Lock or unlock the thread it opens: moderation only.
    Lock,
    /// Pin the thread it opens to the top of its group, or unpin it: moderation only.
    Pin,
}

impl Change {
    /// Whether only moderators (the group, its moderators, admins) may, never the author.
    fn is_moderation_only(self) -> bool {
        matches!(self, Change::Lock | Change::Pin)
    }
}

/// Why a change is allowed: what the modlog records next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grant {
    Author,
    /// The group the post is in, acting itself (a remote group's own activity).
    Group,
    /// A moderator of the post's group: ours, or one listed by the group's own instance.
    GroupModerator,
    /// An admin of this instance, for posts hosted here or in our groups.
    Admin,
}

impl Grant {
    /// Whether the change is moderation (someone else's post) rather than the author's own.
    pub fn is_moderation(self) -> bool {
        self != Grant::Author
    }
}

/// Who acts: a signed-in member of ours, or a remote actor whose signature checked out.
#[derive(Debug, Clone, Copy)]
pub enum Actor<'a> {
    Local(&'a CurrentUser),
    Remote(ActorId),
}

impl Actor<'_> {
    pub fn id(&self) -> i64 {
        match self {
            Actor::Local(user) => user.id.0,
            Actor::Remote(actor) => actor.0,
        }
    }
}

/// Decides whether `actor` may make `change` to `post`, and on what grounds; `None` refuses.
pub async fn judge(
    ctx: &Context,
    conn: &mut Conn<'_>,
    actor: Actor<'_>,
    post: &PostRefRow,
    change: Change,
) -> Result<Option<Grant>, ServiceError> {
    let actor_id = actor.id();
    if post.author_id == actor_id && !change.is_moderation_only() {
        return Ok(Some(Grant::Author));
    }
    if change == Change::Edit {
        return Ok(None);
    }
    let Some(group_id) = post.group_id else {
        return Ok(admin_of_host(actor, post.local));
    };
    if group_id == actor_id {
        return Ok(Some(Grant::Group));
    }
    let group = db::actors::get_actor(conn, group_id).await?.ok_or(ServiceError::NotFound)?;
    let moderates = if group.local {
        db::groups::get_moderator_role(conn, group_id, actor_id).await?.is_some()
    } else {
        db::remote_moderators::is_remote_moderator(conn, group_id, actor_id, &ctx.settings.people_base())
            .await?
    };
    if moderates {
        return Ok(Some(Grant::GroupModerator));
    }
    Ok(admin_of_host(actor, post.local || group.local))
}

fn admin_of_host(actor: Actor<'_>, hosted_here: bool) -> Option<Grant> {
    match actor {
        Actor::Local(user) if hosted_here && user.is_admin() => Some(Grant::Admin),
        _ => None,
    }
}

/// Whether an `Announce` by `announcer` carries authority over `post`: only when the announcer
/// is the group the post belongs to. A group elsewhere that wraps someone else's activity, or
/// claims to be the real group inside it, changes nothing.
pub fn announced_by_its_group(post: &PostRefRow, announcer: ActorId) -> bool {
    post.group_id == Some(announcer.0)
}

/// Whether `actor` may moderate the group `group_id`: our admins; the owner and moderators of
/// one of our groups (local or remote people); for a remote group, the moderators it lists.
pub async fn moderates_group(
    ctx: &Context,
    conn: &mut Conn<'_>,
    actor: Actor<'_>,
    group_id: i64,
) -> Result<bool, ServiceError> {
    if let Actor::Local(user) = actor
        && user.is_admin()
    {
        return Ok(true);
    }
    is_listed_moderator(ctx, conn, actor.id(), group_id).await
}

/// Whether the group lists `actor_id` among its moderators: the team of one of our groups, or
/// what a remote group's own instance lists. Admins are not listed by being admins.
pub async fn is_listed_moderator(
    ctx: &Context,
    conn: &mut Conn<'_>,
    actor_id: i64,
    group_id: i64,
) -> Result<bool, ServiceError> {
    if db::groups::get_moderator_role(conn, group_id, actor_id).await?.is_some() {
        return Ok(true);
    }
    Ok(db::remote_moderators::is_remote_moderator(conn, group_id, actor_id, &ctx.settings.people_base())
        .await?)
}
