//! What remote servers do, applied through the same rules as local actions. The federation
//! layer parses and verifies activities, then calls these with plain values.

use super::{Context, ServiceError};
use crate::db::{self, actors::RemoteActorUpsert, posts::RemotePostUpsert};
use crate::domain::{ActorId, DomainEvent, PostId, Timestamp, html::sanitize_html};

/// Kinds of remote actors we store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemoteActorKind {
    Person,
    Group,
    Application,
}

impl RemoteActorKind {
    fn as_str(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Group => "group",
            Self::Application => "application",
        }
    }
}

/// A verified remote actor document, reduced to what we keep.
#[derive(Debug, Clone)]
pub struct RemoteActor {
    pub ap_id: String,
    pub host: String,
    pub kind: RemoteActorKind,
    pub name: String,
    pub display_name: String,
    /// HTML as the peer sent it; sanitised here.
    pub summary_html: String,
    pub inbox: String,
    pub shared_inbox: Option<String>,
    pub followers: Option<String>,
    pub public_key_pem: String,
    pub group_kind: Option<String>,
    /// `icon` and `image` URLs; kept only when they are web addresses of sane length.
    pub avatar: Option<String>,
    pub header: Option<String>,
    /// The rest of what the document says; stored in the same transaction as the row.
    pub extras: RemoteActorExtras,
}

/// What a remote actor's document says beyond its row. Each part replaces what was stored
/// before (an empty part clears it).
#[derive(Debug, Clone, Default)]
pub struct RemoteActorExtras {
    /// The organisation the actor represents.
    pub organisation: Option<crate::domain::organisation::Organisation>,
    /// Its other accounts (`alsoKnownAs`, ActivityPub ids).
    pub also_known_as: Vec<String>,
    /// Where it moved (`movedTo`).
    pub moved_to: Option<String>,
    /// Its ed25519 keys (`assertionMethod`).
    pub multikeys: Vec<crate::federation::signatures::multikey::Multikey>,
    /// For a group: its languages, whether it is private, its project. `None` for other actors.
    pub group: Option<RemoteGroupExtras>,
}

/// What a remote group's document says beyond its row.
#[derive(Debug, Clone, Default)]
pub struct RemoteGroupExtras {
    /// Lemmy's `language` list; none clears them.
    pub languages: crate::domain::GroupLanguages,
    /// `manuallyApprovesFollowers`.
    pub private: bool,
    /// Its project (kept only for project groups).
    pub project: Option<crate::domain::project::Project>,
}

/// Stores a verified remote actor document (its row and everything else it says) in one
/// transaction, so that nobody reads a half-updated actor.
pub async fn store_remote_actor(ctx: &Context, actor: RemoteActor) -> Result<ActorId, ServiceError> {
    let now = ctx.now().millis();
    let summary_html = sanitize_html(&actor.summary_html);
    let display_name: String = actor.display_name.chars().take(200).collect();
    let name: String = actor.name.chars().take(100).collect();
    let group_kind = actor.group_kind.filter(|k| k == "project" || k == "discussion");
    let avatar = super::profile_images::remote_image_url(actor.avatar.as_deref());
    let header = super::profile_images::remote_image_url(actor.header.as_deref());
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let instance = db::instances::upsert_instance(&mut conn, ctx.new_id(), &actor.host, now).await?;
    let id = db::actors::upsert_remote_actor(
        &mut conn,
        &RemoteActorUpsert {
            id: ctx.new_id(),
            ap_id: &actor.ap_id,
            kind: actor.kind.as_str(),
            name: &name,
            instance_id: instance.id,
            inbox_url: &actor.inbox,
            shared_inbox_url: actor.shared_inbox.as_deref(),
            followers_url: actor.followers.as_deref(),
            display_name: &display_name,
            summary_html: &summary_html,
            group_kind: group_kind.as_deref(),
            public_key_pem: &actor.public_key_pem,
            avatar: avatar.as_deref(),
            header: header.as_deref(),
            now,
        },
    )
    .await?;
    store_extras(&mut conn, ActorId(id), actor.extras, now).await?;
    tx.commit().await?;
    Ok(ActorId(id))
}

