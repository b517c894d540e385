//! People and groups as accounts of the client API: profiles with counts, lookups by handle,
//! follow relationships, follower lists and account search.

use super::statuses::AccountSummary;
use super::{Context, CurrentUser, ServiceError};
use crate::db::{self, account_cards::AccountCardRow};
use crate::domain::{ActorId, Timestamp};

#[derive(Debug, Clone)]
pub struct AccountCard {
    pub summary: AccountSummary,
    pub summary_source: String,
    pub locked: bool,
    pub followers_count: i64,
    pub following_count: i64,
    pub statuses_count: i64,
    pub last_status_at: Option<Timestamp>,
    /// Loaded for single-account views (`get_account`, `lookup`); `None` in lists.
    pub organisation: Option<crate::domain::organisation::Organisation>,
    /// A project group's project; loaded like `organisation`.
    pub project: Option<crate::domain::project::Project>,
    /// The account it moved to, when it moved and that account is known here; loaded like
    /// `organisation`.
    pub moved: Option<AccountSummary>,
}

impl From<AccountCardRow> for AccountCard {
    fn from(row: AccountCardRow) -> Self {
        Self {
            summary: AccountSummary {
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
            },
            summary_source: row.summary_source,
            locked: row.closed,
            followers_count: row.followers_count,
            following_count: row.following_count,
            statuses_count: row.statuses_count,
            last_status_at: row.last_status_at.map(Timestamp::from_millis),
            organisation: None,
            project: None,
            moved: None,
        }
    }
}

/// Fills in what single-account views show beyond the card: the organisation of a person, the
/// project of a project group (two indexed lookups at most).
async fn with_profile_details(
    conn: &mut db::Conn<'_>,
    mut card: AccountCard,
) -> Result<AccountCard, ServiceError> {
    let id = ActorId(card.summary.id);
    if card.summary.kind == "group" {
        card.project =
            db::projects::get_project(conn, id.0).await?.map(|row| super::projects::project_from_row(&row));
    } else {
        card.organisation = super::accounts::load_organisation(conn, id).await?;
    }
    let moved_to = db::account_moves::get_move_fields(conn, id.0).await?.and_then(|m| m.moved_to);
    if let Some(moved_to) = moved_to
        && let Some(target) = db::actors::get_actor_by_ap_id(conn, &moved_to).await?
        && let Some(row) = db::account_cards::get_card(conn, target.id).await?
    {
        card.moved = Some(AccountCard::from(row).summary);
    }
    Ok(card)
}

pub async fn get_account(ctx: &Context, id: i64) -> Result<AccountCard, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let card: AccountCard =
        db::account_cards::get_card(&mut conn.conn(), id).await?.ok_or(ServiceError::NotFound)?.into();
    with_profile_details(&mut conn.conn(), card).await
}

/// By `name`, `@name`, `name@host` (our own host counts as local).
pub async fn lookup(ctx: &Context, acct: &str, own_host: &str) -> Result<AccountCard, ServiceError> {
    let acct = acct.trim().trim_start_matches('@');
    let (name, host) = match acct.split_once('@') {
        Some((name, host)) if !host.eq_ignore_ascii_case(own_host) => (name, Some(host.to_ascii_lowercase())),
        Some((name, _)) => (name, None),
        None => (acct, None),
    };
    let mut conn = ctx.db.acquire().await?;
    let card: AccountCard = db::account_cards::get_card_by_handle(&mut conn.conn(), name, host.as_deref())
        .await?
        .ok_or(ServiceError::NotFound)?
        .into();
    with_profile_details(&mut conn.conn(), card).await
}

/// How the member relates to another account.
#[derive(Debug, Clone)]
pub struct Relationship {
    pub id: i64,
    pub following: bool,
    pub requested: bool,
    pub followed_by: bool,
    /// The viewer asked to hear about each of this account's posts.
    pub notifying: bool,
    pub blocking: bool,
    pub blocked_by: bool,
    pub muting: bool,
    pub muting_notifications: bool,
    /// The viewer blocked this account's domain.
    pub domain_blocking: bool,
}

