//! The Mastodon client API and the OAuth 2 server, so members can use the forum from the
//! Mastodon apps they already have. Mastodon JSON is built only in [`model`].

pub mod auth;
pub mod error;
pub mod handlers;
pub mod model;
pub mod paging;
pub mod params;

use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, Method, header};
use axum::middleware;
use axum::routing::{any, delete, get, patch, post};
use tower_http::cors::{Any, CorsLayer};

use crate::state::AppState;
use handlers::{
    accounts, admin_accounts, apps, blocks, discovery, instance, lists, media, notifications, oauth, polls,
    reports, search, statuses, streaming, tags, timelines,
};

/// Every client API route; paths work with and without a trailing slash (see `router`).
pub fn routes(state: &AppState) -> Router<AppState> {
    let api = Router::new()
        .route("/api/v1/apps", post(apps::create))
        .route("/api/v1/apps/verify_credentials", get(apps::verify_credentials))
        .route("/api/v1/instance", get(instance::v1))
        .route("/api/v2/instance", get(instance::v2))
        .route("/api/v1/instance/rules", get(instance::empty_list))
        .route("/api/v1/instance/domain_blocks", get(admin_accounts::public_domain_blocks))
        .route("/api/v1/admin/accounts", get(admin_accounts::index))
        .route("/api/v2/admin/accounts", get(admin_accounts::index))
        .route("/api/v1/admin/accounts/{id}", get(admin_accounts::show).delete(admin_accounts::delete))
        .route("/api/v1/admin/accounts/{id}/action", post(admin_accounts::action))
        .route("/api/v1/admin/accounts/{id}/unsuspend", post(admin_accounts::unsuspend))
        .route("/api/v1/admin/accounts/{id}/unsilence", post(admin_accounts::unsilence))
        .route(
            "/api/v1/admin/domain_blocks",
            get(admin_accounts::domain_blocks).post(admin_accounts::create_domain_block),
        )
        .route(
            "/api/v1/admin/domain_blocks/{id}",
            get(admin_accounts::domain_block).delete(admin_accounts::delete_domain_block),
        )
        .route("/api/v1/instance/peers", get(discovery::peers))
        .route("/api/v1/instance/activity", get(discovery::activity))
        .route("/api/v1/custom_emojis", get(instance::empty_list))
        .route("/api/v1/announcements", get(instance::empty_list))
        .route("/api/v1/trends", get(discovery::trending_tags))
        .route("/api/v1/trends/tags", get(discovery::trending_tags))
        .route("/api/v1/trends/statuses", get(instance::empty_list))
        .route("/api/v1/trends/links", get(instance::empty_list))
        .route("/api/v1/directory", get(discovery::directory))
        .route("/api/v1/preferences", get(instance::preferences))
        .route("/api/v1/filters", get(instance::empty_private_list))
        .route("/api/v2/filters", get(instance::empty_private_list))
        .route("/api/v1/follow_requests", get(instance::empty_private_list))
        .route("/api/v1/blocks", get(blocks::blocked))
        .route("/api/v1/mutes", get(blocks::muted))
        .route("/api/v1/bookmarks", get(statuses::bookmarks))
        .route(
            "/api/v1/domain_blocks",
            get(blocks::domains).post(blocks::block_domain).delete(blocks::unblock_domain),
        )
        .route("/api/v1/followed_tags", get(instance::empty_private_list))
        .route("/api/v1/conversations", get(instance::empty_private_list))
        .route("/api/v1/scheduled_statuses", get(instance::empty_private_list))
        .route("/api/v1/endorsements", get(instance::empty_private_list))
        .route("/api/v1/accounts/verify_credentials", get(accounts::verify_credentials))
        .route("/api/v1/profile/avatar", delete(accounts::delete_avatar))
        .route("/api/v1/profile/header", delete(accounts::delete_header))
        .route("/api/v1/accounts/relationships", get(accounts::relationships))
        .route("/api/v1/accounts/lookup", get(accounts::lookup))
        .route("/api/v1/accounts/search", get(accounts::search))
        .route("/api/v1/accounts/{id}", get(accounts::show))
        .route("/api/v1/accounts/{id}/statuses", get(accounts::statuses))
        .route("/api/v1/accounts/{id}/followers", get(accounts::followers))
        .route("/api/v1/accounts/{id}/following", get(accounts::following))
        .route("/api/v1/accounts/{id}/follow", post(accounts::follow))
        .route("/api/v1/accounts/{id}/unfollow", post(accounts::unfollow))
        .route("/api/v1/accounts/{id}/block", post(blocks::block))
        .route("/api/v1/accounts/{id}/unblock", post(blocks::unblock))
        .route("/api/v1/accounts/{id}/mute", post(blocks::mute))
        .route("/api/v1/accounts/{id}/unmute", post(blocks::unmute))
        .route("/api/v1/accounts/{id}/lists", get(instance::empty_private_list))
        .route("/api/v1/accounts/{id}/featured_tags", get(instance::empty_list))
        .route("/api/v1/favourites", get(accounts::favourites))
        .route("/api/v1/statuses", post(statuses::create).get(statuses::show_many))
        .route("/api/v1/statuses/{id}", get(statuses::show).delete(statuses::delete).put(statuses::edit))
        .route("/api/v1/statuses/{id}/context", get(statuses::context))
        .route("/api/v1/polls/{id}", get(polls::show))
        .route("/api/v1/polls/{id}/votes", post(polls::vote))
        .route("/api/v1/statuses/{id}/source", get(statuses::source))
        .route("/api/v1/statuses/{id}/history", get(statuses::history))
        .route("/api/v1/statuses/{id}/favourite", post(statuses::favourite))
        .route("/api/v1/statuses/{id}/unfavourite", post(statuses::unfavourite))
        .route("/api/v1/statuses/{id}/favourited_by", get(statuses::favourited_by))
        .route("/api/v1/statuses/{id}/reblogged_by", get(statuses::reblogged_by))
        .route("/api/v1/statuses/{id}/reblog", post(statuses::reblog))
        .route("/api/v1/statuses/{id}/unreblog", post(statuses::unreblog))
        .route("/api/v1/statuses/{id}/bookmark", post(statuses::bookmark))
        .route("/api/v1/statuses/{id}/unbookmark", post(statuses::unbookmark))
        .route("/api/v1/statuses/{id}/quotes/{quoting}/revoke", post(statuses::revoke_quote))
        .route("/api/v1/timelines/home", get(timelines::home))
        .route("/api/v1/timelines/public", get(timelines::public))
        .route("/api/v1/timelines/tag/{hashtag}", get(timelines::tag))
        .route("/api/v1/tags/{name}", get(tags::show))
        .route("/api/v1/timelines/list/{id}", get(lists::timeline))
        .route("/api/v1/lists", get(lists::index).post(lists::create))
        .route("/api/v1/lists/{id}", get(lists::show).put(lists::update).delete(lists::delete))
        .route(
            "/api/v1/lists/{id}/accounts",
            get(lists::accounts).post(lists::add_accounts).delete(lists::remove_accounts),
        )
        .route("/api/v1/markers", get(lists::markers).post(lists::save_markers))
        .route("/api/v1/notifications", get(notifications::list))
        .route("/api/v1/notifications/clear", post(notifications::clear))
        .route("/api/v1/notifications/unread_count", get(notifications::unread_count))
        .route("/api/v1/notifications/{id}", get(notifications::show))
        .route("/api/v1/notifications/{id}/dismiss", post(notifications::dismiss))
        .route("/api/v2/search", get(search::search))
        .route("/api/v1/reports", post(reports::create))
        .route("/api/v1/admin/reports", get(reports::admin_list))
        .route("/api/v1/admin/reports/{id}", get(reports::admin_show))
        .route("/api/v1/admin/reports/{id}/assign_to_self", post(reports::admin_assign))
        .route("/api/v1/admin/reports/{id}/unassign", post(reports::admin_unassign))
        .route("/api/v1/admin/reports/{id}/resolve", post(reports::admin_resolve))
        .route("/api/v1/admin/reports/{id}/reopen", post(reports::admin_reopen))
        .route("/api/v1/streaming", get(streaming::connect))
        .route("/api/v1/media/{id}", get(media::show).put(media::update))
        .route("/api/allmende/avatar.png", get(media::default_avatar))
        .route("/api/allmende/header.png", get(media::default_header))
        .route("/api/{*rest}", any(error::not_found))
        .route("/oauth/token", post(oauth::token))
        .route("/oauth/revoke", post(oauth::revoke))
        .route("/oauth/userinfo", get(oauth::userinfo).post(oauth::userinfo))
        .route("/.well-known/oauth-authorization-server", get(oauth::metadata))
        .layer(cors());
    // The consent page is a form like the web's: same CSRF protection, no CORS.
    let consent = Router::new()
        .route("/oauth/authorize", get(oauth::authorize_form).post(oauth::authorize_submit))
        .layer(middleware::from_fn_with_state(state.clone(), crate::web::csrf::protect_forms));
    api.merge(consent)
}

