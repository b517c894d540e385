//! Polls as Mastodon federates them: a `Question` (a post whose options are `Note`s named after
//! the option, in `oneOf` for one choice or `anyOf` for several, each with its votes in
//! `replies.totalItems`; `endTime`, `closed` and `votersCount` beside them), and votes: a
//! `Create` of a `Note` whose `name` is the option chosen, `inReplyTo` the `Question`, with no
//! `content`, addressed to the poll's author only. GoToSocial sends several votes of a
//! multiple-choice poll as one `Create` with an array of `Note`s.

use activitypub_federation::protocol::helpers::deserialize_one_or_many;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use url::Url;

use super::de::{deserialize_attributed_to, deserialize_opt_id, kind_of};
use super::post::{PostJson, PostKind};

/// One option of a poll.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct PollOptionJson {
    #[serde(rename = "type", default = "note_type")]
    pub kind: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replies: Option<OptionRepliesJson>,
}

fn note_type() -> String {
    "Note".to_owned()
}

/// An option's votes, as a collection without items.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OptionRepliesJson {
    #[serde(rename = "type", default = "collection_type")]
    pub kind: String,
    #[serde(default)]
    pub total_items: Option<i64>,
}

fn collection_type() -> String {
    "Collection".to_owned()
}

impl PollOptionJson {
    pub fn new(name: String, votes: i64) -> Self {
        Self {
            kind: note_type(),
            name,
            replies: Some(OptionRepliesJson { kind: collection_type(), total_items: Some(votes) }),
        }
    }

    pub fn votes(&self) -> i64 {
        self.replies.as_ref().and_then(|replies| replies.total_items).unwrap_or(0).max(0)
    }
}

/// `closed`: when the poll closed (Mastodon, GoToSocial), or just `true` (some others).
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(untagged)]
pub enum ClosedJson {
    At(DateTime<Utc>),
    Flag(bool),
}

/// A poll as read from a `Question`.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionPoll<'a> {
    pub options: &'a [PollOptionJson],
    pub multiple: bool,
    pub end_time: Option<DateTime<Utc>>,
    /// When it closed; a bare `true` counts as closed at its end (or now, when it has none).
    pub closed: Option<Option<DateTime<Utc>>>,
    pub voters_count: Option<i64>,
}

impl PostJson {
    /// The poll of a `Question` with options; `None` for any other post.
    pub fn poll(&self) -> Option<QuestionPoll<'_>> {
        if self.kind != PostKind::Question {
            return None;
        }
        let (options, multiple) =
            if self.one_of.is_empty() { (&self.any_of[..], true) } else { (&self.one_of[..], false) };
        if options.is_empty() {
            return None;
        }
        let closed = match &self.closed {
            Some(ClosedJson::At(at)) => Some(Some(*at)),
            Some(ClosedJson::Flag(true)) => Some(self.end_time),
            Some(ClosedJson::Flag(false)) | None => None,
        };
        Some(QuestionPoll {
            options,
            multiple,
            end_time: self.end_time,
            closed,
            voters_count: self.voters_count,
        })
    }

    /// Makes this post a `Question` with these options.
    pub fn set_poll(
        &mut self,
        options: Vec<PollOptionJson>,
        multiple: bool,
        end_time: Option<DateTime<Utc>>,
        closed: Option<DateTime<Utc>>,
        voters_count: i64,
    ) {
        self.kind = PostKind::Question;
        if multiple {
            self.any_of = options;
        } else {
            self.one_of = options;
        }
        self.end_time = end_time;
        self.closed = closed.map(ClosedJson::At);
        self.voters_count = Some(voters_count);
    }
}

/// One vote: a `Note` named after the option, in reply to the poll.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VoteNoteJson {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
    #[serde(deserialize_with = "deserialize_attributed_to")]
    pub attributed_to: Url,
    #[serde(deserialize_with = "deserialize_opt_id")]
    pub in_reply_to: Option<Url>,
    #[serde(default, deserialize_with = "deserialize_one_or_many")]
    pub to: Vec<Url>,
}

impl VoteNoteJson {
    pub fn new(id: Url, name: String, voter: Url, question: Url, poll_author: Url) -> Self {
        Self {
            id,
            kind: "Note".to_owned(),
            name,
            attributed_to: voter,
            in_reply_to: Some(question),
            to: vec![poll_author],
        }
    }
}

/// A `Create` of one vote or several.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct VoteJson {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: String,
    pub actor: Url,
    #[serde(deserialize_with = "deserialize_votes", serialize_with = "serialize_votes")]
    pub object: Vec<VoteNoteJson>,
    #[serde(default, deserialize_with = "deserialize_one_or_many")]
    pub to: Vec<Url>,
}

/// One vote `Note` or an array of them.
fn deserialize_votes<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<VoteNoteJson>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        Many(Vec<VoteNoteJson>),
        One(Box<VoteNoteJson>),
    }
    Ok(match OneOrMany::deserialize(deserializer)? {
        OneOrMany::Many(votes) => votes,
        OneOrMany::One(vote) => vec![*vote],
    })
}

/// One vote as the object itself (as Mastodon sends it), several as an array.
fn serialize_votes<S: serde::Serializer>(votes: &[VoteNoteJson], serializer: S) -> Result<S::Ok, S::Error> {
    match votes {
        [vote] => vote.serialize(serializer),
        votes => votes.serialize(serializer),
    }
}

impl VoteJson {
    pub fn new(id: Url, vote: VoteNoteJson) -> Self {
        Self {
            id,
            kind: "Create".to_owned(),
            actor: vote.attributed_to.clone(),
            to: vote.to.clone(),
            object: vec![vote],
        }
    }
}

/// Whether a `Create` carries votes: each object a `Note` with a `name` and an `inReplyTo` but
/// no `content` (GoToSocial's test, which Mastodon's votes pass too).
pub fn is_vote_create(value: &Value) -> bool {
    let is_vote = |object: &Value| {
        kind_of(object) == Some("Note")
            && object.get("name").is_some_and(Value::is_string)
            && object.get("inReplyTo").is_some_and(|reply| !reply.is_null())
            && object.get("content").is_none_or(Value::is_null)
    };
    match value.get("object") {
        Some(Value::Array(objects)) => !objects.is_empty() && objects.iter().all(is_vote),
        Some(object) => is_vote(object),
        None => false,
    }
}
