//! ActivityPub and discovery. `uris` builds every local URL; `discovery` answers WebFinger,
//! NodeInfo and host-meta.

pub mod discovery;
pub mod error;
pub mod uris;
