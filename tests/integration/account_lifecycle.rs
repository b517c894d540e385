//! Leaving and moving (`/settings/account`): deleting one's account after a grace period (and
//! cancelling it), admins deleting at once, a remote account deleted at its origin, the data
//! export (a zip, unpacked and read back here) and the import of Mastodon's follows and blocks
//! CSV files.

use std::io::{Cursor, Read};

use allmende::service::accounts::NewAccount;
use allmende::service::remote::RemoteActorKind;
use allmende::service::{CurrentUser, account_deletion, blocks, follows, groups, remote, threads};
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};

use crate::api_support::Api;
use crate::common::{PASSWORD, TestApp, count_rows, location};
use crate::groups::{group, thread};
use crate::on_both_backends;
use crate::peer::Peer;
use crate::sink::Sink;

const DAY: i64 = 24 * 3600;
const AS: &str = "https://www.w3.org/ns/activitystreams";

async fn admin(app: &TestApp) -> CurrentUser {
    allmende::service::accounts::create_account(
        &app.ctx,
        NewAccount { username: "coord".into(), email: None, password: PASSWORD.into(), admin: true },
    )
    .await
    .expect("admin")
}

/// ana, a member of `energy` with a thread, an uploaded image and a follower on `sink`.
/// Returns her and the stored file name of the image.
async fn ana_with_content(app: &TestApp, sink: &Sink) -> (CurrentUser, allmende::domain::PostId, String) {
    let coord = admin(app).await;
    let ana = app.create_user("ana").await;
    groups::create_group(&app.ctx, coord.id, group("energy", "discussion")).await.expect("group");
    follows::follow_group(&app.ctx, &ana, "energy").await.expect("member");
    let heat = threads::create_thread(&app.ctx, &ana, "energy", thread("Heat pumps")).await.expect("thread");
    let api = Api::for_user(app, "ana").await;
    let media: Value =
        crate::api_media::upload(&api, crate::api_media::png(40, 40), "a.png", "image/png", "")
            .await
            .json()
            .await
            .expect("media JSON");
    let file = media["url"].as_str().expect("url").rsplit('/').next().expect("file name").to_owned();
    let zoe =
        crate::outbound::remote_actor(app, sink, RemoteActorKind::Person, "users", "zoe", "/inbox", None)
            .await;
    remote::accept_remote_follow(&app.ctx, zoe, ana.id, &format!("{}/follows/1", sink.base_url))
        .await
        .expect("follow");
    crate::outbound::drain(app).await;
    (ana, heat, file)
}

fn media_path(app: &TestApp, file: &str) -> std::path::PathBuf {
    app.state.config.data_dir.join("media").join(file)
}

