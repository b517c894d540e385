//! Climate goals over HTTP: setting goals (own and a project group's, with permissions and
//! field errors), progress updates that start a thread in a chosen group, the goal page with
//! its server-drawn SVG chart (parsed back with an independent XML reader) and data table in
//! the page's language, and the instance list with the share of the way for falling targets.

use allmende::domain::DomainEvent;
use allmende::service::groups;
use quick_xml::events::Event;
use reqwest::StatusCode;

use crate::common::{TestApp, count_rows, location};
use crate::groups::{domain_events, group};
use crate::on_both_backends;

/// An emission goal that falls from 1,000 to 400 t between 2020 and 2030.
const GOAL: &[(&str, &str)] = &[
    ("title", "Heat network emissions"),
    ("metric", "Emissions of the district heating"),
    ("unit", "t CO2e/year"),
    ("baseline_value", "1000"),
    ("baseline_year", "2020"),
    ("target_value", "400"),
    ("target_year", "2030"),
    ("scope_note", "Scope 1 and 2"),
];

async fn set_goal(app: &TestApp, extra: &[(&str, &str)]) -> reqwest::Response {
    let mut form: Vec<(&str, &str)> = GOAL.to_vec();
    form.retain(|(k, _)| !extra.iter().any(|(e, _)| e == k));
    form.extend_from_slice(extra);
    app.post_form("/goals", &form).await
}

fn goal_id(response: &reqwest::Response) -> String {
    location(response).trim_start_matches("/goals/").to_owned()
}

/// One SVG element: its name, its attributes, and the text inside up to the next element.
type SvgElement = (String, Vec<(String, String)>, String);

/// The elements of an SVG document, in document order.
fn svg_elements(svg: &str) -> Vec<SvgElement> {
    let mut reader = quick_xml::Reader::from_str(svg);
    let mut elements: Vec<SvgElement> = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) => {
                let name = e.name().as_ref().to_owned();
                let attributes = e
                    .attributes()
                    .map(|a| {
                        let a = a.expect("attribute");
                        // Our attributes hold numbers, names and classes: no escapes to resolve.
                        (a.key.as_ref().to_owned(), a.value.to_string())
                    })
                    .collect();
                elements.push((name, attributes, String::new()));
            }
            Event::Text(t) => {
                if let Some(last) = elements.last_mut() {
                    last.2.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if let Some(last) = elements.last_mut() {
                    last.2.push_str(match &*r {
                        "lt" => "<",
                        "gt" => ">",
                        "amp" => "&",
                        "quot" => "\"",
                        _ => "'",
                    });
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    elements
}

fn attr<'a>(element: &'a (String, Vec<(String, String)>, String), name: &str) -> &'a str {
    element.1.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).unwrap_or("")
}

