//! The forum as a Mastodon app sees it: posts as statuses, timelines, threads as contexts, and
//! posting from an app (a toot that mentions a group starts a thread; a reply joins a thread).

use super::media::{MediaView, media_of_posts};
use super::posts::{self, NewReply, PostEdit};
use super::threads::{self, NewPersonalPost, NewThread};
use super::{Context, CurrentUser, ServiceError};
pub use crate::db::statuses::AccountFilter;
use crate::db::statuses::{Origin, StatusRow, Window};
use crate::db::{self, Conn};
use crate::domain::mentions::{extract_mentions, strip_mentions};
use crate::domain::{FieldError, PostId, Timestamp};

/// Most posts a thread context returns.
const CONTEXT_LIMIT: i64 = 4096;
const TITLE_MAX_CHARS: usize = 200;

/// A person or group next to a status.
#[derive(Debug, Clone)]
pub struct AccountSummary {
    pub id: i64,
    /// `person` or `group`.
    pub kind: String,
    pub name: String,
    pub display_name: String,
    /// None for local accounts.
    pub host: Option<String>,
    pub ap_id: Option<String>,
    pub summary_html: String,
    pub created_at: Timestamp,
    /// Stored avatar and header (a media file name or a remote URL); `None` shows the default.
    pub avatar: Option<String>,
    pub header: Option<String>,
}

impl From<db::account_cards::ActorSummaryRow> for AccountSummary {
    fn from(row: db::account_cards::ActorSummaryRow) -> Self {
        Self {
            id: row.id,
            kind: row.kind,
            name: row.name,
            display_name: row.display_name,
            host: row.host,
            ap_id: row.ap_id,
            summary_html: row.summary_html,
            created_at: Timestamp::from_millis(row.created_at),
            avatar: row.avatar,
            header: row.header,
        }
    }
}

#[derive(Debug, Clone)]
pub struct StatusView {
    pub id: i64,
    pub ap_id: Option<String>,
    pub local: bool,
    pub root_id: i64,
    pub in_reply_to_id: Option<i64>,
    pub in_reply_to_account_id: Option<i64>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub content_html: String,
    pub language: String,
    pub sensitive: bool,
    pub content_warning: Option<String>,
    pub replies_count: i64,
    pub likes_count: i64,
    pub created_at: Timestamp,
    pub updated_at: Option<Timestamp>,
    pub deleted: bool,
    pub author: AccountSummary,
    pub group: Option<AccountSummary>,
    pub viewer_liked: bool,
    pub viewer_bookmarked: bool,
    pub reblogs_count: i64,
    pub viewer_boosted: bool,
    /// Attached images, in order (filled by [`with_related`]).
    pub media: Vec<MediaView>,
    /// In timelines that show boosts: who shared the post, when this entry is a boost.
    pub shared_by: Option<SharedBy>,
    /// Its hashtags, normalised (filled by [`with_related`]).
    pub tags: Vec<String>,
    /// The people and groups it mentions (filled by [`with_related`]).
    pub mentions: Vec<AccountSummary>,
    /// Who may read it.
    pub visibility: crate::domain::Visibility,
    /// Who may reply, like, boost and quote (filled by [`with_related`]).
    pub policy: crate::domain::interaction::InteractionPolicy,
    /// The post it quotes, with its approval (filled by [`with_related`]).
    pub quote: Option<StatusQuote>,
    /// The viewer wrote it.
    pub viewer_is_author: bool,
    /// Who is looking (their votes in its poll are shown).
    pub viewer_id: Option<i64>,
    /// Its poll (filled by [`with_related`]).
    pub poll: Option<super::polls::PollView>,
}

/// A quote in a status: where its approval stands and, once approved, the quoted post.
#[derive(Debug, Clone)]
pub struct StatusQuote {
    pub state: crate::domain::interaction::QuoteState,
    pub quoted_ap_id: String,
    pub quoted: Option<Box<StatusView>>,
}

