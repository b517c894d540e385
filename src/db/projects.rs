//! Projects of project groups (local and remote), the project directory, and the remote
//! projects coordinators feature.

use super::{Conn, DbError, execute, query_as, query_scalar};

/// The stored columns of a project; lists are encoded by the service (see the migration).
#[derive(Debug, Clone, Default, sqlx::FromRow)]
pub struct ProjectRow {
    pub group_id: i64,
    pub summary: String,
    pub status: String,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub focus_areas: String,
    pub tags: String,
    pub region: String,
    pub partners: String,
    pub partner_search: String,
    pub funders: String,
    pub website: String,
    pub contact: String,
    pub measures: String,
    pub updated_at: i64,
}

pub async fn get_project(conn: &mut Conn<'_>, group_id: i64) -> Result<Option<ProjectRow>, DbError> {
    query_as!(
        conn,
        ProjectRow,
        fetch_optional,
        "SELECT group_id, summary, status, start_date, end_date, focus_areas, tags, region, partners, \
         partner_search, funders, website, contact, measures, updated_at FROM projects WHERE group_id = $1",
        group_id,
    )
}

/// Writes a group's project, replacing what was there.
pub async fn upsert_project(conn: &mut Conn<'_>, row: &ProjectRow) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO projects (group_id, summary, status, start_date, end_date, focus_areas, tags, region, \
         partners, partner_search, funders, website, contact, measures, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) \
         ON CONFLICT (group_id) DO UPDATE SET summary = excluded.summary, status = excluded.status, \
         start_date = excluded.start_date, end_date = excluded.end_date, focus_areas = excluded.focus_areas, \
         tags = excluded.tags, region = excluded.region, partners = excluded.partners, \
         partner_search = excluded.partner_search, funders = excluded.funders, website = excluded.website, \
         contact = excluded.contact, measures = excluded.measures, updated_at = excluded.updated_at",
        row.group_id,
        row.summary.as_str(),
        row.status.as_str(),
        row.start_date.as_deref(),
        row.end_date.as_deref(),
        row.focus_areas.as_str(),
        row.tags.as_str(),
        row.region.as_str(),
        row.partners.as_str(),
        row.partner_search.as_str(),
        row.funders.as_str(),
        row.website.as_str(),
        row.contact.as_str(),
        row.measures.as_str(),
        row.updated_at,
    )?;
    Ok(())
}

pub async fn delete_project(conn: &mut Conn<'_>, group_id: i64) -> Result<u64, DbError> {
    execute!(conn, "DELETE FROM projects WHERE group_id = $1", group_id)
}

/// Marks a local group's actor document as changed (its `updated` time).
pub async fn update_group_updated_at(conn: &mut Conn<'_>, group_id: i64, now: i64) -> Result<(), DbError> {
    execute!(conn, "UPDATE actors SET updated_at = $2 WHERE id = $1 AND kind = 'group'", group_id, now)?;
    Ok(())
}

/// One project of the directory with its group.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DirectoryRow {
    pub group_id: i64,
    pub name: String,
    pub local: bool,
    pub host: Option<String>,
    pub display_name: String,
    pub featured: bool,
    pub followed: bool,
    pub has_project: bool,
    pub summary: Option<String>,
    pub status: Option<String>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub focus_areas: Option<String>,
    pub tags: Option<String>,
    pub region: Option<String>,
    pub partners: Option<String>,
    pub partner_search: Option<String>,
    pub funders: Option<String>,
    pub website: Option<String>,
    pub contact: Option<String>,
    pub measures: Option<String>,
    pub updated_at: Option<i64>,
    /// How many projects match the filters in all (the same on every row).
    pub total: i64,
}

/// Directory filters; `region` and `partner` are lower-case fragments.
#[derive(Debug, Clone, Default)]
pub struct DirectoryFilter<'a> {
    pub status: Option<&'a str>,
    pub focus_area: Option<&'a str>,
    pub region: Option<&'a str>,
    pub partner: Option<&'a str>,
}

