//! Projects of project groups: the owner's and moderators' edits, the project shown on the
//! group page, the project directory (local projects, followed and featured remote ones), and
//! the projects remote groups publish.

use serde::{Deserialize, Serialize};

use super::{Context, CurrentUser, GroupDetails, Paged, PostDetails, ServiceError};
use crate::db::{self, Conn, actors::ActorRow, projects::DirectoryFilter, projects::ProjectRow};
use crate::domain::project::{Project, ProjectForm, ProjectParts};
use crate::domain::{ActorId, DomainEvent, FieldError, GroupKind, Timestamp};

/// The directory shows at most this many projects.
/// Projects on one page of the directory.
pub const DIRECTORY_PAGE_SIZE: i64 = 50;

/// A group's project as the group page shows it.
#[derive(Debug, Clone)]
pub struct ProjectDetails {
    pub project: Project,
    pub updated_at: Timestamp,
    /// The partners whose reference resolved to an actor (local projects only).
    pub partner_actors: Vec<PartnerActor>,
}

/// A partner reference (`@org@host` or an actor URL) and the actor it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerActor {
    pub reference: String,
    /// `person` or `group`.
    pub kind: String,
    /// `name` here, `name@host` elsewhere.
    pub handle: String,
    /// For people and organisations of other instances: their id, which is their profile there.
    pub remote_url: Option<String>,
}

/// What the edit form starts from.
#[derive(Debug, Clone)]
pub struct ProjectEditing {
    /// The group's handle and title.
    pub group_name: String,
    pub group_title: String,
    pub form: ProjectForm,
    pub focus_areas: Vec<String>,
}

/// The focus areas this network offers.
pub fn focus_areas(ctx: &Context) -> Vec<String> {
    ctx.settings.focus_areas.clone()
}

/// The edit form of a local project group, for its owner and moderators only.
pub async fn get_project_form(
    ctx: &Context,
    user: &CurrentUser,
    group_name: &str,
) -> Result<ProjectEditing, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let group = editable_group(&mut conn.conn(), user, group_name).await?;
    let row = db::projects::get_project(&mut conn.conn(), group.id).await?;
    let form = match row {
        Some(row) => ProjectForm::from_project(&project_from_row(&row)),
        None => ProjectForm { status: "idea".into(), ..ProjectForm::default() },
    };
    Ok(ProjectEditing {
        group_name: group.name,
        group_title: group.display_name,
        form,
        focus_areas: focus_areas(ctx),
    })
}

/// Saves a local group's project; its followers get the group's updated actor document.
/// Returns the group, whose partners the caller may then resolve.
pub async fn update_project(
    ctx: &Context,
    user: &CurrentUser,
    group_name: &str,
    form: &ProjectForm,
) -> Result<ActorId, ServiceError> {
    let project = Project::parse(&ProjectParts::from_form(form), &ctx.settings.focus_areas)?;
    let now = ctx.now().millis();
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let group = editable_group(&mut conn, user, group_name).await?;
    db::projects::upsert_project(&mut conn, &row_from_project(group.id, &project, now)).await?;
    db::projects::update_group_updated_at(&mut conn, group.id, now).await?;
    ctx.emit(&mut conn, DomainEvent::ProfileUpdated { actor_id: group.id }).await?;
    tx.commit().await?;
    tracing::info!(group = %group.name, "project updated");
    Ok(ActorId(group.id))
}

/// A local project group the user owns or moderates; others get `Forbidden`.
async fn editable_group(
    conn: &mut Conn<'_>,
    user: &CurrentUser,
    name: &str,
) -> Result<ActorRow, ServiceError> {
    let group = db::groups::get_group_by_name(conn, name).await?.ok_or(ServiceError::NotFound)?;
    if group.group_kind.as_deref() != Some(GroupKind::Project.as_str()) {
        return Err(ServiceError::NotFound);
    }
    if db::groups::get_moderator_role(conn, group.id, user.id.0).await?.is_none() {
        return Err(ServiceError::Forbidden);
    }
    Ok(group)
}

