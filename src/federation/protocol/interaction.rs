//! Interaction policies (GoToSocial's `interactionPolicy`, also published by Mastodon 4.5) and
//! quote approval (FEP-044f): `QuoteRequest`, the `QuoteAuthorization` stamp, and the answer.
//!
//! A policy lists, per kind of interaction, who is approved automatically and who may ask:
//! `automaticApproval` / `manualApproval` (Mastodon 4.5, GoToSocial 0.20) or the older
//! `always` / `approvalRequired` (GoToSocial before 0.20). Each list is one URI or many; the
//! public collection is spelled in any of its three ways.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use url::Url;

use super::de::{deserialize_opt_id, id_of};
use super::is_public;
use crate::domain::interaction::{InteractionPolicy, Permission};

/// One kind of interaction's rule.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ApprovalJson {
    #[serde(default, deserialize_with = "uris")]
    pub automatic_approval: Vec<String>,
    #[serde(default, deserialize_with = "uris")]
    pub manual_approval: Vec<String>,
    /// GoToSocial before 0.20: the same as `automaticApproval`.
    #[serde(default, deserialize_with = "uris", skip_serializing)]
    pub always: Vec<String>,
    /// GoToSocial before 0.20: the same as `manualApproval`.
    #[serde(default, deserialize_with = "uris", skip_serializing)]
    pub approval_required: Vec<String>,
}

/// One URI or a list of them; anything else (objects, numbers) is dropped.
fn uris<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    let value = Value::deserialize(deserializer)?;
    let items = match value {
        Value::Array(items) => items,
        other => vec![other],
    };
    Ok(items
        .into_iter()
        .filter_map(|item| match item {
            Value::String(text) => Some(text),
            other => id_of(&other).map(|id| id.to_string()),
        })
        .collect())
}

impl ApprovalJson {
    /// What the rule means for someone who is neither the author nor named in it one by one.
    /// `followers` is the author's followers collection.
    pub fn permission(&self, followers: Option<&Url>) -> Permission {
        let automatic: Vec<&str> =
            self.automatic_approval.iter().chain(&self.always).map(String::as_str).collect();
        let manual: Vec<&str> =
            self.manual_approval.iter().chain(&self.approval_required).map(String::as_str).collect();
        let no: [&str; 0] = [];
        let names_followers = |list: &[&str]| {
            followers.is_some_and(|f| list.contains(&f.as_str()))
                || list.iter().any(|u| u.ends_with("/followers"))
        };
        if is_public(&automatic, &no) {
            Permission::Anyone
        } else if is_public(&manual, &no) {
            Permission::Approval
        } else if names_followers(&automatic) || names_followers(&manual) {
            Permission::Followers
        } else {
            Permission::Nobody
        }
    }

    /// The rule we publish for `permission`. The author is always approved and is named
    /// where the public is not (GoToSocial's way of saying "nobody else").
    pub fn of(permission: Permission, followers: &Url, author: &Url) -> Self {
        let public = || super::PUBLIC.to_owned();
        let (automatic, manual) = match permission {
            Permission::Anyone => (vec![public()], Vec::new()),
            Permission::Approval => (vec![author.to_string()], vec![public()]),
            Permission::Followers => (vec![author.to_string(), followers.to_string()], Vec::new()),
            Permission::Nobody => (vec![author.to_string()], Vec::new()),
        };
        Self { automatic_approval: automatic, manual_approval: manual, ..Self::default() }
    }
}

/// A post's `interactionPolicy`. A kind that is absent is absent here too.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InteractionPolicyJson {
    #[serde(default, deserialize_with = "lenient", skip_serializing_if = "Option::is_none")]
    pub can_reply: Option<ApprovalJson>,
    #[serde(default, deserialize_with = "lenient", skip_serializing_if = "Option::is_none")]
    pub can_like: Option<ApprovalJson>,
    #[serde(default, deserialize_with = "lenient", skip_serializing_if = "Option::is_none")]
    pub can_announce: Option<ApprovalJson>,
    #[serde(default, deserialize_with = "lenient", skip_serializing_if = "Option::is_none")]
    pub can_quote: Option<ApprovalJson>,
}

fn lenient<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<ApprovalJson>, D::Error> {
    let value = Value::deserialize(deserializer)?;
    Ok(serde_json::from_value(value).ok())
}

impl InteractionPolicyJson {
    /// The policy as it applies to our members. A kind the origin does not state keeps the
    /// reading of an unstated policy ([`InteractionPolicy::UNSTATED`]).
    pub fn policy(policy: Option<&Self>, followers: Option<&Url>) -> InteractionPolicy {
        let unstated = InteractionPolicy::UNSTATED;
        let Some(policy) = policy else {
            return unstated;
        };
        let read = |rule: &Option<ApprovalJson>, default: Permission| {
            rule.as_ref().map_or(default, |rule| rule.permission(followers))
        };
        InteractionPolicy {
            can_reply: read(&policy.can_reply, unstated.can_reply),
            can_like: read(&policy.can_like, unstated.can_like),
            can_announce: read(&policy.can_announce, unstated.can_announce),
            can_quote: read(&policy.can_quote, unstated.can_quote),
        }
    }