async fn store_extras(
    conn: &mut db::Conn<'_>,
    actor: ActorId,
    extras: RemoteActorExtras,
    now: i64,
) -> Result<(), ServiceError> {
    super::accounts::store_organisation(conn, actor, extras.organisation.as_ref(), now).await?;
    super::account_moves::store_remote_move_fields(
        conn,
        actor,
        &extras.also_known_as,
        extras.moved_to.as_deref(),
    )
    .await?;
    db::actor_multikeys::delete_actor_multikeys(conn, actor.0).await?;
    for key in &extras.multikeys {
        db::actor_multikeys::insert_actor_multikey(conn, actor.0, &key.id, &key.public_key_multibase).await?;
    }
    if let Some(group) = extras.group {
        db::actors::update_actor_languages(conn, actor.0, &group.languages.to_column()).await?;
        super::private_groups::store_remote_group_private(conn, actor, group.private).await?;
        super::projects::store_remote_project_in(conn, actor, group.project, now).await?;
    }
    Ok(())
}

/// A remote actor follows a local group or person. Open groups accept at once; the Accept goes
/// out through the queue. A repeated Follow is accepted again (the peer may have lost our Accept).
pub async fn accept_remote_follow(
    ctx: &Context,
    follower: ActorId,
    followed: ActorId,
    follow_ap_id: &str,
) -> Result<(), ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let target = db::actors::get_actor(&mut conn, followed.0).await?.ok_or(ServiceError::NotFound)?;
    if !target.local || target.kind == "application" {
        return Err(ServiceError::NotFound);
    }
    // A member who blocked the follower (or its domain) refuses the follow, with a `Reject`.
    if super::blocks::member_blocks(&mut conn, followed.0, follower.0).await? {
        let rejected = DomainEvent::FollowRejected {
            follower_id: follower.0,
            followed_id: followed.0,
            follow_ap_id: follow_ap_id.to_owned(),
        };
        ctx.emit(&mut conn, rejected).await?;
        tx.commit().await?;
        return Ok(());
    }
    // A closed group holds new follows for its moderators; one it accepted before stays accepted.
    let already_accepted = db::follows::is_following(&mut conn, follower.0, followed.0).await?;
    let state = if target.closed && !already_accepted { "pending" } else { "accepted" };
    let follow_id = db::follows::insert_follow_with_ap_id(
        &mut conn,
        ctx.new_id(),
        follower.0,
        followed.0,
        state,
        follow_ap_id,
        ctx.now().millis(),
    )
    .await?;
    if state == "accepted" && !already_accepted && target.kind == "group" {
        super::notifications::notify_group_join(ctx, &mut conn, followed.0, follower.0).await?;
    }
    if state == "accepted" {
        ctx.emit(
            &mut conn,
            DomainEvent::FollowAccepted {
                follow_id,
                follower_id: follower.0,
                followed_id: followed.0,
                follow_ap_id: follow_ap_id.to_owned(),
            },
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// A remote actor stops following. Unknown follows change nothing.
pub async fn end_remote_follow(
    ctx: &Context,
    follower: ActorId,
    followed: ActorId,
) -> Result<(), ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    if let Some(follow_id) = db::follows::get_follow_id(&mut conn.conn(), follower.0, followed.0).await? {
        db::follows::delete_follow(&mut conn.conn(), follow_id).await?;
    }
    Ok(())
}

/// A remote actor takes back its `Follow`, naming it only by its id. Only the follower's own
/// follow ends; other ids change nothing. Returns whether a follow ended.
pub async fn end_remote_follow_by_ap_id(
    ctx: &Context,
    follower: ActorId,
    follow_ap_id: &str,
) -> Result<bool, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    match db::follows::get_follow_by_ap_id(&mut conn.conn(), follow_ap_id).await? {
        Some(follow) if follow.follower_id == follower.0 => {
            db::follows::delete_follow(&mut conn.conn(), follow.id).await?;
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// The remote actor we asked to follow accepted. Accepts of follows we never sent change nothing.
pub async fn follow_was_accepted(
    ctx: &Context,
    follower: ActorId,
    followed: ActorId,
) -> Result<bool, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let changed = db::follows::update_follow_accepted(&mut conn.conn(), follower.0, followed.0).await?;
    Ok(changed == 1)
}

/// A verified remote post.
#[derive(Debug, Clone)]
pub struct RemotePost {
    pub ap_id: String,
    pub author: ActorId,
    /// The group it was posted to (its `audience`), if known here.
    pub group: Option<ActorId>,
    pub in_reply_to: Option<PostId>,
    pub title: Option<String>,
    /// HTML as the peer sent it; sanitised here.
    pub content_html: String,
    pub language: Option<String>,
    pub sensitive: bool,
    pub content_warning: Option<String>,
    pub published: Timestamp,
    pub updated: Option<Timestamp>,
    /// The activity that carried it (a `Create` or `Update` signed by its author), for a local
    /// group to re-announce (`group_relays`).
    pub activity_json: Option<String>,
    /// Its images (their URLs; nothing is downloaded).
    pub media: Vec<super::media::RemoteMedia>,
    /// Who may read it, from its addressing.
    pub visibility: crate::domain::Visibility,
}

/// Stores a remote thread opener or reply (or refreshes a known one). Returns the post and
/// whether it was new. A reply joins its parent's thread and group.
pub async fn store_remote_post(ctx: &Context, post: RemotePost) -> Result<(PostId, bool), ServiceError> {
    store_remote_post_referring(ctx, post, None).await
}

/// [`store_remote_post`], also replacing the post's hashtags and mentions with `references`
/// (a mentioned local person is notified once).
pub async fn store_remote_post_referring(
    ctx: &Context,
    post: RemotePost,
    references: Option<super::tags::RemoteReferences>,
) -> Result<(PostId, bool), ServiceError> {
    let content_html = sanitize_html(&post.content_html);
    let language = post
        .language
        .as_deref()
        .and_then(|l| crate::domain::Language::parse("language", l.get(..2).unwrap_or(l)).ok())
        .unwrap_or_else(crate::domain::Language::english);
    let title: Option<String> = post.title.map(|t| t.chars().take(300).collect());
    let content_warning: Option<String> = post.content_warning.map(|t| t.chars().take(500).collect());
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let parent = match post.in_reply_to {
        Some(parent) => {
            Some(db::posts::get_post_ref(&mut conn, parent.0).await?.ok_or(ServiceError::NotFound)?)
        }
        None => None,
    };
    let group_id = parent.as_ref().map_or(post.group.map(|g| g.0), |p| p.group_id);
    // A reply is no more open than what it answers (a reply in a private thread stays in it).
    let visibility = match &parent {
        Some(parent) => match db::visibility::get_visibility(&mut conn, parent.id).await? {
            Some(stored) => post.visibility.at_most(crate::domain::Visibility::from_stored(&stored)),
            None => post.visibility,
        },
        None => post.visibility,
    };
    if group_id.is_some() && db::posts::get_post_ref_by_ap_id(&mut conn, &post.ap_id).await?.is_none() {
        // A banned person's new posts in the group are not taken; earlier ones stay as they are.
        super::group_bans::refuse_if_banned(ctx, &mut conn, group_id, post.author).await?;
        // Nor are new posts in one of our groups that moved away.
        super::group_moves::refuse_if_moved_here(&mut conn, group_id).await?;
    }
    let stored = db::posts::upsert_remote_post(
        &mut conn,
        &RemotePostUpsert {
            id: ctx.new_id(),
            revision_id: ctx.new_id(),
            ap_id: &post.ap_id,
            author_id: post.author.0,
            group_id,
            root_id: parent.as_ref().map(|p| p.root_id),
            in_reply_to_id: parent.as_ref().map(|p| p.id),
            title: if parent.is_some() { None } else { title.as_deref() },
            content_html: &content_html,
            language: language.as_str(),
            sensitive: post.sensitive,
            content_warning: content_warning.as_deref(),
            published: post.published.millis().min(ctx.now().millis()),
            updated: post.updated.map(Timestamp::millis),
            visibility: visibility.as_str(),
        },
    )
    .await?;
    if stored.refused_author.is_some() {
        // Someone else (even on the author's own server) rewriting a post they did not write.
        return Err(ServiceError::Forbidden);
    }
    let (id, created) = (stored.id, stored.created);
    super::media::store_remote_media(ctx, &mut conn, post.author.0, id, &post.media).await?;
    let edited =
        !created && post.updated.is_some_and(|updated| stored.previous_update < Some(updated.millis()));
    if edited {
        super::notifications::notify_boosters_of_edit(ctx, &mut conn, post.author.0, id).await?;
    }
    if let Some(references) = references {
        let mentioned: Vec<i64> = references.mentioned.iter().map(|actor| actor.0).collect();
        super::tags::store_references(ctx, &mut conn, id, post.author.0, &references.hashtags, &mentioned)
            .await?;
    }
    // The author's own activity, re-announced by a local group before the group's boost.
    if let Some(activity) = &post.activity_json {
        super::group_relays::relay_in(ctx, &mut conn, group_id, post.author, activity).await?;
    }
    if created {
        super::notifications::notify_subscribers(ctx, &mut conn, post.author.0, id).await?;
        match &parent {
            Some(parent) => {
                db::posts::update_thread_on_reply(&mut conn, parent.root_id, ctx.now().millis()).await?;
                super::notifications::notify(
                    ctx,
                    &mut conn,
                    parent.author_id,
                    "mention",
                    post.author.0,
                    Some(id),
                )
                .await?;
                super::watches::notify_thread_watchers(
                    ctx,
                    &mut conn,
                    parent.root_id,
                    id,
                    post.author.0,
                    parent.author_id,
                )
                .await?;
                ctx.emit(&mut conn, DomainEvent::ReplyCreated { post_id: id, root_id: parent.root_id })
                    .await?;
            }
            None => {
                if let Some(group_id) = group_id {
                    super::boosts::share_in_group(ctx, &mut conn, id, group_id).await?;
                    super::watches::notify_group_watchers(ctx, &mut conn, group_id, id, post.author.0)
                        .await?;
                    ctx.emit(&mut conn, DomainEvent::ThreadCreated { post_id: id, group_id }).await?;
                }
            }
        }
    }
    tx.commit().await?;
    Ok((PostId(id), created))
}

/// A remote actor deletes a post: its author, or the group it belongs to, may. `activity_json`
/// is the author's own `Delete`, for a local group to re-announce (`group_relays`).
pub async fn delete_remote_post(
    ctx: &Context,
    actor: ActorId,
    ap_id: &str,
    activity_json: Option<&str>,
) -> Result<bool, ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let Some(post) = db::posts::get_post_ref_by_ap_id(&mut conn, ap_id).await? else {
        return Ok(false);
    };
    if post.local || (post.author_id != actor.0 && post.group_id != Some(actor.0)) {
        return Err(ServiceError::Forbidden);
    }
    if db::posts::update_post_deleted(&mut conn, post.id, ctx.now().millis()).await? == 0 {
        return Ok(false);
    }
    if post.id != post.root_id {
        db::posts::update_thread_on_reply_deleted(&mut conn, post.root_id).await?;
    }
    db::media::delete_media_of_post(&mut conn, post.id).await?;
    db::tags::delete_post_references(&mut conn, post.id).await?;
    let relayed = match activity_json {
        Some(activity) => {
            super::group_relays::relay_in(ctx, &mut conn, post.group_id, actor, activity).await?
        }
        None => false,
    };
    ctx.emit(&mut conn, DomainEvent::PostDeleted { post_id: post.id, relayed }).await?;
    tx.commit().await?;
    Ok(true)
}

/// The remote group a post (by its ActivityPub id) was posted in, even when the post is
/// deleted or removed (a restore needs it): the group's row and its id.
pub async fn remote_group_of_any_post(
    ctx: &Context,
    ap_id: &str,
) -> Result<Option<(ActorId, String)>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let Some(group_id) =
        db::posts::get_post_ref_by_ap_id(&mut conn.conn(), ap_id).await?.and_then(|p| p.group_id)
    else {
        return Ok(None);
    };
    let group = db::actors::get_actor(&mut conn.conn(), group_id).await?;
    Ok(group
        .filter(|g| !g.local && g.kind == "group")
        .and_then(|g| g.ap_id.map(|ap_id| (ActorId(g.id), ap_id))))
}

