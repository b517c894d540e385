//! A moderator in a real (headless) Chromium removes a reply with a reason and bans its author:
//! the moderation forms end to end, with the browser's own cookies, CSRF fields and `<details>`;
//! every page the moderator sees is checked against WCAG 2.0/2.1 A and AA with axe-core.

use std::time::Duration;

use fantoccini::{Client, Locator};
use federation_tests::axe::{audit, visit};
use federation_tests::scenario::{PASSWORD, member, project_group, reply, start_thread};
use federation_tests::{ChromeDriver, Instance, InstanceOptions, WAIT_SECONDS};

const SPAM: &str = "Cheap watches, today only";
const REASON: &str = "Advertising";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_moderator_removes_a_reply_with_a_reason_and_bans_its_author_in_a_browser() {
    let Some(driver) = ChromeDriver::start_or_skip() else { return };
    let instance = Instance::start(InstanceOptions::sqlite());
    member(&instance, "bea", true).await;
    project_group(&instance, "energy", "Energy in Borken");
    let carl = member(&instance, "carl", false).await;
    let topic = start_thread(&carl, "/g/energy", "Heat pumps", "Experiences?").await;
    let spam = reply(&carl, &topic, SPAM).await;
    let scratch = tempfile::tempdir().expect("a temporary directory for the profile");
    let profile = scratch.path().join("chromium-profile");

    let (base_url, thread) = (instance.base_url(), topic.clone());
    driver.with_session(&profile, move |client| scenario(client, base_url, thread, spam)).await;

    // A signed-out visitor sees the reason; the modlog shows the removal and the ban.
    let visitor = instance.browserless();
    let page = visitor.get_ok(&topic_path(&topic)).await;
    assert!(page.contains(&format!("Removed by the moderators: {REASON}")), "{page}");
    assert!(!page.contains(SPAM), "{page}");
    let modlog = visitor.get_ok("/modlog").await;
    assert!(
        modlog.contains("Removal") && modlog.contains("@carl") && modlog.contains("Spamming"),
        "{modlog}"
    );
}

fn topic_path(path: &str) -> String {
    path.split('#').next().unwrap_or(path).to_owned()
}

async fn scenario(client: Client, base_url: String, topic: String, spam: String) {
    visit(&client, &format!("{base_url}/login")).await;
    fill(&client, "#username", "bea").await;
    fill(&client, "#password", PASSWORD).await;
    click(&client, r#"form[action="/login"] button[type="submit"]"#).await;
    wait_for(&client, r#"form[action="/logout"]"#).await;
    audit(&client).await;

    visit(&client, &format!("{base_url}{}", topic_path(&topic))).await;
    click(&client, &format!("#p{spam} details.moderation summary")).await;
    fill(&client, &format!("#reason-{spam}"), REASON).await;
    click(&client, &format!(r#"form[action="/p/{spam}/remove"] button"#)).await;
    let removed = wait_for(&client, "p.removed").await;
    audit(&client).await;
    let text = removed.text().await.expect("the notice's text");
    assert_eq!(text, format!("Removed by the moderators: {REASON}"));

    click(&client, r#"a[href="/g/energy/bans/new?actor=carl"]"#).await;
    let actor = wait_for(&client, "#actor").await;
    audit(&client).await;
    assert_eq!(actor.prop("value").await.expect("a value").as_deref(), Some("carl"), "the form names carl");
    fill(&client, "#reason", "Spamming the group").await;
    fill(&client, "#days", "7").await;
    click(&client, r#"form[action="/g/energy/bans"] button[type="submit"]"#).await;
    wait_for(&client, "ul.bans").await;
    audit(&client).await;
    let source = client.source().await.expect("the bans page");
    assert!(source.contains("@carl") && source.contains("Spamming the group"), "{source}");
}

async fn wait_for(client: &Client, css: &str) -> fantoccini::elements::Element {
    let limit = Duration::from_secs(WAIT_SECONDS);
    match client.wait().at_most(limit).for_element(Locator::Css(css)).await {
        Ok(element) => element,
        Err(error) => {
            let source = client.source().await.unwrap_or_default();
            panic!("{css} did not appear within {limit:?} ({error}):\n{source}")
        }
    }
}

async fn fill(client: &Client, css: &str, text: &str) {
    let field = wait_for(client, css).await;
    field.clear().await.unwrap_or_else(|e| panic!("{css} can be cleared: {e}"));
    field.send_keys(text).await.unwrap_or_else(|e| panic!("{css} takes text: {e}"));
}

async fn click(client: &Client, css: &str) {
    wait_for(client, css).await.click().await.unwrap_or_else(|e| panic!("{css} can be clicked: {e}"));
}
