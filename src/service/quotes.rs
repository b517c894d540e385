//! Interaction policies and quotes (FEP-044f, as Mastodon 4.5 does them).
//!
//! Our posts publish who may reply, like, boost and quote: a locked thread takes no replies, a
//! closed group's posts are for its members (its followers), and quoting follows the policy
//! the author chose (default: anyone may quote a public post). Remote posts keep the policy
//! their origin publishes, and our members are neither offered nor allowed what it forbids.
//!
//! Quotes: a remote post quoting ours needs our stamp (`QuoteAuthorization`), issued in answer
//! to its `QuoteRequest` when the policy allows; the author can withdraw it. A member quoting
//! a remote post asks first and the quote is `pending` until the answer; quoting a local post
//! is approved here at once.

use super::{Context, CurrentUser, ServiceError};
use crate::db::quotes::{AuthorizationRow, PolicyRow, QuoteRow, QuotingPost};
use crate::db::{self, Conn};
use crate::domain::interaction::{InteractionPolicy, Permission, QuotePolicy, QuoteState};
use crate::domain::{ActorId, DomainEvent, FieldError, PostId};

/// What a member wants to do to a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interaction {
    Reply,
    Like,
    Announce,
    Quote,
}

impl Interaction {
    fn refusal(self) -> &'static str {
        match self {
            Self::Reply => "the author's server does not let you reply to this post",
            Self::Like => "the author's server does not let you like this post",
            Self::Announce => "the author's server does not let you boost this post",
            Self::Quote => "the author does not let you quote this post",
        }
    }

    fn field(self) -> &'static str {
        match self {
            Self::Reply => "body",
            Self::Quote => "quoted_status_id",
            Self::Like | Self::Announce => "status",
        }
    }
}

/// The policy of one of our posts: from the thread's lock, the group's closedness and the
/// author's quote policy.
pub fn local_policy(locked: bool, closed_group: bool, quote: Permission) -> InteractionPolicy {
    let members = if closed_group { Permission::Followers } else { Permission::Anyone };
    InteractionPolicy {
        can_reply: if locked { Permission::Nobody } else { members },
        can_like: members,
        can_announce: members,
        can_quote: quote.narrowest(members),
    }
}

/// A stored policy row read back.
pub fn policy_from_row(row: &PolicyRow) -> InteractionPolicy {
    InteractionPolicy {
        can_reply: Permission::from_column(&row.can_reply),
        can_like: Permission::from_column(&row.can_like),
        can_announce: Permission::from_column(&row.can_announce),
        can_quote: Permission::from_column(&row.can_quote),
    }
}

fn policy_row(policy: &InteractionPolicy) -> PolicyRow {
    PolicyRow {
        can_reply: policy.can_reply.as_str().to_owned(),
        can_like: policy.can_like.as_str().to_owned(),
        can_announce: policy.can_announce.as_str().to_owned(),
        can_quote: policy.can_quote.as_str().to_owned(),
    }
}

/// The policy of any post, read in `conn`.
pub async fn policy_of(conn: &mut Conn<'_>, post: i64) -> Result<InteractionPolicy, ServiceError> {
    let row = db::posts::get_post_ref(conn, post).await?.ok_or(ServiceError::NotFound)?;
    let stored = db::quotes::get_policy(conn, post).await?;
    if !row.local {
        return Ok(stored.as_ref().map_or(InteractionPolicy::UNSTATED, policy_from_row));
    }
    let locked = db::thread_locks::is_thread_locked(conn, row.root_id).await?;
    let closed = match row.group_id {
        Some(group) => db::actors::get_actor(conn, group).await?.is_some_and(|g| g.closed),
        None => false,
    };
    let quote = stored.map_or(Permission::Anyone, |row| Permission::from_column(&row.can_quote));
    Ok(local_policy(locked, closed, quote))
}

/// Whether `actor` may do `what` to `post` (perhaps only by asking): the author always may;
/// "followers" means following the author, or for a closed group's post, the group.
pub async fn allows(
    conn: &mut Conn<'_>,
    actor: ActorId,
    post: i64,
    what: Interaction,
) -> Result<bool, ServiceError> {
    let row = db::posts::get_post_ref(conn, post).await?.ok_or(ServiceError::NotFound)?;
    if row.author_id == actor.0 {
        return Ok(true);
    }
    let policy = policy_of(conn, post).await?;
    let permission = match what {
        Interaction::Reply => policy.can_reply,
        Interaction::Like => policy.can_like,
        Interaction::Announce => policy.can_announce,
        Interaction::Quote => policy.can_quote,
    };
    if permission != Permission::Followers {
        return Ok(permission.allows(false));
    }
    let mut follows = db::follows::is_following(conn, actor.0, row.author_id).await?;
    if !follows
        && row.local
        && let Some(group) = row.group_id
    {
        follows = db::follows::is_following(conn, actor.0, group).await?;
    }
    Ok(follows)
}

