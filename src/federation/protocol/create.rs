//! `Create` of a post: a new thread (a `Page`, or a Mastodon `Note` that mentions a group, see
//! DESIGN.md section 3) or a reply.

use activitypub_federation::kinds::activity::CreateType;
use activitypub_federation::protocol::helpers::{deserialize_one_or_many, deserialize_skip_error};
use chrono::{DateTime, Utc};
use serde::de::Error;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use url::Url;

use super::actor::{ActorJson, ActorKind};
use super::de::{deserialize_opt_id, kind_of};
use super::post::{PostJson, PostKind};

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateJson {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: CreateType,
    pub actor: Url,
    pub object: ObjectOrActor,
    #[serde(default, deserialize_with = "deserialize_one_or_many")]
    pub to: Vec<Url>,
    #[serde(default, deserialize_with = "deserialize_one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub cc: Vec<Url>,
    #[serde(default, deserialize_with = "deserialize_opt_id", skip_serializing_if = "Option::is_none")]
    pub audience: Option<Url>,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub published: Option<DateTime<Utc>>,
}

impl CreateJson {
    /// The author creates `post`, addressed like the post itself (Mastodon and Lemmy compare
    /// the two).
    pub fn new(id: Url, post: PostJson) -> Self {
        Self {
            id,
            kind: CreateType::Create,
            actor: post.attributed_to.clone(),
            to: post.to.clone(),
            cc: post.cc.clone(),
            audience: post.audience.clone(),
            published: post.published,
            object: ObjectOrActor::Post(Box::new(post)),
        }
    }
}

/// What a `Create` or `Update` carries: a post, or (for `Update`) a profile or group.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum ObjectOrActor {
    Post(Box<PostJson>),
    Actor(Box<ActorJson>),
}

impl ObjectOrActor {
    pub fn id(&self) -> &Url {
        match self {
            Self::Post(post) => &post.id,
            Self::Actor(actor) => &actor.id,
        }
    }

    pub fn post(&self) -> Option<&PostJson> {
        match self {
            Self::Post(post) => Some(post),
            Self::Actor(_) => None,
        }
    }

    pub fn actor(&self) -> Option<&ActorJson> {
        match self {
            Self::Actor(actor) => Some(actor),
            Self::Post(_) => None,
        }
    }
}

/// Dispatches on `type` instead of trying each shape in turn (`untagged`), so the error names
/// the type that was not understood, or what was wrong with a post.
impl<'de> Deserialize<'de> for ObjectOrActor {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut value = Value::deserialize(deserializer)?;
        // JSON-LD allows several types (`["Note", "Article"]`): the first one we read counts.
        if let Some(types) = value.get("type").and_then(Value::as_array) {
            let known = types
                .iter()
                .filter_map(Value::as_str)
                .find(|kind| PostKind::is_post_type(kind) || ActorKind::is_actor_type(kind))
                .map(|kind| Value::String(kind.to_owned()));
            if let Some(known) = known {
                value["type"] = known;
            }
        }
        match kind_of(&value).map(str::to_owned).as_deref() {
            Some(kind) if PostKind::is_post_type(kind) => PostJson::deserialize(value)
                .map(|post| Self::Post(Box::new(post)))
                .map_err(|error| D::Error::custom(format_args!("{kind}: {error}"))),
            Some(kind) if ActorKind::is_actor_type(kind) => ActorJson::deserialize(value)
                .map(|actor| Self::Actor(Box::new(actor)))
                .map_err(|error| D::Error::custom(format_args!("{kind}: {error}"))),
            Some(kind) => Err(D::Error::custom(format_args!(
                "object of type `{kind}` is not supported (expected Page, Note, Article or an actor)"
            ))),
            None => Err(D::Error::custom("object must be embedded, with a string `type`")),
        }
    }
}