/// A group page, with the project for project groups (two queries more than a discussion
/// group: the project, and which of its partners resolved to actors).
pub async fn get_group_page(
    ctx: &Context,
    name: &str,
    viewer: Option<&CurrentUser>,
    cursor: Option<&str>,
) -> Result<(GroupDetails, Paged<PostDetails>, Option<ProjectDetails>), ServiceError> {
    let (group, threads) = super::groups::get_group_page(ctx, name, viewer, cursor).await?;
    let project = if group.kind == GroupKind::Project {
        let mut conn = ctx.db.acquire().await?;
        match db::projects::get_project(&mut conn.conn(), group.id.0).await? {
            Some(row) => {
                let partner_actors = if group.remote_url.is_none() {
                    db::projects::list_partner_actors(&mut conn.conn(), group.id.0)
                        .await?
                        .into_iter()
                        .map(|row| PartnerActor {
                            handle: match (&row.host, row.local) {
                                (Some(host), false) => format!("{}@{host}", row.name),
                                _ => row.name,
                            },
                            remote_url: if row.local { None } else { row.ap_id },
                            reference: row.reference,
                            kind: row.kind,
                        })
                        .collect()
                } else {
                    Vec::new()
                };
                Some(ProjectDetails {
                    project: project_from_row(&row),
                    updated_at: Timestamp::from_millis(row.updated_at),
                    partner_actors,
                })
            }
            None => None,
        }
    } else {
        None
    };
    Ok((group, threads, project))
}

/// The partner references of a local project that have not been resolved to an actor yet.
pub async fn unresolved_partner_references(
    ctx: &Context,
    group: ActorId,
) -> Result<Vec<String>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let Some(row) = db::projects::get_project(&mut conn.conn(), group.0).await? else {
        return Ok(Vec::new());
    };
    let resolved: Vec<String> = db::projects::list_partner_actors(&mut conn.conn(), group.0)
        .await?
        .into_iter()
        .map(|row| row.reference)
        .collect();
    let mut references: Vec<String> = project_from_row(&row)
        .partners
        .into_iter()
        .filter_map(|partner| partner.reference)
        .filter(|reference| !resolved.contains(reference))
        .collect();
    references.dedup();
    Ok(references)
}

/// A partner reference of a local project resolved to `actor` (a person, organisation or group).
pub async fn record_partner_actor(
    ctx: &Context,
    group: ActorId,
    reference: &str,
    actor: ActorId,
) -> Result<(), ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let mut conn = conn.conn();
    let usable = db::actors::get_actor(&mut conn, actor.0)
        .await?
        .is_some_and(|a| a.kind == "person" || a.kind == "group");
    if usable {
        db::projects::upsert_partner_actor(&mut conn, group.0, reference, actor.0, ctx.now().millis())
            .await?;
    }
    Ok(())
}

/// The project a local group publishes, for its actor document.
pub async fn get_project(ctx: &Context, group: ActorId) -> Result<Option<Project>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::projects::get_project(&mut conn.conn(), group.0).await?.map(|row| project_from_row(&row)))
}

/// What a remote group's actor document says about its project (`None`: it has none). Only
/// stored for project groups.
pub async fn store_remote_project(
    ctx: &Context,
    group: ActorId,
    project: Option<Project>,
) -> Result<(), ServiceError> {
    let mut tx = ctx.db.begin().await?;
    store_remote_project_in(&mut tx.conn(), group, project, ctx.now().millis()).await?;
    tx.commit().await?;
    Ok(())
}

/// `store_remote_project` in the caller's transaction.
pub(crate) async fn store_remote_project_in(
    conn: &mut Conn<'_>,
    group: ActorId,
    project: Option<Project>,
    now: i64,
) -> Result<(), ServiceError> {
    let actor = db::actors::get_actor(conn, group.0).await?.ok_or(ServiceError::NotFound)?;
    if actor.local || actor.kind != "group" {
        return Err(ServiceError::Forbidden);
    }
    match project.filter(|_| actor.group_kind.as_deref() == Some(GroupKind::Project.as_str())) {
        Some(project) => {
            db::projects::upsert_project(conn, &row_from_project(group.0, &project, now)).await?
        }
        None => {
            db::projects::delete_project(conn, group.0).await?;
        }
    }
    Ok(())
}

