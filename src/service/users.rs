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
    /// Stored avatar and header (see `profile_images::image_url`).
    pub avatar: Option<String>,
    pub header: Option<String>,
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
    let actor = match name.split_once('@') {
        Some((name, host)) => {
            db::actors::get_remote_actor_by_handle(&mut conn.conn(), name, &host.to_ascii_lowercase()).await?
        }
        None => db::actors::get_local_actor_by_name(&mut conn.conn(), name).await?,
    }
    .filter(|a| a.kind == "person")
    .ok_or(ServiceError::NotFound)?;
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
    let profile = UserProfile {
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
