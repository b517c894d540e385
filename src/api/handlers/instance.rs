//! What the instance tells apps about itself, and the lists it keeps empty for now (custom
//! emojis, announcements, trends, filters): real answers, so apps work without errors.

use axum::Json;
use axum::extract::State;
use serde_json::{Value, json};

use crate::api::auth::Auth;
use crate::api::error::ApiError;
use crate::api::model::instance;
use crate::service::{account_cards, instance_info};
use crate::state::AppState;

pub async fn v2(State(state): State<AppState>) -> Result<Json<Value>, ApiError> {
    let usage = instance_info::get_usage(&state.ctx).await?;
    let contact = account_cards::contact(&state.ctx, &state.config.instance.contact_email).await?;
    Ok(Json(instance::v2(&state.config, &state.uris, &usage, &contact)))
}

pub async fn v1(State(state): State<AppState>) -> Result<Json<Value>, ApiError> {
    let usage = instance_info::get_usage(&state.ctx).await?;
    let contact = account_cards::contact(&state.ctx, &state.config.instance.contact_email).await?;
    Ok(Json(instance::v1(&state.config, &state.uris, &usage, &contact)))
}

/// Lists Allmende has no entries for yet.
pub async fn empty_list() -> Json<Value> {
    Json(json!([]))
}

/// Lists that need a signed-in member and that Allmende keeps empty (filters, conversations...).
pub async fn empty_private_list(auth: Auth) -> Result<Json<Value>, ApiError> {
    auth.user("read")?;
    Ok(Json(json!([])))
}

pub async fn preferences(auth: Auth) -> Result<Json<Value>, ApiError> {
    let user = auth.user("read:accounts")?;
    Ok(Json(json!({
        "posting:default:visibility": "public",
        "posting:default:sensitive": false,
        "posting:default:language": user.language,
        "reading:expand:media": "default",
        "reading:expand:spoilers": false,
    })))
}