/// A boost as a timeline entry: the boost's id (the entry's id), when and by whom.
#[derive(Debug, Clone)]
pub struct SharedBy {
    pub boost_id: i64,
    pub created_at: Timestamp,
    pub booster: AccountSummary,
}

impl SharedBy {
    fn from_row(row: db::statuses::SharedRow) -> Option<Self> {
        Some(Self {
            boost_id: row.boost_id?,
            created_at: Timestamp::from_millis(row.boost_created_at?),
            booster: AccountSummary {
                id: row.booster_id?,
                kind: row.booster_kind?,
                name: row.booster_name?,
                display_name: row.booster_display_name.unwrap_or_default(),
                host: row.booster_host,
                ap_id: row.booster_ap_id,
                summary_html: row.booster_summary_html.unwrap_or_default(),
                created_at: Timestamp::from_millis(row.booster_created_at.unwrap_or_default()),
                avatar: None,
                header: None,
            },
        })
    }
}

impl StatusView {
    /// The id of this entry in its timeline (the boost's id for a boost), which pages it.
    pub fn entry_id(&self) -> i64 {
        self.shared_by.as_ref().map_or(self.id, |shared| shared.boost_id)
    }

    pub fn is_thread_opener(&self) -> bool {
        self.id == self.root_id
    }

    /// The text a member would type to write this post again: the title line, then the body.
    pub fn source_text(&self) -> String {
        let body = self.source.clone().unwrap_or_default();
        match &self.title {
            Some(title) if self.is_thread_opener() => format!("{title}\n\n{body}"),
            _ => body,
        }
    }

    pub(crate) fn from_row(row: StatusRow, viewer: Option<&CurrentUser>) -> Self {
        let viewer_is_author = viewer.is_some_and(|viewer| viewer.id.0 == row.author_id);
        let group = match (row.group_id, row.group_name) {
            (Some(id), Some(name)) => Some(AccountSummary {
                id,
                kind: "group".to_owned(),
                name,
                display_name: row.group_title.unwrap_or_default(),
                host: row.group_host,
                ap_id: row.group_ap_id,
                summary_html: row.group_summary_html.unwrap_or_default(),
                created_at: Timestamp::from_millis(row.group_created_at.unwrap_or_default()),
                avatar: None,
                header: None,
            }),
            _ => None,
        };
        Self {
            id: row.id,
            ap_id: row.ap_id,
            local: row.local,
            root_id: row.root_id,
            in_reply_to_id: row.in_reply_to_id,
            in_reply_to_account_id: row.in_reply_to_account_id,
            title: row.title,
            source: row.source,
            content_html: row.content_html,
            language: row.language,
            sensitive: row.sensitive,
            content_warning: row.content_warning,
            replies_count: row.replies_count,
            likes_count: row.like_count,
            created_at: Timestamp::from_millis(row.created_at),
            updated_at: row.updated_at.map(Timestamp::from_millis),
            deleted: row.deleted_at.is_some(),
            author: AccountSummary {
                id: row.author_id,
                kind: row.author_kind,
                name: row.author_name,
                display_name: row.author_display_name,
                host: row.author_host,
                ap_id: row.author_ap_id,
                summary_html: row.author_summary_html,
                created_at: Timestamp::from_millis(row.author_created_at),
                avatar: row.author_avatar,
                header: row.author_header,
            },
            group,
            viewer_liked: row.viewer_liked,
            viewer_bookmarked: row.viewer_bookmarked,
            reblogs_count: row.reblogs_count,
            viewer_boosted: row.viewer_boosted,
            media: Vec::new(),
            shared_by: SharedBy::from_row(row.shared),
            tags: Vec::new(),
            mentions: Vec::new(),
            visibility: crate::domain::Visibility::from_stored(&row.visibility),
            policy: super::quotes::shown_policy(row.local, None),
            quote: None,
            viewer_is_author,
            viewer_id: viewer.map(|viewer| viewer.id.0),
            poll: None,
        }
    }
}

