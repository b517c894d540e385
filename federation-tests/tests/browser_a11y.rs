//! The accessibility tour (issue 18): a real (headless) Chromium visits every kind of page the
//! web interface has, signed out, as a member who moderates a group and as an admin, and axe-core
//! checks each against WCAG 2.0/2.1 A and AA (`federation_tests::axe`). Any violation fails the
//! test with a list of rule, impact, elements and page: all pages' violations at the end, so one
//! run shows every one.
//!
//! The content comes first, through the forms and the client API: groups of both kinds, a thread
//! with replies, a poll and an image, an event, a tag, a report, a removal and a ban, so that the
//! pages show their lists and widgets rather than their empty states.

use std::time::Duration;

use fantoccini::{Client, Locator};
use federation_tests::axe;
use federation_tests::oauth::token_for;
use federation_tests::scenario::{
    PASSWORD, member, page_shows, post_id_containing, project_group, reply, start_thread,
};
use federation_tests::{ChromeDriver, Instance, InstanceOptions, WAIT_SECONDS};
use serde_json::json;

/// A 4×4 PNG, for the composer's image upload.
const PNG: [u8; 73] = [
    137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 4, 0, 0, 0, 4, 8, 2, 0, 0, 0, 38,
    147, 9, 41, 0, 0, 0, 16, 73, 68, 65, 84, 120, 156, 99, 208, 170, 183, 129, 35, 6, 226, 56, 0, 115, 67,
    14, 81, 213, 2, 216, 238, 0, 0, 0, 0, 73, 69, 78, 68, 174, 66, 96, 130,
];

