//! `/g/{name}/requests`: a closed group's pending followers, for its moderators, with the
//! owner's switch "new followers need approval".

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::service::follow_requests;
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::pages::render;
use crate::web::session::RequireUser;
use crate::web::view::Chrome;

/// One pending request as shown.
pub struct RequestRow {
    pub id: i64,
    pub handle: String,
    pub display_name: String,
    pub url: String,
    pub asked_at: String,
}

#[derive(Template)]
#[template(path = "groups/requests.html")]
pub struct RequestsPage {
    pub chrome: Chrome,
    pub group_url: String,
    pub group_title: String,
    pub closed: bool,
    pub viewer_owns: bool,
    pub requests: Vec<RequestRow>,
}

pub async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(name): Path<String>,
) -> Result<Response, WebError> {
    let page = follow_requests::get_requests_page(&state.ctx, &user, &name).await?;
    let requests = page
        .requests
        .into_iter()
        .map(|request| RequestRow {
            id: request.id,
            handle: request.handle,
            display_name: request.display_name,
            url: request.url,
            asked_at: chrome.t.datetime(request.asked_at),
        })
        .collect();
    let view = RequestsPage {
        group_url: format!("/g/{}", page.group_name),
        group_title: page.group_title,
        closed: page.closed,
        viewer_owns: page.viewer_owns,
        requests,
        chrome,
    };
    render(StatusCode::OK, &view)
}

#[derive(Deserialize)]
pub struct ClosedForm {
    /// A checkbox: present ("on") when ticked.
    #[serde(default)]
    closed: Option<String>,
}

pub async fn set_closed(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(name): Path<String>,
    Form(form): Form<ClosedForm>,
) -> Result<Response, WebError> {
    follow_requests::set_closed(&state.ctx, &user, &name, form.closed.is_some()).await?;
    Ok(Redirect::to(&format!("/g/{name}/requests")).into_response())
}

pub async fn approve(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path((name, id)): Path<(String, i64)>,
) -> Result<Response, WebError> {
    follow_requests::approve(&state.ctx, &user, &name, id).await?;
    Ok(Redirect::to(&format!("/g/{name}/requests")).into_response())
}

pub async fn reject(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path((name, id)): Path<(String, i64)>,
) -> Result<Response, WebError> {
    follow_requests::reject(&state.ctx, &user, &name, id).await?;
    Ok(Redirect::to(&format!("/g/{name}/requests")).into_response())
}