/// A status as an app posts it.
#[derive(Debug, Clone, Default)]
pub struct NewStatus {
    pub text: String,
    /// Mastodon's `spoiler_text`.
    pub content_warning: Option<String>,
    pub in_reply_to_id: Option<i64>,
    pub language: Option<String>,
    pub idempotency_key: Option<String>,
    /// Uploads to attach (`media_ids[]`).
    pub media_ids: Vec<i64>,
    /// Who may read it (`visibility`): honoured for the member's own posts and replies to
    /// them; posts in a public group are public, in a private group members-only.
    pub visibility: crate::domain::Visibility,
    /// The post this one quotes (Mastodon 4.5's `quoted_status_id`).
    pub quoted_status_id: Option<i64>,
    /// Who may quote this post (`quote_approval_policy`); `None` is the author's default.
    pub quote_policy: Option<crate::domain::interaction::QuotePolicy>,
    /// A poll asked with it (`poll[options][]`...), checked.
    pub poll: Option<crate::domain::poll::NewPoll>,
}

/// Why a non-public post in a public group is refused.
pub const GROUP_POSTS_PUBLIC: &str =
    "posts in public groups are public; use public visibility (a private group's posts are members-only)";

/// Posts from an app. A reply joins the thread of the post it answers. A status that mentions a
/// group (here, or elsewhere and already known) starts a thread there, titled by its first line
/// (without the mentions), with the rest as the body. Any other status is the member's own post.
/// `own_host` is this instance's host: `@energy@own.host` is the local group `energy`.
pub async fn post_status(
    ctx: &Context,
    user: &CurrentUser,
    own_host: &str,
    input: NewStatus,
) -> Result<PostId, ServiceError> {
    let key = input.idempotency_key.as_deref().map(str::trim).filter(|k| !k.is_empty() && k.len() <= 200);
    if let Some(key) = key {
        let mut conn = ctx.db.acquire().await?;
        if let Some(existing) =
            db::idempotency_keys::get_post_for_key(&mut conn.conn(), user.id.0, key).await?
        {
            return Ok(PostId(existing));
        }
    }
    let text = input.text.trim();
    if input.poll.is_some() && !input.media_ids.is_empty() {
        return Err(FieldError::new("poll", "a post has either a poll or images, not both").into());
    }
    if text.is_empty() && input.media_ids.is_empty() {
        return Err(FieldError::new("status", "can't be blank").into());
    }
    let visibility = input.visibility;
    if let Some(quoted) = input.quoted_status_id {
        let mut conn = ctx.db.acquire().await?;
        super::quotes::refuse_unless_allowed(
            &mut conn.conn(),
            user.id,
            quoted,
            super::quotes::Interaction::Quote,
        )
        .await
        .map_err(|error| match error {
            ServiceError::NotFound => FieldError::new("quoted_status_id", "no such status").into(),
            other => other,
        })?;
    }
    let id = match input.in_reply_to_id {
        Some(parent) => {
            if visibility != crate::domain::Visibility::Public {
                refuse_unless_personal_or_private(ctx, PostId(parent)).await?;
            }
            posts::reply(
                ctx,
                user,
                PostId(parent),
                NewReply {
                    body: text.to_owned(),
                    language: input.language,
                    content_warning: input.content_warning,
                    media_ids: input.media_ids,
                    visibility,
                    poll: input.poll,
                },
            )
            .await?
        }
        None => match mentioned_group(ctx, text, own_host).await? {
            Some(group) => {
                if visibility != crate::domain::Visibility::Public
                    && !super::private_groups::is_private_group(ctx, &group).await?
                {
                    return Err(FieldError::new("visibility", GROUP_POSTS_PUBLIC).into());
                }
                let (title, body) = split_title(text);
                threads::create_thread(
                    ctx,
                    user,
                    &group,
                    NewThread {
                        title,
                        body,
                        language: input.language,
                        content_warning: input.content_warning,
                        media_ids: input.media_ids,
                        poll: input.poll,
                    },
                )
                .await?
            }
            None => {
                threads::create_personal_post(
                    ctx,
                    user,
                    NewPersonalPost {
                        body: text.to_owned(),
                        language: input.language,
                        content_warning: input.content_warning,
                        media_ids: input.media_ids,
                        visibility,
                        poll: input.poll,
                    },
                )
                .await?
            }
        },
    };
    {
        let mut tx = ctx.db.begin().await?;
        let mut conn = tx.conn();
        super::quotes::set_post_quote_policy(ctx, &mut conn, user, id, input.quote_policy).await?;
        if let Some(quoted) = input.quoted_status_id {
            super::quotes::quote_in_new_post(ctx, &mut conn, user, id, PostId(quoted)).await?;
        }
        tx.commit().await?;
    }
    if let Some(key) = key {
        let mut conn = ctx.db.acquire().await?;
        db::idempotency_keys::insert_key(&mut conn.conn(), user.id.0, key, id.0, ctx.now().millis()).await?;
    }
    Ok(id)
}

