//! RFC 9421 HTTP Message Signatures: reading `Signature-Input` and `Signature` (structured
//! fields, RFC 8941), building the signature base, and signing and verifying with
//! `rsa-v1_5-sha256` and `ed25519`.
//!
//! The headers are parsed once ([`parse_signature_input`], [`parse_signature`]); the parsed
//! [`SignatureInput`] is both what the prechecks look at (covered components, `created`,
//! `expires`, `keyid`) and what the signature base is built from, so what was checked is what
//! was signed. Signing builds a [`SignatureInput`] the same way and goes through the same
//! [`signature_base`].

use axum::http::HeaderMap;
use base64::Engine;
use sfv::{BareItem, Dictionary, FieldType, InnerList, Item, List, ListEntry, Parameters, Parser};

use super::rsa_keys;

/// Labels read from one request: more is an attack, not a use.
const MAX_SIGNATURES: usize = 8;
/// Components one signature may cover.
const MAX_COMPONENTS: usize = 32;

pub const RSA_V1_5_SHA256: &str = "rsa-v1_5-sha256";
pub const ED25519: &str = "ed25519";

/// Why a header could not be read or a base not built; the text says what.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ParseError(pub &'static str);

/// One signature's entry of `Signature-Input`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureInput {
    pub label: String,
    /// The covered components in order: `@method`, `@target-uri`, header names (lower case).
    pub components: Vec<String>,
    pub created: Option<i64>,
    pub expires: Option<i64>,
    pub keyid: Option<String>,
    pub alg: Option<String>,
    /// The `@signature-params` line of the base: the entry re-serialized (RFC 8941 §4.1).
    pub params_value: String,
}

impl SignatureInput {
    pub fn covers(&self, component: &str) -> bool {
        self.components.iter().any(|c| c == component)
    }
}

/// Parses a `Signature-Input` header: a dictionary of labels to inner lists of component
/// names (strings without parameters) with the signature parameters. Pure; fuzzable.
pub fn parse_signature_input(raw: &str) -> Result<Vec<SignatureInput>, ParseError> {
    let dictionary = parse_dictionary(raw)?;
    let mut inputs = Vec::with_capacity(dictionary.len());
    for (label, entry) in dictionary {
        let ListEntry::InnerList(list) = entry else {
            return Err(ParseError("a Signature-Input member is not an inner list"));
        };
        inputs.push(read_input(label.as_str().to_owned(), list)?);
    }
    Ok(inputs)
}

/// Parses a `Signature` header: a dictionary of labels to byte sequences. Pure; fuzzable.
pub fn parse_signature(raw: &str) -> Result<Vec<(String, Vec<u8>)>, ParseError> {
    let dictionary = parse_dictionary(raw)?;
    let mut signatures = Vec::with_capacity(dictionary.len());
    for (label, entry) in dictionary {
        match entry {
            ListEntry::Item(Item { bare_item: BareItem::ByteSequence(bytes), .. }) => {
                signatures.push((label.as_str().to_owned(), bytes));
            }
            _ => return Err(ParseError("a Signature member is not a byte sequence")),
        }
    }
    Ok(signatures)
}

/// The first signature named in both headers, with its bytes.
pub fn select(signature_input: &str, signature: &str) -> Result<(SignatureInput, Vec<u8>), ParseError> {
    let inputs = parse_signature_input(signature_input)?;
    let mut signatures = parse_signature(signature)?;
    for input in inputs {
        if let Some(at) = signatures.iter().position(|(label, _)| *label == input.label) {
            let (_, bytes) = signatures.swap_remove(at);
            return Ok((input, bytes));
        }
    }
    Err(ParseError("no signature has a Signature-Input"))
}

