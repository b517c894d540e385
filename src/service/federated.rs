//! Read models for the federation front door: local actors and posts with the identities of
//! everyone involved, so ActivityPub documents can be built without further queries.

use super::keys::actor_keys;
use super::{Context, ServiceError};
use crate::db::{self, posts::FederatedPostRow};
use crate::domain::{ActorId, PostId, Timestamp};

/// Who an actor is, enough to name it in ActivityPub: local ones by kind and name (their URL is
/// built by `federation::uris`), remote ones by their id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorIdentity {
    pub local: bool,
    pub kind: String,
    pub name: String,
    pub ap_id: Option<String>,
    pub inbox: Option<String>,
    pub shared_inbox: Option<String>,
    pub host: Option<String>,
}

/// A moderator of a local group: one of our people by name, or a remote person by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Moderator {
    Local(String),
    Remote(String),
}

#[derive(Debug, Clone)]
pub struct LocalActor {
    pub id: ActorId,
    pub kind: String,
    pub name: String,
    pub display_name: String,
    pub summary_html: String,
    pub summary_source: String,
    pub group_kind: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub public_key_pem: String,
    /// A group's owner and moderators.
    pub moderators: Vec<Moderator>,
    /// Whether new followers need approval (a closed group).
    pub closed: bool,
    /// For people: the organisation the profile represents (then it federates as `Organization`).
    pub organisation: Option<crate::domain::organisation::Organisation>,
    /// The project of a project group.
    pub project: Option<crate::domain::project::Project>,
    /// The languages a group declares (two-letter codes).
    pub languages: Vec<String>,
    /// For people: the accounts elsewhere they say are also theirs (ActivityPub ids).
    pub also_known_as: Vec<String>,
    /// For people who moved away: the new account's ActivityPub id.
    pub moved_to: Option<String>,
    /// Avatar and header: stored file names (see `profile_images::image_url`).
    pub avatar: Option<String>,
    pub header: Option<String>,
}

/// A local person, group or the instance actor, with its public key (made on first use).
pub async fn get_local_actor(ctx: &Context, name: &str) -> Result<LocalActor, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let actor =
        db::actors::get_local_actor_by_name(&mut conn.conn(), name).await?.ok_or(ServiceError::NotFound)?;
    let moderators = if actor.kind == "group" {
        db::groups::list_moderators(&mut conn.conn(), actor.id)
            .await?
            .into_iter()
            .map(|m| {
                if m.local {
                    Moderator::Local(m.name)
                } else {
                    Moderator::Remote(m.ap_id.unwrap_or_default())
                }
            })
            .filter(|m| !matches!(m, Moderator::Remote(ap_id) if ap_id.is_empty()))
            .collect()
    } else {
        Vec::new()
    };
    let organisation = if actor.kind == "person" {
        super::accounts::load_organisation(&mut conn.conn(), ActorId(actor.id)).await?
    } else {
        None
    };
    let project = if actor.kind == "group" && actor.group_kind.as_deref() == Some("project") {
        db::projects::get_project(&mut conn.conn(), actor.id)
            .await?
            .map(|row| super::projects::project_from_row(&row))
    } else {
        None
    };
    let moves = db::account_moves::get_move_fields(&mut conn.conn(), actor.id).await?;
    drop(conn);
    let keys = actor_keys(ctx, ActorId(actor.id)).await?;
    let also_known_as = moves
        .as_ref()
        .map(|m| m.also_known_as.lines().filter(|l| !l.trim().is_empty()).map(str::to_owned).collect())
        .unwrap_or_default();
    Ok(LocalActor {
        also_known_as,
        moved_to: moves.and_then(|m| m.moved_to),
        id: ActorId(actor.id),
        kind: actor.kind,
        name: actor.name,
        display_name: actor.display_name,
        summary_html: actor.summary_html,
        summary_source: actor.summary_source,
        group_kind: actor.group_kind,
        created_at: Timestamp::from_millis(actor.created_at),
        updated_at: Timestamp::from_millis(actor.updated_at),
        public_key_pem: keys.public_key_pem,
        moderators,
        closed: actor.closed,
        organisation,
        project,
        languages: crate::domain::GroupLanguages::from_column(&actor.languages).codes().to_vec(),
        avatar: actor.avatar,
        header: actor.header,
    })
}

