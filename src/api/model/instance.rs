//! Instance (v2 and the older v1), with the limits apps read before they let people post.

use serde_json::{Value, json};

use super::Account;
use crate::config::Config;
use crate::domain::language::UI_LANGUAGES;
use crate::domain::post::BODY_MAX;
use crate::domain::registration::RegistrationMode;
use crate::federation::uris::Uris;
use crate::service::account_cards::Contact;
use crate::service::instance_info::InstanceUsage;

/// What clients see as the server version: a Mastodon version they know, and ours.
pub fn version() -> String {
    format!("4.2.0 (compatible; Allmende {})", env!("CARGO_PKG_VERSION"))
}

fn streaming_url(uris: &Uris) -> String {
    uris.base().replacen("http", "ws", 1)
}

fn configuration() -> Value {
    json!({
        "urls": {},
        "accounts": { "max_featured_tags": 0, "max_pinned_statuses": 0 },
        "statuses": {
            "max_characters": BODY_MAX,
            "max_media_attachments": 0,
            "characters_reserved_per_url": 23
        },
        "media_attachments": {
            "supported_mime_types": [],
            "image_size_limit": 0,
            "image_matrix_limit": 0,
            "video_size_limit": 0,
            "video_frame_rate_limit": 0,
            "video_matrix_limit": 0
        },
        "polls": {
            "max_options": crate::domain::poll::MAX_OPTIONS,
            "max_characters_per_option": crate::domain::poll::MAX_OPTION_CHARS,
            "min_expiration": crate::domain::poll::MIN_EXPIRATION_SECONDS,
            "max_expiration": crate::domain::poll::MAX_EXPIRATION_SECONDS
        },
        "translation": { "enabled": false }
    })
}

fn languages() -> Vec<&'static str> {
    UI_LANGUAGES.iter().map(|(code, _)| *code).collect()
}

pub fn v2(config: &Config, uris: &Uris, usage: &InstanceUsage, contact: &Contact) -> Value {
    let mode = config.registration.effective_mode();
    let mut configuration = configuration();
    configuration["urls"] = json!({ "streaming": streaming_url(uris), "status": null });
    json!({
        "domain": uris.host(),
        "title": config.instance.name,
        "version": version(),
        "source_url": uris.base(),
        "description": config.instance.description,
        "usage": { "users": { "active_month": usage.active_month } },
        "thumbnail": { "url": uris.absolute(super::HEADER_PATH), "blurhash": null, "versions": {} },
        "icon": [],
        "languages": languages(),
        "configuration": configuration,
        "registrations": {
            "enabled": mode.anyone_may_apply(),
            "approval_required": mode == RegistrationMode::Approval,
            "message": null,
            "url": null
        },
        "contact": {
            "email": contact.email,
            "account": contact.account.as_ref().map(|c| Account::from_card(uris, c))
        },
        "rules": [],
    })
}

pub fn v1(config: &Config, uris: &Uris, usage: &InstanceUsage, contact: &Contact) -> Value {
    let mode = config.registration.effective_mode();
    json!({
        "uri": uris.host(),
        "title": config.instance.name,
        "short_description": config.instance.description,
        "description": config.instance.description,
        "email": contact.email,
        "version": version(),
        "urls": { "streaming_api": streaming_url(uris) },
        "stats": { "user_count": usage.users, "status_count": usage.local_posts, "domain_count": 0 },
        "thumbnail": uris.absolute(super::HEADER_PATH),
        "languages": languages(),
        "registrations": mode.anyone_may_apply(),
        "approval_required": mode == RegistrationMode::Approval,
        "invites_enabled": mode == RegistrationMode::Invite,
        "configuration": configuration(),
        "contact_account": contact.account.as_ref().map(|c| Account::from_card(uris, c)),
        "rules": [],
    })
}
