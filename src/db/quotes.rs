//! Interaction policies of posts, quotes (a post quoting another, and where its approval
//! stands) and the quote stamps we issue (FEP-044f).

use super::{Conn, DbError, execute, query_as, query_as_ids, query_scalar};

/// Posts per statement of [`list_post_extras`].
pub const POSTS_PER_BATCH: usize = 100;

/// A post's policy and quote, as pages and timelines need them.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PostExtrasRow {
    pub post_id: i64,
    pub can_reply: Option<String>,
    pub can_like: Option<String>,
    pub can_announce: Option<String>,
    pub can_quote: Option<String>,
    pub quoted_post_id: Option<i64>,
    pub quoted_ap_id: Option<String>,
    pub quote_state: Option<String>,
}

/// Policies and quotes of up to [`POSTS_PER_BATCH`] posts, in one statement; posts with
/// neither are left out.
pub async fn list_post_extras(conn: &mut Conn<'_>, posts: &[i64]) -> Result<Vec<PostExtrasRow>, DbError> {
    const SQL: &str = concat!(
        "SELECT p.id AS post_id, pol.can_reply, pol.can_like, pol.can_announce, pol.can_quote, ",
        "q.quoted_post_id, q.quoted_ap_id, q.state AS quote_state ",
        "FROM posts p LEFT JOIN post_interaction_policies pol ON pol.post_id = p.id ",
        "LEFT JOIN quotes q ON q.post_id = p.id ",
        "WHERE (pol.post_id IS NOT NULL OR q.post_id IS NOT NULL) AND p.id IN (",
        "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37, $38, $39, $40, $41, $42, $43, $44, $45, $46, $47, $48, $49, $50, $51, $52, $53, $54, $55, $56, $57, $58, $59, $60, $61, $62, $63, $64, $65, $66, $67, $68, $69, $70, $71, $72, $73, $74, $75, $76, $77, $78, $79, $80, $81, $82, $83, $84, $85, $86, $87, $88, $89, $90, $91, $92, $93, $94, $95, $96, $97, $98, $99, $100",
        ")"
    );
    query_as_ids!(conn, PostExtrasRow, SQL, posts, POSTS_PER_BATCH)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PolicyRow {
    pub can_reply: String,
    pub can_like: String,
    pub can_announce: String,
    pub can_quote: String,
}

pub async fn get_policy(conn: &mut Conn<'_>, post_id: i64) -> Result<Option<PolicyRow>, DbError> {
    query_as!(
        conn,
        PolicyRow,
        fetch_optional,
        "SELECT can_reply, can_like, can_announce, can_quote FROM post_interaction_policies WHERE post_id = $1",
        post_id,
    )
}

pub async fn upsert_policy(conn: &mut Conn<'_>, post_id: i64, policy: &PolicyRow) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO post_interaction_policies (post_id, can_reply, can_like, can_announce, can_quote) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (post_id) DO UPDATE SET can_reply = $2, can_like = $3, \
         can_announce = $4, can_quote = $5",
        post_id,
        &policy.can_reply,
        &policy.can_like,
        &policy.can_announce,
        &policy.can_quote,
    )?;
    Ok(())
}

pub async fn get_quote_default(conn: &mut Conn<'_>, account_id: i64) -> Result<Option<String>, DbError> {
    query_scalar!(
        conn,
        String,
        fetch_optional,
        "SELECT policy FROM quote_policy_defaults WHERE account_id = $1",
        account_id,
    )
}

pub async fn set_quote_default(conn: &mut Conn<'_>, account_id: i64, policy: &str) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO quote_policy_defaults (account_id, policy) VALUES ($1, $2) \
         ON CONFLICT (account_id) DO UPDATE SET policy = $2",
        account_id,
        policy,
    )?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct QuoteRow {
    pub post_id: i64,
    pub quoted_post_id: Option<i64>,
    pub quoted_ap_id: String,
    pub state: String,
    pub authorization_ap_id: Option<String>,
    pub request_ap_id: Option<String>,
}

/// Records (or replaces) what `quote.post_id` quotes.
pub async fn upsert_quote(conn: &mut Conn<'_>, quote: &QuoteRow, now: i64) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO quotes (post_id, quoted_post_id, quoted_ap_id, state, authorization_ap_id, request_ap_id, \
         created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (post_id) DO UPDATE SET \
         quoted_post_id = $2, quoted_ap_id = $3, state = $4, authorization_ap_id = $5, \
         request_ap_id = COALESCE($6, quotes.request_ap_id), updated_at = $7",
        quote.post_id,
        quote.quoted_post_id,
        &quote.quoted_ap_id,
        &quote.state,
        &quote.authorization_ap_id,
        &quote.request_ap_id,
        now,
    )?;
    Ok(())
}

pub async fn get_quote(conn: &mut Conn<'_>, post_id: i64) -> Result<Option<QuoteRow>, DbError> {
    query_as!(
        conn,
        QuoteRow,
        fetch_optional,
        "SELECT post_id, quoted_post_id, quoted_ap_id, state, authorization_ap_id, request_ap_id \
         FROM quotes WHERE post_id = $1",
        post_id,
    )
}

pub async fn get_quote_by_request(
    conn: &mut Conn<'_>,
    request_ap_id: &str,
) -> Result<Option<QuoteRow>, DbError> {
    query_as!(
        conn,
        QuoteRow,
        fetch_optional,
        "SELECT post_id, quoted_post_id, quoted_ap_id, state, authorization_ap_id, request_ap_id \
         FROM quotes WHERE request_ap_id = $1",
        request_ap_id,
    )
}

