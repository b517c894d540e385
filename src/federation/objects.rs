//! Our people, groups, the instance actor and posts as ActivityPub documents.

use chrono::{DateTime, TimeZone, Utc};
use url::Url;

use super::protocol::{
    ActorJson, ActorKind, AttachmentJson, Endpoints, ImageJson, InteractionPolicyJson, LanguageJson, NewNote,
    NewPage, NewPersonalNote, PollOptionJson, PostJson, PropertyValue, SourceJson, TagJson, TombstoneJson,
    main_key,
};
use super::uris::{self, Uris};
use crate::domain::Timestamp;
use crate::domain::language::UI_LANGUAGES;
use crate::service::federated::{ActorIdentity, FederatedPost, LocalActor};
use crate::service::media::MediaView;

#[derive(Debug, thiserror::Error)]
#[error("cannot describe this object: {0}")]
pub struct ObjectError(pub &'static str);

pub fn url(text: &str) -> Result<Url, ObjectError> {
    Url::parse(text).map_err(|_| ObjectError("not a URL"))
}

pub fn datetime(at: Timestamp) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(at.millis()).single().unwrap_or_default()
}

/// The id of any actor, local (built from its kind and name) or remote (as stored).
pub fn actor_id(uris: &Uris, actor: &ActorIdentity) -> Result<Url, ObjectError> {
    if actor.local {
        url(&uris.actor(&actor.kind, &actor.name))
    } else {
        actor.ap_id.as_deref().map(url).unwrap_or(Err(ObjectError("remote actor without id")))
    }
}

/// `@name@host` of an actor, as mentions show it.
pub fn handle(uris: &Uris, actor: &ActorIdentity) -> String {
    match (&actor.host, actor.local) {
        (Some(host), false) => format!("@{}@{host}", actor.name),
        _ => format!("@{}@{}", actor.name, uris.host()),
    }
}

/// The id of a post, local or remote.
pub fn post_id(uris: &Uris, post: &FederatedPost) -> Result<Url, ObjectError> {
    if post.local {
        url(&uris.post(post.id, post.is_thread_opener()))
    } else {
        post.ap_id.as_deref().map(url).unwrap_or(Err(ObjectError("remote post without id")))
    }
}

pub fn actor_json(uris: &Uris, actor: &LocalActor) -> Result<ActorJson, ObjectError> {
    let id = url(&uris.actor(&actor.kind, &actor.name))?;
    let kind = match actor.kind.as_str() {
        "group" => ActorKind::Group,
        "application" => ActorKind::Application,
        _ if actor.organisation.is_some() => ActorKind::Organization,
        _ => ActorKind::Person,
    };
    let mut json = ActorJson::new(
        kind,
        id.clone(),
        actor.name.clone(),
        url(&uris.inbox_of(&actor.kind, &actor.name))?,
        main_key(&id, actor.public_key_pem.clone()),
    );
    json.endpoints = Some(Endpoints { shared_inbox: url(&uris.shared_inbox())? });
    json.published = Some(datetime(actor.created_at));
    if kind == ActorKind::Application {
        json.name = Some(uris.host().to_owned());
        json.manually_approves_followers = Some(true);
        return Ok(json);
    }
    json.icon = profile_image(uris, actor.avatar.as_deref())?;
    json.image = profile_image(uris, actor.header.as_deref())?;
    json.name = (!actor.display_name.is_empty()).then(|| actor.display_name.clone());
    json.summary = (!actor.summary_html.is_empty()).then(|| actor.summary_html.clone());
    json.source =
        (!actor.summary_source.is_empty()).then(|| SourceJson::markdown(actor.summary_source.clone()));
    json.url = Some(id.clone());
    json.followers = Some(url(&uris.followers_of(&actor.kind, &actor.name))?);
    json.outbox = Some(url(&uris.outbox_of(&actor.kind, &actor.name))?);
    json.updated = Some(datetime(actor.updated_at));
    json.discoverable = Some(true);
    json.manually_approves_followers = Some(actor.closed);
    if kind == ActorKind::Group {
        json.attributed_to = Some(url(&uris.moderators_of(&actor.name))?);
        json.events = Some(url(&uris.events_of(&actor.name))?);
        json.featured = Some(url(&uris.featured_of(&actor.name))?);
        json.posting_restricted_to_mods = Some(false);
        let label = match actor.group_kind.as_deref() {
            Some("project") => "Project group",
            _ => "Discussion group",
        };
        json.attachment.push(PropertyValue::new("Kind", label));
        json.language = actor
            .languages
            .iter()
            .map(|code| LanguageJson::new(code.as_str(), crate::domain::group::language_name(code)))
            .collect();
        if let Some(project) = &actor.project {
            json.attachment.extend(super::project_document::project_fields(project));
            json.project = Some(super::project_document::project_json(project));
        }
    }
    if let Some(organisation) = &actor.organisation {
        super::organisation_objects::describe_organisation(&mut json, organisation);
    }
    json.also_known_as = actor.also_known_as.iter().filter_map(|id| Url::parse(id).ok()).collect();
    json.moved_to = actor.moved_to.as_deref().and_then(|id| Url::parse(id).ok());
    Ok(json)
}

