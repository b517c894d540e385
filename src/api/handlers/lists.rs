//! Lists (CRUD, members, timeline) and timeline markers.

use axum::Json;
use axum::extract::{Path, State};
use serde::Deserialize;
use serde_json::{Map, Value, json};

use crate::api::auth::Auth;
use crate::api::error::ApiError;
use crate::api::model::{Account, Status, timestamp};
use crate::api::paging::{PageParams, PagedJson, link_header};
use crate::api::params::{Params, lenient, parse_id};
use crate::db::lists::ListRow;
use crate::domain::Timestamp;
use crate::service::client_state::{self, ListInput};
use crate::service::{account_cards, statuses};
use crate::state::AppState;

fn list_json(list: &ListRow) -> Value {
    json!({
        "id": list.id.to_string(),
        "title": list.title,
        "replies_policy": list.replies_policy,
        "exclusive": list.exclusive,
    })
}

pub async fn index(State(state): State<AppState>, auth: Auth) -> Result<Json<Vec<Value>>, ApiError> {
    let user = auth.user("read:lists")?;
    Ok(Json(client_state::get_lists(&state.ctx, user).await?.iter().map(list_json).collect()))
}

pub async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let user = auth.user("read:lists")?;
    Ok(Json(list_json(&client_state::get_list(&state.ctx, user, parse_id(&id)?).await?)))
}

#[derive(Debug, Deserialize)]
pub struct ListParams {
    #[serde(default, deserialize_with = "lenient::opt_string")]
    title: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    replies_policy: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_bool")]
    exclusive: Option<bool>,
}

impl From<ListParams> for ListInput {
    fn from(p: ListParams) -> Self {
        ListInput { title: p.title, replies_policy: p.replies_policy, exclusive: p.exclusive }
    }
}

pub async fn create(
    State(state): State<AppState>,
    auth: Auth,
    Params(params): Params<ListParams>,
) -> Result<Json<Value>, ApiError> {
    let user = auth.user("write:lists")?;
    Ok(Json(list_json(&client_state::create_list(&state.ctx, user, params.into()).await?)))
}

pub async fn update(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Params(params): Params<ListParams>,
) -> Result<Json<Value>, ApiError> {
    let user = auth.user("write:lists")?;
    Ok(Json(list_json(&client_state::update_list(&state.ctx, user, parse_id(&id)?, params.into()).await?)))
}

pub async fn delete(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let user = auth.user("write:lists")?;
    client_state::delete_list(&state.ctx, user, parse_id(&id)?).await?;
    Ok(Json(json!({})))
}

pub async fn accounts(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<Vec<Account>>, ApiError> {
    let user = auth.user("read:lists")?;
    let mut found = Vec::new();
    for member in client_state::list_members(&state.ctx, user, parse_id(&id)?).await? {
        if let Ok(card) = account_cards::get_account(&state.ctx, member).await {
            found.push(Account::from_card(&state.uris, &card));
        }
    }
    Ok(Json(found))
}

#[derive(Debug, Deserialize)]
pub struct MembersParams {
    #[serde(default, deserialize_with = "lenient::list")]
    account_ids: Vec<String>,
}

async fn change_members(
    state: &AppState,
    auth: &Auth,
    id: &str,
    params: &MembersParams,
    add: bool,
) -> Result<Json<Value>, ApiError> {
    let user = auth.user("write:lists")?;
    let ids: Vec<i64> = params.account_ids.iter().filter_map(|id| id.parse().ok()).collect();
    client_state::change_members(&state.ctx, user, parse_id(id)?, &ids, add).await?;
    Ok(Json(json!({})))
}

pub async fn add_accounts(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Params(params): Params<MembersParams>,
) -> Result<Json<Value>, ApiError> {
    change_members(&state, &auth, &id, &params, true).await
}

pub async fn remove_accounts(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Params(params): Params<MembersParams>,
) -> Result<Json<Value>, ApiError> {
    change_members(&state, &auth, &id, &params, false).await
}

pub async fn timeline(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Params(params): Params<PageParams>,
) -> Result<PagedJson<Status>, ApiError> {
    let user = auth.user("read:lists")?;
    let list = parse_id(&id)?;
    let window = params.window(20, 40);
    let found = statuses::list_timeline(&state.ctx, user, list, window).await?;
    let link = link_header(
        &state.uris,
        &format!("/api/v1/timelines/list/{list}"),
        &[],
        found.first().map(|s| s.id),
        found.last().map(|s| s.id),
        window.limit,
    );
    Ok(PagedJson { items: Status::list(&state.uris, &found), link })
}

/// `GET /api/v1/markers`.
pub async fn markers(State(state): State<AppState>, auth: Auth) -> Result<Json<Value>, ApiError> {
    let user = auth.user("read:statuses")?;
    let mut found = Map::new();
    for marker in client_state::get_markers(&state.ctx, user).await? {
        found.insert(
            marker.timeline.clone(),
            json!({
                "last_read_id": marker.last_read_id,
                "version": marker.version,
                "updated_at": timestamp(Timestamp::from_millis(marker.updated_at)),
            }),
        );
    }
    Ok(Json(Value::Object(found)))
}

#[derive(Debug, Deserialize)]
pub struct MarkerParams {
    home: Option<MarkerParam>,
    notifications: Option<MarkerParam>,
}

#[derive(Debug, Deserialize)]
pub struct MarkerParam {
    #[serde(default, deserialize_with = "lenient::opt_string")]
    last_read_id: Option<String>,
}

/// `POST /api/v1/markers` (`home[last_read_id]`, `notifications[last_read_id]`).
pub async fn save_markers(
    State(state): State<AppState>,
    auth: Auth,
    Params(params): Params<MarkerParams>,
) -> Result<Json<Value>, ApiError> {
    let user = auth.user("write:statuses")?;
    let mut saved = Map::new();
    for (timeline, param) in [("home", params.home), ("notifications", params.notifications)] {
        if let Some(last_read_id) = param.and_then(|p| p.last_read_id) {
            let marker = client_state::set_marker(&state.ctx, user, timeline, &last_read_id).await?;
            saved.insert(
                timeline.to_owned(),
                json!({
                    "last_read_id": marker.last_read_id,
                    "version": marker.version,
                    "updated_at": timestamp(Timestamp::from_millis(marker.updated_at)),
                }),
            );
        }
    }
    Ok(Json(Value::Object(saved)))
}
