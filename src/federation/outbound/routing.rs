//! Who receives an activity: a local group's remote followers (through the group's `Announce`,
//! FEP-1b12), a remote group's inbox, a remote author to notify.

use std::collections::BTreeSet;

use url::Url;

use super::{TranslateError, activity_json, new_activity_id};
use crate::db::{self, Conn};
use crate::federation::delivery::Recipient;
use crate::federation::objects::url;
use crate::federation::protocol::{AnnounceJson, AnnounceObject};
use crate::federation::uris::Uris;
use crate::service::federated::ActorIdentity;
use crate::service::{Context, ServiceError};

/// Where one activity goes, resolved to inboxes when it is enqueued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Target {
    /// The remote followers of a local actor (by database id).
    FollowersOf(i64),
    Inbox(Url),
    /// An inbox not already reached by an earlier activity of the same event: a remote author
    /// whose instance gets the group's `Announce` anyway is not sent the activity twice.
    InboxUnlessReached(Url),
}

/// One activity to enqueue, signed by `sender` (a local actor's database id).
#[derive(Debug, Clone)]
pub(super) struct Outgoing {
    pub sender: i64,
    pub id: Url,
    /// The activity with its `@context`.
    pub payload: serde_json::Value,
    pub targets: Vec<Target>,
}

impl Outgoing {
    pub fn new(sender: i64, id: Url, payload: serde_json::Value, targets: Vec<Target>) -> Self {
        Self { sender, id, payload, targets }
    }
}

/// The group of a post, as far as routing is concerned.
#[derive(Debug, Clone)]
pub(super) enum GroupRoute {
    /// A group of this instance: it announces to its followers.
    Local { id: i64, name: String },
    /// A remote group: activities go to its own inbox (Lemmy wants the community inbox).
    Remote { inbox: Url },
}

impl GroupRoute {
    /// `None` for posts without a group, or a remote group without a known inbox.
    pub fn of(group: Option<&ActorIdentity>, group_id: Option<i64>) -> Option<Self> {
        let (group, id) = (group?, group_id?);
        if group.local {
            Some(Self::Local { id, name: group.name.clone() })
        } else {
            actor_inbox(group).map(|inbox| Self::Remote { inbox })
        }
    }
}

/// A remote actor's own inbox, else its shared one: for what is addressed to that actor alone
/// (a Follow, an Accept, a post to a group).
pub(super) fn actor_inbox(actor: &ActorIdentity) -> Option<Url> {
    if actor.local {
        return None;
    }
    actor.inbox.as_deref().or(actor.shared_inbox.as_deref()).and_then(|inbox| Url::parse(inbox).ok())
}

/// Where to notify a remote author: their shared inbox, else their own, chosen like followers'
/// inboxes so an inbox the group's `Announce` reaches is recognised.
pub(super) fn notify_inbox(actor: &ActorIdentity) -> Option<Url> {
    if actor.local {
        return None;
    }
    actor.shared_inbox.as_deref().or(actor.inbox.as_deref()).and_then(|inbox| Url::parse(inbox).ok())
}

/// A local group forwards `inner` unchanged to its followers (FEP-1b12).
/// The group forwards `inner` unchanged to its followers (FEP-1b12).
pub(super) fn announce_to_followers(
    ctx: &Context,
    uris: &Uris,
    group_id: i64,
    group_name: &str,
    inner: serde_json::Value,
) -> Result<Outgoing, TranslateError> {
    group_announce(ctx, uris, group_id, group_name, AnnounceObject::Activity(inner))
}

/// The group boosts an object to its followers (how Mastodon followers see a new thread).
pub(super) fn boost_to_followers(
    ctx: &Context,
    uris: &Uris,
    group_id: i64,
    group_name: &str,
    object: Url,
) -> Result<Outgoing, TranslateError> {
    group_announce(ctx, uris, group_id, group_name, AnnounceObject::Url(object))
}

fn group_announce(
    ctx: &Context,
    uris: &Uris,
    group_id: i64,
    group_name: &str,
    object: AnnounceObject,
) -> Result<Outgoing, TranslateError> {
    let id = new_activity_id(ctx, uris, "announce")?;
    let group = url(&uris.group(group_name))?;
    let followers = url(&uris.followers_of("group", group_name))?;
    let announce = match object {
        AnnounceObject::Activity(inner) => AnnounceJson::wrap(id, group, inner, followers),
        AnnounceObject::Url(object) => AnnounceJson::boost(id, group, object, followers),
    };
    Ok(Outgoing::new(
        group_id,
        announce.id.clone(),
        activity_json(&announce)?,
        vec![Target::FollowersOf(group_id)],
    ))
}

/// Routes our own `activity` about a post in `group`: a local group announces it to its
/// followers, a remote group receives it in its inbox. `notify` (remote authors and mentioned
/// people) also get the activity itself.
pub(super) fn about_post(
    ctx: &Context,
    uris: &Uris,
    group: Option<&GroupRoute>,
    activity: Outgoing,
    notify: impl IntoIterator<Item = Url>,
) -> Result<Vec<Outgoing>, TranslateError> {
    let notify = notify.into_iter();
    let mut outgoing = Vec::new();
    let mut direct = activity;
    match group {
        Some(GroupRoute::Local { id, name }) => {
            outgoing.push(announce_to_followers(ctx, uris, *id, name, direct.payload.clone())?);
            direct.targets.extend(notify.map(Target::InboxUnlessReached));
        }
        Some(GroupRoute::Remote { inbox }) => {
            direct.targets.push(Target::Inbox(inbox.clone()));
            direct.targets.extend(notify.map(Target::Inbox));
        }
        None => direct.targets.extend(notify.map(Target::Inbox)),
    }
    if !direct.targets.is_empty() {
        outgoing.push(direct);
    }
    Ok(outgoing)
}

/// The inboxes of `targets`, in the event's transaction; adds them to `reached`.
pub(super) async fn resolve(
    conn: &mut Conn<'_>,
    targets: &[Target],
    reached: &mut BTreeSet<Url>,
) -> Result<Vec<Recipient>, ServiceError> {
    let mut inboxes = Vec::new();
    for target in targets {
        match target {
            Target::FollowersOf(actor_id) => {
                let followers = db::follows::list_follower_inboxes(conn, *actor_id).await?;
                inboxes.extend(followers.iter().filter_map(|inbox| Url::parse(inbox).ok()));
            }
            Target::Inbox(inbox) => inboxes.push(inbox.clone()),
            Target::InboxUnlessReached(inbox) => {
                if !reached.contains(inbox) {
                    inboxes.push(inbox.clone());
                }
            }
        }
    }
    reached.extend(inboxes.iter().cloned());
    Ok(inboxes.into_iter().map(|inbox| Recipient { inbox }).collect())
}
