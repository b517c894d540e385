//! Quoting a post from the web (the quote is a post of one's own, or a new thread when the
//! text mentions a group), and the author's list of approved quotes with "withdraw".

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::posts::parse_post_id;
use crate::domain::interaction::QuotePolicy;
use crate::federation::uris;
use crate::service::statuses::{self, NewStatus};
use crate::service::{ServiceError, posts, quotes};
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::pages::{QuotePage, QuotesPage, StampView, render};
use crate::web::session::RequireUser;
use crate::web::view::{Chrome, FormState, PostView};

pub async fn quote_form(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let quoted = posts::get_post(&state.ctx, parse_post_id(&id)?, Some(&user)).await?;
    let policy = quotes::quote_default(&state.ctx, &user).await?;
    let page = QuotePage {
        chrome,
        quoted: PostView::from(&quoted),
        form: FormState::default(),
        body: String::new(),
        post_language: user.language.clone(),
        quote_policy: policy.as_str(),
    };
    render(StatusCode::OK, &page)
}

#[derive(Deserialize)]
pub struct QuoteForm {
    #[serde(default)]
    body: String,
    language: Option<String>,
    quote_policy: Option<String>,
}

pub async fn quote_submit(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
    Form(form): Form<QuoteForm>,
) -> Result<Response, WebError> {
    let quoted_id = parse_post_id(&id)?;
    let quote_policy = form.quote_policy.as_deref().and_then(QuotePolicy::parse);
    let input = NewStatus {
        text: form.body.clone(),
        language: form.language.clone(),
        quoted_status_id: Some(quoted_id.0),
        quote_policy,
        ..Default::default()
    };
    match statuses::post_status(&state.ctx, &user, state.uris.host(), input).await {
        Ok(post_id) => {
            state.wake_delivery.notify_one();
            let post = posts::get_post(&state.ctx, post_id, Some(&user)).await?;
            Ok(Redirect::to(&uris::post_in_thread_path(post.root_id, post.id)).into_response())
        }
        Err(ServiceError::Invalid(errors)) => {
            let quoted = posts::get_post(&state.ctx, quoted_id, Some(&user)).await?;
            let page = QuotePage {
                form: FormState::new(&errors, &chrome.t),
                chrome,
                quoted: PostView::from(&quoted),
                body: form.body,
                post_language: form.language.unwrap_or_else(|| user.language.clone()),
                quote_policy: quote_policy.unwrap_or(QuotePolicy::Public).as_str(),
            };
            render(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other.into()),
    }
}

/// The approved quotes of one's own post, each with "withdraw".
pub async fn list(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let post = posts::get_post(&state.ctx, parse_post_id(&id)?, Some(&user)).await?;
    if !post.viewer_is_author {
        return Err(WebError::NotFound);
    }
    let stamps = quotes::list_stamps(&state.ctx, &user, post.id).await?;
    let page = QuotesPage {
        chrome,
        post: PostView::from(&post),
        stamps: stamps.into_iter().map(|s| StampView { id: s.id, quoting_url: s.quoting_ap_id }).collect(),
    };
    render(StatusCode::OK, &page)
}

pub async fn revoke(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path((id, stamp)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let post = parse_post_id(&id)?;
    let stamp = stamp.parse::<i64>().map_err(|_| WebError::NotFound)?;
    quotes::revoke(&state.ctx, &user, post, stamp).await?;
    state.wake_delivery.notify_one();
    Ok(Redirect::to(&format!("/p/{}/quotes", post.0)).into_response())
}
