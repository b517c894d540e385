//! ActivityPub and discovery. `uris` builds every local URL; `discovery` answers WebFinger,
//! NodeInfo and host-meta; `serve` answers our objects as JSON; `inbox` takes activities in;
//! `delivery` sends them out through the persisted queue.

pub mod account_moves;
pub mod activities;
pub mod address;
pub mod backfill;
pub mod delivery;
pub mod discovery;
pub mod error;
pub mod event_backfill;
pub mod event_objects;
pub mod group_moves;
pub mod guarded_dns;
pub mod http;
pub mod inbound_checks;
pub mod inbox;
pub mod key_owner;
pub mod moderators;
pub mod objects;
pub mod organisation_objects;
pub mod outbound;
pub mod partners;
pub mod peer_software;
pub mod project_document;
pub mod protocol;
pub mod rate_limit;
pub mod resolve;
pub mod retry_budget;
pub mod serve;
pub mod signatures;
pub mod signed_fetch;
pub mod signing;
pub mod thread_backfill;
pub mod thread_collections;
pub mod uris;
pub mod verify;
pub mod webfinger;

use axum::Router;
use axum::middleware;
use axum::routing::{get, post};

use crate::state::AppState;

/// Routes that only speak ActivityPub and discovery. Collections are guarded by
/// [`signed_fetch`]; the instance actor and discovery are always public.
pub fn routes(state: &AppState) -> Router<AppState> {
    let collections = Router::new()
        .route("/t/{id}/context", get(thread_collections::thread_context))
        .route("/t/{id}/replies", get(thread_collections::opener_replies))
        .route("/p/{id}/replies", get(thread_collections::post_replies))
        .route("/u/{name}/followers", get(serve::followers))
        .route("/g/{name}/followers", get(serve::followers))
        .route("/u/{name}/outbox", get(serve::outbox))
        .route("/g/{name}/outbox", get(serve::outbox))
        .route("/g/{name}/moderators", get(serve::moderators))
        .route("/g/{name}/featured", get(serve::featured))
        .route("/quote-authorizations/{id}", get(serve::quote_authorization))
        .route_layer(middleware::from_fn_with_state(state.clone(), signed_fetch::guard));
    Router::new()
        .route("/.well-known/webfinger", get(discovery::webfinger))
        .route("/.well-known/nodeinfo", get(discovery::nodeinfo_links))
        .route("/.well-known/host-meta", get(discovery::host_meta))
        .route("/.well-known/host-meta.json", get(discovery::host_meta_json))
        .route("/nodeinfo/2.0", get(discovery::nodeinfo_20))
        .route("/nodeinfo/2.1", get(discovery::nodeinfo_21))
        .route("/actor", get(serve::instance_actor))
        .merge(collections)
        .route("/inbox", post(inbox::receive))
        .route("/u/{name}/inbox", post(inbox::receive))
        .route("/g/{name}/inbox", post(inbox::receive))
        .route("/actor/inbox", post(inbox::receive))
}
