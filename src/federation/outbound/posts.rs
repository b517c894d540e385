//! Threads and replies (`Create` of a `Page` or `Note`), edits (`Update`) and deletions
//! (`Delete` with a `Tombstone`), and a local group's announcements of them.

use url::Url;

use super::routing::{self, GroupRoute, Outgoing, Target};
use super::{TranslateError, activity_json, new_activity_id};
use crate::db;
use crate::domain::PostId;
use crate::federation::objects::{PostDocument, actor_id, former_type, post_id, post_json, url};
use crate::federation::protocol::{CreateJson, DeleteJson, DeleteObject, PUBLIC, PostJson, UpdateJson};
use crate::federation::uris::Uris;
use crate::service::Context;
use crate::service::federated::{self, FederatedPost};

/// A post with the database ids routing needs.
struct LoadedPost {
    post: FederatedPost,
    author_id: i64,
    group: Option<GroupRoute>,
}

async fn load(ctx: &Context, id: i64) -> Result<LoadedPost, TranslateError> {
    let post = federated::get_post(ctx, PostId(id)).await?;
    let mut conn = ctx.db.acquire().await?;
    let refs = db::posts::get_post_ref(&mut conn.conn(), id).await?.ok_or(TranslateError::Gone)?;
    let group = GroupRoute::of(post.group.as_ref(), refs.group_id);
    Ok(LoadedPost { post, author_id: refs.author_id, group })
}

/// A new thread or reply. Our own posts are created by their author; a local group announces
/// them to its followers (a remote post's `Create` is announced by `relays`), and boosts new
/// threads for Mastodon. A remote group gets our posts in its inbox.
pub(super) async fn post_created(
    ctx: &Context,
    uris: &Uris,
    id: i64,
) -> Result<Vec<Outgoing>, TranslateError> {
    let loaded = load(ctx, id).await?;
    let post = &loaded.post;
    if post.deleted {
        return Err(TranslateError::Gone);
    }
    let mut outgoing = Vec::new();
    if post.local {
        let create = CreateJson::new(new_activity_id(ctx, uris, "create")?, document(uris, post)?);
        let create = Outgoing::new(
            loaded.author_id,
            create.id.clone(),
            activity_json(&create)?,
            own_followers(&loaded),
        );
        outgoing = routing::about_post(ctx, uris, loaded.group.as_ref(), create, people_to_notify(post))?;
    }
    // The plain boost is for Mastodon followers of a public group; a private group's threads
    // reach its members only inside the group's `Announce` of the `Create`.
    if post.is_thread_opener()
        && post.visibility == crate::domain::Visibility::Public
        && let Some(GroupRoute::Local { id: group_id, name }) = &loaded.group
    {
        outgoing.push(routing::boost_to_followers(ctx, uris, *group_id, name, post_id(uris, post)?)?);
    }
    Ok(outgoing)
}

/// An edit of one of our posts, routed like its `Create`.
pub(super) async fn post_edited(
    ctx: &Context,
    uris: &Uris,
    id: i64,
) -> Result<Vec<Outgoing>, TranslateError> {
    let loaded = load(ctx, id).await?;
    let post = &loaded.post;
    if !post.local {
        return Ok(Vec::new());
    }
    let update = UpdateJson::post(new_activity_id(ctx, uris, "update")?, document(uris, post)?);
    let update =
        Outgoing::new(loaded.author_id, update.id.clone(), activity_json(&update)?, own_followers(&loaded));
    let mut notify = people_to_notify(post);
    // A poll's new counts also go to the people elsewhere who voted in it.
    if post.poll.is_some() {
        let mut conn = ctx.db.acquire().await?;
        for inbox in db::polls::list_remote_voter_inboxes(&mut conn.conn(), id).await? {
            if let Ok(inbox) = Url::parse(&inbox)
                && !notify.contains(&inbox)
            {
                notify.push(inbox);
            }
        }
    }
    routing::about_post(ctx, uris, loaded.group.as_ref(), update, notify)
}

