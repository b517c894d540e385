//! Starting threads and the thread page.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::posts::parse_post_id;
use crate::federation::uris;
use crate::service::threads::{self, NewThread};
use crate::service::{ServiceError, groups, thread_locks, watches};
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::pages::{NewThreadPage, ThreadPage, render};
use crate::web::session::{MaybeUser, RequireUser};
use crate::web::upload_form::{UploadForm, upload_post_images};
use crate::web::view::{Chrome, FormState, ListView, PostView};

pub async fn create_form(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(name): Path<String>,
) -> Result<Response, WebError> {
    let (group, _) = groups::get_group_page(&state.ctx, &name, Some(&user), None).await?;
    let page = NewThreadPage {
        chrome,
        group_url: uris::group_path(&group.name),
        group_name: group.title,
        form: FormState::default(),
        title: String::new(),
        body: String::new(),
        post_language: user.language.clone(),
    };
    render(StatusCode::OK, &page)
}

#[derive(Deserialize)]
pub struct ThreadForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    language: Option<String>,
}

pub async fn create_submit(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(name): Path<String>,
    mut upload: UploadForm,
) -> Result<Response, WebError> {
    let form: ThreadForm = match upload.parse().await {
        Ok(form) => form,
        Err(response) => return Ok(response),
    };
    let created = async {
        let media_ids = upload_post_images(&state.ctx, &user, &mut upload).await?;
        let input = NewThread {
            title: form.title.clone(),
            body: form.body.clone(),
            language: form.language.clone(),
            content_warning: None,
            media_ids,
            poll: None,
        };
        threads::create_thread(&state.ctx, &user, &name, input).await
    };
    match created.await {
        Ok(id) => Ok(Redirect::to(&uris::thread_path(id)).into_response()),
        Err(ServiceError::Invalid(errors)) => {
            let errors = FormState::new(&errors, &chrome.t);
            let page = NewThreadPage {
                chrome,
                group_url: uris::group_path(&name),
                group_name: name,
                form: errors,
                title: form.title,
                body: form.body,
                post_language: form.language.unwrap_or_else(|| user.language.clone()),
            };
            render(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Deserialize)]
pub struct ThreadQuery {
    after: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(viewer): MaybeUser,
    Path(id): Path<String>,
    Query(query): Query<ThreadQuery>,
) -> Result<Response, WebError> {
    let id = parse_post_id(&id)?;
    let thread = threads::get_thread_page(&state.ctx, id, viewer.as_ref(), query.after.as_deref()).await?;
    let watching = match &viewer {
        Some(viewer) => watches::watches_thread(&state.ctx, viewer, id).await?,
        None => false,
    };
    let thread_url = uris::thread_path(id);
    let chrome_lang = chrome.lang.clone();
    let page = ThreadPage {
        chrome,
        opener: PostView::from(&thread.opener),
        replies: ListView::from_paged(&thread.replies, &thread_url, "after"),
        first_page_url: query.after.is_some().then_some(thread_url),
        post_language: viewer.as_ref().map_or_else(|| chrome_lang.clone(), |v| v.language.clone()),
        locked: thread.locked,
        can_lock: thread.viewer_moderates && !thread.opener.deleted,
        watching,
        pinned: thread.opener.pinned,
        can_pin: thread.viewer_moderates && !thread.opener.deleted,
    };
    render(StatusCode::OK, &page)
}

/// A moderator of the thread's group locks it: no new replies.
pub async fn lock(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    set_lock(&state, &user, &id, true).await
}

pub async fn unlock(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    set_lock(&state, &user, &id, false).await
}

async fn set_lock(
    state: &AppState,
    user: &crate::service::CurrentUser,
    id: &str,
    locked: bool,
) -> Result<Response, WebError> {
    let id = parse_post_id(id)?;
    thread_locks::set_thread_lock(&state.ctx, user, id, locked).await?;
    Ok(Redirect::to(&uris::thread_path(id)).into_response())
}
