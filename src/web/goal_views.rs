//! What the goal pages show: numbers, dates and percentages formatted for the page's language,
//! and the chart's data.

use super::i18n::Translator;
use super::i18n::format::decimal;
use super::svg_chart::{self, Chart, ChartPoint, year_start_millis};
use super::view::ActorLink;
use crate::domain::goal::progress_percent;
use crate::federation::uris;
use crate::service::goals::{GoalDetails, GoalSummary};

/// A goal in a list: where it started, where it wants to go, and how far it has come.
#[derive(Debug, Clone)]
pub struct GoalCardView {
    pub url: String,
    pub title: String,
    pub owner: ActorLink,
    pub owner_is_group: bool,
    pub metric: String,
    pub baseline: String,
    pub target: String,
    /// Empty without updates.
    pub latest: String,
    /// Rounded, may be below 0 or above 100.
    pub percent: i64,
    pub percent_label: String,
    /// For the bar: 0 to 100.
    pub bar: i64,
    pub has_updates: bool,
}

impl GoalCardView {
    pub fn new(goal: &GoalSummary, t: &Translator) -> Self {
        let g = &goal.goal;
        let percent = goal.percent.round() as i64;
        Self {
            url: uris::goal_path(goal.id),
            title: g.title.clone(),
            owner: if goal.owner_is_group {
                ActorLink::group(&goal.owner)
            } else {
                ActorLink::person(&goal.owner)
            },
            owner_is_group: goal.owner_is_group,
            metric: g.metric.clone(),
            baseline: amount_in_year(t, g.baseline_value, &g.unit, g.baseline_year),
            target: amount_in_year(t, g.target_value, &g.unit, g.target_year),
            latest: goal.latest_value.map(|v| format!("{} {}", t.decimal(v), g.unit)).unwrap_or_default(),
            percent,
            percent_label: t.arg("goals-percent", "percent", decimal(t.code(), goal.percent, 0)),
            bar: percent.clamp(0, 100),
            has_updates: goal.update_count > 0,
        }
    }
}

/// "12,400 t CO2e/year (2020)"; years are never digit-grouped.
fn amount_in_year(t: &Translator, value: f64, unit: &str, year: i32) -> String {
    t.args(
        "goals-amount-in-year",
        &[("amount", format!("{} {unit}", t.decimal(value)).into()), ("year", year.to_string().into())],
    )
}

/// A row of the data table under the chart.
#[derive(Debug, Clone)]
pub struct UpdateRowView {
    pub date: String,
    pub date_iso: String,
    pub value: String,
    pub percent: String,
    pub note: String,
    pub author: String,
    pub thread_url: String,
}

#[derive(Debug, Clone)]
pub struct GoalPageView {
    pub id: i64,
    pub card: GoalCardView,
    pub scope_note: String,
    pub unit: String,
    pub chart_svg: String,
    pub chart_url: String,
    pub updates: Vec<UpdateRowView>,
    pub can_report: bool,
}

impl GoalPageView {
    pub fn new(details: &GoalDetails, t: &Translator) -> Self {
        let goal = &details.summary.goal;
        let updates = details
            .updates
            .iter()
            .map(|u| UpdateRowView {
                date: t.date(u.date),
                date_iso: u.date.to_rfc3339().get(..10).unwrap_or_default().to_owned(),
                value: format!("{} {}", t.decimal(u.value), goal.unit),
                percent: t.arg(
                    "goals-percent",
                    "percent",
                    decimal(t.code(), progress_percent(goal.baseline_value, goal.target_value, u.value), 0),
                ),
                note: u.note.clone(),
                author: u.author.clone(),
                thread_url: u.thread.map(uris::thread_path).unwrap_or_default(),
            })
            .collect();
        Self {
            id: details.summary.id,
            card: GoalCardView::new(&details.summary, t),
            scope_note: goal.scope_note.clone(),
            unit: goal.unit.clone(),
            chart_svg: svg_chart::render(&chart_for(details, t)),
            chart_url: uris::goal_chart_path(details.summary.id),
            updates,
            can_report: details.viewer_can_report,
        }
    }
}

/// The chart of a goal in the page's language.
pub fn chart_for(details: &GoalDetails, t: &Translator) -> Chart {
    let goal = &details.summary.goal;
    let amount = |v: f64| format!("{} {}", t.decimal(v), goal.unit);
    let baseline_label = t.args(
        "goals-chart-baseline",
        &[("year", goal.baseline_year.to_string().into()), ("amount", amount(goal.baseline_value).into())],
    );
    let target_label = t.args(
        "goals-chart-target",
        &[("year", goal.target_year.to_string().into()), ("amount", amount(goal.target_value).into())],
    );
    let description = match details.updates.last() {
        Some(latest) => t.args(
            "goals-chart-desc",
            &[
                ("baseline", baseline_label.clone().into()),
                ("target", target_label.clone().into()),
                ("count", (details.updates.len() as i64).into()),
                ("date", t.date(latest.date).into()),
                ("amount", amount(latest.value).into()),
                (
                    "percent",
                    t.arg("goals-percent", "percent", decimal(t.code(), details.summary.percent, 0)).into(),
                ),
            ],
        ),
        None => t.args(
            "goals-chart-desc-empty",
            &[("baseline", baseline_label.clone().into()), ("target", target_label.clone().into())],
        ),
    };
    Chart {
        id: details.summary.id,
        title: t.arg("goals-chart-title", "goal", &goal.title),
        description,
        baseline: ChartPoint {
            at_millis: year_start_millis(goal.baseline_year),
            value: goal.baseline_value,
            label: baseline_label,
        },
        target: ChartPoint {
            at_millis: year_start_millis(goal.target_year),
            value: goal.target_value,
            label: target_label,
        },
        progress: details
            .updates
            .iter()
            .map(|u| ChartPoint {
                at_millis: u.date.millis(),
                value: u.value,
                label: format!("{}: {}", t.date(u.date), amount(u.value)),
            })
            .collect(),
        format_value: |language, value| decimal(language, value, 1),
        language: t.code(),
        unit: goal.unit.clone(),
    }
}
