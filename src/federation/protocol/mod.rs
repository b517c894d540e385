//! Serde wire types of ActivityStreams, one file per type: what Allmende sends and receives.
//!
//! Plain data, apart from behaviour (DESIGN.md section 7, rule 4): ids are [`url::Url`], not
//! database types, and the `activitypub_federation` traits are implemented elsewhere.
//!
//! Reading is tolerant, because fourteen kinds of server each shape JSON their own way (see
//! `tests/fixtures/`): only the fields without which an object is meaningless are required, a
//! field in an unexpected shape is read as absent, and unknown fields are ignored. Writing is
//! strict: `type` is fixed by the Rust type, names are camelCase, absent values are left out
//! rather than sent as `null`, and dates are RFC 3339.

pub mod accept;
pub mod actor;
pub mod add;
pub mod announce;
pub mod attachment;
pub mod block;
pub mod collection;
pub mod context;
pub mod create;
pub mod de;
pub mod delete;
pub mod event;
pub mod flag;
pub mod follow;
pub mod image;
pub mod inbound;
pub mod interaction;
pub mod language;
pub mod like;
pub mod lock;
pub mod moves;
pub mod note;
pub mod organisation;
pub mod page;
pub mod post;
pub mod project;
pub mod question;
pub mod reject;
pub mod remove;
pub mod source;
pub mod tag;
pub mod tombstone;
pub mod undo;
pub mod update;

#[cfg(test)]
mod tests;

pub use accept::{AcceptJson, FollowOrUrl};
pub use actor::{ActorJson, ActorKind, Endpoints, PropertyValue, main_key};
pub use add::AddJson;
pub use announce::{AnnounceJson, AnnounceObject};
pub use attachment::{AttachmentJson, AttachmentKind};
pub use block::BlockJson;
pub use collection::{OrderedCollectionJson, OrderedCollectionPageJson};
pub use context::{context, with_context};
pub use create::{CreateJson, ObjectOrActor};
pub use delete::{DeleteJson, DeleteObject};
pub use flag::FlagJson;
pub use follow::FollowJson;
pub use image::ImageJson;
pub use inbound::{Inbound, ParseError, parse_inbound};
pub use interaction::{
    ApprovalJson, InteractionPolicyJson, QuoteAnswerJson, QuoteAuthorizationJson, QuoteRequestJson,
};
pub use language::{ContentMap, LanguageJson};
pub use like::{DislikeJson, LikeJson};
pub use lock::LockJson;
pub use moves::MoveJson;
pub use note::{NewNote, NewPersonalNote};
pub use organisation::OrganisationJson;
pub use page::NewPage;
pub use post::{PostJson, PostKind};
pub use project::{FunderJson, MeasureJson, PartnerJson, ProjectJson};
pub use question::{ClosedJson, PollOptionJson, VoteJson, VoteNoteJson};
pub use reject::RejectJson;
pub use remove::RemoveJson;
pub use source::SourceJson;
pub use tag::TagJson;
pub use tombstone::TombstoneJson;
pub use undo::{UndoJson, UndoObject};
pub use update::UpdateJson;

/// The public collection: an object addressed to it may be read by anyone.
pub const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

/// Whether `to` or `cc` addresses the public, in any of its three spellings (the full URL, the
/// compact `as:Public`, and the bare `Public` that some servers send).
pub fn is_public<T: AsRef<str>>(to: &[T], cc: &[T]) -> bool {
    to.iter().chain(cc).any(|address| matches!(address.as_ref(), PUBLIC | "as:Public" | "Public"))
}
