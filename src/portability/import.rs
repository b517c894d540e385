//! Importing Mastodon's `following_accounts.csv` or `blocked_accounts.csv` (or the one-column
//! form): each address is looked up (WebFinger, through the resolver) and followed or blocked
//! through the same services as a click would. Bounded in the request: at most
//! `accounts.import_max_rows` lines, a few looked up at a time, and whatever is not reached
//! within [`IMPORT_DEADLINE`] is reported as not tried.

use std::time::Duration;

use futures_util::StreamExt;

use super::csv_files::{self, CsvError, ListedAccount};
use crate::federation::resolve;
use crate::service::{CurrentUser, ServiceError, blocks, follows};
use crate::state::AppState;

/// Lines looked up at the same time.
const LOOKUPS_AT_ONCE: usize = 4;
/// How long one import may run (requests time out at `limits.request_timeout_seconds`).
pub const IMPORT_DEADLINE: Duration = Duration::from_secs(20);

/// What the file is imported as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportKind {
    Follows,
    Blocks,
}

impl ImportKind {
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "follows" | "following" => Some(Self::Follows),
            "blocks" | "blocking" => Some(Self::Blocks),
            _ => None,
        }
    }
}

/// Why one line was not imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// Neither `name@host` nor an actor URL.
    NotAnAddress,
    /// WebFinger or the actor's server found nobody.
    NotFound,
    /// Found, but the service refused (e.g. oneself, a group to block).
    Refused,
    /// The import ran out of time before this line.
    NotTried,
}

impl Failure {
    /// The message id of the reason (see the locales).
    pub fn message_id(self) -> &'static str {
        match self {
            Self::NotAnAddress => "import-failed-not-address",
            Self::NotFound => "import-failed-not-found",
            Self::Refused => "import-failed-refused",
            Self::NotTried => "import-failed-not-tried",
        }
    }
}

/// One line that was not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailedLine {
    pub line: u64,
    pub address: String,
    pub reason: Failure,
    /// The service's own words, for `Refused`.
    pub detail: String,
}

/// The outcome of an import.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Addresses followed or blocked (also those that already were).
    pub imported: Vec<String>,
    pub failed: Vec<FailedLine>,
}

/// Whether `address` looks like `name@host` or an `http(s)` URL (before any lookup).
fn plausible_address(address: &str) -> bool {
    if address.starts_with("https://") || address.starts_with("http://") {
        return url::Url::parse(address).is_ok();
    }
    let handle = address.trim_start_matches('@');
    match handle.split_once('@') {
        Some((name, host)) => {
            !name.is_empty()
                && !host.is_empty()
                && !handle[name.len() + 1..].contains('@')
                && !handle.contains(char::is_whitespace)
                && url::Url::parse(&format!("https://{host}/")).is_ok_and(|u| u.path() == "/")
        }
        None => false,
    }
}

fn refusal_detail(error: &ServiceError) -> String {
    match error {
        ServiceError::Invalid(errors) => {
            errors.iter().map(|e| e.message.clone()).collect::<Vec<_>>().join("; ")
        }
        other => other.to_string(),
    }
}

async fn import_one(
    state: &AppState,
    user: &CurrentUser,
    kind: ImportKind,
    listed: ListedAccount,
) -> Result<String, FailedLine> {
    let fail = |reason, detail: String| FailedLine {
        line: listed.line,
        address: listed.address.clone(),
        reason,
        detail,
    };
    if !plausible_address(&listed.address) {
        return Err(fail(Failure::NotAnAddress, String::new()));
    }
    let Some(actor) = resolve::actor_by_handle_or_url(state, &listed.address).await else {
        return Err(fail(Failure::NotFound, String::new()));
    };
    let done = match kind {
        ImportKind::Follows => follows::follow_actor(&state.ctx, user, actor).await.map(|group| {
            if let Some(group_url) = group {
                crate::federation::backfill::spawn_backfill(state, group_url);
            }
        }),
        ImportKind::Blocks => blocks::block_actor(&state.ctx, user, actor).await,
    };
    match done {
        Ok(()) => Ok(listed.address.clone()),
        Err(ServiceError::NotFound) => Err(fail(Failure::NotFound, String::new())),
        Err(error @ (ServiceError::Invalid(_) | ServiceError::Forbidden)) => {
            Err(fail(Failure::Refused, refusal_detail(&error)))
        }
        Err(error) => {
            tracing::warn!(%error, address = %listed.address, "an imported line could not be saved");
            Err(fail(Failure::Refused, "could not be saved".to_owned()))
        }
    }
}

/// Imports an uploaded follows or blocks file for `user`. A file that is not an account list is
/// refused whole; otherwise every line is tried and the summary says how each went.
pub async fn import_accounts(
    state: &AppState,
    user: &CurrentUser,
    kind: ImportKind,
    bytes: &[u8],
) -> Result<ImportSummary, CsvError> {
    let listed = csv_files::parse_account_list(bytes, state.config.accounts.import_max_rows)?;
    let deadline = tokio::time::Instant::now() + IMPORT_DEADLINE;
    let mut summary = ImportSummary::default();
    let results: Vec<Result<String, FailedLine>> = futures_util::stream::iter(listed)
        .map(|listed| async move {
            let not_tried = FailedLine {
                line: listed.line,
                address: listed.address.clone(),
                reason: Failure::NotTried,
                detail: String::new(),
            };
            match tokio::time::timeout_at(deadline, import_one(state, user, kind, listed)).await {
                Ok(result) => result,
                Err(_) => Err(not_tried),
            }
        })
        .buffered(LOOKUPS_AT_ONCE)
        .collect()
        .await;
    for result in results {
        match result {
            Ok(address) => summary.imported.push(address),
            Err(failed) => summary.failed.push(failed),
        }
    }
    state.wake_delivery.notify_one();
    tracing::info!(
        user = %user.name,
        ?kind,
        imported = summary.imported.len(),
        failed = summary.failed.len(),
        "account list imported"
    );
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::plausible_address;

    #[test]
    fn addresses_are_checked_before_any_lookup() {
        for good in
            ["ana@forum.example", "@ana@forum.example", "energy@lemmy.example:8443", "https://x.example/u/a"]
        {
            assert!(plausible_address(good), "{good}");
        }
        for bad in ["ana", "ana@", "@forum.example", "a@b@c", "a b@x.example", "ftp://x", "a@exa mple.org"] {
            assert!(!plausible_address(bad), "{bad}");
        }
    }
}