/// What the tour needs to know about the content made before it.
#[derive(Clone, Debug)]
struct Content {
    base_url: String,
    topic: String,
    opener: String,
    answer: String,
    event: String,
    image: std::path::PathBuf,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_kind_of_page_passes_wcag_a_and_aa_signed_out_as_member_and_as_admin() {
    let Some(driver) = ChromeDriver::start_or_skip() else { return };
    let instance = Instance::start(InstanceOptions::sqlite());
    let scratch = tempfile::tempdir().expect("a temporary directory for the profile and the image");
    let image = scratch.path().join("beans.png");
    std::fs::write(&image, PNG).expect("the image can be written");
    let content = Content { image, ..make_content(&instance).await };

    let profile = scratch.path().join("chromium-profile");
    driver.with_session(&profile, move |client| tour(client, content)).await;
}

/// Groups, a thread with replies, a poll, an event, a report, a removal and a ban.
async fn make_content(instance: &Instance) -> Content {
    let ada = member(instance, "ada", true).await;
    project_group(instance, "energy", "Energy in Borken");
    let mia = member(instance, "mia", false).await;
    let carl = member(instance, "carl", false).await;

    // Mia founds a discussion group, so she moderates it.
    mia.submit_ok(
        "/groups/new",
        "/groups",
        &[
            ("kind", "discussion"),
            ("name", "garden"),
            ("title", "Community garden"),
            ("description", "Beds, compost and **seeds**."),
        ],
    )
    .await;
    let topic = start_thread(&mia, "/g/garden", "Seed swap in spring", "Bring #seeds and *stories*.").await;
    let opener = post_id_containing(&mia.get_ok(&topic).await, "stories")
        .unwrap_or_else(|| panic!("the opener of {topic} has an id"));
    let answer = reply(&ada, &topic, "I have runner bean seeds.").await;
    carl.get_ok(&topic).await;
    let spam = reply(&carl, &topic, "Cheap watches, today only").await;

    // A poll in the thread, from an app.
    let token = token_for(instance, "mia").await;
    let opener_number: i64 = opener.parse().unwrap_or_else(|e| panic!("post id {opener} is a number: {e}"));
    let poll = reqwest::Client::new()
        .post(instance.url("/api/v1/statuses"))
        .bearer_auth(&token)
        .json(&json!({
            "status": "Which day suits you?",
            "in_reply_to_id": opener_number,
            "poll": {"options": ["Saturday", "Sunday"], "expires_in": 86400},
        }))
        .send()
        .await
        .expect("the poll is posted");
    assert!(poll.status().is_success(), "the poll was refused: {}", poll.text().await.unwrap_or_default());
    page_shows(&mia, &topic, "Saturday").await;

    // A report of the opener, and a removal with a ban by the group's moderator.
    let report = format!("/p/{answer}/report");
    ada.submit(&report, &report, &[("category", "other"), ("comment", "Off topic, I think")]).await;
    mia.submit(&topic, &format!("/p/{spam}/remove"), &[("reason", "Advertising")]).await;
    mia.submit_ok(
        "/g/garden/bans/new?actor=carl",
        "/g/garden/bans",
        &[("actor", "carl"), ("reason", "Spamming the group"), ("days", "7")],
    )
    .await;

    // An event of the project group.
    let created = ada
        .submit_ok(
            "/g/energy/events/new",
            "/g/energy/events",
            &[
                ("title", "Network meeting"),
                ("description", "This is the **autumn** one."),
                ("starts_at", "2031-11-20T18:00"),
                ("ends_at", "2031-11-20T20:30"),
                ("time_zone", "Europe/Berlin"),
                ("address", "Rathaus, Markt 1, Borken"),
                ("capacity", "30"),
            ],
        )
        .await;
    let event = created.location.expect("the new event's page");

    Content { base_url: instance.base_url(), topic, opener, answer, event, image: std::path::PathBuf::new() }
}

async fn tour(client: Client, content: Content) {
    let found = Findings::default();
    walk(&client, content, &found).await;
    let reports = found.0.lock().expect("the findings").clone();
    assert!(reports.is_empty(), "{}", reports.join("\n"));
}

/// The violations of every page, so one run lists them all.
#[derive(Default)]
struct Findings(std::sync::Mutex<Vec<String>>);

impl Findings {
    /// Checks the page the browser shows (after every navigation).
    async fn audit(&self, client: &Client) {
        let Some(found) = axe::violations(client).await else { return };
        if !found.is_empty() {
            let url = client.current_url().await.map(String::from).unwrap_or_default();
            self.0.lock().expect("the findings").push(axe::report(&url, &found));
        }
    }
}

async fn walk(client: &Client, content: Content, found: &Findings) {
    let client = client.clone();
    let Content { base_url, topic, opener, answer, event, image } = content;
    let page = |path: &str| format!("{base_url}{path}");

    // Signed out.
    for path in [
        "/",
        "/feed",
        "/groups",
        "/projects",
        "/g/garden",
        "/g/energy",
        "/g/energy/events",
        &topic,
        &format!("/p/{answer}"),
        &format!("/p/{answer}/quotes"),
        &event,
        "/calendar",
        "/calendar/2031",
        "/search?q=seed",
        "/tags/seeds",
        "/u/mia",
        "/u/ada",
        "/about",
        "/modlog",
        "/g/garden/modlog",
        "/goals",
        "/register",
        "/password/forgot",
        "/login",
    ] {
        site_page(&client, &page(path), found).await;
    }
    // Pages that answer with an error: they are checked as well.
    for path in ["/password/reset?token=not-a-token", "/g/no-such-group"] {
        client.goto(&page(path)).await.unwrap_or_else(|e| panic!("{path} does not open: {e}"));
        found.audit(&client).await;
    }

    // Mia, a member who moderates the garden group.
    sign_in(&client, &base_url, "mia", found).await;
    for path in [
        "/",
        "/feed/home",
        "/notifications",
        "/settings/profile",
        "/settings/security",
        "/settings/moving",
        "/settings/account",
        "/settings/blocks",
        "/groups/new",
        "/calendar",
        &topic,
        &format!("/p/{answer}/reply"),
        &format!("/p/{answer}/quote"),
        &format!("/p/{answer}/report"),
        &format!("/p/{opener}/edit"),
        "/u/ada",
        "/u/ada/report",
        "/g/garden",
        "/g/garden/edit",
        "/g/garden/team",
        "/g/garden/requests",
        "/g/garden/moving",
        "/g/garden/bans",
        "/g/garden/bans/new?actor=ada",
        "/g/garden/modlog",
        "/g/garden/reports",
        "/goals/new",
    ] {
        site_page(&client, &page(path), found).await;
    }
    // The composer, with an image and its description.
    site_page(&client, &page("/g/garden/threads/new"), found).await;
    fill(&client, "#title", "Our first beans").await;
    fill(&client, "#body", "They came up after nine days.").await;
    let file = wait_for(&client, "#image_1").await;
    file.send_keys(&image.display().to_string()).await.expect("the file input takes the image's path");
    fill(&client, "#alt_1", "A tray of soil with green bean shoots").await;
    click(&client, r#"form[action="/g/garden/threads"] button[type="submit"]"#).await;
    wait_for(&client, r#"img[alt="A tray of soil with green bean shoots"]"#).await;
    found.audit(&client).await;
    sign_out(&client, found).await;

    // Ada, the admin.
    sign_in(&client, &base_url, "ada", found).await;
    for path in [
        "/admin",
        "/admin/federation",
        "/admin/accounts",
        "/admin/registrations",
        "/admin/invites",
        "/admin/reports",
        "/projects",
        "/g/energy/project",
        "/g/energy/network",
        "/g/energy/events/new",
        &format!("{event}/edit"),
    ] {
        site_page(&client, &page(path), found).await;
    }
    site_page(&client, &page("/admin/accounts"), found).await;
    let link = wait_for(&client, r#"table a[href^="/admin/accounts/"]"#).await;
    let account = link.attr("href").await.expect("the link's address").expect("an address");
    site_page(&client, &page(&account), found).await;
    sign_out(&client, found).await;
}

/// Visits a page of the site (not an error page) and checks it.
async fn site_page(client: &Client, url: &str, found: &Findings) {
    client.goto(url).await.unwrap_or_else(|e| panic!("{url} does not open: {e}"));
    found.audit(client).await;
    if client.find(Locator::Css("footer.site-footer")).await.is_err() {
        let source = client.source().await.unwrap_or_default();
        panic!("{url} is not a page of the site (an error?):\n{source}");
    }
}

async fn sign_in(client: &Client, base_url: &str, name: &str, found: &Findings) {
    site_page(client, &format!("{base_url}/login"), found).await;
    fill(client, "#username", name).await;
    fill(client, "#password", PASSWORD).await;
    click(client, r#"form[action="/login"] button[type="submit"]"#).await;
    wait_for(client, r#"form[action="/logout"]"#).await;
    found.audit(client).await;
}

async fn sign_out(client: &Client, found: &Findings) {
    click(client, r#"form[action="/logout"] button"#).await;
    wait_for(client, r#"a[href="/login"]"#).await;
    found.audit(client).await;
}

async fn wait_for(client: &Client, css: &str) -> fantoccini::elements::Element {
    let limit = Duration::from_secs(WAIT_SECONDS);
    match client.wait().at_most(limit).for_element(Locator::Css(css)).await {
        Ok(element) => element,
        Err(error) => {
            let url = client.current_url().await.map(String::from).unwrap_or_default();
            let source = client.source().await.unwrap_or_default();
            panic!("{css} did not appear within {limit:?} ({error}) on {url}:\n{source}")
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