/// A non-public reply is taken in a member's own thread or a private group's, not in a public
/// group's thread (which stays public).
async fn refuse_unless_personal_or_private(ctx: &Context, parent: PostId) -> Result<(), ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let Some(parent) = db::posts::get_post_ref(&mut conn.conn(), parent.0).await? else {
        return Err(ServiceError::NotFound);
    };
    match parent.group_id {
        Some(group) if !super::private_groups::is_closed(&mut conn.conn(), group).await? => {
            Err(FieldError::new("visibility", GROUP_POSTS_PUBLIC).into())
        }
        _ => Ok(()),
    }
}

/// The handle of the first group the text mentions that this instance knows.
async fn mentioned_group(ctx: &Context, text: &str, own_host: &str) -> Result<Option<String>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    for mention in extract_mentions(text) {
        let handle = match &mention.host {
            Some(host) if host.eq_ignore_ascii_case(own_host) => mention.name.clone(),
            _ => mention.handle(),
        };
        if db::groups::get_group_by_handle(&mut conn.conn(), &handle).await?.is_some() {
            return Ok(Some(handle));
        }
    }
    Ok(None)
}

/// Title: the first line with words in it once mentions are removed, shortened to fit. Body:
/// the lines after it, or the whole text when nothing follows.
pub(crate) fn split_title(text: &str) -> (String, String) {
    let lines: Vec<&str> = text.lines().collect();
    let Some(index) = lines.iter().position(|line| !strip_mentions(line).is_empty()) else {
        return (String::new(), text.to_owned());
    };
    let full_title = strip_mentions(lines[index]);
    let title = if full_title.chars().count() > TITLE_MAX_CHARS {
        let cut: String = full_title.chars().take(TITLE_MAX_CHARS - 1).collect();
        let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head).to_owned();
        format!("{cut}…")
    } else {
        full_title.clone()
    };
    let rest = lines[index + 1..].join("\n").trim().to_owned();
    let body = if rest.is_empty() || title != full_title { text.to_owned() } else { rest };
    (title, body)
}

pub async fn get_status(
    ctx: &Context,
    viewer: Option<&CurrentUser>,
    id: i64,
) -> Result<StatusView, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let row = db::statuses::get_status(&mut conn.conn(), viewer.map(|v| v.id.0), id)
        .await?
        .filter(|row| row.deleted_at.is_none())
        .ok_or(ServiceError::NotFound)?;
    let [status] = with_related(&mut conn.conn(), vec![StatusView::from_row(row, viewer)])
        .await?
        .try_into()
        .map_err(|_| ServiceError::Internal("one status expected".into()))?;
    Ok(status)
}