/// Sets where a quote's approval stands; returns whether the quote exists.
pub async fn update_quote_state(
    conn: &mut Conn<'_>,
    post_id: i64,
    state: &str,
    authorization_ap_id: Option<&str>,
    now: i64,
) -> Result<bool, DbError> {
    let changed = execute!(
        conn,
        "UPDATE quotes SET state = $2, authorization_ap_id = COALESCE($3, authorization_ap_id), updated_at = $4 \
         WHERE post_id = $1",
        post_id,
        state,
        authorization_ap_id,
        now,
    )?;
    Ok(changed == 1)
}

/// Marks every quote approved by the stamp `authorization_ap_id` revoked; returns the posts.
pub async fn revoke_quotes_by_authorization(
    conn: &mut Conn<'_>,
    authorization_ap_id: &str,
    now: i64,
) -> Result<Vec<i64>, DbError> {
    query_scalar!(
        conn,
        i64,
        fetch_all,
        "UPDATE quotes SET state = 'revoked', updated_at = $2 WHERE authorization_ap_id = $1 \
         AND state = 'accepted' RETURNING post_id",
        authorization_ap_id,
        now,
    )
}

/// The start of a query for [`AuthorizationRow`]s, to be followed by its `WHERE`.
macro_rules! authorization_select {
    () => {
        "SELECT id, quoted_post_id, quoting_ap_id, quoting_post_id, actor_id, request_ap_id, revoked_at \
         FROM quote_authorizations "
    };
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuthorizationRow {
    pub id: i64,
    pub quoted_post_id: i64,
    pub quoting_ap_id: String,
    pub quoting_post_id: Option<i64>,
    pub actor_id: i64,
    pub request_ap_id: Option<String>,
    pub revoked_at: Option<i64>,
}

/// Issues a stamp (once per quoted and quoting post); returns it, new or as it was.
#[allow(clippy::too_many_arguments)]
pub async fn insert_authorization(
    conn: &mut Conn<'_>,
    id: i64,
    quoted_post_id: i64,
    quoting_ap_id: &str,
    quoting_post_id: Option<i64>,
    actor_id: i64,
    request_ap_id: Option<&str>,
    now: i64,
) -> Result<AuthorizationRow, DbError> {
    execute!(
        conn,
        "INSERT INTO quote_authorizations (id, quoted_post_id, quoting_ap_id, quoting_post_id, actor_id, \
         request_ap_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (quoted_post_id, quoting_ap_id) DO NOTHING",
        id,
        quoted_post_id,
        quoting_ap_id,
        quoting_post_id,
        actor_id,
        request_ap_id,
        now,
    )?;
    query_as!(
        conn,
        AuthorizationRow,
        fetch_one,
        concat!(authorization_select!(), "WHERE quoted_post_id = $1 AND quoting_ap_id = $2"),
        quoted_post_id,
        quoting_ap_id,
    )
}

pub async fn get_authorization(conn: &mut Conn<'_>, id: i64) -> Result<Option<AuthorizationRow>, DbError> {
    query_as!(conn, AuthorizationRow, fetch_optional, concat!(authorization_select!(), "WHERE id = $1"), id,)
}

/// The stamps of our post `quoted_post_id` that are still valid, oldest first.
pub async fn list_authorizations_of_post(
    conn: &mut Conn<'_>,
    quoted_post_id: i64,
) -> Result<Vec<AuthorizationRow>, DbError> {
    query_as!(
        conn,
        AuthorizationRow,
        fetch_all,
        concat!(
            authorization_select!(),
            "WHERE quoted_post_id = $1 AND revoked_at IS NULL ORDER BY id LIMIT 200"
        ),
        quoted_post_id,
    )
}

/// Revokes a stamp; returns whether it was valid until now.
pub async fn revoke_authorization(conn: &mut Conn<'_>, id: i64, now: i64) -> Result<bool, DbError> {
    let changed = execute!(
        conn,
        "UPDATE quote_authorizations SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL",
        id,
        now,
    )?;
    Ok(changed == 1)
}

/// The quoting post a stamp was issued for: stored here, or known only by its ActivityPub id.
pub enum QuotingPost<'a> {
    Stored(i64),
    ApId(&'a str),
}

/// The valid stamp of our post `quoted_post_id` for the quoting post.
pub async fn get_valid_authorization(
    conn: &mut Conn<'_>,
    quoted_post_id: i64,
    quoting: QuotingPost<'_>,
) -> Result<Option<AuthorizationRow>, DbError> {
    match quoting {
        QuotingPost::Stored(quoting_post_id) => query_as!(
            conn,
            AuthorizationRow,
            fetch_optional,
            concat!(
                authorization_select!(),
                "WHERE quoted_post_id = $1 AND quoting_post_id = $2 AND revoked_at IS NULL"
            ),
            quoted_post_id,
            quoting_post_id,
        ),
        QuotingPost::ApId(quoting_ap_id) => query_as!(
            conn,
            AuthorizationRow,
            fetch_optional,
            concat!(
                authorization_select!(),
                "WHERE quoted_post_id = $1 AND quoting_ap_id = $2 AND revoked_at IS NULL"
            ),
            quoted_post_id,
            quoting_ap_id,
        ),
    }
}

/// Links a stamp to the quoting post once that is stored here.
pub async fn update_authorization_post(
    conn: &mut Conn<'_>,
    quoting_ap_id: &str,
    quoting_post_id: i64,
) -> Result<(), DbError> {
    execute!(
        conn,
        "UPDATE quote_authorizations SET quoting_post_id = $2 WHERE quoting_ap_id = $1 AND quoting_post_id IS NULL",
        quoting_ap_id,
        quoting_post_id,
    )?;
    Ok(())
}
