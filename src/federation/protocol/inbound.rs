//! Classifies what arrives at an inbox by its `type`, before anything is checked or stored.
//!
//! Activities we handle become their wire type; any other well-formed activity (`View`,
//! `Arrive`...) becomes [`Inbound::Unknown`], so the inbox can acknowledge and ignore it instead of
//! answering with an error that the sender would retry for days. Malformed input, and known
//! activities whose content we cannot read, are a [`ParseError`] that says what was wrong.

use serde::de::DeserializeOwned;
use serde_json::Value;
use thiserror::Error;

use super::accept::AcceptJson;
use super::add::AddJson;
use super::announce::AnnounceJson;
use super::block::BlockJson;
use super::create::CreateJson;
use super::de::kind_of;
use super::delete::DeleteJson;
use super::event::{AcceptJoinJson, EventActivityJson, JoinJson};
use super::flag::FlagJson;
use super::follow::FollowJson;
use super::like::{DislikeJson, LikeJson};
use super::lock::LockJson;
use super::moves::MoveJson;
use super::reject::RejectJson;
use super::remove::RemoveJson;
use super::undo::{UNDOABLE_KINDS, UndoJson};
use super::update::UpdateJson;

/// An incoming activity, by kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Inbound {
    Follow(FollowJson),
    Accept(AcceptJson),
    Reject(RejectJson),
    Undo(Box<UndoJson>),
    Create(Box<CreateJson>),
    Update(Box<UpdateJson>),
    Delete(DeleteJson),
    Like(LikeJson),
    Dislike(DislikeJson),
    Announce(AnnounceJson),
    Block(BlockJson),
    /// `Lock` of a thread (Lemmy).
    Lock(LockJson),
    /// `Add` to a collection: a group's moderator appointed (Lemmy), or a thread featured.
    Add(AddJson),
    /// `Remove` from a collection: a moderator dismissed, or a thread no longer featured.
    Remove(RemoveJson),
    /// A report.
    Flag(Box<FlagJson>),
    /// `Create` or `Update` of an `Event`.
    Event(Box<EventActivityJson>),
    /// `Join` of an event (going).
    Join(JoinJson),
    /// `Leave` of an event, or `Undo` of a `Join` (read as a `Leave` by the same actor).
    Leave(JoinJson),
    /// `Accept` or `Reject` (its `kind`) of a `Join` embedded in it: an organiser's answer.
    JoinAnswer(Box<AcceptJoinJson>),
    /// An account moved to another (`Move`, Mastodon's account migration).
    Move(MoveJson),
    /// `QuoteRequest` (FEP-044f): someone asks to quote one of our posts.
    QuoteRequest(Box<super::interaction::QuoteRequestJson>),
    /// `Accept` or `Reject` of a `QuoteRequest` embedded in it.
    QuoteAnswer(Box<super::interaction::QuoteAnswerJson>),
    /// `Create` of poll votes (`Note`s named after options, in reply to a poll).
    Vote(Box<super::question::VoteJson>),
    /// A well-formed activity of a kind we do not handle: its `type`, or for a wrapper around
    /// an unhandled kind the two, as in `Undo(Add)`.
    Unknown(String),
}

impl Inbound {
    /// The activity's kind, for logs and metrics: `Create`, or `Unknown(Add)`.
    pub fn kind(&self) -> String {
        let name = match self {
            Self::Follow(_) => "Follow",
            Self::Accept(_) => "Accept",
            Self::Reject(_) => "Reject",
            Self::Undo(_) => "Undo",
            Self::Create(_) => "Create",
            Self::Update(_) => "Update",
            Self::Delete(_) => "Delete",
            Self::Like(_) => "Like",
            Self::Dislike(_) => "Dislike",
            Self::Announce(_) => "Announce",
            Self::Block(_) => "Block",
            Self::Lock(_) => "Lock",
            Self::Add(_) => "Add",
            Self::Remove(_) => "Remove",
            Self::Flag(_) => "Flag",
            Self::Event(_) => "Event",
            Self::Join(_) => "Join",
            Self::Leave(_) => "Leave",
            Self::Move(_) => "Move",
            Self::Vote(_) => "Vote",
            Self::JoinAnswer(answer) => return format!("{}(Join)", answer.kind),
            Self::QuoteRequest(_) => "QuoteRequest",
            Self::QuoteAnswer(answer) => return format!("{}(QuoteRequest)", answer.kind),
            Self::Unknown(kind) => return format!("Unknown({kind})"),
        };
        name.to_owned()
    }
}

