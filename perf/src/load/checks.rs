//! After the run: is every acknowledged write there, do the server's counters match what was
//! written, and does the database agree with itself?
//!
//! Through the API: every post written here is fetched by id and must carry its marker; thread
//! openers' `replies_count` and every post's `favourites_count` must equal what the ledger adds
//! up to. With `--database-url`: every like and every delivered remote reply and like is looked
//! up by its key, and the denormalised columns are compared with the rows they count, in SQL.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;
use std::sync::Arc;

use allmende::db::connection::Db;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use super::ledger::{Expected, Write};

/// API lookups at once.
const CHECK_CONCURRENCY: usize = 16;

/// One consistency check and its result.
#[derive(Debug, Clone)]
pub struct Check {
    pub name: String,
    pub passed: bool,
    pub detail: String,
}

impl fmt::Display for Check {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let verdict = if self.passed { "ok" } else { "FAILED" };
        write!(f, "{verdict:>6}  {}: {}", self.name, self.detail)
    }
}

/// Whether `actual` is what was acknowledged, allowing up to `slack` writes that got no answer
/// (they may have happened).
fn within(actual: i64, expected: u64, slack: u64) -> bool {
    let expected = i64::try_from(expected).unwrap_or(i64::MAX);
    let slack = i64::try_from(slack).unwrap_or(i64::MAX);
    actual >= expected && actual <= expected.saturating_add(slack)
}

/// The outcome of the API lookups.
#[derive(Debug, Default)]
pub struct ApiFindings {
    /// Writes that were acknowledged but are not found, described.
    pub lost: Vec<String>,
    pub checks: Vec<Check>,
    pub looked_up: usize,
}

/// Fetches every local post by id; compares reply and like counters with the ledger.
/// `tokens[i]` is client `i`'s token, for likes when no database is at hand.
pub async fn through_api(
    base_url: &str,
    writes: &[Write],
    tokens: &[Option<String>],
    slack: u64,
    likes_too: bool,
) -> ApiFindings {
    let expected = Expected::from_writes(writes);
    let http = reqwest::Client::new();
    let limit = Arc::new(Semaphore::new(CHECK_CONCURRENCY));
    let mut tasks = JoinSet::new();
    for write in writes {
        let (http, limit, base_url) = (http.clone(), limit.clone(), base_url.to_owned());
        match write {
            Write::LocalPost { id, marker, via, .. } => {
                let (id, marker, via) = (*id, marker.clone(), *via);
                tasks.spawn(async move {
                    let _permit = limit.acquire_owned().await.ok();
                    let status = fetch_status(&http, &base_url, id, None).await;
                    let found = status
                        .as_ref()
                        .is_some_and(|s| s["content"].as_str().unwrap_or("").contains(&marker));
                    let lost =
                        (!found).then(|| format!("{via} {id} ({marker}) is not found through the API"));
                    (lost, status.map(|s| (id, s)))
                });
            }
            Write::Like { post, client, .. } if likes_too => {
                let token = tokens.get(*client).cloned().flatten();
                let (post, client) = (*post, *client);
                tasks.spawn(async move {
                    let _permit = limit.acquire_owned().await.ok();
                    let status = fetch_status(&http, &base_url, post, token.as_deref()).await;
                    let liked = status.as_ref().is_some_and(|s| s["favourited"].as_bool() == Some(true));
                    let lost =
                        (!liked).then(|| format!("the like of {post} by client {client} is not found"));
                    (lost, None)
                });
            }
            _ => {}
        }
    }
    let mut findings = ApiFindings::default();
    let mut statuses = BTreeMap::new();
    while let Some(result) = tasks.join_next().await {
        findings.looked_up += 1;
        match result {
            Ok((lost, status)) => {
                findings.lost.extend(lost);
                if let Some((id, status)) = status {
                    statuses.insert(id, status);
                }
            }
            Err(e) => findings.lost.push(format!("a lookup task failed: {e}")),
        }
    }
    findings.checks.push(count_check(
        "thread reply counts (API replies_count) match acknowledged replies",
        expected
            .replies
            .iter()
            .map(|(root, want)| (*root, *want, statuses.get(root).map(|s| s["replies_count"].as_i64()))),
        slack,
    ));
    findings.checks.push(count_check(
        "like counts (API favourites_count) match acknowledged likes",
        expected
            .likes
            .iter()
            .map(|(post, want)| (*post, *want, statuses.get(post).map(|s| s["favourites_count"].as_i64()))),
        slack,
    ));
    findings
}

