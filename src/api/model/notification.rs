//! Notification.

use serde::Serialize;

use super::{Account, Report, Status, timestamp};
use crate::federation::uris::Uris;
use crate::service::notifications::NotificationView;

#[derive(Debug, Clone, Serialize)]
pub struct Notification {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub group_key: String,
    pub created_at: String,
    pub account: Account,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// For `admin.report` and `report_resolved`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report: Option<Report>,
}

impl Notification {
    pub fn new(uris: &Uris, view: &NotificationView) -> Self {
        Self {
            id: view.id.to_string(),
            kind: crate::service::notifications::mastodon_type(&view.kind).to_owned(),
            group_key: format!("ungrouped-{}", view.id),
            created_at: timestamp(view.created_at),
            account: Account::from_summary(uris, &view.account),
            status: view.status.as_ref().map(|s| Status::new(uris, s)),
            report: view.report.as_ref().map(|r| Report::new(uris, r)),
        }
    }
}
