//! Server-rendered HTML. Handlers parse a form or path, call one service function and render a
//! page struct from [`pages`], filled with view structs from [`view`].

pub mod csrf;
pub mod error;
pub mod handlers;
pub mod pages;
pub mod rate_limit;
pub mod session;
pub mod view;

use std::time::Duration;

use axum::Router;
use axum::middleware;
use axum::routing::{get, post};
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::federation::discovery;
use crate::state::AppState;
use handlers::{assets, auth, groups, home, posts, settings, threads, users};

pub fn router(state: AppState) -> Router {
    let auth_limited = Router::new()
        .route("/login", post(auth::login_submit))
        .route("/register", post(auth::register_submit))
        .route_layer(middleware::from_fn_with_state(state.clone(), rate_limit::limit_auth_attempts));

    let pages = Router::new()
        .route("/", get(home::home))
        .route("/groups", get(groups::directory).post(groups::create_submit))
        .route("/groups/new", get(groups::create_form))
        .route("/g/{name}", get(groups::show))
        .route("/g/{name}/follow", post(groups::follow))
        .route("/g/{name}/unfollow", post(groups::unfollow))
        .route("/g/{name}/threads/new", get(threads::create_form))
        .route("/g/{name}/threads", post(threads::create_submit))
        .route("/t/{id}", get(threads::show))
        .route("/p/{id}", get(posts::show))
        .route("/p/{id}/reply", get(posts::reply_form).post(posts::reply_submit))
        .route("/p/{id}/edit", get(posts::edit_form).post(posts::edit_submit))
        .route("/p/{id}/delete", post(posts::delete))
        .route("/p/{id}/like", post(posts::like))
        .route("/p/{id}/unlike", post(posts::unlike))
        .route("/u/{name}", get(users::show))
        .route("/login", get(auth::login_form))
        .route("/register", get(auth::register_form))
        .route("/logout", post(auth::logout))
        .route("/settings/profile", get(settings::profile_form).post(settings::profile_submit))
        .merge(auth_limited)
        .layer(middleware::from_fn_with_state(state.clone(), csrf::protect_forms));

    let timeout = Duration::from_secs(state.config.limits.request_timeout_seconds);
    Router::new()
        .merge(pages)
        .route("/static/style.css", get(assets::stylesheet))
        .route("/healthz", get(assets::health))
        .route("/.well-known/webfinger", get(discovery::webfinger))
        .route("/.well-known/nodeinfo", get(discovery::nodeinfo_links))
        .route("/.well-known/host-meta", get(discovery::host_meta))
        .route("/.well-known/host-meta.json", get(discovery::host_meta_json))
        .route("/nodeinfo/2.0", get(discovery::nodeinfo_20))
        .route("/nodeinfo/2.1", get(discovery::nodeinfo_21))
        .fallback(error::not_found)
        .layer(SetResponseHeaderLayer::if_not_present(
            axum::http::header::X_CONTENT_TYPE_OPTIONS,
            axum::http::HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            axum::http::header::X_FRAME_OPTIONS,
            axum::http::HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            axum::http::header::CONTENT_SECURITY_POLICY,
            axum::http::HeaderValue::from_static(
                "default-src 'self'; img-src 'self' https: data:; style-src 'self'; script-src 'none'; frame-ancestors 'none'; form-action 'self'",
            ),
        ))
        .layer(CompressionLayer::new())
        .layer(RequestBodyLimitLayer::new(state.config.limits.body_bytes))
        .layer(TimeoutLayer::with_status_code(axum::http::StatusCode::REQUEST_TIMEOUT, timeout))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