/// Compares (id, expected, actual) triples; a post that was not fetched is left to the lost
/// writes.
fn count_check(name: &str, rows: impl Iterator<Item = (i64, u64, Option<Option<i64>>)>, slack: u64) -> Check {
    let mut compared = 0;
    let mut wrong = Vec::new();
    for (id, want, got) in rows {
        let Some(got) = got else { continue };
        compared += 1;
        match got {
            Some(got) if within(got, want, slack) => {}
            got => wrong.push(format!("{id}: expected {want}, found {got:?}")),
        }
    }
    let detail = if wrong.is_empty() {
        format!("{compared} compared")
    } else {
        format!(
            "{} of {compared} differ, e.g. {}",
            wrong.len(),
            wrong.iter().take(5).cloned().collect::<Vec<_>>().join("; ")
        )
    };
    Check { name: name.to_owned(), passed: wrong.is_empty(), detail }
}

async fn fetch_status(
    http: &reqwest::Client,
    base_url: &str,
    id: i64,
    token: Option<&str>,
) -> Option<serde_json::Value> {
    let mut request = http.get(format!("{base_url}/api/v1/statuses/{id}"));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.ok()?;
    if !response.status().is_success() {
        return None;
    }
    response.json().await.ok()
}

/// Values bound to a check's SQL.
enum Bind<'a> {
    Int(i64),
    Text(&'a str),
}

async fn scalar(db: &Db, sql: &'static str, binds: &[Bind<'_>]) -> anyhow::Result<i64> {
    Ok(match db {
        Db::Sqlite(pool) => {
            let mut query = sqlx::query_scalar::<_, i64>(sql);
            for bind in binds {
                query = match bind {
                    Bind::Int(v) => query.bind(*v),
                    Bind::Text(v) => query.bind(*v),
                };
            }
            query.fetch_one(pool).await?
        }
        Db::Postgres(pool) => {
            let mut query = sqlx::query_scalar::<_, i64>(sql);
            for bind in binds {
                query = match bind {
                    Bind::Int(v) => query.bind(*v),
                    Bind::Text(v) => query.bind(*v),
                };
            }
            query.fetch_one(pool).await?
        }
    })
}

/// Invariants of the whole database: each query counts the rows that break one.
pub const INVARIANTS: [(&str, &str); 5] = [
    (
        "every thread's reply_count equals its live replies",
        "SELECT COUNT(*) FROM posts r WHERE r.id = r.root_id AND r.reply_count <> \
         (SELECT COUNT(*) FROM posts c WHERE c.root_id = r.id AND c.id <> r.id AND c.deleted_at IS NULL)",
    ),
    (
        "every post's like_count equals its likes",
        "SELECT COUNT(*) FROM posts p WHERE p.like_count <> (SELECT COUNT(*) FROM likes l WHERE l.post_id = p.id)",
    ),
    (
        "every reply is in its parent's thread",
        "SELECT COUNT(*) FROM posts c JOIN posts p ON p.id = c.in_reply_to_id WHERE c.root_id <> p.root_id",
    ),
    (
        "every reply is in its thread's group",
        "SELECT COUNT(*) FROM posts c JOIN posts r ON r.id = c.root_id \
         WHERE COALESCE(c.group_id, 0) <> COALESCE(r.group_id, 0)",
    ),
    (
        "no thread's last activity is older than its newest reply",
        "SELECT COUNT(*) FROM posts r WHERE r.id = r.root_id AND r.last_activity_at < \
         (SELECT COALESCE(MAX(c.created_at), 0) FROM posts c WHERE c.root_id = r.id AND c.local)",
    ),
];

/// The outcome of the database checks.
#[derive(Debug, Default)]
pub struct DatabaseFindings {
    pub lost: Vec<String>,
    pub checks: Vec<Check>,
}