fn parse_dictionary(raw: &str) -> Result<Dictionary, ParseError> {
    let dictionary: Dictionary = Parser::new(raw)
        .with_version(sfv::Version::Rfc8941)
        .parse()
        .map_err(|_| ParseError("not a structured field dictionary"))?;
    if dictionary.is_empty() {
        return Err(ParseError("no signature"));
    }
    if dictionary.len() > MAX_SIGNATURES {
        return Err(ParseError("too many signatures"));
    }
    Ok(dictionary)
}

fn read_input(label: String, list: InnerList) -> Result<SignatureInput, ParseError> {
    if list.items.len() > MAX_COMPONENTS {
        return Err(ParseError("too many covered components"));
    }
    let mut components: Vec<String> = Vec::with_capacity(list.items.len());
    for item in &list.items {
        let BareItem::String(name) = &item.bare_item else {
            return Err(ParseError("a covered component is not a string"));
        };
        if !item.params.is_empty() {
            return Err(ParseError("component parameters are not supported"));
        }
        let name = name.as_str();
        if name.is_empty() || name.bytes().any(|b| b.is_ascii_uppercase()) {
            return Err(ParseError("a component name is empty or not lower case"));
        }
        if components.iter().any(|seen| seen == name) {
            return Err(ParseError("a component is covered twice"));
        }
        components.push(name.to_owned());
    }
    let integer = |name: &str| -> Result<Option<i64>, ParseError> {
        match list.params.get(name) {
            None => Ok(None),
            Some(BareItem::Integer(value)) => Ok(Some(i64::from(*value))),
            Some(_) => Err(ParseError("created and expires must be integers")),
        }
    };
    let string = |name: &str| -> Result<Option<String>, ParseError> {
        match list.params.get(name) {
            None => Ok(None),
            Some(BareItem::String(value)) => Ok(Some(value.as_str().to_owned())),
            Some(_) => Err(ParseError("keyid, alg, nonce and tag must be strings")),
        }
    };
    let created = integer("created")?;
    let expires = integer("expires")?;
    let keyid = string("keyid")?;
    let alg = string("alg")?;
    string("nonce")?;
    string("tag")?;
    let params_value = serialize_inner_list(list)?;
    Ok(SignatureInput { label, components, created, expires, keyid, alg, params_value })
}

fn serialize_inner_list(list: InnerList) -> Result<String, ParseError> {
    let entries: List = vec![ListEntry::InnerList(list)];
    entries.serialize().ok_or(ParseError("the signature parameters cannot be serialized"))
}

/// What a signature base is built from: the request as the signer addressed it.
#[derive(Debug, Clone, Copy)]
pub struct RequestParts<'a> {
    pub method: &'a str,
    /// `https`, or `http` in development.
    pub scheme: &'a str,
    /// Host and port if not the default.
    pub authority: &'a str,
    /// Path and query as sent (`/inbox?x=1`).
    pub path_and_query: &'a str,
    pub headers: &'a HeaderMap,
}

/// The signature base (RFC 9421 §2.5): one `"name": value` line per covered component, then
/// the `@signature-params` line.
pub fn signature_base(input: &SignatureInput, request: &RequestParts<'_>) -> Result<String, ParseError> {
    let (path, query) = match request.path_and_query.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (request.path_and_query, None),
    };
    let path = if path.is_empty() { "/" } else { path };
    let authority = request.authority.to_ascii_lowercase();
    let scheme = request.scheme.to_ascii_lowercase();
    let mut base = String::new();
    for name in &input.components {
        let value = match name.as_str() {
            "@method" => request.method.to_owned(),
            "@target-uri" => format!("{scheme}://{authority}{}", request.path_and_query),
            "@authority" => authority.clone(),
            "@scheme" => scheme.clone(),
            "@request-target" => request.path_and_query.to_owned(),
            "@path" => path.to_owned(),
            "@query" => format!("?{}", query.unwrap_or_default()),
            "@signature-params" => return Err(ParseError("@signature-params cannot be covered")),
            derived if derived.starts_with('@') => {
                return Err(ParseError("a covered derived component is not supported"));
            }
            header => {
                let values: Vec<&str> = request
                    .headers
                    .get_all(header)
                    .iter()
                    .map(|value| value.to_str().map(str::trim))
                    .collect::<Result<_, _>>()
                    .map_err(|_| ParseError("a covered header is not ASCII"))?;
                if values.is_empty() {
                    return Err(ParseError("a covered header is missing"));
                }
                values.join(", ")
            }
        };
        base.push_str(&format!("\"{name}\": {value}\n"));
    }
    base.push_str(&format!("\"@signature-params\": {}", input.params_value));
    Ok(base)
}