#[derive(Debug, Clone)]
pub struct FederatedParent {
    pub id: PostId,
    pub local: bool,
    pub ap_id: Option<String>,
    pub root_id: PostId,
    pub author: ActorIdentity,
}

#[derive(Debug, Clone)]
pub struct FederatedPost {
    pub id: PostId,
    pub ap_id: Option<String>,
    pub local: bool,
    pub root_id: PostId,
    /// Whether the thread was started here (then we serve its context collection).
    pub root_local: bool,
    pub title: Option<String>,
    pub source: Option<String>,
    pub content_html: String,
    pub language: String,
    pub sensitive: bool,
    pub content_warning: Option<String>,
    pub published: Timestamp,
    pub updated: Option<Timestamp>,
    pub deleted: bool,
    pub author: ActorIdentity,
    pub group: Option<ActorIdentity>,
    pub parent: Option<FederatedParent>,
    /// Attached images, in order.
    pub media: Vec<super::media::MediaView>,
    /// Its hashtags, normalised.
    pub hashtags: Vec<String>,
    /// The people and groups it mentions.
    pub mentions: Vec<ActorIdentity>,
    /// Who may read it: decides its addressing (issue 15).
    pub visibility: crate::domain::Visibility,
    /// A remote group's followers collection (ours are built from the name).
    pub group_followers: Option<String>,
    /// Who may reply, like, boost and quote (published on our posts).
    pub policy: crate::domain::interaction::InteractionPolicy,
    /// Whether a closed group's members (its followers) are who "followers" means.
    pub closed_group: bool,
    /// The post it quotes: its id, and the stamp once approved.
    pub quote: Option<FederatedQuote>,
    /// Its poll, with the counts as everyone sees them.
    pub poll: Option<super::polls::PollView>,
}

#[derive(Debug, Clone)]
pub struct FederatedQuote {
    pub quoted_ap_id: String,
    pub authorization: Option<String>,
    /// The quoted post's author, when the post is known here.
    pub author: Option<ActorIdentity>,
}

impl FederatedPost {
    pub fn is_thread_opener(&self) -> bool {
        self.id == self.root_id
    }
}

pub async fn get_post(ctx: &Context, id: PostId) -> Result<FederatedPost, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let row = db::posts::get_federated_post(&mut conn.conn(), id.0).await?.ok_or(ServiceError::NotFound)?;
    let [post] = with_related(&mut conn.conn(), vec![federated_post(row)], ctx.now())
        .await?
        .try_into()
        .map_err(|_| ServiceError::Internal("one post expected".into()))?;
    Ok(post)
}

/// Fills in images, hashtags, mentions and polls: one query per kind.
async fn with_related(
    conn: &mut crate::db::Conn<'_>,
    mut posts: Vec<FederatedPost>,
    now: Timestamp,
) -> Result<Vec<FederatedPost>, ServiceError> {
    let ids: Vec<i64> = posts.iter().map(|p| p.id.0).collect();
    if ids.is_empty() {
        return Ok(posts);
    }
    let mut media = super::media::media_of_posts(conn, &ids).await?;
    let mut hashtags = super::tags::hashtags_of_posts(conn, &ids).await?;
    let mut mentions = super::tags::mentions_of_posts(conn, &ids).await?;
    let mut polls = super::polls::polls_of_posts(conn, None, &ids, now).await?;
    for post in &mut posts {
        post.poll = polls.remove(&post.id.0);
        post.media = media.remove(&post.id.0).unwrap_or_default();
        post.hashtags = hashtags.remove(&post.id.0).unwrap_or_default();
        post.mentions = mentions
            .remove(&post.id.0)
            .unwrap_or_default()
            .into_iter()
            .map(|row| ActorIdentity {
                local: row.local,
                kind: row.kind,
                name: row.name,
                ap_id: row.ap_id,
                inbox: row.inbox_url,
                shared_inbox: row.shared_inbox_url,
                host: row.host,
            })
            .collect();
    }
    Ok(posts)
}

/// The posts of a thread in order, as (id, local, ap_id), for its context collection.
pub async fn list_thread(
    ctx: &Context,
    root: PostId,
) -> Result<Vec<(PostId, bool, Option<String>)>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let ids = db::posts::list_thread_post_ids(&mut conn.conn(), root.0, 1000).await?;
    Ok(ids.into_iter().map(|(id, local, ap_id)| (PostId(id), local, ap_id)).collect())
}

