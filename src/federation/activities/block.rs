//! `Block` with a `target` group (Lemmy's community ban) and its `Undo`: a remote group, or a
//! moderator its own server lists, bans one of our members from the group. The ban is stored
//! and honoured here (the member is told, and cannot post, reply, vote or answer events in the
//! group from here). Bans of people who are not ours are not our business, and a `Block`
//! without `target` (a person blocking a person) is ignored.

use chrono::{DateTime, Utc};
use url::Url;

use crate::domain::ActorId;
use crate::federation::inbox::InboxError;
use crate::federation::moderators;
use crate::federation::protocol::BlockJson;
use crate::federation::uris::LocalObject;
use crate::service::{group_bans, remote};
use crate::state::AppState;

/// Who vouches for a ban: the actor that signed it, or the group that announced it for a
/// moderator elsewhere (then the group's own authority counts, and the inner actor is a claim).
enum Voucher<'a> {
    Signer(ActorId, &'a Url),
    Group(&'a Url),
}

/// A ban (`banned`) or its lifting, by `actor` (`actor_url`, verified by the caller).
pub async fn receive(
    state: &AppState,
    actor: ActorId,
    actor_url: &Url,
    block: BlockJson,
    banned: bool,
) -> Result<(), InboxError> {
    if &block.actor != actor_url {
        return Ok(());
    }
    apply(state, Voucher::Signer(actor, actor_url), block, banned).await
}

/// A ban (or its lifting) that a group announced for a moderator on another server: it counts
/// only when the announcer is the group the ban is in.
pub(super) async fn receive_announced(
    state: &AppState,
    announcer_url: &Url,
    block: BlockJson,
    banned: bool,
) -> Result<(), InboxError> {
    if block.target.as_ref() != Some(announcer_url) {
        tracing::info!(by = %announcer_url, "skipped a ban announced by a group it is not in");
        return Ok(());
    }
    apply(state, Voucher::Group(announcer_url), block, banned).await
}

async fn apply(
    state: &AppState,
    voucher: Voucher<'_>,
    block: BlockJson,
    banned: bool,
) -> Result<(), InboxError> {
    let Some(target) = &block.target else {
        tracing::debug!("a Block of a person by a person, ignored");
        return Ok(());
    };
    let actor_url = match voucher {
        Voucher::Signer(_, url) | Voucher::Group(url) => url,
    };
    if state.uris.is_local(target) {
        tracing::info!(by = %actor_url, "a ban in one of our groups sent from elsewhere, ignored");
        return Ok(());
    }
    let Some(member) = our_member(state, &block.object).await? else {
        tracing::debug!(object = %block.object, "a ban of someone who is not ours, ignored");
        return Ok(());
    };
    let Some(group) = group_bans::remote_group_by_ap_id(&state.ctx, target.as_str()).await? else {
        tracing::debug!(group = %target, "a ban in a group we do not know, ignored");
        return Ok(());
    };
    let moderator = match voucher {
        Voucher::Group(_) => group,
        Voucher::Signer(_, url) if url == target => group,
        Voucher::Signer(actor, _) => match moderators::is_moderator(state, target, actor_url).await {
            Ok(true) => actor,
            Ok(false) => {
                return Err(InboxError::Forbidden("Block by someone who does not moderate the group"));
            }
            Err(error) => return Err(super::retry_or_refuse(error, "the group's moderators")),
        },
    };
    if banned {
        let expires_at = block.ends_at().map(|end: DateTime<Utc>| end.timestamp_millis());
        let remove_data = block.remove_data.unwrap_or(false);
        group_bans::store_remote_ban(
            &state.ctx,
            group,
            moderator,
            member,
            block.summary.as_deref(),
            expires_at,
            remove_data,
            block.id.as_str(),
        )
        .await?;
        tracing::info!(group = %target, member = %block.object, "one of our members was banned from a remote group");
    } else {
        group_bans::lift_remote_ban(&state.ctx, group, moderator, member).await?;
        tracing::info!(group = %target, member = %block.object, "a remote group lifted a ban of one of our members");
    }
    Ok(())
}

/// One of our people, by their URL here.
async fn our_member(state: &AppState, object: &Url) -> Result<Option<ActorId>, InboxError> {
    match state.uris.parse_local(object) {
        Some(LocalObject::Actor { kind: "person", name }) => {
            Ok(remote::local_actor_id(&state.ctx, "person", &name).await?)
        }
        _ => Ok(None),
    }
}