/// A public key to check a signature with.
pub enum VerifyingKey<'a> {
    Rsa(&'a rsa_keys::PublicKey),
    Ed25519(&'a ed25519_dalek::VerifyingKey),
}

/// Whether `signature` over `base` verifies with `key`. A declared `alg` must be the key's.
pub fn verify(
    alg: Option<&str>,
    key: VerifyingKey<'_>,
    base: &str,
    signature: &[u8],
) -> Result<(), ParseError> {
    match (key, alg) {
        (VerifyingKey::Rsa(key), None | Some(RSA_V1_5_SHA256)) => key
            .verify_sha256(base.as_bytes(), signature)
            .map_err(|_| ParseError("the signature does not verify")),
        (VerifyingKey::Ed25519(key), None | Some(ED25519)) => {
            let signature = ed25519_dalek::Signature::from_slice(signature)
                .map_err(|_| ParseError("the signature does not verify"))?;
            key.verify_strict(base.as_bytes(), &signature)
                .map_err(|_| ParseError("the signature does not verify"))
        }
        _ => Err(ParseError("the algorithm is not the key's")),
    }
}

/// What to cover when signing: `@method` and `@target-uri` always, and for a body its
/// `content-type` and `content-digest` (set on the request before signing).
pub fn components_to_sign(with_body: bool) -> Vec<&'static str> {
    if with_body {
        vec!["@method", "@target-uri", "content-type", "content-digest"]
    } else {
        vec!["@method", "@target-uri"]
    }
}

/// The label of our signatures.
pub const LABEL: &str = "sig1";

/// Signs `request` with an RSA key: returns the `Signature-Input` and `Signature` values.
pub fn sign_rsa(
    components: &[&str],
    key_id: &str,
    created: i64,
    key: &rsa_keys::PrivateKey,
    request: &RequestParts<'_>,
) -> Result<(String, String), ParseError> {
    let input = new_input(components, key_id, created, RSA_V1_5_SHA256)?;
    let base = signature_base(&input, request)?;
    let signature = key.sign_sha256(base.as_bytes()).map_err(|_| ParseError("signing failed"))?;
    Ok(headers_for(&input, &signature))
}

/// Signs `request` with an ed25519 key (tests and peers that use one).
pub fn sign_ed25519(
    components: &[&str],
    key_id: &str,
    created: i64,
    key: &ed25519_dalek::SigningKey,
    request: &RequestParts<'_>,
) -> Result<(String, String), ParseError> {
    use ed25519_dalek::Signer as _;
    let input = new_input(components, key_id, created, ED25519)?;
    let base = signature_base(&input, request)?;
    Ok(headers_for(&input, &key.sign(base.as_bytes()).to_bytes()))
}

fn headers_for(input: &SignatureInput, signature: &[u8]) -> (String, String) {
    let encoded = base64::engine::general_purpose::STANDARD.encode(signature);
    (format!("{}={}", input.label, input.params_value), format!("{}=:{encoded}:", input.label))
}

