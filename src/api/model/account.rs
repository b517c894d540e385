//! Account, CredentialAccount and Relationship.

use serde::Serialize;

use super::{AVATAR_PATH, HEADER_PATH, timestamp};
use crate::domain::html::escape_text;
use crate::domain::organisation::Organisation;
use crate::federation::project_document;
use crate::federation::uris::Uris;
use crate::service::CurrentUser;
use crate::service::account_cards::{AccountCard, Relationship as RelationshipView};
use crate::service::profile_images::image_url;
use crate::service::statuses::AccountSummary;

#[derive(Debug, Clone, Serialize)]
pub struct Field {
    pub name: String,
    pub value: String,
    pub verified_at: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Account {
    pub id: String,
    pub username: String,
    pub acct: String,
    pub display_name: String,
    pub locked: bool,
    pub bot: bool,
    pub discoverable: bool,
    pub indexable: bool,
    pub group: bool,
    pub noindex: bool,
    pub hide_collections: bool,
    pub created_at: String,
    pub note: String,
    pub url: String,
    pub uri: String,
    pub avatar: String,
    pub avatar_static: String,
    pub header: String,
    pub header_static: String,
    pub followers_count: i64,
    pub following_count: i64,
    pub statuses_count: i64,
    pub last_status_at: Option<String>,
    pub emojis: Vec<serde_json::Value>,
    pub fields: Vec<Field>,
    pub roles: Vec<serde_json::Value>,
    /// The account it moved to (Mastodon's `moved`), only when it moved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub moved: Option<Box<Account>>,
}

impl Account {
    /// An account next to a status or notification: counts are left at zero there (apps
    /// fetch `/api/v1/accounts/:id` for a profile), which keeps timelines to one query.
    pub fn from_summary(uris: &Uris, account: &AccountSummary) -> Self {
        let (acct, url, uri) = match &account.host {
            Some(host) => {
                let id = account.ap_id.clone().unwrap_or_default();
                (format!("{}@{}", account.name, host), id.clone(), id)
            }
            None => {
                let id = uris.actor(&account.kind, &account.name);
                (account.name.clone(), id.clone(), id)
            }
        };
        let avatar = image_url(uris, account.avatar.as_deref()).unwrap_or_else(|| uris.absolute(AVATAR_PATH));
        let header = image_url(uris, account.header.as_deref()).unwrap_or_else(|| uris.absolute(HEADER_PATH));
        let date = account.created_at.to_rfc3339();
        Self {
            id: account.id.to_string(),
            username: account.name.clone(),
            acct,
            display_name: if account.display_name.is_empty() {
                account.name.clone()
            } else {
                account.display_name.clone()
            },
            locked: false,
            bot: false,
            discoverable: true,
            indexable: false,
            group: account.kind == "group",
            noindex: false,
            hide_collections: false,
            // Mastodon gives the day only, at midnight.
            created_at: format!("{}T00:00:00.000Z", date.get(..10).unwrap_or("1970-01-01")),
            note: account.summary_html.clone(),
            url,
            uri,
            avatar: avatar.clone(),
            avatar_static: avatar,
            header: header.clone(),
            header_static: header,
            followers_count: 0,
            following_count: 0,
            statuses_count: 0,
            last_status_at: None,
            emojis: Vec::new(),
            fields: Vec::new(),
            roles: Vec::new(),
            moved: None,
        }
    }

    pub fn from_card(uris: &Uris, card: &AccountCard) -> Self {
        let mut account = Self::from_summary(uris, &card.summary);
        account.locked = card.locked;
        account.followers_count = card.followers_count;
        account.following_count = card.following_count;
        account.statuses_count = card.statuses_count;
        account.moved = card.moved.as_ref().map(|moved| Box::new(Self::from_summary(uris, moved)));
        account.last_status_at =
            card.last_status_at.map(|at| timestamp(at).get(..10).unwrap_or_default().to_owned());
        account.fields = match (&card.organisation, &card.project) {
            (Some(organisation), _) => organisation_fields(organisation),
            (None, Some(project)) => project_document::project_fields(project)
                .into_iter()
                .map(|field| Field { name: field.name, value: field.value, verified_at: None })
                .collect(),
            (None, None) => Vec::new(),
        };
        account
    }
}

/// The organisation as profile fields, labelled as other servers see them (see
/// `federation::organisation_objects`).
fn organisation_fields(organisation: &Organisation) -> Vec<Field> {
    let field = |name: &str, value: &str| Field {
        name: name.to_owned(),
        value: escape_text(value),
        verified_at: None,
    };
    let mut fields = vec![
        field("Organisation type", organisation.org_type.english_label()),
        field("Organisation", &organisation.name),
    ];
    if !organisation.location.is_empty() {
        fields.push(field("Location", &organisation.location));
    }
    if !organisation.website.is_empty() {
        fields.push(field("Website", &organisation.website));
    }
    fields
}

#[derive(Debug, Clone, Serialize)]
pub struct Source {
    pub privacy: &'static str,
    pub sensitive: bool,
    pub language: String,
    pub note: String,
    pub fields: Vec<Field>,
    pub follow_requests_count: i64,
    pub hide_collections: bool,
    pub discoverable: bool,
    pub indexable: bool,
    /// Who may quote new posts by default (Mastodon 4.5: `public`, `followers`, `nobody`).
    pub quote_policy: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct Role {
    pub id: String,
    pub name: String,
    pub permissions: String,
    pub color: String,
    pub highlighted: bool,
}

/// Mastodon's role permission bits (`UserRole::FLAGS`), the ones our roles grant.
pub mod permission {
    /// Everything, whatever the other bits say.
    pub const ADMINISTRATOR: u64 = 1 << 0;
    pub const VIEW_AUDIT_LOG: u64 = 1 << 2;
    pub const MANAGE_REPORTS: u64 = 1 << 4;
    pub const MANAGE_USERS: u64 = 1 << 10;
    /// Every bit Mastodon defines (`administrator` 1 << 0 up to `manage_email_subscriptions`
    /// 1 << 22): what Mastodon reports for a role holding `administrator` (its
    /// `computed_permissions`), so clients that test single bits see an admin as allowed.
    pub const ALL: u64 = (1 << 23) - 1;
}

impl Role {
    /// Mastodon's shape of an instance-wide role, with the ids and names of its default roles
    /// (`config/roles.yml` seeds Moderator, Admin and Owner in this order: ids 1, 2 and 3;
    /// everyone else has the base role -99 without a name) and, as Mastodon serialises them, the
    /// computed permission bits of what `domain::Role::may` grants: everything for admins
    /// (`administrator` makes Mastodon report all bits), the audit log, reports and users for
    /// moderators, nothing for members.
    pub fn of(role: crate::domain::Role) -> Self {
        let (id, name, permissions) = match role {
            crate::domain::Role::Admin => ("2", "Admin", permission::ALL),
            crate::domain::Role::Moderator => (
                "1",
                "Moderator",
                permission::VIEW_AUDIT_LOG | permission::MANAGE_REPORTS | permission::MANAGE_USERS,
            ),
            crate::domain::Role::Member => ("-99", "", 0),
        };
        Self {
            id: id.to_owned(),
            name: name.to_owned(),
            permissions: permissions.to_string(),
            color: String::new(),
            highlighted: role != crate::domain::Role::Member,
        }
    }
}

#[cfg(test)]
mod role_tests {
    use super::*;
    use crate::domain::Role as Ours;

