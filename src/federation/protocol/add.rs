//! `Add` and `Remove` of something to a collection (Lemmy): a group's moderators (`target` the
//! group's `attributedTo` collection) or its featured threads. The same shape serves both
//! (`remove.rs` names the other kind).

use activitypub_federation::kinds::activity::AddType;
use activitypub_federation::protocol::helpers::deserialize_one_or_many;
use serde::{Deserialize, Serialize};
use url::Url;

use super::de::{deserialize_id, deserialize_opt_id};

/// An `Add` (or, with `RemoveType`, a `Remove`): `actor` puts `object` into `target`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CollectionChangeJson<Kind> {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: Kind,
    pub actor: Url,
    /// What is added or removed: a person (moderators) or a post (featured).
    #[serde(deserialize_with = "deserialize_id")]
    pub object: Url,
    /// The collection.
    #[serde(deserialize_with = "deserialize_id")]
    pub target: Url,
    #[serde(default, deserialize_with = "deserialize_opt_id", skip_serializing_if = "Option::is_none")]
    pub audience: Option<Url>,
    #[serde(default, deserialize_with = "deserialize_one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub to: Vec<Url>,
    #[serde(default, deserialize_with = "deserialize_one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub cc: Vec<Url>,
}

pub type AddJson = CollectionChangeJson<AddType>;

impl<Kind> CollectionChangeJson<Kind> {
    /// `actor` changes `target` of `group`, addressed as Lemmy addresses it: public, to the group.
    pub fn new(kind: Kind, id: Url, actor: Url, object: Url, target: Url, group: Url, public: Url) -> Self {
        Self {
            id,
            kind,
            actor,
            object,
            target,
            audience: Some(group.clone()),
            to: vec![public],
            cc: vec![group],
        }
    }
}
