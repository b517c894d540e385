//! Member profiles that represent organisations: the settings form (CSRF, field errors, nothing
//! stored on refusal), the profile page, the actor as an ActivityPub `Organization` with profile
//! fields and our extension, Mastodon account fields, and remote `Organization` actors.

use allmende::federation::protocol::{ActorJson, ActorKind};
use reqwest::StatusCode;
use serde_json::Value;

use crate::common::{TestApp, count_rows, location};
use crate::on_both_backends;

fn profile_form<'a>(org: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![("display_name", "Stadtwerke"), ("bio", "Heat and power"), ("language", "en")];
    form.extend_from_slice(org);
    form
}

async fn actor_document(app: &TestApp, path: &str) -> Value {
    let response = app
        .client
        .get(app.url(path))
        .header("accept", "application/activity+json")
        .send()
        .await
        .expect("response");
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.expect("json")
}

pub async fn a_profile_can_represent_an_organisation(app: TestApp) {
    app.signed_in_user("sw").await;
    let (_, form) = app.get_html("/settings/profile").await;
    assert!(form.contains(r#"<option value="municipal-utility""#) && form.contains("Municipal utility"));

    let bad = app
        .post_form(
            "/settings/profile",
            &profile_form(&[
                ("org_type", "secret-society"),
                ("org_name", ""),
                ("org_location", "Borken"),
                ("org_website", "javascript:alert(1)"),
            ]),
        )
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = bad.text().await.expect("body");
    for field in ["org_type", "org_website"] {
        assert!(page.contains(&format!(r#"id="{field}-error""#)), "{field} error shown");
    }
    assert!(page.contains("Please enter a web address that starts with https:// or http://."));
    assert!(page.contains(r#"value="Borken""#), "input kept");
    assert_eq!(count_rows(&app, "organisations").await, 0, "nothing stored");

    let saved = app
        .post_form(
            "/settings/profile",
            &profile_form(&[
                ("org_type", "municipal-utility"),
                ("org_name", "Stadtwerke <Borken>"),
                ("org_location", "Borken"),
                ("org_website", "https://stadtwerke.example"),
            ]),
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&saved), "/settings/profile?saved=1");

    let (_, profile) = app.get_html("/u/sw").await;
    assert!(
        profile.contains("Municipal utility") && profile.contains("Stadtwerke &#60;Borken&#62;"),
        "{profile}"
    );
    assert!(profile.contains(r#"href="https://stadtwerke.example/""#));

    let actor = actor_document(&app, "/u/sw").await;
    assert_eq!(actor["type"], "Organization");
    let fields: Vec<(String, String)> = actor["attachment"]
        .as_array()
        .expect("fields")
        .iter()
        .map(|f| (f["name"].as_str().unwrap_or("").to_owned(), f["value"].as_str().unwrap_or("").to_owned()))
        .collect();
    assert!(fields.contains(&("Organisation type".into(), "Municipal utility".into())), "{fields:?}");
    assert!(fields.contains(&("Organisation".into(), "Stadtwerke &lt;Borken&gt;".into())));
    assert!(fields.iter().any(|(n, v)| n == "Website" && v.contains("href=\"https://stadtwerke.example/\"")));
    assert_eq!(actor["organisation"]["kind"], "municipal-utility");
    assert_eq!(actor["organisation"]["name"], "Stadtwerke <Borken>");
    assert!(actor["@context"].to_string().contains("urn:allmende:ns#"));
    let parsed: ActorJson = serde_json::from_value(actor).expect("our document parses with our reader");
    assert_eq!(parsed.kind, ActorKind::Organization);

    let account: Value = app.get("/api/v1/accounts/lookup?acct=sw").await.json().await.expect("json");
    let names: Vec<&str> =
        account["fields"].as_array().expect("fields").iter().filter_map(|f| f["name"].as_str()).collect();
    assert_eq!(names, ["Organisation type", "Organisation", "Location", "Website"]);

    // Back to a person: the actor is a Person again, without the fields.
    let person = app.post_form("/settings/profile", &profile_form(&[("org_type", "")])).await;
    assert_eq!(person.status(), StatusCode::SEE_OTHER);
    assert_eq!(count_rows(&app, "organisations").await, 0);
    let actor = actor_document(&app, "/u/sw").await;
    assert_eq!(actor["type"], "Person");
    assert!(actor.get("organisation").is_none());
}

pub async fn remote_organisations_are_accepted_like_people(app: TestApp) {
    // A real Friendica organisation account, as Friendica sends it.
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/friendica/objects/person_2.json");
    let friendica: ActorJson = serde_json::from_str(&std::fs::read_to_string(path).expect("fixture"))
        .expect("an Organization parses");
    assert_eq!(friendica.kind, ActorKind::Organization);
    allmende::federation::resolve::store_actor(&app.state, friendica).await.expect("stored like a person");

    // Another Allmende instance: the extension, with hostile text in it.
    let remote: ActorJson = serde_json::from_value(serde_json::json!({
        "@context": ["https://www.w3.org/ns/activitystreams", {"allmende": "urn:allmende:ns#"}],
        "id": "https://b.example/u/hjorring",
        "type": "Organization",
        "preferredUsername": "hjorring",
        "name": "Hjørring Kommune",
        "inbox": "https://b.example/u/hjorring/inbox",
        "publicKey": {"id": "https://b.example/u/hjorring#main-key", "owner": "https://b.example/u/hjorring",
                      "publicKeyPem": "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----"},
        "attachment": [{"type": "PropertyValue", "name": "Organisation type", "value": "Municipality"}],
        "organisation": {"kind": "municipality", "name": "Hjørring <script>x</script>", "location": "Hjørring",
                         "website": "javascript:alert(1)"}
    }))
    .expect("parses");
    allmende::federation::resolve::store_actor(&app.state, remote).await.expect("stored");
    let account: Value =
        app.get("/api/v1/accounts/lookup?acct=hjorring@b.example").await.json().await.expect("json");
    let fields = account["fields"].as_array().expect("fields");
    assert_eq!(fields[0]["value"], "Municipality");
    assert_eq!(fields[1]["value"], "Hjørring &lt;script&gt;x&lt;/script&gt;", "escaped for apps");
    assert!(fields.iter().all(|f| f["name"] != "Website"), "a javascript: website is dropped");
    let friendica: Value =
        app.get("/api/v1/accounts/lookup?acct=informapirata@poliverso.org").await.json().await.expect("json");
    assert_eq!(friendica["username"], "informapirata");
}

on_both_backends!(a_profile_can_represent_an_organisation, remote_organisations_are_accepted_like_people);
