//! Avatars and header images (API and web settings), images from the web composer, remote
//! actors' `icon` / `image`, and the admin's federation page with each peer's software and
//! incoming activity counts.

use std::io::Cursor;

use allmende::service::remote::{self, RemoteActorKind};
use allmende::service::{accounts, groups};
use image::{ImageFormat, Rgb, RgbImage};
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};

use crate::activitypub_serve::activity_json;
use crate::api_media::{local_path, png};
use crate::api_support::Api;
use crate::common::{PASSWORD, TestApp, location};
use crate::groups::group;
use crate::inbox::{follow, with_group};
use crate::on_both_backends;
use crate::outbound::{drain, remote_actor};
use crate::peer::Peer;
use crate::sink::Sink;

fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let image = RgbImage::from_fn(width, height, |x, y| Rgb([(x % 200) as u8, (y % 200) as u8, 40]));
    let mut out = Cursor::new(Vec::new());
    image.write_to(&mut out, ImageFormat::Jpeg).expect("jpeg");
    out.into_inner()
}

fn file_part(bytes: Vec<u8>, name: &str, mime: &str) -> Part {
    Part::bytes(bytes).file_name(name.to_owned()).mime_str(mime).expect("mime")
}

/// The pixel size of an image we serve at `url`.
async fn served_size(app: &TestApp, url: &str) -> (u32, u32) {
    let response = app.get(&local_path(app, url)).await;
    assert_eq!(response.status(), StatusCode::OK, "{url}");
    assert!(response.headers()["cache-control"].to_str().unwrap().contains("public"), "anyone may see it");
    let image = image::load_from_memory(&response.bytes().await.unwrap()).expect("decodes");
    (image.width(), image.height())
}

pub async fn an_app_sets_avatar_and_header_and_followers_get_the_update(app: TestApp) {
    let sink = Sink::start().await;
    let ana = app.create_user("ana").await;
    let zoe = remote_actor(&app, &sink, RemoteActorKind::Person, "users", "zoe", "/inbox", None).await;
    remote::accept_remote_follow(&app.ctx, zoe, ana.id, &format!("{}/follows/1", sink.base_url))
        .await
        .expect("follow accepted");
    drain(&app).await;
    let seen = sink.accepted().len();
    let api = Api::for_user(&app, "ana").await;
    let before = api.get_json("/api/v1/accounts/verify_credentials").await;
    assert!(before["avatar"].as_str().unwrap().ends_with("/api/allmende/avatar.png"), "{before}");

    let form = Form::new()
        .text("display_name", "Ana Nowak")
        .part("avatar", file_part(png(900, 600), "me.png", "image/png"))
        .part("header", file_part(jpeg(2400, 1000), "roof.jpg", "image/jpeg"));
    let response = app
        .client
        .patch(app.url("/api/v1/accounts/update_credentials"))
        .bearer_auth(&api.token)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let account: Value = response.json().await.unwrap();
    assert_eq!(account["display_name"], "Ana Nowak");
    let avatar = account["avatar"].as_str().expect("avatar").to_owned();
    let header = account["header"].as_str().expect("header").to_owned();
    assert!(avatar.contains("/media/") && avatar.ends_with(".png"), "{avatar}");
    assert!(header.contains("/media/") && header.ends_with(".jpg"), "{header}");
    assert_eq!(account["avatar_static"], avatar.as_str());
    assert_eq!(account["header_static"], header.as_str());
    // Cropped and scaled to the fixed sizes, whatever was sent.
    assert_eq!(served_size(&app, &avatar).await, (400, 400));
    assert_eq!(served_size(&app, &header).await, (1500, 500));
    // Every view of the account shows them.
    let shown = api.get_json(&format!("/api/v1/accounts/{}", ana.id.0)).await;
    assert_eq!(shown["avatar"], avatar.as_str());
    assert_eq!(shown["header"], header.as_str());

    // The actor document carries them as `icon` and `image`.
    let (status, actor) = activity_json(&app, "/u/ana").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(actor["icon"]["type"], "Image");
    assert_eq!(actor["icon"]["url"], avatar.as_str());
    assert_eq!(actor["icon"]["mediaType"], "image/png");
    assert_eq!(actor["image"]["url"], header.as_str());
    assert_eq!(actor["image"]["mediaType"], "image/jpeg");

    // Followers get an Update of the actor with the new images.
    drain(&app).await;
    let updates: Vec<Value> =
        sink.accepted().into_iter().skip(seen).filter(|body| body["type"] == "Update").collect();
    assert!(!updates.is_empty(), "an Update was delivered");
    let last = updates.last().expect("update");
    assert_eq!(last["object"]["id"], actor["id"]);
    assert_eq!(last["object"]["icon"]["url"], avatar.as_str());
    assert_eq!(last["object"]["image"]["url"], header.as_str());

    // Something that is no image is refused on its field, and nothing changes.
    let form = Form::new().part("avatar", file_part(b"<svg onload=alert(1)>".to_vec(), "x.png", "image/png"));
    let refused = app
        .client
        .patch(app.url("/api/v1/accounts/update_credentials"))
        .bearer_auth(&api.token)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let after = api.get_json("/api/v1/accounts/verify_credentials").await;
    assert_eq!(after["avatar"], avatar.as_str());

    // A new avatar replaces the old file.
    let form = Form::new().part("avatar", file_part(jpeg(300, 300), "new.jpg", "image/jpeg"));
    let replaced = app
        .client
        .patch(app.url("/api/v1/accounts/update_credentials"))
        .bearer_auth(&api.token)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(replaced.status(), StatusCode::OK);
    let replaced: Value = replaced.json().await.unwrap();
    let new_avatar = replaced["avatar"].as_str().unwrap().to_owned();
    assert_ne!(new_avatar, avatar);
    assert_eq!(served_size(&app, &new_avatar).await, (400, 400), "a small one is scaled up");
    assert_eq!(
        app.get(&local_path(&app, &avatar)).await.status(),
        StatusCode::NOT_FOUND,
        "the old file is gone"
    );
    assert_eq!(replaced["header"], header.as_str(), "the header stays");
}

