//! Outgoing mail: the SMTP transport (`mail.*` settings), the worker that sends the persisted
//! queue (`db::mail_queue`) with retries, and the texts of the mails in every UI language. The
//! uses (password reset, address confirmation, notices, digests) are in `service`; nothing is
//! ever sent while a request waits.

pub mod html;
pub mod templates;
pub mod worker;

use std::time::Duration;

use lettre::message::header::{ContentType, Header, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::{Config, MailTls};

/// How long one SMTP conversation may take.
pub const SEND_TIMEOUT_SECONDS: u64 = 30;

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("mail settings: {0}")]
    Settings(String),
    #[error("{0} is not a mail address")]
    Address(String),
    #[error("the mail could not be built: {0}")]
    Build(String),
    /// The SMTP server refused, or could not be reached; `permanent` when retrying is useless.
    #[error("{message}")]
    Send { message: String, permanent: bool },
}

/// What the SMTP server said to the mail: its code and text.
#[derive(Debug, Clone)]
pub struct ServerAnswer {
    pub code: String,
    pub message: String,
}

impl std::fmt::Display for ServerAnswer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.code, self.message)
    }
}

/// One mail to send.
#[derive(Debug, Clone)]
pub struct Envelope<'a> {
    pub to: &'a str,
    pub subject: &'a str,
    pub text: &'a str,
    pub html: Option<&'a str>,
    /// The unsubscribe link, also sent as `List-Unsubscribe`.
    pub unsubscribe_url: Option<&'a str>,
}

/// The configured SMTP server and sender.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer").field("from", &self.from.to_string()).finish_non_exhaustive()
    }
}

impl Mailer {
    /// The mailer of the configuration, or `None` when `mail.host` is empty.
    pub fn from_config(config: &Config) -> Result<Option<Self>, MailError> {
        let mail = &config.mail;
        if !mail.enabled() {
            return Ok(None);
        }
        let host = mail.host.trim();
        let from = config
            .mail_sender()
            .map_err(|e| MailError::Settings(e.to_string()))?
            .parse::<Mailbox>()
            .map_err(|e| MailError::Settings(e.to_string()))?;
        let builder = match mail.tls {
            MailTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host).tls(Tls::None),
            MailTls::Starttls | MailTls::Tls => {
                let parameters = TlsParameters::new(host.to_owned())
                    .map_err(|e| MailError::Settings(format!("TLS for {host}: {e}")))?;
                let tls = if mail.tls == MailTls::Tls {
                    Tls::Wrapper(parameters)
                } else {
                    Tls::Required(parameters)
                };
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host).tls(tls)
            }
        };
        let hello = config.domain.rsplit_once(':').map_or(config.domain.as_str(), |(host, _)| host);
        let mut builder = builder
            .port(mail.port)
            .hello_name(ClientId::Domain(hello.to_owned()))
            .timeout(Some(Duration::from_secs(SEND_TIMEOUT_SECONDS)));
        if !mail.username.trim().is_empty() {
            builder =
                builder.credentials(Credentials::new(mail.username.trim().to_owned(), mail.password.clone()));
        }
        Ok(Some(Self { transport: builder.build(), from }))
    }

    /// Sends one mail and returns what the server answered.
    pub async fn send(&self, envelope: &Envelope<'_>) -> Result<ServerAnswer, MailError> {
        let to = envelope.to.parse::<Mailbox>().map_err(|_| MailError::Address(envelope.to.to_owned()))?;
        let mut builder =
            Message::builder().from(self.from.clone()).to(to).subject(envelope.subject).header(AutoSubmitted);
        if let Some(url) = envelope.unsubscribe_url {
            builder = builder.header(ListUnsubscribe(url.to_owned()));
        }
        // Every mail has both parts: the text, and the same content as simple HTML with links.
        let text = SinglePart::builder().header(ContentType::TEXT_PLAIN).body(envelope.text.to_owned());
        let html = envelope.html.map_or_else(|| html::from_text(envelope.text), str::to_owned);
        let message = builder
            .multipart(
                MultiPart::alternative()
                    .singlepart(text)
                    .singlepart(SinglePart::builder().header(ContentType::TEXT_HTML).body(html)),
            )
            .map_err(|e| MailError::Build(e.to_string()))?;
        match self.transport.send(message).await {
            Ok(response) => Ok(ServerAnswer {
                code: response.code().to_string(),
                message: response.message().collect::<Vec<_>>().join(" "),
            }),
            Err(error) => Err(MailError::Send { permanent: error.is_permanent(), message: describe(&error) }),
        }
    }
}

/// `allmende mail test`: sends a test mail at once with the configured settings.
pub async fn send_test(config: &Config, to: &str) -> Result<ServerAnswer, MailError> {
    let Some(mailer) = Mailer::from_config(config)? else {
        return Err(MailError::Settings("mail.host is not set (ALLMENDE_MAIL_HOST)".into()));
    };
    let t = crate::web::i18n::Translator::new(&config.instance.default_language);
    let settings_link = format!("{}/settings/security", config.base_url());
    let rendered = templates::test_mail(&t, &config.instance.name, &settings_link);
    mailer
        .send(&Envelope {
            to,
            subject: &rendered.subject,
            text: &rendered.text,
            html: None,
            unsubscribe_url: None,
        })
        .await
}

/// The error with its causes (lettre's own text leaves out why a connection failed).
fn describe(error: &lettre::transport::smtp::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// `List-Unsubscribe: <URL>` (RFC 2369), so mail programs offer the link too.
#[derive(Debug, Clone)]
struct ListUnsubscribe(String);

impl Header for ListUnsubscribe {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe")
    }

    fn parse(text: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self(text.trim().trim_start_matches('<').trim_end_matches('>').to_owned()))
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), format!("<{}>", self.0))
    }
}

/// `Auto-Submitted: auto-generated` (RFC 3834): no vacation replies to the forum, please.
#[derive(Debug, Clone)]
struct AutoSubmitted;

impl Header for AutoSubmitted {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Auto-Submitted")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self)
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "auto-generated".to_owned())
    }
}