/// The directory's filters as typed; empty means any.
#[derive(Debug, Clone, Default)]
pub struct DirectoryQuery {
    pub status: String,
    pub focus_area: String,
    pub region: String,
    pub partner: String,
    /// 1 for the first page (0 counts as 1).
    pub page: i64,
}

/// One page of the directory and how many projects match in all.
#[derive(Debug, Clone)]
pub struct DirectoryPage {
    pub entries: Vec<DirectoryEntry>,
    pub total: i64,
    pub page: i64,
    pub has_more: bool,
}

#[derive(Debug, Clone)]
pub struct DirectoryEntry {
    /// `name` here, `name@host` elsewhere.
    pub handle: String,
    pub title: String,
    /// `None` for local groups.
    pub host: Option<String>,
    pub featured: bool,
    pub followed: bool,
    pub project: Option<Project>,
}

/// Project groups of this instance, and the remote ones someone here follows or a coordinator
/// featured, one page at a time, in one query whatever their number.
pub async fn list_directory(ctx: &Context, query: &DirectoryQuery) -> Result<DirectoryPage, ServiceError> {
    let clean = |text: &str| {
        let text = text.trim().to_lowercase();
        (!text.is_empty()).then(|| text.chars().take(100).collect::<String>())
    };
    let status = crate::domain::project::ProjectStatus::parse(&query.status).ok();
    let focus_area = clean(&query.focus_area).filter(|a| !a.contains(','));
    let region = clean(&query.region);
    let partner = clean(&query.partner);
    let filter = DirectoryFilter {
        status: status.map(|s| s.as_str()),
        focus_area: focus_area.as_deref(),
        region: region.as_deref(),
        partner: partner.as_deref(),
    };
    let mut conn = ctx.db.acquire().await?;
    let page = query.page.clamp(1, 10_000);
    let offset = (page - 1) * DIRECTORY_PAGE_SIZE;
    let rows = db::projects::list_directory(&mut conn.conn(), &filter, DIRECTORY_PAGE_SIZE, offset).await?;
    let total = rows.first().map_or(0, |row| row.total);
    let entries = rows
        .into_iter()
        .map(|row| {
            let project = row.has_project.then(|| {
                project_from_row(&ProjectRow {
                    group_id: row.group_id,
                    summary: row.summary.unwrap_or_default(),
                    status: row.status.unwrap_or_default(),
                    start_date: row.start_date,
                    end_date: row.end_date,
                    focus_areas: row.focus_areas.unwrap_or_default(),
                    tags: row.tags.unwrap_or_default(),
                    region: row.region.unwrap_or_default(),
                    partners: row.partners.unwrap_or_default(),
                    partner_search: String::new(),
                    funders: row.funders.unwrap_or_default(),
                    website: row.website.unwrap_or_default(),
                    contact: row.contact.unwrap_or_default(),
                    measures: row.measures.unwrap_or_default(),
                    updated_at: row.updated_at.unwrap_or_default(),
                })
            });
            let host = if row.local { None } else { row.host };
            DirectoryEntry {
                handle: match &host {
                    Some(host) => format!("{}@{host}", row.name),
                    None => row.name,
                },
                title: row.display_name,
                host,
                featured: row.featured,
                followed: row.followed,
                project,
            }
        })
        .collect();
    Ok(DirectoryPage { entries, total, page, has_more: offset + DIRECTORY_PAGE_SIZE < total })
}

/// A coordinator features a remote project group in the directory (or stops featuring it).
pub async fn set_featured(
    ctx: &Context,
    user: &CurrentUser,
    group: ActorId,
    featured: bool,
) -> Result<(), ServiceError> {
    if !user.is_admin() {
        return Err(ServiceError::Forbidden);
    }
    let mut conn = ctx.db.acquire().await?;
    let mut conn = conn.conn();
    let actor = db::actors::get_actor(&mut conn, group.0).await?.ok_or(ServiceError::NotFound)?;
    if actor.kind != "group" || actor.local {
        return Err(FieldError::new("handle", "is not a project group on another instance").into());
    }
    if featured {
        if actor.group_kind.as_deref() != Some(GroupKind::Project.as_str()) {
            return Err(FieldError::new("handle", "is not a project group on another instance").into());
        }
        db::projects::insert_featured(&mut conn, group.0, user.id.0, ctx.now().millis()).await?;
    } else {
        db::projects::delete_featured(&mut conn, group.0).await?;
    }
    Ok(())
}