/// Fills in the images, hashtags and mentions of statuses: one query per kind and 50
/// statuses, not one per status.
pub(crate) async fn with_related(
    conn: &mut Conn<'_>,
    mut statuses: Vec<StatusView>,
) -> Result<Vec<StatusView>, ServiceError> {
    let ids: Vec<i64> = statuses.iter().map(|s| s.id).collect();
    if ids.is_empty() {
        return Ok(statuses);
    }
    let mut media = media_of_posts(conn, &ids).await?;
    let mut tags = super::tags::hashtags_of_posts(conn, &ids).await?;
    let mut mentions = super::tags::mentions_of_posts(conn, &ids).await?;
    // Statuses are listed for one viewer at a time; the time is the wall clock's, as a poll's
    // end is (our polls are also closed by `polls::close_expired`).
    let viewer = statuses.iter().find_map(|status| status.viewer_id).map(crate::domain::ActorId);
    let now = crate::domain::Clock::now(&crate::domain::SystemClock);
    let mut polls = super::polls::polls_of_posts(conn, viewer, &ids, now).await?;
    for status in &mut statuses {
        status.poll = polls.remove(&status.id);
        status.media = media.remove(&status.id).unwrap_or_default();
        status.tags = tags.remove(&status.id).unwrap_or_default();
        status.mentions =
            mentions.remove(&status.id).unwrap_or_default().into_iter().map(AccountSummary::from).collect();
    }
    attach_quotes(conn, &mut statuses).await?;
    Ok(statuses)
}

/// Fills in policies and quotes: one query, and for approved quotes one more for the quoted
/// posts and one for their images.
pub(crate) async fn attach_quotes(
    conn: &mut Conn<'_>,
    statuses: &mut [StatusView],
) -> Result<(), ServiceError> {
    use crate::domain::interaction::QuoteState;
    let ids: Vec<i64> = statuses.iter().map(|s| s.id).collect();
    let extras = super::quotes::extras_of_posts(conn, &ids).await?;
    let accepted = |row: &db::quotes::PostExtrasRow| {
        row.quote_state.as_deref().map(QuoteState::from_column) == Some(QuoteState::Accepted)
    };
    let mut quoted_ids: Vec<i64> =
        extras.values().filter(|row| accepted(row)).filter_map(|row| row.quoted_post_id).collect();
    quoted_ids.sort_unstable();
    quoted_ids.dedup();
    let mut quoted: std::collections::HashMap<i64, StatusView> = std::collections::HashMap::new();
    if !quoted_ids.is_empty() {
        let rows = db::statuses::list_statuses_by_id(conn, None, &quoted_ids).await?;
        let mut media = media_of_posts(conn, &quoted_ids).await?;
        for row in rows.into_iter().filter(|r| r.deleted_at.is_none()) {
            let mut view = StatusView::from_row(row, None);
            view.media = media.remove(&view.id).unwrap_or_default();
            quoted.insert(view.id, view);
        }
    }
    for status in statuses.iter_mut() {
        let row = extras.get(&status.id);
        status.policy = super::quotes::shown_policy(status.local, row);
        status.quote = row.and_then(|row| {
            let state = QuoteState::from_column(row.quote_state.as_deref()?);
            Some(StatusQuote {
                state,
                quoted_ap_id: row.quoted_ap_id.clone().unwrap_or_default(),
                quoted: row
                    .quoted_post_id
                    .filter(|_| state == QuoteState::Accepted)
                    .and_then(|id| quoted.get(&id).cloned())
                    .map(Box::new),
            })
        });
    }
    Ok(())
}

/// Statuses by id, those that exist and are not deleted, in the order asked.
pub async fn get_statuses(
    ctx: &Context,
    viewer: Option<&CurrentUser>,
    ids: &[i64],
) -> Result<Vec<StatusView>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let rows = db::statuses::list_statuses_by_id(&mut conn.conn(), viewer.map(|v| v.id.0), ids).await?;
    let statuses = rows
        .into_iter()
        .filter(|r| r.deleted_at.is_none())
        .map(|r| StatusView::from_row(r, viewer))
        .collect();
    with_related(&mut conn.conn(), statuses).await
}

