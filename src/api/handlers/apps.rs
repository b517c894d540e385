//! `POST /api/v1/apps` and `GET /api/v1/apps/verify_credentials`.

use axum::Json;
use axum::extract::State;
use serde::Deserialize;

use crate::api::auth::Auth;
use crate::api::error::ApiError;
use crate::api::model::Application;
use crate::api::params::{Params, lenient};
use crate::service::oauth::{self, AppRegistration};
use crate::state::AppState;

#[derive(Debug, Deserialize)]
pub struct NewAppParams {
    #[serde(default)]
    client_name: String,
    #[serde(default, deserialize_with = "lenient::list")]
    redirect_uris: Vec<String>,
    #[serde(default)]
    scopes: String,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    website: Option<String>,
}

pub async fn create(
    State(state): State<AppState>,
    Params(params): Params<NewAppParams>,
) -> Result<Json<Application>, ApiError> {
    let app = oauth::register_app(
        &state.ctx,
        AppRegistration {
            name: params.client_name,
            website: params.website,
            redirect_uris: params.redirect_uris,
            scopes: params.scopes,
        },
    )
    .await?;
    Ok(Json(Application::new(&app, true)))
}

pub async fn verify_credentials(
    State(state): State<AppState>,
    auth: Auth,
) -> Result<Json<Application>, ApiError> {
    let grant = auth.grant()?;
    let app = oauth::get_app(&state.ctx, grant.app_id).await?;
    Ok(Json(Application::new(&app, false)))
}
