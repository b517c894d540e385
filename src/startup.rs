//! Builds the application from configuration. `main` and every test use this, so tests run
//! the same wiring as production.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use tokio::net::TcpListener;

use crate::config::Config;
use crate::db::{Db, DbError};
use crate::domain::{Clock, IdGenerator, SystemClock};
use crate::federation::delivery::DeliveryWorker;
use crate::federation::http::{FederationHttp, HttpOptions, load_extra_roots};
use crate::federation::uris::Uris;
use crate::service::{self, Context, Settings};
use crate::state::{AppState, AppStateParts};
use crate::web;

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("cannot create the data directory {path}: {source}")]
    DataDir { path: String, source: std::io::Error },
    #[error("cannot open the database {url}: {source}")]
    Database { url: String, source: DbError },
    #[error("cannot migrate the database: {0}")]
    Migrate(DbError),
    #[error("cannot prepare the instance: {0}")]
    Instance(service::ServiceError),
    #[error("cannot use the extra CA certificate file {path} (extra_ca_cert): {source}")]
    ExtraCaCert { path: String, source: crate::federation::http::CaCertError },
    #[error("cannot build the HTTP client: {0}")]
    HttpClient(reqwest::Error),
    #[error("cannot use the mail settings: {0}")]
    Mail(crate::mail::MailError),
    #[error("cannot listen on {addr}: {source}")]
    Bind { addr: String, source: std::io::Error },
}

/// Opens the database named by the configuration (creating the data directory for SQLite)
/// and applies pending migrations.
pub async fn connect_database(config: &Config) -> Result<Db, StartupError> {
    std::fs::create_dir_all(&config.data_dir)
        .map_err(|source| StartupError::DataDir { path: config.data_dir.display().to_string(), source })?;
    let url = config.database_url();
    let db = Db::connect(&url, config.database.max_connections)
        .await
        .map_err(|source| StartupError::Database { url: redact_password(&url), source })?;
    db.migrate().await.map_err(StartupError::Migrate)?;
    Ok(db)
}

/// The service context for a configuration and database.
pub fn service_context(config: &Config, db: Db, clock: Arc<dyn Clock>) -> Context {
    Context {
        db,
        clock,
        ids: Arc::new(IdGenerator::new()),
        settings: Arc::new(Settings {
            registration_mode: config.registration.effective_mode(),
            page_size: config.limits.page_size,
            session_ttl_seconds: config.auth.session_days * 24 * 3600,
            max_failed_logins: config.auth.max_failed_logins,
            lockout_seconds: config.auth.lockout_minutes * 60,
            default_language: config.instance.default_language.clone(),
            federation_allowlist_only: config.federation.allowlist_only,
            oauth_password_grant: config.oauth.password_grant,
            media_max_bytes: config.limits.media_bytes,
            new_account_link_hours: config.registration.new_account_link_hours,
            focus_areas: config.network.focus_areas.clone(),
            base_url: config.base_url(),
            hide_moderator_names: config.moderation.hide_moderator_names,
            instance_name: config.instance.name.clone(),
            mail_enabled: config.mail.enabled(),
            require_email_confirmation: config.mail.enabled()
                && config.registration.require_email_confirmation,
            deletion_grace_days: config.accounts.deletion_grace_days,
        }),
        // `Config::validate` built the same store, so this fails only for a hand-made config.
        media: crate::media::MediaStore::from_config(&config.media, &config.data_dir).unwrap_or_else(
            |error| {
                tracing::error!(%error, "media store not usable; keeping media under the data directory");
                crate::media::MediaStore::new(&config.data_dir)
            },
        ),
        access_revoked: Arc::new(tokio::sync::Notify::new()),
        sign_ins: Arc::new(crate::service::sign_in_guard::SignInGuard::default()),
    }
}

/// A built, bound, not yet running server.
pub struct Application {
    listener: TcpListener,
    state: AppState,
    background_delivery: bool,
}

impl Application {
    pub async fn build(config: Config) -> Result<Self, StartupError> {
        Self::build_with_clock(config, Arc::new(SystemClock)).await
    }