/// Looks every like and remote write up in the database and checks the invariants.
pub async fn in_database(
    database_url: &str,
    writes: &[Write],
    usernames: &[String],
    slack: u64,
) -> anyhow::Result<DatabaseFindings> {
    let db = Db::connect(database_url, 4).await?;
    let mut findings = DatabaseFindings::default();
    for write in writes {
        let (found, what) = match write {
            Write::Like { post, client, .. } => {
                let name = usernames.get(*client).map(String::as_str).unwrap_or_default();
                let sql = "SELECT COUNT(*) FROM likes l JOIN actors a ON a.id = l.actor_id \
                           WHERE l.post_id = $1 AND a.name = $2 AND a.local";
                (
                    scalar(&db, sql, &[Bind::Int(*post), Bind::Text(name)]).await?,
                    format!("like of {post} by {name}"),
                )
            }
            Write::RemoteReply { ap_id, .. } => {
                let sql = "SELECT COUNT(*) FROM posts WHERE ap_id = $1";
                (scalar(&db, sql, &[Bind::Text(ap_id)]).await?, format!("remote reply {ap_id}"))
            }
            Write::RemoteLike { post, actor } => {
                let sql = "SELECT COUNT(*) FROM likes l JOIN actors a ON a.id = l.actor_id \
                           WHERE l.post_id = $1 AND a.ap_id = $2";
                (
                    scalar(&db, sql, &[Bind::Int(*post), Bind::Text(actor)]).await?,
                    format!("like of {post} by {actor}"),
                )
            }
            Write::LocalPost { id, marker, via, .. } => {
                let sql = "SELECT COUNT(*) FROM posts WHERE id = $1 AND deleted_at IS NULL";
                (scalar(&db, sql, &[Bind::Int(*id)]).await?, format!("{via} {id} ({marker})"))
            }
        };
        if found != 1 {
            findings.lost.push(format!("{what}: {found} rows in the database"));
        }
    }
    for (name, sql) in INVARIANTS {
        let broken = scalar(&db, sql, &[]).await?;
        findings.checks.push(Check {
            name: name.to_owned(),
            passed: broken == 0,
            detail: format!("{broken} rows break it"),
        });
    }
    let expected = Expected::from_writes(writes);
    let mut wrong = Vec::new();
    for (group, want) in &expected.threads {
        let sql = "SELECT COUNT(*) FROM posts p JOIN actors g ON g.id = p.group_id \
                   WHERE g.name = $1 AND g.local AND p.id = p.root_id AND p.deleted_at IS NULL";
        let got = scalar(&db, sql, &[Bind::Text(group)]).await?;
        if !within(got, *want, slack) {
            wrong.push(format!("{group}: expected {want}, found {got}"));
        }
    }
    findings.checks.push(Check {
        name: "every group's thread count matches acknowledged threads".into(),
        passed: wrong.is_empty(),
        detail: if wrong.is_empty() {
            format!("{} groups compared", expected.threads.len())
        } else {
            wrong.join("; ")
        },
    });
    db.close().await;
    Ok(findings)
}

/// Lines of the server's log that report a locked database.
pub fn lock_lines_in_log(path: &Path) -> anyhow::Result<Vec<String>> {
    let text = std::fs::read_to_string(path)?;
    Ok(text
        .lines()
        .filter(|line| {
            let line = line.to_ascii_lowercase();
            line.contains("database is locked") || line.contains("database table is locked")
        })
        .map(str::to_owned)
        .collect())
}

/// The peak resident set size of a process on Linux (`VmHWM`), in KiB.
pub fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_may_exceed_by_the_unanswered_writes_only() {
        assert!(within(3, 3, 0));
        assert!(!within(4, 3, 0));
        assert!(!within(2, 3, 5));
        assert!(within(5, 3, 2));
        assert!(!within(6, 3, 2));
    }

    #[test]
    fn own_peak_rss_is_read() {
        assert!(peak_rss_kib(std::process::id()).is_some_and(|kib| kib > 0));
    }

    #[test]
    fn locked_database_lines_are_found() {
        let dir = std::env::temp_dir().join(format!("allmende-perf-log-{}", std::process::id()));
        std::fs::write(&dir, "INFO fine\nERROR error returned from database: (code: 5) database is locked\n")
            .expect("write");
        let lines = lock_lines_in_log(&dir).expect("read");
        std::fs::remove_file(&dir).ok();
        assert_eq!(lines.len(), 1);
    }
}
