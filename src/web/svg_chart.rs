//! The progress chart of a climate goal, drawn on the server as SVG: readable without
//! JavaScript, with `<title>` and `<desc>` for screen readers (the goal page adds a data table).
//!
//! The x axis is time from the start of the baseline year to the start of the target year (or
//! the latest update, if later); the y axis spans every value shown. The dashed line is the
//! path from baseline to target, the solid line the reported progress.

use std::fmt::Write;

use crate::domain::html::escape_text;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 320.0;
const LEFT: f64 = 80.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 24.0;
const BOTTOM: f64 = 44.0;
const YEAR_MS: f64 = 365.25 * 24.0 * 3600.0 * 1000.0;

/// A point with its labels already in the page's language.
#[derive(Debug, Clone)]
pub struct ChartPoint {
    pub at_millis: i64,
    pub value: f64,
    /// What the point says to a screen reader and in its tooltip, e.g. "Baseline 2020: 12,400 t".
    pub label: String,
}

/// Everything the chart shows, translated and formatted by the caller.
#[derive(Debug, Clone)]
pub struct Chart {
    /// Makes element ids unique when several charts share a page.
    pub id: i64,
    pub title: String,
    pub description: String,
    pub baseline: ChartPoint,
    pub target: ChartPoint,
    pub progress: Vec<ChartPoint>,
    /// Labels of the y axis ticks, from a formatter for the page's language.
    pub format_value: fn(&str, f64) -> String,
    pub language: &'static str,
    /// Axis labels: years on x (plain, never digit-grouped), the unit on y.
    pub unit: String,
}

/// Millisecond time of 1 January of a year, UTC.
pub fn year_start_millis(year: i32) -> i64 {
    time::Date::from_calendar_date(year, time::Month::January, 1)
        .map(|d| d.midnight().assume_utc().unix_timestamp() * 1000)
        .unwrap_or_default()
}

