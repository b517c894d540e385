//! What the instance shows apps about its network: the instances it knows
//! (`/api/v1/instance/peers`), its weekly activity (`/api/v1/instance/activity`), trending
//! hashtags (`/api/v1/trends/tags`) and the profile directory (`/api/v1/directory`).

use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::api::auth::Auth;
use crate::api::error::ApiError;
use crate::api::model::{Account, Tag};
use crate::api::params::{Params, lenient};
use crate::service::account_cards::{self, DirectoryOrder};
use crate::service::{instance_info, trends};
use crate::state::AppState;

pub async fn peers(State(state): State<AppState>) -> Result<Json<Vec<String>>, ApiError> {
    Ok(Json(instance_info::peers(&state.ctx).await?))
}

/// Mastodon's shape: the week as Unix seconds, every figure as a string.
pub async fn activity(State(state): State<AppState>) -> Result<Json<Value>, ApiError> {
    let weeks = instance_info::weekly_activity(&state.ctx).await?;
    Ok(Json(Value::Array(
        weeks
            .iter()
            .map(|week| {
                json!({
                    "week": (week.starts_at / 1000).to_string(),
                    "statuses": week.local_posts.to_string(),
                    "logins": week.sign_ins.to_string(),
                    "registrations": week.sign_ups.to_string(),
                })
            })
            .collect(),
    )))
}

#[derive(Debug, Deserialize)]
pub struct TrendParams {
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    limit: Option<i64>,
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    offset: Option<i64>,
}

pub async fn trending_tags(
    State(state): State<AppState>,
    Params(params): Params<TrendParams>,
) -> Result<Json<Vec<Tag>>, ApiError> {
    let limit = params.limit.unwrap_or(10).clamp(1, 20) as usize;
    let offset = params.offset.unwrap_or(0).clamp(0, 1_000) as usize;
    let tags = trends::trending_tags(&state.ctx, offset, limit).await?;
    Ok(Json(
        tags.iter()
            .map(|tag| {
                let mut shown = Tag::new(&state.uris, &tag.name);
                shown.history = tag
                    .history
                    .iter()
                    .map(|day| {
                        json!({
                            "day": (day.starts_at / 1000).to_string(),
                            "uses": day.uses.to_string(),
                            "accounts": day.accounts.to_string(),
                        })
                    })
                    .collect();
                shown
            })
            .collect(),
    ))
}

#[derive(Debug, Deserialize)]
pub struct DirectoryParams {
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    limit: Option<i64>,
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    offset: Option<i64>,
    #[serde(default)]
    order: Option<String>,
    #[serde(default, deserialize_with = "lenient::bool")]
    local: bool,
}

pub async fn directory(
    State(state): State<AppState>,
    auth: Auth,
    Params(params): Params<DirectoryParams>,
) -> Result<Json<Vec<Account>>, ApiError> {
    auth.viewer("read:accounts")?;
    let order = match params.order.as_deref() {
        None | Some("active") => DirectoryOrder::Active,
        Some("new") => DirectoryOrder::New,
        Some(_) => {
            return Err(ApiError::Invalid(
                "order must be active or new".into(),
                vec![("order".into(), "must be active or new".into())],
            ));
        }
    };
    let limit = params.limit.unwrap_or(40).clamp(1, 80);
    let offset = params.offset.unwrap_or(0).max(0);
    let cards = account_cards::directory(&state.ctx, order, params.local, offset, limit).await?;
    Ok(Json(cards.iter().map(|card| Account::from_card(&state.uris, card)).collect()))
}
