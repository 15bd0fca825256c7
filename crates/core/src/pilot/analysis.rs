//! Judging one success criterion of a pilot from its observations: the change, the
//! relative change, a 95% interval suited to the design, an effect size, whether the
//! target was met, and warnings in plain words where the data cannot carry the claim.
//! The result is the documented JSON of `casewright pilot analyze` (docs/pilot-json.md).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::stats::{self, Interval, Summary, CONFIDENCE};
use crate::model::pilot::{Criterion, Rate, Results};
use crate::model::{format_number, Direction};

/// How the results were gathered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Design {
    /// A pilot group and a separate comparison group.
    Independent,
    /// The same people or units before and after.
    Paired,
    /// Counts of successes in trials, per group (e.g. 14 of 40 ideas adopted).
    Proportion,
}

impl Design {
    pub fn as_str(self) -> &'static str {
        match self {
            Design::Independent => "independent",
            Design::Paired => "paired",
            Design::Proportion => "proportion",
        }
    }

    pub fn parse(name: &str) -> Option<Design> {
        [Design::Independent, Design::Paired, Design::Proportion]
            .into_iter()
            .find(|d| d.as_str() == name)
    }
}

/// What was observed for one metric.
#[derive(Debug, Clone, PartialEq)]
pub enum Observations {
    Independent {
        pilot: Vec<f64>,
        comparison: Vec<f64>,
    },
    /// (before, after) for each subject.
    Paired { pairs: Vec<(f64, f64)> },
    /// (successes, trials) per group; a group may be missing.
    Proportion {
        pilot: Option<(u64, u64)>,
        comparison: Option<(u64, u64)>,
    },
}

impl Observations {
    pub fn design(&self) -> Design {
        match self {
            Observations::Independent { .. } => Design::Independent,
            Observations::Paired { .. } => Design::Paired,
            Observations::Proportion { .. } => Design::Proportion,
        }
    }
}

/// One success criterion with its observations.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricData {
    pub name: String,
    pub unit: Option<String>,
    pub direction: Option<Direction>,
    pub target: Option<f64>,
    pub observations: Observations,
    /// Empty cells left out of the observations.
    pub missing: usize,
}

/// Something the reader must know before believing the result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Warning {
    /// Stable: `too_few_observations`, `few_observations`, `no_comparison`,
    /// `interval_crosses_zero`, `no_spread`, `missing_values`, `target_wrong_direction`,
    /// `went_the_wrong_way`, `direction_assumed`.
    pub code: String,
    pub message: String,
}

/// The verdict on one metric. Field names are the public JSON interface.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MetricResult {
    pub metric: String,
    pub design: Design,
    pub unit: Option<String>,
    pub direction: Option<Direction>,
    pub target: Option<f64>,
    /// Observations (or trials) in the pilot group; subjects for paired data.
    pub n_pilot: u64,
    /// Observations (or trials) in the comparison group; null for paired data.
    pub n_comparison: Option<u64>,
    /// The pilot's mean (after, for paired data; its rate, for proportions).
    pub estimate_pilot: Option<f64>,
    /// The comparison's mean (before, for paired data; its rate, for proportions).
    pub estimate_comparison: Option<f64>,
    /// estimate_pilot − estimate_comparison.
    pub difference: Option<f64>,
    /// The difference as a share of the comparison's estimate (0.25 = 25% more).
    pub relative_change: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    pub confidence: f64,
    /// How the interval was computed.
    pub method: String,
    pub effect_size: Option<f64>,
    /// `hedges_g`, `cohens_dz` or `cohens_h`.
    pub effect_size_measure: String,
    /// Whether the pilot's estimate reached the target; null without a target.
    pub target_met: Option<bool>,
    pub warnings: Vec<Warning>,
}

/// Fewer observations than this per group make an interval too wide to lean on.
const FEW_OBSERVATIONS: u64 = 10;
/// Fewer successes or failures than this in a group make a rate's interval rough.
const FEW_EVENTS: u64 = 5;

