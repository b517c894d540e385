//! Trending hashtags: those the most people used over the last week, with their use per day,
//! as Mastodon's `GET /api/v1/trends/tags` lists them.

use std::collections::HashMap;

use super::{Context, ServiceError};
use crate::db;

/// How far back trends look, in days.
pub const TREND_DAYS: i64 = 7;
const DAY_MILLIS: i64 = 24 * 3600 * 1000;

/// One day of a hashtag's use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayUse {
    /// The day's first moment, in Unix milliseconds (UTC).
    pub starts_at: i64,
    pub uses: i64,
    pub accounts: i64,
}

#[derive(Debug, Clone)]
pub struct TrendingTag {
    pub name: String,
    /// [`TREND_DAYS`] days, today first.
    pub history: Vec<DayUse>,
}

impl TrendingTag {
    /// People who used it, summed over the days (a person on two days counts twice, as in
    /// Mastodon's history).
    fn accounts(&self) -> i64 {
        self.history.iter().map(|d| d.accounts).sum()
    }

    fn uses(&self) -> i64 {
        self.history.iter().map(|d| d.uses).sum()
    }
}

/// Hashtags of the last [`TREND_DAYS`] days (today included), most people first, then most
/// uses, then by name; `offset` and `limit` page through them.
pub async fn trending_tags(
    ctx: &Context,
    offset: usize,
    limit: usize,
) -> Result<Vec<TrendingTag>, ServiceError> {
    let today = ctx.now().millis().div_euclid(DAY_MILLIS) * DAY_MILLIS;
    let since = today - (TREND_DAYS - 1) * DAY_MILLIS;
    let mut conn = ctx.db.acquire().await?;
    let rows = db::trends::list_tag_use_by_day(&mut conn.conn(), since, DAY_MILLIS).await?;
    let mut by_tag: HashMap<String, Vec<DayUse>> = HashMap::new();
    for row in rows {
        let days = by_tag.entry(row.name).or_insert_with(|| {
            (0..TREND_DAYS)
                .rev()
                .map(|day| DayUse { starts_at: since + day * DAY_MILLIS, uses: 0, accounts: 0 })
                .collect()
        });
        let index = (TREND_DAYS - 1 - row.day).clamp(0, TREND_DAYS - 1) as usize;
        days[index].uses += row.uses;
        days[index].accounts += row.accounts;
    }
    let mut tags: Vec<TrendingTag> =
        by_tag.into_iter().map(|(name, history)| TrendingTag { name, history }).collect();
    tags.sort_by(|a, b| {
        b.accounts().cmp(&a.accounts()).then(b.uses().cmp(&a.uses())).then_with(|| a.name.cmp(&b.name))
    });
    Ok(tags.into_iter().skip(offset).take(limit).collect())
}
