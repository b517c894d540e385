//! Tests of the wire types: real JSON from other servers (`fixtures`, `fixture_fields`), what we
//! send (`serialize`, `post_tags`), and hostile input (`hostile`).

mod expected;
mod fixture_fields;
mod fixtures;
mod hostile;
mod join_answers;
mod moderation_fields;
mod poll_fields;
mod post_tags;
mod quote_fields;
mod serialize;
mod visibility;
