//! Mastodon JSON, built only here, from the service layer's read models. Ids are strings,
//! times ISO 8601 with milliseconds, images never null.

pub mod account;
pub mod admin_account;
pub mod app;
pub mod instance;
pub mod media;
pub mod notification;
pub mod poll;
pub mod report;
pub mod status;
pub mod status_edit;
pub mod tag;

use crate::domain::Timestamp;

pub use account::{Account, CredentialAccount, Relationship};
pub use app::{Application, Token};
pub use media::MediaAttachment;
pub use notification::Notification;
pub use poll::Poll;
pub use report::{AdminReport, Report};
pub use status::Status;
pub use status_edit::StatusEdit;
pub use tag::Tag;

pub fn timestamp(at: Timestamp) -> String {
    at.to_rfc3339()
}

/// Default images, served by the `media` handlers.
pub const AVATAR_PATH: &str = "/api/allmende/avatar.png";
pub const HEADER_PATH: &str = "/api/allmende/header.png";
