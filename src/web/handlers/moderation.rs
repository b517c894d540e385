//! Moderation from the web: removing a post with a reason and restoring it, banning people
//! from a group and lifting bans, and the public modlog (HTML, and JSON at `*.json`).

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Form, Json};
use serde::Deserialize;

use super::posts::parse_post_id;
use crate::federation::uris;
use crate::service::group_bans::{self, BanInput};
use crate::service::{ServiceError, modlog, removals};
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::moderation_pages::{
    BanFormPage, BanRowView, BansPage, ModlogEntryJson, ModlogJson, ModlogPage, ModlogView,
};
use crate::web::pages::render;
use crate::web::session::RequireUser;
use crate::web::view::{Chrome, FormState, ListView};

#[derive(Deserialize)]
pub struct RemoveForm {
    #[serde(default)]
    reason: String,
}

pub async fn remove(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
    Form(form): Form<RemoveForm>,
) -> Result<Response, WebError> {
    let id = parse_post_id(&id)?;
    let root = removals::remove_post(&state.ctx, &user, id, &form.reason).await?;
    Ok(Redirect::to(&uris::post_in_thread_path(root, id)).into_response())
}

pub async fn restore(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = parse_post_id(&id)?;
    let root = removals::restore_post(&state.ctx, &user, id).await?;
    Ok(Redirect::to(&uris::post_in_thread_path(root, id)).into_response())
}

#[derive(Deserialize)]
pub struct ModlogQuery {
    before: Option<String>,
}

pub async fn instance_modlog(
    State(state): State<AppState>,
    chrome: Chrome,
    Query(query): Query<ModlogQuery>,
) -> Result<Response, WebError> {
    modlog_page(&state, chrome, None, query).await
}

pub async fn group_modlog(
    State(state): State<AppState>,
    chrome: Chrome,
    Path(name): Path<String>,
    Query(query): Query<ModlogQuery>,
) -> Result<Response, WebError> {
    modlog_page(&state, chrome, Some(name), query).await
}

async fn modlog_page(
    state: &AppState,
    chrome: Chrome,
    group: Option<String>,
    query: ModlogQuery,
) -> Result<Response, WebError> {
    let paged = modlog::list_modlog(&state.ctx, group.as_deref(), query.before.as_deref()).await?;
    let base = modlog_path(group.as_deref());
    let page = ModlogPage {
        chrome,
        entries: ListView::<ModlogView>::from_paged(&paged, &base, "before"),
        json_url: format!("{base}.json"),
        group,
    };
    render(StatusCode::OK, &page)
}

pub async fn instance_modlog_json(
    State(state): State<AppState>,
    Query(query): Query<ModlogQuery>,
) -> Result<Response, WebError> {
    modlog_json(&state, None, query).await
}

pub async fn group_modlog_json(
    State(state): State<AppState>,
    Path(name): Path<String>,
    Query(query): Query<ModlogQuery>,
) -> Result<Response, WebError> {
    modlog_json(&state, Some(name), query).await
}

async fn modlog_json(
    state: &AppState,
    group: Option<String>,
    query: ModlogQuery,
) -> Result<Response, WebError> {
    let paged = modlog::list_modlog(&state.ctx, group.as_deref(), query.before.as_deref()).await?;
    let base = modlog_path(group.as_deref());
    let body = ModlogJson {
        items: paged.items.iter().map(ModlogEntryJson::from).collect(),
        next: paged.next_cursor.map(|cursor| format!("{base}.json?before={cursor}")),
    };
    Ok(Json(body).into_response())
}

fn modlog_path(group: Option<&str>) -> String {
    match group {
        Some(group) => format!("{}/modlog", uris::group_path(group)),
        None => "/modlog".to_owned(),
    }
}

pub async fn bans(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(name): Path<String>,
) -> Result<Response, WebError> {
    let bans = group_bans::list_bans(&state.ctx, &user, &name).await?;
    let page = BansPage {
        chrome,
        group_url: uris::group_path(&name),
        group: name,
        bans: bans.iter().map(BanRowView::from).collect(),
    };
    render(StatusCode::OK, &page)
}

#[derive(Deserialize)]
pub struct BanQuery {
    #[serde(default)]
    actor: String,
}

pub async fn ban_form(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(name): Path<String>,
    Query(query): Query<BanQuery>,
) -> Result<Response, WebError> {
    if !group_bans::may_ban(&state.ctx, &user, &name).await? {
        return Err(ServiceError::Forbidden.into());
    }
    let page = BanFormPage {
        chrome,
        group_url: uris::group_path(&name),
        group: name,
        form: FormState::default(),
        actor: query.actor,
        reason: String::new(),
        days: String::new(),
        remove_data: false,
    };
    render(StatusCode::OK, &page)
}

#[derive(Deserialize)]
pub struct BanForm {
    #[serde(default)]
    actor: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    days: String,
    remove_data: Option<String>,
}

pub async fn ban_submit(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(name): Path<String>,
    Form(form): Form<BanForm>,
) -> Result<Response, WebError> {
    let input = BanInput {
        handle: form.actor.clone(),
        reason: form.reason.clone(),
        days: form.days.clone(),
        remove_data: form.remove_data.is_some(),
    };
    match group_bans::ban_person(&state.ctx, &user, &name, input).await {
        Ok(()) => Ok(Redirect::to(&format!("{}/bans", uris::group_path(&name))).into_response()),
        Err(ServiceError::Invalid(errors)) => {
            let page = BanFormPage {
                form: FormState::new(&errors, &chrome.t),
                chrome,
                group_url: uris::group_path(&name),
                group: name,
                actor: form.actor,
                reason: form.reason,
                days: form.days,
                remove_data: form.remove_data.is_some(),
            };
            render(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Deserialize)]
pub struct UnbanForm {
    #[serde(default)]
    actor: String,
}

pub async fn unban(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(name): Path<String>,
    Form(form): Form<UnbanForm>,
) -> Result<Response, WebError> {
    group_bans::unban_person(&state.ctx, &user, &name, &form.actor).await?;
    Ok(Redirect::to(&format!("{}/bans", uris::group_path(&name))).into_response())
}
