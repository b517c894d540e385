//! Putting mails in the queue for local accounts (in their language, with a signed unsubscribe
//! link that works without signing in), unsubscribing, and the mail settings of an account.
//! The queue is sent by `mail::worker`, never here.

use base64::Engine;
use sha2::{Digest, Sha256};

use super::{Context, CurrentUser, ServiceError};
use crate::db::{self, Conn};
use crate::mail::templates::Rendered;
use crate::web::i18n::Translator;

/// The instance setting holding the key that signs unsubscribe links.
const SIGNING_KEY_SETTING: &str = "mail_signing_key";
const UNSUBSCRIBE_PURPOSE: &[u8] = b"allmende-unsubscribe:";

/// A local account that can receive mail.
#[derive(Debug, Clone)]
pub struct Recipient {
    pub account_id: i64,
    pub name: String,
    pub email: String,
    /// The account's UI language, else the instance's default.
    pub language: String,
    pub unsubscribed: bool,
}

impl Recipient {
    pub fn translator(&self) -> Translator {
        Translator::new(&self.language)
    }
}

/// Why a mail is sent: necessary ones (the person asked for them) go out even to the
/// unsubscribed; notices and digests do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailKind {
    PasswordReset,
    ConfirmAddress,
    RegistrationDecision,
    ReportResolved,
    Digest,
}

impl MailKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PasswordReset => "password_reset",
            Self::ConfirmAddress => "confirm_address",
            Self::RegistrationDecision => "registration_decision",
            Self::ReportResolved => "report_resolved",
            Self::Digest => "digest",
        }
    }

    fn honours_unsubscribe(self) -> bool {
        matches!(self, Self::ReportResolved | Self::Digest)
    }
}

/// The account as a mail recipient, if it has an address.
pub(crate) async fn recipient(
    ctx: &Context,
    conn: &mut Conn<'_>,
    account_id: i64,
) -> Result<Option<Recipient>, ServiceError> {
    recipient_at(ctx, conn, account_id, None).await
}

/// The account as a mail recipient at `address`, or at its own address when `None`.
pub(crate) async fn recipient_at(
    ctx: &Context,
    conn: &mut Conn<'_>,
    account_id: i64,
    address: Option<&str>,
) -> Result<Option<Recipient>, ServiceError> {
    let Some(account) = db::accounts::get_account(conn, account_id).await? else {
        return Ok(None);
    };
    let Some(email) = address.map(str::to_owned).or(account.email).filter(|email| !email.trim().is_empty())
    else {
        return Ok(None);
    };
    let unsubscribed = db::mail_preferences::get_preferences(conn, account_id)
        .await?
        .is_some_and(|preferences| preferences.unsubscribed);
    Ok(Some(Recipient {
        account_id,
        name: account.name,
        email,
        language: account.language.unwrap_or_else(|| ctx.settings.default_language.clone()),
        unsubscribed,
    }))
}

/// Puts a mail for `to` (at `address`, usually theirs) in the queue in the caller's
/// transaction. Does nothing when mail is off, or when the mail is one the recipient
/// unsubscribed from; returns whether it was queued.
pub(crate) async fn enqueue(
    ctx: &Context,
    conn: &mut Conn<'_>,
    to: &Recipient,
    address: &str,
    kind: MailKind,
    build: impl FnOnce(&Translator, &str) -> Rendered,
) -> Result<bool, ServiceError> {
    if !ctx.settings.mail_enabled || (kind.honours_unsubscribe() && to.unsubscribed) {
        return Ok(false);
    }
    let unsubscribe = unsubscribe_url(ctx, conn, to.account_id).await?;
    let rendered = build(&to.translator(), &unsubscribe);
    db::mail_queue::insert_mail(
        conn,
        &db::mail_queue::NewMail {
            id: ctx.new_id(),
            recipient: address,
            kind: kind.as_str(),
            subject: &rendered.subject,
            body_text: &rendered.text,
            body_html: None,
            unsubscribe_url: Some(&unsubscribe),
            now: ctx.now().millis(),
        },
    )
    .await?;
    tracing::debug!(kind = kind.as_str(), account = to.account_id, "mail queued");
    Ok(true)
}

/// A link to a page of this instance.
pub(crate) fn link(ctx: &Context, path_and_query: &str) -> String {
    format!("{}{}", ctx.settings.base_url.trim_end_matches('/'), path_and_query)
}

/// The key that signs unsubscribe links: made once, kept in the database (so every process
/// and every restart agree).
async fn signing_key(ctx: &Context, conn: &mut Conn<'_>) -> Result<Vec<u8>, ServiceError> {
    if let Some(key) = db::instance_settings::get_setting(conn, SIGNING_KEY_SETTING).await? {
        return Ok(key.into_bytes());
    }
    let bytes: [u8; 32] = rand::random();
    let fresh = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    db::instance_settings::insert_setting_if_missing(conn, SIGNING_KEY_SETTING, &fresh, ctx.now().millis())
        .await?;
    let key = db::instance_settings::get_setting(conn, SIGNING_KEY_SETTING).await?.unwrap_or(fresh);
    Ok(key.into_bytes())
}