/// A remote like (with the id of its `Like` activity, when it has one) or its undoing; counts
/// once per actor. A like takes back the same actor's downvote.
pub async fn set_remote_like(
    ctx: &Context,
    actor: ActorId,
    post: PostId,
    liked: bool,
    like_id: Option<&str>,
) -> Result<(), ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let now = ctx.now().millis();
    if liked {
        let group_id = db::posts::get_post_ref(&mut conn, post.0).await?.and_then(|p| p.group_id);
        super::group_bans::refuse_if_banned(ctx, &mut conn, group_id, actor).await?;
    }
    let changed = if liked {
        // A like replaces the same person's downvote (Lemmy's votes switch).
        db::downvotes::delete_downvote(&mut conn, post.0, actor.0).await?;
        match like_id {
            Some(like_id) => db::likes::insert_remote_like(&mut conn, post.0, actor.0, like_id, now).await?,
            None => db::likes::insert_like(&mut conn, post.0, actor.0, now).await?,
        }
    } else {
        db::likes::delete_like(&mut conn, post.0, actor.0).await?.is_some()
    };
    if changed {
        db::posts::update_like_count(&mut conn, post.0, if liked { 1 } else { -1 }).await?;
        if liked && let Some(liked_post) = db::posts::get_post_ref(&mut conn, post.0).await? {
            super::notifications::notify(
                ctx,
                &mut conn,
                liked_post.author_id,
                "favourite",
                actor.0,
                Some(post.0),
            )
            .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// The `Undo` of a like named only by the id of its `Like` activity; only the actor who liked
/// can take it back. Returns the post whose like was removed, if any.
pub async fn undo_remote_like_by_ap_id(
    ctx: &Context,
    actor: ActorId,
    like_id: &str,
) -> Result<Option<PostId>, ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let Some(post) = db::likes::delete_like_by_ap_id(&mut conn, like_id, actor.0).await? else {
        return Ok(None);
    };
    db::posts::update_like_count(&mut conn, post, -1).await?;
    tx.commit().await?;
    Ok(Some(PostId(post)))
}

/// A remote actor we know, by its ActivityPub id: its row and public key.
pub async fn known_actor(ctx: &Context, ap_id: &str) -> Result<Option<(ActorId, String)>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let Some(actor) = db::actors::get_actor_by_ap_id(&mut conn.conn(), ap_id).await? else {
        return Ok(None);
    };
    let keys = db::actors::get_actor_keys(&mut conn.conn(), actor.id).await?;
    Ok(keys.and_then(|k| k.public_key_pem).map(|key| (ActorId(actor.id), key)))
}

