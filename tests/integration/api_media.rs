//! Images from Mastodon apps: upload, describe, attach to a status, see it in the API, on the web
//! page and in the ActivityPub document; images of remote posts; refusals that keep nothing.

use std::io::Cursor;

use image::{ImageFormat, Rgb, RgbImage, Rgba, RgbaImage};
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};

use crate::api_support::{Api, token_for};
use crate::common::{Backend, TestApp, count_rows};
use crate::groups::group;
use crate::on_both_backends;
use crate::peer::Peer;

const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

pub(crate) fn png(width: u32, height: u32) -> Vec<u8> {
    let image = RgbaImage::from_fn(width, height, |x, y| Rgba([(x % 256) as u8, (y % 256) as u8, 90, 255]));
    let mut out = Cursor::new(Vec::new());
    image.write_to(&mut out, ImageFormat::Png).expect("png");
    out.into_inner()
}

/// An image of noise, which no compression makes small.
fn noise_png(width: u32, height: u32) -> Vec<u8> {
    let mut state = 0x2545_f491_u32;
    let image = RgbaImage::from_fn(width, height, |_, _| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let [a, b, c, _] = state.to_le_bytes();
        Rgba([a, b, c, 255])
    });
    let mut out = Cursor::new(Vec::new());
    image.write_to(&mut out, ImageFormat::Png).expect("png");
    out.into_inner()
}

/// A JPEG carrying an APP1 (EXIF) segment with a GPS-like secret, as phone cameras write them.
fn jpeg_with_location() -> Vec<u8> {
    let image = RgbImage::from_pixel(120, 80, Rgb([30, 140, 200]));
    let mut out = Cursor::new(Vec::new());
    image.write_to(&mut out, ImageFormat::Jpeg).expect("jpeg");
    let plain = out.into_inner();
    let payload = b"Exif\0\0GPSLatitude 54.32 secret-location";
    let mut segment = vec![0xFF, 0xE1];
    segment.extend_from_slice(&u16::try_from(payload.len() + 2).expect("short").to_be_bytes());
    segment.extend_from_slice(payload);
    [&plain[..2], &segment[..], &plain[2..]].concat()
}

pub(crate) async fn upload(
    api: &Api<'_>,
    bytes: Vec<u8>,
    file_name: &str,
    mime: &str,
    description: &str,
) -> reqwest::Response {
    let part = Part::bytes(bytes).file_name(file_name.to_owned()).mime_str(mime).expect("mime");
    let form = Form::new().part("file", part).text("description", description.to_owned());
    api.app
        .client
        .post(api.app.url("/api/v2/media"))
        .bearer_auth(&api.token)
        .multipart(form)
        .send()
        .await
        .expect("upload")
}

async fn with_energy_group(app: &TestApp) -> Api<'_> {
    let ana = app.create_user("ana").await;
    allmende::service::groups::create_group(&app.ctx, ana.id, group("energy", "discussion"))
        .await
        .expect("group");
    Api::for_user(app, "ana").await
}

/// The path of one of our own URLs (`http://localhost/media/1.png` → `/media/1.png`).
pub(crate) fn local_path(app: &TestApp, url: &str) -> String {
    let base = app.state.uris.base();
    url.strip_prefix(base).unwrap_or_else(|| panic!("{url} is not under {base}")).to_owned()
}

