//! The delivery worker: claims the due head of each peer's queue, signs and sends it, and
//! records the outcome. `drain` runs it until nothing is due, which is how tests drive it.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use futures_util::StreamExt;
use tokio::sync::Notify;

use super::retry::{self, GIVE_UP_AFTER_SECONDS, Outcome, UNAVAILABLE_AFTER_SECONDS};
use crate::db::{self, deliveries::ClaimedDelivery};
use crate::federation::http::FederationHttp;
use crate::federation::signatures::SignatureFormat;
use crate::federation::signing::SigningError;
use crate::federation::uris::Uris;
use crate::service::{Context, ServiceError};

/// Deliveries sent at once (to different peers).
const PARALLEL_SENDS: usize = 16;
/// Heads claimed per round.
const CLAIM_BATCH: i64 = 64;
/// How long a claim holds before another worker may take the delivery over (a crashed
/// worker), unless configured (`federation.delivery_lease_seconds`).
const DEFAULT_LEASE_SECONDS: i64 = 60;
/// Longest sleep between rounds.
const IDLE_POLL_MILLIS: i64 = 500;

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct WorkerReport {
    pub delivered: usize,
    pub retried: usize,
    pub failed: usize,
}

impl WorkerReport {
    pub fn attempts(&self) -> usize {
        self.delivered + self.retried + self.failed
    }
}

#[derive(Clone)]
pub struct DeliveryWorker {
    ctx: Context,
    http: FederationHttp,
    uris: Uris,
    wake: Arc<Notify>,
    schedule: retry::RetrySchedule,
    lease_seconds: i64,
    metrics: Arc<crate::observability::Metrics>,
}

impl DeliveryWorker {
    pub fn new(ctx: Context, http: FederationHttp, uris: Uris, wake: Arc<Notify>) -> Self {
        Self {
            ctx,
            http,
            uris,
            wake,
            schedule: retry::RetrySchedule::default(),
            lease_seconds: DEFAULT_LEASE_SECONDS,
            metrics: Arc::default(),
        }
    }

    /// Counts attempts and rounds in these metrics (the application's, shown at `/metrics`).
    pub fn with_metrics(mut self, metrics: Arc<crate::observability::Metrics>) -> Self {
        self.metrics = metrics;
        self
    }

    /// Holds claims this long (`federation.delivery_lease_seconds`).
    pub fn with_lease_seconds(mut self, lease_seconds: i64) -> Self {
        self.lease_seconds = lease_seconds.max(1);
        self
    }

    /// Uses another retry schedule (configured first wait).
    pub fn with_schedule(mut self, schedule: retry::RetrySchedule) -> Self {
        self.schedule = schedule;
        self
    }

    /// Translates new domain events, then claims up to `limit` due heads of peers' queues for
    /// the lease time. Public so tests can play a worker that claims and then dies.
    pub async fn claim(&self, limit: i64) -> Result<Vec<ClaimedDelivery>, ServiceError> {
        let claimed = self.claim_round(limit).await;
        self.metrics.record_job("delivery_round", claimed.is_ok());
        claimed
    }

    async fn claim_round(&self, limit: i64) -> Result<Vec<ClaimedDelivery>, ServiceError> {
        crate::federation::outbound::translate_pending_events(&self.ctx, &self.uris, CLAIM_BATCH).await?;
        let token = format!("{:016x}", rand::random::<u64>());
        let now = self.ctx.now();
        let mut conn = self.ctx.db.acquire().await?;
        db::deliveries::claim_due_deliveries(
            &mut conn.conn(),
            &token,
            now.millis(),
            now.plus_seconds(self.lease_seconds).millis(),
            limit,
        )
        .await?;
        Ok(db::deliveries::list_claimed_deliveries(&mut conn.conn(), &token).await?)
    }

    /// Sends one delivery and records the outcome (if the claim still holds). Public so tests
    /// can play a worker that is slower than its lease.
    pub async fn deliver(&self, delivery: ClaimedDelivery) -> Result<Outcome, ServiceError> {
        let (outcome, status, error) = self.send(&delivery).await;
        self.metrics.record_delivery(match outcome {
            Outcome::Delivered => "delivered",
            Outcome::Retry { .. } => "retry",
            Outcome::Failed => "failed",
        });
        if status == Some(410) {
            // The actor of a personal inbox is gone; a shared inbox's 410 ends this delivery only.
            // The rest of the inbox's queue is dropped before this delivery's outcome frees the
            // queue's head: otherwise another round could claim and send the next one between.
            crate::service::gone_actors::inbox_answered_gone(&self.ctx, &delivery.inbox_url, delivery.id)
                .await?;
        }
        self.record(&delivery, &outcome, status, error.as_deref()).await?;
        Ok(outcome)
    }