fn federated_post(row: FederatedPostRow) -> FederatedPost {
    let author = ActorIdentity {
        local: row.author_local,
        kind: row.author_kind,
        name: row.author_name,
        ap_id: row.author_ap_id,
        inbox: row.author_inbox,
        shared_inbox: row.author_shared_inbox,
        host: row.author_host,
    };
    let group = row.group_id.map(|_| ActorIdentity {
        local: row.group_local.unwrap_or(true),
        kind: "group".to_owned(),
        name: row.group_name.unwrap_or_default(),
        ap_id: row.group_ap_id,
        inbox: row.group_inbox,
        shared_inbox: row.group_shared_inbox,
        host: None,
    });
    let parent = row.parent_id.map(|id| FederatedParent {
        id: PostId(id),
        local: row.parent_local.unwrap_or(true),
        ap_id: row.parent_ap_id,
        root_id: PostId(row.parent_root_id.unwrap_or(id)),
        author: ActorIdentity {
            local: row.parent_author_local.unwrap_or(true),
            kind: row.parent_author_kind.unwrap_or_else(|| "person".to_owned()),
            name: row.parent_author_name.unwrap_or_default(),
            ap_id: row.parent_author_ap_id,
            inbox: row.parent_author_inbox,
            shared_inbox: row.parent_author_shared_inbox,
            host: row.parent_author_host,
        },
    });
    let closed_group = row.group_closed.unwrap_or(false);
    let quote_permission = row.own_can_quote.as_deref().map_or(
        crate::domain::interaction::Permission::Anyone,
        crate::domain::interaction::Permission::from_column,
    );
    let policy = super::quotes::local_policy(row.root_locked_at.is_some(), closed_group, quote_permission);
    let quote = row.quoted_ap_id.clone().map(|quoted_ap_id| FederatedQuote {
        quoted_ap_id,
        authorization: row
            .quote_authorization
            .clone()
            .filter(|_| row.quote_state.as_deref() == Some("accepted")),
        author: row.quoted_author_local.map(|local| ActorIdentity {
            local,
            kind: "person".to_owned(),
            name: String::new(),
            ap_id: None,
            inbox: row.quoted_author_inbox.clone(),
            shared_inbox: row.quoted_author_shared_inbox.clone(),
            host: None,
        }),
    });
    FederatedPost {
        visibility: crate::domain::Visibility::from_stored(&row.visibility),
        group_followers: row.group_followers,
        id: PostId(row.id),
        ap_id: row.ap_id,
        local: row.local,
        root_id: PostId(row.root_id),
        root_local: row.root_local,
        title: row.title,
        source: row.source,
        content_html: row.content_html,
        language: row.language,
        sensitive: row.sensitive,
        content_warning: row.content_warning,
        published: Timestamp::from_millis(row.created_at),
        updated: row.updated_at.map(Timestamp::from_millis),
        deleted: row.deleted_at.is_some(),
        author,
        group,
        parent,
        media: Vec::new(),
        hashtags: Vec::new(),
        mentions: Vec::new(),
        policy,
        closed_group,
        quote,
        poll: None,
    }
}

pub async fn count_followers(ctx: &Context, actor: ActorId) -> Result<i64, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::follows::count_followers(&mut conn.conn(), actor.0).await?)
}

/// What an actor's outbox lists: for a group, its latest local threads, newest first; people
/// post in groups, so theirs is empty. A fixed number of queries whatever the limit.
pub async fn get_outbox(ctx: &Context, name: &str, limit: i64) -> Result<Outbox, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let actor =
        db::actors::get_local_actor_by_name(&mut conn.conn(), name).await?.ok_or(ServiceError::NotFound)?;
    let threads = if actor.kind == "group" {
        let rows = db::posts::list_group_federated_threads(&mut conn.conn(), actor.id, limit).await?;
        with_related(&mut conn.conn(), rows.into_iter().map(federated_post).collect(), ctx.now()).await?
    } else {
        Vec::new()
    };
    Ok(Outbox { kind: actor.kind, name: actor.name, threads })
}

/// An actor's outbox: whose it is (to name it) and the threads it lists.
#[derive(Debug, Clone)]
pub struct Outbox {
    pub kind: String,
    pub name: String,
    pub threads: Vec<FederatedPost>,
}