/// The posts above a status (up to the opener) and below it (its answers, and theirs), in
/// written order. One query for the whole thread and one for its images.
pub async fn get_context(
    ctx: &Context,
    viewer: Option<&CurrentUser>,
    id: i64,
) -> Result<(Vec<StatusView>, Vec<StatusView>), ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let status = db::statuses::get_status(&mut conn.conn(), viewer.map(|v| v.id.0), id)
        .await?
        .filter(|row| row.deleted_at.is_none())
        .ok_or(ServiceError::NotFound)?;
    let thread: Vec<StatusView> = db::statuses::list_thread(
        &mut conn.conn(),
        viewer.map(|v| v.id.0),
        status.root_id,
        CONTEXT_LIMIT,
        ctx.now().millis(),
    )
    .await?
    .into_iter()
    .map(|row| StatusView::from_row(row, viewer))
    .collect();
    let mut media = super::media::media_of_thread(&mut conn.conn(), status.root_id).await?;
    let (mut tags, mut mentions) =
        super::tags::references_of_thread(&mut conn.conn(), status.root_id).await?;
    let mut thread: Vec<StatusView> = thread
        .into_iter()
        .map(|mut post| {
            post.media = media.remove(&post.id).unwrap_or_default();
            post.tags = tags.remove(&post.id).unwrap_or_default();
            post.mentions =
                mentions.remove(&post.id).unwrap_or_default().into_iter().map(AccountSummary::from).collect();
            post
        })
        .collect();
    attach_quotes(&mut conn.conn(), &mut thread).await?;
    let ids: Vec<i64> = thread.iter().map(|post| post.id).collect();
    let mut polls =
        super::polls::polls_of_posts(&mut conn.conn(), viewer.map(|v| v.id), &ids, ctx.now()).await?;
    for post in &mut thread {
        post.poll = polls.remove(&post.id);
    }
    let parent_of = |post: i64| thread.iter().find(|s| s.id == post).and_then(|s| s.in_reply_to_id);
    let mut ancestors = Vec::new();
    let mut cursor = status.in_reply_to_id;
    while let Some(parent) = cursor {
        if ancestors.len() > thread.len() {
            break;
        }
        if let Some(found) = thread.iter().find(|s| s.id == parent) {
            ancestors.push(found.clone());
        }
        cursor = parent_of(parent);
    }
    ancestors.reverse();
    let descends = |post: &StatusView| {
        let mut cursor = post.in_reply_to_id;
        let mut steps = 0;
        while let Some(parent) = cursor {
            if parent == id {
                return true;
            }
            steps += 1;
            if steps > thread.len() {
                return false;
            }
            cursor = parent_of(parent);
        }
        false
    };
    let descendants = thread.iter().filter(|s| descends(s)).cloned().collect();
    let visible = |list: Vec<StatusView>| list.into_iter().filter(|s| !s.deleted).collect::<Vec<_>>();
    Ok((visible(ancestors), visible(descendants)))
}

/// A page of statuses newest first (rows come oldest first when paging forward with `min_id`),
/// with their images, hashtags and mentions.
async fn in_order(
    conn: &mut Conn<'_>,
    mut rows: Vec<StatusRow>,
    window: Window,
    viewer: Option<&CurrentUser>,
) -> Result<Vec<StatusView>, ServiceError> {
    if window.min_id.is_some() {
        rows.reverse();
    }
    with_related(conn, rows.into_iter().map(|row| StatusView::from_row(row, viewer)).collect()).await
}

/// Threads and replies of the groups and people the member follows, and their own posts.
pub async fn home_timeline(
    ctx: &Context,
    user: &CurrentUser,
    window: Window,
) -> Result<Vec<StatusView>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let rows = db::statuses::list_home(&mut conn.conn(), user.id.0, window, ctx.now().millis()).await?;
    in_order(&mut conn.conn(), rows, window, Some(user)).await
}

