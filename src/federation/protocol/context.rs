//! The JSON-LD `@context` of everything we send.
//!
//! Plain JSON readers ignore it, but JSON-LD processors (and Mastodon's handling of extension
//! terms such as `sensitive` and `manuallyApprovesFollowers`) only understand properties that the
//! context defines. This is the ActivityStreams and security vocabularies plus the terms Lemmy
//! and Mastodon use, and our own `project` (a JSON literal in the [`NAMESPACE`] namespace).

use activitypub_federation::protocol::context::WithContext;
use serde_json::{Value, json};

/// Allmende's own JSON-LD namespace: an identifier shared by every instance, not a document.
pub const NAMESPACE: &str = "urn:allmende:ns#";

pub fn context() -> Value {
    json!([
        "https://www.w3.org/ns/activitystreams",
        "https://w3id.org/security/v1",
        {
            "lemmy": "https://join-lemmy.org/ns#",
            "sensitive": "as:sensitive",
            "postingRestrictedToMods": "lemmy:postingRestrictedToMods",
            "Hashtag": "as:Hashtag",
            "PropertyValue": "schema:PropertyValue",
            "value": "schema:value",
            "schema": "http://schema.org#",
            "manuallyApprovesFollowers": "as:manuallyApprovesFollowers",
            "alsoKnownAs": {"@id": "as:alsoKnownAs", "@type": "@id"},
            "movedTo": {"@id": "as:movedTo", "@type": "@id"},
            "toot": "http://joinmastodon.org/ns#",
            "blurhash": "toot:blurhash",
            "votersCount": "toot:votersCount",
            "mz": "https://joinmobilizon.org/ns#",
            "events": {"@id": "mz:events", "@type": "@id"},
            "allmende": NAMESPACE,
            "organisation": {"@id": "allmende:organisation", "@type": "@json"},
            "project": {"@id": "allmende:project", "@type": "@json"},
            "gts": "https://gotosocial.org/ns#",
            "interactionPolicy": {"@id": "gts:interactionPolicy", "@type": "@id"},
            "canReply": {"@id": "gts:canReply", "@type": "@id"},
            "canLike": {"@id": "gts:canLike", "@type": "@id"},
            "canAnnounce": {"@id": "gts:canAnnounce", "@type": "@id"},
            "canQuote": {"@id": "gts:canQuote", "@type": "@id"},
            "automaticApproval": {"@id": "gts:automaticApproval", "@type": "@id"},
            "manualApproval": {"@id": "gts:manualApproval", "@type": "@id"},
            "interactingObject": {"@id": "gts:interactingObject", "@type": "@id"},
            "interactionTarget": {"@id": "gts:interactionTarget", "@type": "@id"},
            "quote": {"@id": "https://w3id.org/fep/044f#quote", "@type": "@id"},
            "quoteUri": "http://fedibird.com/ns#quoteUri",
            "_misskey_quote": "https://misskey-hub.net/ns#_misskey_quote",
            "quoteAuthorization": {"@id": "https://w3id.org/fep/044f#quoteAuthorization", "@type": "@id"},
            "QuoteRequest": "https://w3id.org/fep/044f#QuoteRequest",
            "QuoteAuthorization": "https://w3id.org/fep/044f#QuoteAuthorization"
        }
    ])
}

/// `inner` with our `@context` on top, ready to send or serve.
pub fn with_context<T>(inner: T) -> WithContext<T> {
    WithContext::new(inner, context())
}
