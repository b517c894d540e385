//! The admin's federation settings: block and allow peers, open or allowlist-only federation.
//! The page itself is `federation_health`.

use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::service::peers;
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::session::RequireUser;

#[derive(Deserialize)]
pub struct PolicyForm {
    #[serde(default)]
    host: String,
    #[serde(default)]
    policy: String,
    /// Shown on `/about` next to a blocked host.
    #[serde(default)]
    public_reason: String,
}

pub async fn set_policy(
    State(state): State<AppState>,
    RequireUser(admin): RequireUser,
    Form(form): Form<PolicyForm>,
) -> Result<Response, WebError> {
    peers::set_policy(&state.ctx, &admin, &form.host, &form.policy, &form.public_reason).await?;
    Ok(Redirect::to("/admin/federation").into_response())
}

#[derive(Deserialize)]
pub struct ModeForm {
    #[serde(default)]
    mode: String,
}

/// `POST /admin/federation/mode`: `open` (everyone not blocked) or `allowlist` (allowed peers only).
pub async fn set_mode(
    State(state): State<AppState>,
    RequireUser(admin): RequireUser,
    Form(form): Form<ModeForm>,
) -> Result<Response, WebError> {
    let allowlist_only = match form.mode.as_str() {
        "allowlist" => true,
        "open" => false,
        _ => {
            return Err(crate::service::ServiceError::from(crate::domain::FieldError::new(
                "mode",
                "must be open or allowlist",
            ))
            .into());
        }
    };
    peers::set_allowlist_only(&state.ctx, &admin, allowlist_only).await?;
    Ok(Redirect::to("/admin/federation").into_response())
}