/// A deleted post: ours are deleted by their author, routed like the `Create`; a remote post
/// in a local group is deleted by the group, announced to its followers, unless the group
/// re-announced its author's own `Delete` (`relayed`).
pub(super) async fn post_deleted(
    ctx: &Context,
    uris: &Uris,
    id: i64,
    relayed: bool,
) -> Result<Vec<Outgoing>, TranslateError> {
    let loaded = load(ctx, id).await?;
    let post = &loaded.post;
    let group_url = post.group.as_ref().map(|group| actor_id(uris, group)).transpose()?;
    if post.local {
        let delete = delete_of(ctx, uris, actor_id(uris, &post.author)?, post, group_url)?;
        let delete = Outgoing::new(
            loaded.author_id,
            delete.id.clone(),
            activity_json(&delete)?,
            own_followers(&loaded),
        );
        return routing::about_post(ctx, uris, loaded.group.as_ref(), delete, people_to_notify(post));
    }
    let Some(GroupRoute::Local { id: group_id, name }) = &loaded.group else {
        return Ok(Vec::new());
    };
    if relayed {
        return Ok(Vec::new());
    }
    let delete = delete_of(ctx, uris, url(&uris.group(name))?, post, group_url)?;
    Ok(vec![routing::announce_to_followers(ctx, uris, *group_id, name, activity_json(&delete)?)?])
}

/// Our post as `Page` or `Note`; one deleted meanwhile is not sent again.
pub(super) fn document(uris: &Uris, post: &FederatedPost) -> Result<PostJson, TranslateError> {
    match post_json(uris, post)? {
        PostDocument::Post(json) => Ok(*json),
        PostDocument::Tombstone(_) => Err(TranslateError::Gone),
    }
}

/// `actor` deletes `post`, addressed publicly and to its group, as Lemmy expects.
pub(super) fn delete_of(
    ctx: &Context,
    uris: &Uris,
    actor: Url,
    post: &FederatedPost,
    group: Option<Url>,
) -> Result<DeleteJson, TranslateError> {
    let mut delete = DeleteJson::new(new_activity_id(ctx, uris, "delete")?, actor, post_id(uris, post)?);
    if let DeleteObject::Tombstone(tombstone) = &mut delete.object {
        tombstone.former_type = Some(former_type(post).to_owned());
    }
    delete.to = vec![url(PUBLIC)?];
    delete.cc = group.iter().cloned().collect();
    delete.audience = group;
    Ok(delete)
}

/// A post outside any group goes to its author's followers, as on Mastodon; a group's posts go
/// where the group sends them.
fn own_followers(loaded: &LoadedPost) -> Vec<Target> {
    if loaded.post.group.is_none() { vec![Target::FollowersOf(loaded.author_id)] } else { Vec::new() }
}

/// Remote people to notify: a reply's parent author and the people the post mentions, each
/// inbox once.
fn people_to_notify(post: &FederatedPost) -> Vec<Url> {
    let parent = post.parent.as_ref().map(|parent| &parent.author);
    let mentioned = post.mentions.iter().filter(|actor| actor.kind == "person");
    // The quoted post's author hears of the quote (and of its approval, in the `Update`).
    let quoted = post.quote.as_ref().and_then(|quote| quote.author.as_ref());
    let mut inboxes: Vec<Url> = Vec::new();
    for inbox in parent.into_iter().chain(mentioned).chain(quoted).filter_map(routing::notify_inbox) {
        if !inboxes.contains(&inbox) {
            inboxes.push(inbox);
        }
    }
    inboxes
}

/// A moderator moved a thread between two of our groups: an `Update` of the opener with its
/// new `audience`, by the group it is in now (which holds the authority over it, FEP-1b12),
/// announced by both groups to their followers, so both audiences learn where it went.
pub(super) async fn thread_moved(
    ctx: &Context,
    uris: &Uris,
    id: i64,
    from_group: i64,
    to_group: i64,
) -> Result<Vec<Outgoing>, TranslateError> {
    let loaded = load(ctx, id).await?;
    let post = &loaded.post;
    if post.deleted {
        return Err(TranslateError::Gone);
    }
    let (from, to) = {
        let mut conn = ctx.db.acquire().await?;
        let from = db::actors::get_actor(&mut conn.conn(), from_group).await?.ok_or(TranslateError::Gone)?;
        let to = db::actors::get_actor(&mut conn.conn(), to_group).await?.ok_or(TranslateError::Gone)?;
        (from, to)
    };
    if !from.local || !to.local {
        return Ok(Vec::new());
    }
    let mut update = UpdateJson::post(new_activity_id(ctx, uris, "update")?, document(uris, post)?);
    update.actor = url(&uris.group(&to.name))?;
    let update = activity_json(&update)?;
    Ok(vec![
        routing::announce_to_followers(ctx, uris, to.id, &to.name, update.clone())?,
        routing::announce_to_followers(ctx, uris, from.id, &from.name, update)?,
    ])
}
