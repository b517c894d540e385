//! `Accept` of a `Follow`: the followed actor confirms, and the follow becomes active.

use activitypub_federation::kinds::activity::AcceptType;
use activitypub_federation::protocol::helpers::deserialize_one_or_many;
use serde::de::Error;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use url::Url;

use super::follow::FollowJson;

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AcceptJson {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: AcceptType,
    pub actor: Url,
    pub object: FollowOrUrl,
    /// What the acceptance produced: the stamp of an accepted `QuoteRequest` (FEP-044f).
    #[serde(
        default,
        deserialize_with = "super::de::deserialize_opt_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub result: Option<Url>,
    #[serde(default, deserialize_with = "deserialize_one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub to: Vec<Url>,
    #[serde(default, deserialize_with = "deserialize_one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub cc: Vec<Url>,
}

impl AcceptJson {
    /// `actor` accepts `follow`; the follower is the addressee. The Follow is embedded, because
    /// Lemmy and Mastodon match it by content as well as by id.
    pub fn new(id: Url, actor: Url, follow: FollowJson) -> Self {
        Self {
            id,
            kind: AcceptType::Accept,
            actor,
            to: vec![follow.actor.clone()],
            object: FollowOrUrl::Follow(Box::new(follow)),
            result: None,
            cc: Vec::new(),
        }
    }
}

/// The Follow being answered: embedded (Lemmy, Mastodon, Mbin) or only its id (Mitra).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum FollowOrUrl {
    Follow(Box<FollowJson>),
    Url(Url),
}

impl FollowOrUrl {
    /// The id of the Follow, in either shape.
    pub fn id(&self) -> &Url {
        match self {
            Self::Follow(follow) => &follow.id,
            Self::Url(id) => id,
        }
    }

    /// The embedded Follow, if the sender embedded it.
    pub fn follow(&self) -> Option<&FollowJson> {
        match self {
            Self::Follow(follow) => Some(follow),
            Self::Url(_) => None,
        }
    }
}

/// Written out rather than `untagged`, so a broken embedded Follow says what is wrong with it.
impl<'de> Deserialize<'de> for FollowOrUrl {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Value::deserialize(deserializer)? {
            Value::String(id) => Url::parse(&id).map(Self::Url).map_err(D::Error::custom),
            object => FollowJson::deserialize(object)
                .map(|follow| Self::Follow(Box::new(follow)))
                .map_err(|error| D::Error::custom(format_args!("embedded Follow: {error}"))),
        }
    }
}
