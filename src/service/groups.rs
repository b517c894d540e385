//! Project and discussion groups: creation, the group page and the directory.

use super::error::refuse_if_any;
use super::{
    ActorRef, Context, CurrentUser, GroupDetails, GroupSummary, Paged, PostDetails, ServiceError, paginate,
    parse_activity_cursor,
};
use crate::db::{self, actors::NewLocalActor};
use crate::db::{Conn, actors::ActorRow, groups::GroupProfile};
use crate::domain::account::Summary;
use crate::domain::{
    ActorId, DomainEvent, FieldError, FieldErrors, GroupKind, GroupLanguages, GroupTitle, Name, Timestamp,
    html::render_markdown,
};

#[derive(Debug, Clone, Default)]
pub struct NewGroup {
    pub name: String,
    pub kind: String,
    pub title: String,
    pub description: String,
}

/// Creates a group; its creator becomes the owner.
pub async fn create_group(ctx: &Context, owner: ActorId, input: NewGroup) -> Result<String, ServiceError> {
    let mut errors = FieldErrors::new();
    let name = errors.check(Name::parse("name", &input.name));
    let kind = errors.check(GroupKind::parse(&input.kind));
    let title = errors.check(GroupTitle::parse(&input.title));
    let description = errors.check(Summary::parse("description", &input.description));
    refuse_if_any(errors)?;
    let (Some(name), Some(kind), Some(title), Some(description)) = (name, kind, title, description) else {
        return Err(ServiceError::Internal("validated input missing".into()));
    };
    let description_html = render_markdown(description.as_str());

    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    if db::actors::local_name_taken(&mut conn, name.as_str()).await? {
        return Err(FieldError::new("name", "is already taken").into());
    }
    let id = ctx.new_id();
    let now = ctx.now().millis();
    db::actors::insert_local_actor(
        &mut conn,
        &NewLocalActor {
            id,
            kind: "group",
            name: name.as_str(),
            display_name: title.as_str(),
            summary_source: description.as_str(),
            summary_html: &description_html,
            language: None,
            group_kind: Some(kind.as_str()),
            public_key_pem: None,
            private_key_pem: None,
            now,
        },
    )
    .await
    .map_err(|e| match e {
        db::DbError::UniqueViolation(_) => FieldError::new("name", "is already taken").into(),
        other => ServiceError::from(other),
    })?;
    db::groups::insert_moderator(&mut conn, id, owner.0, "owner", now).await?;
    ctx.emit(&mut conn, DomainEvent::GroupCreated { group_id: id }).await?;
    tx.commit().await?;
    tracing::info!(group = %name, kind = %kind, "group created");
    Ok(name.to_string())
}

/// Creates a group for the CLI, owned by a named person.
pub async fn create_group_owned_by(
    ctx: &Context,
    owner_name: &str,
    input: NewGroup,
) -> Result<String, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let owner = db::accounts::get_account_by_name(&mut conn.conn(), owner_name)
        .await?
        .ok_or_else(|| ServiceError::from(FieldError::new("owner", "no such user")))?;
    drop(conn);
    create_group(ctx, ActorId(owner.actor_id), input).await
}

/// The group directory, optionally of one kind, in name order.
pub async fn list_groups(
    ctx: &Context,
    kind: Option<GroupKind>,
    after: Option<&str>,
    limit: Option<i64>,
) -> Result<Paged<GroupSummary>, ServiceError> {
    let page_size = limit.unwrap_or(ctx.settings.page_size).clamp(1, 100);
    let mut conn = ctx.db.acquire().await?;
    let rows =
        db::groups::list_groups(&mut conn.conn(), kind.map(GroupKind::as_str), after, page_size + 1).await?;
    let groups = rows
        .into_iter()
        .map(|row| GroupSummary {
            kind: GroupKind::parse(row.group_kind.as_deref().unwrap_or_default())
                .unwrap_or(GroupKind::Discussion),
            name: row.name,
            title: row.display_name,
            summary_html: row.summary_html,
            follower_count: row.follower_count,
            thread_count: row.thread_count,
        })
        .collect();
    Ok(paginate(groups, page_size, |g| g.name.clone()))
}