/// Whether an activity id was processed before (duplicates have no second effect).
pub async fn seen_activity(ctx: &Context, ap_id: &str) -> Result<bool, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::posts::received_activity_exists(&mut conn.conn(), ap_id).await?)
}

pub async fn record_activity(ctx: &Context, ap_id: &str) -> Result<(), ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    db::posts::insert_received_activity(&mut conn.conn(), ap_id, ctx.now().millis()).await?;
    Ok(())
}

/// A local actor by kind and name.
pub async fn local_actor_id(ctx: &Context, kind: &str, name: &str) -> Result<Option<ActorId>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let actor = db::actors::get_local_actor_by_name(&mut conn.conn(), name).await?;
    Ok(actor.filter(|a| a.kind == kind).map(|a| ActorId(a.id)))
}

/// A post by its ActivityPub id (remote) or row id (local); None when unknown.
pub async fn post_by_ap_id(ctx: &Context, ap_id: &str) -> Result<Option<PostId>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::posts::get_post_ref_by_ap_id(&mut conn.conn(), ap_id).await?.map(|p| PostId(p.id)))
}

pub async fn local_post_exists(ctx: &Context, id: PostId) -> Result<bool, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::posts::get_post_ref(&mut conn.conn(), id.0).await?.is_some_and(|p| p.local))
}

