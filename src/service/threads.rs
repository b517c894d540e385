//! Threads: starting one in a group, the thread page, and the latest threads of the instance.

use super::error::refuse_if_any;
use super::groups::activity_cursor;
use super::{
    Context, CurrentUser, Paged, PostDetails, ServiceError, paginate, parse_activity_cursor, parse_id_cursor,
};
use crate::db::{self, Conn, posts::NewPost};
use crate::domain::{ContentWarning, DomainEvent, FieldErrors, Language, PostBody, PostId, ThreadTitle};

#[derive(Debug, Clone, Default)]
pub struct NewThread {
    pub title: String,
    pub body: String,
    pub language: Option<String>,
    /// A content warning shown before the text (Mastodon's `spoiler_text`).
    pub content_warning: Option<String>,
    /// The author's uploads to attach, in this order.
    pub media_ids: Vec<i64>,
    /// A poll asked with it.
    pub poll: Option<crate::domain::poll::NewPoll>,
}

/// Starts a thread in a local group. Any signed-in member may post in a group.
pub async fn create_thread(
    ctx: &Context,
    user: &CurrentUser,
    group_name: &str,
    input: NewThread,
) -> Result<PostId, ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let id = create_thread_in(ctx, &mut tx.conn(), user, group_name, input).await?;
    tx.commit().await?;
    Ok(id)
}

/// [`create_thread`] in the caller's transaction, for changes that also start a thread (a
/// progress update of a climate goal).
pub(crate) async fn create_thread_in(
    ctx: &Context,
    conn: &mut Conn<'_>,
    user: &CurrentUser,
    group_name: &str,
    input: NewThread,
) -> Result<PostId, ServiceError> {
    let mut errors = FieldErrors::new();
    let title = errors.check(ThreadTitle::parse(&input.title));
    let parts = check_post_parts(
        &mut errors,
        ctx,
        user,
        &input.body,
        false,
        input.language.as_deref(),
        input.content_warning.as_deref(),
    );
    refuse_if_any(errors)?;
    let (Some(title), Some(PostParts { body, language, content_warning })) = (title, parts) else {
        return Err(ServiceError::Internal("validated input missing".into()));
    };
    let group = db::groups::get_group_by_handle(conn, group_name).await?.ok_or(ServiceError::NotFound)?;
    super::account_moves::refuse_if_moved(conn, user.id).await?;
    super::group_moves::refuse_if_moved(conn, Some(group.id)).await?;
    super::group_bans::refuse_if_banned(ctx, conn, Some(group.id), user.id).await?;
    super::private_groups::refuse_unless_member(conn, group.id, user.id).await?;
    let linked = super::tags::render_local_post(ctx, conn, body.as_str()).await?;
    let id = ctx.new_id();
    db::posts::insert_local_post(
        conn,
        &NewPost {
            id,
            author_id: user.id.0,
            group_id: Some(group.id),
            root_id: id,
            in_reply_to_id: None,
            title: Some(title.as_str()),
            source: body.as_str(),
            content_html: &linked.html,
            language: language.as_str(),
            content_warning: content_warning.as_ref().map(ContentWarning::as_str),
            visibility: "public",
            now: ctx.now().millis(),
        },
    )
    .await?;
    super::media::attach_uploads(conn, user.id.0, id, &input.media_ids).await?;
    if let Some(poll) = &input.poll {
        super::polls::attach_new_poll(ctx, conn, id, poll).await?;
    }
    super::boosts::share_in_group(ctx, conn, id, group.id).await?;
    super::notifications::notify_subscribers(ctx, conn, user.id.0, id).await?;
    super::watches::notify_group_watchers(ctx, conn, group.id, id, user.id.0).await?;
    super::tags::store_references(ctx, conn, id, user.id.0, &linked.hashtags, &linked.mentioned).await?;
    ctx.emit(conn, DomainEvent::ThreadCreated { post_id: id, group_id: group.id }).await?;
    Ok(PostId(id))
}