/// ana asks to delete her account with her password (a wrong one is refused), cancels, asks
/// again, can still sign in during the grace period; once it is over, the deletion job
/// purges her account: posts become tombstones, her image file and follows are gone, her
/// sessions and tokens end, her name stays taken, and her follower's instance gets a `Delete`.
pub async fn a_member_deletes_their_account_after_the_grace_period(app: TestApp) {
    let sink = Sink::start().await;
    let (ana, heat, file) = ana_with_content(&app, &sink).await;
    let seen = sink.accepted().len();
    assert!(media_path(&app, &file).exists(), "the upload is on disk");
    let ana_api = Api::for_user(&app, "ana").await;

    app.sign_in("ana").await;
    let (status, page) = app.get_html("/settings/account").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(r#"action="/settings/account/delete""#), "{page}");
    assert!(page.contains("after 7 days"), "the grace period is told: {page}");
    let wrong = app.post_form("/settings/account/delete", &[("current_password", "not it at all")]).await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY, "the password confirms");
    assert!(account_deletion::deletion_due(&app.ctx, &ana).await.expect("due").is_none());

    let asked = app.post_form("/settings/account/delete", &[("current_password", PASSWORD)]).await;
    assert_eq!(asked.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&asked), "/settings/account?saved=deletion-requested");
    let (_, page) = app.get_html("/settings/account").await;
    assert!(page.contains(r#"id="deletion-pending""#), "{page}");
    let cancelled = app.post_form("/settings/account/delete/cancel", &[]).await;
    assert_eq!(cancelled.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get_html("/settings/account").await;
    assert!(!page.contains(r#"id="deletion-pending""#), "cancelled: {page}");

    app.post_form("/settings/account/delete", &[("current_password", PASSWORD)]).await;
    app.clock.advance_seconds(6 * DAY);
    assert_eq!(account_deletion::purge_due(&app.ctx).await.expect("job"), 0, "not yet");
    app.post_form("/logout", &[]).await;
    app.sign_in("ana").await;
    let (status, page) = app.get_html("/settings/account").await;
    assert_eq!(status, StatusCode::OK, "she can sign in during the grace period");
    assert!(page.contains(r#"id="deletion-pending""#));

    app.clock.advance_seconds(DAY + 60);
    assert_eq!(account_deletion::purge_due(&app.ctx).await.expect("job"), 1);
    assert_eq!(account_deletion::purge_due(&app.ctx).await.expect("job"), 0, "once");

    let post = allmende::service::federated::get_post(&app.ctx, heat).await.expect("post");
    assert!(post.deleted && post.content_html.is_empty(), "her posts are tombstones");
    assert!(!media_path(&app, &file).exists(), "her image file is removed");
    assert_eq!(count_rows(&app, "media_attachments").await, 0);
    assert_eq!(count_rows(&app, "follows").await, 0, "her memberships and followers are gone");
    assert_eq!(count_rows(&app, "sessions").await, 0);
    let (status, _) = app.get_html("/settings/account").await;
    assert_ne!(status, StatusCode::OK, "her session ended");
    assert_eq!(ana_api.get("/api/v1/accounts/verify_credentials").await.status(), StatusCode::UNAUTHORIZED);
    let login = app.post_form("/login", &[("username", "ana"), ("password", PASSWORD)]).await;
    assert_eq!(login.status(), StatusCode::UNAUTHORIZED, "nothing to sign in to");
    let taken = allmende::service::accounts::create_account(
        &app.ctx,
        NewAccount { username: "ana".into(), email: None, password: PASSWORD.into(), admin: false },
    )
    .await;
    assert!(taken.is_err(), "the name stays reserved");

    crate::outbound::drain(&app).await;
    let sent = crate::outbound::new_bodies(&sink, seen);
    let ana_url = app.state.uris.absolute("/u/ana");
    let delete =
        sent.iter().find(|body| body["type"] == "Delete").unwrap_or_else(|| panic!("a Delete: {sent:?}"));
    assert_eq!(delete["actor"], ana_url.as_str());
    assert_eq!(delete["object"], ana_url.as_str(), "the object is the actor, as Mastodon sends it");
}

/// Admins delete at once, without a grace period: `allmende user delete NAME` (its service
/// call) purges the account and queues the `Delete`; asking twice says it was done before.
pub async fn an_admin_deletes_an_account_at_once(app: TestApp) {
    let sink = Sink::start().await;
    let (_, heat, file) = ana_with_content(&app, &sink).await;
    let seen = sink.accepted().len();
    assert!(account_deletion::delete_by_name(&app.ctx, "ana").await.expect("deleted"));
    assert!(!account_deletion::delete_by_name(&app.ctx, "ana").await.expect("again"), "deleted before");
    assert!(matches!(
        account_deletion::delete_by_name(&app.ctx, "nobody").await,
        Err(allmende::service::ServiceError::NotFound)
    ));
    assert!(allmende::service::federated::get_post(&app.ctx, heat).await.expect("post").deleted);
    assert!(!media_path(&app, &file).exists());
    crate::outbound::drain(&app).await;
    assert!(crate::outbound::new_bodies(&sink, seen).iter().any(|body| body["type"] == "Delete"));
}

/// Without a grace period (`accounts.deletion_grace_days = 0`) the member's own deletion
/// happens at once and signs them out.
async fn without_grace_period_the_deletion_is_immediate() {
    let Some(app) = TestApp::spawn_configured(crate::common::Backend::Sqlite, |config| {
        config.accounts.deletion_grace_days = 0;
    })
    .await
    else {
        return;
    };
    app.signed_in_user("ana").await;
    let (_, page) = app.get_html("/settings/account").await;
    assert!(page.contains("at once"), "{page}");
    let deleted = app.post_form("/settings/account/delete", &[("current_password", PASSWORD)]).await;
    assert_eq!(deleted.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&deleted), "/");
    let login = app.post_form("/login", &[("username", "ana"), ("password", PASSWORD)]).await;
    assert_eq!(login.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn no_grace_period_deletes_at_once() {
    without_grace_period_the_deletion_is_immediate().await;
}

/// A remote person's `Delete` of themselves: their follow of a local group ends and their posts
/// become tombstones. Someone else's `Delete` naming them changes nothing.
pub async fn a_remote_account_deleted_at_its_origin_is_forgotten(app: TestApp) {
    crate::inbox::with_group(&app).await;
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let yan = peer.add_actor("yan", "Person");
    let inbox = app.url("/inbox");
    assert_eq!(peer.deliver(&zoe, &inbox, &crate::inbox::follow(&peer, &zoe, 1)).await, StatusCode::ACCEPTED);
    assert_eq!(
        peer.deliver(&zoe, &inbox, &crate::inbox::create_page(&peer, &zoe, 1, true)).await,
        StatusCode::ACCEPTED
    );
    let followers = || async {
        groups::get_group_page(&app.ctx, "energy", None, None).await.expect("group").0.follower_count
    };
    assert_eq!(followers().await, 1);
    let post = remote::post_by_ap_id(&app.ctx, &peer.url("/posts/1")).await.expect("lookup").expect("stored");

    let forged = json!({"@context": AS, "id": peer.url("/users/yan#delete"), "type": "Delete", "actor": yan,
                        "object": zoe, "to": ["https://www.w3.org/ns/activitystreams#Public"]});
    let status = peer.deliver(&yan, &inbox, &forged).await;
    assert!(status.is_success() || status.is_client_error(), "{status}");
    assert_eq!(followers().await, 1, "only zoe may delete zoe");

    let delete = json!({"@context": AS, "id": peer.url("/users/zoe#delete"), "type": "Delete", "actor": zoe,
                        "object": zoe, "to": ["https://www.w3.org/ns/activitystreams#Public"]});
    assert_eq!(peer.deliver(&zoe, &inbox, &delete).await, StatusCode::ACCEPTED);
    assert_eq!(followers().await, 0, "the group dropped her as a follower");
    let stored = allmende::service::federated::get_post(&app.ctx, post).await.expect("post");
    assert!(stored.deleted && stored.content_html.is_empty(), "her post is a tombstone");
}

/// Unpacks a zip into (name, bytes) pairs.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    (0..archive.len())
        .map(|index| {
            let mut entry = archive.by_index(index).expect("entry");
            let mut content = Vec::new();
            entry.read_to_end(&mut content).expect("read");
            (entry.name().expect("entry name").into_owned(), content)
        })
        .collect()
}

fn entry<'a>(entries: &'a [(String, Vec<u8>)], name: &str) -> &'a [u8] {
    entries
        .iter()
        .find(|(entry, _)| entry == name)
        .map(|(_, bytes)| bytes.as_slice())
        .unwrap_or_else(|| panic!("{name} in {:?}", entries.iter().map(|(n, _)| n).collect::<Vec<_>>()))
}

/// Rows of a CSV file as read by a CSV reader (`headers`: the first row is a header).
fn csv_rows(bytes: &[u8], headers: bool) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new().has_headers(headers).from_reader(bytes);
    let header = if headers {
        reader.headers().expect("header").iter().map(str::to_owned).collect()
    } else {
        Vec::new()
    };
    let rows = reader
        .records()
        .map(|record| record.expect("a CSV row").iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

/// ana downloads her data: a zip with her actor, her posts as an outbox of `Create`s, her
/// follows (Mastodon's header; it parses back and imports), blocks and mutes, and her image.
pub async fn the_export_holds_profile_posts_lists_and_media(app: TestApp) {
    let sink = Sink::start().await;
    let (ana, _, file) = ana_with_content(&app, &sink).await;
    let bob = app.create_user("bob").await;
    let carl = app.create_user("carl").await;
    let dora = app.create_user("dora").await;
    threads::create_thread(&app.ctx, &ana, "energy", thread("Solar roofs")).await.expect("thread");
    follows::follow_actor(&app.ctx, &ana, bob.id).await.expect("follow bob");
    follows::set_follow_notify(&app.ctx, &ana, bob.id, true).await.expect("notify");
    let yan =
        crate::outbound::remote_actor(&app, &sink, RemoteActorKind::Person, "users", "yan", "/inbox", None)
            .await;
    follows::follow_actor(&app.ctx, &ana, yan).await.expect("follow yan");
    blocks::block_actor(&app.ctx, &ana, carl.id).await.expect("block");
    blocks::mute_actor(
        &app.ctx,
        &ana,
        dora.id,
        blocks::MuteOptions { notifications: true, duration_seconds: None },
    )
    .await
    .expect("mute");

    let (status, _) = app.get_html("/settings/account/export").await;
    assert_ne!(status, StatusCode::OK, "signed out: no export");
    app.sign_in("ana").await;
    let response = app.get("/settings/account/export").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "application/zip");
    let disposition = response.headers()["content-disposition"].to_str().expect("ascii").to_owned();
    assert!(disposition.starts_with("attachment;") && disposition.contains("ana"), "{disposition}");
    let bytes = response.bytes().await.expect("body");
    let entries = unzip(&bytes);

    let actor: Value = serde_json::from_slice(entry(&entries, "actor.json")).expect("actor JSON");
    assert_eq!(actor["id"], app.state.uris.absolute("/u/ana"));
    assert_eq!(actor["type"], "Person");
    assert_eq!(actor["preferredUsername"], "ana");
    assert!(actor["@context"].is_array(), "a JSON-LD document: {actor}");

    let outbox: Value = serde_json::from_slice(entry(&entries, "outbox.json")).expect("outbox JSON");
    assert_eq!(outbox["type"], "OrderedCollection");
    let items = outbox["orderedItems"].as_array().expect("items");
    assert_eq!(items.len(), 2, "{outbox}");
    for item in items {
        assert_eq!(item["type"], "Create");
        assert_eq!(item["actor"], app.state.uris.absolute("/u/ana"));
        assert_eq!(item["object"]["attributedTo"], app.state.uris.absolute("/u/ana"));
    }
    let titles: Vec<&str> = items.iter().filter_map(|item| item["object"]["name"].as_str()).collect();
    assert_eq!(titles, ["Heat pumps", "Solar roofs"], "oldest first");

    let (header, rows) = csv_rows(entry(&entries, "following_accounts.csv"), true);
    assert_eq!(header, ["Account address", "Show boosts", "Notify on new posts", "Languages"]);
    let followed: Vec<(&str, &str)> = rows.iter().map(|row| (row[0].as_str(), row[2].as_str())).collect();
    let yan_address = format!("yan@{}", sink.host());
    assert_eq!(
        followed,
        [("energy@localhost", "false"), ("bob@localhost", "true"), (yan_address.as_str(), "false")]
    );
    let parsed =
        allmende::portability::csv_files::parse_account_list(entry(&entries, "following_accounts.csv"), 100)
            .expect("the import reads the export");
    assert_eq!(parsed.len(), 3);

    let (_, blocked) = csv_rows(entry(&entries, "blocked_accounts.csv"), false);
    assert_eq!(blocked, [["carl@localhost"]]);
    let (header, muted) = csv_rows(entry(&entries, "muted_accounts.csv"), true);
    assert_eq!(header, ["Account address", "Hide notifications"]);
    assert_eq!(muted, [["dora@localhost", "true"]]);

    let stored = std::fs::read(media_path(&app, &file)).expect("stored file");
    assert_eq!(entry(&entries, &format!("media/{file}")), stored.as_slice(), "the image, unchanged");
    let leftovers = std::fs::read_dir(app.state.config.data_dir.join("exports")).expect("dir").count();
    assert_eq!(leftovers, 0, "no archive is left on disk");
}

/// Posts the import form (multipart) as the browser would.
async fn import(app: &TestApp, kind: &str, bytes: Vec<u8>, token: Option<&str>) -> (StatusCode, String) {
    let mut form = Form::new()
        .text("kind", kind.to_owned())
        .part("file", Part::bytes(bytes).file_name("list.csv").mime_str("text/csv").expect("mime"));
    if let Some(token) = token {
        form = form.text("csrf_token", token.to_owned());
    }
    let response =
        app.client.post(app.url("/settings/account/import")).multipart(form).send().await.expect("POST");
    let status = response.status();
    (status, response.text().await.expect("body"))
}

fn fixture(name: &str, peer: &Peer) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/mastodon/exports/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture");
    text.replace("PEER_HOST", peer.base_url.trim_start_matches("http://")).into_bytes()
}

async fn follows_of(app: &TestApp, user: &CurrentUser) -> i64 {
    let mut conn = app.ctx.db.acquire().await.expect("connection");
    allmende::db::account_data::list_followed_addresses(&mut conn.conn(), user.id.0)
        .await
        .expect("list")
        .len() as i64
}

/// Mastodon's follows export (with header) and blocks export (one column) are imported: each
/// address is looked up through WebFinger and followed or blocked; unknown and malformed lines
/// are listed with their reason. Bad files get a clear 422, a missing token a 403.
pub async fn mastodon_follow_and_block_lists_are_imported(app: TestApp) {
    let coord = admin(&app).await;
    groups::create_group(&app.ctx, coord.id, group("energy", "discussion")).await.expect("group");
    app.create_user("bob").await;
    let ana = app.signed_in_user("ana").await;
    let mut peer = Peer::start().await;
    peer.add_actor("zoe", "Person");
    peer.add_actor("yan", "Person");
    let token = app.csrf_token().await;

    let (status, _) = import(&app, "follows", fixture("following_accounts.csv", &peer), None).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "the CSRF token is checked");
    let (status, page) =
        import(&app, "follows", fixture("following_accounts.csv", &peer), Some(&token)).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains("4 accounts were imported"), "{page}");
    assert!(page.contains("2 lines were not imported"), "{page}");
    assert!(page.contains("nobody found at this address") && page.contains("not an address like"), "{page}");
    assert_eq!(follows_of(&app, &ana).await, 4, "zoe, yan, energy and bob");

    let (status, page) = import(&app, "blocks", fixture("blocked_accounts.csv", &peer), Some(&token)).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(
        page.contains("2 accounts were imported") && page.contains("One line was not imported"),
        "{page}"
    );
    assert!(page.contains("refused"), "a group cannot be blocked: {page}");
    assert_eq!(count_rows(&app, "member_blocks").await, 2);
    assert_eq!(follows_of(&app, &ana).await, 2, "blocking ends her follows of zoe and bob");

    let png = crate::api_media::png(4, 4);
    let (status, page) = import(&app, "follows", png, Some(&token)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("not a text (CSV) file"), "{page}");
    let (status, page) = import(&app, "follows", Vec::new(), Some(&token)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("lists no accounts"), "{page}");
    let many: String = (0..201).map(|i| format!("someone{i}@x.example\n")).collect();
    let (status, page) = import(&app, "follows", many.into_bytes(), Some(&token)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("201 accounts") && page.contains("at most 200"), "{page}");
    let (status, _) = import(&app, "likes", b"a@b.example\n".to_vec(), Some(&token)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let garbage = app
        .client
        .post(app.url("/settings/account/import"))
        .header("content-type", "multipart/form-data; boundary=xyz")
        .body("--xyz\r\nnonsense")
        .send()
        .await
        .expect("POST");
    assert!(garbage.status().is_client_error(), "{}", garbage.status());
}

on_both_backends!(
    a_member_deletes_their_account_after_the_grace_period,
    an_admin_deletes_an_account_at_once,
    a_remote_account_deleted_at_its_origin_is_forgotten,
    the_export_holds_profile_posts_lists_and_media,
    mastodon_follow_and_block_lists_are_imported
);
