//! A pilot judged as a whole: each success criterion's verdict and chart, whether the
//! pilot is a win to build on, and what the reader must know first. A weak result is
//! called weak.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::analysis::{analyze, MetricResult, Warning};
use super::stats::{self, Summary};
use crate::model::pilot::{parse_date, Criterion, Pilot, Results};
use crate::model::{format_number, Direction};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PilotReport {
    #[ts(type = "number")]
    pub pilot: i64,
    pub name: String,
    pub verdict: Verdict,
    /// The verdict in a sentence, for the app and the briefing.
    pub summary: String,
    pub criteria: Vec<CriterionReport>,
    /// About the pilot as a whole (e.g. it ran shorter than planned).
    pub warnings: Vec<Warning>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CriterionReport {
    #[ts(type = "number")]
    pub criterion: i64,
    pub result: MetricResult,
    /// Met its target, in the better direction, with an interval that leaves no doubt.
    pub won: bool,
    pub chart: Option<PilotChart>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Verdict {
    /// No results recorded yet.
    NoResults,
    /// At least half the criteria with results were won, and none went the wrong way.
    Win,
    /// Some criteria won, not enough to call it a win.
    Mixed,
    /// Nothing won: say so, learn, and do not spin it.
    Weak,
}

/// A pilot result as bars with 95% whiskers against the target line: the comparison (or
/// before) and the pilot (or after). Drawn by the app and the briefing from this model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PilotChart {
    pub bars: Vec<IntervalBar>,
    /// The target, and where it sits on the scale (0–1).
    pub target: Option<f64>,
    pub target_share: Option<f32>,
    pub better: Direction,
    /// Values are rates (0–1) to be shown as percentages.
    pub rates: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IntervalBar {
    /// "Comparison", "Pilot", "Before", "After".
    pub label: String,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// Positions on the scale, 0–1 (the bar from 0 to `share`; the whisker between).
    pub share: f32,
    pub low_share: Option<f32>,
    pub high_share: Option<f32>,
}

pub fn report(pilot: &Pilot) -> PilotReport {
    let mut warnings = Vec::new();
    if let (Some(end), Some(until)) = (
        pilot.end.as_deref().and_then(parse_date),
        pilot.results_until.as_deref().and_then(parse_date),
    ) {
        if until < end {
            warnings.push(Warning {
                code: "pilot_shorter_than_planned".into(),
                message: format!(
                    "The results run to {} but the pilot was planned to end on {}: a shorter pilot shows less, so say so.",
                    pilot.results_until.as_deref().unwrap_or_default(),
                    pilot.end.as_deref().unwrap_or_default()
                ),
            });
        }
    }
    let criteria: Vec<CriterionReport> = pilot
        .criteria
        .iter()
        .filter(|c| !c.results.is_empty())
        .map(judge)
        .collect();
    let won = criteria.iter().filter(|c| c.won).count();
    let backwards = criteria.iter().any(|c| {
        c.result
            .warnings
            .iter()
            .any(|w| w.code == "went_the_wrong_way")
    });
    let verdict = if criteria.is_empty() {
        Verdict::NoResults
    } else if won > 0 && won * 2 >= criteria.len() && !backwards {
        Verdict::Win
    } else if won > 0 {
        Verdict::Mixed
    } else {
        Verdict::Weak
    };
    let summary = match verdict {
        Verdict::NoResults => "No results are recorded yet.".to_string(),
        Verdict::Win => format!(
            "A win: {won} of {} success criteria met their targets with intervals that leave no doubt.",
            criteria.len()
        ),
        Verdict::Mixed => format!(
            "Mixed: {won} of {} success criteria won clearly; the rest did not. Present both.",
            criteria.len()
        ),
        Verdict::Weak => format!(
            "Not a win yet: {} met its target with an interval that leaves no doubt. Say so, and say what you learned.",
            if criteria.len() == 1 {
                "the success criterion has not".to_string()
            } else {
                format!("none of the {} success criteria", criteria.len())
            }
        ),
    };
    PilotReport {
        pilot: pilot.id,
        name: pilot.name.clone(),
        verdict,
        summary,
        criteria,
        warnings,
    }
}

fn judge(criterion: &Criterion) -> CriterionReport {
    let mut result = analyze(&criterion.metric_data());
    if criterion.baseline.is_none() {
        result.warnings.push(Warning {
            code: "baseline_missing".into(),
            message: "No baseline was set before the pilot started, so its target cannot be shown as a change from where we were.".into(),
        });
    }
    let convincing = match (criterion.direction, result.ci_low, result.ci_high) {
        (Direction::Higher, Some(low), Some(_)) => low > 0.0,
        (Direction::Lower, Some(_), Some(high)) => high < 0.0,
        _ => false,
    };
    let won = convincing && result.target_met != Some(false);
    CriterionReport {
        criterion: criterion.id,
        chart: chart(criterion),
        result,
        won,
    }
}

/// A group's label, estimate and 95% interval.
type GroupEstimate = (String, f64, Option<(f64, f64)>);

/// Each group's estimate with its own 95% interval, on one scale with the target.
fn chart(criterion: &Criterion) -> Option<PilotChart> {
    let mean_bar = |label: &str, values: &[f64]| {
        let summary = Summary::of(values);
        (summary.n > 0).then(|| {
            let interval = stats::one_mean(&summary);
            (
                label.to_string(),
                summary.mean,
                interval.map(|i| (i.low, i.high)),
            )
        })
    };
    let (bars, rates): (Vec<GroupEstimate>, bool) = match &criterion.results {
        Results::Independent { pilot, comparison } => (
            [mean_bar("Comparison", comparison), mean_bar("Pilot", pilot)]
                .into_iter()
                .flatten()
                .collect(),
            false,
        ),
        Results::Paired { pairs } => {
            let before: Vec<f64> = pairs.iter().map(|p| p[0]).collect();
            let after: Vec<f64> = pairs.iter().map(|p| p[1]).collect();
            (
                [mean_bar("Before", &before), mean_bar("After", &after)]
                    .into_iter()
                    .flatten()
                    .collect(),
                false,
            )
        }
        Results::Proportion { pilot, comparison } => (
            [("Comparison", comparison), ("Pilot", pilot)]
                .into_iter()
                .filter_map(|(label, rate)| {
                    let rate = (*rate)?;
                    let interval = stats::wilson(rate.successes, rate.trials);
                    Some((
                        label.to_string(),
                        rate.successes as f64 / rate.trials as f64,
                        Some((interval.low, interval.high)),
                    ))
                })
                .collect(),
            true,
        ),
    };
    if bars.is_empty() {
        return None;
    }
    let lowest = bars
        .iter()
        .map(|b| b.2.map_or(b.1, |i| i.0.min(b.1)))
        .chain(criterion.target)
        .fold(f64::INFINITY, f64::min);
    if lowest < 0.0 {
        // Bars grow from zero; a scale below it would mislead.
        return None;
    }
    let max = bars
        .iter()
        .map(|b| b.2.map_or(b.1, |i| i.1.max(b.1)))
        .chain(criterion.target)
        .fold(0.0, f64::max);
    if max <= 0.0 || !max.is_finite() {
        return None;
    }
    let share = |v: f64| (v / max) as f32;
    Some(PilotChart {
        bars: bars
            .into_iter()
            .map(|(label, value, interval)| IntervalBar {
                label,
                value,
                low: interval.map(|i| i.0),
                high: interval.map(|i| i.1),
                share: share(value),
                low_share: interval.map(|i| share(i.0)),
                high_share: interval.map(|i| share(i.1)),
            })
            .collect(),
        target: criterion.target,
        target_share: criterion.target.map(share),
        better: criterion.direction,
        rates,
    })
}

impl IntervalBar {
    /// "Pilot 11.2 (95%: 9.3–13.1)" or, for rates, "Pilot 35% (95%: 22%–51%)".
    pub fn caption(&self, rates: bool) -> String {
        let show = |v: f64| {
            if rates {
                format!("{}%", format_number(v * 100.0))
            } else {
                format_number(v)
            }
        };
        match (self.low, self.high) {
            (Some(low), Some(high)) => format!(
                "{} {} (95%: {}–{})",
                self.label,
                show(self.value),
                show(low),
                show(high)
            ),
            _ => format!("{} {}", self.label, show(self.value)),
        }
    }
}
