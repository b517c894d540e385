//! Moderators on other servers acting on posts in our groups. The owner of one of our groups may
//! appoint people from elsewhere to its team; they act from their own instance, which sends what
//! Lemmy sends: the moderator's own `Delete` of the post with the reason in `summary` (a
//! removal), its `Undo` (a restore), to the group's inbox. The team decides, as for our own
//! moderators; posts of our members in groups elsewhere are not theirs to change.

use super::authority::{self, Grant};
use super::remote_moderation::Outcome;
use super::{Context, ServiceError, removals};
use crate::db;
use crate::domain::modlog::remote_reason;
use crate::domain::{ActorId, PostId};

/// What a visiting moderator asks of a post in one of our groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Request<'a> {
    /// Remove it, with the reason the activity gives.
    Remove {
        reason: Option<&'a str>,
    },
    Restore,
}

/// `moderator` (whose signature checked out) removes or restores `post`. `Unknown` when the
/// post is not in one of our groups; `Refused` when the group's team does not list them.
pub async fn moderate(
    ctx: &Context,
    post: PostId,
    moderator: ActorId,
    request: Request<'_>,
) -> Result<Outcome, ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let Some(row) = db::posts::get_post_ref(&mut conn, post.0).await? else {
        return Ok(Outcome::Unknown);
    };
    let Some(group_id) = row.group_id else {
        return Ok(Outcome::Unknown);
    };
    if !db::actors::get_actor(&mut conn, group_id).await?.is_some_and(|group| group.local) {
        return Ok(Outcome::Unknown);
    }
    if !authority::is_listed_moderator(ctx, &mut conn, moderator.0, group_id).await? {
        return Ok(Outcome::Refused);
    }
    let changed = match request {
        Request::Remove { reason } => {
            let reason = remote_reason(reason);
            removals::remove_in(ctx, &mut conn, row.id, row.root_id, Some(group_id), moderator, &reason)
                .await?
        }
        Request::Restore => removals::restore_in(ctx, &mut conn, &row, moderator).await?,
    };
    tx.commit().await?;
    Ok(Outcome::Applied { grant: Grant::GroupModerator, changed })
}
