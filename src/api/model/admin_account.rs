//! Mastodon's `Admin::Account` and `Admin::DomainBlock`, for the apps and scripts admins use.

use serde::Serialize;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::account::Role;
use super::{Account, timestamp};
use crate::federation::uris::Uris;
use crate::service::admin_accounts::AdminAccount as AdminAccountView;
use crate::service::instance_blocks::InstanceBlock;
use crate::service::statuses::AccountSummary;

#[derive(Debug, Clone, Serialize)]
pub struct AdminAccount {
    pub id: String,
    pub username: String,
    pub domain: Option<String>,
    pub created_at: String,
    pub email: String,
    pub ip: Option<String>,
    pub ips: Vec<Value>,
    pub locale: String,
    pub invite_request: Option<String>,
    pub role: Role,
    pub confirmed: bool,
    pub approved: bool,
    pub disabled: bool,
    pub sensitized: bool,
    pub silenced: bool,
    pub suspended: bool,
    pub account: Account,
}

impl AdminAccount {
    /// An account as a report names it: what the admin views below add (email, role, state,
    /// suspension) is left at its defaults.
    pub fn from_summary(uris: &Uris, summary: &AccountSummary) -> Self {
        Self {
            id: summary.id.to_string(),
            username: summary.name.clone(),
            domain: summary.host.clone(),
            created_at: timestamp(summary.created_at),
            email: String::new(),
            ip: None,
            ips: Vec::new(),
            locale: String::new(),
            invite_request: None,
            role: Role::of(crate::domain::Role::Member),
            confirmed: true,
            approved: true,
            disabled: false,
            sensitized: false,
            silenced: false,
            suspended: false,
            account: Account::from_summary(uris, summary),
        }
    }

    /// An account with what admins know of it (`service::admin_accounts`).
    pub fn new(uris: &Uris, view: &AdminAccountView, language: &str) -> Self {
        let summary = AccountSummary {
            id: view.id.0,
            kind: "person".to_owned(),
            name: view.name.clone(),
            display_name: view.display_name.clone(),
            host: view.host.clone(),
            ap_id: view.ap_id.clone(),
            summary_html: view.summary_html.clone(),
            created_at: view.created_at,
            avatar: None,
            header: None,
        };
        Self {
            email: view.email.clone().unwrap_or_default(),
            locale: language.to_owned(),
            role: Role::of(crate::domain::Role::from_stored(view.role.as_deref().unwrap_or_default())),
            approved: view.state.as_deref().is_none_or(|state| state != "pending" && state != "rejected"),
            silenced: view.silenced,
            suspended: view.suspended,
            ..Self::from_summary(uris, &summary)
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct AdminDomainBlock {
    pub id: String,
    pub domain: String,
    /// SHA-256 of the domain, hex (what Mastodon publishes for obfuscated blocks).
    pub digest: String,
    pub created_at: String,
    pub severity: &'static str,
    pub reject_media: bool,
    pub reject_reports: bool,
    pub private_comment: Option<String>,
    pub public_comment: Option<String>,
    pub obfuscate: bool,
}

impl From<&InstanceBlock> for AdminDomainBlock {
    fn from(block: &InstanceBlock) -> Self {
        let non_empty = |text: &str| (!text.is_empty()).then(|| text.to_owned());
        Self {
            id: block.id.to_string(),
            digest: hex(&Sha256::digest(block.host.as_bytes())),
            domain: block.host.clone(),
            created_at: block
                .blocked_at
                .map(timestamp)
                .unwrap_or_else(|| timestamp(crate::domain::Timestamp::from_millis(0))),
            // A block refuses everything from the domain: Mastodon's `suspend`.
            severity: "suspend",
            reject_media: true,
            reject_reports: true,
            private_comment: non_empty(&block.private_comment),
            public_comment: non_empty(&block.public_reason),
            obfuscate: false,
        }
    }
}

/// The public list (`GET /api/v1/instance/domain_blocks`): domain, digest, severity, comment.
pub fn public_domain_block(block: &InstanceBlock) -> Value {
    json!({
        "domain": block.host,
        "digest": hex(&Sha256::digest(block.host.as_bytes())),
        "severity": "suspend",
        "comment": block.public_reason,
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}
