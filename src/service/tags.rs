//! Hashtags and mentions: found in what members write and linked in its HTML, stored with the
//! post for tag timelines and pages, and read back for pages of statuses (one query per kind).
//! Local people a post newly mentions are notified once.

use std::collections::HashMap;

use super::statuses::{AccountSummary, StatusView};
use super::{
    Context, CurrentUser, Paged, PostDetails, ServiceError, notifications, paginate, parse_id_cursor,
};
use crate::db::{self, Conn, statuses::Origin, statuses::TagFilter, statuses::Window, tags::MentionRow};
use crate::domain::hashtags::{PostLinks, find_references, normalize_hashtag};
use crate::domain::html::render_markdown_linking;
use crate::domain::{ActorId, Timestamp};
use crate::federation::uris::Uris;

/// A local post's HTML with its links, and what it refers to.
#[derive(Debug, Clone)]
pub(crate) struct LinkedPost {
    pub html: String,
    pub hashtags: Vec<String>,
    /// Known people and groups, each once.
    pub mentioned: Vec<i64>,
}

fn links(ctx: &Context) -> Uris {
    Uris::from_base(&ctx.settings.base_url)
}

/// Renders a local post's Markdown: its hashtags link to their tag pages, mentions of people
/// and groups we know to their actors; unknown handles stay text.
pub(crate) async fn render_local_post(
    ctx: &Context,
    conn: &mut Conn<'_>,
    source: &str,
) -> Result<LinkedPost, ServiceError> {
    let uris = links(ctx);
    let references = find_references(source);
    let mut mention_urls = HashMap::new();
    let mut mentioned = Vec::new();
    for mention in &references.mentions {
        let host = mention.host.as_deref().filter(|host| !host.eq_ignore_ascii_case(uris.host()));
        let Some(target) = db::tags::get_mention_target(conn, &mention.name, host).await? else {
            continue;
        };
        let url = if target.local { Some(uris.actor(&target.kind, &target.name)) } else { target.ap_id };
        let Some(url) = url else { continue };
        mention_urls.insert(mention.handle(), url);
        if !mentioned.contains(&target.id) {
            mentioned.push(target.id);
        }
    }
    let post_links = PostLinks {
        tag_base: uris.tag(""),
        hashtags: references.hashtags.iter().cloned().collect(),
        mentions: mention_urls,
    };
    Ok(LinkedPost {
        html: render_markdown_linking(source, Some(&post_links)),
        hashtags: references.hashtags,
        mentioned,
    })
}

/// Stores a post's hashtags and mentions (replacing earlier ones) and notifies the local
/// people it mentions for the first time.
pub(crate) async fn store_references(
    ctx: &Context,
    conn: &mut Conn<'_>,
    post_id: i64,
    author_id: i64,
    hashtags: &[String],
    mentioned: &[i64],
) -> Result<(), ServiceError> {
    db::tags::replace_post_hashtags(conn, post_id, hashtags).await?;
    let newly = db::tags::replace_post_mentions(conn, post_id, mentioned).await?;
    for actor in newly {
        notifications::notify(ctx, conn, actor, "mention", author_id, Some(post_id)).await?;
    }
    Ok(())
}

/// What a remote post's `tag` names: hashtags (normalised, capped) and actors we know.
#[derive(Debug, Clone, Default)]
pub struct RemoteReferences {
    pub hashtags: Vec<String>,
    pub mentioned: Vec<ActorId>,
}

impl RemoteReferences {
    /// Normalises the `#name`s of `Hashtag` tags, each once, at most as many as a local post.
    pub fn hashtags_from<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
        let mut hashtags: Vec<String> = Vec::new();
        for name in names.filter_map(normalize_hashtag) {
            if hashtags.len() < crate::domain::hashtags::MAX_PER_POST && !hashtags.contains(&name) {
                hashtags.push(name);
            }
        }
        hashtags
    }
}

/// A person or group a remote post mentions, by ActivityPub id; None when unknown here.
pub async fn known_mention_target(ctx: &Context, ap_id: &str) -> Result<Option<ActorId>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::tags::get_mention_target_by_ap_id(&mut conn.conn(), ap_id).await?.map(|t| ActorId(t.id)))
}

/// The hashtags of posts, by post: one query per 50 posts.
pub(crate) async fn hashtags_of_posts(
    conn: &mut Conn<'_>,
    posts: &[i64],
) -> Result<HashMap<i64, Vec<String>>, ServiceError> {
    let mut by_post: HashMap<i64, Vec<String>> = HashMap::new();
    for batch in posts.chunks(db::tags::POSTS_PER_BATCH) {
        for row in db::tags::list_hashtags_of_posts(conn, batch).await? {
            by_post.entry(row.post_id).or_default().push(row.name);
        }
    }
    Ok(by_post)
}

