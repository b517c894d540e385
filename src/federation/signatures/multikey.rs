//! FEP-521a: ed25519 public keys published as `Multikey` objects in an actor's
//! `assertionMethod`, their `publicKeyMultibase` a base58btc (`z…`) multibase of the multicodec
//! `ed25519-pub` (`0xed 0x01`) followed by the 32 key bytes.

use ed25519_dalek::VerifyingKey;

/// An ed25519 key an actor published, under its id (`{actor}#ed25519-key` and the like).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Multikey {
    pub id: String,
    /// As published: `z6Mk…`.
    pub public_key_multibase: String,
}

impl Multikey {
    /// The key, if the multibase is an ed25519 public key.
    pub fn verifying_key(&self) -> Option<VerifyingKey> {
        decode_ed25519(&self.public_key_multibase)
    }
}

/// Multicodec `ed25519-pub`, as an unsigned varint.
const ED25519_PUB: [u8; 2] = [0xed, 0x01];

/// Reads a `publicKeyMultibase` of an ed25519 key; anything else (other key types, other
/// bases, a wrong length, a point not on the curve) is `None`.
pub fn decode_ed25519(multibase: &str) -> Option<VerifyingKey> {
    let encoded = multibase.strip_prefix('z')?;
    if encoded.len() > 64 {
        return None;
    }
    let bytes = bs58::decode(encoded).into_vec().ok()?;
    let key = bytes.strip_prefix(&ED25519_PUB)?;
    let key: [u8; 32] = key.try_into().ok()?;
    VerifyingKey::from_bytes(&key).ok()
}

/// The `publicKeyMultibase` of an ed25519 key.
pub fn encode_ed25519(key: &VerifyingKey) -> String {
    let mut bytes = ED25519_PUB.to_vec();
    bytes.extend_from_slice(key.as_bytes());
    format!("z{}", bs58::encode(bytes).into_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fep_example_key_reads_and_round_trips() {
        // FEP-521a's example key.
        let published = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
        let key = decode_ed25519(published).expect("an ed25519 key");
        assert_eq!(encode_ed25519(&key), published);
    }

    #[test]
    fn other_keys_and_garbage_are_refused() {
        for refused in [
            "",
            "z",
            "u6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
            // A P-256 key (multicodec 0x1200).
            "zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169",
            "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ",
            "z0OIl",
        ] {
            assert!(decode_ed25519(refused).is_none(), "{refused}");
        }
    }
}
