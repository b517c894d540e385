//! `Delete` of a post (by its author or, with a reason in `summary`, a moderator) or of an
//! account (`object` is the actor itself).
//!
//! Senders name the deleted object by URL (Lemmy, Pleroma) or embed a `Tombstone` (Mastodon,
//! Friendica); we send the Tombstone (DESIGN.md section 3) and read both.

use activitypub_federation::kinds::activity::DeleteType;
use activitypub_federation::protocol::helpers::{deserialize_one_or_many, deserialize_skip_error};
use serde::de::Error;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use url::Url;

use super::de::{deserialize_opt_id, id_of};
use super::tombstone::TombstoneJson;

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeleteJson {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: DeleteType,
    pub actor: Url,
    pub object: DeleteObject,
    #[serde(default, deserialize_with = "deserialize_one_or_many")]
    pub to: Vec<Url>,
    #[serde(default, deserialize_with = "deserialize_one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub cc: Vec<Url>,
    #[serde(default, deserialize_with = "deserialize_opt_id", skip_serializing_if = "Option::is_none")]
    pub audience: Option<Url>,
    /// The moderator's reason.
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
}

impl DeleteJson {
    /// `actor` deletes `object`, sent as a Tombstone; address it on the result.
    pub fn new(id: Url, actor: Url, object: Url) -> Self {
        Self {
            id,
            kind: DeleteType::Delete,
            actor,
            object: DeleteObject::Tombstone(TombstoneJson::new(object)),
            to: Vec::new(),
            cc: Vec::new(),
            audience: None,
            summary: None,
        }
    }

    /// The id of what is deleted, in whichever shape it was named.
    pub fn object_id(&self) -> &Url {
        self.object.id()
    }
}

/// The deleted object: a URL, or an embedded Tombstone. Other embedded objects (a Note sent whole)
/// are read by their id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum DeleteObject {
    Url(Url),
    Tombstone(TombstoneJson),
}

impl DeleteObject {
    pub fn id(&self) -> &Url {
        match self {
            Self::Url(id) => id,
            Self::Tombstone(tombstone) => &tombstone.id,
        }
    }
}

impl<'de> Deserialize<'de> for DeleteObject {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        if let Ok(tombstone) = TombstoneJson::deserialize(&value) {
            return Ok(Self::Tombstone(tombstone));
        }
        id_of(&value).map(Self::Url).ok_or_else(|| D::Error::custom("Delete names no object URL"))
    }
}
