//! `Update`: an edited post, or a changed profile or group (Lemmy sends a moderator's Update of
//! the group actor).

use activitypub_federation::kinds::activity::UpdateType;
use activitypub_federation::kinds::public;
use activitypub_federation::protocol::helpers::{deserialize_one_or_many, deserialize_skip_error};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use url::Url;

use super::actor::ActorJson;
use super::create::ObjectOrActor;
use super::de::deserialize_opt_id;
use super::post::PostJson;

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateJson {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: UpdateType,
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

impl UpdateJson {
    /// The author updates `post`, addressed like the post.
    pub fn post(id: Url, post: PostJson) -> Self {
        Self {
            id,
            kind: UpdateType::Update,
            actor: post.attributed_to.clone(),
            to: post.to.clone(),
            cc: post.cc.clone(),
            audience: post.audience.clone(),
            published: post.updated,
            object: ObjectOrActor::Post(Box::new(post)),
        }
    }

    /// `actor` (the actor itself, or a moderator of a group) updates `profile`, publicly and
    /// to the profile's followers, as Lemmy does.
    pub fn profile(id: Url, actor: Url, profile: ActorJson) -> Self {
        Self {
            id,
            kind: UpdateType::Update,
            actor,
            to: vec![public()],
            cc: profile.followers.iter().cloned().collect(),
            audience: None,
            published: profile.updated,
            object: ObjectOrActor::Actor(Box::new(profile)),
        }
    }
}
