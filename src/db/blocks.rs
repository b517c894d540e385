//! People members block, and the SQL conditions with which every list a member reads leaves
//! out the people they blocked or muted and the domains they blocked. The conditions are
//! pieces of the lists' own statements (no extra query per page, and paging stays exact).

use super::account_cards::{AccountCardRow, select_card};
use super::{Conn, DbError, execute, query_as, query_scalar};

/// Whether member `$viewer` blocked actor `$actor` or its domain (a domain block covers
/// the host on every port and its subdomains), or muted it where `$mute` holds for mute
/// `hm`. Arguments are SQL fragments (placeholders or column names); NULL viewers hide nothing.
macro_rules! hides_actor {
    ($viewer:expr, $actor:expr, $mute:expr) => {
        concat!(
            "(EXISTS (SELECT 1 FROM member_blocks hb WHERE hb.account_id = ",
            $viewer,
            " AND hb.target_id = ",
            $actor,
            ") \
             OR EXISTS (SELECT 1 FROM member_mutes hm WHERE hm.account_id = ",
            $viewer,
            " AND hm.target_id = ",
            $actor,
            " AND ",
            $mute,
            ") \
             OR EXISTS (SELECT 1 FROM actors ha JOIN instances hi ON hi.id = ha.instance_id \
               JOIN member_domain_blocks hd ON hd.account_id = ",
            $viewer,
            " AND (hi.host = hd.host \
               OR hi.host LIKE (hd.host || ':%') OR hi.host LIKE ('%.' || hd.host) \
               OR hi.host LIKE ('%.' || hd.host || ':%')) WHERE ha.id = ",
            $actor,
            "))"
        )
    };
}
pub(crate) use hides_actor;

/// Whether `$viewer` hides `$actor` from timelines, threads and search: blocked, domain
/// blocked, or muted by a mute that has not run out at `$now`.
macro_rules! hidden_from {
    ($viewer:expr, $actor:expr, $now:expr) => {
        $crate::db::blocks::hides_actor!(
            $viewer,
            $actor,
            concat!("(hm.expires_at IS NULL OR hm.expires_at > ", $now, ")")
        )
    };
}
pub(crate) use hidden_from;

/// Whether `$viewer` wants no notifications from `$actor`: blocked, domain blocked, or
/// muted with its notifications (a mute that has not run out at `$now`).
macro_rules! silenced_for {
    ($viewer:expr, $actor:expr, $now:expr) => {
        $crate::db::blocks::hides_actor!(
            $viewer,
            $actor,
            concat!("hm.hide_notifications AND (hm.expires_at IS NULL OR hm.expires_at > ", $now, ")")
        )
    };
}
pub(crate) use silenced_for;

/// Stores a block unless it exists; true when it is new.
pub async fn insert_block(
    conn: &mut Conn<'_>,
    id: i64,
    account: i64,
    target: i64,
    now: i64,
) -> Result<bool, DbError> {
    let inserted = execute!(
        conn,
        "INSERT INTO member_blocks (id, account_id, target_id, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (account_id, target_id) DO NOTHING",
        id,
        account,
        target,
        now,
    )?;
    Ok(inserted == 1)
}

/// Removes a block; returns its id (which named the `Block` sent) when there was one.
pub async fn delete_block(conn: &mut Conn<'_>, account: i64, target: i64) -> Result<Option<i64>, DbError> {
    query_scalar!(
        conn,
        i64,
        fetch_optional,
        "DELETE FROM member_blocks WHERE account_id = $1 AND target_id = $2 RETURNING id",
        account,
        target,
    )
}

/// Whether member `account` blocked `actor` or `actor`'s domain (mutes do not count): such an
/// actor may not follow the member, and its mentions do not reach them.
pub async fn blocks_actor(conn: &mut Conn<'_>, account: i64, actor: i64) -> Result<bool, DbError> {
    query_scalar!(
        conn,
        bool,
        fetch_one,
        concat!("SELECT ", hides_actor!("$1", "$2", "FALSE")),
        account,
        actor
    )
}

/// The accounts a member blocked, newest block first, with the block id as page cursor.
pub async fn list_blocked_cards(
    conn: &mut Conn<'_>,
    account: i64,
    max_id: Option<i64>,
    limit: i64,
) -> Result<Vec<(i64, AccountCardRow)>, DbError> {
    let rows: Vec<CursorCardRow> = query_as!(
        conn,
        CursorCardRow,
        fetch_all,
        concat!(
            "SELECT x.cursor_id, c.* FROM (SELECT id AS cursor_id, target_id FROM member_blocks \
             WHERE account_id = $1 AND ($2 IS NULL OR id < $2) ORDER BY id DESC LIMIT $3) x JOIN (",
            select_card!(),
            ") c ON c.id = x.target_id ORDER BY x.cursor_id DESC"
        ),
        account,
        max_id,
        limit,
    )?;
    Ok(rows.into_iter().map(|r| (r.cursor_id, r.card)).collect())
}

/// An account with the id of the row that lists it (a block or a mute).
#[derive(sqlx::FromRow)]
pub(crate) struct CursorCardRow {
    pub cursor_id: i64,
    #[sqlx(flatten)]
    pub card: AccountCardRow,
}

/// One way the viewer and another account are kept apart: `block` (the viewer blocks it),
/// `blocked_by`, `mute` (with `hide_notifications`) or `domain` (its domain is blocked).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SeparationRow {
    pub kind: String,
    pub other: i64,
    pub hide_notifications: bool,
}

/// The blocks, mutes and domain blocks between `viewer` and up to
/// [`super::account_cards::RELATIONSHIPS_PER_BATCH`] accounts, in one statement.
pub async fn list_separations(
    conn: &mut Conn<'_>,
    viewer: i64,
    now: i64,
    others: &[i64],
) -> Result<Vec<SeparationRow>, DbError> {
    /// The placeholders of the accounts, after the viewer (`$1`) and the time (`$2`).
    macro_rules! others {
        () => {
            "($3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, \
             $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37, $38, $39, $40, $41, $42)"
        };
    }
    const SQL: &str = concat!(
        "SELECT 'block' AS kind, target_id AS other, FALSE AS hide_notifications FROM member_blocks \
         WHERE account_id = $1 AND target_id IN ",
        others!(),
        " UNION ALL SELECT 'blocked_by', account_id, FALSE FROM member_blocks \
         WHERE target_id = $1 AND account_id IN ",
        others!(),
        " UNION ALL SELECT 'mute', target_id, hide_notifications FROM member_mutes \
         WHERE account_id = $1 AND (expires_at IS NULL OR expires_at > $2) AND target_id IN ",
        others!(),
        " UNION ALL SELECT 'domain', a.id, FALSE FROM actors a WHERE a.id IN ",
        others!(),
        " AND EXISTS (SELECT 1 FROM instances hi JOIN member_domain_blocks hd ON hd.account_id = $1 \
           AND (hi.host = hd.host OR hi.host LIKE (hd.host || ':%') OR hi.host LIKE ('%.' || hd.host) \
           OR hi.host LIKE ('%.' || hd.host || ':%')) WHERE hi.id = a.instance_id)"
    );
    super::query_as_ids!(
        conn,
        SeparationRow,
        SQL,
        others,
        super::account_cards::RELATIONSHIPS_PER_BATCH,
        viewer,
        now
    )
}
