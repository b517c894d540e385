//! Server-rendered HTML. Handlers parse a form or path, call one service function and render a
//! page struct from [`pages`], filled with view structs from [`view`].

pub mod atom;
pub mod block_views;
pub mod csrf;
pub mod error;
pub mod event_atom;
pub mod event_views;
pub mod goal_views;
pub mod handlers;
pub mod i18n;
pub mod ical;
pub mod mail_pages;
pub mod member_views;
pub mod moderation_pages;
pub mod moving_pages;
pub mod notification_views;
pub mod page_cache;
pub mod pages;
pub mod rate_limit;
pub mod search_views;
pub mod security_views;
pub mod session;
pub mod spam_guard;
pub mod svg_chart;
pub mod upload_form;
pub mod view;

use crate::state::AppState;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware;
use axum::routing::{get, post};
use handlers::{
    about, account_data, account_security, admin, admin_accounts, admin_dashboard, assets, auth, blocks,
    calendar, events, federation_health, feeds, follow_requests, goals, group_moves, groups, home, language,
    mail, media, moderation, moving, network, notifications, polls, posts, projects, quotes, registrations,
    reports, search, settings, tags, teams, thread_moves, thread_pins, threads, users, watches,
};

/// The HTML pages. Canonical URLs also answer ActivityPub JSON (see `federation::serve`).
pub fn pages(state: &AppState) -> Router<AppState> {
    let auth_limited = Router::new()
        .route("/login", post(auth::login_submit))
        .route("/register", post(auth::register_submit))
        // They check the current password: limited like sign-in, against guessing it.
        .route("/settings/password", post(account_security::change_password))
        .route("/settings/email", post(account_security::change_email))
        .route("/settings/account/delete", post(account_data::delete))
        // They send mail or take a token from one: limited against flooding and guessing.
        .route("/password/forgot", post(mail::forgot_submit))
        .route("/password/reset", post(mail::reset_submit))
        .route_layer(middleware::from_fn_with_state(state.clone(), rate_limit::limit_auth_attempts));

    Router::new()
        .route("/", get(home::home))
        .route("/feed", get(home::feed))
        .route("/feed/home", get(home::timeline))
        .route("/groups", get(groups::directory).post(groups::create_submit))
        .route("/groups/new", get(groups::create_form))
        .route("/g/{name}", get(groups::show))
        .route("/g/{name}/edit", get(groups::edit_form).post(groups::edit_submit))
        .route("/g/{name}/follow", post(groups::follow))
        .route("/g/{name}/unfollow", post(groups::unfollow))
        .route("/g/{name}/project", get(projects::edit_form).post(projects::edit_submit))
        .route("/g/{name}/network", get(network::show))
        .route("/g/{name}/requests", get(follow_requests::show))
        .route("/g/{name}/team", get(teams::show).post(teams::appoint))
        .route("/g/{name}/team/{person}/dismiss", post(teams::dismiss))
        .route("/g/{name}/requests/settings", post(follow_requests::set_closed))
        .route("/g/{name}/moving", get(group_moves::show))
        .route("/g/{name}/moving/aliases", post(group_moves::set_aliases))
        .route("/g/{name}/moving/move", post(group_moves::start_move))
        .route("/g/{name}/requests/{id}/approve", post(follow_requests::approve))
        .route("/g/{name}/requests/{id}/reject", post(follow_requests::reject))
        .route("/g/{name}/network/follow", post(network::follow))
        .route("/g/{name}/network/unfollow", post(network::unfollow))
        .route("/projects", get(projects::directory))
        .route("/projects/featured", post(projects::feature))
        .route("/projects/featured/remove", post(projects::unfeature))
        .route("/g/{name}/threads/new", get(threads::create_form))
        .route("/g/{name}/events", get(events::group_list).post(events::create_submit))
        .route("/g/{name}/events/new", get(events::new_form))
        .route("/e/{id}", get(events::show))
        .route("/e/{id}/edit", get(events::edit_form).post(events::edit_submit))
        .route("/e/{id}/delete", post(events::delete))
        .route("/e/{id}/rsvp", post(events::rsvp))
        .route("/calendar", get(calendar::month))
        .route("/calendar/token", post(calendar::reset_token))
        .route("/calendar/{year}", get(calendar::year))
        .route("/t/{id}", get(threads::show))
        .route("/t/{id}/lock", post(threads::lock))
        .route("/t/{id}/unlock", post(threads::unlock))
        .route("/t/{id}/pin", post(thread_pins::pin))
        .route("/t/{id}/unpin", post(thread_pins::unpin))
        .route("/t/{id}/move", post(thread_moves::move_thread))
        .route("/p/{id}", get(posts::show))
        .route("/p/{id}/reply", get(posts::reply_form))
        .route("/p/{id}/quote", get(quotes::quote_form).post(quotes::quote_submit))
        .route("/p/{id}/quotes", get(quotes::list))
        .route("/p/{id}/quotes/{stamp}/revoke", post(quotes::revoke))
        .route("/p/{id}/edit", get(posts::edit_form).post(posts::edit_submit))
        .route("/p/{id}/delete", post(posts::delete))
        .route("/p/{id}/like", post(posts::like))
        .route("/p/{id}/vote", post(polls::vote))
        .route("/p/{id}/unlike", post(posts::unlike))
        .route("/p/{id}/remove", post(moderation::remove))
        .route("/p/{id}/restore", post(moderation::restore))
        .route("/modlog", get(moderation::instance_modlog))
        .route("/g/{name}/modlog", get(moderation::group_modlog))
        .route("/g/{name}/bans", get(moderation::bans).post(moderation::ban_submit))
        .route("/g/{name}/bans/new", get(moderation::ban_form))
        .route("/g/{name}/bans/remove", post(moderation::unban))
        .route("/u/{name}", get(users::show))
        .route("/u/{name}/follow", post(users::follow))
        .route("/u/{name}/unfollow", post(users::unfollow))
        .route("/p/{id}/report", get(reports::post_form).post(reports::post_submit))
        .route("/u/{handle}/report", get(reports::account_form).post(reports::account_submit))
        .route("/g/{name}/reports", get(reports::group_reports))
        .route("/admin/reports", get(reports::admin_reports))
        .route("/reports/{id}/resolve", post(reports::resolve))
        .route("/tags/{name}", get(tags::show))
        .route("/goals", get(goals::list).post(goals::create))
        .route("/goals/new", get(goals::new_form))
        .route("/goals/{id}", get(goals::show))
        .route("/goals/{id}/chart.svg", get(goals::chart))
        .route("/goals/{id}/edit", get(goals::edit_form).post(goals::update))
        .route("/goals/{id}/delete", post(goals::delete))
        .route("/goals/{id}/progress", post(goals::report))
        .route("/search", get(search::search))
        .route("/about", get(about::show))
        .route("/admin", get(admin_dashboard::dashboard))
        .route("/admin/federation", get(federation_health::page))
        .route("/admin/federation.json", get(federation_health::json))
        .route("/admin/federation/retry", post(federation_health::retry_now))
        .route("/admin/accounts", get(admin_accounts::list))
        .route("/admin/accounts/{id}", get(admin_accounts::show))
        .route("/admin/accounts/{id}/action", post(admin_accounts::act))
        .route("/admin/accounts/{id}/delete", post(admin_accounts::delete))
        .route("/admin/federation/policy", post(admin::set_policy))
        .route("/admin/federation/mode", post(admin::set_mode))
        .route("/admin/registrations", get(registrations::applications))
        .route("/admin/registrations/{id}", post(registrations::decide))
        .route("/admin/invites", get(registrations::invites).post(registrations::create_invite))
        .route("/admin/invites/{id}/delete", post(registrations::delete_invite))
        .route("/login", get(auth::login_form))
        .route("/register", get(auth::register_form))
        .route("/logout", post(auth::logout))
        .route("/settings/profile", get(settings::profile_form).post(settings::profile_submit))
        .route("/settings/security", get(account_security::show))
        .route("/settings/moving", get(moving::show))
        .route("/settings/moving/aliases", post(moving::set_aliases))
        .route("/settings/moving/move", post(moving::start_move))
        .route("/settings/sessions/sign-out-everywhere", post(account_security::sign_out_everywhere))
        .route("/settings/apps/{id}/revoke", post(account_security::revoke_app))
        .route("/settings/account", get(account_data::show))
        .route("/settings/account/export", get(account_data::export))
        .route("/settings/account/delete/cancel", post(account_data::cancel_delete))
        .route("/settings/blocks", get(blocks::settings))
        .route("/settings/blocks/people", post(blocks::person))
        .route("/settings/blocks/domains", post(blocks::block_domain))
        .route("/settings/blocks/domains/remove", post(blocks::unblock_domain))
        .route("/notifications", get(notifications::list))
        .route("/notifications/read", post(notifications::mark_all_read))
        .route("/notifications/{id}/read", post(notifications::mark_read))
        .route("/t/{id}/watch", post(watches::watch_thread))
        .route("/t/{id}/unwatch", post(watches::unwatch_thread))
        .route("/g/{name}/watch", post(watches::watch_group))
        .route("/g/{name}/unwatch", post(watches::unwatch_group))
        .route("/language", post(language::choose))
        .route("/password/forgot", get(mail::forgot_form))
        .route("/password/reset", get(mail::reset_form))
        .route("/email/confirm", get(mail::confirm))
        .route("/mail/unsubscribe", get(mail::unsubscribe_form).post(mail::unsubscribe_submit))
        .route("/settings/mail", post(mail::set_digest))
        .merge(auth_limited)
        .layer(middleware::from_fn_with_state(state.clone(), csrf::protect_forms))
        .layer(middleware::from_fn_with_state(state.clone(), error::localize_error_pages))
        .layer(middleware::from_fn_with_state(state.clone(), crate::federation::serve::negotiate))
        // A multipart form: the CSRF layer reads url-encoded forms only, so its handler checks
        // the token itself.
        .route("/settings/account/import", post(account_data::import_submit))
        // Outside the page layers: feeds set no cookies and answer a plain 404.
        .route(feeds::LATEST_FEED_PATH, get(feeds::latest))
        .route("/g/{name}/feed.atom", get(feeds::group))
        .route("/modlog.json", get(moderation::instance_modlog_json))
        .route("/g/{name}/modlog.json", get(moderation::group_modlog_json))
        .route("/media/{file}", get(media::file))
        .route(calendar::INSTANCE_ICAL_PATH, get(calendar::instance_ics))
        .route("/calendar/private/{token}/events.ics", get(calendar::member_ics))
        .route("/g/{name}/events.ics", get(calendar::group_ics))
        .route("/g/{name}/events.atom", get(calendar::group_atom))
        .route("/static/style.css", get(assets::stylesheet))
}

/// Forms that may carry images: outside the usual body limit (up to
/// [`upload_form::MAX_FILES`] images of `limits.media_bytes`), their CSRF token checked by the
/// handlers' [`upload_form::UploadForm`].
pub fn upload_pages(state: &AppState) -> Router<AppState> {
    let limit =
        state.config.limits.media_bytes.saturating_mul(upload_form::MAX_FILES).saturating_add(64 * 1024);
    Router::new()
        .route("/settings/profile/images", post(settings::images_submit))
        .route("/g/{name}/images", post(groups::images_submit))
        .route("/g/{name}/threads", post(threads::create_submit))
        .route("/p/{id}/reply", post(posts::reply_submit))
        .layer(DefaultBodyLimit::max(limit))
        .layer(middleware::from_fn_with_state(state.clone(), csrf::provide_token))
        .layer(middleware::from_fn_with_state(state.clone(), error::localize_error_pages))
}