async fn delete_image(app: &TestApp, token: &str, which: &str) -> reqwest::Response {
    app.client.delete(app.url(&format!("/api/v1/profile/{which}"))).bearer_auth(token).send().await.unwrap()
}

pub async fn an_app_removes_avatar_and_header(app: TestApp) {
    let sink = Sink::start().await;
    let ana = app.create_user("ana").await;
    let zoe = remote_actor(&app, &sink, RemoteActorKind::Person, "users", "zoe", "/inbox", None).await;
    remote::accept_remote_follow(&app.ctx, zoe, ana.id, &format!("{}/follows/1", sink.base_url))
        .await
        .expect("follow accepted");
    let api = Api::for_user(&app, "ana").await;
    let form = Form::new()
        .part("avatar", file_part(png(400, 400), "me.png", "image/png"))
        .part("header", file_part(jpeg(1500, 500), "roof.jpg", "image/jpeg"));
    let set = app
        .client
        .patch(app.url("/api/v1/accounts/update_credentials"))
        .bearer_auth(&api.token)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(set.status(), StatusCode::OK);
    let set: Value = set.json().await.unwrap();
    let (avatar, header) =
        (set["avatar"].as_str().unwrap().to_owned(), set["header"].as_str().unwrap().to_owned());
    drain(&app).await;
    let seen = sink.accepted().len();

    // Without a token, or with a read-only one, nothing is removed.
    let anonymous = app.client.delete(app.url("/api/v1/profile/avatar")).send().await.unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    let reader = crate::api_support::token_for(&app, "ana", "read").await;
    assert_eq!(delete_image(&app, &reader, "avatar").await.status(), StatusCode::FORBIDDEN);

    // The avatar goes: the answer is the CredentialAccount with the default avatar.
    let removed = delete_image(&app, &api.token, "avatar").await;
    assert_eq!(removed.status(), StatusCode::OK);
    let account: Value = removed.json().await.unwrap();
    assert_eq!(account["id"], ana.id.0.to_string());
    assert!(account["source"].is_object(), "a CredentialAccount: {account}");
    assert!(account["avatar"].as_str().unwrap().ends_with("/api/allmende/avatar.png"), "{account}");
    assert_eq!(account["header"], header.as_str(), "the header stays");
    assert_eq!(app.get(&local_path(&app, &avatar)).await.status(), StatusCode::NOT_FOUND, "the file is gone");
    let (_, actor) = activity_json(&app, "/u/ana").await;
    assert!(actor.get("icon").is_none_or(Value::is_null), "{actor}");

    // Followers get an Update of the actor without the icon.
    drain(&app).await;
    let updates: Vec<Value> =
        sink.accepted().into_iter().skip(seen).filter(|body| body["type"] == "Update").collect();
    let last = updates.last().expect("an Update was delivered");
    assert_eq!(last["object"]["id"], actor["id"]);
    assert!(last["object"].get("icon").is_none_or(Value::is_null), "{last}");
    assert_eq!(last["object"]["image"]["url"], header.as_str());

    // Then the header; removing what is gone already answers the account as it is.
    let removed = delete_image(&app, &api.token, "header").await;
    assert_eq!(removed.status(), StatusCode::OK);
    let account: Value = removed.json().await.unwrap();
    assert!(account["header"].as_str().unwrap().ends_with("/api/allmende/header.png"), "{account}");
    assert_eq!(app.get(&local_path(&app, &header)).await.status(), StatusCode::NOT_FOUND);
    drain(&app).await;
    let seen = sink.accepted().len();
    let again = delete_image(&app, &api.token, "header").await;
    assert_eq!(again.status(), StatusCode::OK);
    drain(&app).await;
    assert_eq!(sink.accepted().len(), seen, "nothing changed, nothing is sent");
}

