//! `Create` of a thread opener or reply. The object must be the actor's own (same host, and
//! `attributedTo` the actor). A reply joins its thread (the parent is fetched when unknown, up
//! to a depth cap); an opener needs a group that lives here or that someone here follows. A
//! public post that mentions one of our groups without replying to anything starts a thread
//! there, the way Mastodon users start threads. A reply to a locked thread is dropped.

use std::future::Future;
use std::pin::Pin;

use serde_json::Value;
use url::Url;

use super::{MAX_DEPTH, same_host};
use crate::domain::{ActorId, PostId, Timestamp};
use crate::federation::inbox::InboxError;
use crate::federation::protocol::{CreateJson, PostJson, TagJson};
use crate::federation::resolve;
use crate::federation::thread_backfill;
use crate::federation::uris::LocalObject;
use crate::service::media::RemoteMedia;
use crate::service::remote::{self, RemotePost};
use crate::service::tags::{self, RemoteReferences};
use crate::service::thread_locks;
use crate::state::AppState;

pub async fn receive(
    state: &AppState,
    actor: ActorId,
    actor_url: &Url,
    create: CreateJson,
    raw: &Value,
    depth: u8,
) -> Result<(), InboxError> {
    let Some(post) = create.object.post() else {
        return Ok(());
    };
    check_origin(post, actor_url)?;
    store_post(state, actor, post, Some(raw.to_string()), depth).await?;
    Ok(())
}

/// The object must come from the actor's host and be attributed to the actor.
pub(super) fn check_origin(post: &PostJson, actor_url: &Url) -> Result<(), InboxError> {
    if !same_host(&post.id, actor_url) || &post.attributed_to != actor_url {
        return Err(InboxError::Forbidden("the object is not the actor's own"));
    }
    Ok(())
}

type StoreFuture<'a> = Pin<Box<dyn Future<Output = Result<Option<PostId>, InboxError>> + Send + 'a>>;

/// Stores a post whose origin is checked. Returns None when it does not belong here.
pub(crate) fn store_post<'a>(
    state: &'a AppState,
    author: ActorId,
    post: &'a PostJson,
    activity_json: Option<String>,
    depth: u8,
) -> StoreFuture<'a> {
    store_post_with(state, author, post, activity_json, depth, false)
}

/// Stores a quoted post: one in no group here is kept as its author's own post.
pub(crate) fn store_post_kept<'a>(
    state: &'a AppState,
    author: ActorId,
    post: &'a PostJson,
    depth: u8,
) -> StoreFuture<'a> {
    store_post_with(state, author, post, None, depth, true)
}

