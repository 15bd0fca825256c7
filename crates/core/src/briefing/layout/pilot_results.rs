//! The briefing's "Pilot results" part: for each pilot with results, its verdict in a sentence
//! and, per criterion, the result in plain words and a chart of each group's estimate with its
//! 95% whisker against the target line, from the app's `PilotChart`. A weak result prints as weak.

use super::flow::{Flow, Paragraph};
use super::style::{
    kind_colour, ACCENT, BLOCK_TITLE, BODY, INK, KIND_LABEL, MARGIN_X, MUTED, PART_GAP, RULE,
    SECTION_TITLE, SOURCE,
};
use super::{Item, Page};
use crate::model::format_number;
use crate::model::{BlockKind, Project};
use crate::pilot::{report, IntervalBar, PilotChart, Verdict};

const ROW: f32 = 16.0;
const LABEL_WIDTH: f32 = 170.0;
const WHISKER: f32 = 1.2;
const CAP: f32 = 7.0;

pub(super) fn lay_out(flow: &mut Flow, project: &Project) {
    let judged: Vec<_> = project
        .pilots
        .iter()
        .map(|pilot| (pilot, report(pilot)))
        .filter(|(_, r)| r.verdict != Verdict::NoResults)
        .collect();
    if judged.is_empty() {
        return;
    }
    let geo = flow.geo;
    let heading = Paragraph::new(SECTION_TITLE, "Pilot results", geo.content_width);
    flow.reserve(heading.height() + 120.0);
    if !flow.at_page_top() {
        flow.y += 26.0;
    }
    let mut entry = flow.here("Pilot results");
    let y = flow.y;
    let y = heading.place(flow.page(), MARGIN_X, y) + 6.0;
    flow.page().items.push(Item::Rect {
        x: MARGIN_X,
        y,
        width: geo.content_width,
        height: 0.8,
        colour: RULE,
    });
    flow.y = y + 14.0;
    for (pilot, judged) in judged {
        let width = geo.content_width;
        let title = Paragraph::new(BLOCK_TITLE, &pilot.name, width).clamped(3, width);
        let who = [pilot.team.trim(), &dates(pilot)]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        let verdict_colour = match judged.verdict {
            Verdict::Win => kind_colour(BlockKind::Benefit),
            Verdict::Mixed => kind_colour(BlockKind::Story),
            _ => MUTED,
        };
        let mut parts = vec![title];
        if !who.is_empty() {
            parts.push(Paragraph::new(SOURCE.with_colour(INK), &who, width));
        }
        parts.push(Paragraph::new(
            BODY.with_colour(verdict_colour),
            &judged.summary,
            width,
        ));
        for warning in &judged.warnings {
            parts.push(Paragraph::new(
                SOURCE,
                &format!("! {}", warning.message),
                width,
            ));
        }
        let height: f32 = parts.iter().map(Paragraph::height).sum::<f32>() + 40.0;
        flow.reserve(height);
        entry.children.push(flow.here(&pilot.name));
        for part in parts {
            let y = flow.y;
            flow.y = part.place(flow.page(), MARGIN_X, y) + PART_GAP;
        }
        flow.y += 8.0;
        for criterion in &judged.criteria {
            let r = &criterion.result;
            let label = Paragraph::new(
                KIND_LABEL.with_colour(if criterion.won {
                    kind_colour(BlockKind::Benefit)
                } else {
                    MUTED
                }),
                &format!(
                    "{}{}",
                    if criterion.won { "WON · " } else { "" },
                    r.metric.to_uppercase()
                ),
                width,
            );
            let rates = criterion.chart.as_ref().is_some_and(|c| c.rates);
            let line = Paragraph::new(BODY, &result_line(r, rates), width);
            let notes: Vec<Paragraph> = r
                .warnings
                .iter()
                .map(|w| Paragraph::new(SOURCE, &format!("! {}", w.message), width))
                .collect();
            let chart_height = criterion
                .chart
                .as_ref()
                .map_or(0.0, |c| c.bars.len() as f32 * ROW + 16.0);
            let height = label.height()
                + line.height()
                + chart_height
                + notes.iter().map(Paragraph::height).sum::<f32>()
                + 16.0;
            flow.reserve(height);
            let y = flow.y;
            let mut y = label.place(flow.page(), MARGIN_X, y) + PART_GAP;
            if let Some(chart) = &criterion.chart {
                y = draw_chart(flow.page(), chart, MARGIN_X, y, width) + 4.0;
            }
            y = line.place(flow.page(), MARGIN_X, y) + PART_GAP;
            for note in notes {
                y = note.place(flow.page(), MARGIN_X, y);
            }
            flow.y = y + 14.0;
        }
    }
    flow.outline.push(entry);
}