    /// One round: turn new domain events into queued activities, claim due deliveries, send
    /// them (up to `PARALLEL_SENDS` at once) and wait for all of them.
    pub async fn deliver_due(&self) -> Result<WorkerReport, ServiceError> {
        let claimed = self.claim(CLAIM_BATCH).await?;
        let outcomes: Vec<Result<Outcome, ServiceError>> = futures_util::stream::iter(claimed)
            .map(|delivery| self.deliver(delivery))
            .buffer_unordered(PARALLEL_SENDS)
            .collect()
            .await;
        let mut report = WorkerReport::default();
        for outcome in outcomes {
            match outcome? {
                Outcome::Delivered => report.delivered += 1,
                Outcome::Retry { .. } => report.retried += 1,
                Outcome::Failed => report.failed += 1,
            }
        }
        Ok(report)
    }

    /// Runs rounds until a round finds nothing due.
    pub async fn drain(&self) -> Result<WorkerReport, ServiceError> {
        let mut total = WorkerReport::default();
        loop {
            let round = self.deliver_due().await?;
            if round.attempts() == 0 {
                return Ok(total);
            }
            total.delivered += round.delivered;
            total.retried += round.retried;
            total.failed += round.failed;
        }
    }

    /// The background loop of `allmende serve`. Deliveries run as separate tasks, so a peer
    /// that hangs until the timeout holds up only its own queue: the loop keeps claiming the
    /// heads of other peers' queues while up to `PARALLEL_SENDS` deliveries are in flight. It
    /// looks at least twice a second, so new domain events (written by any process sharing the
    /// database) and leases of crashed workers are picked up promptly. On shutdown it lets the
    /// deliveries in flight finish.
    pub async fn run(self, mut shutdown: tokio::sync::watch::Receiver<bool>) {
        let mut in_flight = tokio::task::JoinSet::new();
        loop {
            let capacity = PARALLEL_SENDS.saturating_sub(in_flight.len());
            let mut started = 0;
            if capacity > 0 {
                match self.claim(i64::try_from(capacity).unwrap_or(1)).await {
                    Ok(claimed) => {
                        for delivery in claimed {
                            let worker = self.clone();
                            in_flight.spawn(async move {
                                if let Err(error) = worker.deliver(delivery).await {
                                    tracing::error!(%error, "recording a delivery failed");
                                }
                            });
                            started += 1;
                        }
                    }
                    Err(error) => tracing::error!(%error, "claiming deliveries failed"),
                }
            }
            let sleep = if started > 0 { Duration::ZERO } else { self.time_until_next_due().await };
            tokio::select! {
                _ = shutdown.changed() => {
                    while in_flight.join_next().await.is_some() {}
                    return;
                }
                () = self.wake.notified() => {},
                Some(_) = in_flight.join_next(), if !in_flight.is_empty() => {},
                () = tokio::time::sleep(sleep) => {},
            }
        }
    }

    async fn time_until_next_due(&self) -> Duration {
        let next = async {
            let mut conn = self.ctx.db.acquire().await.ok()?;
            db::deliveries::get_next_due_time(&mut conn.conn()).await.ok()?
        }
        .await;
        let wait_millis =
            next.map_or(IDLE_POLL_MILLIS, |due| (due - self.ctx.now().millis()).clamp(10, IDLE_POLL_MILLIS));
        Duration::from_millis(u64::try_from(wait_millis).unwrap_or(500))
    }

