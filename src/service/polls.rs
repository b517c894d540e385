//! Polls: asked with a new post (from apps), shown with statuses and on thread pages, voted on
//! by members (here and on remote polls) and by people elsewhere (on ours), closed when their
//! time is up. A vote on our poll re-sends the poll's counts (an `Update`); a member's vote on a
//! remote poll is sent to the poll's author.

use std::collections::HashMap;

use super::{Context, CurrentUser, ServiceError};
use crate::db::{self, Conn};
use crate::domain::poll::{MAX_REMOTE_OPTIONS, NewPoll, check_choices};
use crate::domain::{ActorId, DomainEvent, FieldError, PostId, Timestamp};

/// A poll as apps and pages show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PollView {
    /// The post's id (Mastodon's poll id).
    pub id: i64,
    pub expires_at: Option<Timestamp>,
    pub closed_at: Option<Timestamp>,
    /// Voting is over (closed, or its end has passed).
    pub expired: bool,
    pub multiple: bool,
    pub hide_totals: bool,
    pub voters_count: i64,
    pub options: Vec<PollOptionView>,
    /// What the viewer chose (positions); empty when they did not vote.
    pub own_votes: Vec<i64>,
    /// Whether there is a viewer to have voted (`voted` is null for nobody).
    pub viewer_known: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PollOptionView {
    pub title: String,
    pub votes_count: i64,
}

impl PollView {
    /// Votes over all options.
    pub fn votes_count(&self) -> i64 {
        self.options.iter().map(|option| option.votes_count).sum()
    }

    pub fn voted(&self) -> bool {
        !self.own_votes.is_empty()
    }

    /// Counts are shown once the poll ended or the viewer voted, unless the author hid them
    /// until the end.
    pub fn totals_visible(&self) -> bool {
        self.expired || (!self.hide_totals && self.voted())
    }

    /// An option's share of the votes in whole percent (of voters for a multiple-choice poll).
    pub fn percent(&self, option: &PollOptionView) -> i64 {
        let total = if self.multiple { self.voters_count.max(1) } else { self.votes_count().max(1) };
        (option.votes_count * 100 + total / 2) / total
    }
}

fn view(
    row: db::polls::PollRow,
    options: Vec<PollOptionView>,
    own_votes: Vec<i64>,
    viewer: bool,
    now: Timestamp,
) -> PollView {
    let expired = row.closed_at.is_some() || row.expires_at.is_some_and(|end| end <= now.millis());
    PollView {
        id: row.post_id,
        expires_at: row.expires_at.map(Timestamp::from_millis),
        closed_at: row.closed_at.map(Timestamp::from_millis),
        expired,
        multiple: row.multiple,
        hide_totals: row.hide_totals,
        voters_count: row.voters_count,
        options,
        own_votes,
        viewer_known: viewer,
    }
}

/// The polls of some posts, as `viewer` sees them: a few queries per 100 posts.
pub(crate) async fn polls_of_posts(
    conn: &mut Conn<'_>,
    viewer: Option<ActorId>,
    posts: &[i64],
    now: Timestamp,
) -> Result<HashMap<i64, PollView>, ServiceError> {
    let mut polls = HashMap::new();
    for chunk in posts.chunks(db::polls::POLLS_PER_BATCH) {
        let rows = db::polls::list_polls_of_posts(conn, chunk).await?;
        if rows.is_empty() {
            continue;
        }
        let with_polls: Vec<i64> = rows.iter().map(|row| row.post_id).collect();
        let mut options: HashMap<i64, Vec<PollOptionView>> = HashMap::new();
        for option in db::polls::list_options_of_posts(conn, &with_polls).await? {
            options
                .entry(option.post_id)
                .or_default()
                .push(PollOptionView { title: option.title, votes_count: option.votes_count });
        }
        let mut own: HashMap<i64, Vec<i64>> = HashMap::new();
        if let Some(viewer) = viewer {
            for vote in db::polls::list_own_votes(conn, viewer.0, &with_polls).await? {
                own.entry(vote.post_id).or_default().push(vote.position);
            }
        }
        for row in rows {
            let id = row.post_id;
            let poll = view(
                row,
                options.remove(&id).unwrap_or_default(),
                own.remove(&id).unwrap_or_default(),
                viewer.is_some(),
                now,
            );
            polls.insert(id, poll);
        }
    }
    Ok(polls)
}

