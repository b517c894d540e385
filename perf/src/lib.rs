//! Performance tools for Allmende, as a library so tests can drive them.
//!
//! - [`seed`]: fills an empty database with a large, realistic and deterministic instance.

pub mod seed;
