//! One file per area of the site.

pub mod admin;
pub mod assets;
pub mod auth;
pub mod calendar;
pub mod events;
pub mod feeds;
pub mod follow_requests;
pub mod goals;
pub mod groups;
pub mod home;
pub mod language;
pub mod media;
pub mod moderation;
pub mod network;
pub mod posts;
pub mod projects;
pub mod registrations;
pub mod search;
pub mod settings;
pub mod tags;
pub mod threads;
pub mod users;
