//! `Lock`: a group or its moderator closes a thread to new replies (Lemmy); `Undo` of it opens
//! the thread again. The object is the thread's opener, named by URL.

use activitypub_federation::protocol::helpers::{deserialize_one_or_many, deserialize_skip_error};
use serde::{Deserialize, Serialize};
use url::Url;

use super::de::{deserialize_id, deserialize_opt_id};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub enum LockType {
    Lock,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LockJson {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: LockType,
    pub actor: Url,
    /// The locked post.
    #[serde(deserialize_with = "deserialize_id")]
    pub object: Url,
    /// The reason (Lemmy).
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The group of the post.
    #[serde(default, deserialize_with = "deserialize_opt_id", skip_serializing_if = "Option::is_none")]
    pub audience: Option<Url>,
    #[serde(default, deserialize_with = "deserialize_one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub to: Vec<Url>,
    #[serde(default, deserialize_with = "deserialize_one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub cc: Vec<Url>,
}

impl LockJson {
    /// `actor` locks `object` in `group`, addressed as Lemmy addresses it: public, to the group.
    pub fn new(id: Url, actor: Url, object: Url, group: Url, public: Url) -> Self {
        Self {
            id,
            kind: LockType::Lock,
            actor,
            object,
            summary: None,
            audience: Some(group.clone()),
            to: vec![public],
            cc: vec![group],
        }
    }
}