/// Posts of this instance (`Local`), of others (`Remote`), or all; perhaps only those
/// with images.
pub async fn public_timeline(
    ctx: &Context,
    viewer: Option<&CurrentUser>,
    origin: Origin,
    only_media: bool,
    window: Window,
) -> Result<Vec<StatusView>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let rows = db::statuses::list_public(
        &mut conn.conn(),
        viewer.map(|v| v.id.0),
        origin,
        only_media,
        window,
        ctx.now().millis(),
    )
    .await?;
    in_order(&mut conn.conn(), rows, window, viewer).await
}

/// A person's posts and boosts, or a group's threads.
pub async fn account_statuses(
    ctx: &Context,
    viewer: Option<&CurrentUser>,
    account: i64,
    filter: AccountFilter,
    window: Window,
) -> Result<Vec<StatusView>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let rows = db::statuses::list_account_statuses(
        &mut conn.conn(),
        viewer.map(|v| v.id.0),
        account,
        filter,
        window,
        ctx.now().millis(),
    )
    .await?;
    in_order(&mut conn.conn(), rows, window, viewer).await
}

/// Posts the member liked.
pub async fn liked_statuses(
    ctx: &Context,
    user: &CurrentUser,
    window: Window,
) -> Result<Vec<StatusView>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let rows = db::statuses::list_liked(&mut conn.conn(), user.id.0, window).await?;
    in_order(&mut conn.conn(), rows, window, Some(user)).await
}

/// Deletes a status and hands it back once more, with its source text (for "delete and
/// redraft").
pub async fn delete_status(ctx: &Context, user: &CurrentUser, id: i64) -> Result<StatusView, ServiceError> {
    let status = get_status(ctx, Some(user), id).await?;
    posts::delete_post(ctx, user, PostId(id)).await?;
    Ok(status)
}

/// An app's edit of a status (Mastodon's `PUT /api/v1/statuses/:id`).
#[derive(Debug, Clone, Default)]
pub struct StatusChange {
    /// The full text: for a thread opener the first line is the title.
    pub text: String,
    /// The content warning; as on Mastodon, an edit without one takes it away.
    pub content_warning: Option<String>,
    /// A new language; `None` keeps it.
    pub language: Option<String>,
}

/// Edits one's own status; the version it replaces stays in its history.
pub async fn edit_status(
    ctx: &Context,
    user: &CurrentUser,
    id: i64,
    change: StatusChange,
) -> Result<StatusView, ServiceError> {
    let status = get_status(ctx, Some(user), id).await?;
    let (title, body) = if status.is_thread_opener() {
        let (title, body) = split_title(&change.text);
        (Some(title), body)
    } else {
        (None, change.text.trim().to_owned())
    };
    let edit =
        PostEdit { title, body, content_warning: Some(change.content_warning), language: change.language };
    posts::edit_post(ctx, user, PostId(id), edit).await?;
    get_status(ctx, Some(user), id).await
}

/// A status's versions, oldest first: its earlier versions, then the current one.
pub async fn status_history(
    ctx: &Context,
    viewer: Option<&CurrentUser>,
    id: i64,
) -> Result<(StatusView, Vec<StatusVersion>), ServiceError> {
    let status = get_status(ctx, viewer, id).await?;
    let mut conn = ctx.db.acquire().await?;
    let earlier = db::post_revisions::list_revisions(&mut conn.conn(), status.id).await?;
    let versions = earlier
        .into_iter()
        .map(|row| StatusVersion {
            title: row.title,
            content_html: row.content_html,
            content_warning: row.content_warning,
            sensitive: row.sensitive,
            created_at: Timestamp::from_millis(row.created_at),
        })
        .collect();
    Ok((status, versions))
}

/// An earlier version of a status.
#[derive(Debug, Clone)]
pub struct StatusVersion {
    pub title: Option<String>,
    pub content_html: String,
    pub content_warning: Option<String>,
    pub sensitive: bool,
    pub created_at: Timestamp,
}