    /// The values Mastodon's clients compare with: ids and names of Mastodon's default roles,
    /// its permission bits (`UserRole::FLAGS`), permissions as a decimal string.
    #[test]
    fn roles_have_mastodons_ids_names_and_permission_bits() {
        assert_eq!(permission::ADMINISTRATOR, 0x1);
        assert_eq!(permission::VIEW_AUDIT_LOG, 0x4);
        assert_eq!(permission::MANAGE_REPORTS, 0x10);
        assert_eq!(permission::MANAGE_USERS, 0x400);
        for (role, id, name, permissions, highlighted) in [
            (Ours::Admin, "2", "Admin", "8388607", true),
            (Ours::Moderator, "1", "Moderator", "1044", true),
            (Ours::Member, "-99", "", "0", false),
        ] {
            let json = serde_json::to_value(Role::of(role)).expect("JSON");
            assert_eq!(
                json,
                serde_json::json!({
                    "id": id, "name": name, "permissions": permissions, "color": "", "highlighted": highlighted,
                }),
                "{role:?}"
            );
        }
        let admin: u64 = Role::of(Ours::Admin).permissions.parse().expect("a number");
        assert_eq!(
            admin & permission::ADMINISTRATOR,
            permission::ADMINISTRATOR,
            "admins hold `administrator`"
        );
        for bit in [permission::VIEW_AUDIT_LOG, permission::MANAGE_REPORTS, permission::MANAGE_USERS] {
            assert_eq!(admin & bit, bit, "admins may do what moderators may");
        }
    }
}

/// The signed-in member's own account, with what they typed (`source`) and their role.
#[derive(Debug, Clone, Serialize)]
pub struct CredentialAccount {
    #[serde(flatten)]
    pub account: Account,
    pub source: Source,
    pub role: Role,
}

impl CredentialAccount {
    pub fn new(uris: &Uris, card: &AccountCard, user: &CurrentUser, quote_policy: &'static str) -> Self {
        Self {
            account: Account::from_card(uris, card),
            source: Source {
                privacy: "public",
                sensitive: false,
                language: user.language.clone(),
                note: card.summary_source.clone(),
                fields: Vec::new(),
                follow_requests_count: 0,
                hide_collections: false,
                discoverable: true,
                indexable: false,
                quote_policy,
            },
            role: Role::of(user.role),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Relationship {
    pub id: String,
    pub following: bool,
    pub showing_reblogs: bool,
    pub notifying: bool,
    pub languages: Option<Vec<String>>,
    pub followed_by: bool,
    pub blocking: bool,
    pub blocked_by: bool,
    pub muting: bool,
    pub muting_notifications: bool,
    pub requested: bool,
    pub requested_by: bool,
    pub domain_blocking: bool,
    pub endorsed: bool,
    pub note: String,
}

impl From<&RelationshipView> for Relationship {
    fn from(view: &RelationshipView) -> Self {
        Self {
            id: view.id.to_string(),
            following: view.following,
            showing_reblogs: view.following,
            notifying: view.notifying,
            languages: None,
            followed_by: view.followed_by,
            blocking: view.blocking,
            blocked_by: view.blocked_by,
            muting: view.muting,
            muting_notifications: view.muting_notifications,
            requested: view.requested,
            requested_by: false,
            domain_blocking: view.domain_blocking,
            endorsed: false,
            note: String::new(),
        }
    }
}
