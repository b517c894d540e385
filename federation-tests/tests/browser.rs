//! A person in a real (headless) Chromium registers, founds a project group, starts a thread and
//! replies to it: the whole web UI end to end, with the browser's own cookie and form handling.

use std::path::PathBuf;
use std::time::Duration;

use fantoccini::{Client, Locator};
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
    client.goto(&format!("{base_url}/register")).await.expect("the register page opens");
    fill(&client, "#username", "lena").await;
    fill(&client, "#email", "lena@example.org").await;
    fill(&client, "#password", "sunny-roofs-2030").await;
    fill(&client, "#password_confirmation", "sunny-roofs-2030").await;
    click(&client, r#"form[action="/register"] button[type="submit"]"#).await;
    wait_for(&client, r#"form[action="/logout"]"#).await;
    let url = client.current_url().await.expect("a current URL");
    assert_eq!(url.path(), "/", "registration leads home");

    // Found a project group.
    client.goto(&format!("{base_url}/groups/new")).await.expect("the new group page opens");
    click(&client, r#"input[name="kind"][value="project"]"#).await;
    fill(&client, "#name", "borken-solar").await;
    fill(&client, "#title", "Solar roofs for Borken").await;
    fill(&client, "#description", "Citizens putting **solar panels** on public roofs.").await;
    click(&client, r#"form[action="/groups"] button[type="submit"]"#).await;
    let start_thread = wait_for_locator(&client, Locator::LinkText("Start a thread")).await;
    assert_eq!(client.current_url().await.expect("a current URL").path(), "/g/borken-solar");
    let source = client.source().await.expect("the group page source");
    assert!(source.contains("Solar roofs for Borken"), "the group page shows its title");
    assert!(source.contains("<strong>solar panels</strong>"), "the description is rendered Markdown");

    // Start a thread from the group page.
    start_thread.click().await.expect("the link can be clicked");
    wait_for(&client, r#"form[action="/g/borken-solar/threads"]"#).await;
    fill(&client, "#title", THREAD_TITLE).await;
    fill(&client, "#body", "We have a list of *twelve* candidates.").await;
    click(&client, r#"form[action="/g/borken-solar/threads"] button[type="submit"]"#).await;
    wait_for(&client, r#"form[action$="/reply"] textarea#body"#).await;

    // Reply on the thread page.
    fill(&client, "#body", REPLY).await;
    click(&client, r#"form[action$="/reply"] button[type="submit"]"#).await;
    let reply = format!("//article[contains(@class, 'post')]//div[@class='content'][contains(., '{REPLY}')]");
    wait_for_locator(&client, Locator::XPath(&reply)).await;

    let heading = client.find(Locator::Css("h1")).await.expect("the thread has a heading");
    assert_eq!(heading.text().await.expect("the heading's text"), THREAD_TITLE);
    let source = client.source().await.expect("the thread page source");
    assert!(source.contains(REPLY), "the reply is on the page");
    assert!(source.contains("1 reply"), "the reply is counted");

    let png = client.screenshot().await.expect("Chromium takes a screenshot");
    std::fs::write(&screenshot, png).expect("the screenshot can be saved");
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
