//! A person in a real (headless) Chromium registers, founds a project group, starts a thread and
//! replies to it: the whole web UI end to end, with the browser's own cookie and form handling.
//! Another switches the interface language, as a visitor and as a member. Every page they see is
//! checked against WCAG 2.0/2.1 A and AA with axe-core (`federation_tests::axe`).

use std::path::PathBuf;
use std::time::Duration;

use fantoccini::{Client, Locator};
use federation_tests::axe::{audit, visit};
use federation_tests::{ChromeDriver, Instance, InstanceOptions, WAIT_SECONDS};

/// Copies screenshots here when set, e.g. to look at them after a CI run.
const SCREENSHOT_DIR_VAR: &str = "ALLMENDE_SCREENSHOT_DIR";

const THREAD_TITLE: &str = "Which roofs in Borken get panels first?";
const REPLY: &str = "The school gym: big flat roof, used all day.";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn person_registers_creates_a_project_group_and_discusses_in_a_browser() {
    let Some(driver) = ChromeDriver::start_or_skip() else { return };
    let instance = Instance::start(InstanceOptions::sqlite());
    let scratch = tempfile::tempdir().expect("a temporary directory for profile and screenshots");
    let profile = scratch.path().join("chromium-profile");
    let screenshot = scratch.path().join("thread.png");

    let (base_url, shot) = (instance.base_url(), screenshot.clone());
    driver.with_session(&profile, move |client| scenario(client, base_url, shot)).await;

    let png = std::fs::read(&screenshot).expect("the scenario saved a screenshot");
    assert!(png.starts_with(b"\x89PNG"), "the screenshot is a PNG");
    if let Some(dir) = std::env::var_os(SCREENSHOT_DIR_VAR).filter(|d| !d.is_empty()) {
        let dir = PathBuf::from(dir);
        std::fs::create_dir_all(&dir).expect("the screenshot directory can be created");
        std::fs::copy(&screenshot, dir.join("browser-thread.png")).expect("the screenshot can be copied");
    }
}

