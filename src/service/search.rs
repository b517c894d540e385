//! Full-text search of public posts, for the web search page and `GET /api/v2/search`.
//!
//! Pages are taken by offset, as Mastodon's search does, but only within the first
//! [`MAX_OFFSET`] results: deeper offsets are refused rather than made the database count and
//! rank ever more rows. Order is total (rank, then id), so pages of an unchanged index neither
//! repeat nor skip a post.

use super::statuses::{StatusView, with_related};
use super::{Context, CurrentUser, ServiceError};
use crate::db;
use crate::domain::search::SearchText;
use crate::domain::{FieldError, FieldErrors};

/// The deepest offset a search may start at.
pub const MAX_OFFSET: i64 = 400;
/// Most results of one page.
pub const MAX_LIMIT: i64 = 40;

/// A found post, with the title of the thread it is in.
#[derive(Debug, Clone)]
pub struct SearchHit {
    pub status: StatusView,
    pub thread_title: Option<String>,
}

/// What a search found: the parsed words (None when the query had none) and one page of posts.
#[derive(Debug, Clone, Default)]
pub struct FoundPosts {
    pub text: Option<SearchText>,
    pub hits: Vec<SearchHit>,
}

/// One page (`offset`, `limit`) of the public posts that match `query`, best first.
pub async fn search_posts(
    ctx: &Context,
    viewer: Option<&CurrentUser>,
    query: &str,
    offset: i64,
    limit: i64,
) -> Result<FoundPosts, ServiceError> {
    if !(0..=MAX_OFFSET).contains(&offset) {
        let mut errors = FieldErrors::new();
        errors.push(FieldError::new("offset", format!("must be between 0 and {MAX_OFFSET}")));
        return Err(ServiceError::Invalid(errors));
    }
    let Some(text) = SearchText::parse(query) else {
        return Ok(FoundPosts::default());
    };
    let limit = limit.clamp(1, MAX_LIMIT);
    let mut conn = ctx.db.acquire().await?;
    let rows = db::post_search::search_posts(
        &mut conn.conn(),
        viewer.map(|v| v.id.0),
        &text,
        offset,
        limit,
        ctx.now().millis(),
    )
    .await?;
    let thread_titles: Vec<Option<String>> = rows.iter().map(|row| row.thread_title.clone()).collect();
    let statuses = rows.into_iter().map(|row| StatusView::from_row(row.status, viewer)).collect();
    let statuses = with_related(&mut conn.conn(), statuses).await?;
    let hits = statuses
        .into_iter()
        .zip(thread_titles)
        .map(|(status, thread_title)| SearchHit { status, thread_title })
        .collect();
    Ok(FoundPosts { text: Some(text), hits })
}

/// The database's plan for a search of `query` (for the check that the index serves it), or
/// None when the query has no words. Runs in a transaction that is rolled back.
pub async fn explain_search(ctx: &Context, query: &str) -> Result<Option<Vec<String>>, ServiceError> {
    let Some(text) = SearchText::parse(query) else {
        return Ok(None);
    };
    let mut tx = ctx.db.begin().await?;
    let plan = db::post_search::explain_search(&mut tx.conn(), &text).await?;
    drop(tx);
    Ok(Some(plan))
}

/// Whether post `id` is in the search index now (for the checks of the index's upkeep).
pub async fn is_indexed(ctx: &Context, id: i64) -> Result<bool, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::post_search::is_indexed(&mut conn.conn(), id).await?)
}
