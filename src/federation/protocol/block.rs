//! `Block`: a moderator bans a person from a group, or an admin from the instance, named in
//! `target` (Lemmy). Parsed so that `Undo(Block)` can lift a ban; acting on it is moderation.

use activitypub_federation::kinds::activity::BlockType;
use activitypub_federation::protocol::helpers::{deserialize_one_or_many, deserialize_skip_error};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use url::Url;

use super::de::{deserialize_id, deserialize_opt_id};

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BlockJson {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: BlockType,
    pub actor: Url,
    /// The blocked actor.
    #[serde(deserialize_with = "deserialize_id")]
    pub object: Url,
    /// The group or instance the ban applies to.
    #[serde(default, deserialize_with = "deserialize_opt_id", skip_serializing_if = "Option::is_none")]
    pub target: Option<Url>,
    /// The reason.
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// When a temporary ban ends.
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub end_time: Option<DateTime<Utc>>,
    /// The same, under the name older Lemmy versions use (and still read); sent as well.
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub expires: Option<DateTime<Utc>>,
    /// Whether the person's content is removed as well (Lemmy).
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub remove_data: Option<bool>,
    #[serde(default, deserialize_with = "deserialize_opt_id", skip_serializing_if = "Option::is_none")]
    pub audience: Option<Url>,
    #[serde(default, deserialize_with = "deserialize_one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub to: Vec<Url>,
    #[serde(default, deserialize_with = "deserialize_one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub cc: Vec<Url>,
}

impl BlockJson {
    /// `actor` bans `object` from `target`.
    pub fn new(id: Url, actor: Url, object: Url, target: Url) -> Self {
        Self {
            id,
            kind: BlockType::Block,
            actor,
            object,
            target: Some(target),
            summary: None,
            end_time: None,
            expires: None,
            remove_data: None,
            audience: None,
            to: Vec::new(),
            cc: Vec::new(),
        }
    }

    /// A member blocks a person, as Mastodon sends it: no `target`, addressed to the blocked
    /// person alone, so their instance can hide the member from them.
    pub fn personal(id: Url, actor: Url, object: Url) -> Self {
        Self {
            id,
            kind: BlockType::Block,
            actor,
            to: vec![object.clone()],
            object,
            target: None,
            summary: None,
            end_time: None,
            remove_data: None,
            audience: None,
            cc: Vec::new(),
            expires: None,
        }
    }

    /// When the ban ends, under either name.
    pub fn ends_at(&self) -> Option<DateTime<Utc>> {
        self.end_time.or(self.expires)
    }
}