/// A member's own post, in no group (as a Mastodon status that mentions no group): shown on
/// their profile and to their followers, here and elsewhere. It has no title.
#[derive(Debug, Clone, Default)]
pub struct NewPersonalPost {
    pub body: String,
    pub language: Option<String>,
    pub content_warning: Option<String>,
    pub media_ids: Vec<i64>,
    /// Who may read it: public, unlisted or followers-only.
    pub visibility: crate::domain::Visibility,
    /// A poll asked with it.
    pub poll: Option<crate::domain::poll::NewPoll>,
}

pub async fn create_personal_post(
    ctx: &Context,
    user: &CurrentUser,
    input: NewPersonalPost,
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
    super::account_moves::refuse_if_moved(&mut conn, user.id).await?;
    let linked = super::tags::render_local_post(ctx, &mut conn, body.as_str()).await?;
    let id = ctx.new_id();
    db::posts::insert_local_post(
        &mut conn,
        &NewPost {
            id,
            author_id: user.id.0,
            group_id: None,
            root_id: id,
            in_reply_to_id: None,
            title: None,
            source: body.as_str(),
            content_html: &linked.html,
            language: language.as_str(),
            content_warning: content_warning.as_ref().map(ContentWarning::as_str),
            visibility: input.visibility.as_str(),
            now: ctx.now().millis(),
        },
    )
    .await?;
    super::media::attach_uploads(&mut conn, user.id.0, id, &input.media_ids).await?;
    if let Some(poll) = &input.poll {
        super::polls::attach_new_poll(ctx, &mut conn, id, poll).await?;
    }
    super::notifications::notify_subscribers(ctx, &mut conn, user.id.0, id).await?;
    super::tags::store_references(ctx, &mut conn, id, user.id.0, &linked.hashtags, &linked.mentioned).await?;
    ctx.emit(&mut conn, DomainEvent::PersonalPostCreated { post_id: id }).await?;
    tx.commit().await?;
    Ok(PostId(id))
}

/// The language of a new post: chosen in the composer, else the author's own.
/// The parts every new post has, checked.
pub(crate) struct PostParts {
    pub body: PostBody,
    pub language: Language,
    pub content_warning: Option<ContentWarning>,
}

/// Checks a new post's body (which may be empty beside images), language (the member's own
/// unless they chose another) and content warning, adding what is wrong to `errors`.
pub(crate) fn check_post_parts(
    errors: &mut FieldErrors,
    ctx: &Context,
    user: &CurrentUser,
    body: &str,
    has_images: bool,
    language: Option<&str>,
    content_warning: Option<&str>,
) -> Option<PostParts> {
    if let Err(error) = new_account_may_link(ctx, user, body) {
        errors.push(error);
    }
    let body = errors.check(PostBody::parse_beside_images(body, has_images));
    let language = errors.check(post_language(user, language));
    let content_warning = errors.check(ContentWarning::parse(content_warning)).flatten();
    Some(PostParts { body: body?, language: language?, content_warning })
}

/// New accounts may not post links for `registration.new_account_link_hours` (spam protection
/// of open registration); admins are never limited.
fn new_account_may_link(
    ctx: &Context,
    user: &CurrentUser,
    body: &str,
) -> Result<(), crate::domain::FieldError> {
    let hours = ctx.settings.new_account_link_hours;
    if hours <= 0 || user.is_admin() || ctx.now().millis() - user.joined_at.millis() >= hours * 3_600_000 {
        return Ok(());
    }
    let lower = body.to_lowercase();
    if ["http://", "https://", "www."].iter().any(|link| lower.contains(link)) {
        return Err(crate::domain::FieldError::new(
            "body",
            format!("new accounts may post links only after their first {hours} hours"),
        ));
    }
    Ok(())
}

pub(crate) fn post_language(
    user: &CurrentUser,
    chosen: Option<&str>,
) -> Result<Language, crate::domain::FieldError> {
    match chosen.map(str::trim).filter(|c| !c.is_empty()) {
        Some(code) => Language::parse("language", code),
        None => Language::parse("language", &user.language).or_else(|_| Ok(Language::english())),
    }
}

/// A thread page: the opener and one page of replies in written order, with their images.
/// Four queries.
pub struct ThreadPage {
    pub opener: PostDetails,
    pub replies: Paged<PostDetails>,
    /// Locked threads take no new replies.
    pub locked: bool,
    /// Whether the viewer moderates the thread's group (and so may lock or unlock it).
    pub viewer_moderates: bool,
}