/// Local project groups, and remote ones that a local actor follows or a coordinator featured,
/// with their projects, in one query: local first, then by title; `limit` of them from
/// `offset`, each row with the number of all that match.
pub async fn list_directory(
    conn: &mut Conn<'_>,
    filter: &DirectoryFilter<'_>,
    limit: i64,
    offset: i64,
) -> Result<Vec<DirectoryRow>, DbError> {
    let focus_area = filter.focus_area.map(super::escape_like);
    let region = filter.region.map(super::escape_like);
    let partner = filter.partner.map(super::escape_like);
    query_as!(
        conn,
        DirectoryRow,
        fetch_all,
        "SELECT a.id AS group_id, a.name, a.local, i.host, a.display_name, \
         EXISTS (SELECT 1 FROM featured_projects fp WHERE fp.group_id = a.id) AS featured, \
         EXISTS (SELECT 1 FROM follows f JOIN actors fa ON fa.id = f.follower_id \
                 WHERE f.followed_id = a.id AND f.state = 'accepted' AND fa.local) AS followed, \
         p.group_id IS NOT NULL AS has_project, \
         p.summary, p.status, p.start_date, p.end_date, p.focus_areas, p.tags, p.region, p.partners, \
         p.partner_search, p.funders, p.website, p.contact, p.measures, p.updated_at, \
         COUNT(*) OVER () AS total \
         FROM actors a LEFT JOIN projects p ON p.group_id = a.id LEFT JOIN instances i ON i.id = a.instance_id \
         WHERE a.kind = 'group' AND a.group_kind = 'project' \
         AND (a.local OR EXISTS (SELECT 1 FROM featured_projects fp WHERE fp.group_id = a.id) \
              OR EXISTS (SELECT 1 FROM follows f JOIN actors fa ON fa.id = f.follower_id \
                         WHERE f.followed_id = a.id AND f.state = 'accepted' AND fa.local)) \
         AND ($1 IS NULL OR p.status = $1) \
         AND ($2 IS NULL OR p.focus_areas LIKE '%,' || $2 || ',%' ESCAPE '\\') \
         AND ($3 IS NULL OR LOWER(p.region) LIKE '%' || $3 || '%' ESCAPE '\\') \
         AND ($4 IS NULL OR p.partner_search LIKE '%' || $4 || '%' ESCAPE '\\') \
         ORDER BY a.local DESC, LOWER(a.display_name), a.id LIMIT $5 OFFSET $6",
        filter.status,
        focus_area,
        region,
        partner,
        limit,
        offset,
    )
}

pub async fn insert_featured(
    conn: &mut Conn<'_>,
    group_id: i64,
    featured_by: i64,
    now: i64,
) -> Result<bool, DbError> {
    let inserted = execute!(
        conn,
        "INSERT INTO featured_projects (group_id, featured_by, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (group_id) DO NOTHING",
        group_id,
        featured_by,
        now,
    )?;
    Ok(inserted == 1)
}

pub async fn delete_featured(conn: &mut Conn<'_>, group_id: i64) -> Result<u64, DbError> {
    execute!(conn, "DELETE FROM featured_projects WHERE group_id = $1", group_id)
}

pub async fn is_featured(conn: &mut Conn<'_>, group_id: i64) -> Result<bool, DbError> {
    Ok(query_scalar!(
        conn,
        i64,
        fetch_optional,
        "SELECT group_id FROM featured_projects WHERE group_id = $1",
        group_id
    )?
    .is_some())
}

/// Remembers the actor a partner reference of a local project resolved to.
pub async fn upsert_partner_actor(
    conn: &mut Conn<'_>,
    group_id: i64,
    reference: &str,
    actor_id: i64,
    now: i64,
) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO project_partner_actors (group_id, reference, actor_id, resolved_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (group_id, reference) DO UPDATE SET actor_id = excluded.actor_id, \
         resolved_at = excluded.resolved_at",
        group_id,
        reference,
        actor_id,
        now,
    )?;
    Ok(())
}

/// A partner reference of a group's project and the actor it resolved to, enough to link it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PartnerActorRow {
    pub reference: String,
    pub kind: String,
    pub name: String,
    pub local: bool,
    pub host: Option<String>,
    pub ap_id: Option<String>,
}

/// Every resolved partner reference of a group's project, in one query.
pub async fn list_partner_actors(
    conn: &mut Conn<'_>,
    group_id: i64,
) -> Result<Vec<PartnerActorRow>, DbError> {
    query_as!(
        conn,
        PartnerActorRow,
        fetch_all,
        "SELECT pa.reference, a.kind, a.name, a.local, i.host, a.ap_id FROM project_partner_actors pa \
         JOIN actors a ON a.id = pa.actor_id LEFT JOIN instances i ON i.id = a.instance_id \
         WHERE pa.group_id = $1",
        group_id,
    )
}
