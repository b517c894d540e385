//! What a deleted object turns into: served at its old URL and embedded in `Delete`, so other
//! servers learn it is gone rather than unreachable.

use activitypub_federation::kinds::object::TombstoneType;
use activitypub_federation::protocol::helpers::deserialize_skip_error;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use url::Url;

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TombstoneJson {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: TombstoneType,
    /// What the object was (`Page`, `Note`). lotide spells it `former_type`.
    #[serde(
        default,
        alias = "former_type",
        deserialize_with = "deserialize_skip_error",
        skip_serializing_if = "Option::is_none"
    )]
    pub former_type: Option<String>,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub deleted: Option<DateTime<Utc>>,
}

impl TombstoneJson {
    pub fn new(id: Url) -> Self {
        Self { id, kind: TombstoneType::Tombstone, former_type: None, deleted: None }
    }
}