/// A remote group by its handle `name@host`, for unfeaturing from the directory.
pub async fn remote_group_by_handle(ctx: &Context, handle: &str) -> Result<ActorId, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let group =
        db::groups::get_group_by_handle(&mut conn.conn(), handle).await?.ok_or(ServiceError::NotFound)?;
    Ok(ActorId(group.id))
}

/// How lists are kept in their column.
#[derive(Serialize, Deserialize)]
struct StoredPartner {
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reference: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct StoredFunder {
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct StoredMeasure {
    title: String,
    status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    due: Option<String>,
}

fn words_column(words: &[String]) -> String {
    if words.is_empty() { String::new() } else { format!(",{},", words.join(",")) }
}

fn row_from_project(group_id: i64, project: &Project, now: i64) -> ProjectRow {
    let partners: Vec<StoredPartner> = project
        .partners
        .iter()
        .map(|p| StoredPartner { name: p.name.clone(), reference: p.reference.clone() })
        .collect();
    let funders: Vec<StoredFunder> =
        project.funders.iter().map(|f| StoredFunder { name: f.name.clone(), url: f.url.clone() }).collect();
    let measures: Vec<StoredMeasure> = project
        .measures
        .iter()
        .map(|m| StoredMeasure {
            title: m.title.clone(),
            status: m.status.as_str().to_owned(),
            due: m.due.map(|d| d.as_string()),
        })
        .collect();
    let partner_search = project
        .partners
        .iter()
        .flat_map(|p| [Some(p.name.as_str()), p.reference.as_deref()])
        .flatten()
        .filter(|s| !s.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join("\n");
    // Tags may hold commas no more than focus areas do: they were split on them.
    ProjectRow {
        group_id,
        summary: project.summary.clone(),
        status: project.status.as_str().to_owned(),
        start_date: project.start.map(|d| d.as_string()),
        end_date: project.end.map(|d| d.as_string()),
        focus_areas: words_column(&project.focus_areas),
        tags: words_column(&project.tags.iter().map(|t| t.replace(',', " ")).collect::<Vec<_>>()),
        region: project.region.clone(),
        partners: serde_json::to_string(&partners).unwrap_or_else(|_| "[]".into()),
        partner_search,
        funders: serde_json::to_string(&funders).unwrap_or_else(|_| "[]".into()),
        website: project.website.clone().unwrap_or_default(),
        contact: project.contact.clone(),
        measures: serde_json::to_string(&measures).unwrap_or_else(|_| "[]".into()),
        updated_at: now,
    }
}

/// A stored project, read back through the lenient rules (what was stored was checked).
pub(crate) fn project_from_row(row: &ProjectRow) -> Project {
    let words = |column: &str| column.split(',').filter(|w| !w.is_empty()).map(str::to_owned).collect();
    let partners: Vec<StoredPartner> = serde_json::from_str(&row.partners).unwrap_or_default();
    let funders: Vec<StoredFunder> = serde_json::from_str(&row.funders).unwrap_or_default();
    let measures: Vec<StoredMeasure> = serde_json::from_str(&row.measures).unwrap_or_default();
    Project::parse_lenient(&ProjectParts {
        summary: row.summary.clone(),
        status: row.status.clone(),
        start: row.start_date.clone().unwrap_or_default(),
        end: row.end_date.clone().unwrap_or_default(),
        focus_areas: words(&row.focus_areas),
        tags: words(&row.tags),
        region: row.region.clone(),
        partners: partners.into_iter().map(|p| (p.name, p.reference.unwrap_or_default())).collect(),
        funders: funders.into_iter().map(|f| (f.name, f.url.unwrap_or_default())).collect(),
        website: row.website.clone(),
        contact: row.contact.clone(),
        measures: measures.into_iter().map(|m| (m.title, m.status, m.due.unwrap_or_default())).collect(),
    })
}
