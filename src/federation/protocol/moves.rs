//! `Move`: an account moved to another (Mastodon's account migration). `actor` and `object`
//! are the old account, `target` the new one, whose `alsoKnownAs` must list the old.

use activitypub_federation::kinds::activity::MoveType;
use activitypub_federation::protocol::helpers::deserialize_one_or_many;
use serde::{Deserialize, Serialize};
use url::Url;

use super::de::deserialize_id;

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MoveJson {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: MoveType,
    pub actor: Url,
    /// The account that moved: the actor itself.
    #[serde(deserialize_with = "deserialize_id")]
    pub object: Url,
    /// The account it moved to.
    #[serde(deserialize_with = "deserialize_id")]
    pub target: Url,
    #[serde(default, deserialize_with = "deserialize_one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub to: Vec<Url>,
    #[serde(default, deserialize_with = "deserialize_one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub cc: Vec<Url>,
}

impl MoveJson {
    /// `actor` moved to `target`, addressed to the actor's followers.
    pub fn new(id: Url, actor: Url, target: Url, followers: Url) -> Self {
        Self {
            id,
            kind: MoveType::Move,
            object: actor.clone(),
            actor,
            target,
            to: vec![followers],
            cc: Vec::new(),
        }
    }
}