async fn scenario(client: Client, base_url: String, screenshot: PathBuf) {
    // Register; the form signs the new person in and leads home.
    visit(&client, &format!("{base_url}/register")).await;
    fill(&client, "#username", "lena").await;
    fill(&client, "#email", "lena@example.org").await;
    fill(&client, "#password", "sunny-roofs-2030").await;
    fill(&client, "#password_confirmation", "sunny-roofs-2030").await;
    click(&client, r#"form[action="/register"] button[type="submit"]"#).await;
    wait_for(&client, r#"form[action="/logout"]"#).await;
    audit(&client).await;
    let url = client.current_url().await.expect("a current URL");
    assert_eq!(url.path(), "/", "registration leads home");

    // Found a project group.
    visit(&client, &format!("{base_url}/groups/new")).await;
    click(&client, r#"input[name="kind"][value="project"]"#).await;
    fill(&client, "#name", "borken-solar").await;
    fill(&client, "#title", "Solar roofs for Borken").await;
    fill(&client, "#description", "Citizens putting **solar panels** on public roofs.").await;
    click(&client, r#"form[action="/groups"] button[type="submit"]"#).await;
    let start_thread = wait_for_locator(&client, Locator::LinkText("Start a thread")).await;
    audit(&client).await;
    assert_eq!(client.current_url().await.expect("a current URL").path(), "/g/borken-solar");
    let source = client.source().await.expect("the group page source");
    assert!(source.contains("Solar roofs for Borken"), "the group page shows its title");
    assert!(source.contains("<strong>solar panels</strong>"), "the description is rendered Markdown");

    // Start a thread from the group page.
    start_thread.click().await.expect("the link can be clicked");
    wait_for(&client, r#"form[action="/g/borken-solar/threads"]"#).await;
    audit(&client).await;
    fill(&client, "#title", THREAD_TITLE).await;
    fill(&client, "#body", "We have a list of *twelve* candidates.").await;
    click(&client, r#"form[action="/g/borken-solar/threads"] button[type="submit"]"#).await;
    wait_for(&client, r#"form[action$="/reply"] textarea#body"#).await;
    audit(&client).await;

    // Reply on the thread page.
    fill(&client, "#body", REPLY).await;
    click(&client, r#"form[action$="/reply"] button[type="submit"]"#).await;
    let reply = format!("//article[contains(@class, 'post')]//div[@class='content'][contains(., '{REPLY}')]");
    wait_for_locator(&client, Locator::XPath(&reply)).await;
    audit(&client).await;

    let heading = client.find(Locator::Css("h1")).await.expect("the thread has a heading");
    assert_eq!(heading.text().await.expect("the heading's text"), THREAD_TITLE);
    let source = client.source().await.expect("the thread page source");
    assert!(source.contains(REPLY), "the reply is on the page");
    assert!(source.contains("1 reply"), "the reply is counted");

    let png = client.screenshot().await.expect("Chromium takes a screenshot");
    std::fs::write(&screenshot, png).expect("the screenshot can be saved");
}

/// A visitor switches the interface to German with the footer's language menu, registers (and
/// keeps German), then changes their language to Polish in the profile settings: the same pages
/// speak another language each time, without any JavaScript.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn visitor_and_member_switch_the_interface_language_in_a_browser() {
    let Some(driver) = ChromeDriver::start_or_skip() else { return };
    let instance = Instance::start(InstanceOptions::sqlite());
    let scratch = tempfile::tempdir().expect("a temporary directory for profile and screenshots");
    let profile = scratch.path().join("chromium-profile");
    let screenshot = scratch.path().join("language.png");

    let (base_url, shot) = (instance.base_url(), screenshot.clone());
    driver.with_session(&profile, move |client| language_scenario(client, base_url, shot)).await;

    let png = std::fs::read(&screenshot).expect("the scenario saved a screenshot");
    assert!(png.starts_with(b"\x89PNG"), "the screenshot is a PNG");
    if let Some(dir) = std::env::var_os(SCREENSHOT_DIR_VAR).filter(|d| !d.is_empty()) {
        let dir = PathBuf::from(dir);
        std::fs::create_dir_all(&dir).expect("the screenshot directory can be created");
        std::fs::copy(&screenshot, dir.join("browser-language.png")).expect("the screenshot can be copied");
    }
}

async fn language_scenario(client: Client, base_url: String, screenshot: PathBuf) {
    // Headless Chromium asks for English; the page says so.
    visit(&client, &format!("{base_url}/groups")).await;
    wait_for(&client, r#"html[lang="en"]"#).await;
    assert_eq!(heading(&client).await, "Groups");

    // The footer's language menu switches this visitor to German and comes back to the page.
    click(&client, r#"form[action="/language"] button[value="de"]"#).await;
    wait_for(&client, r#"html[lang="de"]"#).await;
    audit(&client).await;
    assert_eq!(client.current_url().await.expect("a current URL").path(), "/groups");
    assert_eq!(heading(&client).await, "Gruppen");
    let source = client.source().await.expect("the directory's source");
    assert!(source.contains("Projektgruppen") && source.contains("Anmelden"), "German throughout");

    // Registering keeps the language the site was speaking.
    visit(&client, &format!("{base_url}/register")).await;
    assert_eq!(heading(&client).await, "Registrieren");
    fill(&client, "#username", "jonas").await;
    fill(&client, "#email", "jonas@example.org").await;
    fill(&client, "#password", "windige-tage-2030").await;
    fill(&client, "#password_confirmation", "windige-tage-2030").await;
    click(&client, r#"form[action="/register"] button[type="submit"]"#).await;
    wait_for(&client, r#"form[action="/logout"]"#).await;
    wait_for(&client, r#"html[lang="de"]"#).await;
    audit(&client).await;
    let sign_out = wait_for(&client, r#"form[action="/logout"] button"#).await;
    assert_eq!(sign_out.text().await.expect("the button's text"), "Abmelden");

    // A member changes their language in the settings.
    visit(&client, &format!("{base_url}/settings/profile")).await;
    assert_eq!(heading(&client).await, "Profil");
    let select = wait_for(&client, "select#language").await;
    select.select_by_value("pl").await.expect("Polish can be chosen");
    click(&client, r#"form[action="/settings/profile"] button[type="submit"]"#).await;
    wait_for(&client, r#"html[lang="pl"]"#).await;
    audit(&client).await;
    let notice = wait_for(&client, "p.notice").await;
    assert_eq!(notice.text().await.expect("the notice's text"), "Twój profil został zapisany.");
    visit(&client, &format!("{base_url}/groups")).await;
    assert_eq!(heading(&client).await, "Grupy");

    let png = client.screenshot().await.expect("Chromium takes a screenshot");
    std::fs::write(&screenshot, png).expect("the screenshot can be saved");
}

async fn heading(client: &Client) -> String {
    wait_for(client, "h1").await.text().await.expect("the heading's text")
}

async fn wait_for_locator<'a>(client: &Client, locator: Locator<'a>) -> fantoccini::elements::Element {
    let limit = Duration::from_secs(WAIT_SECONDS);
    match client.wait().at_most(limit).for_element(locator).await {
        Ok(element) => element,
        Err(error) => {
            let url = client.current_url().await.map(String::from).unwrap_or_default();
            let source = client.source().await.unwrap_or_default();
            panic!("{locator:?} did not appear within {limit:?} ({error}) on {url}:\n{source}")
        }
    }
}

async fn wait_for(client: &Client, css: &str) -> fantoccini::elements::Element {
    wait_for_locator(client, Locator::Css(css)).await
}

async fn fill(client: &Client, css: &str, text: &str) {
    let field = wait_for(client, css).await;
    field.clear().await.unwrap_or_else(|e| panic!("{css} can be cleared: {e}"));
    field.send_keys(text).await.unwrap_or_else(|e| panic!("{css} takes text: {e}"));
}

async fn click(client: &Client, css: &str) {
    wait_for(client, css).await.click().await.unwrap_or_else(|e| panic!("{css} can be clicked: {e}"));
}
