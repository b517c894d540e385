//! RFC 9530 `Content-Digest`: a structured-field dictionary of algorithm to byte sequence,
//! `sha-256=:…:` or `sha-512=:…:`.

use base64::Engine;
use sfv::{BareItem, Dictionary, ListEntry, Parser};
use sha2::{Digest, Sha256, Sha512};

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DigestError {
    #[error("the Content-Digest header cannot be read")]
    Malformed,
    #[error("the Content-Digest header names no algorithm we check (sha-256, sha-512)")]
    NoKnownAlgorithm,
    #[error("the Content-Digest header does not match the body")]
    Mismatch,
}

/// The header value we send: `sha-256=:…:`.
pub fn header_value(body: &[u8]) -> String {
    format!("sha-256=:{}:", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(body)))
}

/// Checks `header` against `body`: every sha-256 and sha-512 digest it gives must match, and
/// it must give at least one. Other algorithms are ignored (RFC 9530 §5).
pub fn check(header: &str, body: &[u8]) -> Result<(), DigestError> {
    let dictionary: Dictionary = Parser::new(header).parse().map_err(|_| DigestError::Malformed)?;
    let mut checked = 0;
    for (algorithm, entry) in &dictionary {
        let expected: Vec<u8> = match algorithm.as_str() {
            "sha-256" => Sha256::digest(body).to_vec(),
            "sha-512" => Sha512::digest(body).to_vec(),
            _ => continue,
        };
        let ListEntry::Item(item) = entry else { return Err(DigestError::Malformed) };
        let BareItem::ByteSequence(given) = &item.bare_item else { return Err(DigestError::Malformed) };
        if *given != expected {
            return Err(DigestError::Mismatch);
        }
        checked += 1;
    }
    if checked == 0 { Err(DigestError::NoKnownAlgorithm) } else { Ok(()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    // RFC 9421's test request body and its sha-512 digest (appendix B.2), and RFC 9530's
    // sha-256 example (section 2).
    const BODY: &[u8] = br#"{"hello": "world"}"#;
    const SHA_512: &str =
        "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:";
    const SHA_256: &str = "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:";

    #[test]
    fn the_rfc_examples_match() {
        assert_eq!(check(SHA_512, BODY), Ok(()));
        assert_eq!(check(SHA_256, BODY), Ok(()));
        assert_eq!(header_value(BODY), SHA_256);
        assert_eq!(check(&format!("{SHA_256}, {SHA_512}, md5=:AAAA:"), BODY), Ok(()));
    }

    #[test]
    fn wrong_unknown_and_malformed_digests_are_refused() {
        assert_eq!(check(SHA_256, b"{}"), Err(DigestError::Mismatch));
        assert_eq!(check(&format!("{SHA_256}, sha-512=:AAAA:"), BODY), Err(DigestError::Mismatch));
        assert_eq!(check("md5=:AAAA:", BODY), Err(DigestError::NoKnownAlgorithm));
        assert_eq!(check("", BODY), Err(DigestError::NoKnownAlgorithm));
        assert_eq!(
            check("sha-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=", BODY),
            Err(DigestError::Malformed)
        );
        assert_eq!(
            check("sha-256=\"X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=\"", BODY),
            Err(DigestError::Malformed)
        );
    }
}
