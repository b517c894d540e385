//! Timeline paging as Mastodon does it: `max_id`, `since_id`, `min_id`, `limit`, and a `Link`
//! header with absolute URLs (`next` first, then `prev`).

use axum::Json;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::params::lenient;
use crate::db::statuses::Window;
use crate::federation::uris::Uris;

#[derive(Debug, Clone, Default, Deserialize)]
pub struct PageParams {
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    pub max_id: Option<i64>,
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    pub since_id: Option<i64>,
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    pub min_id: Option<i64>,
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    pub limit: Option<i64>,
}

impl PageParams {
    /// The window, with `limit` clamped to 1..=`max` (default `default`).
    pub fn window(&self, default: i64, max: i64) -> Window {
        Window {
            max_id: self.max_id,
            since_id: self.since_id,
            min_id: self.min_id,
            limit: self.limit.unwrap_or(default).clamp(1, max),
        }
    }
}

/// A JSON list with its `Link` header.
pub struct PagedJson<T> {
    pub items: Vec<T>,
    pub link: Option<String>,
}

impl<T: Serialize> IntoResponse for PagedJson<T> {
    fn into_response(self) -> Response {
        let mut response = Json(self.items).into_response();
        if let Some(value) = self.link.and_then(|l| HeaderValue::from_str(&l).ok()) {
            response.headers_mut().insert(header::LINK, value);
        }
        response
    }
}

/// The `Link` header of a page whose items run from `newest` to `oldest` id; `extra` keeps the
/// request's other parameters (e.g. `local=true`). None for an empty page.
pub fn link_header(
    uris: &Uris,
    path: &str,
    extra: &[(&str, String)],
    newest: Option<i64>,
    oldest: Option<i64>,
    limit: i64,
) -> Option<String> {
    let (newest, oldest) = (newest?, oldest?);
    let url = |key: &str, id: i64| {
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (name, value) in extra {
            query.append_pair(name, value);
        }
        query.append_pair("limit", &limit.to_string());
        query.append_pair(key, &id.to_string());
        format!("<{}?{}>", uris.absolute(path), query.finish())
    };
    Some(format!("{}; rel=\"next\", {}; rel=\"prev\"", url("max_id", oldest), url("min_id", newest)))
}
