//! WebFinger (RFC 7033), NodeInfo 2.0/2.1 and host-meta (RFC 6415): how other servers and
//! clients find this instance's people and groups. All answers allow any origin (CORS).

use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

use super::error::FederationError;
use crate::service::instance_info::{self, LocalActorKind};
use crate::state::AppState;

pub const ACTIVITY_JSON: &str = "application/activity+json";
const JRD_JSON: &str = "application/jrd+json";
const NODEINFO_20: &str = "http://nodeinfo.diaspora.software/ns/schema/2.0";
const NODEINFO_21: &str = "http://nodeinfo.diaspora.software/ns/schema/2.1";

#[derive(Deserialize)]
pub struct WebfingerQuery {
    resource: Option<String>,
}

pub async fn webfinger(
    State(state): State<AppState>,
    Query(query): Query<WebfingerQuery>,
) -> Result<Response, FederationError> {
    let resource = query.resource.ok_or(FederationError::BadRequest("the resource parameter is required"))?;
    let name =
        super::webfinger::local_name_of(&resource, state.uris.host()).ok_or(FederationError::NotFound)?;
    let kind = instance_info::find_local_actor(&state.ctx, &name).await?.ok_or(FederationError::NotFound)?;
    let uris = &state.uris;
    let (actor_url, profile_url) = match kind {
        LocalActorKind::Person => (uris.user(&name), Some(uris.user(&name))),
        LocalActorKind::Group => (uris.group(&name), Some(uris.group(&name))),
        LocalActorKind::Application => (uris.instance_actor(), None),
    };
    let mut links = vec![json!({"rel": "self", "type": ACTIVITY_JSON, "href": actor_url})];
    if let Some(profile) = &profile_url {
        links.push(
            json!({"rel": "http://webfinger.net/rel/profile-page", "type": "text/html", "href": profile}),
        );
    }
    let mut body = json!({
        "subject": format!("acct:{name}@{}", uris.host()),
        "aliases": [actor_url],
        "links": links,
    });
    if kind == LocalActorKind::Group {
        body["properties"] = json!({"https://www.w3.org/ns/activitystreams#type": "Group"});
    }
    Ok(with_cors(JRD_JSON, body.to_string()))
}

/// `/.well-known/nodeinfo`: where the NodeInfo documents and the instance actor (FEP-2677) are.
pub async fn nodeinfo_links(State(state): State<AppState>) -> Response {
    let body = json!({
        "links": [
            {"rel": NODEINFO_20, "href": state.uris.nodeinfo("2.0")},
            {"rel": NODEINFO_21, "href": state.uris.nodeinfo("2.1")},
            {"rel": "https://www.w3.org/ns/activitystreams#Application", "href": state.uris.instance_actor()},
        ]
    });
    with_cors("application/json", body.to_string())
}

pub async fn nodeinfo_20(State(state): State<AppState>) -> Result<Response, FederationError> {
    nodeinfo(&state, "2.0").await
}

pub async fn nodeinfo_21(State(state): State<AppState>) -> Result<Response, FederationError> {
    nodeinfo(&state, "2.1").await
}

async fn nodeinfo(state: &AppState, version: &str) -> Result<Response, FederationError> {
    let usage = instance_info::get_usage(&state.ctx).await?;
    let mut software = json!({"name": "allmende", "version": env!("CARGO_PKG_VERSION")});
    if version == "2.1" {
        software["homepage"] = json!(state.uris.base());
    }
    let body = json!({
        "version": version,
        "software": software,
        "protocols": ["activitypub"],
        "services": {"inbound": [], "outbound": []},
        "openRegistrations": state.config.registration.effective_mode().anyone_may_apply(),
        "usage": {
            "users": {
                "total": usage.users,
                "activeMonth": usage.active_month,
                "activeHalfyear": usage.active_halfyear,
            },
            "localPosts": usage.local_posts,
        },
        "metadata": {
            "nodeName": state.config.instance.name,
            "nodeDescription": state.config.instance.description,
        },
    });
    let content_type =
        format!("application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/{version}#\"");
    Ok(with_cors(&content_type, body.to_string()))
}

/// `/.well-known/host-meta` (XRD), pointing at WebFinger for older software.
pub async fn host_meta(State(state): State<AppState>) -> Response {
    let template = escape_xml(&state.uris.webfinger_template());
    let body = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <XRD xmlns=\"http://docs.oasis-open.org/ns/xri/xrd-1.0\">\n  \
         <Link rel=\"lrdd\" type=\"application/jrd+json\" template=\"{template}\"/>\n</XRD>\n"
    );
    with_cors("application/xrd+xml; charset=utf-8", body)
}

/// `/.well-known/host-meta.json`, the JSON form of host-meta.
pub async fn host_meta_json(State(state): State<AppState>) -> Response {
    let body =
        json!({"links": [{"rel": "lrdd", "type": JRD_JSON, "template": state.uris.webfinger_template()}]});
    with_cors(JRD_JSON, body.to_string())
}

fn with_cors(content_type: &str, body: String) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(content_type) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    response
}

fn escape_xml(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}
