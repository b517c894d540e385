//! Polls (a post's `Question`): the poll, its options with their counts, and the votes of the
//! people we know.

use super::{Conn, DbError, execute, query_as, query_as_ids, query_scalar};

/// Posts per statement of the batch reads.
pub const POLLS_PER_BATCH: usize = 100;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PollRow {
    pub post_id: i64,
    pub multiple: bool,
    pub hide_totals: bool,
    pub expires_at: Option<i64>,
    pub closed_at: Option<i64>,
    pub voters_count: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PollOptionRow {
    pub post_id: i64,
    pub position: i64,
    pub title: String,
    pub votes_count: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OwnVoteRow {
    pub post_id: i64,
    pub position: i64,
}

/// Creates or replaces the poll of `poll.post_id` (not its options).
pub async fn upsert_poll(conn: &mut Conn<'_>, poll: &PollRow, now: i64) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO polls (post_id, multiple, hide_totals, expires_at, closed_at, voters_count, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (post_id) DO UPDATE SET multiple = $2, \
         hide_totals = $3, expires_at = $4, closed_at = $5, voters_count = $6, updated_at = $7",
        poll.post_id,
        poll.multiple,
        poll.hide_totals,
        poll.expires_at,
        poll.closed_at,
        poll.voters_count,
        now,
    )?;
    Ok(())
}

/// Sets the option at `position` (its title and count).
pub async fn upsert_option(
    conn: &mut Conn<'_>,
    post_id: i64,
    position: i64,
    title: &str,
    votes_count: i64,
) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO poll_options (post_id, position, title, votes_count) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (post_id, position) DO UPDATE SET title = $3, votes_count = $4",
        post_id,
        position,
        title,
        votes_count,
    )?;
    Ok(())
}

/// Drops the options from `from_position` on (a remote poll that lost options).
pub async fn delete_options_from(
    conn: &mut Conn<'_>,
    post_id: i64,
    from_position: i64,
) -> Result<(), DbError> {
    execute!(conn, "DELETE FROM poll_options WHERE post_id = $1 AND position >= $2", post_id, from_position)?;
    Ok(())
}

/// Forgets every vote on a poll (its options changed at its origin: the poll starts again).
pub async fn delete_votes(conn: &mut Conn<'_>, post_id: i64) -> Result<(), DbError> {
    execute!(conn, "DELETE FROM poll_votes WHERE post_id = $1", post_id)?;
    Ok(())
}

pub async fn get_poll(conn: &mut Conn<'_>, post_id: i64) -> Result<Option<PollRow>, DbError> {
    query_as!(
        conn,
        PollRow,
        fetch_optional,
        "SELECT post_id, multiple, hide_totals, expires_at, closed_at, voters_count FROM polls WHERE post_id = $1",
        post_id,
    )
}

pub async fn list_options(conn: &mut Conn<'_>, post_id: i64) -> Result<Vec<PollOptionRow>, DbError> {
    query_as!(
        conn,
        PollOptionRow,
        fetch_all,
        "SELECT post_id, position, title, votes_count FROM poll_options WHERE post_id = $1 ORDER BY position",
        post_id,
    )
}

/// The polls among up to [`POLLS_PER_BATCH`] posts.
pub async fn list_polls_of_posts(conn: &mut Conn<'_>, posts: &[i64]) -> Result<Vec<PollRow>, DbError> {
    const SQL: &str = concat!(
        "SELECT post_id, multiple, hide_totals, expires_at, closed_at, voters_count FROM polls WHERE post_id IN (",
        "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37, $38, $39, $40, $41, $42, $43, $44, $45, $46, $47, $48, $49, $50, $51, $52, $53, $54, $55, $56, $57, $58, $59, $60, $61, $62, $63, $64, $65, $66, $67, $68, $69, $70, $71, $72, $73, $74, $75, $76, $77, $78, $79, $80, $81, $82, $83, $84, $85, $86, $87, $88, $89, $90, $91, $92, $93, $94, $95, $96, $97, $98, $99, $100",
        ")"
    );
    query_as_ids!(conn, PollRow, SQL, posts, POLLS_PER_BATCH)
}

/// The options of up to [`POLLS_PER_BATCH`] polls, in order.
pub async fn list_options_of_posts(
    conn: &mut Conn<'_>,
    posts: &[i64],
) -> Result<Vec<PollOptionRow>, DbError> {
    const SQL: &str = concat!(
        "SELECT post_id, position, title, votes_count FROM poll_options WHERE post_id IN (",
        "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37, $38, $39, $40, $41, $42, $43, $44, $45, $46, $47, $48, $49, $50, $51, $52, $53, $54, $55, $56, $57, $58, $59, $60, $61, $62, $63, $64, $65, $66, $67, $68, $69, $70, $71, $72, $73, $74, $75, $76, $77, $78, $79, $80, $81, $82, $83, $84, $85, $86, $87, $88, $89, $90, $91, $92, $93, $94, $95, $96, $97, $98, $99, $100",
        ") ORDER BY post_id, position"
    );
    query_as_ids!(conn, PollOptionRow, SQL, posts, POLLS_PER_BATCH)
}