pub async fn get_thread_page(
    ctx: &Context,
    id: PostId,
    viewer: Option<&CurrentUser>,
    cursor: Option<&str>,
) -> Result<ThreadPage, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let viewer_id = viewer.map(|v| v.id.0);
    let opener = db::posts::get_post_for_viewer(&mut conn.conn(), viewer_id, id.0, ctx.now().millis())
        .await?
        .ok_or(ServiceError::NotFound)?;
    if opener.id != opener.root_id || (opener.deleted_at.is_some() && opener.reply_count == 0) {
        return Err(ServiceError::NotFound);
    }
    let locked = opener.locked_at.is_some();
    // Our groups' moderators lock threads here; a remote group's moderators from here may
    // remove and restore posts (sent to the group), but locks are the group's own.
    let (moderates, may_lock) = match (viewer_id, opener.group_id) {
        (Some(viewer_id), Some(group_id)) => {
            let may_lock =
                db::groups::get_moderator_role(&mut conn.conn(), group_id, viewer_id).await?.is_some();
            let listed = may_lock
                || db::remote_moderators::is_remote_moderator(
                    &mut conn.conn(),
                    group_id,
                    viewer_id,
                    &ctx.settings.people_base(),
                )
                .await?;
            (listed, may_lock)
        }
        _ => (false, false),
    };
    let page_size = ctx.settings.page_size;
    let rows = db::posts::list_thread_replies(
        &mut conn.conn(),
        viewer_id,
        id.0,
        parse_id_cursor(cursor),
        page_size + 1,
        ctx.now().millis(),
    )
    .await?;
    let mut posts: Vec<PostDetails> = std::iter::once(opener)
        .chain(rows)
        .map(|row| PostDetails::from_row(row, viewer, moderates))
        .collect();
    let ids: Vec<i64> = posts.iter().map(|p| p.id.0).collect();
    let mut media = super::media::media_of_posts(&mut conn.conn(), &ids).await?;
    let mut polls =
        super::polls::polls_of_posts(&mut conn.conn(), viewer.map(|v| v.id), &ids, ctx.now()).await?;
    for post in &mut posts {
        post.media = media.remove(&post.id.0).unwrap_or_default();
        post.poll = polls.remove(&post.id.0);
        post.thread_locked = locked;
    }
    super::quotes::attach_to_posts(&mut conn.conn(), &mut posts).await?;
    let opener = posts.remove(0);
    Ok(ThreadPage {
        opener,
        replies: paginate(posts, page_size, |p: &PostDetails| p.id.0.to_string()),
        locked,
        viewer_moderates: may_lock,
    })
}

/// The most recently active threads across the instance's groups.
pub async fn list_latest_threads(
    ctx: &Context,
    viewer: Option<&CurrentUser>,
    cursor: Option<&str>,
) -> Result<Paged<PostDetails>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let page_size = ctx.settings.page_size;
    let rows = db::posts::list_latest_threads(
        &mut conn.conn(),
        viewer.map(|v| v.id.0),
        parse_activity_cursor(cursor),
        page_size + 1,
        ctx.now().millis(),
    )
    .await?;
    let threads = rows.into_iter().map(|row| PostDetails::from_row(row, viewer, false)).collect();
    Ok(paginate(threads, page_size, activity_cursor))
}

/// The member's feed: threads of the groups they follow, here and on other instances.
pub async fn list_followed_threads(
    ctx: &Context,
    viewer: &CurrentUser,
    cursor: Option<&str>,
) -> Result<Paged<PostDetails>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let page_size = ctx.settings.page_size;
    let rows = db::posts::list_followed_threads(
        &mut conn.conn(),
        viewer.id.0,
        parse_activity_cursor(cursor),
        page_size + 1,
        ctx.now().millis(),
    )
    .await?;
    let threads = rows.into_iter().map(|row| PostDetails::from_row(row, Some(viewer), false)).collect();
    Ok(paginate(threads, page_size, activity_cursor))
}
