//! Data portability: a member's export (one zip with their profile, posts as an ActivityPub
//! outbox, follows, blocks and mutes as Mastodon's CSV files, and their uploaded files) and the
//! import of Mastodon's follows and blocks CSV files.

pub mod archive;
pub mod csv_files;
pub mod export;
pub mod import;
