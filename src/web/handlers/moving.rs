//! `/settings/moving`: the member names their accounts elsewhere (aliases) and moves this
//! account to one of them (the page is shared with groups, `web::moving_pages`).

use axum::Form;
use axum::extract::{Query, State};
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
    Query(query): Query<SavedQuery>,
) -> Result<Response, WebError> {
    moving_pages::show(&state, chrome, Mover::Account(&user), query).await
}

pub async fn set_aliases(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Form(form): Form<AliasesForm>,
) -> Result<Response, WebError> {
    moving_pages::set_aliases(&state, chrome, Mover::Account(&user), form).await
}

pub async fn start_move(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Form(form): Form<MoveForm>,
) -> Result<Response, WebError> {
    moving_pages::start_move(&state, chrome, Mover::Account(&user), form).await
}
