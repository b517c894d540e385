//! Replies, edits, deletions and likes of posts.

use super::authority::{self, Actor, Change, Grant};
use super::error::refuse_if_any;
use super::notifications;
use super::threads::{PostParts, check_post_parts};
use super::{Context, CurrentUser, PostDetails, ServiceError};
use crate::db::posts::{ContentChange, NewPost, PostRow};
use crate::db::{self, Conn};
use crate::domain::{ContentWarning, DomainEvent, FieldErrors, Language, PostBody, PostId, ThreadTitle};

#[derive(Debug, Clone, Default)]
pub struct NewReply {
    pub body: String,
    pub language: Option<String>,
    /// A content warning shown before the text (Mastodon's `spoiler_text`).
    pub content_warning: Option<String>,
    /// The author's uploads to attach, in this order.
    pub media_ids: Vec<i64>,
    /// Who may read it (from an app); never more open than the post it answers.
    pub visibility: crate::domain::Visibility,
    /// A poll asked with it.
    pub poll: Option<crate::domain::poll::NewPoll>,
}

/// Why a reply to a locked thread is refused.
pub const THREAD_LOCKED: &str = "this thread is locked: it takes no new replies";

/// Replies to a post (an opener or another reply); the reply joins that post's thread.
pub async fn reply(
    ctx: &Context,
    user: &CurrentUser,
    parent: PostId,
    input: NewReply,
) -> Result<PostId, ServiceError> {
    let mut errors = FieldErrors::new();
    let parts = check_post_parts(
        &mut errors,
        ctx,
        user,
        &input.body,
        !input.media_ids.is_empty(),
        input.language.as_deref(),
        input.content_warning.as_deref(),
    );
    refuse_if_any(errors)?;
    let Some(PostParts { body, language, content_warning }) = parts else {
        return Err(ServiceError::Internal("validated input missing".into()));
    };
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let linked = super::tags::render_local_post(ctx, &mut conn, body.as_str()).await?;
    let parent = db::posts::get_post(&mut conn, None, parent.0).await?.ok_or(ServiceError::NotFound)?;
    if parent.deleted_at.is_some() && parent.id != parent.root_id {
        return Err(ServiceError::NotFound);
    }
    super::account_moves::refuse_if_moved(&mut conn, user.id).await?;
    // Only who may read a post may answer it (a private group's members, say).
    if !db::visibility::is_readable_by(&mut conn, Some(user.id.0), parent.id).await? {
        return Err(ServiceError::NotFound);
    }
    let parent_visibility = db::visibility::get_visibility(&mut conn, parent.id).await?.unwrap_or_default();
    let visibility = input.visibility.at_most(crate::domain::Visibility::from_stored(&parent_visibility));
    super::group_moves::refuse_if_moved(&mut conn, parent.group_id).await?;
    super::group_bans::refuse_if_banned(ctx, &mut conn, parent.group_id, user.id).await?;
    if db::thread_locks::is_thread_locked(&mut conn, parent.root_id).await? {
        return Err(crate::domain::FieldError::new("body", THREAD_LOCKED).into());
    }
    super::quotes::refuse_unless_allowed(&mut conn, user.id, parent.id, super::quotes::Interaction::Reply)
        .await?;
    let id = ctx.new_id();
    let now = ctx.now().millis();
    db::posts::insert_local_post(
        &mut conn,
        &NewPost {
            id,
            author_id: user.id.0,
            group_id: parent.group_id,
            root_id: parent.root_id,
            in_reply_to_id: Some(parent.id),
            title: None,
            source: body.as_str(),
            content_html: &linked.html,
            language: language.as_str(),
            content_warning: content_warning.as_ref().map(ContentWarning::as_str),
            visibility: visibility.as_str(),
            now,
        },
    )
    .await?;
    super::media::attach_uploads(&mut conn, user.id.0, id, &input.media_ids).await?;
    if let Some(poll) = &input.poll {
        super::polls::attach_new_poll(ctx, &mut conn, id, poll).await?;
    }
    db::posts::update_thread_on_reply(&mut conn, parent.root_id, now).await?;
    notifications::notify(ctx, &mut conn, parent.author_id, "mention", user.id.0, Some(id)).await?;
    notifications::notify_subscribers(ctx, &mut conn, user.id.0, id).await?;
    super::watches::notify_thread_watchers(ctx, &mut conn, parent.root_id, id, user.id.0, parent.author_id)
        .await?;
    super::tags::store_references(ctx, &mut conn, id, user.id.0, &linked.hashtags, &linked.mentioned).await?;
    ctx.emit(&mut conn, DomainEvent::ReplyCreated { post_id: id, root_id: parent.root_id }).await?;
    tx.commit().await?;
    Ok(PostId(id))
}

