//! What Atom feeds show: the newest threads of a group, or of every group the instance knows.
//!
//! Entries are ordered by when the thread was started, not by its last reply: a feed reader
//! remembers entries it has seen, so a thread that moves up with every reply would either show
//! again as "new" or be missed below the cut. Each feed is a fixed number of queries.

use super::{ActorRef, Context, ServiceError};
use crate::db::{self, feeds::FeedEntryRow};
use crate::domain::{PostId, Timestamp};

/// How many threads a feed carries.
pub const FEED_ENTRIES: i64 = 20;

/// A person or group named in a feed. `remote_url` is its id on its own instance; local
/// actors have none (their URL is built from the name).
#[derive(Debug, Clone)]
pub struct FeedActor {
    pub actor: ActorRef,
    pub remote_url: Option<String>,
}

/// One thread opener as a feed entry.
#[derive(Debug, Clone)]
pub struct FeedEntry {
    pub id: PostId,
    /// The thread's id on its own instance, for threads that came from elsewhere.
    pub remote_url: Option<String>,
    pub title: String,
    /// Sanitised HTML, as stored.
    pub content_html: String,
    pub language: String,
    pub published: Timestamp,
    /// The last edit, or `published` when never edited.
    pub updated: Timestamp,
    pub author: FeedActor,
    pub group: FeedActor,
}

/// The group a group feed is about.
#[derive(Debug, Clone)]
pub struct FeedGroup {
    pub group: FeedActor,
    pub summary_html: String,
    pub created_at: Timestamp,
}

#[derive(Debug, Clone)]
pub struct GroupFeed {
    pub group: FeedGroup,
    pub entries: Vec<FeedEntry>,
}

/// A group's feed by its handle (`name`, or `name@host` for a group on another instance).
/// Two queries.
pub async fn get_group_feed(ctx: &Context, handle: &str) -> Result<GroupFeed, ServiceError> {
    // No stored name holds a control character, and PostgreSQL refuses NUL in a query.
    if handle.is_empty() || handle.chars().any(char::is_control) {
        return Err(ServiceError::NotFound);
    }
    let mut conn = ctx.db.acquire().await?;
    let group =
        db::groups::get_group_by_handle(&mut conn.conn(), handle).await?.ok_or(ServiceError::NotFound)?;
    let rows = db::feeds::list_group_feed_entries(&mut conn.conn(), group.id, FEED_ENTRIES).await?;
    let feed_group = FeedGroup {
        group: FeedActor {
            actor: ActorRef {
                name: group.name,
                display_name: group.display_name,
                host: if group.local { None } else { group.host },
            },
            remote_url: if group.local { None } else { group.ap_id },
        },
        summary_html: group.summary_html,
        created_at: Timestamp::from_millis(group.created_at),
    };
    Ok(GroupFeed { group: feed_group, entries: rows.into_iter().map(FeedEntry::from).collect() })
}

/// The newest threads of every group the instance knows, as on the home page. One query.
pub async fn list_latest_feed_entries(ctx: &Context) -> Result<Vec<FeedEntry>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let rows = db::feeds::list_latest_feed_entries(&mut conn.conn(), FEED_ENTRIES).await?;
    Ok(rows.into_iter().map(FeedEntry::from).collect())
}

impl From<FeedEntryRow> for FeedEntry {
    fn from(row: FeedEntryRow) -> Self {
        let published = Timestamp::from_millis(row.created_at);
        Self {
            id: PostId(row.id),
            remote_url: if row.local { None } else { row.ap_id },
            title: row.title.unwrap_or_default(),
            content_html: row.content_html,
            language: row.language,
            published,
            updated: row.updated_at.map(Timestamp::from_millis).map_or(published, |at| at.max(published)),
            author: FeedActor {
                actor: ActorRef {
                    name: row.author_name,
                    display_name: row.author_display_name,
                    host: if row.author_local { None } else { row.author_host },
                },
                remote_url: if row.author_local { None } else { row.author_ap_id },
            },
            group: FeedActor {
                actor: ActorRef {
                    name: row.group_name,
                    display_name: row.group_title,
                    host: if row.group_local { None } else { row.group_host },
                },
                remote_url: if row.group_local { None } else { row.group_ap_id },
            },
        }
    }
}