/// A group page: the group, its moderators, counts, the viewer's relation, and a page of threads.
/// A fixed number of queries, whatever the group's size.
pub async fn get_group_page(
    ctx: &Context,
    name: &str,
    viewer: Option<&CurrentUser>,
    cursor: Option<&str>,
) -> Result<(GroupDetails, Paged<PostDetails>), ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let group =
        db::groups::get_group_by_handle(&mut conn.conn(), name).await?.ok_or(ServiceError::NotFound)?;
    let viewer_id = viewer.map(|v| v.id.0);
    let stats =
        db::groups::get_group_stats(&mut conn.conn(), group.id, viewer_id, ctx.now().millis()).await?;
    let moderators = db::groups::list_moderators(&mut conn.conn(), group.id).await?;
    let page_size = ctx.settings.page_size;
    let rows = db::posts::list_group_threads(
        &mut conn.conn(),
        viewer_id,
        group.id,
        parse_activity_cursor(cursor),
        page_size + 1,
        ctx.now().millis(),
    )
    .await?;
    // Pinned threads come first, on the first page.
    let pinned = match cursor {
        None if stats.has_pinned => {
            db::thread_pins::list_pinned_threads(&mut conn.conn(), viewer_id, group.id, ctx.now().millis())
                .await?
        }
        _ => Vec::new(),
    };
    let moderates = stats.viewer_role.is_some();
    let pinned_count = pinned.len();
    let threads: Vec<PostDetails> =
        pinned.into_iter().chain(rows).map(|row| PostDetails::from_row(row, viewer, moderates)).collect();
    let moved_to = match stats.moved_to {
        Some(id) => Some(super::users::move_target(&mut conn.conn(), id).await?),
        None => None,
    };
    let details = GroupDetails {
        moved_to,
        id: ActorId(group.id),
        kind: GroupKind::parse(group.group_kind.as_deref().unwrap_or_default())
            .unwrap_or(GroupKind::Discussion),
        name: match &group.host {
            Some(host) if !group.local => format!("{}@{host}", group.name),
            _ => group.name,
        },
        remote_url: if group.local { None } else { group.ap_id },
        title: group.display_name,
        summary_html: group.summary_html,
        languages: GroupLanguages::from_column(&group.languages).codes().to_vec(),
        created_at: Timestamp::from_millis(group.created_at),
        follower_count: stats.follower_count,
        thread_count: stats.thread_count,
        moderators: moderators
            .into_iter()
            .map(|m| {
                let host = if m.local { None } else { m.host };
                (ActorRef { name: m.name, display_name: m.display_name, host }, m.role)
            })
            .collect(),
        viewer_ban: stats.viewer_ban_reason.map(|reason| super::group_bans::BanNotice {
            reason,
            expires_at: stats.viewer_ban_expires_at.map(Timestamp::from_millis),
        }),
        viewer_follows: stats.viewer_follows,
        viewer_follow_pending: stats.viewer_follow_pending,
        viewer_role: stats.viewer_role,
    };
    Ok((details, paginate_after_pinned(threads, pinned_count, page_size)))
}

/// A group's title, description and declared languages, as its edit form has them.
#[derive(Debug, Clone, Default)]
pub struct GroupSettings {
    pub title: String,
    pub description: String,
    /// Two-letter codes of the six interface languages.
    pub languages: Vec<String>,
}

/// What the edit form starts from, and whose group it is.
#[derive(Debug, Clone)]
pub struct GroupEditing {
    pub name: String,
    pub settings: GroupSettings,
    /// The stored avatar (see `profile_images::image_url`).
    pub avatar: Option<String>,
}

