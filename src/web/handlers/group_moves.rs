//! `/g/{name}/moving`: a moderator names the group's aliases elsewhere and moves the group to
//! a group on another instance (issue 15, "Moving"; the page is shared with accounts,
//! `web::moving_pages`).

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::Response;

use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::moving_pages::{self, AliasesForm, MoveForm, Mover, SavedQuery};
use crate::web::session::RequireUser;
use crate::web::view::Chrome;

pub async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(name): Path<String>,
    Query(query): Query<SavedQuery>,
) -> Result<Response, WebError> {
    moving_pages::show(&state, chrome, Mover::Group { user: &user, name: &name }, query).await
}

pub async fn set_aliases(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(name): Path<String>,
    Form(form): Form<AliasesForm>,
) -> Result<Response, WebError> {
    moving_pages::set_aliases(&state, chrome, Mover::Group { user: &user, name: &name }, form).await
}

pub async fn start_move(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(name): Path<String>,
    Form(form): Form<MoveForm>,
) -> Result<Response, WebError> {
    moving_pages::start_move(&state, chrome, Mover::Group { user: &user, name: &name }, form).await
}
