//! HTTP signatures in both formats the fediverse uses: draft-cavage (`Signature` with
//! `keyId`/`headers`, checked in `federation::verify`) and RFC 9421 HTTP Message Signatures
//! (`Signature-Input`/`Signature` structured fields, [`rfc9421`]), with RFC 9530
//! `Content-Digest` ([`content_digest`]), FEP-521a Multikey ed25519 keys ([`multikey`]) and the
//! RSA keys both formats sign with ([`rsa_keys`]).
//!
//! Which format we sign with is decided per peer (see `service::peer_signatures`): draft-cavage
//! for a peer we know nothing about, RFC 9421 once the peer refused cavage or signed with RFC
//! 9421 itself ("double-knocking": a 401/403 to one format is retried once in the other).

pub mod content_digest;
pub mod multikey;
pub mod rfc9421;
pub mod rsa_keys;

/// The format of an HTTP signature (named as in `federation.first_signature_format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
pub enum SignatureFormat {
    /// draft-cavage-http-signatures, as Mastodon has signed since 2017.
    #[serde(rename = "draft-cavage")]
    Cavage,
    /// RFC 9421 HTTP Message Signatures.
    #[serde(rename = "rfc9421")]
    Rfc9421,
}

impl SignatureFormat {
    /// The name stored and shown: `draft-cavage` or `rfc9421`.
    pub fn as_str(self) -> &'static str {
        match self {
            SignatureFormat::Cavage => "draft-cavage",
            SignatureFormat::Rfc9421 => "rfc9421",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "draft-cavage" => Some(SignatureFormat::Cavage),
            "rfc9421" => Some(SignatureFormat::Rfc9421),
            _ => None,
        }
    }

    /// The format to knock with when this one was refused.
    pub fn other(self) -> Self {
        match self {
            SignatureFormat::Cavage => SignatureFormat::Rfc9421,
            SignatureFormat::Rfc9421 => SignatureFormat::Cavage,
        }
    }
}

/// The keys an actor publishes: its RSA `publicKey` and its FEP-521a ed25519 Multikeys.
#[derive(Debug, Clone, Copy)]
pub struct PublishedKeys<'a> {
    pub public_key_pem: &'a str,
    pub multikeys: &'a [multikey::Multikey],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_have_stable_names() {
        for format in [SignatureFormat::Cavage, SignatureFormat::Rfc9421] {
            assert_eq!(SignatureFormat::parse(format.as_str()), Some(format));
            assert_ne!(format.other(), format);
        }
        assert_eq!(SignatureFormat::parse("hs2019"), None);
    }
}
