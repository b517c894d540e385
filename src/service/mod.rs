//! The use cases. Every state change goes through here, whichever front door it came from
//! (web form, Mastodon client, remote inbox), and every permission check is written here once.

pub mod account_cards;
pub mod account_data;
pub mod account_deletion;
pub mod account_moves;
pub mod account_security;
pub mod accounts;
pub mod admin_accounts;
pub mod admin_dashboard;
pub mod authority;
pub mod blocks;
pub mod boosts;
pub mod client_state;
pub mod digests;
pub mod downvotes;
pub mod email_confirmation;
pub mod error;
pub mod events;
pub mod federated;
pub mod federation_health;
pub mod feeds;
pub mod follow_requests;
pub mod follows;
pub mod goals;
pub mod gone_actors;
pub mod group_bans;
pub mod group_moves;
pub mod group_relays;
pub mod groups;
pub mod instance;
pub mod instance_blocks;
pub mod instance_info;
pub mod keys;
pub mod mail;
pub mod media;
pub mod moderator_teams;
pub mod modlog;
pub mod network;
pub mod notification_page;
pub mod notifications;
pub mod oauth;
pub mod other_nodes;
pub mod password_reset;
pub mod passwords;
pub mod peer_signatures;
pub mod peers;
pub mod polls;
pub mod posts;
pub mod private_groups;
pub mod profile_images;
pub mod projects;
pub mod quotes;
pub mod read_models;
pub mod readiness;
pub mod registrations;
pub mod remote;
pub mod remote_moderation;
pub mod removals;
pub mod reports;
pub mod search;
pub mod sign_in_guard;
pub mod statuses;
pub mod suspensions;
pub mod tags;
pub mod thread_collections;
pub mod thread_locks;
pub mod thread_moves;
pub mod thread_pins;
pub mod threads;
pub mod trends;
pub mod users;
pub mod visiting_moderators;
pub mod watches;

use std::sync::Arc;

use crate::db::{self, Conn, Db};
use crate::domain::{Clock, DomainEvent, IdGenerator, Timestamp};
use crate::media::MediaStore;

pub use error::ServiceError;
pub use read_models::*;

/// Rules that come from configuration.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Who may register (see `domain::registration::RegistrationMode`).
    pub registration_mode: crate::domain::registration::RegistrationMode,
    pub page_size: i64,
    pub session_ttl_seconds: i64,
    pub max_failed_logins: i64,
    pub lockout_seconds: i64,
    pub default_language: String,
    /// Federate only with instances an admin allowed.
    pub federation_allowlist_only: bool,
    /// The OAuth 2 password grant is enabled.
    pub oauth_password_grant: bool,
    /// The largest image upload accepted.
    pub media_max_bytes: usize,
    /// For how many hours after registering an account may not post links (0: no limit).
    pub new_account_link_hours: i64,
    /// The focus areas projects choose from (`network.focus_areas`).
    pub focus_areas: Vec<String>,
    /// The instance's public base URL (`https://forum.example`), for the hashtag and mention
    /// links written into posts.
    pub base_url: String,
    /// Leave moderators' names out of the public modlog (`moderation.hide_moderator_names`).
    pub hide_moderator_names: bool,
    /// The instance's name (`instance.name`), for mails.
    pub instance_name: String,
    /// Mail is configured (`mail.host`): features that send mail are on.
    pub mail_enabled: bool,
    /// New accounts confirm their address by mail (`registration.require_email_confirmation`).
    pub require_email_confirmation: bool,
    /// Days between a member asking to delete their account and its removal
    /// (`accounts.deletion_grace_days`).
    pub deletion_grace_days: i64,
}

impl Settings {
    /// What the ids of our people start with (`https://forum.example/u/`).
    pub fn people_base(&self) -> String {
        format!("{}{}", self.base_url.trim_end_matches('/'), crate::federation::uris::user_path(""))
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            registration_mode: crate::domain::registration::RegistrationMode::Open,
            page_size: 20,
            session_ttl_seconds: 30 * 24 * 3600,
            max_failed_logins: 5,
            lockout_seconds: 15 * 60,
            default_language: "en".to_owned(),
            federation_allowlist_only: false,
            oauth_password_grant: false,
            media_max_bytes: 16 * 1024 * 1024,
            new_account_link_hours: 0,
            focus_areas: [
                "mobility",
                "buildings",
                "energy",
                "co-creation",
                "leadership",
                "adaptation",
                "nature",
            ]
            .map(String::from)
            .to_vec(),
            base_url: "http://localhost".to_owned(),
            hide_moderator_names: false,
            instance_name: "Allmende".to_owned(),
            deletion_grace_days: 7,
            mail_enabled: false,
            require_email_confirmation: false,
        }
    }
}

/// What every service function needs: the database, time, ids and the rules.
#[derive(Debug, Clone)]
pub struct Context {
    pub db: Db,
    pub clock: Arc<dyn Clock>,
    pub ids: Arc<IdGenerator>,
    pub settings: Arc<Settings>,
    /// Where uploaded images are kept.
    pub media: MediaStore,
    /// Wakes live connections (streaming sockets) to check their credentials again at once: a
    /// token was revoked, or an account suspended. They also check every few seconds, which is
    /// what reaches the connections of other server processes.
    pub access_revoked: Arc<tokio::sync::Notify>,
    /// Failed sign-ins per account name and client network (see `sign_in_guard`).
    pub sign_ins: Arc<sign_in_guard::SignInGuard>,
}

impl Context {
    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }

    pub fn new_id(&self) -> i64 {
        self.ids.next(self.clock.now())
    }

    /// Records a domain event in the caller's transaction.
    pub(crate) async fn emit(&self, conn: &mut Conn<'_>, event: DomainEvent) -> Result<(), ServiceError> {
        let payload = serde_json::to_string(&event).map_err(|e| ServiceError::Internal(e.to_string()))?;
        db::domain_events::insert_domain_event(
            conn,
            self.new_id(),
            event.kind(),
            &payload,
            self.now().millis(),
        )
        .await?;
        Ok(())
    }
}
