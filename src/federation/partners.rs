//! Partners of a local project named by a fediverse handle (`@org@host`) or an actor URL are
//! resolved to actors after the project is saved, in the background, with the usual resolver
//! (WebFinger, signed fetches, only to public addresses). The project page then links each
//! resolved partner to that organisation's profile here; the others stay as they were written.

use std::collections::HashSet;
use std::sync::{LazyLock, Mutex};

use url::Url;

use super::resolve::{self, ResolveError};
use super::uris::LocalObject;
use crate::domain::ActorId;
use crate::service::{ServiceError, projects, remote};
use crate::state::AppState;

/// References resolved at most per save (a project lists at most 50 partners).
pub const MAX_RESOLVED: usize = 50;

/// Groups whose partners are being resolved now: saving again meanwhile starts no second task.
static RESOLVING: LazyLock<Mutex<HashSet<i64>>> = LazyLock::new(Mutex::default);

/// Resolves the project's unresolved partner references in the background, one task per group
/// at a time.
pub fn spawn_partner_resolution(state: &AppState, group: ActorId) {
    let started = RESOLVING.lock().is_ok_and(|mut running| running.insert(group.0));
    if !started {
        tracing::debug!(group = group.0, "project partners are already being resolved");
        return;
    }
    let state = state.clone();
    tokio::spawn(async move {
        if let Err(error) = resolve_partners(&state, group).await {
            tracing::info!(%error, group = group.0, "resolving project partners failed");
        }
        if let Ok(mut running) = RESOLVING.lock() {
            running.remove(&group.0);
        }
    });
}

/// Resolves what it can; returns how many references now name an actor.
pub async fn resolve_partners(state: &AppState, group: ActorId) -> Result<usize, ServiceError> {
    let references = projects::unresolved_partner_references(&state.ctx, group).await?;
    let mut resolved = 0;
    for reference in references.into_iter().take(MAX_RESOLVED) {
        match partner_actor(state, &reference).await {
            Ok(Some(actor)) => {
                projects::record_partner_actor(&state.ctx, group, &reference, actor).await?;
                resolved += 1;
            }
            Ok(None) => {}
            Err(error) => tracing::debug!(%error, %reference, "a partner reference did not resolve"),
        }
    }
    Ok(resolved)
}

/// The actor a reference names: ours by name or URL, others through WebFinger or their URL.
async fn partner_actor(state: &AppState, reference: &str) -> Result<Option<ActorId>, ResolveError> {
    if reference.starts_with("http://") || reference.starts_with("https://") {
        let url = Url::parse(reference).map_err(|_| ResolveError::Invalid("not a URL"))?;
        return match state.uris.parse_local(&url) {
            Some(LocalObject::Actor { kind: kind @ ("person" | "group"), name }) => {
                Ok(remote::local_actor_id(&state.ctx, kind, &name).await?)
            }
            Some(_) => Ok(None),
            None => Ok(Some(resolve::actor_by_url(state, &url).await?.0)),
        };
    }
    let handle = reference.trim_start_matches('@');
    if let Some((name, host)) = handle.split_once('@')
        && host.eq_ignore_ascii_case(state.uris.host())
    {
        let person = remote::local_actor_id(&state.ctx, "person", name).await?;
        return Ok(match person {
            Some(person) => Some(person),
            None => remote::local_actor_id(&state.ctx, "group", name).await?,
        });
    }
    Ok(Some(resolve::resolve_handle(state, handle).await?))
}