fn store_post_with<'a>(
    state: &'a AppState,
    author: ActorId,
    post: &'a PostJson,
    activity_json: Option<String>,
    depth: u8,
    keep: bool,
) -> StoreFuture<'a> {
    Box::pin(async move {
        if state.uris.is_local(&post.id) {
            return Err(InboxError::Forbidden("an object claiming our own domain"));
        }
        if remote::is_deleted_object(&state.ctx, post.id.as_str()).await? {
            return Ok(None);
        }
        let parent = match &post.in_reply_to {
            Some(url) => match super::like::find_post(state, url).await? {
                Some(parent) => Some(parent),
                None => match fetch_parent_apart(state, url, depth + 1).await? {
                    Some(parent) => Some(parent),
                    None => return Ok(None),
                },
            },
            None => None,
        };
        if let Some(parent) = parent
            && thread_locks::is_thread_of_post_locked(&state.ctx, parent).await?
        {
            tracing::info!(id = %post.id, "dropped a reply to a locked thread");
            return Ok(None);
        }
        let (references, mentions_local_person) = references(state, post).await?;
        // A post quoting one of ours is kept like one that mentions its author.
        let quotes_ours = post.quoted().is_some_and(|quoted| state.uris.is_local(quoted));
        let mentions_local_person = mentions_local_person || quotes_ours;
        // A post in no group is kept when someone here follows its author (their own post,
        // as on Mastodon) or it mentions someone here; otherwise it needs a group.
        let (group, personal) = match parent {
            Some(_) => (None, false),
            None => match find_group(state, post).await? {
                Some(group) => (Some(group), false),
                None if keep
                    || (post.audience.is_none()
                        && (mentions_local_person
                            || remote::has_local_follower(&state.ctx, author).await?)) =>
                {
                    (None, true)
                }
                None => return Ok(None),
            },
        };
        // Followers-only posts are kept for the people who may read them; one only to the
        // people it mentions (a direct message) is not.
        let group_of = match (parent, group) {
            (Some(parent), _) => crate::service::private_groups::group_of_post(&state.ctx, parent).await?,
            (None, Some(group)) => {
                Some((group, crate::service::private_groups::is_private(&state.ctx, group).await?))
            }
            (None, None) => None,
        };
        let Some(visibility) = post.visibility(group_of.is_some()) else {
            tracing::debug!(id = %post.id, "ignored a direct message");
            return Ok(None);
        };
        // A public group's threads stay public: a post to it for members only is not taken.
        if visibility == crate::domain::Visibility::Members && group_of.is_some_and(|(_, private)| !private) {
            tracing::debug!(id = %post.id, "ignored a non-public post in a public group");
            return Ok(None);
        }
        let html = post.html().unwrap_or_default().to_owned();
        let title = match (&parent, &post.name) {
            (Some(_), _) => None,
            (None, _) if personal => None,
            (None, Some(name)) if !name.trim().is_empty() => Some(name.trim().to_owned()),
            (None, _) => Some(first_line(&html)),
        };
        let (id, _) = remote::store_remote_post_referring(
            &state.ctx,
            RemotePost {
                ap_id: post.id.to_string(),
                author,
                group,
                in_reply_to: parent,
                title,
                content_html: html,
                language: post.language(),
                sensitive: post.sensitive.unwrap_or(false),
                content_warning: post.summary.clone().filter(|s| !s.trim().is_empty()),
                published: post
                    .published
                    .map_or(state.ctx.now(), |p| Timestamp::from_millis(p.timestamp_millis())),
                updated: post.updated.map(|u| Timestamp::from_millis(u.timestamp_millis())),
                activity_json,
                media: remote_media(post),
                visibility,
            },
            Some(references),
        )
        .await?;
        super::quotes::after_store(state, id, post, depth).await?;
        super::polls::store_poll(state, id, post).await?;
        state.wake_delivery.notify_one();
        Ok(Some(id))
    })
}

/// Most `Mention` tags of one post that are looked up.
const MAX_MENTIONS: usize = 20;

/// The hashtags of a post's `Hashtag` tags, and the people and groups of its `Mention` tags that
/// we know (ours, and remote ones already stored; nothing is fetched for a mention). Also
/// whether one of our people is mentioned.
async fn references(state: &AppState, post: &PostJson) -> Result<(RemoteReferences, bool), InboxError> {
    let hashtags = RemoteReferences::hashtags_from(post.tag.iter().filter_map(|tag| match tag {
        TagJson::Hashtag { name, .. } => Some(name.as_str()),
        TagJson::Mention { .. } => None,
    }));
    let mut mentioned = Vec::new();
    let mut local_person = false;
    for href in post.mentions().take(MAX_MENTIONS) {
        let actor = match state.uris.parse_local(href) {
            Some(LocalObject::Actor { kind: kind @ ("person" | "group"), name }) => {
                let found = remote::local_actor_id(&state.ctx, kind, &name).await?;
                local_person |= found.is_some() && kind == "person";
                found
            }
            Some(_) => None,
            None => tags::known_mention_target(&state.ctx, href.as_str()).await?,
        };
        if let Some(actor) = actor.filter(|actor| !mentioned.contains(actor)) {
            mentioned.push(actor);
        }
    }
    Ok((RemoteReferences { hashtags, mentioned }, local_person))
}

/// The pictures among a post's attachments, with web addresses only.
fn remote_media(post: &PostJson) -> Vec<RemoteMedia> {
    post.attachment
        .iter()
        .filter(|attachment| attachment.is_image() && matches!(attachment.url.scheme(), "https" | "http"))
        .map(|attachment| RemoteMedia {
            url: attachment.url.to_string(),
            content_type: attachment.media_type.clone().unwrap_or_else(|| "image/*".to_owned()),
            description: attachment.name.clone().unwrap_or_default(),
            width: attachment.width,
            height: attachment.height,
            blurhash: attachment.blurhash.clone(),
        })
        .collect()
}