/// A [`SignatureInput`] of ours, made by the same reader as a received one.
fn new_input(
    components: &[&str],
    key_id: &str,
    created: i64,
    alg: &str,
) -> Result<SignatureInput, ParseError> {
    let mut items = Vec::with_capacity(components.len());
    for component in components {
        let name = sfv::String::from_string((*component).to_owned())
            .map_err(|_| ParseError("a component name is not a string"))?;
        items.push(Item::new(BareItem::String(name)));
    }
    let mut params = Parameters::new();
    let string = |value: &str| {
        sfv::String::from_string(value.to_owned())
            .map(BareItem::String)
            .map_err(|_| ParseError("keyid is not printable ASCII"))
    };
    let created = sfv::Integer::try_from(created).map_err(|_| ParseError("created is out of range"))?;
    params.insert(sfv::key_ref("created").to_owned(), BareItem::Integer(created));
    params.insert(sfv::key_ref("keyid").to_owned(), string(key_id)?);
    params.insert(sfv::key_ref("alg").to_owned(), string(alg)?);
    read_input(LABEL.to_owned(), InnerList { items, params })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ed25519_dalek::pkcs8::{DecodePrivateKey as _, DecodePublicKey as _};

    /// RFC 9421 appendix B.2's test request.
    fn test_request_headers() -> HeaderMap {
        let mut headers = HeaderMap::new();
        for (name, value) in [
            ("host", "example.com"),
            ("date", "Tue, 20 Apr 2021 02:07:55 GMT"),
            ("content-type", "application/json"),
            (
                "content-digest",
                "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:",
            ),
            ("content-length", "18"),
        ] {
            headers.append(name, value.parse().unwrap());
        }
        headers
    }

    fn test_request(headers: &HeaderMap) -> RequestParts<'_> {
        RequestParts {
            method: "POST",
            scheme: "https",
            authority: "example.com",
            path_and_query: "/foo?param=Value&Pet=dog",
            headers,
        }
    }

    // RFC 9421 appendix B.1.4, test-key-ed25519.
    const ED25519_PRIVATE: &str = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF\n-----END PRIVATE KEY-----\n";
    const ED25519_PUBLIC: &str = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=\n-----END PUBLIC KEY-----\n";
    // RFC 9421 appendix B.2.6.
    const B26_INPUT: &str = r#"sig-b26=("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519""#;
    const B26_SIGNATURE: &str =
        "sig-b26=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==:";
    const B26_BASE: &str = "\"date\": Tue, 20 Apr 2021 02:07:55 GMT\n\"@method\": POST\n\"@path\": /foo\n\"@authority\": example.com\n\"content-type\": application/json\n\"content-length\": 18\n\"@signature-params\": (\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\" \"content-length\");created=1618884473;keyid=\"test-key-ed25519\"";

    #[test]
    fn the_rfc_ed25519_vector_b26_verifies_and_signs_byte_for_byte() {
        let headers = test_request_headers();
        let (input, signature) = select(B26_INPUT, B26_SIGNATURE).unwrap();
        assert_eq!(input.label, "sig-b26");
        assert_eq!(input.keyid.as_deref(), Some("test-key-ed25519"));
        assert_eq!(input.created, Some(1_618_884_473));
        let base = signature_base(&input, &test_request(&headers)).unwrap();
        assert_eq!(base, B26_BASE);
        let public = ed25519_dalek::VerifyingKey::from_public_key_pem(ED25519_PUBLIC).unwrap();
        assert_eq!(verify(None, VerifyingKey::Ed25519(&public), &base, &signature), Ok(()));
        assert_eq!(verify(Some(ED25519), VerifyingKey::Ed25519(&public), &base, &signature), Ok(()));
        assert!(verify(Some(RSA_V1_5_SHA256), VerifyingKey::Ed25519(&public), &base, &signature).is_err());
        let tampered = base.replace("/foo", "/bar");
        assert!(verify(None, VerifyingKey::Ed25519(&public), &tampered, &signature).is_err());
        // ed25519 is deterministic: the RFC's private key makes the RFC's signature.
        let private = ed25519_dalek::SigningKey::from_pkcs8_pem(ED25519_PRIVATE).unwrap();
        assert_eq!(private.verifying_key(), public);
        use ed25519_dalek::Signer as _;
        assert_eq!(private.sign(base.as_bytes()).to_bytes().to_vec(), signature);
    }

    /// A test RSA key of our own (RFC 9421's vectors use RSA-PSS only).
    const RSA_PRIVATE: &str = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDCw4ckZW8ORlPK\nqlAZYP5jhpCAu4vVZQyuJLl15mbJSoqLg2BXwXhZih4bYnP+4kyRWINbWPgEc9cD\n7WIWDMbbbIk21BjIfJe92EAz2zCL7kVCtemNGdD7CC1rMST8u3QGmEwsJUmZnu/D\np2fWWmpYl78ItDMwPG2OkB0TVRrcC0lwASxa6j6Sotpavo0yG1zgvsba/uSilNo4\n15XaBOaeiBpiEsgtA7WyJzPhF5ySHO9wjw7zRf/nttgHNcBk6wgiVyppHOEMxjET\nOuDGRmYS68p3k0BuJDqE/skhEgKItrVucq6qS677OzxNNDmiDmn79rmiZU++WxMJ\n+gAqSR4PAgMBAAECggEAIhYyes4955OrapbwOeDd5PFSLRWl3Y038OqAgv/2EVi4\ncr5liDZWJ+Wia0yJ3JwipnWFV+F0VuMnSIqtVgqaayDNywjH5Z7Yt+M3KVw9XOAw\nwwIvhAB2sNi3ikEppgnwvo69FiTYgshsUiPkaoGchzDXwGA5bUHGMuNKE24bq1MI\nMh6dJGwEuIJes4gVxlZnLHhyABHn6+7WFNNzx8av7o5KBQDLrbe1fw0113+wk7Il\ntlaqE3Yf+r/Z3pXPspMEj6FIMrCayPIA9n6B/GfJvMipPNqLPzScsf8yjfw5msfh\nqTe0ROOZfrq/zBACUuKH3z0117WnhglEloJJ0RWu8QKBgQDk30QRrTbkraodrgSD\n/mfpYqm/biDzm/hj6q7vSRlCgnTn+M+VLH7GLY3Cf8HqylRZr7Depk4qkvZVdFqz\nUyQqJAAIZzl0KVgCc6Ca/RmFiyE/zwGvFswWGWkJju0FbvqoajKl0xTTCwgT4oz3\nCCQU9XpSx2x0J89bCBnJeGsxpQKBgQDZ2U1kLKuabfEfGqcrYqgI4ISRv1xEjCbX\nFqOo8vrp8NDOnbG1ShjADPQJ2TLf/qCxD6Va4fdD+DiHQDzNaCLAeSS9e5lLBJ+k\nriqfLP3H1S9VjMOPbWYSVAS04D5xDE9Y1RTs7bcBvU6N0QNXEfkXKXVHuNXKDVre\n5GUjjxraowKBgCpQ0VAHW4/aQAquwuz4m5O+By56mSMRYlJu8JsTQ9VVM3I0QYUO\nLf5MK9qbLmpPsFrIrgXsb6VVeLACDEb9h0E3WL40/51ni3sgj8A4LYDQYXxftKr/\npwoq9o2q3E3V4AhFYknghggjEQJEL9X4rlslq9EkR/wN5DuresESP5d1AoGAdEP+\nguU4XL4qfwA5kfUgW0SAXEz2EHuASzEA/a1YbrygpHUTH/9AwFbpc8wg091Qo88G\n4D9TOUpj2QNWsAXQ7kp5aktp39jC3yA5DST0+M71aUIsKQMpA8UlkedQTANW4cEv\nXtfr4RjIsPWJQ9IKz+rHdhTWvPRtuCHLPLQmj+MCgYEApbWwQ2jvkyalhjTgO3O4\nN+pNIszd4ZIwkhp+q56GDnsBEw9PALwrid1cae/h0zSVmeLL9DNSrzY36c62Z36B\niT4mXPZswOuN81rFZAUnZo524CHsIm+aphbunUqkxrCIMrT7NGYxnm510KEiRotf\npu4ZU2ezHwKtkISz7qGOp9s=\n-----END PRIVATE KEY-----\n";
    /// Made by the independent `http-message-signatures` package (PyPI, 3.0.0) with
    /// `tests/crosscheck/rfc9421.py sign` over the B.2 test request with `RSA_PRIVATE`,
    /// `created=1618884473`: RSA v1.5 is deterministic, so ours must be byte for byte the same.
    const RSA_INPUT: &str = r#"sig1=("@method" "@target-uri" "content-type" "content-digest");created=1618884473;keyid="https://m.example/users/ana#main-key";alg="rsa-v1_5-sha256""#;
    const RSA_SIGNATURE: &str = "sig1=:WuzscJp9H971BtWMkU5o6sOkEBz7ErYF3m2wC/m0KQ4vzx+BQGzXNKchBNd+PZXD9E8n43a6JbvPAleVeIQhnfSyuf1zBEqak9YK6kA+FqAhteckm8XsxkLg48L+TzSov6tHwhMbwfk9LCL6O7BLOcZ+O6Z4A6jhXJTlVPEjNfrwc8UkbG/SiV/YI+laWqY71xH49hJhe0kqvtlwA2d6zkQFsNIrkd9oZ8IIi3QodsncYXxtUraFdYM4ZeeeoTiZK7Ey4yQTGeIde5EXqCHnodqxmyfueSaET605lHktAaO15k7+CVYCMIn9N705nnCgZ0G/5U3sHX5wFy9G1I4e0Q==:";

    #[test]
    fn our_rsa_v1_5_vector_matches_the_independent_implementation() {
        let mut headers = test_request_headers();
        headers.insert(
            "content-digest",
            "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:".parse().unwrap(),
        );
        let key = rsa_keys::PrivateKey::from_pkcs8_pem(RSA_PRIVATE).unwrap();
        let components = components_to_sign(true);
        let (input, signature) = sign_rsa(
            &components,
            "https://m.example/users/ana#main-key",
            1_618_884_473,
            &key,
            &test_request(&headers),
        )
        .unwrap();
        assert_eq!(input, RSA_INPUT);
        assert_eq!(signature, RSA_SIGNATURE);
        let (parsed, bytes) = select(RSA_INPUT, RSA_SIGNATURE).unwrap();
        let base = signature_base(&parsed, &test_request(&headers)).unwrap();
        let public = rsa_keys::PublicKey::from_spki_pem(&key.public_key_pem().unwrap()).unwrap();
        assert_eq!(verify(parsed.alg.as_deref(), VerifyingKey::Rsa(&public), &base, &bytes), Ok(()));
        let elsewhere = RequestParts { authority: "other.example", ..test_request(&headers) };
        let base = signature_base(&parsed, &elsewhere).unwrap();
        assert!(verify(parsed.alg.as_deref(), VerifyingKey::Rsa(&public), &base, &bytes).is_err());
    }

    #[test]
    fn our_ed25519_signatures_read_back() {
        let headers = test_request_headers();
        let private = ed25519_dalek::SigningKey::from_pkcs8_pem(ED25519_PRIVATE).unwrap();
        let (input_header, signature_header) = sign_ed25519(
            &["@method", "@target-uri"],
            "https://m.example/a#ed",
            1_618_884_473,
            &private,
            &test_request(&headers),
        )
        .unwrap();
        assert_eq!(
            input_header,
            r#"sig1=("@method" "@target-uri");created=1618884473;keyid="https://m.example/a#ed";alg="ed25519""#
        );
        let (input, signature) = select(&input_header, &signature_header).unwrap();
        let base = signature_base(&input, &test_request(&headers)).unwrap();
        assert!(base.starts_with(
            "\"@method\": POST\n\"@target-uri\": https://example.com/foo?param=Value&Pet=dog\n"
        ));
        assert_eq!(
            verify(input.alg.as_deref(), VerifyingKey::Ed25519(&private.verifying_key()), &base, &signature),
            Ok(())
        );
    }

    #[test]
    fn derived_components_follow_the_rfc() {
        let headers = test_request_headers();
        let input = parse_signature_input(
            r#"s=("@method" "@target-uri" "@authority" "@scheme" "@request-target" "@path" "@query");created=1"#,
        )
        .unwrap()
        .remove(0);
        let request = RequestParts { authority: "Example.COM", ..test_request(&headers) };
        assert_eq!(
            signature_base(&input, &request).unwrap(),
            "\"@method\": POST\n\"@target-uri\": https://example.com/foo?param=Value&Pet=dog\n\"@authority\": example.com\n\
             \"@scheme\": https\n\"@request-target\": /foo?param=Value&Pet=dog\n\"@path\": /foo\n\
             \"@query\": ?param=Value&Pet=dog\n\"@signature-params\": (\"@method\" \"@target-uri\" \"@authority\" \
             \"@scheme\" \"@request-target\" \"@path\" \"@query\");created=1"
        );
        let bare = RequestParts { path_and_query: "/", ..test_request(&headers) };
        let query = parse_signature_input(r#"s=("@query")"#).unwrap().remove(0);
        assert_eq!(
            signature_base(&query, &bare).unwrap(),
            "\"@query\": ?\n\"@signature-params\": (\"@query\")"
        );
    }

    #[test]
    fn headers_that_cannot_be_read_are_refused() {
        for (input, reason) in [
            ("", "no signature"),
            ("sig1", "a Signature-Input member is not an inner list"),
            ("sig1=(\"@method\" path)", "a covered component is not a string"),
            ("sig1=(\"@method\" \"@method\")", "a component is covered twice"),
            ("sig1=(\"Date\")", "a component name is empty or not lower case"),
            ("sig1=(\"@query-param\";name=\"a\")", "component parameters are not supported"),
            ("sig1=(\"@method\");created=\"now\"", "created and expires must be integers"),
            ("sig1=(\"@method\");keyid=k", "keyid, alg, nonce and tag must be strings"),
            ("sig1=(\"@method\"), sig1=?1", "a Signature-Input member is not an inner list"),
            ("sig1=(\"@method\" ", "not a structured field dictionary"),
        ] {
            assert_eq!(parse_signature_input(input), Err(ParseError(reason)), "{input}");
        }
        let many = (0..9).map(|i| format!("s{i}=()")).collect::<Vec<_>>().join(", ");
        assert_eq!(parse_signature_input(&many), Err(ParseError("too many signatures")));
        assert_eq!(
            parse_signature("sig1=\"c2ln\""),
            Err(ParseError("a Signature member is not a byte sequence"))
        );
        assert_eq!(
            select("a=(\"@method\")", "b=:c2ln:"),
            Err(ParseError("no signature has a Signature-Input"))
        );
        let headers = HeaderMap::new();
        let request = RequestParts { headers: &headers, ..test_request(&headers) };
        for (input, reason) in [
            ("s=(\"digest\")", "a covered header is missing"),
            ("s=(\"@status\")", "a covered derived component is not supported"),
            ("s=(\"@signature-params\")", "@signature-params cannot be covered"),
        ] {
            let input = parse_signature_input(input).unwrap().remove(0);
            assert_eq!(signature_base(&input, &request), Err(ParseError(reason)));
        }
    }

    #[test]
    fn parameters_are_serialized_as_received_in_canonical_form() {
        let input = parse_signature_input(
            "sig1=( \"@method\"  \"@path\" );keyid=\"k\\\"1\";created=1;alg=\"ed25519\";nonce=\"n\";tag=\"t\";x=?1",
        )
        .unwrap()
        .remove(0);
        assert_eq!(
            input.params_value,
            r#"("@method" "@path");keyid="k\"1";created=1;alg="ed25519";nonce="n";tag="t";x"#
        );
        assert_eq!(input.keyid.as_deref(), Some("k\"1"));
    }
}
