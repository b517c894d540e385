//! Replies, edits, deletions and likes of single posts.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::domain::PostId;
use crate::federation::uris;
use crate::service::ServiceError;
use crate::service::posts::{self, NewReply, PostEdit};
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::pages::{EditPostPage, ReplyPage, render};
use crate::web::session::{MaybeUser, RequireUser};
use crate::web::upload_form::{UploadForm, upload_post_images};
use crate::web::view::{Chrome, FormState, PostView};

/// Post ids in paths are numbers; anything else is a page that does not exist.
pub fn parse_post_id(raw: &str) -> Result<PostId, WebError> {
    raw.parse::<i64>().ok().filter(|id| *id > 0).map(PostId).ok_or(WebError::NotFound)
}

/// A post's own URL shows it in its thread.
pub async fn show(
    State(state): State<AppState>,
    MaybeUser(viewer): MaybeUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let post = posts::get_post(&state.ctx, parse_post_id(&id)?, viewer.as_ref()).await?;
    Ok(Redirect::to(&uris::post_in_thread_path(post.root_id, post.id)).into_response())
}

pub async fn reply_form(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let parent = posts::get_post(&state.ctx, parse_post_id(&id)?, Some(&user)).await?;
    let page = ReplyPage {
        chrome,
        parent: PostView::from(&parent),
        form: FormState::default(),
        body: String::new(),
        post_language: user.language.clone(),
    };
    render(StatusCode::OK, &page)
}

#[derive(Deserialize)]
pub struct ReplyForm {
    #[serde(default)]
    body: String,
    language: Option<String>,
}

pub async fn reply_submit(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
    mut upload: UploadForm,
) -> Result<Response, WebError> {
    let parent_id = parse_post_id(&id)?;
    let form: ReplyForm = match upload.parse().await {
        Ok(form) => form,
        Err(response) => return Ok(response),
    };
    let replied = async {
        let media_ids = upload_post_images(&state.ctx, &user, &mut upload).await?;
        let input = NewReply {
            body: form.body.clone(),
            language: form.language.clone(),
            content_warning: None,
            media_ids,
            ..Default::default()
        };
        posts::reply(&state.ctx, &user, parent_id, input).await
    };
    match replied.await {
        Ok(reply_id) => {
            let reply = posts::get_post(&state.ctx, reply_id, Some(&user)).await?;
            Ok(Redirect::to(&uris::post_in_thread_path(reply.root_id, reply.id)).into_response())
        }
        Err(ServiceError::Invalid(errors)) => {
            let parent = posts::get_post(&state.ctx, parent_id, Some(&user)).await?;
            let errors = FormState::new(&errors, &chrome.t);
            let page = ReplyPage {
                chrome,
                parent: PostView::from(&parent),
                form: errors,
                body: form.body,
                post_language: form.language.unwrap_or_else(|| user.language.clone()),
            };
            render(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let post = posts::get_post(&state.ctx, parse_post_id(&id)?, Some(&user)).await?;
    if !post.viewer_can_edit {
        return Err(ServiceError::Forbidden.into());
    }
    let page = EditPostPage {
        chrome,
        is_opener: post.is_thread_opener(),
        title: post.title.clone().unwrap_or_default(),
        body: post.source.clone().unwrap_or_default(),
        post: PostView::from(&post),
        form: FormState::default(),
    };
    render(StatusCode::OK, &page)
}

#[derive(Deserialize)]
pub struct EditForm {
    title: Option<String>,
    #[serde(default)]
    body: String,
}

pub async fn edit_submit(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
    Form(form): Form<EditForm>,
) -> Result<Response, WebError> {
    let id = parse_post_id(&id)?;
    let input = PostEdit { title: form.title.clone(), body: form.body.clone(), ..PostEdit::default() };
    match posts::edit_post(&state.ctx, &user, id, input).await {
        Ok(()) => {
            let post = posts::get_post(&state.ctx, id, Some(&user)).await?;
            Ok(Redirect::to(&uris::post_in_thread_path(post.root_id, post.id)).into_response())
        }
        Err(ServiceError::Invalid(errors)) => {
            let post = posts::get_post(&state.ctx, id, Some(&user)).await?;
            let errors = FormState::new(&errors, &chrome.t);
            let page = EditPostPage {
                chrome,
                is_opener: post.is_thread_opener(),
                post: PostView::from(&post),
                form: errors,
                title: form.title.unwrap_or_default(),
                body: form.body,
            };
            render(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn delete(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let root = posts::delete_post(&state.ctx, &user, parse_post_id(&id)?).await?;
    let thread = posts::get_post(&state.ctx, root, Some(&user)).await?;
    let target = match thread.group {
        Some(group) if thread.deleted && thread.reply_count == 0 => uris::group_path(&group.handle()),
        _ => uris::thread_path(root),
    };
    Ok(Redirect::to(&target).into_response())
}

pub async fn like(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = parse_post_id(&id)?;
    let root = posts::like_post(&state.ctx, &user, id).await?;
    Ok(Redirect::to(&uris::post_in_thread_path(root, id)).into_response())
}

pub async fn unlike(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = parse_post_id(&id)?;
    let root = posts::unlike_post(&state.ctx, &user, id).await?;
    Ok(Redirect::to(&uris::post_in_thread_path(root, id)).into_response())
}
