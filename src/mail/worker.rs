//! The mail worker: claims due mails of the persisted queue, sends them over SMTP and records
//! the outcome, retrying temporary failures with a growing wait. `drain` runs it until nothing
//! is due, which is how tests drive it; `run` is the background loop of `allmende serve`.

use std::sync::Arc;
use std::time::Duration;

use super::{Envelope, MailError, Mailer};
use crate::db::{self, mail_queue::QueuedMail};
use crate::federation::delivery::retry::RetrySchedule;
use crate::service::{Context, ServiceError};

/// Mails claimed per round.
const CLAIM_BATCH: i64 = 16;
/// How long a claim holds before another worker may take the mail over (a crashed worker);
/// longer than one SMTP conversation may take.
const LEASE_SECONDS: i64 = 4 * super::SEND_TIMEOUT_SECONDS as i64;
/// Keep trying a mail for two days.
pub const GIVE_UP_AFTER_SECONDS: i64 = 2 * 24 * 3600;
/// Longest sleep between rounds.
const IDLE_POLL_MILLIS: i64 = 1000;
/// Sent and failed mails are forgotten after a week (their text holds links with tokens).
const KEEP_FINISHED_SECONDS: i64 = 7 * 24 * 3600;

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct MailReport {
    pub sent: usize,
    pub retried: usize,
    pub failed: usize,
}

impl MailReport {
    pub fn attempts(&self) -> usize {
        self.sent + self.retried + self.failed
    }
}

#[derive(Clone)]
pub struct MailWorker {
    ctx: Context,
    mailer: Option<Arc<Mailer>>,
    schedule: RetrySchedule,
    metrics: Arc<crate::observability::Metrics>,
}

impl MailWorker {
    /// A worker sending with `mailer`; without one (mail is off) it sends nothing.
    pub fn new(ctx: Context, mailer: Option<Mailer>) -> Self {
        Self {
            ctx,
            mailer: mailer.map(Arc::new),
            schedule: RetrySchedule::default(),
            metrics: Arc::default(),
        }
    }

    pub fn with_metrics(mut self, metrics: Arc<crate::observability::Metrics>) -> Self {
        self.metrics = metrics;
        self
    }

    /// Uses another retry schedule (the first wait after a failure).
    pub fn with_schedule(mut self, schedule: RetrySchedule) -> Self {
        self.schedule = schedule;
        self
    }

    /// Whether mail is configured.
    pub fn enabled(&self) -> bool {
        self.mailer.is_some()
    }

    async fn claim(&self) -> Result<Vec<QueuedMail>, ServiceError> {
        let token = format!("{:016x}", rand::random::<u64>());
        let now = self.ctx.now();
        let mut conn = self.ctx.db.acquire().await?;
        db::mail_queue::claim_due_mails(
            &mut conn.conn(),
            &token,
            now.millis(),
            now.plus_seconds(LEASE_SECONDS).millis(),
            CLAIM_BATCH,
        )
        .await?;
        Ok(db::mail_queue::list_claimed_mails(&mut conn.conn(), &token).await?)
    }

    /// One round: claim due mails, send them one after the other, record each outcome.
    pub async fn send_due(&self) -> Result<MailReport, ServiceError> {
        let mut report = MailReport::default();
        let Some(mailer) = &self.mailer else {
            return Ok(report);
        };
        let claimed = self.claim().await;
        self.metrics.record_job("mail_round", claimed.is_ok());
        for mail in claimed? {
            let envelope = Envelope {
                to: &mail.recipient,
                subject: &mail.subject,
                text: &mail.body_text,
                html: mail.body_html.as_deref(),
                unsubscribe_url: mail.unsubscribe_url.as_deref(),
            };
            let result = mailer.send(&envelope).await;
            let now = self.ctx.now();
            let attempts = mail.attempts + 1;
            let (state, next, error) = match result {
                Ok(answer) => {
                    tracing::info!(id = mail.id, kind = %mail.kind, %answer, "mail sent");
                    report.sent += 1;
                    ("sent", now.millis(), None)
                }
                Err(error) => {
                    let permanent = matches!(
                        &error,
                        MailError::Send { permanent: true, .. } | MailError::Address(_) | MailError::Build(_)
                    );
                    let too_old = now.millis() - mail.created_at > GIVE_UP_AFTER_SECONDS * 1000;
                    if permanent || too_old {
                        tracing::warn!(id = mail.id, kind = %mail.kind, %error, "mail failed for good");
                        report.failed += 1;
                        ("failed", now.millis(), Some(error.to_string()))
                    } else {
                        let wait = self.schedule.backoff_seconds(mail.attempts);
                        tracing::info!(id = mail.id, kind = %mail.kind, %error, wait, "mail not sent; will retry");
                        report.retried += 1;
                        ("pending", now.plus_seconds(wait).millis(), Some(error.to_string()))
                    }
                }
            };
            let mut conn = self.ctx.db.acquire().await?;
            db::mail_queue::update_mail_result(
                &mut conn.conn(),
                mail.id,
                state,
                attempts,
                next,
                error.as_deref(),
                now.millis(),
            )
            .await?;
        }
        Ok(report)
    }

    /// Runs rounds until a round finds nothing due.
    pub async fn drain(&self) -> Result<MailReport, ServiceError> {
        let mut total = MailReport::default();
        loop {
            let round = self.send_due().await?;
            if round.attempts() == 0 {
                return Ok(total);
            }
            total.sent += round.sent;
            total.retried += round.retried;
            total.failed += round.failed;
        }
    }

    /// The background loop: sends what is due, looks again at least every second (mails queued
    /// by any process sharing the database), and tidies old mails now and then.
    pub async fn run(self, mut shutdown: tokio::sync::watch::Receiver<bool>) {
        if self.mailer.is_none() {
            return;
        }
        let mut rounds: u64 = 0;
        loop {
            let sent = match self.send_due().await {
                Ok(report) => report.attempts(),
                Err(error) => {
                    tracing::error!(%error, "sending mail failed");
                    0
                }
            };
            if rounds.is_multiple_of(3600) {
                self.forget_finished().await;
            }
            rounds = rounds.wrapping_add(1);
            let sleep = if sent > 0 { Duration::ZERO } else { self.time_until_next_due().await };
            tokio::select! {
                _ = shutdown.changed() => return,
                () = tokio::time::sleep(sleep) => {},
            }
        }
    }

    async fn forget_finished(&self) {
        let before = self.ctx.now().plus_seconds(-KEEP_FINISHED_SECONDS).millis();
        let result = async {
            let mut conn = self.ctx.db.acquire().await?;
            db::mail_queue::delete_finished_before(&mut conn.conn(), before).await?;
            db::mail_tokens::delete_expired(&mut conn.conn(), before).await?;
            Ok::<_, ServiceError>(())
        }
        .await;
        if let Err(error) = result {
            tracing::warn!(%error, "forgetting old mails failed");
        }
    }

    async fn time_until_next_due(&self) -> Duration {
        let next = async {
            let mut conn = self.ctx.db.acquire().await.ok()?;
            db::mail_queue::get_next_due_time(&mut conn.conn()).await.ok()?
        }
        .await;
        let wait_millis =
            next.map_or(IDLE_POLL_MILLIS, |due| (due - self.ctx.now().millis()).clamp(10, IDLE_POLL_MILLIS));
        Duration::from_millis(u64::try_from(wait_millis).unwrap_or(1000))
    }
}