/// Refuses, with a message that says why, what the post's policy does not allow.
pub async fn refuse_unless_allowed(
    conn: &mut Conn<'_>,
    actor: ActorId,
    post: i64,
    what: Interaction,
) -> Result<(), ServiceError> {
    if allows(conn, actor, post, what).await? {
        Ok(())
    } else {
        Err(FieldError::new(what.field(), what.refusal()).into())
    }
}

/// Keeps the policy a remote post's origin publishes.
pub async fn store_remote_policy(
    ctx: &Context,
    post: PostId,
    policy: &InteractionPolicy,
) -> Result<(), ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    db::quotes::upsert_policy(&mut conn.conn(), post.0, &policy_row(policy)).await?;
    Ok(())
}

/// A member's default quote policy for new posts.
pub async fn quote_default(ctx: &Context, user: &CurrentUser) -> Result<QuotePolicy, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let stored = db::quotes::get_quote_default(&mut conn.conn(), user.id.0).await?;
    Ok(stored.and_then(|p| QuotePolicy::parse(&p)).unwrap_or(QuotePolicy::Public))
}

pub async fn set_quote_default(
    ctx: &Context,
    user: &CurrentUser,
    policy: QuotePolicy,
) -> Result<(), ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    db::quotes::set_quote_default(&mut conn.conn(), user.id.0, policy.as_str()).await?;
    Ok(())
}

/// Sets the quote policy of one of our new posts (`None`: the author's default).
pub async fn set_post_quote_policy(
    ctx: &Context,
    conn: &mut Conn<'_>,
    user: &CurrentUser,
    post: PostId,
    policy: Option<QuotePolicy>,
) -> Result<(), ServiceError> {
    let policy = match policy {
        Some(policy) => policy,
        None => db::quotes::get_quote_default(conn, user.id.0)
            .await?
            .and_then(|p| QuotePolicy::parse(&p))
            .unwrap_or(QuotePolicy::Public),
    };
    let _ = ctx.now();
    let row = PolicyRow {
        can_reply: Permission::Anyone.as_str().to_owned(),
        can_like: Permission::Anyone.as_str().to_owned(),
        can_announce: Permission::Anyone.as_str().to_owned(),
        can_quote: policy.permission().as_str().to_owned(),
    };
    db::quotes::upsert_policy(conn, post.0, &row).await?;
    Ok(())
}

/// The absolute URL of one of our stamps.
pub fn authorization_url(ctx: &Context, id: i64) -> String {
    format!(
        "{}{}",
        ctx.settings.base_url.trim_end_matches('/'),
        crate::federation::uris::quote_authorization_path(id)
    )
}

/// The absolute URL of one of our posts.
fn local_post_url(ctx: &Context, id: i64, root_id: i64) -> String {
    let path = if id == root_id {
        crate::federation::uris::thread_path(PostId(id))
    } else {
        crate::federation::uris::post_path(PostId(id))
    };
    format!("{}{path}", ctx.settings.base_url.trim_end_matches('/'))
}