/// Image uploads: the only routes whose bodies may be larger than `limits.body_bytes` (up to
/// `limits.media_bytes` plus the multipart framing and text fields; twice that for the profile,
/// which takes an avatar and a header).
pub fn upload_routes(state: &AppState) -> Router<AppState> {
    let limit = state.config.limits.media_bytes.saturating_add(64 * 1024);
    let profile_limit = state.config.limits.media_bytes.saturating_mul(2).saturating_add(64 * 1024);
    let profile = Router::new()
        .route(
            "/api/v1/accounts/update_credentials",
            patch(accounts::update_credentials).put(accounts::update_credentials),
        )
        .layer(DefaultBodyLimit::max(profile_limit));
    Router::new()
        .route("/api/v2/media", post(media::upload))
        .route("/api/v1/media", post(media::upload))
        .layer(DefaultBodyLimit::max(limit))
        .merge(profile)
        .layer(cors())
}

/// Browser-based apps (Elk, Phanpy) call the API from their own origin with a bearer token,
/// never with cookies, so any origin may.
fn cors() -> CorsLayer {
    CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::PATCH,
            Method::DELETE,
            Method::OPTIONS,
        ])
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::ACCEPT,
            HeaderName::from_static("idempotency-key"),
        ])
        .expose_headers([header::LINK])
        .max_age(Duration::from_secs(3600))
}
