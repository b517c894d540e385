//! Actors: members (`Person`), groups (`Group`, FEP-1b12), the instance actor (`Application`,
//! FEP-2677), and what other servers call their accounts (`Organization`, `Service`).
//!
//! Only `id`, `type`, `preferredUsername`, `inbox` and `publicKey` are required: without them we
//! can neither address the actor by name, deliver to it, nor check its signatures. Everything
//! else is read tolerantly, and unknown fields (Mobilizon's `members`, Smithereen's `wall`) are
//! ignored.

use activitypub_federation::protocol::helpers::deserialize_skip_error;
use activitypub_federation::protocol::public_key::PublicKey;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use url::Url;

use super::de::{deserialize_first_href, deserialize_lenient_vec, deserialize_opt_id};
use super::image::{ImageJson, deserialize_image};
use super::language::LanguageJson;
use super::project::ProjectJson;
use super::source::SourceJson;
use crate::federation::signatures::multikey::{Multikey, decode_ed25519};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub enum ActorKind {
    Person,
    Group,
    Organization,
    Service,
    Application,
}

impl ActorKind {
    /// Whether `kind` is the `type` of an actor.
    pub fn is_actor_type(kind: &str) -> bool {
        matches!(kind, "Person" | "Group" | "Organization" | "Service" | "Application")
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActorJson {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: ActorKind,
    /// Missing on some actors (bridges, minimal implementations): see [`ActorJson::handle_name`].
    #[serde(default, deserialize_with = "deserialize_skip_error")]
    pub preferred_username: String,
    /// Display name.
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Profile text or group description, HTML.
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The Markdown of `summary`.
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceJson>,
    pub inbox: Url,
    #[serde(default, deserialize_with = "deserialize_opt_id", skip_serializing_if = "Option::is_none")]
    pub outbox: Option<Url>,
    #[serde(default, deserialize_with = "deserialize_opt_id", skip_serializing_if = "Option::is_none")]
    pub followers: Option<Url>,
    #[serde(default, deserialize_with = "deserialize_opt_id", skip_serializing_if = "Option::is_none")]
    pub following: Option<Url>,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub endpoints: Option<Endpoints>,
    /// Discourse puts `sharedInbox` on the actor itself; read it, never send it (see
    /// [`ActorJson::shared_inbox`]).
    #[serde(rename = "sharedInbox", default, deserialize_with = "deserialize_opt_id", skip_serializing)]
    pub top_level_shared_inbox: Option<Url>,
    pub public_key: PublicKey,
    /// Avatar.
    #[serde(default, deserialize_with = "deserialize_image", skip_serializing_if = "Option::is_none")]
    pub icon: Option<ImageJson>,
    /// Banner.
    #[serde(default, deserialize_with = "deserialize_image", skip_serializing_if = "Option::is_none")]
    pub image: Option<ImageJson>,
    /// The profile page for people.
    #[serde(default, deserialize_with = "deserialize_first_href", skip_serializing_if = "Option::is_none")]
    pub url: Option<Url>,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub published: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub updated: Option<DateTime<Utc>>,
    /// For groups: the moderators collection (Lemmy, FEP-1b12). Only a single URL is read: PeerTube
    /// channels put their owner account objects here, which are not moderators.
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub attributed_to: Option<Url>,
    /// For groups: only moderators may start threads (Lemmy).
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub posting_restricted_to_mods: Option<bool>,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub discoverable: Option<bool>,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub manually_approves_followers: Option<bool>,
    /// Profile fields (Mastodon's "PropertyValue" list).
    #[serde(default, deserialize_with = "deserialize_lenient_vec", skip_serializing_if = "Vec::is_empty")]
    pub attachment: Vec<PropertyValue>,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub sensitive: Option<bool>,
    /// The organisation a member profile represents (our extension, see FEDERATION.md).
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub organisation: Option<super::organisation::OrganisationJson>,
    /// For project groups: the project, in Allmende's own namespace (see [`ProjectJson`]).
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub project: Option<ProjectJson>,
    /// A group's events collection (Mobilizon's `mz:events`), read to pull in upcoming events.
    #[serde(default, deserialize_with = "deserialize_opt_id", skip_serializing_if = "Option::is_none")]
    pub events: Option<Url>,
    /// A group's pinned threads (Lemmy's `featured` collection of `Page`s).
    #[serde(default, deserialize_with = "deserialize_opt_id", skip_serializing_if = "Option::is_none")]
    pub featured: Option<Url>,
    /// The languages a group declares, as Lemmy writes them on a community: `{identifier, name}`
    /// with the two-letter code that `contentMap` keys use.
    #[serde(default, deserialize_with = "deserialize_lenient_vec", skip_serializing_if = "Vec::is_empty")]
    pub language: Vec<LanguageJson>,
    /// FEP-521a: the actor's other keys, as `Multikey` objects; ed25519 ones verify RFC 9421
    /// signatures whose `keyid` names them.
    #[serde(default, deserialize_with = "deserialize_lenient_vec", skip_serializing_if = "Vec::is_empty")]
    pub assertion_method: Vec<MultikeyJson>,
    /// Other accounts of the same person (account migration): the target of a `Move` lists its
    /// origin here. Entries we cannot read are dropped.
    #[serde(default, deserialize_with = "deserialize_lenient_vec", skip_serializing_if = "Vec::is_empty")]
    pub also_known_as: Vec<Url>,
    /// Where the account moved (after a `Move`).
    #[serde(default, deserialize_with = "deserialize_opt_id", skip_serializing_if = "Option::is_none")]
    pub moved_to: Option<Url>,
}

/// A FEP-521a `Multikey` in `assertionMethod`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MultikeyJson {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: String,
    pub controller: Url,
    pub public_key_multibase: String,
}

impl ActorJson {
    /// The name of the actor's handle: `preferredUsername`, or for actors without one the last
    /// segment of their id (letters, digits, `_`, `-`, `.`), so they can still be stored.
    pub fn handle_name(&self) -> String {
        let given = self.preferred_username.trim();
        if !given.is_empty() {
            return given.to_owned();
        }
        let segment =
            self.id.path_segments().and_then(|mut s| s.rfind(|s| !s.is_empty())).unwrap_or_default();
        let name: String = segment
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
            .take(64)
            .collect();
        if name.is_empty() { "actor".to_owned() } else { name }
    }