fn dates(pilot: &crate::pilot::Pilot) -> String {
    match (
        pilot.start.as_deref(),
        pilot.results_until.as_deref().or(pilot.end.as_deref()),
    ) {
        (Some(start), Some(end)) => format!("{start} to {end}"),
        (Some(start), None) => format!("from {start}"),
        _ => String::new(),
    }
}

/// "Pilot 10.2 vs comparison 19.3 working days: −9.1 (95% interval −10.3 to −7.9); target 12 met."
fn result_line(r: &crate::pilot::MetricResult, rates: bool) -> String {
    let show = |v: Option<f64>| match v {
        None => "—".to_string(),
        Some(v) if rates => format!("{}%", format_number(v * 100.0)),
        Some(v) => format_number(v),
    };
    let unit = if rates {
        String::new()
    } else {
        r.unit
            .as_deref()
            .map(|u| format!(" {u}"))
            .unwrap_or_default()
    };
    let (now, then) = match r.design {
        crate::pilot::Design::Paired => ("After", "before"),
        _ => ("Pilot", "comparison"),
    };
    let mut line = format!(
        "{now} {} vs {then} {}{unit}: change {}",
        show(r.estimate_pilot),
        show(r.estimate_comparison),
        match r.difference {
            Some(d) if rates => format!("{} points", format_number(d * 100.0)),
            other => show(other),
        }
    );
    if let (Some(low), Some(high)) = (r.ci_low, r.ci_high) {
        let scale = if rates { 100.0 } else { 1.0 };
        line += &format!(
            " (95% interval {} to {})",
            format_number(low * scale),
            format_number(high * scale)
        );
    }
    if let (Some(target), Some(met)) = (r.target, r.target_met) {
        line += &format!(
            "; target {} {}",
            show(Some(target)),
            if met { "met" } else { "not met" }
        );
    }
    line + "."
}

/// Bars from zero, each with its whisker and caps, and the dashed target line across them.
fn draw_chart(page: &mut Page, chart: &PilotChart, x: f32, top: f32, width: f32) -> f32 {
    let area = width - LABEL_WIDTH - 8.0;
    let left = x + LABEL_WIDTH;
    let mut y = top;
    for (index, bar) in chart.bars.iter().enumerate() {
        let colour = if index + 1 == chart.bars.len() {
            ACCENT
        } else {
            MUTED
        };
        let caption = Paragraph::new(
            SOURCE.with_colour(INK),
            &bar.caption(chart.rates),
            LABEL_WIDTH - 6.0,
        )
        .clamped(1, LABEL_WIDTH - 6.0);
        caption.place(page, x, y + 2.0);
        page.items.push(Item::Rect {
            x: left,
            y: y + 4.0,
            width: (bar.share * area).max(1.0),
            height: 8.0,
            colour,
        });
        whisker(page, bar, left, area, y + 8.0);
        y += ROW;
    }
    if let Some(share) = chart.target_share {
        // Dashes down the rows, then its label under the chart.
        let tx = left + share * area;
        let mut dash = top;
        while dash < y {
            page.items.push(Item::Rect {
                x: tx - 0.5,
                y: dash,
                width: 1.0,
                height: 3.0,
                colour: INK,
            });
            dash += 5.0;
        }
        let value = chart.target.unwrap_or_default();
        let text = if chart.rates {
            format!("Target {}%", format_number(value * 100.0))
        } else {
            format!("Target {}", format_number(value))
        };
        let label = Paragraph::new(SOURCE.with_colour(INK), &text, 120.0).clamped(1, 120.0);
        let at = (tx - 20.0).min(left + area - 60.0).max(left);
        y = label.place(page, at, y);
    }
    y
}

fn whisker(page: &mut Page, bar: &IntervalBar, left: f32, area: f32, middle: f32) {
    let (Some(low), Some(high)) = (bar.low_share, bar.high_share) else {
        return;
    };
    let (from, to) = (left + low * area, left + high * area);
    page.items.push(Item::Rect {
        x: from,
        y: middle - WHISKER / 2.0,
        width: (to - from).max(WHISKER),
        height: WHISKER,
        colour: INK,
    });
    for end in [from, to] {
        page.items.push(Item::Rect {
            x: end - WHISKER / 2.0,
            y: middle - CAP / 2.0,
            width: WHISKER,
            height: CAP,
            colour: INK,
        });
    }
}