/// The kind (`person`, `group`, …) of a stored actor.
pub async fn actor_kind(ctx: &Context, id: ActorId) -> Result<Option<String>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::actors::get_actor(&mut conn.conn(), id.0).await?.map(|a| a.kind))
}

/// Whether any local person follows this actor (then its posts are kept here).
pub async fn has_local_follower(ctx: &Context, id: ActorId) -> Result<bool, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::follows::has_local_follower(&mut conn.conn(), id.0).await?)
}

/// Our Follow with this id was accepted by `accepter`: it must be the followed actor.
pub async fn accept_follow_by_id(
    ctx: &Context,
    follow_id: i64,
    accepter: ActorId,
) -> Result<bool, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let Some(follow) = db::follows::get_follow(&mut conn.conn(), follow_id).await? else {
        return Ok(false);
    };
    if follow.followed_id != accepter.0 {
        return Ok(false);
    }
    Ok(db::follows::update_follow_accepted(&mut conn.conn(), follow.follower_id, follow.followed_id).await?
        == 1)
}

/// Our Follow with this id was rejected by `rejecter`: it must be the followed actor. The
/// follow ends (nothing is sent back). Returns whether a follow ended.
pub async fn reject_follow_by_id(
    ctx: &Context,
    follow_id: i64,
    rejecter: ActorId,
) -> Result<bool, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let Some(follow) = db::follows::get_follow(&mut conn.conn(), follow_id).await? else {
        return Ok(false);
    };
    if follow.followed_id != rejecter.0 {
        return Ok(false);
    }
    Ok(db::follows::delete_follow(&mut conn.conn(), follow.id).await? == 1)
}

