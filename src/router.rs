//! The whole HTTP surface: pages, federation, and the layers every request passes.

use std::time::Duration;

use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware;
use tower::Layer;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::normalize_path::NormalizePathLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::state::AppState;
use crate::{api, federation, observability, web};

const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; img-src 'self' https: data:; style-src 'self'; \
     script-src 'none'; frame-ancestors 'none'; form-action 'self'";

pub fn app(state: AppState) -> Router {
    let timeout = Duration::from_secs(state.config.limits.request_timeout_seconds);
    let body_limited = Router::new()
        .merge(web::pages(&state))
        .merge(federation::routes(&state))
        .merge(api::routes(&state))
        // Around the negotiation of pages and ActivityPub JSON, so it sees both.
        .layer(middleware::from_fn_with_state(state.clone(), web::page_cache::serve))
        .layer(RequestBodyLimitLayer::new(state.config.limits.body_bytes));
    let app = Router::new()
        .merge(body_limited)
        .merge(api::upload_routes(&state))
        .merge(web::upload_pages(&state))
        .merge(observability::routes())
        .fallback(web::error::not_found)
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        ))
        .layer(CompressionLayer::new())
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, timeout))
        .layer(TraceLayer::new_for_http().make_span_with(observability::logging::request_span))
        // Around everything above, so timeouts (408) count too; inside the routing, so the
        // matched route template is known.
        .layer(middleware::from_fn_with_state(state.clone(), observability::http_metrics::count))
        .with_state(state);
    // `/api/v1/instance/` and `/api/v1/instance` are the same: some apps add the slash.
    Router::new()
        .fallback_service(NormalizePathLayer::trim_trailing_slash().layer(app))
        // Outermost: every answer, whatever produced it, carries the request's id.
        .layer(middleware::from_fn(observability::request_id::assign))
}
