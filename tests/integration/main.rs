//! Integration tests: services, repositories and HTTP through the real router, each on a fresh
//! database, on SQLite and (when `ALLMENDE_TEST_POSTGRES_URL` is set) on PostgreSQL.
//! One test binary keeps linking cheap.

#![allow(dead_code)]

mod accounts;
mod activitypub_serve;
mod api_client;
mod api_media;
mod api_oauth;
mod api_streaming;
mod api_support;
mod authority;
mod boosts;
mod cli;
mod common;
mod delivery;
mod discovery;
mod edit_history;
mod event_answers;
mod event_query_counts;
mod events;
mod extra_ca;
mod fedcore;
mod feeds;
mod fixture_processing;
mod goals;
mod group_settings;
mod groups;
mod hardening;
mod http_admin;
mod http_auth;
mod http_forum;
mod i18n;
mod inbox;
mod instance_blocks;
mod member_blocks;
mod member_blocks_web;
mod members;
mod migrations;
mod moderation_inbound;
mod moderation_outbound;
mod moderator_teams;
mod modlog;
mod nul_text;
mod outbound;
mod outbox_queries;
mod peer;
mod personal_posts;
mod posts;
mod project_partners;
mod projects;
mod query_counts;
mod register_spam;
mod registration_modes;
mod report_federation;
mod reports;
mod reverse_proxy;
mod signature_crosscheck;
mod signed_fetch;
mod sink;
mod slow_peers;
mod suspensions;
mod tags;
mod timeline_boosts;