/// Remembers that a remote object was deleted, so it is never shown later.
pub async fn record_deleted_object(ctx: &Context, ap_id: &str) -> Result<(), ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    db::posts::insert_deleted_object(&mut conn.conn(), ap_id, ctx.now().millis()).await?;
    Ok(())
}

pub async fn is_deleted_object(ctx: &Context, ap_id: &str) -> Result<bool, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::posts::deleted_object_exists(&mut conn.conn(), ap_id).await?)
}

/// How to link to a stored actor: its kind and `name` or `name@host`.
#[derive(Debug, Clone)]
pub struct ActorHandle {
    pub kind: String,
    pub handle: String,
}

pub async fn actor_handle(ctx: &Context, id: ActorId) -> Result<Option<ActorHandle>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::actors::get_actor(&mut conn.conn(), id.0).await?.map(|actor| ActorHandle {
        handle: match (&actor.host, actor.local) {
            (Some(host), false) => format!("{}@{host}", actor.name),
            _ => actor.name.clone(),
        },
        kind: actor.kind,
    }))
}

/// The FEP-521a ed25519 keys stored for a remote actor.
pub async fn actor_multikeys(
    ctx: &Context,
    actor: ActorId,
) -> Result<Vec<crate::federation::signatures::multikey::Multikey>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let rows = db::actor_multikeys::list_actor_multikeys(&mut conn.conn(), actor.0).await?;
    Ok(rows
        .into_iter()
        .map(|row| crate::federation::signatures::multikey::Multikey {
            id: row.key_id,
            public_key_multibase: row.public_key_multibase,
        })
        .collect())
}
