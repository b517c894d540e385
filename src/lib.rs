//! Allmende: a federated forum server for regional climate networks.
//! See docs/ARCHITECTURE.md for how the layers fit.

pub mod api;
pub mod backup;
pub mod cli;
pub mod client_address;
pub mod config;
pub mod config_report;
pub mod db;
pub mod domain;
pub mod federation;
pub mod mail;
pub mod media;
pub mod observability;
pub mod portability;
pub mod request_log;
pub mod router;
pub mod server;
pub mod service;
pub mod startup;
pub mod state;
pub mod web;
