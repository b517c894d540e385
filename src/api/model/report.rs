//! Report (what a member filed, and what a report notification carries) and Admin::Report
//! (the admin API).

use serde::Serialize;

use super::admin_account::AdminAccount;
use super::{Account, Status, timestamp};
use crate::federation::uris::Uris;
use crate::service::reports::ReportView;
use crate::service::statuses::{AccountSummary, StatusView};

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub id: String,
    pub action_taken: bool,
    pub action_taken_at: Option<String>,
    pub category: &'static str,
    pub comment: String,
    pub forwarded: bool,
    pub created_at: String,
    pub status_ids: Vec<String>,
    pub rule_ids: Vec<String>,
    pub target_account: Account,
}

impl Report {
    pub fn new(uris: &Uris, report: &ReportView) -> Self {
        Self {
            id: report.id.to_string(),
            action_taken: report.resolved_at.is_some(),
            action_taken_at: report.resolved_at.map(timestamp),
            category: report.category.as_str(),
            comment: report.comment.clone(),
            forwarded: report.forwarded,
            created_at: timestamp(report.created_at),
            status_ids: report.posts.iter().filter_map(|p| p.post_id).map(|id| id.to_string()).collect(),
            rule_ids: Vec::new(),
            target_account: Account::from_summary(uris, &report.target),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct AdminReport {
    pub id: String,
    pub action_taken: bool,
    pub action_taken_at: Option<String>,
    pub category: &'static str,
    pub comment: String,
    pub forwarded: bool,
    pub created_at: String,
    pub updated_at: String,
    /// The reporter, or for a report from elsewhere the actor that sent it.
    pub account: Option<AdminAccount>,
    pub target_account: AdminAccount,
    pub assigned_account: Option<AdminAccount>,
    pub action_taken_by_account: Option<AdminAccount>,
    pub statuses: Vec<Status>,
    pub rules: Vec<serde_json::Value>,
}

impl AdminReport {
    /// The assigned moderator and the resolver are local people, known here by id and name.
    pub fn new(uris: &Uris, report: &ReportView, statuses: &[StatusView]) -> Self {
        let named = |who: &Option<(i64, String)>| {
            who.as_ref().map(|(id, name)| {
                AdminAccount::from_summary(
                    uris,
                    &AccountSummary {
                        id: *id,
                        kind: "person".to_owned(),
                        name: name.clone(),
                        display_name: name.clone(),
                        host: None,
                        ap_id: None,
                        summary_html: String::new(),
                        created_at: report.created_at,
                        avatar: None,
                        header: None,
                    },
                )
            })
        };
        Self {
            id: report.id.to_string(),
            action_taken: report.resolved_at.is_some(),
            action_taken_at: report.resolved_at.map(timestamp),
            category: report.category.as_str(),
            comment: report.comment.clone(),
            forwarded: report.forwarded,
            created_at: timestamp(report.created_at),
            updated_at: timestamp(report.updated_at),
            account: report.reporter.as_ref().map(|r| AdminAccount::from_summary(uris, r)),
            target_account: AdminAccount {
                suspended: report.target_suspended,
                silenced: report.target_silenced,
                ..AdminAccount::from_summary(uris, &report.target)
            },
            assigned_account: named(&report.assigned),
            action_taken_by_account: named(&report.resolved_by),
            statuses: statuses.iter().map(|s| Status::new(uris, s)).collect(),
            rules: Vec::new(),
        }
    }
}