/// A member's new post `post` quotes `quoted` (checked against its policy, in the post's
/// transaction). A local quoted post approves at once with a stamp of ours; a remote one is
/// asked (`QuoteRequest`) and the quote waits.
pub async fn quote_in_new_post(
    ctx: &Context,
    conn: &mut Conn<'_>,
    user: &CurrentUser,
    post: PostId,
    quoted: PostId,
) -> Result<(), ServiceError> {
    let target = db::posts::get_post_ref(conn, quoted.0).await?.ok_or(ServiceError::NotFound)?;
    if target.deleted_at.is_some() {
        return Err(ServiceError::NotFound);
    }
    refuse_unless_allowed(conn, user.id, quoted.0, Interaction::Quote).await?;
    let now = ctx.now().millis();
    let own = db::posts::get_post_ref(conn, post.0).await?.ok_or(ServiceError::NotFound)?;
    if target.local {
        let quoting_url = local_post_url(ctx, own.id, own.root_id);
        let stamp = db::quotes::insert_authorization(
            conn,
            ctx.new_id(),
            target.id,
            &quoting_url,
            Some(post.0),
            user.id.0,
            None,
            now,
        )
        .await?;
        let quote = QuoteRow {
            post_id: post.0,
            quoted_post_id: Some(target.id),
            quoted_ap_id: local_post_url(ctx, target.id, target.root_id),
            state: QuoteState::Accepted.as_str().to_owned(),
            authorization_ap_id: Some(authorization_url(ctx, stamp.id)),
            request_ap_id: None,
        };
        db::quotes::upsert_quote(conn, &quote, now).await?;
        return Ok(());
    }
    let Some(quoted_ap_id) = target.ap_id.clone() else {
        return Err(ServiceError::NotFound);
    };
    let request =
        format!("{}/activities/quoterequest/{}", ctx.settings.base_url.trim_end_matches('/'), post.0);
    let quote = QuoteRow {
        post_id: post.0,
        quoted_post_id: Some(target.id),
        quoted_ap_id,
        state: QuoteState::Pending.as_str().to_owned(),
        authorization_ap_id: None,
        request_ap_id: Some(request),
    };
    db::quotes::upsert_quote(conn, &quote, now).await?;
    ctx.emit(conn, DomainEvent::QuoteRequested { post_id: post.0 }).await?;
    Ok(())
}

/// A remote post quotes `quoted_ap_id` (stored here as `quoted`, when it could be fetched),
/// approved or not as the caller found.
pub async fn record_remote_quote(
    ctx: &Context,
    post: PostId,
    quoted: Option<PostId>,
    quoted_ap_id: &str,
    state: QuoteState,
    authorization: Option<&str>,
) -> Result<(), ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let quote = QuoteRow {
        post_id: post.0,
        quoted_post_id: quoted.map(|q| q.0),
        quoted_ap_id: quoted_ap_id.to_owned(),
        state: state.as_str().to_owned(),
        authorization_ap_id: authorization.map(str::to_owned),
        request_ap_id: None,
    };
    db::quotes::upsert_quote(&mut conn.conn(), &quote, ctx.now().millis()).await?;
    Ok(())
}

/// Whether we issued a valid stamp for `quoting_ap_id` to quote our post `quoted`; links the
/// stamp to the stored quoting post.
pub async fn our_stamp_for(
    ctx: &Context,
    quoted: PostId,
    quoting_ap_id: &str,
    quoting_post: PostId,
) -> Result<Option<String>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let found =
        db::quotes::get_valid_authorization(&mut conn.conn(), quoted.0, QuotingPost::ApId(quoting_ap_id))
            .await?;
    if found.is_some() {
        db::quotes::update_authorization_post(&mut conn.conn(), quoting_ap_id, quoting_post.0).await?;
    }
    Ok(found.map(|stamp| authorization_url(ctx, stamp.id)))
}

/// How we answered a `QuoteRequest`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuoteAnswer {
    Accepted(i64),
    Rejected,
}