#[derive(Debug, Error)]
pub enum ParseError {
    #[error("an activity must be a JSON object, not {0}")]
    NotAnObject(&'static str),
    #[error("the activity has no string `{0}`")]
    MissingField(&'static str),
    #[error("invalid {kind} activity: {source}")]
    Invalid {
        kind: String,
        #[source]
        source: serde_json::Error,
    },
}

/// Reads an incoming activity. The top level must be an object with string `id`, `type` and
/// `actor`; unknown fields anywhere are ignored.
pub fn parse_inbound(value: Value) -> Result<Inbound, ParseError> {
    let object = match &value {
        Value::Object(object) => object,
        other => return Err(ParseError::NotAnObject(json_kind(other))),
    };
    for field in ["id", "type", "actor"] {
        if !object.get(field).is_some_and(Value::is_string) {
            return Err(ParseError::MissingField(field));
        }
    }
    let kind = kind_of(&value).unwrap_or_default().to_owned();
    if let Some(event) = event_activity(&kind, &value)? {
        return Ok(event);
    }
    if matches!(kind.as_str(), "Accept" | "Reject") && super::interaction::answers_quote_request(&value) {
        return Ok(Inbound::QuoteAnswer(Box::new(parse(&kind, value)?)));
    }
    if kind == "Create" && super::question::is_vote_create(&value) {
        return Ok(Inbound::Vote(Box::new(parse(&kind, value)?)));
    }
    if let Some(inner) = unhandled_inner_kind(&kind, &value) {
        return Ok(Inbound::Unknown(format!("{kind}({inner})")));
    }
    Ok(match kind.as_str() {
        "Follow" => Inbound::Follow(parse(&kind, value)?),
        "Accept" => Inbound::Accept(parse(&kind, value)?),
        "Reject" => Inbound::Reject(parse(&kind, value)?),
        "Undo" => Inbound::Undo(Box::new(parse(&kind, value)?)),
        "Create" => Inbound::Create(Box::new(parse(&kind, value)?)),
        "Update" => Inbound::Update(Box::new(parse(&kind, value)?)),
        "Delete" => Inbound::Delete(parse(&kind, value)?),
        "Like" => Inbound::Like(parse(&kind, value)?),
        "Dislike" => Inbound::Dislike(parse(&kind, value)?),
        "Announce" => Inbound::Announce(parse(&kind, value)?),
        "Block" => Inbound::Block(parse(&kind, value)?),
        "Lock" => Inbound::Lock(parse(&kind, value)?),
        "Add" => Inbound::Add(parse(&kind, value)?),
        "Remove" => Inbound::Remove(parse(&kind, value)?),
        "Flag" => Inbound::Flag(Box::new(parse(&kind, value)?)),
        "Move" => Inbound::Move(parse(&kind, value)?),
        "QuoteRequest" => Inbound::QuoteRequest(Box::new(parse(&kind, value)?)),
        _ => Inbound::Unknown(kind),
    })
}

/// Activities about events (Mobilizon's shapes): `Create`/`Update` of an `Event`, `Join`,
/// `Leave`, `Undo(Join)`, read as a `Leave`, and `Accept`/`Reject` of an embedded `Join`.
fn event_activity(kind: &str, value: &Value) -> Result<Option<Inbound>, ParseError> {
    let inner = value.get("object").and_then(kind_of);
    Ok(Some(match (kind, inner) {
        ("Create" | "Update", Some("Event")) => Inbound::Event(Box::new(parse(kind, value.clone())?)),
        ("Join", _) => Inbound::Join(parse(kind, value.clone())?),
        ("Leave", _) => Inbound::Leave(parse(kind, value.clone())?),
        ("Accept" | "Reject", Some("Join")) => Inbound::JoinAnswer(Box::new(parse(kind, value.clone())?)),
        ("Undo", Some("Join")) => {
            let join: JoinJson = parse("Join", value.get("object").cloned().unwrap_or_default())?;
            let undo: JoinJson =
                parse(kind, value.clone()).map_err(|_| ParseError::MissingField("object"))?;
            // The undone Join's actor must be the Undo's; otherwise this names nobody's answer.
            if join.actor != undo.actor {
                return Ok(Some(Inbound::Unknown("Undo(Join)".to_owned())));
            }
            Inbound::Leave(JoinJson { object: join.object, ..undo })
        }
        _ => return Ok(None),
    }))
}

fn parse<T: DeserializeOwned>(kind: &str, value: Value) -> Result<T, ParseError> {
    serde_json::from_value(value).map_err(|source| ParseError::Invalid { kind: kind.to_owned(), source })
}

/// For activities about other activities (`Undo`, `Accept`, `Reject`): the embedded activity's
/// kind, when it is one we do not handle (Lemmy's `Undo(Add)`, Mobilizon's `Accept(Invite)`).
/// Such an activity is as unknown as its inner one, not malformed.
fn unhandled_inner_kind<'a>(kind: &str, value: &'a Value) -> Option<&'a str> {
    let handled: &[&str] = match kind {
        "Undo" => UNDOABLE_KINDS,
        "Accept" | "Reject" => &["Follow"],
        _ => return None,
    };
    let inner = value.get("object").and_then(kind_of)?;
    (!handled.contains(&inner)).then_some(inner)
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
