//! Tests of the wire types: real JSON from other servers (`fixtures`, `fixture_fields`), what we
//! send (`serialize`), and hostile input (`hostile`).

mod expected;
mod fixture_fields;
mod fixtures;
mod hostile;
mod serialize;
