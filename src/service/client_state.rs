//! What a member keeps for their apps: timeline markers and lists of accounts.

use super::{Context, CurrentUser, ServiceError};
use crate::db::{self, lists::ListRow, markers::MarkerRow};
use crate::domain::FieldError;

const TIMELINES: &[&str] = &["home", "notifications"];
const REPLIES_POLICIES: &[&str] = &["followed", "list", "none"];

pub async fn get_markers(ctx: &Context, user: &CurrentUser) -> Result<Vec<MarkerRow>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::markers::list_markers(&mut conn.conn(), user.id.0).await?)
}

/// Sets the last read id of `home` or `notifications`.
pub async fn set_marker(
    ctx: &Context,
    user: &CurrentUser,
    timeline: &str,
    last_read_id: &str,
) -> Result<MarkerRow, ServiceError> {
    if !TIMELINES.contains(&timeline) {
        return Err(FieldError::new("timeline", "must be home or notifications").into());
    }
    if last_read_id.parse::<i64>().is_err() {
        return Err(FieldError::new("last_read_id", "must be an id").into());
    }
    let mut conn = ctx.db.acquire().await?;
    Ok(db::markers::upsert_marker(&mut conn.conn(), user.id.0, timeline, last_read_id, ctx.now().millis())
        .await?)
}

pub async fn get_lists(ctx: &Context, user: &CurrentUser) -> Result<Vec<ListRow>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::lists::list_lists(&mut conn.conn(), user.id.0).await?)
}

pub async fn get_list(ctx: &Context, user: &CurrentUser, id: i64) -> Result<ListRow, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    db::lists::get_list(&mut conn.conn(), user.id.0, id).await?.ok_or(ServiceError::NotFound)
}

#[derive(Debug, Clone, Default)]
pub struct ListInput {
    pub title: Option<String>,
    pub replies_policy: Option<String>,
    pub exclusive: Option<bool>,
}

fn apply(mut list: ListRow, input: ListInput) -> Result<ListRow, ServiceError> {
    if let Some(title) = input.title {
        let title = title.trim();
        if title.is_empty() || title.chars().count() > 100 {
            return Err(FieldError::new("title", "must be 1 to 100 characters").into());
        }
        title.clone_into(&mut list.title);
    }
    if let Some(policy) = input.replies_policy {
        if !REPLIES_POLICIES.contains(&policy.as_str()) {
            return Err(FieldError::new("replies_policy", "must be followed, list or none").into());
        }
        list.replies_policy = policy;
    }
    if let Some(exclusive) = input.exclusive {
        list.exclusive = exclusive;
    }
    Ok(list)
}

pub async fn create_list(
    ctx: &Context,
    user: &CurrentUser,
    input: ListInput,
) -> Result<ListRow, ServiceError> {
    if input.title.is_none() {
        return Err(FieldError::new("title", "can't be blank").into());
    }
    let empty =
        ListRow { id: ctx.new_id(), title: String::new(), replies_policy: "list".into(), exclusive: false };
    let list = apply(empty, input)?;
    let mut conn = ctx.db.acquire().await?;
    db::lists::insert_list(&mut conn.conn(), user.id.0, &list, ctx.now().millis()).await?;
    Ok(list)
}

pub async fn update_list(
    ctx: &Context,
    user: &CurrentUser,
    id: i64,
    input: ListInput,
) -> Result<ListRow, ServiceError> {
    let list = apply(get_list(ctx, user, id).await?, input)?;
    let mut conn = ctx.db.acquire().await?;
    db::lists::update_list(&mut conn.conn(), user.id.0, &list).await?;
    Ok(list)
}

pub async fn delete_list(ctx: &Context, user: &CurrentUser, id: i64) -> Result<(), ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    if db::lists::delete_list(&mut conn.conn(), user.id.0, id).await? == 0 {
        return Err(ServiceError::NotFound);
    }
    Ok(())
}

pub async fn list_members(ctx: &Context, user: &CurrentUser, id: i64) -> Result<Vec<i64>, ServiceError> {
    get_list(ctx, user, id).await?;
    let mut conn = ctx.db.acquire().await?;
    Ok(db::lists::list_member_ids(&mut conn.conn(), id).await?)
}

/// Adds (or removes) accounts to a list; only accounts the member follows may be added.
pub async fn change_members(
    ctx: &Context,
    user: &CurrentUser,
    id: i64,
    accounts: &[i64],
    add: bool,
) -> Result<(), ServiceError> {
    get_list(ctx, user, id).await?;
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    for account in accounts.iter().copied().take(100) {
        if add {
            if !db::follows::is_following(&mut conn, user.id.0, account).await? {
                return Err(FieldError::new("account_ids", "you can only add accounts you follow").into());
            }
            db::lists::insert_member(&mut conn, id, account).await?;
        } else {
            db::lists::delete_member(&mut conn, id, account).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}