pub async fn an_app_uploads_an_image_and_posts_it(app: TestApp) {
    let api = with_energy_group(&app).await;
    let response =
        upload(&api, png(800, 600), "roof.png", "image/png", "Solar panels on the school roof").await;
    assert_eq!(response.status(), StatusCode::OK);
    let media: Value = response.json().await.unwrap();
    let media_id = media["id"].as_str().expect("id").to_owned();
    assert_eq!(media["type"], "image");
    assert_eq!(media["description"], "Solar panels on the school roof");
    assert_eq!(media["meta"]["original"]["width"], 800);
    assert_eq!(media["meta"]["original"]["height"], 600);
    assert_eq!(media["meta"]["small"]["width"], 640);
    assert!(media["blurhash"].as_str().is_some_and(|hash| hash.len() > 5));
    let url = media["url"].as_str().unwrap().to_owned();
    let preview_url = media["preview_url"].as_str().unwrap().to_owned();
    // The file is named at random, not after the upload's id.
    let stem = url.rsplit('/').next().and_then(|name| name.strip_suffix(".png")).expect("png").to_owned();
    assert!(stem.len() == 32 && stem != media_id, "{url}");
    assert!(preview_url.ends_with(&format!("/media/{stem}-small.png")), "{preview_url}");

    // The stored file is a real image, served as such (to its uploader until a post uses it)
    // and never as a page.
    let uploader_gets = |path: String| app.client.get(app.url(&path)).bearer_auth(&api.token).send();
    let file = uploader_gets(local_path(&app, &url)).await.unwrap();
    assert_eq!(file.status(), StatusCode::OK);
    assert_eq!(file.headers()["content-type"], "image/png");
    assert!(file.headers()["content-security-policy"].to_str().unwrap().contains("sandbox"));
    let stored = image::load_from_memory(&file.bytes().await.unwrap()).expect("decodes");
    assert_eq!((stored.width(), stored.height()), (800, 600));
    let preview = image::load_from_memory(
        &uploader_gets(local_path(&app, &preview_url)).await.unwrap().bytes().await.unwrap(),
    )
    .expect("preview decodes");
    assert_eq!((preview.width(), preview.height()), (640, 480));

    // Alt text and focal point can still change.
    let shown = api.get_json(&format!("/api/v1/media/{media_id}")).await;
    assert_eq!(shown["id"], media_id.as_str());
    let updated = app
        .client
        .put(app.url(&format!("/api/v1/media/{media_id}")))
        .bearer_auth(&api.token)
        .form(&[("description", "Twelve panels on the gym roof"), ("focus", "0.5,-0.25")])
        .send()
        .await
        .unwrap();
    assert_eq!(updated.status(), StatusCode::OK);
    let updated: Value = updated.json().await.unwrap();
    assert_eq!(updated["description"], "Twelve panels on the gym roof");
    assert_eq!(updated["meta"]["focus"]["x"], 0.5);

    // Posted with the status (Rails-style `media_ids[]`), it is part of it everywhere.
    let status = api
        .post_form(
            "/api/v1/statuses",
            &[
                ("status", "@energy Solar on the gym\nTwelve panels went up today."),
                ("media_ids[]", &media_id),
            ],
        )
        .await;
    assert_eq!(status.status(), StatusCode::OK);
    let status: Value = status.json().await.unwrap();
    let status_id = status["id"].as_str().unwrap().to_owned();
    assert_eq!(status["media_attachments"][0]["id"], media_id.as_str());
    assert_eq!(status["media_attachments"][0]["description"], "Twelve panels on the gym roof");
    let plain = api.post_form("/api/v1/statuses", &[("status", "@energy No picture here")]).await;
    assert_eq!(plain.status(), StatusCode::OK);

    let only_media = api.get_json("/api/v1/timelines/public?only_media=true").await;
    let ids: Vec<&str> = only_media.as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids, vec![status_id.as_str()]);
    assert_eq!(api.get_json("/api/v1/timelines/public").await.as_array().unwrap().len(), 2);
    let account = api.get_json("/api/v1/accounts/verify_credentials").await;
    let own = api
        .get_json(&format!("/api/v1/accounts/{}/statuses?only_media=true", account["id"].as_str().unwrap()))
        .await;
    assert_eq!(own.as_array().unwrap().len(), 1);
    let home = api.get_json("/api/v1/timelines/home").await;
    let with_image =
        home.as_array().unwrap().iter().find(|s| s["id"] == status_id.as_str()).expect("in home");
    assert_eq!(with_image["media_attachments"].as_array().unwrap().len(), 1);

    // The web page shows the preview with its alt text, linked to the full image.
    let (_, page) = app.get_html(&format!("/t/{status_id}")).await;
    assert!(page.contains(&format!(r#"<a href="/media/{stem}.png" class="attachment">"#)), "{page}");
    assert!(page.contains(&format!(r#"src="/media/{stem}-small.png" alt="Twelve panels on the gym roof""#)));
    assert_eq!(app.get(&format!("/media/{stem}.png")).await.status(), StatusCode::OK, "public once posted");

    // Its ActivityPub document carries it as a Document, as Mastodon sends media.
    let document: Value = app
        .client
        .get(app.url(&format!("/t/{status_id}")))
        .header("accept", "application/activity+json")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let attachment = &document["attachment"][0];
    assert_eq!(attachment["type"], "Document");
    assert_eq!(attachment["mediaType"], "image/png");
    assert_eq!(attachment["url"], format!("http://localhost/media/{stem}.png"));
    assert_eq!(attachment["name"], "Twelve panels on the gym roof");
    assert_eq!(attachment["width"], 800);
    assert!(attachment["blurhash"].is_string());

    // An upload serves one post.
    let again =
        api.post_form("/api/v1/statuses", &[("status", "@energy Again"), ("media_ids[]", &media_id)]).await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(count_rows(&app, "posts").await, 2, "the refused status was not kept");

    // Deleting the status removes the image with it.
    let deleted = app
        .client
        .delete(app.url(&format!("/api/v1/statuses/{status_id}")))
        .bearer_auth(&api.token)
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status(), StatusCode::OK);
    assert_eq!(app.get(&local_path(&app, &url)).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(count_rows(&app, "media_attachments").await, 0);
}

pub async fn uploads_belong_to_their_owner(app: TestApp) {
    let ana = with_energy_group(&app).await;
    app.create_user("bob").await;
    let bob = Api::for_user(&app, "bob").await;
    let media: Value = upload(&ana, png(40, 40), "a.png", "image/png", "").await.json().await.unwrap();
    let id = media["id"].as_str().unwrap();
    assert!(media["description"].is_null(), "no alt text is null, as in Mastodon");
    assert_eq!(bob.get(&format!("/api/v1/media/{id}")).await.status(), StatusCode::NOT_FOUND);
    let stolen =
        bob.post_form("/api/v1/statuses", &[("status", "@energy Mine now"), ("media_ids[]", id)]).await;
    assert_eq!(stolen.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = stolen.json().await.unwrap();
    assert!(body["error"].as_str().unwrap().contains("media_ids"), "{body}");
    assert_eq!(count_rows(&app, "posts").await, 0);
    // Five images are one too many for a post.
    let mut ids = Vec::new();
    for n in 0..5 {
        let media: Value =
            upload(&ana, png(20 + n, 20), "x.png", "image/png", "").await.json().await.unwrap();
        ids.push(media["id"].as_str().unwrap().to_owned());
    }
    let mut fields = vec![("status", "@energy Five".to_owned())];
    fields.extend(ids.iter().map(|id| ("media_ids[]", id.clone())));
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let too_many = ana.post_form("/api/v1/statuses", &fields).await;
    assert_eq!(too_many.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(count_rows(&app, "posts").await, 0);
}

pub async fn bad_uploads_are_refused_and_nothing_is_kept(app: TestApp) {
    let api = with_energy_group(&app).await;
    let text = upload(&api, b"just some words".to_vec(), "notes.png", "image/png", "").await;
    assert_eq!(text.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = text.json().await.unwrap();
    assert!(body["error"].as_str().unwrap().contains("file"), "{body}");
    let mut broken = png(64, 64);
    broken.truncate(100);
    assert_eq!(
        upload(&api, broken, "cut.png", "image/png", "").await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let long_alt = "a".repeat(1501);
    assert_eq!(
        upload(&api, png(10, 10), "a.png", "image/png", &long_alt).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let not_multipart = api.post_json("/api/v2/media", json!({"file": "aGVsbG8="})).await;
    assert_eq!(not_multipart.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let no_file = api
        .app
        .client
        .post(app.url("/api/v2/media"))
        .bearer_auth(&api.token)
        .multipart(Form::new().text("description", "where is it"))
        .send()
        .await
        .unwrap();
    assert_eq!(no_file.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // Scopes: reading is not writing media; no token is no upload.
    let reader = Api { app: &app, token: token_for(&app, "ana", "read").await };
    assert_eq!(upload(&reader, png(10, 10), "a.png", "image/png", "").await.status(), StatusCode::FORBIDDEN);
    let anonymous = Api { app: &app, token: "made-up".into() };
    assert_eq!(
        upload(&anonymous, png(10, 10), "a.png", "image/png", "").await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(count_rows(&app, "media_attachments").await, 0);

    // A photo's location does not survive the upload.
    let photo: Value =
        upload(&api, jpeg_with_location(), "photo.jpg", "image/jpeg", "").await.json().await.unwrap();
    assert!(photo["url"].as_str().unwrap().ends_with(".jpg"));
    let bytes = app
        .client
        .get(app.url(&local_path(&app, photo["url"].as_str().unwrap())))
        .bearer_auth(&api.token)
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert!(image::load_from_memory(&bytes).is_ok());
    assert!(!bytes.windows(15).any(|w| w == b"secret-location"), "EXIF must be stripped");
    // Paths that are not our file names name nothing.
    for path in ["/media/..%2Fallmende.sqlite", "/media/1.svg", "/media/notes.txt"] {
        assert_eq!(app.get(path).await.status(), StatusCode::NOT_FOUND, "{path}");
    }
}

pub async fn images_of_remote_posts_are_shown(app: TestApp) {
    let ana = app.create_user("ana").await;
    allmende::service::groups::create_group(&app.ctx, ana.id, group("energy", "discussion"))
        .await
        .expect("group");
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    // A Mastodon status with a Document attachment (the shape of the fixture from floss.social).
    let note = json!({
        "id": peer.url("/statuses/1"), "type": "Note", "attributedTo": zoe,
        "content": "<p>@energy Heat pump install day</p>", "to": [PUBLIC], "cc": ["http://localhost/g/energy"],
        "tag": [{"type": "Mention", "href": "http://localhost/g/energy", "name": "@energy@localhost"}],
        "attachment": [
            {"type": "Document", "mediaType": "image/jpeg", "url": "https://files.example/heat-pump.jpg",
             "name": "A heat pump in a garden", "blurhash": "UBL_:rOpGG-oBUNG,qRj2so|=eE1w^n4S5NH",
             "focalPoint": [0.0, 0.0], "width": 1200, "height": 900},
            {"type": "Document", "mediaType": "video/mp4", "url": "https://files.example/clip.mp4"},
            {"type": "Document", "mediaType": "image/png", "url": "javascript:alert(1)"}
        ],
        "published": "2026-01-02T03:04:05Z"});
    let create = json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url("/activities/1"),
        "type": "Create", "actor": zoe, "to": [PUBLIC], "object": note});
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &create).await, StatusCode::ACCEPTED);
    assert_eq!(count_rows(&app, "media_attachments").await, 1, "only the image with a web address");

    let api = Api::for_user(&app, "ana").await;
    let public = api.get_json("/api/v1/timelines/public?only_media=1").await;
    let media = &public[0]["media_attachments"][0];
    assert_eq!(media["type"], "image");
    assert_eq!(media["url"], "https://files.example/heat-pump.jpg");
    assert_eq!(media["remote_url"], "https://files.example/heat-pump.jpg");
    assert_eq!(media["description"], "A heat pump in a garden");
    assert_eq!(media["meta"]["original"]["width"], 1200);
    let thread = public[0]["id"].as_str().unwrap();
    let (_, page) = app.get_html(&format!("/t/{thread}")).await;
    assert!(
        page.contains(r#"src="https://files.example/heat-pump.jpg" alt="A heat pump in a garden""#),
        "{page}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn uploads_over_the_limit_get_413() {
    let app = TestApp::spawn_configured(Backend::Sqlite, |config| config.limits.media_bytes = 20_000)
        .await
        .expect("sqlite app");
    let api = with_energy_group(&app).await;
    let big = noise_png(400, 400);
    assert!(big.len() > 200_000, "a large enough image: {}", big.len());
    let part = Part::bytes(big).file_name("big.png").mime_str("image/png").expect("mime");
    let sent = app
        .client
        .post(app.url("/api/v2/media"))
        .bearer_auth(&api.token)
        .multipart(Form::new().part("file", part))
        .send()
        .await;
    match sent {
        Ok(response) => {
            assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
            let body: Value = response.json().await.unwrap();
            assert!(body["error"].is_string());
        }
        // The server may answer 413 and close before the client has written the whole body; the
        // client then sees the connection end instead. Either way the upload was refused.
        Err(error) => assert!(error.is_request(), "{error}"),
    }
    assert_eq!(count_rows(&app, "media_attachments").await, 0);
    // Other requests keep the general limit: the media limit is for uploads only.
    let small = upload(&api, png(10, 10), "small.png", "image/png", "").await;
    assert_eq!(small.status(), StatusCode::OK);
}

/// An upload that no post uses within a day is removed, file and all; used ones stay.
pub async fn unattached_uploads_are_removed_after_a_day(app: TestApp) {
    let api = with_energy_group(&app).await;
    let used: Value = upload(&api, png(30, 30), "used.png", "image/png", "").await.json().await.unwrap();
    let unused: Value = upload(&api, png(31, 30), "unused.png", "image/png", "").await.json().await.unwrap();
    let posted = api
        .post_form(
            "/api/v1/statuses",
            &[("status", "@energy Roof"), ("media_ids[]", used["id"].as_str().unwrap())],
        )
        .await;
    assert_eq!(posted.status(), StatusCode::OK);
    // A photo without words is a post too (the member's own, as no group is mentioned).
    let photo: Value =
        upload(&api, png(32, 30), "photo.png", "image/png", "Sunset").await.json().await.unwrap();
    let photo_only =
        api.post_form("/api/v1/statuses", &[("media_ids[]", photo["id"].as_str().unwrap())]).await;
    assert_eq!(photo_only.status(), StatusCode::OK);
    let photo_only: Value = photo_only.json().await.unwrap();
    assert_eq!(photo_only["media_attachments"].as_array().map(Vec::len), Some(1), "{photo_only}");
    assert_eq!(photo_only["content"], "", "no words");
    let blank = api.post_form("/api/v1/statuses", &[("status", " ")]).await;
    assert_eq!(blank.status(), StatusCode::UNPROCESSABLE_ENTITY, "no words and no image");
    let remove = || allmende::service::media::remove_unattached_uploads(&app.ctx, 100);
    app.clock.advance_seconds(23 * 3600);
    assert_eq!(remove().await.expect("cleanup"), 0, "not yet a day old");
    app.clock.advance_seconds(2 * 3600);
    assert_eq!(remove().await.expect("cleanup"), 1);
    assert_eq!(count_rows(&app, "media_attachments").await, 2);
    let unused_file = local_path(&app, unused["url"].as_str().unwrap());
    assert_eq!(app.get(&unused_file).await.status(), StatusCode::NOT_FOUND, "the file is gone");
    assert_eq!(
        api.get(&format!("/api/v1/media/{}", unused["id"].as_str().unwrap())).await.status(),
        StatusCode::NOT_FOUND
    );
    let used_file = local_path(&app, used["url"].as_str().unwrap());
    assert_eq!(app.get(&used_file).await.status(), StatusCode::OK, "a posted image stays");
    assert_eq!(remove().await.expect("cleanup"), 0);
}

on_both_backends!(
    unattached_uploads_are_removed_after_a_day,
    an_app_uploads_an_image_and_posts_it,
    uploads_belong_to_their_owner,
    bad_uploads_are_refused_and_nothing_is_kept,
    images_of_remote_posts_are_shown,
);