pub async fn set_favourite(
    ctx: &Context,
    user: &CurrentUser,
    id: i64,
    liked: bool,
) -> Result<StatusView, ServiceError> {
    if liked {
        posts::like_post(ctx, user, PostId(id)).await?;
    } else {
        posts::unlike_post(ctx, user, PostId(id)).await?;
    }
    get_status(ctx, Some(user), id).await
}

/// Who liked a post (at most 80, latest first).
pub async fn list_likers(ctx: &Context, id: i64) -> Result<Vec<AccountSummary>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let rows = db::account_cards::list_likers(&mut conn.conn(), id, 80).await?;
    Ok(rows.into_iter().map(AccountSummary::from).collect())
}

/// A post we hold, by its ActivityPub id.
pub async fn post_by_ap_id(ctx: &Context, ap_id: &str) -> Result<Option<i64>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::statuses::get_post_id_by_ap_id(&mut conn.conn(), ap_id).await?)
}

/// Posts of the accounts on one of the member's lists.
pub async fn list_timeline(
    ctx: &Context,
    user: &CurrentUser,
    list_id: i64,
    window: Window,
) -> Result<Vec<StatusView>, ServiceError> {
    super::client_state::get_list(ctx, user, list_id).await?;
    let mut conn = ctx.db.acquire().await?;
    let rows =
        db::statuses::list_list_timeline(&mut conn.conn(), user.id.0, list_id, window, ctx.now().millis())
            .await?;
    in_order(&mut conn.conn(), rows, window, Some(user)).await
}

/// Bookmarks a post (or removes the bookmark); bookmarking twice keeps one.
pub async fn set_bookmark(
    ctx: &Context,
    user: &CurrentUser,
    id: i64,
    on: bool,
) -> Result<StatusView, ServiceError> {
    get_status(ctx, Some(user), id).await?;
    let mut conn = ctx.db.acquire().await?;
    if on {
        db::bookmarks::insert_bookmark(&mut conn.conn(), ctx.new_id(), user.id.0, id, ctx.now().millis())
            .await?;
    } else {
        db::bookmarks::delete_bookmark(&mut conn.conn(), user.id.0, id).await?;
    }
    drop(conn);
    get_status(ctx, Some(user), id).await
}

/// The member's bookmarks, most recent first, each with its bookmark id (the page cursor).
pub async fn bookmarked_statuses(
    ctx: &Context,
    user: &CurrentUser,
    max_id: Option<i64>,
    limit: i64,
) -> Result<Vec<(i64, StatusView)>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let rows = db::statuses::list_bookmarked(&mut conn.conn(), user.id.0, max_id, limit).await?;
    let (cursors, rows): (Vec<i64>, Vec<StatusRow>) = rows.into_iter().unzip();
    let statuses = with_related(
        &mut conn.conn(),
        rows.into_iter().map(|row| StatusView::from_row(row, Some(user))).collect(),
    )
    .await?;
    Ok(cursors.into_iter().zip(statuses).collect())
}

#[cfg(test)]
mod tests {
    use super::split_title;

    #[test]
    fn first_line_is_the_title_and_the_rest_the_body() {
        let (title, body) = split_title("@energy Solar on schools\nLet us start with two.\nOk?");
        assert_eq!(title, "Solar on schools");
        assert_eq!(body, "Let us start with two.\nOk?");
    }

    #[test]
    fn a_single_line_is_title_and_body() {
        let (title, body) = split_title("@energy@forum.example Heat pumps in old houses?");
        assert_eq!(title, "Heat pumps in old houses?");
        assert_eq!(body, "@energy@forum.example Heat pumps in old houses?");
    }

    #[test]
    fn a_long_first_line_is_shortened_and_kept_whole_in_the_body() {
        let line = "word ".repeat(60);
        let (title, body) = split_title(&format!("@energy {line}"));
        assert!(title.chars().count() <= 200 && title.ends_with('…'));
        assert!(body.contains(line.trim()));
    }
}
