//! Public profiles of people: our members, and people of other instances we know (by
//! `name@host`).

use super::{Context, CurrentUser, Paged, PostDetails, ServiceError, paginate, parse_id_cursor};
use crate::db;
use crate::domain::organisation::Organisation;
use crate::domain::{ActorId, Timestamp};

#[derive(Debug, Clone)]
pub struct UserProfile {
    pub id: ActorId,
    /// `name`, or `name@host` for a person elsewhere.
    pub name: String,
    pub display_name: String,
    pub bio_html: String,
    pub joined_at: Timestamp,
    /// The organisation the profile represents, if any.
    pub organisation: Option<Organisation>,
    pub goals: Vec<super::goals::GoalSummary>,
    /// What a signed-in viewer (not the person themselves) has set: Block/Mute or undo.
    pub viewer_safety: Option<ViewerSafety>,
    /// For a person elsewhere: their instance and profile.
    pub remote: Option<RemoteProfile>,
    /// Whether a signed-in viewer (not the person themselves) follows them.
    pub viewer_follow: Option<FollowState>,
    /// Where the account moved, once it did.
    pub moved_to: Option<MovedTo>,
    /// Stored avatar and header (see `profile_images::image_url`).
    pub avatar: Option<String>,
    pub header: Option<String>,
}

/// What we know of a person elsewhere beyond their name and profile text.
#[derive(Debug, Clone)]
pub struct RemoteProfile {
    /// Their instance (host, with a port when it has one).
    pub host: String,
    /// Their ActivityPub id (their home instance's page for them).
    pub profile_url: String,
}

/// A viewer's follow of a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowState {
    NotFollowing,
    /// Sent, not yet accepted by their instance.
    Pending,
    Following,
}

/// The account a person moved to: its ActivityPub id, and its handle when it is known here.
#[derive(Debug, Clone)]
pub struct MovedTo {
    pub id: String,
    pub handle: Option<String>,
}

/// Where an actor moved: the target's ActivityPub id, and its handle when we know it.
pub(crate) async fn move_target(conn: &mut crate::db::Conn<'_>, id: String) -> Result<MovedTo, ServiceError> {
    let target = db::actors::get_actor_by_ap_id(conn, &id).await?;
    let handle = target.map(|t| match (&t.host, t.local) {
        (Some(host), false) => format!("{}@{host}", t.name),
        _ => t.name,
    });
    Ok(MovedTo { id, handle })
}

/// A person (here or elsewhere) by handle, for following from their profile.
pub async fn person_by_handle(ctx: &Context, handle: &str) -> Result<ActorId, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    find_person(&mut conn.conn(), handle).await.map(|actor| ActorId(actor.id))
}

async fn find_person(conn: &mut db::Conn<'_>, name: &str) -> Result<db::actors::ActorRow, ServiceError> {
    match name.split_once('@') {
        Some((name, host)) => {
            db::actors::get_remote_actor_by_handle(conn, name, &host.to_ascii_lowercase()).await?
        }
        None => db::actors::get_local_actor_by_name(conn, name).await?,
    }
    .filter(|a| a.kind == "person")
    .ok_or(ServiceError::NotFound)
}

/// Whether the viewer blocks or mutes the person whose profile they see.
#[derive(Debug, Clone, Copy, Default)]
pub struct ViewerSafety {
    pub blocking: bool,
    pub muting: bool,
}

/// A profile page: the person and a page of their posts, newest first.
pub async fn get_user_page(
    ctx: &Context,
    name: &str,
    viewer: Option<&CurrentUser>,
    cursor: Option<&str>,
) -> Result<(UserProfile, Paged<PostDetails>), ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let actor = find_person(&mut conn.conn(), name).await?;
    let page_size = ctx.settings.page_size;
    let rows = db::posts::list_author_posts(
        &mut conn.conn(),
        viewer.map(|v| v.id.0),
        actor.id,
        parse_id_cursor(cursor),
        page_size + 1,
    )
    .await?;
    let organisation = super::accounts::load_organisation(&mut conn.conn(), ActorId(actor.id)).await?;
    let goals = db::goals::list_owner_goals(&mut conn.conn(), actor.id)
        .await?
        .into_iter()
        .map(super::goals::GoalSummary::from)
        .collect();
    let posts = rows.into_iter().map(|row| PostDetails::from_row(row, viewer, false)).collect();
    let viewer_safety = match viewer.filter(|v| v.id.0 != actor.id) {
        Some(v) => {
            let now = ctx.now().millis();
            let apart = db::blocks::list_separations(&mut conn.conn(), v.id.0, now, &[actor.id]).await?;
            Some(ViewerSafety {
                blocking: apart.iter().any(|r| r.kind == "block"),
                muting: apart.iter().any(|r| r.kind == "mute"),
            })
        }
        None => None,
    };
    let viewer_follow = match viewer.filter(|v| v.id.0 != actor.id) {
        Some(v) => {
            Some(match db::remote_profiles::get_follow_state(&mut conn.conn(), v.id.0, actor.id).await? {
                Some(state) if state == "accepted" => FollowState::Following,
                Some(_) => FollowState::Pending,
                None => FollowState::NotFollowing,
            })
        }
        None => None,
    };
    let remote = match (&actor.host, &actor.ap_id) {
        (Some(host), Some(ap_id)) if !actor.local => {
            Some(RemoteProfile { host: host.clone(), profile_url: ap_id.clone() })
        }
        _ => None,
    };
    let moved_to = match db::account_moves::get_move_fields(&mut conn.conn(), actor.id)
        .await?
        .and_then(|m| m.moved_to)
    {
        Some(id) => Some(move_target(&mut conn.conn(), id).await?),
        None => None,
    };
    let profile = UserProfile {
        remote,
        viewer_follow,
        moved_to,
        id: ActorId(actor.id),
        name: match &actor.host {
            Some(host) if !actor.local => format!("{}@{host}", actor.name),
            _ => actor.name,
        },
        display_name: actor.display_name,
        bio_html: actor.summary_html,
        joined_at: Timestamp::from_millis(actor.created_at),
        organisation,
        goals,
        viewer_safety,
        avatar: actor.avatar,
        header: actor.header,
    };
    Ok((profile, paginate(posts, page_size, |p: &PostDetails| p.id.0.to_string())))
}