/// An avatar or header as an `Image` with its media type.
fn profile_image(uris: &Uris, stored: Option<&str>) -> Result<Option<ImageJson>, ObjectError> {
    let Some(address) = crate::service::profile_images::image_url(uris, stored) else { return Ok(None) };
    let mut image = ImageJson::new(url(&address)?);
    image.media_type = Some(if address.ends_with(".png") { "image/png" } else { "image/jpeg" }.to_owned());
    Ok(Some(image))
}

/// A local post as `Page` (thread opener) or `Note` (reply); a deleted one as a `Tombstone`.
pub enum PostDocument {
    Post(Box<PostJson>),
    Tombstone(TombstoneJson),
}

pub fn post_json(uris: &Uris, post: &FederatedPost) -> Result<PostDocument, ObjectError> {
    let id = post_id(uris, post)?;
    if post.deleted {
        let mut tombstone = TombstoneJson::new(id);
        tombstone.former_type = Some(former_type(post).to_owned());
        return Ok(PostDocument::Tombstone(tombstone));
    }
    let author = actor_id(uris, &post.author)?;
    let group = post.group.as_ref().map(|group| actor_id(uris, group)).transpose()?;
    let author_followers = url(&uris.followers_of(&post.author.kind, &post.author.name))?;
    let context = url(&uris.thread_context(post.root_id))?;
    let language = language_json(&post.language);
    let markdown = post.source.clone().unwrap_or_default();
    let mut json = match (&post.parent, group) {
        (None, Some(group)) => PostJson::page(NewPage {
            id,
            author,
            group,
            context,
            title: post.title.clone().unwrap_or_default(),
            html: post.content_html.clone(),
            markdown,
            published: datetime(post.published),
            language,
        }),
        (None, None) => PostJson::personal_note(NewPersonalNote {
            id,
            author,
            author_followers,
            context,
            html: post.content_html.clone(),
            markdown,
            published: datetime(post.published),
            language,
        }),
        (Some(parent), group) => {
            let parent_id = if parent.local {
                url(&uris.post(parent.id, parent.id == parent.root_id))?
            } else {
                parent.ap_id.as_deref().map(url).unwrap_or(Err(ObjectError("remote parent without id")))?
            };
            PostJson::note(NewNote {
                id,
                author,
                group,
                author_followers,
                context,
                in_reply_to: parent_id,
                parent_author: actor_id(uris, &parent.author)?,
                parent_handle: handle(uris, &parent.author),
                html: post.content_html.clone(),
                markdown,
                published: datetime(post.published),
                language,
            })
        }
    };
    // We own the conversation of a thread started here or in one of our groups (FEP-7888) and
    // serve its context; a thread that lives elsewhere has its context there.
    if !post.root_local && !post.group.as_ref().is_some_and(|group| group.local) {
        json.context = None;
    }
    json.replies = Some(url(&uris.replies_of(post.id, post.is_thread_opener()))?);
    json.updated = post.updated.map(datetime);
    json.url = post.local.then(|| json.id.clone());
    if let Some(warning) = &post.content_warning {
        json.summary = Some(warning.clone());
        json.sensitive = Some(true);
    }
    json.attachment.extend(post.media.iter().filter_map(|media| media_attachment(uris, media)));
    address(uris, post, &mut json)?;
    add_tags(uris, post, &mut json)?;
    if post.local {
        // "Followers" of a closed group's post are the group's members.
        let followers = match (&post.group, post.closed_group) {
            (Some(group), true) if group.local => url(&uris.followers_of("group", &group.name))?,
            _ => url(&uris.followers_of(&post.author.kind, &post.author.name))?,
        };
        json.interaction_policy =
            Some(InteractionPolicyJson::publish(&post.policy, &followers, &json.attributed_to));
    }
    if let Some(quote) = &post.quote {
        let authorization = quote.authorization.as_deref().and_then(|a| url(a).ok());
        json.set_quote(url(&quote.quoted_ap_id)?, authorization);
    }
    if let Some(poll) = &post.poll {
        let options = poll
            .options
            .iter()
            .map(|option| PollOptionJson::new(option.title.clone(), option.votes_count))
            .collect();
        json.set_poll(
            options,
            poll.multiple,
            poll.expires_at.map(datetime),
            poll.expired.then(|| datetime(poll.closed_at.or(poll.expires_at).unwrap_or(post.published))),
            poll.voters_count,
        );
    }
    Ok(PostDocument::Post(Box::new(json)))
}