    /// An actor with the required fields; set the optional ones on the result.
    pub fn new(
        kind: ActorKind,
        id: Url,
        preferred_username: impl Into<String>,
        inbox: Url,
        public_key: PublicKey,
    ) -> Self {
        Self {
            id,
            kind,
            preferred_username: preferred_username.into(),
            name: None,
            summary: None,
            source: None,
            inbox,
            outbox: None,
            followers: None,
            following: None,
            endpoints: None,
            top_level_shared_inbox: None,
            public_key,
            icon: None,
            image: None,
            url: None,
            published: None,
            updated: None,
            attributed_to: None,
            posting_restricted_to_mods: None,
            discoverable: None,
            manually_approves_followers: None,
            attachment: Vec::new(),
            sensitive: None,
            organisation: None,
            project: None,
            events: None,
            featured: None,
            language: Vec::new(),
            assertion_method: Vec::new(),
            also_known_as: Vec::new(),
            moved_to: None,
        }
    }

    /// The ed25519 keys the actor publishes as its own (`Multikey`s it controls, with ids in
    /// its own document), at most a few.
    pub fn multikeys(&self) -> Vec<Multikey> {
        let mut own_document = self.id.clone();
        own_document.set_fragment(None);
        self.assertion_method
            .iter()
            .filter(|key| key.kind == "Multikey" && key.controller == self.id)
            .filter(|key| {
                let mut document = key.id.clone();
                document.set_fragment(None);
                document == own_document && key.id.fragment().is_some()
            })
            .filter(|key| decode_ed25519(&key.public_key_multibase).is_some())
            .take(4)
            .map(|key| Multikey {
                id: key.id.to_string(),
                public_key_multibase: key.public_key_multibase.clone(),
            })
            .collect()
    }

    /// Where to deliver to this actor's whole server at once, if it has a shared inbox.
    pub fn shared_inbox(&self) -> Option<&Url> {
        self.endpoints
            .as_ref()
            .map(|endpoints| &endpoints.shared_inbox)
            .or(self.top_level_shared_inbox.as_ref())
    }
}

/// The key an actor signs with, under the conventional id `{actor}#main-key`.
pub fn main_key(owner: &Url, public_key_pem: impl Into<String>) -> PublicKey {
    PublicKey { id: format!("{owner}#main-key"), owner: owner.clone(), public_key_pem: public_key_pem.into() }
}

/// Lemmy requires `sharedInbox` whenever `endpoints` is present, so it is not optional here; an
/// `endpoints` without one is read as no endpoints.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Endpoints {
    pub shared_inbox: Url,
}

/// A profile field: a label and an HTML value.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct PropertyValue {
    #[serde(rename = "type")]
    pub kind: PropertyValueType,
    pub name: String,
    pub value: String,
}

impl PropertyValue {
    pub fn new(name: impl Into<String>, value: impl Into<String>) -> Self {
        Self { kind: PropertyValueType::PropertyValue, name: name.into(), value: value.into() }
    }
}

/// The schema.org type of profile fields; other attachment types on actors (WordPress sends a
/// `Link`) are not profile fields.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
pub enum PropertyValueType {
    #[default]
    PropertyValue,
}
