//! `Like` and `Dislike` of a post. Lemmy counts both as votes; Mastodon sends only `Like`
//! (favourites). The post is named by URL; embedded posts are read by their id.

use activitypub_federation::kinds::activity::{DislikeType, LikeType};
use activitypub_federation::protocol::helpers::deserialize_one_or_many;
use serde::{Deserialize, Serialize};
use url::Url;

use super::de::{deserialize_id, deserialize_opt_id};

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LikeJson {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: LikeType,
    pub actor: Url,
    #[serde(deserialize_with = "deserialize_id")]
    pub object: Url,
    /// The group of the post (Lemmy).
    #[serde(default, deserialize_with = "deserialize_opt_id", skip_serializing_if = "Option::is_none")]
    pub audience: Option<Url>,
    #[serde(default, deserialize_with = "deserialize_one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub to: Vec<Url>,
    #[serde(default, deserialize_with = "deserialize_one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub cc: Vec<Url>,
}

impl LikeJson {
    pub fn new(id: Url, actor: Url, object: Url, audience: Option<Url>) -> Self {
        Self { id, kind: LikeType::Like, actor, object, audience, to: Vec::new(), cc: Vec::new() }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DislikeJson {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: DislikeType,
    pub actor: Url,
    #[serde(deserialize_with = "deserialize_id")]
    pub object: Url,
    #[serde(default, deserialize_with = "deserialize_opt_id", skip_serializing_if = "Option::is_none")]
    pub audience: Option<Url>,
    #[serde(default, deserialize_with = "deserialize_one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub to: Vec<Url>,
    #[serde(default, deserialize_with = "deserialize_one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub cc: Vec<Url>,
}

impl DislikeJson {
    pub fn new(id: Url, actor: Url, object: Url, audience: Option<Url>) -> Self {
        Self { id, kind: DislikeType::Dislike, actor, object, audience, to: Vec::new(), cc: Vec::new() }
    }
}