/// A post as its viewer may see it; used to find a post's thread and to fill the edit form.
pub async fn get_post(
    ctx: &Context,
    id: PostId,
    viewer: Option<&CurrentUser>,
) -> Result<PostDetails, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let row = db::posts::get_post(&mut conn.conn(), viewer.map(|v| v.id.0), id.0)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if !db::visibility::is_readable_by(&mut conn.conn(), viewer.map(|v| v.id.0), id.0).await? {
        return Err(ServiceError::NotFound);
    }
    let moderates = viewer_moderates(ctx, &mut conn.conn(), &row, viewer).await?;
    let locked = db::thread_locks::is_thread_locked(&mut conn.conn(), row.root_id).await?;
    let mut post = [PostDetails::from_row(row, viewer, moderates)];
    post[0].thread_locked = locked;
    super::quotes::attach_to_posts(&mut conn.conn(), &mut post).await?;
    let [post] = post;
    Ok(post)
}

#[derive(Debug, Clone, Default)]
pub struct PostEdit {
    /// Only thread openers have a title; ignored for replies.
    pub title: Option<String>,
    pub body: String,
    /// A new content warning (`Some(None)` or an empty one takes it away); `None` keeps it.
    pub content_warning: Option<Option<String>>,
    /// A new language; `None` keeps it.
    pub language: Option<String>,
}

/// Edits one's own post.
pub async fn edit_post(
    ctx: &Context,
    user: &CurrentUser,
    id: PostId,
    input: PostEdit,
) -> Result<(), ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let row = db::posts::get_post(&mut conn, None, id.0).await?.ok_or(ServiceError::NotFound)?;
    if row.deleted_at.is_some() {
        return Err(ServiceError::NotFound);
    }
    let grant = authority::judge(ctx, &mut conn, Actor::Local(user), &(&row).into(), Change::Edit).await?;
    if grant != Some(Grant::Author) || !row.local {
        return Err(ServiceError::Forbidden);
    }
    let is_opener = row.id == row.root_id;
    let mut errors = FieldErrors::new();
    let title = match (is_opener, input.title.as_deref()) {
        (true, Some(raw)) => errors.check(ThreadTitle::parse(raw)),
        _ => None,
    };
    let body = errors.check(PostBody::parse(&input.body));
    let content_warning = match &input.content_warning {
        Some(warning) => errors.check(ContentWarning::parse(warning.as_deref())).map(Some),
        None => Some(None),
    };
    let language = match input.language.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
        Some(code) => errors.check(Language::parse("language", code)).map(Some),
        None => Some(None),
    };
    refuse_if_any(errors)?;
    let (Some(body), Some(content_warning), Some(language)) = (body, content_warning, language) else {
        return Err(ServiceError::Internal("validated input missing".into()));
    };
    let linked = super::tags::render_local_post(ctx, &mut conn, body.as_str()).await?;
    db::post_revisions::insert_revision_of(&mut conn, ctx.new_id(), id.0).await?;
    db::posts::update_post_content(
        &mut conn,
        id.0,
        &ContentChange {
            title: title.as_ref().map(ThreadTitle::as_str),
            source: body.as_str(),
            content_html: &linked.html,
            content_warning: content_warning.as_ref().map(|w| w.as_ref().map(ContentWarning::as_str)),
            language: language.as_ref().map(Language::as_str),
            now: ctx.now().millis(),
        },
    )
    .await?;
    notifications::notify_boosters_of_edit(ctx, &mut conn, row.author_id, id.0).await?;
    super::tags::store_references(ctx, &mut conn, id.0, row.author_id, &linked.hashtags, &linked.mentioned)
        .await?;
    ctx.emit(&mut conn, DomainEvent::PostEdited { post_id: id.0 }).await?;
    tx.commit().await?;
    Ok(())
}

