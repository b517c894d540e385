//! Peers, people (local ones with their accounts, remote ones as fetched from their peers) and
//! groups with their owners: the rows of `accounts::create_admitted_account`,
//! `groups::create_group` (with the group's declared language) and `actors::upsert_remote_actor`.

use allmende::domain::html::render_markdown;

use super::bulk::{Table, Writer};
use super::plan::{PEERS, Plan};
use super::text;

pub static INSTANCES: Table = Table {
    name: "instances",
    columns: &["id", "host", "software", "first_seen_at", "last_seen_at"],
    parents: &[],
};

pub static LOCAL_ACTORS: Table = Table {
    name: "actors",
    columns: &[
        "id",
        "kind",
        "name",
        "local",
        "display_name",
        "summary_source",
        "summary_html",
        "language",
        "group_kind",
        "languages",
        "created_at",
        "updated_at",
    ],
    parents: &["instances"],
};

pub static REMOTE_ACTORS: Table = Table {
    name: "actors",
    columns: &[
        "id",
        "kind",
        "name",
        "local",
        "instance_id",
        "ap_id",
        "inbox_url",
        "shared_inbox_url",
        "followers_url",
        "display_name",
        "summary_html",
        "public_key_pem",
        "created_at",
        "updated_at",
        "last_fetched_at",
    ],
    parents: &["instances"],
};

pub static ACCOUNTS: Table = Table {
    name: "accounts",
    columns: &["actor_id", "email", "password_hash", "role", "state", "created_at"],
    parents: &["instances", "actors"],
};

pub static GROUP_MODERATORS: Table = Table {
    name: "group_moderators",
    columns: &["group_id", "actor_id", "role", "created_at"],
    parents: &["instances", "actors"],
};

/// The id of peer `index` in `instances`.
pub fn instance_id(index: usize) -> i64 {
    index as i64 + 1
}

/// A remote person's actor id (the form their software uses).
pub fn remote_ap_id(peer: usize, name: &str) -> String {
    let (host, software) = PEERS[peer];
    match software {
        "mastodon" => format!("https://{host}/users/{name}"),
        _ => format!("https://{host}/u/{name}"),
    }
}

fn display_name(name: &str) -> String {
    let first = name.split('_').next().unwrap_or(name);
    let mut display = first.to_owned();
    if let Some(initial) = display.get_mut(..1) {
        initial.make_ascii_uppercase();
    }
    display
}

pub async fn write(
    writer: &mut Writer,
    plan: &Plan,
    password_hash: &str,
    _base_url: &str,
) -> anyhow::Result<()> {
    // A real public key for the remote people (none of them will ever sign anything here).
    let (remote_key, _) = allmende::service::instance::generate_key_pair()
        .map_err(|e| anyhow::anyhow!("making a key pair: {e}"))?;
    let first_seen = plan.anchor - 430 * super::plan::DAY;
    for (index, (host, software)) in PEERS.iter().enumerate() {
        writer
            .push(
                &INSTANCES,
                vec![
                    instance_id(index).into(),
                    (*host).into(),
                    Some((*software).to_owned()).into(),
                    first_seen.into(),
                    Some(plan.anchor - 60_000).into(),
                ],
            )
            .await?;
    }
    for person in &plan.people {
        if person.local {
            writer
                .push(
                    &LOCAL_ACTORS,
                    vec![
                        person.id.into(),
                        "person".into(),
                        person.name.as_str().into(),
                        true.into(),
                        display_name(&person.name).into(),
                        "".into(),
                        "".into(),
                        Some(person.language.to_owned()).into(),
                        None::<String>.into(),
                        "".into(),
                        person.created_at.into(),
                        person.created_at.into(),
                    ],
                )
                .await?;
        } else {
            let peer = person.peer.unwrap_or(0);
            let ap_id = remote_ap_id(peer, &person.name);
            writer
                .push(
                    &REMOTE_ACTORS,
                    vec![
                        person.id.into(),
                        "person".into(),
                        person.name.as_str().into(),
                        false.into(),
                        Some(instance_id(peer)).into(),
                        Some(ap_id.clone()).into(),
                        Some(format!("{ap_id}/inbox")).into(),
                        Some(format!("https://{}/inbox", PEERS[peer].0)).into(),
                        Some(format!("{ap_id}/followers")).into(),
                        display_name(&person.name).into(),
                        "".into(),
                        Some(remote_key.clone()).into(),
                        person.created_at.into(),
                        person.created_at.into(),
                        Some(person.created_at).into(),
                    ],
                )
                .await?;
        }
    }
    let mut rng = super::plan::stream(plan.seed, 4);
    for group in &plan.groups {
        let (title, description) = text::group_texts(&mut rng, group.topic, group.language);
        writer
            .push(
                &LOCAL_ACTORS,
                vec![
                    group.id.into(),
                    "group".into(),
                    group.name.as_str().into(),
                    true.into(),
                    title.into(),
                    description.as_str().into(),
                    render_markdown(&description).into(),
                    None::<String>.into(),
                    Some(if group.project { "project" } else { "discussion" }.to_owned()).into(),
                    group.language.into(),
                    group.created_at.into(),
                    group.created_at.into(),
                ],
            )
            .await?;
    }
    for person in plan.people.iter().filter(|p| p.local) {
        writer
            .push(
                &ACCOUNTS,
                vec![
                    person.id.into(),
                    Some(format!("{}@mail.example", person.name)).into(),
                    password_hash.into(),
                    "member".into(),
                    "active".into(),
                    person.created_at.into(),
                ],
            )
            .await?;
    }
    for group in &plan.groups {
        let owner = plan.people[group.owner as usize].id;
        writer
            .push(
                &GROUP_MODERATORS,
                vec![group.id.into(), owner.into(), "owner".into(), group.created_at.into()],
            )
            .await?;
    }
    Ok(())
}
