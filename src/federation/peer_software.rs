//! Which software a peer runs, from its NodeInfo, for the admin's federation page.
//!
//! `/.well-known/nodeinfo` lists the NodeInfo documents; the newest 2.x one on the same host is
//! read and its `software.name` and `software.version` stored. Asked at most once a day per
//! peer (see `federation_health::claim_software_check`), in the background after the peer
//! sent us something, through the federation client (so only allowed addresses are reached).

use serde_json::Value;
use url::Url;

use super::http::FetchError;
use crate::service::federation_health;
use crate::state::AppState;

/// NodeInfo documents are small; a larger answer is not one.
const MAX_NODEINFO_BYTES: usize = 64 * 1024;

const JSON: &str = "application/json";

/// The schemas read, newest first.
const SCHEMAS: [&str; 4] = [
    "http://nodeinfo.diaspora.software/ns/schema/2.2",
    "http://nodeinfo.diaspora.software/ns/schema/2.1",
    "http://nodeinfo.diaspora.software/ns/schema/2.0",
    "http://nodeinfo.diaspora.software/ns/schema/1.1",
];

/// Asks `host` for its software in the background when its last check is a day old or more.
/// Errors are logged; they never fail the request that triggered the check.
pub async fn refresh_if_due(state: &AppState, host: &str) {
    match federation_health::claim_software_check(&state.ctx, host).await {
        Ok(true) => {
            let state = state.clone();
            let host = host.to_owned();
            tokio::spawn(async move {
                if let Err(error) = refresh(&state, &host).await {
                    tracing::debug!(%host, %error, "the peer's NodeInfo could not be read");
                }
            });
        }
        Ok(false) => {}
        Err(error) => tracing::warn!(%host, %error, "cannot check when the peer's NodeInfo was read"),
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SoftwareError {
    #[error(transparent)]
    Fetch(#[from] FetchError),
    #[error("{0}")]
    Invalid(&'static str),
    #[error(transparent)]
    Store(#[from] crate::service::ServiceError),
}

/// Reads the peer's NodeInfo now and stores its software.
pub async fn refresh(state: &AppState, host: &str) -> Result<(), SoftwareError> {
    let scheme = if state.http.insecure { "http" } else { "https" };
    let index = Url::parse(&format!("{scheme}://{host}/.well-known/nodeinfo"))
        .map_err(|_| SoftwareError::Invalid("not a host name"))?;
    let links = state.http.fetch_small_json(&index, JSON, MAX_NODEINFO_BYTES).await?;
    let href = document_link(&links).ok_or(SoftwareError::Invalid("no NodeInfo 2.x link"))?;
    let document_url = Url::parse(href).map_err(|_| SoftwareError::Invalid("the NodeInfo link is no URL"))?;
    if document_url.host_str() != index.host_str()
        || document_url.port_or_known_default() != index.port_or_known_default()
    {
        return Err(SoftwareError::Invalid("the NodeInfo link points to another host"));
    }
    let document = state.http.fetch_small_json(&document_url, JSON, MAX_NODEINFO_BYTES).await?;
    let (name, version) = software(&document).ok_or(SoftwareError::Invalid("no software name"))?;
    federation_health::store_software(&state.ctx, host, name, version).await?;
    Ok(())
}

/// The `href` of the newest NodeInfo document the index lists.
fn document_link(index: &Value) -> Option<&str> {
    let links = index.get("links")?.as_array()?;
    SCHEMAS.iter().find_map(|schema| {
        links.iter().find_map(|link| {
            (link.get("rel")?.as_str()?.trim_end_matches('#') == *schema)
                .then(|| link.get("href")?.as_str())
                .flatten()
        })
    })
}

/// `software.name` and `software.version` of a NodeInfo document.
fn software(document: &Value) -> Option<(&str, Option<&str>)> {
    let software = document.get("software")?;
    let name = software.get("name")?.as_str()?;
    Some((name, software.get("version").and_then(Value::as_str)))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::{document_link, software};

    #[test]
    fn the_newest_listed_document_is_read() {
        let index = json!({"links": [
            {"rel": "http://nodeinfo.diaspora.software/ns/schema/2.0", "href": "https://a.example/nodeinfo/2.0"},
            {"rel": "http://nodeinfo.diaspora.software/ns/schema/2.1", "href": "https://a.example/nodeinfo/2.1"},
            {"rel": "https://www.w3.org/ns/activitystreams#Application", "href": "https://a.example/actor"},
        ]});
        assert_eq!(document_link(&index), Some("https://a.example/nodeinfo/2.1"));
        assert_eq!(document_link(&json!({"links": "nope"})), None);
    }

    #[test]
    fn software_needs_a_name() {
        let document = json!({"software": {"name": "mastodon", "version": "4.3.2"}});
        assert_eq!(software(&document), Some(("mastodon", Some("4.3.2"))));
        assert_eq!(software(&json!({"software": {"version": "1"}})), None);
    }
}