/// A multipart web form with the browser's CSRF token.
async fn web_form(app: &TestApp) -> Form {
    Form::new().text("csrf_token", app.csrf_token().await)
}

pub async fn a_member_sets_an_avatar_on_the_settings_page(app: TestApp) {
    let ana = app.signed_in_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("group");
    let (status, page) = app.get_html("/settings/profile").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("enctype=\"multipart/form-data\""), "{page}");
    assert!(page.contains("<label for=\"avatar\">"), "the file input is labelled");

    // Without the CSRF token nothing is stored.
    let forged = Form::new().part("avatar", file_part(png(500, 500), "me.png", "image/png"));
    let refused =
        app.client.post(app.url("/settings/profile/images")).multipart(forged).send().await.unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let form =
        Form::new().text("csrf_token", "wrong").part("avatar", file_part(png(50, 50), "a.png", "image/png"));
    let refused = app.client.post(app.url("/settings/profile/images")).multipart(form).send().await.unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN, "a wrong token");

    let form = web_form(&app)
        .await
        .part("avatar", file_part(png(1200, 800), "me.png", "image/png"))
        .part("header", Part::bytes(Vec::new()).file_name(""));
    let response = app.client.post(app.url("/settings/profile/images")).multipart(form).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/settings/profile?saved=1");

    let (_, settings) = app.get_html("/settings/profile").await;
    let src_start = settings.find("class=\"profile-avatar\" src=\"").expect("the current avatar is shown")
        + "class=\"profile-avatar\" src=\"".len();
    let src = &settings[src_start..src_start + settings[src_start..].find('"').unwrap()];
    assert!(src.starts_with("/media/") && src.ends_with(".png"), "{src}");
    let image = image::load_from_memory(&app.get(src).await.bytes().await.unwrap()).expect("image");
    assert_eq!((image.width(), image.height()), (400, 400));
    assert!(!settings.contains("class=\"profile-header\""), "an empty header field keeps no header");

    // Shown on the profile and next to the member's posts.
    let (_, profile) = app.get_html("/u/ana").await;
    assert!(profile.contains(&format!("src=\"{src}\"")), "{profile}");
    let thread = allmende::service::threads::create_thread(
        &app.ctx,
        &ana,
        "energy",
        allmende::service::threads::NewThread {
            title: "Heat".into(),
            body: "Pumps".into(),
            ..Default::default()
        },
    )
    .await
    .expect("thread");
    let (_, thread_page) = app.get_html(&format!("/t/{}", thread.0)).await;
    assert!(thread_page.contains(&format!("<img class=\"avatar\" src=\"{src}\"")), "{thread_page}");

    // Not an image: the form comes back with the error on the avatar field.
    let form = web_form(&app).await.part("avatar", file_part(b"GIF89a nope".to_vec(), "x.gif", "image/gif"));
    let bad = app.client.post(app.url("/settings/profile/images")).multipart(form).send().await.unwrap();
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().await.unwrap().contains("id=\"avatar-error\""));

    // "Remove" takes it away.
    let form = web_form(&app).await.text("remove_avatar", "1");
    let removed = app.client.post(app.url("/settings/profile/images")).multipart(form).send().await.unwrap();
    assert_eq!(removed.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.get(src).await.status(), StatusCode::NOT_FOUND);
    let (_, profile) = app.get_html("/u/ana").await;
    assert!(!profile.contains("profile-avatar"));
}