    /// Signs and posts one delivery; never fails, the outcome says what happened. The peer's
    /// policy is checked again first: it may have been blocked (or, in allowlist mode, no
    /// longer allowed) since the delivery was queued, and then nothing is sent.
    async fn send(&self, delivery: &ClaimedDelivery) -> (Outcome, Option<i64>, Option<String>) {
        match crate::service::peers::refusal(&self.ctx, &delivery.domain).await {
            Ok(None) => {}
            Ok(Some(reason)) => return (Outcome::Failed, None, Some(reason.to_owned())),
            Err(error) => {
                let retry =
                    Outcome::Retry { after_seconds: self.schedule.backoff_seconds(delivery.attempts) };
                return (retry, None, Some(format!("policy unknown: {error}")));
            }
        }
        let retry = Outcome::Retry { after_seconds: self.schedule.backoff_seconds(delivery.attempts) };
        let Ok(inbox) = url::Url::parse(&delivery.inbox_url) else {
            return (Outcome::Failed, None, Some("inbox is not a URL".into()));
        };
        if let Err(error) = self.http.check_url(&inbox) {
            let outcome = match error {
                crate::federation::http::FetchError::NotAllowed(_) => Outcome::Failed,
                _ => retry,
            };
            return (outcome, None, Some(error.to_string()));
        }
        let Some(private_key) = delivery.private_key_pem.as_deref() else {
            return (Outcome::Failed, None, Some("the sending actor has no key".into()));
        };
        let key_id = format!("{}#main-key", self.uris.actor(&delivery.actor_kind, &delivery.actor_name));
        let known = match crate::service::peer_signatures::known_format(&self.ctx, &delivery.domain).await {
            Ok(known) => known,
            Err(error) => return (retry, None, Some(format!("signature format unknown: {error}"))),
        };
        let format = known.unwrap_or(self.http.first_signature_format);
        let post = |format| self.post(format, &inbox, delivery, &key_id, private_key);
        // Double-knocking: a peer that refuses the signature format may take the other one.
        let (answer, format) = match post(format).await {
            Ok(Ok(first)) if matches!(first.status().as_u16(), 401 | 403) => match post(format.other()).await
            {
                Ok(Ok(second)) if second.status().is_success() => (Ok(second), format.other()),
                _ => (Ok(first), format),
            },
            Ok(answer) => (answer, format),
            Err(error) => return (Outcome::Failed, None, Some(error.to_string())),
        };
        if answer.as_ref().is_ok_and(|response| response.status().is_success())
            && known != Some(format)
            && let Err(error) =
                crate::service::peer_signatures::accepted(&self.ctx, &delivery.domain, format).await
        {
            tracing::warn!(%error, domain = %delivery.domain, "could not remember the signature format");
        }
        match answer {
            Ok(response) => {
                let status = response.status().as_u16();
                let retry_after = response
                    .headers()
                    .get(reqwest::header::RETRY_AFTER)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| retry::parse_retry_after(v, SystemTime::now()));
                let outcome = self.schedule.classify_status(status, retry_after, delivery.attempts);
                let error = (outcome != Outcome::Delivered).then(|| format!("HTTP {status}"));
                (outcome, Some(i64::from(status)), error)
            }
            // The inbox's name resolves to refused addresses only: final, as for a refused URL.
            Err(error) if crate::federation::guarded_dns::is_refused_address(&error) => {
                (Outcome::Failed, None, Some(format!("not allowed: {error}")))
            }
            Err(error) => (retry, None, Some(format!("unreachable: {error}"))),
        }
    }

    /// Signs the delivery in `format` and posts it: the signing error, or the answer.
    async fn post(
        &self,
        format: SignatureFormat,
        inbox: &url::Url,
        delivery: &ClaimedDelivery,
        key_id: &str,
        private_key: &str,
    ) -> Result<Result<reqwest::Response, reqwest::Error>, SigningError> {
        let request = self
            .http
            .signer
            .signed_post_as(
                format,
                &self.http.client,
                inbox.as_str(),
                delivery.payload.clone().into_bytes(),
                key_id,
                private_key,
            )
            .await?;
        Ok(self.http.client.execute(request).await)
    }

    async fn record(
        &self,
        delivery: &ClaimedDelivery,
        outcome: &Outcome,
        status: Option<i64>,
        error: Option<&str>,
    ) -> Result<(), ServiceError> {
        let now = self.ctx.now();
        let attempts = delivery.attempts + 1;
        let mut conn = self.ctx.db.acquire().await?;
        if *outcome != Outcome::Delivered {
            // For the admin's federation health page: failures in a row and the last error.
            let reason = error.unwrap_or("failed");
            db::instances::update_instance_delivery_failed(
                &mut conn.conn(),
                &delivery.domain,
                reason,
                now.millis(),
            )
            .await?;
        }
        let (state, next_attempt_at, error) = match outcome {
            Outcome::Delivered => {
                db::instances::update_instance_heard_from(&mut conn.conn(), &delivery.domain, now.millis())
                    .await?;
                db::instances::update_instance_delivered(&mut conn.conn(), &delivery.domain, now.millis())
                    .await?;
                ("delivered", now.millis(), None)
            }
            Outcome::Failed => ("failed", now.millis(), error.map(str::to_owned)),
            Outcome::Retry { after_seconds } => {
                let failing_since =
                    db::instances::update_instance_failing(&mut conn.conn(), &delivery.domain, now.millis())
                        .await?;
                if failing_since.is_some_and(|since| now.millis() - since > UNAVAILABLE_AFTER_SECONDS * 1000)
                {
                    db::instances::update_instance_unavailable(
                        &mut conn.conn(),
                        &delivery.domain,
                        now.millis(),
                    )
                    .await?;
                    db::deliveries::update_domain_failed(
                        &mut conn.conn(),
                        &delivery.domain,
                        "peer unavailable",
                        now.millis(),
                    )
                    .await?;
                    tracing::warn!(domain = %delivery.domain, "peer failing for 7 days, marked unavailable");
                    return Ok(());
                }
                if now.millis() - delivery.created_at > GIVE_UP_AFTER_SECONDS * 1000 {
                    (
                        "failed",
                        now.millis(),
                        Some(format!("gave up after 3 days: {}", error.unwrap_or_default())),
                    )
                } else {
                    ("pending", now.plus_seconds(*after_seconds).millis(), error.map(str::to_owned))
                }
            }
        };
        if state != "delivered" {
            tracing::info!(domain = %delivery.domain, activity = %delivery.activity_ap_id, state, error = ?error, "delivery attempt");
        }
        let recorded = db::deliveries::update_delivery_result(
            &mut conn.conn(),
            delivery.id,
            &delivery.claim_token,
            state,
            attempts,
            next_attempt_at,
            status,
            error.as_deref(),
            now.millis(),
        )
        .await?;
        if !recorded {
            // The lease ran out while this worker was sending; another worker took the delivery
            // over and records its own outcome.
            tracing::info!(domain = %delivery.domain, activity = %delivery.activity_ap_id, state, "lease lost; outcome not recorded");
        }
        Ok(())
    }
}