/// The viewer's relationships with up to 40 accounts (apps ask for one page of accounts at a
/// time): follows in one query, blocks and mutes in another.
pub async fn relationships(
    ctx: &Context,
    user: &CurrentUser,
    ids: &[i64],
) -> Result<Vec<Relationship>, ServiceError> {
    let ids = &ids[..ids.len().min(db::account_cards::RELATIONSHIPS_PER_BATCH)];
    let mut conn = ctx.db.acquire().await?;
    let links = db::account_cards::list_follow_links(&mut conn.conn(), user.id.0, ids).await?;
    let apart = db::blocks::list_separations(&mut conn.conn(), user.id.0, ctx.now().millis(), ids).await?;
    let has = |kind: &str, id: i64| apart.iter().find(|r| r.kind == kind && r.other == id);
    let found = ids
        .iter()
        .map(|&id| {
            let outgoing = links.iter().find(|l| l.follower_id == user.id.0 && l.followed_id == id);
            let incoming = links.iter().find(|l| l.follower_id == id && l.followed_id == user.id.0);
            Relationship {
                id,
                following: outgoing.is_some_and(|l| l.state == "accepted"),
                requested: outgoing.is_some_and(|l| l.state == "pending"),
                followed_by: incoming.is_some_and(|l| l.state == "accepted"),
                notifying: outgoing.is_some_and(|l| l.notify),
                blocking: has("block", id).is_some(),
                blocked_by: has("blocked_by", id).is_some(),
                muting: has("mute", id).is_some(),
                muting_notifications: has("mute", id).is_some_and(|r| r.hide_notifications),
                domain_blocking: has("domain", id).is_some(),
            }
        })
        .collect();
    Ok(found)
}

/// Followers (or followed accounts) with the follow id as the page cursor.
pub async fn follow_list(
    ctx: &Context,
    account: i64,
    followers: bool,
    max_id: Option<i64>,
    limit: i64,
) -> Result<Vec<(i64, AccountCard)>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    db::account_cards::get_card(&mut conn.conn(), account).await?.ok_or(ServiceError::NotFound)?;
    let rows =
        db::account_cards::list_follow_cards(&mut conn.conn(), account, followers, max_id, limit).await?;
    Ok(rows.into_iter().map(|(cursor, row)| (cursor, row.into())).collect())
}

/// Accounts whose name starts with the query, but not those the viewer blocked or muted.
pub async fn search(
    ctx: &Context,
    viewer: Option<&CurrentUser>,
    query: &str,
    limit: i64,
) -> Result<Vec<AccountCard>, ServiceError> {
    let query = query.trim().trim_start_matches('@');
    let name = query.split('@').next().unwrap_or_default();
    if name.is_empty() {
        return Ok(Vec::new());
    }
    let mut conn = ctx.db.acquire().await?;
    let viewer = viewer.map(|v| v.id.0);
    Ok(db::account_cards::search_cards(&mut conn.conn(), viewer, name, limit, ctx.now().millis())
        .await?
        .into_iter()
        .map(Into::into)
        .collect())
}

/// How the profile directory is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DirectoryOrder {
    /// Most recently posted first (people and groups with a post in the last [`ACTIVE_DAYS`]).
    Active,
    /// Newest accounts first.
    New,
}

/// How far back the `active` directory looks.
pub const ACTIVE_DAYS: i64 = 30;

/// The deepest the directory pages (`offset`): past it, it answers an empty page.
pub const MAX_DIRECTORY_OFFSET: i64 = 10_000;

/// People and groups known here, as Mastodon's profile directory lists them.
pub async fn directory(
    ctx: &Context,
    order: DirectoryOrder,
    local_only: bool,
    offset: i64,
    limit: i64,
) -> Result<Vec<AccountCard>, ServiceError> {
    if offset > MAX_DIRECTORY_OFFSET {
        return Ok(Vec::new());
    }
    let offset = offset.max(0);
    let mut conn = ctx.db.acquire().await?;
    let rows = match order {
        DirectoryOrder::New => {
            db::account_cards::list_newest_cards(&mut conn.conn(), local_only, limit, offset).await?
        }
        DirectoryOrder::Active => {
            let since = ctx.now().plus_seconds(-ACTIVE_DAYS * 24 * 3600).millis();
            db::account_cards::list_active_cards(&mut conn.conn(), local_only, since, limit, offset).await?
        }
    };
    Ok(rows.into_iter().map(Into::into).collect())
}

/// Who speaks for the instance: its first admin's account, and a contact email (the
/// configured one, else the first admin's).
pub struct Contact {
    pub account: Option<AccountCard>,
    pub email: String,
}

pub async fn contact(ctx: &Context, configured_email: &str) -> Result<Contact, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let account = db::account_cards::get_first_admin_card(&mut conn.conn()).await?.map(Into::into);
    let email = if configured_email.trim().is_empty() {
        db::account_cards::get_first_admin_email(&mut conn.conn()).await?.unwrap_or_default()
    } else {
        configured_email.trim().to_owned()
    };
    Ok(Contact { account, email })
}
