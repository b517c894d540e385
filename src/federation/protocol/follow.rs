//! `Follow`: a person follows a group or another person. Groups accept automatically unless
//! closed (DESIGN.md section 3).

use activitypub_federation::kinds::activity::FollowType;
use activitypub_federation::protocol::helpers::deserialize_one_or_many;
use serde::{Deserialize, Serialize};
use url::Url;

use super::de::deserialize_id;

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FollowJson {
    /// Kept with the follow, because `Undo` and `Accept` may name the Follow only by its id.
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: FollowType,
    pub actor: Url,
    /// The followed actor.
    #[serde(deserialize_with = "deserialize_id")]
    pub object: Url,
    #[serde(default, deserialize_with = "deserialize_one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub to: Vec<Url>,
    #[serde(default, deserialize_with = "deserialize_one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub cc: Vec<Url>,
}

impl FollowJson {
    /// `actor` follows `object`, addressed to `object` (Lemmy checks that).
    pub fn new(id: Url, actor: Url, object: Url) -> Self {
        Self { id, kind: FollowType::Follow, actor, to: vec![object.clone()], object, cc: Vec::new() }
    }
}