/// Fetches an unknown parent from its origin and stores it first (bounded depth).
/// [`fetch_parent`] in a task of its own (see [`super::one_level_apart`]).
async fn fetch_parent_apart(state: &AppState, url: &Url, depth: u8) -> Result<Option<PostId>, InboxError> {
    let (state, url) = (state.clone(), url.clone());
    super::one_level_apart(async move { fetch_parent(&state, &url, depth).await }).await
}

async fn fetch_parent(state: &AppState, url: &Url, depth: u8) -> Result<Option<PostId>, InboxError> {
    if depth > MAX_DEPTH || state.uris.is_local(url) {
        return Ok(None);
    }
    // A parent that cannot be fetched now (a peer under load) makes the sender retry the reply
    // later rather than lose it (see `refetch_and_store` in announce.rs).
    let document = match resolve::fetch_document(state, url).await {
        Ok(document) => document,
        Err(error) if super::is_transient(&error) => {
            return Err(super::retry_or_refuse(error, "the parent post"));
        }
        Err(_) => return Ok(None),
    };
    let Ok(parent) = serde_json::from_value::<PostJson>(document) else {
        return Ok(None);
    };
    if !same_host(&parent.id, &parent.attributed_to) {
        return Ok(None);
    }
    let Ok((author, _)) = resolve::actor_by_url(state, &parent.attributed_to).await else {
        return Ok(None);
    };
    let stored = store_post(state, author, &parent, None, depth).await?;
    // The thread was unknown until now: read the rest of it from its context collection,
    // unless this fetch is itself part of such a backfill.
    if stored.is_some()
        && depth < thread_backfill::CONTEXT_DEPTH
        && let Some(context) = thread_backfill::context_of(&parent)
    {
        thread_backfill::spawn_thread_backfill(state, context);
    }
    Ok(stored)
}

/// The group a thread opener belongs to: its `audience`, else a local group it addresses or
/// mentions. Remote groups count only when someone here follows them.
async fn find_group(state: &AppState, post: &PostJson) -> Result<Option<ActorId>, InboxError> {
    if let Some(audience) = &post.audience {
        return group_by_url(state, audience).await;
    }
    let addressed = post.to.iter().chain(&post.cc).chain(post.mentions());
    for url in addressed {
        if let Some(LocalObject::Actor { kind: "group", name }) = state.uris.parse_local(url) {
            return Ok(remote::local_actor_id(&state.ctx, "group", &name).await?);
        }
    }
    Ok(None)
}

async fn group_by_url(state: &AppState, url: &Url) -> Result<Option<ActorId>, InboxError> {
    if let Some(local) = state.uris.parse_local(url) {
        return Ok(match local {
            LocalObject::Actor { kind: "group", name } => {
                remote::local_actor_id(&state.ctx, "group", &name).await?
            }
            _ => None,
        });
    }
    let Some((group, _)) = remote::known_actor(&state.ctx, url.as_str()).await? else {
        return Ok(None);
    };
    let followed = remote::has_local_follower(&state.ctx, group).await?;
    let is_group = remote::actor_kind(&state.ctx, group).await?.as_deref() == Some("group");
    Ok((followed && is_group).then_some(group))
}

/// The first line of a post's text, for a title (Mastodon posts have none).
fn first_line(html: &str) -> String {
    let text =
        html.replace("<br>", "\n").replace("<br/>", "\n").replace("<br />", "\n").replace("</p>", "\n");
    let plain = crate::federation::activities::create::strip_tags(&text);
    let line = plain
        .lines()
        .map(|line| {
            line.split_whitespace().skip_while(|word| word.starts_with('@')).collect::<Vec<_>>().join(" ")
        })
        .find(|line| !line.is_empty())
        .unwrap_or_else(|| "Untitled".to_owned());
    line.chars().take(200).collect()
}

pub(crate) fn strip_tags(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_come_from_the_first_line() {
        assert_eq!(first_line("<p>@energy@forum.example Heat pumps?</p><p>Details</p>"), "Heat pumps?");
        assert_eq!(first_line("<p></p><p>Second<br>third</p>"), "Second");
        assert_eq!(first_line(""), "Untitled");
    }
}
