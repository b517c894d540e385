//! One file per area of the site.

pub mod about;
pub mod admin;
pub mod admin_accounts;
pub mod assets;
pub mod auth;
pub mod blocks;
pub mod calendar;
pub mod events;
pub mod feeds;
pub mod follow_requests;
pub mod goals;
pub mod groups;
pub mod home;
pub mod language;
pub mod media;
pub mod network;
pub mod posts;
pub mod projects;
pub mod registrations;
pub mod reports;
pub mod search;
pub mod settings;
pub mod tags;
pub mod teams;
pub mod threads;
pub mod users;
