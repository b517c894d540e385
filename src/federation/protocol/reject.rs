//! `Reject` of a `Follow`: a closed group or a person declines a follower.

use activitypub_federation::kinds::activity::RejectType;
use activitypub_federation::protocol::helpers::deserialize_one_or_many;
use serde::{Deserialize, Serialize};
use url::Url;

use super::accept::FollowOrUrl;
use super::follow::FollowJson;

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RejectJson {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: RejectType,
    pub actor: Url,
    pub object: FollowOrUrl,
    #[serde(default, deserialize_with = "deserialize_one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub to: Vec<Url>,
    #[serde(default, deserialize_with = "deserialize_one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub cc: Vec<Url>,
}

impl RejectJson {
    /// `actor` rejects `follow`, addressed to the follower, with the Follow embedded.
    pub fn new(id: Url, actor: Url, follow: FollowJson) -> Self {
        Self {
            id,
            kind: RejectType::Reject,
            actor,
            to: vec![follow.actor.clone()],
            object: FollowOrUrl::Follow(Box::new(follow)),
            cc: Vec::new(),
        }
    }
}