pub fn analyze(data: &MetricData) -> MetricResult {
    let mut warnings = Vec::new();
    let mut warn = |code: &str, message: String| {
        warnings.push(Warning {
            code: code.into(),
            message,
        })
    };
    let design = data.observations.design();
    // The exact difference where the design gives one (two summaries), else estimates' gap.
    let mut exact_difference = None;
    let (n_pilot, n_comparison, pilot, comparison, interval, effect, method, measure) = match &data
        .observations
    {
        Observations::Independent { pilot, comparison } => {
            let (p, c) = (Summary::of(pilot), Summary::of(comparison));
            let interval = stats::welch(&p, &c);
            if p.n > 0 && c.n > 0 {
                exact_difference = Some(p.minus(&c));
            }
            if p.n < 2 || c.n < 2 {
                warn("too_few_observations", format!(
                        "An interval needs at least two observations in each group; there are {} in the pilot and {} in the comparison.",
                        p.n, c.n
                    ));
            } else if (p.n.min(c.n) as u64) < FEW_OBSERVATIONS {
                warn("few_observations", format!(
                        "Only {} observations in the smaller group: the interval is wide, so treat the result as a first signal.",
                        p.n.min(c.n)
                    ));
            }
            if p.variance == Some(0.0) && c.variance == Some(0.0) {
                warn("no_spread", "Every observation in each group is the same, so the interval has no width; that certainty is not real.".into());
            }
            (
                p.n as u64,
                Some(c.n as u64),
                (p.n > 0).then_some(p.mean),
                (c.n > 0).then_some(c.mean),
                interval,
                stats::hedges_g(&p, &c),
                "Welch's t interval for the difference of means",
                "hedges_g",
            )
        }
        Observations::Paired { pairs } => {
            let before: Vec<f64> = pairs.iter().map(|p| p.0).collect();
            let after: Vec<f64> = pairs.iter().map(|p| p.1).collect();
            let changes: Vec<f64> = pairs.iter().map(|(b, a)| a - b).collect();
            let changes = Summary::of(&changes);
            let interval = stats::paired(&changes);
            if changes.n < 2 {
                warn("too_few_observations", format!(
                        "An interval needs at least two people or units measured before and after; there {}.",
                        if changes.n == 1 { "is one".to_string() } else { "are none".to_string() }
                    ));
            } else if (changes.n as u64) < FEW_OBSERVATIONS {
                warn("few_observations", format!(
                        "Only {} people or units were measured before and after: the interval is wide, so treat the result as a first signal.",
                        changes.n
                    ));
            }
            if changes.variance == Some(0.0) {
                warn("no_spread", "Everyone changed by exactly the same amount, so the interval has no width; that certainty is not real.".into());
            }
            let (b, a) = (Summary::of(&before), Summary::of(&after));
            if changes.n > 0 {
                exact_difference = Some(changes.mean);
            }
            (
                changes.n as u64,
                None,
                (a.n > 0).then_some(a.mean),
                (b.n > 0).then_some(b.mean),
                interval,
                stats::paired_d(&changes),
                "paired t interval for the mean change",
                "cohens_dz",
            )
        }
        Observations::Proportion { pilot, comparison } => {
            let rate = |group: &Option<(u64, u64)>| {
                group.filter(|g| g.1 > 0).map(|(x, n)| x as f64 / n as f64)
            };
            let (p1, p2) = (rate(pilot), rate(comparison));
            let interval = match (pilot, comparison) {
                (Some(a), Some(b)) if a.1 > 0 && b.1 > 0 => Some(stats::newcombe(*a, *b)),
                _ => None,
            };
            for (name, group) in [("pilot", pilot), ("comparison", comparison)] {
                if let Some((x, n)) = group.filter(|g| g.1 > 0) {
                    if x.min(n - x) < FEW_EVENTS {
                        warn("few_observations", format!(
                                "The {name} group has {x} of {n}: with so few {}, its rate is rough and the interval wide.",
                                if x < FEW_EVENTS { "successes" } else { "failures" }
                            ));
                    }
                }
            }
            if p1.is_none() {
                warn(
                    "too_few_observations",
                    "The pilot group has no trials, so there is no rate to judge.".into(),
                );
            }
            (
                    pilot.map_or(0, |g| g.1),
                    Some(comparison.map_or(0, |g| g.1)),
                    p1,
                    p2,
                    interval,
                    p1.zip(p2).map(|(a, b)| stats::cohens_h(a, b)),
                    "Newcombe's hybrid score interval (from Wilson intervals) for the difference of rates",
                    "cohens_h",
                )
        }
    };
    if design != Design::Paired && n_comparison == Some(0) {
        warn(
            "no_comparison",
            "There is no comparison group, so the change the pilot made cannot be estimated."
                .into(),
        );
    }
    if data.missing > 0 {
        warn(
            "missing_values",
            format!(
                "{} empty {} left out.",
                data.missing,
                if data.missing == 1 {
                    "cell was"
                } else {
                    "cells were"
                }
            ),
        );
    }
    let difference = exact_difference.or_else(|| pilot.zip(comparison).map(|(p, c)| p - c));
    let relative_change = difference
        .zip(comparison)
        .filter(|(_, c)| *c != 0.0)
        .map(|(d, c)| d / c.abs());
    if let Some(interval) = interval.filter(Interval::crosses_zero) {
        warn("interval_crosses_zero", format!(
            "The interval runs from {} to {}: the pilot may have made no difference, or the opposite one.",
            format_number(interval.low),
            format_number(interval.high)
        ));
    }

    // Which way is better: as given, or read from where the target sits.
    let direction = data.direction.or_else(|| {
        let (target, baseline) = (data.target?, comparison?);
        let assumed = if target >= baseline {
            Direction::Higher
        } else {
            Direction::Lower
        };
        warn(
            "direction_assumed",
            format!(
            "No direction was given; since the target is {} the baseline, {} is taken as better.",
            if assumed == Direction::Higher { "above" } else { "below" },
            assumed.as_str()
        ),
        );
        Some(assumed)
    });
    if let (Some(direction), Some(target), Some(baseline)) =
        (data.direction, data.target, comparison)
    {
        let wrong = match direction {
            Direction::Higher => target < baseline,
            Direction::Lower => target > baseline,
        };
        if wrong {
            warn("target_wrong_direction", format!(
                "The target of {} is {} the baseline of {} although {} is better: check the target or the direction.",
                format_number(target),
                if direction == Direction::Higher { "below" } else { "above" },
                format_number(baseline),
                direction.as_str()
            ));
        }
    }
    if let (Some(direction), Some(interval)) = (direction, interval) {
        let worse = match direction {
            Direction::Higher => interval.high < 0.0,
            Direction::Lower => interval.low > 0.0,
        };
        if worse {
            warn("went_the_wrong_way", "The pilot did worse than the comparison, and the interval leaves little doubt: say so rather than look for a win elsewhere.".into());
        }
    }
    let target_met = match (data.target, pilot, direction) {
        (Some(target), Some(estimate), Some(Direction::Higher)) => Some(estimate >= target),
        (Some(target), Some(estimate), Some(Direction::Lower)) => Some(estimate <= target),
        _ => None,
    };

    MetricResult {
        metric: data.name.clone(),
        design,
        unit: data.unit.clone(),
        direction: data.direction,
        target: data.target,
        n_pilot,
        n_comparison: if design == Design::Paired {
            None
        } else {
            n_comparison
        },
        estimate_pilot: pilot,
        estimate_comparison: comparison,
        difference,
        relative_change,
        ci_low: interval.map(|i| i.low),
        ci_high: interval.map(|i| i.high),
        confidence: CONFIDENCE,
        method: method.into(),
        effect_size: effect,
        effect_size_measure: measure.into(),
        target_met,
        warnings,
    }
}
// The plan as the project keeps it (`plan`, the model layer) read as observations.
impl From<Observations> for Results {
    fn from(observations: Observations) -> Results {
        let rate = |g: Option<(u64, u64)>| g.map(|(successes, trials)| Rate { successes, trials });
        match observations {
            Observations::Independent { pilot, comparison } => {
                Results::Independent { pilot, comparison }
            }
            Observations::Paired { pairs } => Results::Paired {
                pairs: pairs.into_iter().map(|(b, a)| [b, a]).collect(),
            },
            Observations::Proportion { pilot, comparison } => Results::Proportion {
                pilot: rate(pilot),
                comparison: rate(comparison),
            },
        }
    }
}

impl Criterion {
    /// The criterion as the analysis reads it.
    pub fn metric_data(&self) -> MetricData {
        MetricData {
            name: self.metric.clone(),
            unit: self.unit.clone(),
            direction: Some(self.direction),
            target: self.target,
            observations: match &self.results {
                Results::Independent { pilot, comparison } => Observations::Independent {
                    pilot: pilot.clone(),
                    comparison: comparison.clone(),
                },
                Results::Paired { pairs } => Observations::Paired {
                    pairs: pairs.iter().map(|p| (p[0], p[1])).collect(),
                },
                Results::Proportion { pilot, comparison } => Observations::Proportion {
                    pilot: pilot.map(|r| (r.successes, r.trials)),
                    comparison: comparison.map(|r| (r.successes, r.trials)),
                },
            },
            missing: 0,
        }
    }
}