/// Adds `poll` to our new post `post_id`, in the transaction that creates it (so its `Create`
/// carries the `Question`).
pub(crate) async fn attach_new_poll(
    ctx: &Context,
    conn: &mut Conn<'_>,
    post_id: i64,
    poll: &NewPoll,
) -> Result<(), ServiceError> {
    let now = ctx.now();
    db::polls::upsert_poll(
        conn,
        &db::polls::PollRow {
            post_id,
            multiple: poll.multiple,
            hide_totals: poll.hide_totals,
            expires_at: Some(now.plus_seconds(poll.expires_in_seconds).millis()),
            closed_at: None,
            voters_count: 0,
        },
        now.millis(),
    )
    .await?;
    for (position, title) in (0_i64..).zip(&poll.options) {
        db::polls::upsert_option(conn, post_id, position, title, 0).await?;
    }
    Ok(())
}

/// A poll as its origin describes it (a `Question`).
#[derive(Debug, Clone, Default)]
pub struct RemotePoll {
    pub options: Vec<(String, i64)>,
    pub multiple: bool,
    pub expires_at: Option<Timestamp>,
    pub closed_at: Option<Timestamp>,
    pub voters_count: Option<i64>,
}

/// Stores or refreshes the poll of the remote post `post_id`. When its options changed, the
/// poll started again at its origin and the votes we knew of are forgotten.
pub async fn store_remote_poll(ctx: &Context, post_id: PostId, poll: RemotePoll) -> Result<(), ServiceError> {
    let options: Vec<(String, i64)> = poll
        .options
        .into_iter()
        .filter(|(title, _)| !title.trim().is_empty())
        .take(MAX_REMOTE_OPTIONS)
        .map(|(title, count)| (title.trim().chars().take(500).collect(), count.max(0)))
        .collect();
    if options.is_empty() {
        return Ok(());
    }
    let now = ctx.now().millis();
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let before = db::polls::list_options(&mut conn, post_id.0).await?;
    let titles_before: Vec<&str> = before.iter().map(|option| option.title.as_str()).collect();
    let titles_now: Vec<&str> = options.iter().map(|(title, _)| title.as_str()).collect();
    if !before.is_empty() && titles_before != titles_now {
        db::polls::delete_votes(&mut conn, post_id.0).await?;
    }
    // Without `votersCount` (older servers), a single-choice poll's voters are its votes.
    let votes: i64 = options.iter().map(|(_, count)| count).sum();
    let voters_count = poll.voters_count.unwrap_or(if poll.multiple { 0 } else { votes }).max(0);
    // Only `closed` without `endTime` (GoToSocial reads it so): the end is when it closed.
    let expires_at = poll.expires_at.or(poll.closed_at);
    db::polls::upsert_poll(
        &mut conn,
        &db::polls::PollRow {
            post_id: post_id.0,
            multiple: poll.multiple,
            hide_totals: false,
            expires_at: expires_at.map(Timestamp::millis),
            closed_at: poll.closed_at.map(Timestamp::millis),
            voters_count,
        },
        now,
    )
    .await?;
    for (position, (title, count)) in (0_i64..).zip(&options) {
        db::polls::upsert_option(&mut conn, post_id.0, position, title, *count).await?;
    }
    db::polls::delete_options_from(&mut conn, post_id.0, i64::try_from(options.len()).unwrap_or(i64::MAX))
        .await?;
    tx.commit().await?;
    Ok(())
}

/// The poll of a post the viewer may read.
pub async fn get_poll(
    ctx: &Context,
    viewer: Option<&CurrentUser>,
    post_id: i64,
) -> Result<PollView, ServiceError> {
    let status = super::statuses::get_status(ctx, viewer, post_id).await?;
    status.poll.ok_or(ServiceError::NotFound)
}