pub async fn the_web_composer_posts_images_with_alt_text(app: TestApp) {
    let ana = app.signed_in_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("group");
    let (_, new_page) = app.get_html("/g/energy/threads/new").await;
    assert!(new_page.contains("enctype=\"multipart/form-data\""));
    assert!(new_page.contains("<label for=\"alt_1\">"), "alt text fields are labelled");

    let form = web_form(&app)
        .await
        .text("title", "Our roof")
        .text("body", "Panels are up.")
        .part("image_1", file_part(png(800, 600), "roof.png", "image/png"))
        .text("alt_1", "Twelve solar panels on the school roof")
        .part("image_2", Part::bytes(Vec::new()).file_name(""))
        .text("alt_2", "");
    let response = app.client.post(app.url("/g/energy/threads")).multipart(form).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let thread_path = location(&response);
    let (_, page) = app.get_html(&thread_path).await;
    assert!(page.contains("alt=\"Twelve solar panels on the school roof\""), "{page}");
    let image_src = {
        let start = page.find("<a href=\"/media/").expect("the image links to its file") + "<a href=\"".len();
        page[start..start + page[start..].find('"').unwrap()].to_owned()
    };
    let stored = image::load_from_memory(&app.get(&image_src).await.bytes().await.unwrap()).expect("image");
    assert_eq!((stored.width(), stored.height()), (800, 600));

    // Federated as an attachment with its alt text, as the API path does.
    let (status, document) = activity_json(&app, &thread_path).await;
    assert_eq!(status, StatusCode::OK);
    let attachment = &document["attachment"][0];
    assert_eq!(attachment["name"], "Twelve solar panels on the school roof", "{document}");
    assert!(attachment["url"].as_str().unwrap().ends_with(&image_src), "{attachment}");

    // A reply with an image from the reply page; a plain URL-encoded reply still works.
    let opener_id = thread_path.trim_start_matches("/t/").to_owned();
    let form = web_form(&app)
        .await
        .text("body", "Close-up")
        .part("image_1", file_part(jpeg(640, 480), "close.jpg", "image/jpeg"))
        .text("alt_1", "One panel, close up");
    let reply =
        app.client.post(app.url(&format!("/p/{opener_id}/reply"))).multipart(form).send().await.unwrap();
    assert_eq!(reply.status(), StatusCode::SEE_OTHER);
    let plain = app.post_form(&format!("/p/{opener_id}/reply"), &[("body", "Nice!")]).await;
    assert_eq!(plain.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get_html(&thread_path).await;
    assert!(page.contains("alt=\"One panel, close up\""));
    assert!(page.contains("Nice!"));

    // A bad image names its field; nothing is posted.
    let form = web_form(&app)
        .await
        .text("title", "Broken")
        .text("body", "x")
        .part("image_1", file_part(b"not an image".to_vec(), "x.png", "image/png"));
    let bad = app.client.post(app.url("/g/energy/threads")).multipart(form).send().await.unwrap();
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().await.unwrap().contains("id=\"image_1-error\""));
}

pub async fn remote_avatars_are_stored_and_shown(app: TestApp) {
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let mut document = peer.document(&zoe).expect("document");
    document["icon"] =
        json!({"type": "Image", "mediaType": "image/png", "url": "https://cdn.example/zoe.png"});
    document["image"] = json!([{"type": "Image", "url": "https://cdn.example/small.jpg"},
                               {"type": "Image", "url": "https://cdn.example/banner.jpg"}]);
    peer.publish(&zoe, document);
    let url = zoe.parse().expect("url");
    let (id, _) = allmende::federation::resolve::actor_by_url(&app.state, &url).await.expect("resolved");
    let handle = format!("zoe@{}", peer.base_url.trim_start_matches("http://"));
    let (status, profile) = app.get_html(&format!("/u/{handle}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(profile.contains("src=\"https://cdn.example/zoe.png\""), "{profile}");
    assert!(profile.contains("src=\"https://cdn.example/banner.jpg\""), "the largest header");
    app.create_user("ana").await;
    let api = Api::for_user(&app, "ana").await;
    let account = api.get_json(&format!("/api/v1/accounts/{}", id.0)).await;
    assert_eq!(account["avatar"], "https://cdn.example/zoe.png");
    assert_eq!(account["header"], "https://cdn.example/banner.jpg");
}

