//! People, groups and the instance actor: one table, one namespace of local names.

use super::{Conn, DbError, execute, query_as, query_scalar};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ActorRow {
    pub id: i64,
    pub kind: String,
    pub name: String,
    pub local: bool,
    pub host: Option<String>,
    pub ap_id: Option<String>,
    pub display_name: String,
    pub summary_source: String,
    pub summary_html: String,
    pub language: Option<String>,
    pub group_kind: Option<String>,
    pub closed: bool,
    pub created_at: i64,
    pub updated_at: i64,
}

macro_rules! select_actor {
    () => {
        "SELECT a.id, a.kind, a.name, a.local, i.host, a.ap_id, a.display_name, a.summary_source, \
         a.summary_html, a.language, a.group_kind, a.closed, a.created_at, a.updated_at \
         FROM actors a LEFT JOIN instances i ON i.id = a.instance_id "
    };
}
pub(crate) use select_actor;

pub struct NewLocalActor<'a> {
    pub id: i64,
    pub kind: &'a str,
    pub name: &'a str,
    pub display_name: &'a str,
    pub summary_source: &'a str,
    pub summary_html: &'a str,
    pub language: Option<&'a str>,
    pub group_kind: Option<&'a str>,
    pub public_key_pem: Option<&'a str>,
    pub private_key_pem: Option<&'a str>,
    pub now: i64,
}

pub async fn insert_local_actor(conn: &mut Conn<'_>, actor: &NewLocalActor<'_>) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO actors (id, kind, name, local, display_name, summary_source, summary_html, \
         language, group_kind, public_key_pem, private_key_pem, created_at, updated_at) \
         VALUES ($1, $2, $3, TRUE, $4, $5, $6, $7, $8, $9, $10, $11, $11)",
        actor.id,
        actor.kind,
        actor.name,
        actor.display_name,
        actor.summary_source,
        actor.summary_html,
        actor.language,
        actor.group_kind,
        actor.public_key_pem,
        actor.private_key_pem,
        actor.now,
    )?;
    Ok(())
}

pub async fn get_local_actor_by_name(conn: &mut Conn<'_>, name: &str) -> Result<Option<ActorRow>, DbError> {
    query_as!(conn, ActorRow, fetch_optional, concat!(select_actor!(), "WHERE a.local AND a.name = $1"), name)
}

pub async fn get_actor(conn: &mut Conn<'_>, id: i64) -> Result<Option<ActorRow>, DbError> {
    query_as!(conn, ActorRow, fetch_optional, concat!(select_actor!(), "WHERE a.id = $1"), id)
}

pub async fn local_name_taken(conn: &mut Conn<'_>, name: &str) -> Result<bool, DbError> {
    let count =
        query_scalar!(conn, i64, fetch_one, "SELECT COUNT(*) FROM actors WHERE local AND name = $1", name)?;
    Ok(count > 0)
}

pub async fn get_instance_actor_key(conn: &mut Conn<'_>) -> Result<Option<String>, DbError> {
    query_scalar!(
        conn,
        Option<String>,
        fetch_optional,
        "SELECT public_key_pem FROM actors WHERE local AND kind = 'application'",
    )
    .map(Option::flatten)
}

pub async fn update_profile(
    conn: &mut Conn<'_>,
    id: i64,
    display_name: &str,
    summary_source: &str,
    summary_html: &str,
    language: &str,
    now: i64,
) -> Result<u64, DbError> {
    execute!(
        conn,
        "UPDATE actors SET display_name = $2, summary_source = $3, summary_html = $4, language = $5, \
         updated_at = $6 WHERE id = $1",
        id,
        display_name,
        summary_source,
        summary_html,
        language,
        now,
    )
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InstanceUsageRow {
    pub users: i64,
    pub active_month: i64,
    pub active_halfyear: i64,
    pub local_posts: i64,
}

/// Counts for NodeInfo: local people, people who posted lately, local posts; one query.
pub async fn get_instance_usage(
    conn: &mut Conn<'_>,
    month_ago: i64,
    halfyear_ago: i64,
) -> Result<InstanceUsageRow, DbError> {
    query_as!(
        conn,
        InstanceUsageRow,
        fetch_one,
        "SELECT \
         (SELECT COUNT(*) FROM accounts WHERE state = 'active') AS users, \
         (SELECT COUNT(DISTINCT author_id) FROM posts WHERE local AND created_at > $1) AS active_month, \
         (SELECT COUNT(DISTINCT author_id) FROM posts WHERE local AND created_at > $2) AS active_halfyear, \
         (SELECT COUNT(*) FROM posts WHERE local AND deleted_at IS NULL) AS local_posts",
        month_ago,
        halfyear_ago,
    )
}