/// What `voter` chose in up to [`POLLS_PER_BATCH`] polls.
pub async fn list_own_votes(
    conn: &mut Conn<'_>,
    voter: i64,
    posts: &[i64],
) -> Result<Vec<OwnVoteRow>, DbError> {
    const SQL: &str = concat!(
        "SELECT post_id, position FROM poll_votes WHERE voter_id = $1 AND post_id IN (",
        "$2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37, $38, $39, $40, $41, $42, $43, $44, $45, $46, $47, $48, $49, $50, $51, $52, $53, $54, $55, $56, $57, $58, $59, $60, $61, $62, $63, $64, $65, $66, $67, $68, $69, $70, $71, $72, $73, $74, $75, $76, $77, $78, $79, $80, $81, $82, $83, $84, $85, $86, $87, $88, $89, $90, $91, $92, $93, $94, $95, $96, $97, $98, $99, $100, $101",
        ") ORDER BY post_id, position"
    );
    query_as_ids!(conn, OwnVoteRow, SQL, posts, POLLS_PER_BATCH, voter)
}

/// Whether `voter` has voted in the poll.
pub async fn has_voted(conn: &mut Conn<'_>, post_id: i64, voter: i64) -> Result<bool, DbError> {
    let count = query_scalar!(
        conn,
        i64,
        fetch_one,
        "SELECT COUNT(*) FROM poll_votes WHERE post_id = $1 AND voter_id = $2",
        post_id,
        voter,
    )?;
    Ok(count > 0)
}

/// Records one vote; returns whether it is new (the same choice again, or a vote id seen
/// before, is not).
pub async fn insert_vote(
    conn: &mut Conn<'_>,
    id: i64,
    post_id: i64,
    position: i64,
    voter: i64,
    ap_id: Option<&str>,
    now: i64,
) -> Result<bool, DbError> {
    if let Some(ap_id) = ap_id {
        let seen =
            query_scalar!(conn, i64, fetch_one, "SELECT COUNT(*) FROM poll_votes WHERE ap_id = $1", ap_id,)?;
        if seen > 0 {
            return Ok(false);
        }
    }
    let inserted = execute!(
        conn,
        "INSERT INTO poll_votes (id, post_id, position, voter_id, ap_id, created_at) VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (post_id, voter_id, position) DO NOTHING",
        id,
        post_id,
        position,
        voter,
        ap_id,
        now,
    )?;
    Ok(inserted == 1)
}

/// Counts a poll of ours again from its votes: each option's votes, and the people who voted.
pub async fn recount(conn: &mut Conn<'_>, post_id: i64, now: i64) -> Result<(), DbError> {
    execute!(
        conn,
        "UPDATE poll_options SET votes_count = (SELECT COUNT(*) FROM poll_votes v \
         WHERE v.post_id = poll_options.post_id AND v.position = poll_options.position) WHERE post_id = $1",
        post_id,
    )?;
    execute!(
        conn,
        "UPDATE polls SET voters_count = (SELECT COUNT(DISTINCT voter_id) FROM poll_votes v WHERE v.post_id = $1), \
         updated_at = $2 WHERE post_id = $1",
        post_id,
        now,
    )?;
    Ok(())
}

/// Adds our member's vote to a remote poll's counts until its origin tells us the new ones.
pub async fn add_to_counts(
    conn: &mut Conn<'_>,
    post_id: i64,
    positions: &[i64],
    now: i64,
) -> Result<(), DbError> {
    for position in positions {
        execute!(
            conn,
            "UPDATE poll_options SET votes_count = votes_count + 1 WHERE post_id = $1 AND position = $2",
            post_id,
            position,
        )?;
    }
    execute!(
        conn,
        "UPDATE polls SET voters_count = voters_count + 1, updated_at = $2 WHERE post_id = $1",
        post_id,
        now,
    )?;
    Ok(())
}

/// Our open polls whose time is up (local posts only), oldest first.
pub async fn list_expired_local_polls(
    conn: &mut Conn<'_>,
    now: i64,
    limit: i64,
) -> Result<Vec<i64>, DbError> {
    query_scalar!(
        conn,
        i64,
        fetch_all,
        "SELECT pl.post_id FROM polls pl JOIN posts p ON p.id = pl.post_id \
         WHERE pl.closed_at IS NULL AND pl.expires_at IS NOT NULL AND pl.expires_at <= $1 AND p.local \
         ORDER BY pl.expires_at LIMIT $2",
        now,
        limit,
    )
}

/// Marks a poll closed; returns whether it was open.
pub async fn close_poll(conn: &mut Conn<'_>, post_id: i64, now: i64) -> Result<bool, DbError> {
    let changed = execute!(
        conn,
        "UPDATE polls SET closed_at = $2, updated_at = $2 WHERE post_id = $1 AND closed_at IS NULL",
        post_id,
        now,
    )?;
    Ok(changed == 1)
}

/// The inboxes of the remote people who voted in a poll of ours (shared inboxes where known),
/// each once: they hear of its new counts.
pub async fn list_remote_voter_inboxes(conn: &mut Conn<'_>, post_id: i64) -> Result<Vec<String>, DbError> {
    query_scalar!(
        conn,
        String,
        fetch_all,
        "SELECT DISTINCT COALESCE(a.shared_inbox_url, a.inbox_url) FROM poll_votes v \
         JOIN actors a ON a.id = v.voter_id \
         WHERE v.post_id = $1 AND NOT a.local AND COALESCE(a.shared_inbox_url, a.inbox_url) IS NOT NULL \
         LIMIT 1000",
        post_id,
    )
}
