//! `Announce`: how a group redistributes what its members post (FEP-1b12), and a boost.
//!
//! A group wraps each accepted activity (Create, Update, Delete, Like...) unchanged in an
//! `Announce` to its followers; the inner activity stays raw JSON here, because it is signed by
//! its own actor and must be checked, and forwarded, as sent. For Mastodon followers a new
//! thread is also announced by URL, which Mastodon shows as a boost.

use activitypub_federation::kinds::activity::AnnounceType;
use activitypub_federation::kinds::public;
use activitypub_federation::protocol::helpers::{deserialize_one_or_many, deserialize_skip_error};
use chrono::{DateTime, Utc};
use serde::de::Error;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use url::Url;

use super::de::{deserialize_opt_id, id_of, kind_of};

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AnnounceJson {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: AnnounceType,
    pub actor: Url,
    pub object: AnnounceObject,
    #[serde(default, deserialize_with = "deserialize_one_or_many")]
    pub to: Vec<Url>,
    #[serde(default, deserialize_with = "deserialize_one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub cc: Vec<Url>,
    #[serde(default, deserialize_with = "deserialize_opt_id", skip_serializing_if = "Option::is_none")]
    pub audience: Option<Url>,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub published: Option<DateTime<Utc>>,
}

impl AnnounceJson {
    /// A group forwards `activity` unchanged to its `followers` (FEP-1b12). A `Create` or
    /// `Update` not addressed to the public (in a private group) goes to the followers only.
    pub fn wrap(id: Url, group: Url, activity: Value, followers: Url) -> Self {
        let addressed = |key: &str| -> Vec<String> {
            match activity.get(key) {
                Some(Value::String(one)) => vec![one.clone()],
                Some(Value::Array(many)) => {
                    many.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect()
                }
                _ => Vec::new(),
            }
        };
        // A post's `Create` or `Update` in a private group names no public collection.
        let carries_post = matches!(activity.get("type").and_then(Value::as_str), Some("Create" | "Update"));
        let (to, cc) = (addressed("to"), addressed("cc"));
        let public = !carries_post || (to.is_empty() && cc.is_empty()) || super::is_public(&to, &cc);
        let mut announce = Self::new(id, group, AnnounceObject::Activity(activity), followers);
        if !public {
            announce.to = std::mem::take(&mut announce.cc);
        }
        announce
    }

    /// A plain boost of the object at `object` (Mastodon shows the post itself).
    pub fn boost(id: Url, actor: Url, object: Url, followers: Url) -> Self {
        Self::new(id, actor, AnnounceObject::Url(object), followers)
    }

    fn new(id: Url, actor: Url, object: AnnounceObject, followers: Url) -> Self {
        Self {
            id,
            kind: AnnounceType::Announce,
            audience: None,
            to: vec![public()],
            cc: vec![followers],
            actor,
            object,
            published: None,
        }
    }
}

/// A URL (a boost, or PeerTube sharing a video) or an embedded activity or object, kept raw.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum AnnounceObject {
    Url(Url),
    Activity(Value),
}

impl AnnounceObject {
    /// The id of what is announced, if it has a readable one.
    pub fn id(&self) -> Option<Url> {
        match self {
            Self::Url(id) => Some(id.clone()),
            Self::Activity(value) => id_of(value),
        }
    }

    /// The `type` of the embedded activity (`Create`, `Update`...); `None` for a URL.
    pub fn inner_kind(&self) -> Option<&str> {
        match self {
            Self::Url(_) => None,
            Self::Activity(value) => kind_of(value),
        }
    }
}

impl<'de> Deserialize<'de> for AnnounceObject {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Value::deserialize(deserializer)? {
            Value::String(id) => Url::parse(&id).map(Self::Url).map_err(D::Error::custom),
            object @ Value::Object(_) => Ok(Self::Activity(object)),
            _ => Err(D::Error::custom("Announce object must be a URL or an object")),
        }
    }
}
