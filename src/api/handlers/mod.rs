//! Thin handlers of the client API: parse parameters, check the token's scope, call one
//! service function, build Mastodon JSON with `api::model`.

pub mod accounts;
pub mod admin_accounts;
pub mod apps;
pub mod blocks;
pub mod discovery;
pub mod instance;
pub mod lists;
pub mod media;
pub mod notifications;
pub mod oauth;
pub mod polls;
pub mod reports;
pub mod search;
pub mod statuses;
pub mod streaming;
pub mod tags;
pub mod timelines;