    /// What we publish for one of our posts; `followers` is the collection that "followers"
    /// means (the author's, or a closed group's members).
    pub fn publish(policy: &InteractionPolicy, followers: &Url, author: &Url) -> Self {
        Self {
            can_reply: Some(ApprovalJson::of(policy.can_reply, followers, author)),
            can_like: Some(ApprovalJson::of(policy.can_like, followers, author)),
            can_announce: Some(ApprovalJson::of(policy.can_announce, followers, author)),
            can_quote: Some(ApprovalJson::of(policy.can_quote, followers, author)),
        }
    }
}

/// `QuoteRequest`: `actor` asks to quote `object` (a post) in `instrument` (their post, embedded
/// or by id).
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuoteRequestJson {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: String,
    pub actor: Url,
    #[serde(deserialize_with = "super::de::deserialize_id")]
    pub object: Url,
    /// The quoting post: embedded (Mastodon) or its id.
    pub instrument: Value,
    #[serde(
        default,
        deserialize_with = "activitypub_federation::protocol::helpers::deserialize_one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub to: Vec<Url>,
}

impl QuoteRequestJson {
    pub fn new(id: Url, actor: Url, object: Url, instrument: Value, to: Url) -> Self {
        Self { id, kind: "QuoteRequest".to_owned(), actor, object, instrument, to: vec![to] }
    }

    /// The id of the quoting post.
    pub fn instrument_id(&self) -> Option<Url> {
        id_of(&self.instrument)
    }

    /// Who wrote the quoting post, when it is embedded.
    pub fn instrument_author(&self) -> Option<Url> {
        self.instrument.get("attributedTo").and_then(id_of)
    }
}

/// The answer to a `QuoteRequest`: `Accept` (with the stamp as `result`) or `Reject`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuoteAnswerJson {
    pub id: Url,
    /// `Accept` or `Reject`.
    #[serde(rename = "type")]
    pub kind: String,
    pub actor: Url,
    /// The request answered, embedded or by id.
    pub object: Value,
    #[serde(default, deserialize_with = "deserialize_opt_id", skip_serializing_if = "Option::is_none")]
    pub result: Option<Url>,
    #[serde(
        default,
        deserialize_with = "activitypub_federation::protocol::helpers::deserialize_one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub to: Vec<Url>,
}

impl QuoteAnswerJson {
    /// The id of the `QuoteRequest` answered.
    pub fn request_id(&self) -> Option<Url> {
        id_of(&self.object)
    }

    pub fn accepted(&self) -> bool {
        self.kind == "Accept"
    }
}

/// The stamp: `attributedTo` (the quoted post's author) lets `interactingObject` (the quoting
/// post) quote `interactionTarget` (their post).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuoteAuthorizationJson {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default, deserialize_with = "deserialize_opt_id", skip_serializing_if = "Option::is_none")]
    pub attributed_to: Option<Url>,
    #[serde(deserialize_with = "super::de::deserialize_id")]
    pub interacting_object: Url,
    #[serde(deserialize_with = "super::de::deserialize_id")]
    pub interaction_target: Url,
}

impl QuoteAuthorizationJson {
    pub fn new(id: Url, author: Url, quoting: Url, quoted: Url) -> Self {
        Self {
            id,
            kind: "QuoteAuthorization".to_owned(),
            attributed_to: Some(author),
            interacting_object: quoting,
            interaction_target: quoted,
        }
    }
}

/// Whether an inbound `Accept`/`Reject` answers a `QuoteRequest` (its object is one, embedded).
pub fn answers_quote_request(value: &Value) -> bool {
    value.get("object").and_then(|object| object.get("type")).and_then(Value::as_str) == Some("QuoteRequest")
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn reads_both_spellings_of_a_policy() {
        let followers = Url::parse("https://b.example/users/bob/followers").unwrap();
        let new: InteractionPolicyJson = serde_json::from_value(json!({
            "canQuote": {"automaticApproval": "https://www.w3.org/ns/activitystreams#Public"},
            "canReply": {"automaticApproval": [], "manualApproval": ["as:Public"]},
            "canAnnounce": {"automaticApproval": ["https://b.example/users/bob/followers"]},
            "canLike": "garbage"
        }))
        .unwrap();
        let policy = InteractionPolicyJson::policy(Some(&new), Some(&followers));
        assert_eq!(policy.can_quote, Permission::Anyone);
        assert_eq!(policy.can_reply, Permission::Approval);
        assert_eq!(policy.can_announce, Permission::Followers);
        assert_eq!(policy.can_like, Permission::Anyone);
        let old: InteractionPolicyJson = serde_json::from_value(json!({
            "canReply": {"always": ["https://b.example/users/bob"], "approvalRequired": []}
        }))
        .unwrap();
        let policy = InteractionPolicyJson::policy(Some(&old), Some(&followers));
        assert_eq!(policy.can_reply, Permission::Nobody);
        assert_eq!(policy.can_quote, Permission::Nobody);
    }
}