/// Deletes a post: its author, a moderator of its group or an admin may (for them it is a
/// removal without a reason, see `removals`). Returns the thread it belonged to, for the page
/// to go back to.
pub async fn delete_post(ctx: &Context, user: &CurrentUser, id: PostId) -> Result<PostId, ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let row = db::posts::get_post(&mut conn, None, id.0).await?.ok_or(ServiceError::NotFound)?;
    if row.deleted_at.is_some() {
        return Err(ServiceError::NotFound);
    }
    let grant = authority::judge(ctx, &mut conn, Actor::Local(user), &(&row).into(), Change::Remove).await?;
    let Some(grant) = grant else {
        return Err(ServiceError::Forbidden);
    };
    if grant.is_moderation() {
        // A moderator's deletion is a removal: the content is kept so it can be restored.
        super::removals::remove_in(ctx, &mut conn, row.id, row.root_id, row.group_id, user.id, "").await?;
        tx.commit().await?;
        return Ok(PostId(row.root_id));
    }
    db::posts::update_post_deleted(&mut conn, id.0, ctx.now().millis()).await?;
    if row.id != row.root_id {
        db::posts::update_thread_on_reply_deleted(&mut conn, row.root_id).await?;
    }
    let files = super::media::forget_media_of_post(&mut conn, id.0).await?;
    db::tags::delete_post_references(&mut conn, id.0).await?;
    ctx.emit(&mut conn, DomainEvent::PostDeleted { post_id: id.0, relayed: false }).await?;
    tx.commit().await?;
    super::media::remove_files(ctx, &files).await;
    Ok(PostId(row.root_id))
}

/// Likes a post; liking twice counts once.
pub async fn like_post(ctx: &Context, user: &CurrentUser, id: PostId) -> Result<PostId, ServiceError> {
    set_like(ctx, user, id, true).await
}

pub async fn unlike_post(ctx: &Context, user: &CurrentUser, id: PostId) -> Result<PostId, ServiceError> {
    set_like(ctx, user, id, false).await
}

async fn set_like(
    ctx: &Context,
    user: &CurrentUser,
    id: PostId,
    liked: bool,
) -> Result<PostId, ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let row = db::posts::get_post(&mut conn, None, id.0).await?.ok_or(ServiceError::NotFound)?;
    if row.deleted_at.is_some() || !db::visibility::is_readable_by(&mut conn, Some(user.id.0), id.0).await? {
        return Err(ServiceError::NotFound);
    }
    if liked {
        super::group_bans::refuse_if_banned(ctx, &mut conn, row.group_id, user.id).await?;
        super::quotes::refuse_unless_allowed(&mut conn, user.id, row.id, super::quotes::Interaction::Like)
            .await?;
    }
    let now = ctx.now().millis();
    let changed_at = if liked {
        db::likes::insert_like(&mut conn, id.0, user.id.0, now).await?.then_some(now)
    } else {
        db::likes::delete_like(&mut conn, id.0, user.id.0).await?
    };
    if let Some(liked_at) = changed_at {
        db::posts::update_like_count(&mut conn, id.0, if liked { 1 } else { -1 }).await?;
        if liked {
            notifications::notify(ctx, &mut conn, row.author_id, "favourite", user.id.0, Some(id.0)).await?;
        }
        let event = if liked {
            DomainEvent::PostLiked { post_id: id.0, actor_id: user.id.0, liked_at }
        } else {
            DomainEvent::PostUnliked { post_id: id.0, actor_id: user.id.0, liked_at }
        };
        ctx.emit(&mut conn, event).await?;
    }
    tx.commit().await?;
    Ok(PostId(row.root_id))
}

async fn viewer_moderates(
    ctx: &Context,
    conn: &mut Conn<'_>,
    row: &PostRow,
    viewer: Option<&CurrentUser>,
) -> Result<bool, ServiceError> {
    match (viewer, row.group_id) {
        (Some(viewer), Some(group_id)) => {
            super::authority::is_listed_moderator(ctx, conn, viewer.id.0, group_id).await
        }
        _ => Ok(false),
    }
}