    pub async fn build_with_clock(config: Config, clock: Arc<dyn Clock>) -> Result<Self, StartupError> {
        // Before anything else: a wrong certificate path should not leave a half-started server.
        let extra_roots = match config.extra_ca_cert_path() {
            Some(path) => load_extra_roots(path)
                .map_err(|source| StartupError::ExtraCaCert { path: path.display().to_string(), source })?,
            None => Vec::new(),
        };
        let mailer = crate::mail::Mailer::from_config(&config).map_err(StartupError::Mail)?;
        // Claim the port before the database: migrating can take seconds, and a port that looked
        // free when the server was started may be taken by another process meanwhile. Bound
        // first, a lost race ends this start at once, instead of another server answering on
        // the port this one was meant to have (connections that arrive while the database is
        // prepared wait in the listen queue).
        let listener = TcpListener::bind(&config.bind)
            .await
            .map_err(|source| StartupError::Bind { addr: config.bind.clone(), source })?;
        let db = connect_database(&config).await?;
        let ctx = service_context(&config, db, clock);
        service::instance::ensure_instance_actor(&ctx).await.map_err(StartupError::Instance)?;
        let uris = Uris::new(config.scheme(), &config.domain);
        let user_agent = format!("Allmende/{} (+{})", env!("CARGO_PKG_VERSION"), uris.base());
        let fetch_deadline = std::time::Duration::from_secs(config.federation.fetch_timeout_seconds);
        let http = FederationHttp::new(HttpOptions {
            user_agent: &user_agent,
            insecure: config.insecure_http,
            deadline: fetch_deadline,
            extra_roots,
            allowed_private_networks: config.federation.allowed_private_networks.clone(),
        })
        .map_err(StartupError::HttpClient)?
        .with_first_signature_format(config.federation.first_signature_format);
        let wake_delivery = Arc::new(tokio::sync::Notify::new());
        let schedule = crate::federation::delivery::retry::RetrySchedule {
            first_retry_seconds: config.federation.first_retry_seconds,
        };
        let metrics = Arc::new(crate::observability::Metrics::new());
        let delivery = DeliveryWorker::new(ctx.clone(), http.clone(), uris.clone(), wake_delivery.clone())
            .with_schedule(schedule)
            .with_lease_seconds(config.federation.delivery_lease_seconds)
            .with_metrics(metrics.clone());
        let mail = crate::mail::worker::MailWorker::new(ctx.clone(), mailer)
            .with_schedule(schedule)
            .with_metrics(metrics.clone());
        let state = AppState::new(AppStateParts {
            mail,
            uris,
            http,
            delivery,
            wake_delivery,
            inbox_limiter: Arc::new(crate::federation::rate_limit::PeerLimiter::per_minute(
                config.federation.inbox_activities_per_minute,
            )),
            key_refetch_limiter: Arc::new(crate::federation::rate_limit::PeerLimiter::per_minute(2)),
            auth_limiter: Arc::new(web::rate_limit::AttemptLimiter::per_minute(
                config.auth.attempts_per_minute,
            )),
            page_cache: Arc::new(web::page_cache::PageCache::new(&config.cache)),
            config: Arc::new(config),
            ctx,
            metrics,
        });
        Ok(Self { listener, state, background_delivery: true })
    }

    /// Leaves delivery to explicit `drain` calls (tests drive the queue deterministically).
    pub fn without_background_delivery(mut self) -> Self {
        self.background_delivery = false;
        self
    }

    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until `shutdown` completes, then finishes in-flight requests.
    pub async fn run_until(self, shutdown: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        let db = self.state.ctx.db.clone();
        let (stop_worker, worker_stopped) = tokio::sync::watch::channel(false);
        let worker = self
            .background_delivery
            .then(|| tokio::spawn(self.state.delivery.clone().run(worker_stopped.clone())));
        let mail_worker = self
            .background_delivery
            .then(|| tokio::spawn(self.state.mail.clone().run(worker_stopped.clone())));
        let digests = self.background_delivery.then(|| {
            tokio::spawn(crate::service::digests::run_scheduled(
                self.state.ctx.clone(),
                worker_stopped.clone(),
            ))
        });
        // Always, not only with background work: pages cached here must see other nodes' writes.
        let other_nodes =
            tokio::spawn(crate::service::other_nodes::share_writes(db.clone(), worker_stopped.clone()));
        let housekeeping = self.background_delivery.then(|| {
            tokio::spawn(housekeeping(
                self.state.ctx.clone(),
                self.state.metrics.clone(),
                self.state.wake_delivery.clone(),
                worker_stopped,
            ))
        });
        let header_read_timeout =
            std::time::Duration::from_secs(self.state.config.limits.header_read_timeout_seconds);
        let trusted_proxies = self.state.config.trusted_proxies.clone();
        let router = crate::router::app(self.state);
        crate::server::serve(self.listener, router, header_read_timeout, trusted_proxies, shutdown).await?;
        let _ = stop_worker.send(true);
        if let Some(worker) = worker {
            let _ = worker.await;
        }
        let _ = other_nodes.await;
        for task in [mail_worker, digests].into_iter().flatten() {
            let _ = task.await;
        }
        if let Some(housekeeping) = housekeeping {
            let _ = housekeeping.await;
        }
        db.close().await;
        Ok(())
    }
}

/// Periodic tidying while the server runs: uploads never attached to a post are removed,
/// accounts whose deletion grace period is over are deleted, and ended polls are closed.
async fn housekeeping(
    ctx: crate::service::Context,
    metrics: Arc<crate::observability::Metrics>,
    wake_delivery: Arc<tokio::sync::Notify>,
    mut stopped: tokio::sync::watch::Receiver<bool>,
) {
    let mut every = tokio::time::interval(std::time::Duration::from_secs(3600));
    let mut every_minute = tokio::time::interval(std::time::Duration::from_secs(60));
    loop {
        tokio::select! {
            _ = every_minute.tick() => {
                // Our polls whose time is up close, and their final counts go out.
                match crate::service::polls::close_expired(&ctx).await {
                    Ok(0) => {}
                    Ok(_) => wake_delivery.notify_one(),
                    Err(error) => tracing::warn!(%error, "closing ended polls failed"),
                }
            }
            _ = every.tick() => {
                let removed = crate::service::media::remove_unattached_uploads(&ctx, 1000).await;
                metrics.record_job("upload_cleanup", removed.is_ok());
                if let Err(error) = removed {
                    tracing::warn!(%error, "removing unattached uploads failed");
                }
                let purged = crate::service::account_deletion::purge_due(&ctx).await;
                metrics.record_job("account_deletion", purged.is_ok());
                match purged {
                    Ok(0) => {}
                    Ok(purged) => {
                        tracing::info!(purged, "accounts deleted after their grace period");
                        wake_delivery.notify_one();
                    }
                    Err(error) => tracing::warn!(%error, "deleting accounts after their grace period failed"),
                }
                if let Err(error) = crate::service::federation_health::prune_inbound_counts(&ctx).await {
                    tracing::warn!(%error, "pruning incoming activity counts failed");
                }
            }
            _ = stopped.changed() => return,
        }
    }
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}

/// Hides the password of a database URL in messages.
fn redact_password(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        _ => url.to_owned(),
    }
}