/// `user` votes in the poll of `post_id` (a post they may read): once, for one option or (in a
/// multiple-choice poll) several, before the poll ends.
pub async fn vote(
    ctx: &Context,
    user: &CurrentUser,
    post_id: i64,
    choices: &[i64],
) -> Result<PollView, ServiceError> {
    let status = super::statuses::get_status(ctx, Some(user), post_id).await?;
    let poll = status.poll.ok_or(ServiceError::NotFound)?;
    if poll.expired || poll.expires_at.is_some_and(|end| end.millis() <= ctx.now().millis()) {
        return Err(FieldError::new("choices", "the poll has ended").into());
    }
    let choices = check_choices(choices, poll.options.len(), poll.multiple)?;
    let now = ctx.now().millis();
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    if db::polls::has_voted(&mut conn, post_id, user.id.0).await? {
        return Err(FieldError::new("choices", "you have already voted").into());
    }
    for position in &choices {
        db::polls::insert_vote(&mut conn, ctx.new_id(), post_id, *position, user.id.0, None, now).await?;
    }
    if status.local {
        db::polls::recount(&mut conn, post_id, now).await?;
        ctx.emit(&mut conn, DomainEvent::PostEdited { post_id }).await?;
    } else {
        db::polls::add_to_counts(&mut conn, post_id, &choices, now).await?;
        ctx.emit(
            &mut conn,
            DomainEvent::PollVoted { post_id, voter_id: user.id.0, choices: choices.clone() },
        )
        .await?;
    }
    tx.commit().await?;
    get_poll(ctx, Some(user), post_id).await
}

/// A vote from elsewhere on one of our polls (a `Note` named after the option, in reply to the
/// poll). Counted once per person and option, only one option unless the poll takes several,
/// and not after the poll ended; returns whether it counted.
pub async fn receive_vote(
    ctx: &Context,
    voter: ActorId,
    post_id: PostId,
    option_title: &str,
    vote_ap_id: &str,
) -> Result<bool, ServiceError> {
    let now = ctx.now();
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let post = db::posts::get_post_ref(&mut conn, post_id.0).await?;
    if !post.is_some_and(|post| post.local && post.deleted_at.is_none()) {
        return Ok(false);
    }
    let Some(poll) = db::polls::get_poll(&mut conn, post_id.0).await? else {
        return Ok(false);
    };
    if poll.closed_at.is_some() || poll.expires_at.is_some_and(|end| end <= now.millis()) {
        return Ok(false);
    }
    let options = db::polls::list_options(&mut conn, post_id.0).await?;
    let Some(option) = options.iter().find(|option| option.title == option_title.trim()) else {
        return Ok(false);
    };
    if !poll.multiple && db::polls::has_voted(&mut conn, post_id.0, voter.0).await? {
        return Ok(false);
    }
    let counted = db::polls::insert_vote(
        &mut conn,
        ctx.new_id(),
        post_id.0,
        option.position,
        voter.0,
        Some(vote_ap_id),
        now.millis(),
    )
    .await?;
    if counted {
        db::polls::recount(&mut conn, post_id.0, now.millis()).await?;
        ctx.emit(&mut conn, DomainEvent::PostEdited { post_id: post_id.0 }).await?;
    }
    tx.commit().await?;
    Ok(counted)
}

/// Closes our polls whose time is up, and re-sends each with its final counts (`closed`).
/// Returns how many were closed.
pub async fn close_expired(ctx: &Context) -> Result<usize, ServiceError> {
    let now = ctx.now().millis();
    let due = {
        let mut conn = ctx.db.acquire().await?;
        db::polls::list_expired_local_polls(&mut conn.conn(), now, 100).await?
    };
    let mut closed = 0;
    for post_id in due {
        let mut tx = ctx.db.begin().await?;
        let mut conn = tx.conn();
        if db::polls::close_poll(&mut conn, post_id, now).await? {
            ctx.emit(&mut conn, DomainEvent::PostEdited { post_id }).await?;
            closed += 1;
        }
        tx.commit().await?;
    }
    Ok(closed)
}

/// The thread a poll's post is in (to show it after a vote).
pub async fn thread_of(ctx: &Context, post_id: i64) -> Result<PostId, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let post = db::posts::get_post_ref(&mut conn.conn(), post_id).await?.ok_or(ServiceError::NotFound)?;
    Ok(PostId(post.root_id))
}