pub async fn admins_see_peer_software_and_incoming_activity(app: TestApp) {
    with_group(&app).await;
    let mut peer = Peer::start().await;
    peer.publish(
        &peer.url("/.well-known/nodeinfo"),
        json!({"links": [{"rel": "http://nodeinfo.diaspora.software/ns/schema/2.0",
                          "href": peer.url("/nodeinfo/2.0")}]}),
    );
    peer.publish(
        &peer.url("/nodeinfo/2.0"),
        json!({"version": "2.0", "software": {"name": "mastodon", "version": "4.3.2"},
               "protocols": ["activitypub"], "usage": {"users": {}}, "openRegistrations": false}),
    );
    let zoe = peer.add_actor("zoe", "Person");
    for n in 1..=3 {
        let status = peer.deliver(&zoe, &app.url("/inbox"), &follow(&peer, &zoe, n)).await;
        assert_eq!(status, StatusCode::ACCEPTED);
    }
    accounts::create_account(
        &app.ctx,
        accounts::NewAccount { username: "rhea".into(), email: None, password: PASSWORD.into(), admin: true },
    )
    .await
    .expect("admin");
    app.sign_in("rhea").await;
    let host = peer.base_url.trim_start_matches("http://").to_owned();
    // NodeInfo is read in the background: wait for it.
    let mut entry = Value::Null;
    for _ in 0..100 {
        let body: Value = app.get("/admin/federation.json").await.json().await.expect("JSON");
        entry = body["peers"]
            .as_array()
            .expect("peers")
            .iter()
            .find(|p| p["host"] == host)
            .cloned()
            .expect("peer");
        if entry["software"].is_string() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(entry["software"], "mastodon", "{entry}");
    assert_eq!(entry["software_version"], "4.3.2");
    assert_eq!(entry["inbound_this_hour"], 3, "{entry}");
    assert_eq!(entry["inbound_last_day"], 3);
    let fetched_nodeinfo = peer.fetch_count();
    let (_, page) = app.get_html("/admin/federation").await;
    assert!(page.contains("mastodon 4.3.2"), "{page}");

    // Asked at most daily: more activities do not ask again, a day later does.
    peer.deliver(&zoe, &app.url("/inbox"), &follow(&peer, &zoe, 4)).await;
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert_eq!(peer.fetch_count(), fetched_nodeinfo, "no second NodeInfo fetch within a day");
    app.clock.advance_seconds(2 * 3600);
    let body: Value = app.get("/admin/federation.json").await.json().await.expect("JSON");
    let entry = body["peers"].as_array().unwrap().iter().find(|p| p["host"] == host).cloned().unwrap();
    assert_eq!(entry["inbound_this_hour"], 0, "a new hour");
    assert_eq!(entry["inbound_last_day"], 4);
}

pub async fn admins_change_roles_and_send_password_resets(app: TestApp) {
    let rhea = accounts::create_account(
        &app.ctx,
        accounts::NewAccount { username: "rhea".into(), email: None, password: PASSWORD.into(), admin: true },
    )
    .await
    .expect("admin");
    let bo = app.create_user("bo").await;
    app.sign_in("rhea").await;
    let (_, page) = app.get_html(&format!("/admin/accounts/{}", bo.id.0)).await;
    assert!(page.contains("value=\"make_admin\""), "{page}");
    let made =
        app.post_form(&format!("/admin/accounts/{}/action", bo.id.0), &[("action", "make_admin")]).await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get_html(&format!("/admin/accounts/{}", bo.id.0)).await;
    assert!(page.contains("value=\"make_member\""), "bo is an admin now");
    let back =
        app.post_form(&format!("/admin/accounts/{}/action", bo.id.0), &[("action", "make_member")]).await;
    assert_eq!(back.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get_html(&format!("/admin/accounts/{}", bo.id.0)).await;
    assert!(page.contains("value=\"make_admin\""));
    // Mail is not set up in tests: the reset is refused with a reason, not a server error.
    let reset =
        app.post_form(&format!("/admin/accounts/{}/action", bo.id.0), &[("action", "reset_password")]).await;
    assert_eq!(reset.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // An admin cannot take their own role; members cannot change roles at all.
    let own =
        app.post_form(&format!("/admin/accounts/{}/action", rhea.id.0), &[("action", "make_member")]).await;
    assert_eq!(own.status(), StatusCode::UNPROCESSABLE_ENTITY);
    app.sign_in("bo").await;
    let member =
        app.post_form(&format!("/admin/accounts/{}/action", bo.id.0), &[("action", "make_admin")]).await;
    assert_eq!(member.status(), StatusCode::FORBIDDEN);
}

on_both_backends!(
    an_app_sets_avatar_and_header_and_followers_get_the_update,
    an_app_removes_avatar_and_header,
    a_member_sets_an_avatar_on_the_settings_page,
    the_web_composer_posts_images_with_alt_text,
    remote_avatars_are_stored_and_shown,
    admins_see_peer_software_and_incoming_activity,
    admins_change_roles_and_send_password_resets,
);