pub fn render(chart: &Chart) -> String {
    let x0 = chart.baseline.at_millis as f64;
    let last = chart.progress.iter().map(|p| p.at_millis).max().unwrap_or(chart.target.at_millis);
    let mut x1 = (chart.target.at_millis.max(last)) as f64;
    if x1 <= x0 {
        x1 = x0 + YEAR_MS;
    }
    let values = chart.progress.iter().map(|p| p.value).chain([chart.baseline.value, chart.target.value]);
    let (mut y_min, mut y_max) =
        values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    // Amounts that cannot go below zero are easier to read from a zero line.
    if y_min > 0.0 {
        y_min = 0.0;
    }
    if y_max <= y_min {
        y_max = y_min + 1.0;
    }
    let pad = (y_max - y_min) * 0.05;
    let (y_min, y_max) = (if y_min < 0.0 { y_min - pad } else { y_min }, y_max + pad);
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let x = |ms: i64| LEFT + (ms as f64 - x0) / (x1 - x0) * plot_w;
    let y = |v: f64| TOP + (y_max - v) / (y_max - y_min) * plot_h;

    let id = chart.id;
    let mut svg = String::with_capacity(4096);
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"goal-chart\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" \
         width=\"{WIDTH}\" height=\"{HEIGHT}\" role=\"img\" aria-labelledby=\"chart-title-{id} chart-desc-{id}\">\
         <title id=\"chart-title-{id}\">{}</title><desc id=\"chart-desc-{id}\">{}</desc>",
        escape_text(&chart.title),
        escape_text(&chart.description),
    );
    // Axes and horizontal grid lines with value labels.
    let _ = write!(
        svg,
        "<g class=\"axes\" stroke=\"#555\" stroke-width=\"1\"><line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{b}\"/>\
         <line x1=\"{LEFT}\" y1=\"{b}\" x2=\"{r}\" y2=\"{b}\"/></g>",
        b = HEIGHT - BOTTOM,
        r = WIDTH - RIGHT,
    );
    svg.push_str("<g class=\"y-ticks\" font-size=\"11\" text-anchor=\"end\" fill=\"#333\">");
    for step in 0..=4 {
        let value = y_min + (y_max - y_min) * f64::from(step) / 4.0;
        let _ = write!(
            svg,
            "<line x1=\"{LEFT}\" y1=\"{py:.1}\" x2=\"{r}\" y2=\"{py:.1}\" stroke=\"#ddd\"/>\
             <text x=\"{tx}\" y=\"{ty:.1}\">{}</text>",
            escape_text(&(chart.format_value)(chart.language, value)),
            py = y(value),
            r = WIDTH - RIGHT,
            tx = LEFT - 6.0,
            ty = y(value) + 4.0,
        );
    }
    let _ = write!(
        svg,
        "<text class=\"unit\" x=\"{LEFT}\" y=\"{uy}\" text-anchor=\"start\">{}</text></g>",
        escape_text(&chart.unit),
        uy = TOP - 8.0,
    );
    // Years along the x axis, at most about ten labels.
    let first_year = year_of(chart.baseline.at_millis);
    let last_year = year_of(x1 as i64);
    let every = ((last_year - first_year) / 10).max(1);
    svg.push_str("<g class=\"x-ticks\" font-size=\"11\" text-anchor=\"middle\" fill=\"#333\">");
    let mut year = first_year;
    while year <= last_year {
        let px = x(year_start_millis(year));
        if px <= WIDTH - RIGHT + 0.5 {
            let _ = write!(svg, "<text x=\"{px:.1}\" y=\"{ty}\">{year}</text>", ty = HEIGHT - BOTTOM + 18.0);
        }
        year += every;
    }
    svg.push_str("</g>");
    // The planned path and the reported one.
    let _ = write!(
        svg,
        "<line class=\"target-path\" x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#1b7a3a\" \
         stroke-width=\"2\" stroke-dasharray=\"6 4\"/>",
        x(chart.baseline.at_millis),
        y(chart.baseline.value),
        x(chart.target.at_millis),
        y(chart.target.value),
    );
    if !chart.progress.is_empty() {
        let points: Vec<String> = std::iter::once(&chart.baseline)
            .chain(&chart.progress)
            .map(|p| format!("{:.1},{:.1}", x(p.at_millis), y(p.value)))
            .collect();
        let _ = write!(
            svg,
            "<polyline class=\"progress-path\" fill=\"none\" stroke=\"#0b4f8a\" stroke-width=\"2.5\" points=\"{}\"/>",
            points.join(" ")
        );
    }
    let mut point = |class: &str, p: &ChartPoint, fill: &str| {
        let _ = write!(
            svg,
            "<circle class=\"{class}\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"5\" fill=\"{fill}\" data-value=\"{}\"><title>{}</title></circle>",
            x(p.at_millis),
            y(p.value),
            p.value,
            escape_text(&p.label),
        );
    };
    point("baseline", &chart.baseline, "#555");
    point("target", &chart.target, "#1b7a3a");
    for p in &chart.progress {
        point("progress", p, "#0b4f8a");
    }
    // The two ends labelled in words, not only by colour.
    let _ = write!(
        svg,
        "<g class=\"labels\" font-size=\"12\" fill=\"#222\"><text class=\"baseline-label\" x=\"{:.1}\" y=\"{:.1}\">{}</text>\
         <text class=\"target-label\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text></g>",
        x(chart.baseline.at_millis) + 8.0,
        y(chart.baseline.value) - 8.0,
        escape_text(&chart.baseline.label),
        x(chart.target.at_millis) - 8.0,
        y(chart.target.value) - 8.0,
        escape_text(&chart.target.label),
    );
    svg.push_str("</svg>");
    svg
}

fn year_of(millis: i64) -> i32 {
    time::OffsetDateTime::from_unix_timestamp(millis.div_euclid(1000)).map(|t| t.year()).unwrap_or(1970)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(year: i32, value: f64, label: &str) -> ChartPoint {
        ChartPoint { at_millis: year_start_millis(year), value, label: label.into() }
    }

    #[test]
    fn falling_targets_end_lower_on_the_chart_and_text_is_escaped() {
        let chart = Chart {
            id: 1,
            title: "Heat <script>".into(),
            description: "From 100 to 40".into(),
            baseline: point(2020, 100.0, "Baseline"),
            target: point(2030, 40.0, "Target"),
            progress: vec![point(2024, 70.0, "2024: 70")],
            format_value: |_, v| format!("{v:.0}"),
            language: "en",
            unit: "t".into(),
        };
        let svg = render(&chart);
        assert!(svg.contains("Heat &lt;script&gt;"));
        assert!(!svg.contains("<script>"));
        assert_eq!(svg.matches("class=\"progress\"").count(), 1);
        assert!(svg.contains(">2020</text>") && svg.contains(">2030</text>"));
    }
}