/// `requester` asks to quote our post `quoted` in their post `quoting_ap_id`: a stamp when the
/// post's policy allows, else a refusal; either answer is sent.
pub async fn answer_quote_request(
    ctx: &Context,
    requester: ActorId,
    quoted: PostId,
    quoting_ap_id: &str,
    request_ap_id: &str,
) -> Result<QuoteAnswer, ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let target = db::posts::get_post_ref(&mut conn, quoted.0).await?.ok_or(ServiceError::NotFound)?;
    if !target.local {
        return Err(ServiceError::NotFound);
    }
    let allowed =
        target.deleted_at.is_none() && allows(&mut conn, requester, quoted.0, Interaction::Quote).await?;
    let answer = if allowed {
        let quoting_post =
            db::posts::get_post_ref_by_ap_id(&mut conn, quoting_ap_id).await?.map(|row| row.id);
        let stamp = db::quotes::insert_authorization(
            &mut conn,
            ctx.new_id(),
            quoted.0,
            quoting_ap_id,
            quoting_post,
            requester.0,
            Some(request_ap_id),
            ctx.now().millis(),
        )
        .await?;
        if stamp.revoked_at.is_some() { QuoteAnswer::Rejected } else { QuoteAnswer::Accepted(stamp.id) }
    } else {
        QuoteAnswer::Rejected
    };
    let authorization_id = match answer {
        QuoteAnswer::Accepted(id) => Some(id),
        QuoteAnswer::Rejected => None,
    };
    ctx.emit(
        &mut conn,
        DomainEvent::QuoteAnswered {
            quoted_post_id: quoted.0,
            actor_id: requester.0,
            request_ap_id: request_ap_id.to_owned(),
            quoting_ap_id: quoting_ap_id.to_owned(),
            authorization_id,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(answer)
}

/// The answer to a `QuoteRequest` we sent: the quote becomes accepted (keeping the stamp) or
/// rejected, and an accepted one is sent again (`Update`) with its stamp. `answerer` must be
/// the quoted post's author.
pub async fn quote_request_answered(
    ctx: &Context,
    answerer: ActorId,
    request_ap_id: &str,
    stamp: Option<&str>,
) -> Result<bool, ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let Some(quote) = db::quotes::get_quote_by_request(&mut conn, request_ap_id).await? else {
        return Ok(false);
    };
    let Some(quoted) = quote.quoted_post_id else {
        return Ok(false);
    };
    let target = db::posts::get_post_ref(&mut conn, quoted).await?.ok_or(ServiceError::NotFound)?;
    if target.author_id != answerer.0 {
        return Err(ServiceError::Forbidden);
    }
    let state = if stamp.is_some() { QuoteState::Accepted } else { QuoteState::Rejected };
    db::quotes::update_quote_state(&mut conn, quote.post_id, state.as_str(), stamp, ctx.now().millis())
        .await?;
    if state == QuoteState::Accepted {
        ctx.emit(&mut conn, DomainEvent::PostEdited { post_id: quote.post_id }).await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// A remote author withdrew the stamp `stamp`: the quotes it approved are revoked.
pub async fn remote_stamp_deleted(ctx: &Context, stamp: &str) -> Result<usize, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::quotes::revoke_quotes_by_authorization(&mut conn.conn(), stamp, ctx.now().millis()).await?.len())
}

/// A stamp of ours as it is served; `None` when unknown or revoked.
pub async fn get_authorization(ctx: &Context, id: i64) -> Result<Option<StampView>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let Some(stamp) = db::quotes::get_authorization(&mut conn.conn(), id).await? else {
        return Ok(None);
    };
    if stamp.revoked_at.is_some() {
        return Ok(None);
    }
    let Some(target) = db::posts::get_post_ref(&mut conn.conn(), stamp.quoted_post_id).await? else {
        return Ok(None);
    };
    let Some(author) = db::actors::get_actor(&mut conn.conn(), target.author_id).await? else {
        return Ok(None);
    };
    Ok(Some(StampView {
        id: stamp.id,
        author_name: author.name,
        quoted_post: PostId(target.id),
        quoted_is_opener: target.id == target.root_id,
        quoting_ap_id: stamp.quoting_ap_id,
    }))
}

/// What a stamp says.
#[derive(Debug, Clone)]
pub struct StampView {
    pub id: i64,
    pub author_name: String,
    pub quoted_post: PostId,
    pub quoted_is_opener: bool,
    pub quoting_ap_id: String,
}

/// The quotes of our post `post` we approved and that still stand (for its author).
pub async fn list_stamps(
    ctx: &Context,
    user: &CurrentUser,
    post: PostId,
) -> Result<Vec<AuthorizationRow>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let target = db::posts::get_post_ref(&mut conn.conn(), post.0).await?.ok_or(ServiceError::NotFound)?;
    if target.author_id != user.id.0 {
        return Ok(Vec::new());
    }
    Ok(db::quotes::list_authorizations_of_post(&mut conn.conn(), post.0).await?)
}