/// `Hashtag` tags linking our tag pages, and a `Mention` of each mentioned actor (as Mastodon
/// needs to notify them); mentioned people are also addressed in `cc`.
fn add_tags(uris: &Uris, post: &FederatedPost, json: &mut PostJson) -> Result<(), ObjectError> {
    for name in &post.hashtags {
        json.tag.push(TagJson::hashtag(Some(url(&uris.tag(name))?), format!("#{name}")));
    }
    for actor in &post.mentions {
        let href = actor_id(uris, actor)?;
        if actor.kind == "person" && !json.to.contains(&href) && !json.cc.contains(&href) {
            json.cc.push(href.clone());
        }
        if !json.tag.iter().any(|tag| tag.mentioned() == Some(&href)) {
            json.tag.push(TagJson::mention(href, handle(uris, actor)));
        }
    }
    Ok(())
}

/// Addressing by who may read the post (issue 15), as Mastodon and Lemmy 1.0 do: public posts
/// `to` the public collection; unlisted ones `to` the author's followers with the public
/// collection in `cc`; followers-only ones `to` the author's followers and never the public;
/// a private group's posts `to` the group and its followers collection, never the public.
fn address(uris: &Uris, post: &FederatedPost, json: &mut PostJson) -> Result<(), ObjectError> {
    use crate::domain::Visibility;
    let public = url(crate::federation::protocol::PUBLIC)?;
    let author_followers = url(&uris.followers_of(&post.author.kind, &post.author.name))?;
    let not_public = |list: &mut Vec<Url>| list.retain(|address| address != &public);
    match post.visibility {
        Visibility::Public => {}
        Visibility::Unlisted | Visibility::Private => {
            not_public(&mut json.to);
            not_public(&mut json.cc);
            json.cc.retain(|address| address != &author_followers);
            json.to.insert(0, author_followers);
            if post.visibility == Visibility::Unlisted {
                json.cc.insert(0, public);
            }
        }
        Visibility::Members => {
            not_public(&mut json.to);
            not_public(&mut json.cc);
            let Some(group) = &post.group else { return Ok(()) };
            let group_url = actor_id(uris, group)?;
            let followers = if group.local {
                Some(url(&uris.followers_of("group", &group.name))?)
            } else {
                post.group_followers.as_deref().map(url).transpose()?
            };
            json.cc.retain(|address| address != &group_url);
            json.to.insert(0, group_url);
            if let Some(followers) = followers {
                json.to.insert(0, followers);
            }
        }
    }
    Ok(())
}

/// An image of a post as a `Document`; remote images keep their own URL.
fn media_attachment(uris: &Uris, media: &MediaView) -> Option<AttachmentJson> {
    let address = match (&media.file_name, &media.remote_url) {
        (Some(name), _) => uris.absolute(&uris::media_path(name)),
        (None, Some(remote)) => remote.clone(),
        (None, None) => return None,
    };
    let alt = (!media.description.is_empty()).then(|| media.description.clone());
    let mut attachment = AttachmentJson::document(url(&address).ok()?, media.content_type.clone(), alt);
    attachment.width = media.width;
    attachment.height = media.height;
    attachment.blurhash = media.blurhash.clone();
    Some(attachment)
}

/// What a post is sent as: a thread opener in a group is a `Page`; replies and posts outside
/// groups are `Note`s.
pub fn former_type(post: &FederatedPost) -> &'static str {
    if post.poll.is_some() {
        "Question"
    } else if post.is_thread_opener() && post.group.is_some() {
        "Page"
    } else {
        "Note"
    }
}

fn language_json(code: &str) -> Option<crate::federation::protocol::LanguageJson> {
    let name = UI_LANGUAGES.iter().find(|(c, _)| *c == code).map(|(_, name)| *name).unwrap_or(code);
    Some(crate::federation::protocol::LanguageJson::new(code, name))
}
