//! Typed, layered configuration: `config/default.toml` (built in), then `--config FILE`, then
//! `ALLMENDE_*` environment variables.

use std::net::IpAddr;
use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Toml};
use serde::{Deserialize, Deserializer};

use crate::domain::registration::RegistrationMode;

/// The documented defaults, compiled into the binary so it runs without any file.
pub const DEFAULT_TOML: &str = include_str!("../config/default.toml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub domain: String,
    pub bind: String,
    pub data_dir: PathBuf,
    #[serde(deserialize_with = "flexible_bool")]
    pub insecure_http: bool,
    /// Reverse proxies whose `X-Forwarded-*` headers are believed (see `client_address`).
    pub trusted_proxies: Networks,
    /// A PEM file of CA certificates outgoing requests trust besides the system roots; empty
    /// for none (see `extra_ca_cert_path`).
    pub extra_ca_cert: PathBuf,
    pub database: DatabaseConfig,
    pub instance: InstanceConfig,
    pub registration: RegistrationConfig,
    pub auth: AuthConfig,
    pub limits: LimitsConfig,
    pub federation: FederationConfig,
    pub oauth: OAuthConfig,
    pub network: NetworkConfig,
    pub log: LogConfig,
    pub moderation: ModerationConfig,
    pub metrics: MetricsConfig,
    pub mail: MailConfig,
    pub cache: CacheConfig,
    pub accounts: AccountsConfig,
    pub media: MediaConfig,
}

/// Leaving and moving: account deletion by its owner, export and import of one's data.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccountsConfig {
    /// Days between a member asking to delete their account and its removal; they may sign in
    /// and cancel meanwhile. 0: deleted at once when asked.
    pub deletion_grace_days: i64,
    /// Most lines one follows or blocks CSV import handles.
    pub import_max_rows: usize,
}

/// Where uploaded images are kept (see `media::store`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MediaConfig {
    /// `local` (a directory) or `s3` (an S3-compatible object store).
    pub store: MediaStoreKind,
    /// The directory of `local`; empty: `<data_dir>/media`.
    pub dir: PathBuf,
    pub s3_bucket: String,
    /// The store's URL (MinIO, Garage…); empty: AWS itself.
    pub s3_endpoint: String,
    pub s3_region: String,
    /// Empty: the `AWS_*` environment variables or the machine's instance credentials.
    pub s3_access_key_id: String,
    pub s3_secret_access_key: String,
    /// Keys are `<prefix>/<file>`; empty: the file name alone.
    pub s3_prefix: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MediaStoreKind {
    #[default]
    Local,
    S3,
}

/// Outgoing mail over SMTP (see `mail`); without `host` no mail is sent.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MailConfig {
    /// The SMTP server; empty: mail is off.
    pub host: String,
    pub port: u16,
    /// `none` (plain, for a relay on the same machine), `starttls` or `tls` (implicit TLS).
    pub tls: MailTls,
    pub username: String,
    pub password: String,
    /// The sender, e.g. `Allmende <forum@example.org>`; empty: `noreply@` the domain.
    pub from: String,
}

impl MailConfig {
    /// Whether mail is configured at all.
    pub fn enabled(&self) -> bool {
        !self.host.trim().is_empty()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MailTls {
    None,
    Starttls,
    Tls,
}

/// The in-process cache of public pages for signed-out readers (see `web::page_cache`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CacheConfig {
    /// Serve public pages and documents to signed-out readers from memory.
    #[serde(deserialize_with = "flexible_bool")]
    pub pages: bool,
    /// How long a cached page is served at most, and the `max-age` signed-out readers get: the
    /// bound on how stale a page can be when another node wrote.
    pub ttl_seconds: u64,
    /// How many pages are kept at most.
    pub max_entries: usize,
    /// How many bytes of page bodies are kept at most.
    pub max_bytes: usize,
}

/// `/metrics` (see `observability::metrics`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetricsConfig {
    /// The bearer token a scraper sends; empty: `/metrics` answers 404.
    pub token: String,
}

impl MetricsConfig {
    /// The token, when metrics are exposed at all.
    pub fn token(&self) -> Option<&str> {
        Some(self.token.trim()).filter(|token| !token.is_empty())
    }
}