/// The author of `post` withdraws the stamp `stamp`: quotes here are revoked and a `Delete`
/// of the stamp is sent.
pub async fn revoke(ctx: &Context, user: &CurrentUser, post: PostId, stamp: i64) -> Result<(), ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let row = db::quotes::get_authorization(&mut conn, stamp).await?.ok_or(ServiceError::NotFound)?;
    if row.quoted_post_id != post.0 {
        return Err(ServiceError::NotFound);
    }
    let target = db::posts::get_post_ref(&mut conn, post.0).await?.ok_or(ServiceError::NotFound)?;
    if target.author_id != user.id.0 {
        return Err(ServiceError::Forbidden);
    }
    let now = ctx.now().millis();
    if db::quotes::revoke_authorization(&mut conn, stamp, now).await? {
        db::quotes::revoke_quotes_by_authorization(&mut conn, &authorization_url(ctx, stamp), now).await?;
        ctx.emit(&mut conn, DomainEvent::QuoteRevoked { authorization_id: stamp }).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Mastodon's revoke: by the quoting status's id.
pub async fn revoke_by_quoting_post(
    ctx: &Context,
    user: &CurrentUser,
    post: PostId,
    quoting: PostId,
) -> Result<(), ServiceError> {
    let stamp = {
        let mut conn = ctx.db.acquire().await?;
        db::quotes::get_valid_authorization(&mut conn.conn(), post.0, QuotingPost::Stored(quoting.0))
            .await?
            .ok_or(ServiceError::NotFound)?
    };
    revoke(ctx, user, post, stamp.id).await
}

/// The policy of a post as timelines and pages show it, from its stored row (if any): for our
/// posts the author's quote choice, for remote ones what the origin published. Locks are
/// shown by the pages themselves.
pub fn shown_policy(local: bool, row: Option<&crate::db::quotes::PostExtrasRow>) -> InteractionPolicy {
    let column = |value: &Option<String>, default: Permission| {
        value.as_deref().map_or(default, Permission::from_column)
    };
    match (local, row) {
        (true, row) => local_policy(
            false,
            false,
            row.map_or(Permission::Anyone, |row| column(&row.can_quote, Permission::Anyone)),
        ),
        (false, None) => InteractionPolicy::UNSTATED,
        (false, Some(row)) => {
            let unstated = InteractionPolicy::UNSTATED;
            InteractionPolicy {
                can_reply: column(&row.can_reply, unstated.can_reply),
                can_like: column(&row.can_like, unstated.can_like),
                can_announce: column(&row.can_announce, unstated.can_announce),
                can_quote: column(&row.can_quote, unstated.can_quote),
            }
        }
    }
}

/// Policies and quotes of posts, by post: one query per 50 posts.
pub(crate) async fn extras_of_posts(
    conn: &mut Conn<'_>,
    posts: &[i64],
) -> Result<std::collections::HashMap<i64, crate::db::quotes::PostExtrasRow>, ServiceError> {
    let mut found = std::collections::HashMap::new();
    for batch in posts.chunks(db::quotes::POSTS_PER_BATCH) {
        for row in db::quotes::list_post_extras(conn, batch).await? {
            found.insert(row.post_id, row);
        }
    }
    Ok(found)
}

/// Fills in the policies and quotes of posts a page shows: one query, and for approved
/// quotes one more for the quoted posts.
pub(crate) async fn attach_to_posts(
    conn: &mut Conn<'_>,
    posts: &mut [super::PostDetails],
) -> Result<(), ServiceError> {
    let ids: Vec<i64> = posts.iter().map(|p| p.id.0).collect();
    if ids.is_empty() {
        return Ok(());
    }
    let extras = extras_of_posts(conn, &ids).await?;
    let mut quoted_ids: Vec<i64> = extras
        .values()
        .filter(|row| row.quote_state.as_deref() == Some(QuoteState::Accepted.as_str()))
        .filter_map(|row| row.quoted_post_id)
        .collect();
    quoted_ids.sort_unstable();
    quoted_ids.dedup();
    let mut quoted = std::collections::HashMap::new();
    if !quoted_ids.is_empty() {
        for row in db::statuses::list_statuses_by_id(conn, None, &quoted_ids).await? {
            if row.deleted_at.is_none() {
                let view = super::statuses::StatusView::from_row(row, None);
                quoted.insert(view.id, view);
            }
        }
    }
    for post in posts.iter_mut() {
        let row = extras.get(&post.id.0);
        post.policy = shown_policy(post.local, row);
        post.quote = row.and_then(|row| {
            let state = QuoteState::from_column(row.quote_state.as_deref()?);
            Some(super::statuses::StatusQuote {
                state,
                quoted_ap_id: row.quoted_ap_id.clone().unwrap_or_default(),
                quoted: row
                    .quoted_post_id
                    .filter(|_| state == QuoteState::Accepted)
                    .and_then(|id| quoted.get(&id).cloned())
                    .map(Box::new),
            })
        });
    }
    Ok(())
}
