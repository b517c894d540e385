//! `Undo`: unfollow, take back a vote or a boost, lift a ban, restore a deleted post, unlock a
//! thread.
//!
//! The undone activity is usually embedded; Mastodon and Lemmy both check that its actor is the
//! `Undo`'s actor, so we send it embedded too. Undo of an activity kind we do not handle (Lemmy's
//! `Add`) is classified as unknown by [`super::inbound::parse_inbound`] before it reaches here.

use activitypub_federation::kinds::activity::UndoType;
use activitypub_federation::protocol::helpers::deserialize_one_or_many;
use serde::de::Error;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use url::Url;

use super::announce::AnnounceJson;
use super::block::BlockJson;
use super::de::{deserialize_opt_id, kind_of};
use super::delete::DeleteJson;
use super::follow::FollowJson;
use super::like::{DislikeJson, LikeJson};
use super::lock::LockJson;

/// Kinds of activity an `Undo` may carry.
pub const UNDOABLE_KINDS: &[&str] = &["Follow", "Like", "Dislike", "Announce", "Block", "Delete", "Lock"];

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UndoJson {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: UndoType,
    pub actor: Url,
    pub object: UndoObject,
    #[serde(default, deserialize_with = "deserialize_one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub to: Vec<Url>,
    #[serde(default, deserialize_with = "deserialize_one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub cc: Vec<Url>,
    #[serde(default, deserialize_with = "deserialize_opt_id", skip_serializing_if = "Option::is_none")]
    pub audience: Option<Url>,
}

impl UndoJson {
    /// `actor` undoes `object`; address it on the result (usually like the undone activity).
    pub fn new(id: Url, actor: Url, object: UndoObject) -> Self {
        Self { id, kind: UndoType::Undo, actor, object, to: Vec::new(), cc: Vec::new(), audience: None }
    }
}

/// The undone activity, embedded, or only its id.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum UndoObject {
    Follow(FollowJson),
    Like(LikeJson),
    Dislike(DislikeJson),
    Announce(Box<AnnounceJson>),
    Block(Box<BlockJson>),
    Delete(Box<DeleteJson>),
    Lock(Box<LockJson>),
    Url(Url),
}

impl UndoObject {
    /// The id of the undone activity.
    pub fn id(&self) -> &Url {
        match self {
            Self::Follow(follow) => &follow.id,
            Self::Like(like) => &like.id,
            Self::Dislike(dislike) => &dislike.id,
            Self::Announce(announce) => &announce.id,
            Self::Block(block) => &block.id,
            Self::Delete(delete) => &delete.id,
            Self::Lock(lock) => &lock.id,
            Self::Url(id) => id,
        }
    }
}

/// Dispatches on the embedded `type`, so an error names the kind that failed.
impl<'de> Deserialize<'de> for UndoObject {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        if let Value::String(id) = &value {
            return Url::parse(id).map(Self::Url).map_err(D::Error::custom);
        }
        let kind = kind_of(&value).ok_or_else(|| D::Error::custom("undone object has no string `type`"))?;
        let parsed = match kind {
            "Follow" => FollowJson::deserialize(&value).map(Self::Follow),
            "Like" => LikeJson::deserialize(&value).map(Self::Like),
            "Dislike" => DislikeJson::deserialize(&value).map(Self::Dislike),
            "Announce" => {
                AnnounceJson::deserialize(&value).map(|announce| Self::Announce(Box::new(announce)))
            }
            "Block" => BlockJson::deserialize(&value).map(|block| Self::Block(Box::new(block))),
            "Delete" => DeleteJson::deserialize(&value).map(|delete| Self::Delete(Box::new(delete))),
            "Lock" => LockJson::deserialize(&value).map(|lock| Self::Lock(Box::new(lock))),
            other => return Err(D::Error::custom(format_args!("Undo of `{other}` is not supported"))),
        };
        parsed.map_err(|error| D::Error::custom(format_args!("undone {kind}: {error}")))
    }
}
