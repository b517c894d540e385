//! ActivityPub. For now only the URL scheme of local objects lives here; the protocol,
//! inbox and delivery queue build on it.

pub mod uris;