/// The actors posts mention, by post: one query per 50 posts.
pub(crate) async fn mentions_of_posts(
    conn: &mut Conn<'_>,
    posts: &[i64],
) -> Result<HashMap<i64, Vec<MentionRow>>, ServiceError> {
    let mut by_post: HashMap<i64, Vec<MentionRow>> = HashMap::new();
    for batch in posts.chunks(db::tags::POSTS_PER_BATCH) {
        for row in db::tags::list_mentions_of_posts(conn, batch).await? {
            by_post.entry(row.post_id).or_default().push(row);
        }
    }
    Ok(by_post)
}

/// The hashtags and mentions of a whole thread, by post: two queries.
pub(crate) async fn references_of_thread(
    conn: &mut Conn<'_>,
    root: i64,
) -> Result<(HashMap<i64, Vec<String>>, HashMap<i64, Vec<MentionRow>>), ServiceError> {
    let mut hashtags: HashMap<i64, Vec<String>> = HashMap::new();
    for row in db::tags::list_hashtags_of_thread(conn, root).await? {
        hashtags.entry(row.post_id).or_default().push(row.name);
    }
    let mut mentions: HashMap<i64, Vec<MentionRow>> = HashMap::new();
    for row in db::tags::list_mentions_of_thread(conn, root).await? {
        mentions.entry(row.post_id).or_default().push(row);
    }
    Ok((hashtags, mentions))
}

impl From<MentionRow> for AccountSummary {
    fn from(row: MentionRow) -> Self {
        Self {
            id: row.id,
            kind: row.kind,
            name: row.name,
            display_name: row.display_name,
            host: if row.local { None } else { row.host },
            ap_id: row.ap_id,
            summary_html: row.summary_html,
            created_at: Timestamp::from_millis(row.created_at),
            avatar: None,
            header: None,
        }
    }
}

/// Which posts of the tag timeline to show.
#[derive(Debug, Clone)]
pub struct TagQuery {
    pub filter: TagFilter,
    pub origin: Origin,
    pub only_media: bool,
}

/// The filter of a tag timeline from the request's names: the tag, `any[]`, `all[]`, `none[]`
/// (each normalised, names that are no hashtags dropped, at most four per mode). None when the
/// tag itself is no hashtag name.
pub fn tag_filter(tag: &str, any: &[String], all: &[String], none: &[String]) -> Option<TagFilter> {
    let names = |raw: &[String]| -> Vec<String> {
        raw.iter().filter_map(|name| normalize_hashtag(name)).take(db::statuses::TAGS_PER_MODE).collect()
    };
    Some(TagFilter { tag: normalize_hashtag(tag)?, any: names(any), all: names(all), none: names(none) })
}

/// Public posts with a hashtag (see [`TagQuery`]), newest first, with images, tags and mentions.
pub async fn tag_timeline(
    ctx: &Context,
    viewer: Option<&CurrentUser>,
    query: &TagQuery,
    window: Window,
) -> Result<Vec<StatusView>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let mut rows = db::statuses::list_tagged(
        &mut conn.conn(),
        viewer.map(|v| v.id.0),
        &query.filter,
        query.origin,
        query.only_media,
        window,
        ctx.now().millis(),
    )
    .await?;
    if window.min_id.is_some() {
        rows.reverse();
    }
    let statuses = rows.into_iter().map(|row| StatusView::from_row(row, viewer)).collect();
    super::statuses::with_related(&mut conn.conn(), statuses).await
}

/// A known hashtag and how many posts carry it.
#[derive(Debug, Clone)]
pub struct HashtagUse {
    pub name: String,
    pub uses: i64,
}

/// Known hashtags starting with `prefix` (a leading `#` is ignored), most used first.
pub async fn search_hashtags(
    ctx: &Context,
    prefix: &str,
    limit: i64,
) -> Result<Vec<HashtagUse>, ServiceError> {
    let prefix = prefix.trim().trim_start_matches('#').to_lowercase();
    if prefix.is_empty() {
        return Ok(Vec::new());
    }
    let mut conn = ctx.db.acquire().await?;
    let rows = db::tags::search_hashtags(&mut conn.conn(), &prefix, limit).await?;
    Ok(rows.into_iter().map(|row| HashtagUse { name: row.name, uses: row.uses }).collect())
}

/// The tag page: posts with the hashtag, newest first, one page after `cursor`.
pub async fn get_tag_page(
    ctx: &Context,
    raw_name: &str,
    viewer: Option<&CurrentUser>,
    cursor: Option<&str>,
) -> Result<(String, Paged<PostDetails>), ServiceError> {
    let name = normalize_hashtag(raw_name).ok_or(ServiceError::NotFound)?;
    let mut conn = ctx.db.acquire().await?;
    let page_size = ctx.settings.page_size;
    let rows = db::posts::list_hashtag_posts(
        &mut conn.conn(),
        viewer.map(|v| v.id.0),
        &name,
        parse_id_cursor(cursor),
        page_size + 1,
        ctx.now().millis(),
    )
    .await?;
    let posts = rows.into_iter().map(|row| PostDetails::from_row(row, viewer, false)).collect();
    Ok((name, paginate(posts, page_size, |p: &PostDetails| p.id.0.to_string())))
}
