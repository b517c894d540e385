//! `Flag`: a report from another server (Mastodon, Misskey, NodeBB: a list of the account and
//! its posts; Lemmy, Mbin: one post, to its group), at the shared inbox or a group's. It becomes
//! a report for the moderators of our group the posts are in, and for our admins, when it is
//! about one of our accounts or posts or a post in one of our groups; anything else is refused
//! and nothing is stored.

use url::Url;

use crate::domain::ActorId;
use crate::federation::inbox::InboxError;
use crate::federation::protocol::FlagJson;
use crate::federation::uris::LocalObject;
use crate::service::reports::{self, FlaggedObject, RemoteReport, RemoteReportOutcome};
use crate::state::AppState;

pub async fn receive(
    state: &AppState,
    actor: ActorId,
    actor_url: &Url,
    flag: FlagJson,
) -> Result<(), InboxError> {
    let Some(origin_host) = super::host_of(actor_url) else {
        return Err(InboxError::BadRequest("the actor has no host".into()));
    };
    let objects = flag
        .object
        .iter()
        .filter_map(|object| match state.uris.parse_local(object) {
            Some(LocalObject::Post(id)) => Some(FlaggedObject::LocalPost(id)),
            Some(LocalObject::Actor { kind: "person" | "group", name }) => {
                Some(FlaggedObject::LocalActor(name))
            }
            Some(_) => None,
            None if state.uris.is_local(object) => None,
            None => Some(FlaggedObject::Remote(object.to_string())),
        })
        .collect();
    let report = RemoteReport {
        flag_ap_id: flag.id.to_string(),
        sender: actor,
        origin_host,
        objects,
        comment: flag.comment().to_owned(),
    };
    match reports::receive_remote_report(&state.ctx, report).await? {
        RemoteReportOutcome::Stored(id) => {
            tracing::info!(report = id, flag = %flag.id, "report received");
            Ok(())
        }
        RemoteReportOutcome::Repeated => Ok(()),
        RemoteReportOutcome::NotOurs => {
            Err(InboxError::Forbidden("the report names nothing of ours and no post in our groups"))
        }
    }
}