pub async fn members_set_goals_and_report_progress_as_threads(app: TestApp) {
    assert_eq!(app.get("/goals/new").await.status(), StatusCode::SEE_OTHER, "sign-in first");
    let ana = app.signed_in_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("group");

    let bad = set_goal(
        &app,
        &[("baseline_value", "lots"), ("target_value", "1000"), ("target_year", "2019"), ("title", "")],
    )
    .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = bad.text().await.expect("body");
    for field in ["title", "baseline_value", "target_year"] {
        assert!(page.contains(&format!(r#"id="{field}-error""#)), "{field}: {page}");
    }
    assert!(page.contains("Please enter a number"), "translated error");
    assert!(page.contains(r#"value="Emissions of the district heating""#), "input kept");
    assert_eq!(count_rows(&app, "goals").await, 0);

    let created = set_goal(&app, &[]).await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let id = goal_id(&created);
    let (status, page) = app.get_html(&format!("/goals/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Heat network emissions") && page.contains("1,000 t CO2e/year (2020)"), "{page}");

    let before = count_rows(&app, "posts").await;
    let missing_group = app
        .post_form(
            &format!("/goals/{id}/progress"),
            &[("date", "2024-06-30"), ("value", "700"), ("note", "Heat pumps"), ("group", "nowhere")],
        )
        .await;
    assert_eq!(missing_group.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(missing_group.text().await.expect("body").contains(r#"id="group-error""#));
    let bad_date = app
        .post_form(
            &format!("/goals/{id}/progress"),
            &[("date", "30.06.2024"), ("value", "x"), ("note", ""), ("group", "energy")],
        )
        .await;
    assert_eq!(bad_date.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = bad_date.text().await.expect("body");
    assert!(
        page.contains(r#"id="date-error""#)
            && page.contains(r#"id="value-error""#)
            && page.contains(r#"id="note-error""#)
    );
    assert_eq!(count_rows(&app, "posts").await, before, "no thread for refused input");
    assert_eq!(count_rows(&app, "goal_updates").await, 0);

    for (date, value, note) in
        [("2022-12-31", "850,5", "New boiler"), ("2024-06-30", "700", "Heat pumps in 40 homes")]
    {
        let reported = app
            .post_form(
                &format!("/goals/{id}/progress"),
                &[("date", date), ("value", value), ("note", note), ("group", "energy")],
            )
            .await;
        assert_eq!(reported.status(), StatusCode::SEE_OTHER);
    }
    assert_eq!(count_rows(&app, "posts").await, before + 2, "each update is a thread");
    let events = domain_events(&app).await;
    assert_eq!(
        events.iter().filter(|e| matches!(e, DomainEvent::ThreadCreated { .. })).count(),
        2,
        "they federate"
    );

    let (_, group_page) = app.get_html("/g/energy").await;
    assert!(group_page.contains("Progress: Heat network emissions"), "the thread is in the group");
    let (_, page) = app.get_html(&format!("/goals/{id}")).await;
    assert!(page.contains("850.5 t CO2e/year") && page.contains("Heat pumps in 40 homes"));
    assert!(page.contains(r#"<time datetime="2024-06-30">30 June 2024</time>"#), "{page}");
    assert!(page.contains("50%"), "1000 → 700 of 1000 → 400 is half the way");
    assert!(page.contains(r#"href="/t/"#), "the update links its thread");
    assert!(page.contains("<svg") && page.contains("<table>"), "chart and data table");

    // The chart, read with an independent XML parser.
    let chart = app.get(&format!("/goals/{id}/chart.svg")).await;
    assert_eq!(
        chart.headers().get("content-type").and_then(|v| v.to_str().ok()),
        Some("image/svg+xml; charset=utf-8")
    );
    let svg = chart.text().await.expect("svg");
    let elements = svg_elements(&svg);
    assert_eq!(elements[0].0, "svg");
    assert_eq!(attr(&elements[0], "role"), "img");
    let title = elements.iter().find(|e| e.0 == "title").expect("a title");
    assert_eq!(title.2, "Progress of Heat network emissions");
    let desc = elements.iter().find(|e| e.0 == "desc").expect("a description");
    assert!(
        desc.2.contains("Baseline 2020: 1,000 t CO2e/year") && desc.2.contains("2 progress updates"),
        "{}",
        desc.2
    );
    let circles: Vec<_> = elements.iter().filter(|e| e.0 == "circle").collect();
    let of_class = |class: &str| circles.iter().filter(|c| attr(c, "class") == class).collect::<Vec<_>>();
    assert_eq!(of_class("progress").len(), 2);
    let cy = |c: &&&(String, Vec<(String, String)>, String)| attr(c, "cy").parse::<f64>().expect("cy");
    let cx = |c: &&&(String, Vec<(String, String)>, String)| attr(c, "cx").parse::<f64>().expect("cx");
    let (baseline, target) = (&of_class("baseline")[0], &of_class("target")[0]);
    let progress = of_class("progress");
    assert!(cy(target) > cy(baseline), "a falling target is drawn lower");
    assert!(cy(&progress[1]) > cy(&progress[0]) && cy(&progress[0]) > cy(baseline), "falling values go down");
    assert!(cx(baseline) < cx(&progress[0]) && cx(&progress[1]) < cx(target), "dates in order");
    let labels: Vec<&str> = elements.iter().filter(|e| e.0 == "text").map(|e| e.2.as_str()).collect();
    assert!(labels.contains(&"Target 2030: 400 t CO2e/year") && labels.contains(&"2030"), "{labels:?}");

    // In German: numbers and dates for the language.
    let visitor = app.new_browser();
    let german = visitor
        .client
        .get(app.url(&format!("/goals/{id}/chart.svg")))
        .header("accept-language", "de")
        .send()
        .await
        .expect("chart");
    let svg = german.text().await.expect("svg");
    assert!(svg.contains("Ausgangswert 2020: 1.000 t CO2e/year") && svg.contains("850,5"), "{svg}");

    // The instance list and the profile.
    let (_, list) = app.get_html("/goals").await;
    assert!(
        list.contains("Heat network emissions") && list.contains(r#"<progress max="100" value="50""#),
        "{list}"
    );
    let (_, profile) = app.get_html("/u/ana").await;
    assert!(profile.contains("Heat network emissions"), "goals show on the profile");
}

pub async fn project_goals_belong_to_owners_and_moderators(app: TestApp) {
    let ana = app.create_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("borken-solar", "project")).await.expect("project");
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("discussion");
    app.signed_in_user("bob").await;
    let refused = set_goal(&app, &[("group", "borken-solar")]).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN, "bob does not moderate the project");
    assert_eq!(count_rows(&app, "goals").await, 0);
    app.post_form("/logout", &[]).await;

    app.sign_in("ana").await;
    let discussion = set_goal(&app, &[("group", "energy")]).await;
    assert_eq!(discussion.status(), StatusCode::UNPROCESSABLE_ENTITY, "only project groups set goals");
    let created = set_goal(&app, &[("group", "borken-solar")]).await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let id = goal_id(&created);
    let (_, page) = app.get_html(&format!("/goals/{id}")).await;
    assert!(page.contains("Goal of the project") && page.contains(r#"href="/g/borken-solar""#));
    assert!(page.contains(r#"value="borken-solar""#), "updates go to the project by default");
    let (_, group_page) = app.get_html("/g/borken-solar").await;
    assert!(group_page.contains(r#"href="/goals?owner=borken-solar""#));
    let (_, list) = app.get_html("/goals?owner=borken-solar").await;
    assert!(list.contains("Heat network emissions"));
    app.post_form("/logout", &[]).await;

    app.sign_in("bob").await;
    let (_, page) = app.get_html(&format!("/goals/{id}")).await;
    assert!(!page.contains("Report progress"), "no form for others");
    let report = app
        .post_form(
            &format!("/goals/{id}/progress"),
            &[("date", "2024-01-01"), ("value", "900"), ("note", "x"), ("group", "energy")],
        )
        .await;
    assert_eq!(report.status(), StatusCode::FORBIDDEN);
    assert_eq!(count_rows(&app, "goal_updates").await, 0);
    assert_eq!(app.get("/goals/999999").await.status(), StatusCode::NOT_FOUND);
}

pub async fn owners_edit_and_delete_goals(app: TestApp) {
    let ana = app.signed_in_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("group");
    let id = goal_id(&set_goal(&app, &[]).await);
    let reported = app
        .post_form(
            &format!("/goals/{id}/progress"),
            &[("date", "2024-06-30"), ("value", "700"), ("note", "Heat pumps"), ("group", "energy")],
        )
        .await;
    assert_eq!(reported.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get_html(&format!("/goals/{id}")).await;
    assert!(page.contains(&format!(r#"href="/goals/{id}/edit""#)), "the owner may edit");

    let (status, form) = app.get_html(&format!("/goals/{id}/edit")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains(r#"value="Heat network emissions""#) && form.contains(r#"value="1000""#), "{form}");
    assert!(!form.contains(r#"name="group""#), "the owner stays");

    let mut changed: Vec<(&str, &str)> = GOAL.to_vec();
    changed.retain(|(k, _)| *k != "target_value" && *k != "title");
    changed.extend_from_slice(&[("title", ""), ("target_value", "300")]);
    let refused = app.post_form(&format!("/goals/{id}/edit"), &changed).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.expect("body").contains(r#"id="title-error""#));
    changed.retain(|(k, _)| *k != "title");
    changed.push(("title", "Heat network, scope 1-3"));
    let saved = app.post_form(&format!("/goals/{id}/edit"), &changed).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get_html(&format!("/goals/{id}")).await;
    assert!(page.contains("Heat network, scope 1-3") && page.contains("300 t CO2e/year (2030)"), "{page}");
    assert_eq!(count_rows(&app, "goal_updates").await, 1, "updates stay with the goal");
    app.post_form("/logout", &[]).await;

    // Someone else may neither edit nor delete it.
    app.signed_in_user("bob").await;
    assert_eq!(app.get(&format!("/goals/{id}/edit")).await.status(), StatusCode::FORBIDDEN);
    let (_, page) = app.get_html(&format!("/goals/{id}")).await;
    assert!(!page.contains(&format!(r#"href="/goals/{id}/edit""#)));
    assert_eq!(app.post_form(&format!("/goals/{id}/edit"), &changed).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.post_form(&format!("/goals/{id}/delete"), &[]).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(count_rows(&app, "goals").await, 1);
    app.post_form("/logout", &[]).await;

    app.sign_in("ana").await;
    let posts = count_rows(&app, "posts").await;
    let deleted = app.post_form(&format!("/goals/{id}/delete"), &[]).await;
    assert_eq!(deleted.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&deleted), "/goals");
    assert_eq!(count_rows(&app, "goals").await, 0);
    assert_eq!(count_rows(&app, "goal_updates").await, 0);
    assert_eq!(count_rows(&app, "posts").await, posts, "the progress thread stays");
    assert_eq!(app.get(&format!("/goals/{id}")).await.status(), StatusCode::NOT_FOUND);
}

on_both_backends!(
    members_set_goals_and_report_progress_as_threads,
    project_goals_belong_to_owners_and_moderators,
    owners_edit_and_delete_goals
);
