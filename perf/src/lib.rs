//! Performance and measuring tools for Allmende, run from the `allmende-perf` binary and usable
//! from tests as a library.
//!
//! - [`seed`]: fills an empty database with a large, realistic and deterministic instance.
//! - [`load`]: a sustained mixed load (many concurrent clients: pages, API timelines, sign-ins,
//!   posts, replies, likes and signed inbox deliveries from fake peers) against a running server,
//!   followed by checks that every acknowledged write is there and the database is consistent.

pub mod load;
pub mod seed;