/// The edit form of a local group: for its owner, its moderators and the instance's admins.
pub async fn get_group_settings(
    ctx: &Context,
    user: &CurrentUser,
    name: &str,
) -> Result<GroupEditing, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let group = editable_group(&mut conn.conn(), user, name).await?;
    Ok(GroupEditing {
        settings: GroupSettings {
            title: group.display_name,
            description: group.summary_source,
            languages: GroupLanguages::from_column(&group.languages).codes().to_vec(),
        },
        name: group.name,
        avatar: group.avatar,
    })
}

/// A local group the member may edit (owner, moderator or admin), by name.
pub async fn editable_group_id(
    ctx: &Context,
    user: &CurrentUser,
    name: &str,
) -> Result<ActorId, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(ActorId(editable_group(&mut conn.conn(), user, name).await?.id))
}

/// Saves a local group's title, description and languages; its remote followers get the whole
/// actor document in an `Update{Group}`. Bad input stores nothing.
pub async fn update_group_settings(
    ctx: &Context,
    user: &CurrentUser,
    name: &str,
    input: &GroupSettings,
) -> Result<(), ServiceError> {
    let mut errors = FieldErrors::new();
    let title = errors.check(GroupTitle::parse(&input.title));
    let description = errors.check(Summary::parse("description", &input.description));
    let languages = errors.check(GroupLanguages::parse(&input.languages));
    refuse_if_any(errors)?;
    let (Some(title), Some(description), Some(languages)) = (title, description, languages) else {
        return Err(ServiceError::Internal("validated input missing".into()));
    };
    let description_html = render_markdown(description.as_str());
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let group = editable_group(&mut conn, user, name).await?;
    let profile = GroupProfile {
        display_name: title.as_str(),
        summary_source: description.as_str(),
        summary_html: &description_html,
        languages: &languages.to_column(),
        now: ctx.now().millis(),
    };
    db::groups::update_group_profile(&mut conn, group.id, &profile).await?;
    ctx.emit(&mut conn, DomainEvent::ProfileUpdated { actor_id: group.id }).await?;
    tx.commit().await?;
    tracing::info!(group = %group.name, "group settings updated");
    Ok(())
}

/// A local group the user may edit: its owner and moderators, and admins. Others get
/// `Forbidden`; unknown and remote groups `NotFound`.
async fn editable_group(
    conn: &mut Conn<'_>,
    user: &CurrentUser,
    name: &str,
) -> Result<ActorRow, ServiceError> {
    let group = db::groups::get_group_by_name(conn, name).await?.ok_or(ServiceError::NotFound)?;
    if !user.is_admin() && db::groups::get_moderator_role(conn, group.id, user.id.0).await?.is_none() {
        return Err(ServiceError::Forbidden);
    }
    Ok(group)
}

pub(crate) fn activity_cursor(post: &PostDetails) -> String {
    format!("{}-{}", post.last_activity_at.millis(), post.id.0)
}

/// A page of a group's threads whose first `pinned` are its pinned threads: they stay on top,
/// and the page size and cursor count only the others.
fn paginate_after_pinned(mut threads: Vec<PostDetails>, pinned: usize, page_size: i64) -> Paged<PostDetails> {
    let others = threads.split_off(pinned.min(threads.len()));
    let mut page = paginate(others, page_size, activity_cursor);
    threads.append(&mut page.items);
    Paged { items: threads, next_cursor: page.next_cursor }
}

/// Creates a group for the CLI owned by the first admin.
pub async fn create_group_by_first_admin(ctx: &Context, input: NewGroup) -> Result<String, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let admin = db::accounts::get_first_admin_name(&mut conn.conn()).await?.ok_or_else(|| {
        ServiceError::from(FieldError::new("owner", "no admin exists yet; create one or pass --owner"))
    })?;
    drop(conn);
    create_group_owned_by(ctx, &admin, input).await
}
