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
    /// For groups: the languages they declare, `de,en` (see `GroupLanguages`).
    pub languages: String,
    pub created_at: i64,
    pub updated_at: i64,
    /// A media file name (local actors) or a URL (remote ones); see `service::profile_images`.
    pub avatar: Option<String>,
    pub header: Option<String>,
}

macro_rules! select_actor {
    () => {
        "SELECT a.id, a.kind, a.name, a.local, i.host, a.ap_id, a.display_name, a.summary_source, \
         a.summary_html, a.language, a.group_kind, a.closed, a.languages, a.created_at, a.updated_at, \
         a.avatar, a.header FROM actors a LEFT JOIN instances i ON i.id = a.instance_id "
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

/// Whether actor `a` is public: not the account of someone whose application waits for a
/// coordinator or was turned down (they have no profile, WebFinger entry or inbox yet).
macro_rules! publicly_known {
    () => {
        "NOT EXISTS (SELECT 1 FROM accounts unapproved WHERE unapproved.actor_id = a.id \
         AND unapproved.state <> 'active')"
    };
}
pub(crate) use publicly_known;

/// A local person, group or the instance actor by name, as the world may see it.
pub async fn get_local_actor_by_name(conn: &mut Conn<'_>, name: &str) -> Result<Option<ActorRow>, DbError> {
    query_as!(
        conn,
        ActorRow,
        fetch_optional,
        concat!(select_actor!(), "WHERE a.local AND a.name = $1 AND ", publicly_known!()),
        name
    )
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

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ActorKeysRow {
    pub public_key_pem: Option<String>,
    pub private_key_pem: Option<String>,
}

pub async fn get_actor_keys(conn: &mut Conn<'_>, id: i64) -> Result<Option<ActorKeysRow>, DbError> {
    query_as!(
        conn,
        ActorKeysRow,
        fetch_optional,
        "SELECT public_key_pem, private_key_pem FROM actors WHERE id = $1",
        id
    )
}

/// Stores a key pair unless the actor has one already (two requests may race to make one).
pub async fn update_actor_keys_if_missing(
    conn: &mut Conn<'_>,
    id: i64,
    public_key_pem: &str,
    private_key_pem: &str,
) -> Result<u64, DbError> {
    execute!(
        conn,
        "UPDATE actors SET public_key_pem = $2, private_key_pem = $3 WHERE id = $1 AND public_key_pem IS NULL",
        id,
        public_key_pem,
        private_key_pem,
    )
}

pub struct RemoteActorUpsert<'a> {
    pub id: i64,
    pub ap_id: &'a str,
    pub kind: &'a str,
    pub name: &'a str,
    pub instance_id: i64,
    pub inbox_url: &'a str,
    pub shared_inbox_url: Option<&'a str>,
    pub followers_url: Option<&'a str>,
    pub display_name: &'a str,
    pub summary_html: &'a str,
    pub group_kind: Option<&'a str>,
    pub public_key_pem: &'a str,
    /// The `icon` and `image` URLs the document gives.
    pub avatar: Option<&'a str>,
    pub header: Option<&'a str>,
    pub now: i64,
}

/// Stores or refreshes a remote actor by its ActivityPub id; returns its row id.
pub async fn upsert_remote_actor(conn: &mut Conn<'_>, actor: &RemoteActorUpsert<'_>) -> Result<i64, DbError> {
    query_scalar!(
        conn,
        i64,
        fetch_one,
        "INSERT INTO actors (id, kind, name, local, instance_id, ap_id, inbox_url, shared_inbox_url, followers_url, \
         display_name, summary_html, group_kind, public_key_pem, created_at, updated_at, last_fetched_at, avatar, header) \
         VALUES ($1, $2, $3, FALSE, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $13, $14, $15) \
         ON CONFLICT (ap_id) DO UPDATE SET kind = excluded.kind, name = excluded.name, inbox_url = excluded.inbox_url, \
         shared_inbox_url = excluded.shared_inbox_url, followers_url = excluded.followers_url, \
         display_name = excluded.display_name, summary_html = excluded.summary_html, group_kind = excluded.group_kind, \
         public_key_pem = excluded.public_key_pem, updated_at = excluded.updated_at, last_fetched_at = excluded.last_fetched_at, \
         gone_at = NULL, \
         avatar = excluded.avatar, header = excluded.header \
         RETURNING id",
        actor.id,
        actor.kind,
        actor.name,
        actor.instance_id,
        actor.ap_id,
        actor.inbox_url,
        actor.shared_inbox_url,
        actor.followers_url,
        actor.display_name,
        actor.summary_html,
        actor.group_kind,
        actor.public_key_pem,
        actor.now,
        actor.avatar,
        actor.header,
    )
}

pub async fn get_actor_by_ap_id(conn: &mut Conn<'_>, ap_id: &str) -> Result<Option<ActorRow>, DbError> {
    query_as!(conn, ActorRow, fetch_optional, concat!(select_actor!(), "WHERE a.ap_id = $1"), ap_id)
}

/// A remote actor by `name@host`.
pub async fn get_remote_actor_by_handle(
    conn: &mut Conn<'_>,
    name: &str,
    host: &str,
) -> Result<Option<ActorRow>, DbError> {
    query_as!(
        conn,
        ActorRow,
        fetch_optional,
        concat!(select_actor!(), "WHERE NOT a.local AND a.name = $1 AND i.host = $2"),
        name,
        host
    )
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FederationFieldsRow {
    pub id: i64,
    pub local: bool,
    pub ap_id: Option<String>,
    pub inbox_url: Option<String>,
    pub shared_inbox_url: Option<String>,
    pub followers_url: Option<String>,
    pub public_key_pem: Option<String>,
    pub last_fetched_at: Option<i64>,
    pub host: Option<String>,
}

pub async fn get_federation_fields(
    conn: &mut Conn<'_>,
    id: i64,
) -> Result<Option<FederationFieldsRow>, DbError> {
    query_as!(
        conn,
        FederationFieldsRow,
        fetch_optional,
        "SELECT a.id, a.local, a.ap_id, a.inbox_url, a.shared_inbox_url, a.followers_url, a.public_key_pem, \
         a.last_fetched_at, i.host FROM actors a LEFT JOIN instances i ON i.id = a.instance_id WHERE a.id = $1",
        id
    )
}

pub async fn get_instance_actor_private_key(conn: &mut Conn<'_>) -> Result<Option<String>, DbError> {
    query_scalar!(
        conn,
        Option<String>,
        fetch_optional,
        "SELECT private_key_pem FROM actors WHERE local AND kind = 'application'",
    )
    .map(Option::flatten)
}

/// A group's declared languages, as `GroupLanguages::to_column` writes them.
pub async fn update_actor_languages(conn: &mut Conn<'_>, id: i64, languages: &str) -> Result<(), DbError> {
    execute!(conn, "UPDATE actors SET languages = $2 WHERE id = $1", id, languages)?;
    Ok(())
}

/// Whether a local group's (or person's) new followers need approval.
pub async fn update_actor_closed(
    conn: &mut Conn<'_>,
    id: i64,
    closed: bool,
    now: i64,
) -> Result<(), DbError> {
    execute!(
        conn,
        "UPDATE actors SET closed = $2, updated_at = $3 WHERE id = $1 AND local",
        id,
        closed,
        now
    )?;
    Ok(())
}

/// A local actor's avatar and header file names.
#[derive(Debug, Clone, Default, sqlx::FromRow)]
pub struct ProfileImagesRow {
    pub avatar: Option<String>,
    pub header: Option<String>,
}

pub async fn get_profile_images(conn: &mut Conn<'_>, id: i64) -> Result<Option<ProfileImagesRow>, DbError> {
    query_as!(conn, ProfileImagesRow, fetch_optional, "SELECT avatar, header FROM actors WHERE id = $1", id)
}

/// Sets a local actor's avatar and header (file names), marking the actor changed.
pub async fn set_profile_images(
    conn: &mut Conn<'_>,
    id: i64,
    images: &ProfileImagesRow,
    now: i64,
) -> Result<u64, DbError> {
    execute!(
        conn,
        "UPDATE actors SET avatar = $2, header = $3, updated_at = $4 WHERE id = $1",
        id,
        images.avatar.as_deref(),
        images.header.as_deref(),
        now,
    )
}

/// Whether a stored file is some actor's avatar or header (then anyone may see it).
pub async fn is_profile_image(conn: &mut Conn<'_>, file_name: &str) -> Result<bool, DbError> {
    query_scalar!(
        conn,
        bool,
        fetch_one,
        "SELECT EXISTS (SELECT 1 FROM actors WHERE local AND (avatar = $1 OR header = $1))",
        file_name
    )
}
