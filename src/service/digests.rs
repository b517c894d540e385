//! Opt-in notification digests: a daily or weekly mail summing up replies in watched threads,
//! mentions and replies to the member, and new threads in watched groups, since the last
//! digest. A scheduled job (`run_scheduled`) queues them; members choose on the settings
//! page, and the unsubscribe link in every mail turns them off.

use std::time::Duration;

use super::mail::{self, MailKind};
use super::{Context, ServiceError};
use crate::db;
use crate::mail::templates::{self, DigestItems};

const DAY_SECONDS: i64 = 24 * 3600;
/// Lines of one digest at most.
const MAX_ITEMS: i64 = 50;
/// Digests queued per pass at most (the next pass takes the rest).
const BATCH: i64 = 200;
/// How often the job looks for due digests.
const CHECK_EVERY_SECONDS: u64 = 15 * 60;

/// Queues every due digest; returns how many were queued. Several processes may run this at
/// once: the account's `last_digest_at` is moved on only by the one that queues its digest.
pub async fn queue_due_digests(ctx: &Context) -> Result<usize, ServiceError> {
    if !ctx.settings.mail_enabled {
        return Ok(0);
    }
    let now = ctx.now();
    let mut conn = ctx.db.acquire().await?;
    let due = db::mail_preferences::list_digests_due(
        &mut conn.conn(),
        now.plus_seconds(-DAY_SECONDS).millis(),
        now.plus_seconds(-7 * DAY_SECONDS).millis(),
        BATCH,
    )
    .await?;
    drop(conn);
    let mut queued = 0;
    for row in due {
        let weekly = row.digest == "weekly";
        let period = if weekly { 7 * DAY_SECONDS } else { DAY_SECONDS };
        let since = row.last_digest_at.unwrap_or_else(|| now.plus_seconds(-period).millis());
        let mut tx = ctx.db.begin().await?;
        let mut conn = tx.conn();
        if !db::mail_preferences::update_digest_sent(
            &mut conn,
            row.account_id,
            row.last_digest_at,
            now.millis(),
        )
        .await?
        {
            continue;
        }
        let kinds = format!(",mention,{},{},", super::watches::WATCHED_REPLY, super::watches::WATCHED_THREAD);
        let entries =
            db::notifications::list_digest_entries(&mut conn, row.account_id, since, &kinds, MAX_ITEMS)
                .await?;
        let items = digest_items(ctx, &entries);
        if !items.is_empty()
            && let Some(to) = mail::recipient(ctx, &mut conn, row.account_id).await?
        {
            let instance = ctx.settings.instance_name.clone();
            let settings_link = mail::link(ctx, "/settings/security#mail");
            let address = to.email.clone();
            if mail::enqueue(ctx, &mut conn, &to, &address, MailKind::Digest, |t, unsubscribe| {
                templates::digest(t, &instance, &to.name, weekly, &items, &settings_link, unsubscribe)
            })
            .await?
            {
                queued += 1;
            }
        }
        tx.commit().await?;
    }
    Ok(queued)
}

fn digest_items(ctx: &Context, entries: &[db::notifications::DigestEntryRow]) -> DigestItems {
    let mut items = DigestItems::default();
    for entry in entries {
        let who = match &entry.from_host {
            Some(host) => format!("@{}@{host}", entry.from_name),
            None => format!("@{}", entry.from_name),
        };
        let title = entry.thread_title.clone().filter(|t| !t.trim().is_empty()).unwrap_or_default();
        let link = match (entry.post_root_id, entry.post_id) {
            (Some(root), Some(post)) if root != post => mail::link(ctx, &format!("/t/{root}#p{post}")),
            (_, Some(post)) => mail::link(ctx, &format!("/p/{post}")),
            _ => String::new(),
        };
        let line =
            [who, title, link].into_iter().filter(|part| !part.is_empty()).collect::<Vec<_>>().join(" – ");
        match entry.kind.as_str() {
            "mention" => items.mentions.push(line),
            super::watches::WATCHED_REPLY => items.replies.push(line),
            super::watches::WATCHED_THREAD => items.new_threads.push(line),
            _ => {}
        }
    }
    items
}

/// The scheduled job of `allmende serve`: looks for due digests every quarter of an hour.
pub async fn run_scheduled(ctx: Context, mut stopped: tokio::sync::watch::Receiver<bool>) {
    if !ctx.settings.mail_enabled {
        return;
    }
    let mut every = tokio::time::interval(Duration::from_secs(CHECK_EVERY_SECONDS));
    loop {
        tokio::select! {
            _ = every.tick() => {
                if let Err(error) = queue_due_digests(&ctx).await {
                    tracing::warn!(%error, "queueing notification digests failed");
                }
            }
            _ = stopped.changed() => return,
        }
    }
}
