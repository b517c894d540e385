//! `Remove` from a collection (Lemmy): a moderator dismissed, a thread no longer featured. The
//! shape is `Add`'s (`add.rs`).

use activitypub_federation::kinds::activity::RemoveType;

use super::add::CollectionChangeJson;

pub type RemoveJson = CollectionChangeJson<RemoveType>;