/// How moderation shows in public.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModerationConfig {
    /// Leave moderators' names out of the public modlog (as Lemmy can), so that moderating
    /// does not make anyone a target; the action, reason and target stay public.
    #[serde(deserialize_with = "flexible_bool")]
    pub hide_moderator_names: bool,
}

/// The climate network this instance serves.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetworkConfig {
    /// The focus areas projects choose from (a TOML list, or comma-separated in the env).
    #[serde(deserialize_with = "word_list")]
    pub focus_areas: Vec<String>,
}

/// A list of words: a TOML list, or one string separated by commas (environment variables).
fn word_list<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Words {
        List(Vec<String>),
        Text(String),
    }
    let words = match Words::deserialize(deserializer)? {
        Words::List(list) => list,
        Words::Text(text) => text.split(',').map(str::to_owned).collect(),
    };
    Ok(words.into_iter().map(|w| w.trim().to_lowercase()).filter(|w| !w.is_empty()).collect())
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OAuthConfig {
    #[serde(deserialize_with = "flexible_bool")]
    pub password_grant: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FederationConfig {
    #[serde(deserialize_with = "flexible_bool")]
    pub allowlist_only: bool,
    pub first_retry_seconds: i64,
    pub inbox_activities_per_minute: u32,
    #[serde(deserialize_with = "flexible_bool")]
    pub require_signed_fetch: bool,
    pub delivery_lease_seconds: i64,
    pub fetch_timeout_seconds: u64,
    /// Non-public networks that peers may nevertheless be on (a private federation).
    pub allowed_private_networks: Networks,
    /// The HTTP signature format tried first with a peer whose format is not known yet.
    pub first_signature_format: crate::federation::signatures::SignatureFormat,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatabaseConfig {
    pub url: String,
    pub max_connections: u32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstanceConfig {
    pub name: String,
    pub description: String,
    pub default_language: String,
    pub contact_email: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegistrationConfig {
    /// Kept so older config files still load: `false` closes registration whatever `mode` says.
    #[serde(deserialize_with = "flexible_bool")]
    pub open: bool,
    pub mode: RegistrationMode,
    /// Shown on the register page in `approval` mode; the applicant answers it.
    pub approval_question: String,
    /// The register form also asks a small sum (a built-in challenge, no outside service).
    #[serde(deserialize_with = "flexible_bool")]
    pub challenge: bool,
    /// For how many hours after registering an account may not post links (0: no limit).
    pub new_account_link_hours: i64,
    /// New accounts confirm their address by mail before they can sign in (needs `mail.host`).
    #[serde(deserialize_with = "flexible_bool")]
    pub require_email_confirmation: bool,
}

impl RegistrationConfig {
    /// The mode in force (`open = false` from an older config file means closed).
    pub fn effective_mode(&self) -> RegistrationMode {
        if self.open { self.mode } else { RegistrationMode::Closed }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthConfig {
    pub session_days: i64,
    pub max_failed_logins: i64,
    pub lockout_minutes: i64,
    pub attempts_per_minute: u32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitsConfig {
    pub page_size: i64,
    pub body_bytes: usize,
    /// The largest image upload (`POST /api/v2/media`).
    pub media_bytes: usize,
    pub request_timeout_seconds: u64,
    pub header_read_timeout_seconds: u64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogConfig {
    pub filter: String,
    /// `text` (default) or `json` lines on stderr.
    pub format: LogFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("config file {0} does not exist")]
    MissingFile(PathBuf),
    #[error("invalid configuration: {0}")]
    Invalid(String),
}

/// Sections whose keys are reached from the environment as `ALLMENDE_<SECTION>_<KEY>`.
const SECTIONS: &[&str] = &[
    "database",
    "instance",
    "registration",
    "auth",
    "limits",
    "federation",
    "oauth",
    "network",
    "log",
    "moderation",
    "metrics",
    "mail",
    "cache",
    "accounts",
    "media",
];
const TOP_LEVEL: &[&str] =
    &["domain", "bind", "data_dir", "insecure_http", "trusted_proxies", "extra_ca_cert"];

impl Config {
    /// Loads the defaults, an optional file, and the process environment.
    pub fn load(file: Option<&Path>) -> Result<Self, ConfigError> {
        Self::load_with_env(file, Env::prefixed("ALLMENDE_"))
    }

    /// The built-in defaults alone, ignoring files and the environment (for tests and tools).
    pub fn defaults() -> Result<Self, ConfigError> {
        Self::load_with_env(None, Env::prefixed("ALLMENDE_DEFAULTS_ONLY_NO_SUCH_PREFIX_"))
    }

    fn load_with_env(file: Option<&Path>, env: Env) -> Result<Self, ConfigError> {
        let mut config: Config =
            Self::layers(file, env)?.extract().map_err(|e| ConfigError::Invalid(e.to_string()))?;
        config.validate()?;
        config.domain = config.canonical_domain();
        Ok(config)
    }

    /// The domain as URLs spell it: the host in lowercase, without the scheme's default port
    /// (`Forum.Example:443` is `forum.example` over HTTPS). Our own ids are recognised by
    /// comparing text, so the configured spelling must be the one the URL parser writes.
    fn canonical_domain(&self) -> String {
        match url::Url::parse(&format!("{}://{}/", self.scheme(), self.domain)) {
            Ok(url) => {
                let host = url.host_str().unwrap_or_default().to_owned();
                match url.port() {
                    Some(port) => format!("{host}:{port}"),
                    None => host,
                }
            }
            Err(_) => self.domain.clone(),
        }
    }

    /// Checks the configuration as `load` does and returns the values in force, key by key,
    /// as written in the layers (for `allmende config check`; secrets are still in there).
    pub fn effective_values(file: Option<&Path>) -> Result<figment::value::Dict, ConfigError> {
        Self::load(file)?;
        Self::layers(file, Env::prefixed("ALLMENDE_"))?
            .extract::<figment::value::Dict>()
            .map_err(|e| ConfigError::Invalid(e.to_string()))
    }

    /// The defaults, the file and the environment, merged in that order.
    fn layers(file: Option<&Path>, env: Env) -> Result<Figment, ConfigError> {
        let mut figment = Figment::from(Toml::string(DEFAULT_TOML));
        if let Some(path) = file {
            if !path.is_file() {
                return Err(ConfigError::MissingFile(path.to_owned()));
            }
            figment = figment.merge(Toml::file_exact(path));
        }
        let env = env
            .filter_map(|key| {
                let key = key.as_str().to_ascii_lowercase();
                let key = key.as_str();
                if TOP_LEVEL.contains(&key) {
                    return Some(key.to_owned().into());
                }
                SECTIONS.iter().find_map(|section| {
                    key.strip_prefix(section)
                        .and_then(|rest| rest.strip_prefix('_'))
                        .map(|rest| format!("{section}.{rest}").into())
                })
            })
            .split(".");
        Ok(figment.merge(env))
    }

    fn validate(&self) -> Result<(), ConfigError> {
        let host = url::Url::parse(&format!("http://{}/", self.domain))
            .ok()
            .filter(|u| u.host_str().is_some() && u.path() == "/" && u.username().is_empty())
            .ok_or_else(|| ConfigError::Invalid(format!("domain {:?} is not a host[:port]", self.domain)))?;
        if matches!(host.host(), Some(url::Host::Ipv4(_) | url::Host::Ipv6(_))) {
            tracing::warn!(domain = %self.domain, "domain is an IP literal; many fediverse servers refuse those");
        }
        if !(0..=365).contains(&self.accounts.deletion_grace_days) {
            return Err(ConfigError::Invalid(
                "accounts.deletion_grace_days must be between 0 and 365".into(),
            ));
        }
        if !(1..=10_000).contains(&self.accounts.import_max_rows) {
            return Err(ConfigError::Invalid("accounts.import_max_rows must be between 1 and 10000".into()));
        }
        if self.limits.page_size < 1 || self.limits.page_size > 200 {
            return Err(ConfigError::Invalid("limits.page_size must be between 1 and 200".into()));
        }
        if self.federation.first_retry_seconds < 1 {
            return Err(ConfigError::Invalid("federation.first_retry_seconds must be at least 1".into()));
        }
        if self.federation.delivery_lease_seconds < 1 {
            return Err(ConfigError::Invalid("federation.delivery_lease_seconds must be at least 1".into()));
        }
        if self.federation.fetch_timeout_seconds < 1 {
            return Err(ConfigError::Invalid("federation.fetch_timeout_seconds must be at least 1".into()));
        }
        if u64::try_from(self.federation.delivery_lease_seconds).unwrap_or(0)
            <= self.federation.fetch_timeout_seconds
        {
            // A send may take up to the fetch timeout; a shorter lease would let another worker
            // take over a delivery that is still being sent, and send it twice.
            return Err(ConfigError::Invalid(
                "federation.delivery_lease_seconds must be longer than federation.fetch_timeout_seconds"
                    .into(),
            ));
        }
        if self.limits.header_read_timeout_seconds < 1 {
            return Err(ConfigError::Invalid("limits.header_read_timeout_seconds must be at least 1".into()));
        }
        if self.auth.attempts_per_minute == 0 {
            return Err(ConfigError::Invalid("auth.attempts_per_minute must be at least 1".into()));
        }
        if self
            .network
            .focus_areas
            .iter()
            .any(|area| area.len() > 40 || !area.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_'))
        {
            return Err(ConfigError::Invalid(
                "network.focus_areas must be words of letters, digits, - and _ (at most 40 characters)"
                    .into(),
            ));
        }
        if self.mail.enabled() {
            self.mail_sender()?;
        } else if self.registration.require_email_confirmation {
            return Err(ConfigError::Invalid(
                "registration.require_email_confirmation needs mail (set mail.host)".into(),
            ));
        }
        crate::domain::Language::parse_ui("instance.default_language", &self.instance.default_language)
            .map_err(|e| ConfigError::Invalid(e.to_string()))?;
        crate::media::MediaStore::from_config(&self.media, &self.data_dir).map_err(ConfigError::Invalid)?;
        Ok(())
    }

    /// The database URL, defaulting to a SQLite file in the data directory.
    pub fn database_url(&self) -> String {
        if self.database.url.trim().is_empty() {
            format!("sqlite://{}", self.data_dir.join("allmende.sqlite").display())
        } else {
            self.database.url.clone()
        }
    }

    /// The sender of mails: `mail.from`, or `noreply@` the domain's host.
    pub fn mail_sender(&self) -> Result<String, ConfigError> {
        let from = self.mail.from.trim();
        let from = if from.is_empty() {
            let host = self.domain.rsplit_once(':').map_or(self.domain.as_str(), |(host, _)| host);
            format!("noreply@{host}")
        } else {
            from.to_owned()
        };
        from.parse::<lettre::message::Mailbox>()
            .map_err(|e| ConfigError::Invalid(format!("mail.from {from:?} is not a mail address: {e}")))?;
        Ok(from)
    }

    /// The extra CA certificate file, if one is configured.
    pub fn extra_ca_cert_path(&self) -> Option<&Path> {
        Some(self.extra_ca_cert.as_path()).filter(|path| !path.as_os_str().is_empty())
    }

    /// `http` under `insecure_http`, else `https`.
    pub fn scheme(&self) -> &'static str {
        if self.insecure_http { "http" } else { "https" }
    }

    /// The public base URL, e.g. `https://forum.example.org`.
    pub fn base_url(&self) -> String {
        format!("{}://{}", self.scheme(), self.domain)
    }
}

/// A list of IP networks (`10.0.0.0/8`, `fd00::/8`) or single addresses (`127.0.0.1`), written
/// as a TOML list or, as in an environment variable, separated by commas or spaces.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Networks(Vec<ipnet::IpNet>);

impl Networks {
    pub fn parse(text: &str) -> Result<Self, String> {
        Self::parse_all(text.split(|c: char| c == ',' || c.is_whitespace()))
    }

    fn parse_all<'a>(items: impl IntoIterator<Item = &'a str>) -> Result<Self, String> {
        let mut networks = Vec::new();
        for item in items.into_iter().map(str::trim).filter(|item| !item.is_empty()) {
            let network = match item.parse::<ipnet::IpNet>() {
                Ok(network) => network.trunc(),
                Err(_) => item
                    .parse::<IpAddr>()
                    .map(ipnet::IpNet::from)
                    .map_err(|_| format!("{item:?} is not an IP address or network"))?,
            };
            networks.push(network);
        }
        Ok(Self(networks))
    }

    /// Whether `address` (IPv4-mapped IPv6 counts as IPv4) is in one of the networks.
    pub fn contains(&self, address: IpAddr) -> bool {
        let address = address.to_canonical();
        self.0.iter().any(|network| network.contains(&address))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'de> Deserialize<'de> for Networks {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            List(Vec<String>),
            Text(String),
        }
        match Raw::deserialize(deserializer)? {
            Raw::List(items) => Self::parse_all(items.iter().map(String::as_str)),
            Raw::Text(text) => Self::parse(&text),
        }
        .map_err(serde::de::Error::custom)
    }
}

/// Accepts `true`/`false`, `1`/`0`, `yes`/`no`, `on`/`off`, as people write them in env vars.
fn flexible_bool<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Bool(bool),
        Int(i64),
        Text(String),
    }
    match Raw::deserialize(deserializer)? {
        Raw::Bool(b) => Ok(b),
        Raw::Int(0) => Ok(false),
        Raw::Int(1) => Ok(true),
        Raw::Text(text) => match text.trim().to_ascii_lowercase().as_str() {
            "1" | "true" | "yes" | "on" => Ok(true),
            "0" | "false" | "no" | "off" | "" => Ok(false),
            other => Err(serde::de::Error::custom(format!("expected a boolean, got {other:?}"))),
        },
        Raw::Int(other) => Err(serde::de::Error::custom(format!("expected a boolean, got {other}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[allow(clippy::result_large_err)]
    fn with_env(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let mut result = None;
        figment::Jail::expect_with(|jail| {
            for (k, v) in vars {
                jail.set_env(k, v);
            }
            result = Some(Config::load(None));
            Ok(())
        });
        result.unwrap_or_else(|| Err(ConfigError::Invalid("jail did not run".into())))
    }

    #[test]
    fn defaults_load_from_the_built_in_file() {
        let config = Config::defaults().unwrap();
        assert_eq!(config.bind, "127.0.0.1:8080");
        assert!(!config.insecure_http);
        assert!(config.database_url().starts_with("sqlite://"));
    }

    #[test]
    fn the_domain_is_kept_as_urls_spell_it() {
        let config = with_env(&[("ALLMENDE_DOMAIN", "Forum.Example:443")]).unwrap();
        assert_eq!(config.domain, "forum.example");
        assert_eq!(config.base_url(), "https://forum.example");
        let uris = crate::federation::uris::Uris::from_base(&config.base_url());
        let own = url::Url::parse("https://FORUM.example:443/u/ana").unwrap();
        assert!(uris.is_local(&own), "{own} is ours");
        let other_port = with_env(&[("ALLMENDE_DOMAIN", "forum.example:8443")]).unwrap();
        assert_eq!(other_port.domain, "forum.example:8443");
        let plain =
            with_env(&[("ALLMENDE_DOMAIN", "LOCALHOST:80"), ("ALLMENDE_INSECURE_HTTP", "1")]).unwrap();
        assert_eq!(plain.base_url(), "http://localhost");
    }

    #[test]
    fn the_media_store_comes_from_the_environment_and_is_checked() {
        assert_eq!(Config::defaults().unwrap().media.store, MediaStoreKind::Local);
        let config = with_env(&[
            ("ALLMENDE_MEDIA_STORE", "s3"),
            ("ALLMENDE_MEDIA_S3_BUCKET", "pictures"),
            ("ALLMENDE_MEDIA_S3_ENDPOINT", "http://127.0.0.1:9000"),
            ("ALLMENDE_MEDIA_S3_ACCESS_KEY_ID", "key"),
            ("ALLMENDE_MEDIA_S3_SECRET_ACCESS_KEY", "secret"),
            ("ALLMENDE_MEDIA_S3_PREFIX", "forum"),
        ])
        .unwrap();
        assert_eq!(config.media.store, MediaStoreKind::S3);
        assert_eq!(config.media.s3_bucket, "pictures");
        assert_eq!(config.media.s3_access_key_id, "key");
        assert_eq!(config.media.s3_prefix, "forum");
        let shared = with_env(&[("ALLMENDE_MEDIA_DIR", "/srv/shared/media")]).unwrap();
        assert_eq!(shared.media.dir, PathBuf::from("/srv/shared/media"));
        assert!(with_env(&[("ALLMENDE_MEDIA_STORE", "s3")]).is_err(), "s3 without a bucket");
        assert!(with_env(&[("ALLMENDE_MEDIA_STORE", "ftp")]).is_err());
    }

    #[test]
    fn environment_overrides_sections_and_flags() {
        let config = with_env(&[
            ("ALLMENDE_DATABASE_URL", "postgres://localhost/x"),
            ("ALLMENDE_INSECURE_HTTP", "1"),
            ("ALLMENDE_REGISTRATION_OPEN", "false"),
            ("ALLMENDE_DOMAIN", "localhost:9000"),
            ("ALLMENDE_TEST_POSTGRES_URL", "ignored"),
        ])
        .unwrap();
        assert_eq!(config.database_url(), "postgres://localhost/x");
        assert!(config.insecure_http);
        assert!(!config.registration.open);
        assert_eq!(config.base_url(), "http://localhost:9000");
        assert_eq!(config.registration.effective_mode(), RegistrationMode::Closed);
        let approval = with_env(&[
            ("ALLMENDE_REGISTRATION_MODE", "approval"),
            ("ALLMENDE_REGISTRATION_APPROVAL_QUESTION", "Which organisation?"),
        ])
        .unwrap();
        assert_eq!(approval.registration.effective_mode(), RegistrationMode::Approval);
        assert_eq!(approval.registration.approval_question, "Which organisation?");
        assert!(with_env(&[("ALLMENDE_REGISTRATION_MODE", "sometimes")]).is_err());
        let federation = with_env(&[
            ("ALLMENDE_FEDERATION_REQUIRE_SIGNED_FETCH", "1"),
            ("ALLMENDE_FEDERATION_DELIVERY_LEASE_SECONDS", "5"),
            ("ALLMENDE_FEDERATION_FETCH_TIMEOUT_SECONDS", "3"),
            ("ALLMENDE_LIMITS_HEADER_READ_TIMEOUT_SECONDS", "2"),
        ])
        .unwrap();
        assert!(federation.federation.require_signed_fetch);
        assert_eq!(federation.federation.delivery_lease_seconds, 5);
        assert_eq!(federation.federation.fetch_timeout_seconds, 3);
        assert_eq!(federation.limits.header_read_timeout_seconds, 2);
    }

    #[test]
    fn proxies_networks_and_the_extra_ca_come_from_the_environment() {
        let defaults = Config::defaults().unwrap();
        assert!(defaults.trusted_proxies.is_empty());
        assert!(defaults.federation.allowed_private_networks.is_empty());
        assert_eq!(
            defaults.federation.first_signature_format,
            crate::federation::signatures::SignatureFormat::Cavage
        );
        assert_eq!(defaults.extra_ca_cert_path(), None);
        let config = with_env(&[
            ("ALLMENDE_TRUSTED_PROXIES", "127.0.0.1, ::1 10.0.0.0/8"),
            ("ALLMENDE_FEDERATION_ALLOWED_PRIVATE_NETWORKS", "[\"192.168.7.0/24\", \"fd00::/8\"]"),
            ("ALLMENDE_EXTRA_CA_CERT", "/etc/allmende/ca.pem"),
        ])
        .unwrap();
        for trusted in ["127.0.0.1", "::1", "10.200.3.4", "::ffff:10.0.0.1"] {
            assert!(config.trusted_proxies.contains(trusted.parse().unwrap()), "{trusted}");
        }
        assert!(!config.trusted_proxies.contains("127.0.0.2".parse().unwrap()));
        assert!(config.federation.allowed_private_networks.contains("192.168.7.9".parse().unwrap()));
        assert!(config.federation.allowed_private_networks.contains("fd12::1".parse().unwrap()));
        assert!(!config.federation.allowed_private_networks.contains("192.168.8.1".parse().unwrap()));
        assert_eq!(config.extra_ca_cert_path(), Some(Path::new("/etc/allmende/ca.pem")));
        assert!(with_env(&[("ALLMENDE_TRUSTED_PROXIES", "proxy.internal")]).is_err());
        assert!(with_env(&[("ALLMENDE_TRUSTED_PROXIES", "10.0.0.0/33")]).is_err());
        assert!(with_env(&[("ALLMENDE_FEDERATION_ALLOWED_PRIVATE_NETWORKS", "everything")]).is_err());
    }

    #[test]
    fn log_format_and_metrics_token_come_from_the_environment() {
        let defaults = Config::defaults().unwrap();
        assert_eq!(defaults.log.format, LogFormat::Text);
        assert_eq!(defaults.metrics.token(), None, "metrics are off by default");
        let config =
            with_env(&[("ALLMENDE_LOG_FORMAT", "json"), ("ALLMENDE_METRICS_TOKEN", " s3cret ")]).unwrap();
        assert_eq!(config.log.format, LogFormat::Json);
        assert_eq!(config.metrics.token(), Some("s3cret"));
        assert!(with_env(&[("ALLMENDE_LOG_FORMAT", "xml")]).is_err());
        assert!(with_env(&[("ALLMENDE_METRICS_TOKN", "x")]).is_err(), "unknown keys are refused");
    }

    #[test]
    fn mail_settings_come_from_the_environment() {
        let defaults = Config::defaults().unwrap();
        assert!(!defaults.mail.enabled(), "mail is off by default");
        let config = with_env(&[
            ("ALLMENDE_MAIL_HOST", "smtp.example.org"),
            ("ALLMENDE_MAIL_PORT", "465"),
            ("ALLMENDE_MAIL_TLS", "tls"),
            ("ALLMENDE_MAIL_USERNAME", "forum"),
            ("ALLMENDE_MAIL_PASSWORD", "s3cret"),
            ("ALLMENDE_MAIL_FROM", "Forum <forum@example.org>"),
            ("ALLMENDE_REGISTRATION_REQUIRE_EMAIL_CONFIRMATION", "yes"),
        ])
        .unwrap();
        assert!(config.mail.enabled());
        assert_eq!(config.mail.port, 465);
        assert_eq!(config.mail.tls, MailTls::Tls);
        assert_eq!(config.mail.password, "s3cret");
        assert!(config.registration.require_email_confirmation);
        assert_eq!(config.mail_sender().unwrap(), "Forum <forum@example.org>");
        assert_eq!(defaults.mail_sender().unwrap(), "noreply@localhost");
        assert!(with_env(&[("ALLMENDE_MAIL_TLS", "sometimes")]).is_err());
        assert!(
            with_env(&[("ALLMENDE_MAIL_HOST", "smtp.example.org"), ("ALLMENDE_MAIL_FROM", "not an address")])
                .is_err()
        );
        assert!(
            with_env(&[("ALLMENDE_REGISTRATION_REQUIRE_EMAIL_CONFIRMATION", "1")]).is_err(),
            "confirmation needs mail"
        );
    }

    #[test]
    fn bad_values_and_files_are_clear_errors() {
        assert!(with_env(&[("ALLMENDE_INSECURE_HTTP", "maybe")]).is_err());
        assert!(
            with_env(&[("ALLMENDE_FEDERATION_DELIVERY_LEASE_SECONDS", "10")]).is_err(),
            "not above the fetch timeout"
        );
        assert!(with_env(&[("ALLMENDE_FEDERATION_REQUIRE_SIGNED_FETCH", "sometimes")]).is_err());
        assert!(with_env(&[("ALLMENDE_DOMAIN", "a/b@c")]).is_err());
        let missing = Config::load(Some(Path::new("/nonexistent/allmende.toml")));
        assert!(matches!(missing, Err(ConfigError::MissingFile(_))));
    }
}