/// HMAC-SHA256 (RFC 2104).
fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    const BLOCK: usize = 64;
    let mut block = [0_u8; BLOCK];
    if key.len() > BLOCK {
        block[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let inner_pad: Vec<u8> = block.iter().map(|b| b ^ 0x36).collect();
    let outer_pad: Vec<u8> = block.iter().map(|b| b ^ 0x5c).collect();
    let inner = Sha256::new().chain_update(&inner_pad).chain_update(message).finalize();
    Sha256::new().chain_update(&outer_pad).chain_update(inner).finalize().into()
}

fn unsubscribe_signature(key: &[u8], account_id: i64) -> String {
    let mut message = UNSUBSCRIBE_PURPOSE.to_vec();
    message.extend_from_slice(account_id.to_string().as_bytes());
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(hmac_sha256(key, &message))
}

async fn unsubscribe_url(
    ctx: &Context,
    conn: &mut Conn<'_>,
    account_id: i64,
) -> Result<String, ServiceError> {
    let key = signing_key(ctx, conn).await?;
    let token = format!("{account_id}.{}", unsubscribe_signature(&key, account_id));
    Ok(link(ctx, &format!("/mail/unsubscribe?token={token}")))
}

/// The account an unsubscribe token was signed for, if the signature holds.
async fn verify_unsubscribe(
    ctx: &Context,
    conn: &mut Conn<'_>,
    token: &str,
) -> Result<Option<i64>, ServiceError> {
    let Some((id, signature)) = token.trim().split_once('.') else {
        return Ok(None);
    };
    let Ok(account_id) = id.parse::<i64>() else {
        return Ok(None);
    };
    let key = signing_key(ctx, conn).await?;
    let expected = unsubscribe_signature(&key, account_id);
    // Compared in constant time: the signature is a secret until it matches.
    let same = expected.len() == signature.len()
        && expected.bytes().zip(signature.bytes()).fold(0_u8, |acc, (a, b)| acc | (a ^ b)) == 0;
    Ok(same.then_some(account_id))
}

/// Whether an unsubscribe link is genuine (to show the confirmation form or say it is not).
pub async fn unsubscribe_link_is_valid(ctx: &Context, token: &str) -> Result<bool, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(verify_unsubscribe(ctx, &mut conn.conn(), token).await?.is_some())
}

/// Follows an unsubscribe link: no more notices or digests for the account. Works without
/// signing in; the signed token is the proof.
pub async fn unsubscribe(ctx: &Context, token: &str) -> Result<(), ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let Some(account_id) = verify_unsubscribe(ctx, &mut conn.conn(), token).await? else {
        return Err(ServiceError::NotFound);
    };
    if db::accounts::get_account(&mut conn.conn(), account_id).await?.is_none() {
        return Err(ServiceError::NotFound);
    }
    db::mail_preferences::upsert_unsubscribed(&mut conn.conn(), account_id, ctx.now().millis()).await?;
    tracing::info!(account = account_id, "unsubscribed from mail");
    Ok(())
}

/// How often a member gets the notification digest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DigestFrequency {
    Off,
    Daily,
    Weekly,
}

impl DigestFrequency {
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim() {
            "off" => Some(Self::Off),
            "daily" => Some(Self::Daily),
            "weekly" => Some(Self::Weekly),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Off => "off",
            Self::Daily => "daily",
            Self::Weekly => "weekly",
        }
    }
}

/// The member's mail settings: the digest, and whether they unsubscribed.
#[derive(Debug, Clone, Copy)]
pub struct MailSettings {
    pub digest: DigestFrequency,
    pub unsubscribed: bool,
}

pub async fn mail_settings(ctx: &Context, user: &CurrentUser) -> Result<MailSettings, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let row = db::mail_preferences::get_preferences(&mut conn.conn(), user.id.0).await?;
    Ok(MailSettings {
        digest: row.as_ref().and_then(|r| DigestFrequency::parse(&r.digest)).unwrap_or(DigestFrequency::Off),
        unsubscribed: row.is_some_and(|r| r.unsubscribed),
    })
}

/// Chooses the digest; choosing one subscribes again after an unsubscribe link.
pub async fn set_digest(ctx: &Context, user: &CurrentUser, frequency: &str) -> Result<(), ServiceError> {
    let frequency = DigestFrequency::parse(frequency)
        .ok_or_else(|| ServiceError::from(crate::domain::FieldError::new("digest", "is not a choice")))?;
    let mut conn = ctx.db.acquire().await?;
    db::mail_preferences::upsert_digest(&mut conn.conn(), user.id.0, frequency.as_str(), ctx.now().millis())
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::hmac_sha256;

    #[test]
    fn hmac_matches_the_rfc_4231_test_vector() {
        // RFC 4231, test case 2.
        let mac = hmac_sha256(b"Jefe", b"what do ya want for nothing?");
        let hex: String = mac.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}
