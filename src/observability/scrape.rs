//! `GET /metrics`: the OpenMetrics text, for a scraper that sends `Authorization: Bearer
//! <metrics.token>`. Without a configured token the route answers 404, as if it did not exist.

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::service::readiness;
use crate::state::AppState;
use crate::web::i18n::negotiate::PageLanguage;

const OPENMETRICS_CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

pub async fn metrics(State(state): State<AppState>, language: PageLanguage, headers: HeaderMap) -> Response {
    let Some(token) = state.config.metrics.token() else {
        // The same page as any unknown path: nothing tells that metrics exist.
        return crate::web::error::not_found(language).await;
    };
    if !bearer_matches(&headers, token) {
        let mut response = (StatusCode::UNAUTHORIZED, "a bearer token is required\n").into_response();
        response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        return response;
    }
    let figures = readiness::scrape_figures(&state.ctx).await;
    match state.metrics.encode(figures) {
        Ok(text) => ([(header::CONTENT_TYPE, OPENMETRICS_CONTENT_TYPE)], text).into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// Whether the request carries `Authorization: Bearer <token>`, compared in constant time.
fn bearer_matches(headers: &HeaderMap, token: &str) -> bool {
    let Some(given) = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
    else {
        return false;
    };
    let (given, token) = (given.trim().as_bytes(), token.as_bytes());
    given.len() == token.len() && given.iter().zip(token).fold(0u8, |diff, (a, b)| diff | (a ^ b)) == 0
}
