//! A pilot as the project keeps it: where and why it runs, its success criteria, and the
//! results recorded for each. Checked before it is saved ([`Pilot::check`]), so a plan
//! with dates out of order or a target on the wrong side of its baseline is refused with
//! the field named.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{format_number, Direction};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Pilot {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    /// The team or unit that runs it.
    pub team: String,
    pub headcount: Option<u32>,
    /// Planned start and end, as ISO dates (2026-09-01).
    pub start: Option<String>,
    pub end: Option<String>,
    /// The last day results cover; before `end`, the pilot ran shorter than planned.
    pub results_until: Option<String>,
    /// What we expect to happen, and why.
    pub hypothesis: String,
    /// Why this place: the culture is ready and a win is likely.
    pub readiness: String,
    pub criteria: Vec<Criterion>,
}

/// A success criterion: a metric, which way is better, where it starts, where it should
/// get to, how it is measured, and what was observed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Criterion {
    #[ts(type = "number")]
    pub id: i64,
    pub metric: String,
    pub unit: Option<String>,
    pub direction: Direction,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    /// How it is measured, e.g. "median working days from the service desk export".
    pub measure: String,
    pub results: Results,
}

/// What was observed, in the shape of the design.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "design", rename_all = "lowercase")]
pub enum Results {
    Independent {
        pilot: Vec<f64>,
        comparison: Vec<f64>,
    },
    /// `[before, after]` for each person or unit.
    Paired { pairs: Vec<[f64; 2]> },
    Proportion {
        pilot: Option<Rate>,
        comparison: Option<Rate>,
    },
}

/// Successes in trials, e.g. 14 of 40 ideas adopted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Rate {
    #[ts(type = "number")]
    pub successes: u64,
    #[ts(type = "number")]
    pub trials: u64,
}

impl Results {
    pub fn is_empty(&self) -> bool {
        match self {
            Results::Independent { pilot, comparison } => pilot.is_empty() && comparison.is_empty(),
            Results::Paired { pairs } => pairs.is_empty(),
            Results::Proportion { pilot, comparison } => pilot.is_none() && comparison.is_none(),
        }
    }
}

/// Results read from a spreadsheet for one metric, for the app to put on a criterion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportedResults {
    pub metric: String,
    pub results: Results,
    /// Empty cells left out.
    pub missing: u32,
}

/// Longest name or one-line field, and longest free text.
const MAX_LINE: usize = 1_000;
const MAX_TEXT: usize = 20_000;
const MAX_CRITERIA: usize = 50;
const MAX_OBSERVATIONS: usize = 100_000;

/// A calendar date written as YYYY-MM-DD, as (year, month, day).
pub fn parse_date(text: &str) -> Option<(i32, u32, u32)> {
    let mut parts = text.trim().splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1..=days).contains(&day) && (1000..=9999).contains(&year)).then_some((year, month, day))
}

impl Pilot {
    /// Why this plan cannot be saved, naming the field; `Ok` when it can.
    pub fn check(&self) -> Result<(), String> {
        let line = |what: &str, text: &str| {
            if text.chars().count() > MAX_LINE {
                Err(format!("the {what} is longer than {MAX_LINE} characters"))
            } else {
                Ok(())
            }
        };
        if self.name.trim().is_empty() {
            return Err("the pilot needs a name".into());
        }
        line("pilot's name", &self.name)?;
        line("team", &self.team)?;
        for (what, text) in [
            ("hypothesis", &self.hypothesis),
            ("readiness", &self.readiness),
        ] {
            if text.chars().count() > MAX_TEXT {
                return Err(format!("the {what} is longer than {MAX_TEXT} characters"));
            }
        }
        let mut dates = Vec::new();
        for (what, value) in [
            ("start date", &self.start),
            ("end date", &self.end),
            ("date results run to", &self.results_until),
        ] {
            if let Some(text) = value.as_deref().filter(|t| !t.trim().is_empty()) {
                let date = parse_date(text).ok_or_else(|| {
                    format!("the {what} {text:?} is not a date; write it as 2026-09-01")
                })?;
                dates.push((what, date));
            }
        }
        let date = |what: &str| dates.iter().find(|(w, _)| *w == what).map(|(_, d)| *d);
        if let (Some(start), Some(end)) = (date("start date"), date("end date")) {
            if end < start {
                return Err("the end date is before the start date".into());
            }
        }
        if let (Some(start), Some(until)) = (date("start date"), date("date results run to")) {
            if until < start {
                return Err("the results run to a date before the pilot starts".into());
            }
        }
        if self.criteria.len() > MAX_CRITERIA {
            return Err(format!(
                "a pilot can have at most {MAX_CRITERIA} success criteria"
            ));
        }
        for criterion in &self.criteria {
            criterion
                .check()
                .map_err(|why| format!("success criterion “{}”: {why}", criterion.metric))?;
        }
        Ok(())
    }
}

impl Criterion {
    fn check(&self) -> Result<(), String> {
        if self.metric.trim().is_empty() {
            return Err("it needs the name of what is measured".into());
        }
        for (what, text) in [
            ("metric", self.metric.as_str()),
            ("unit", self.unit.as_deref().unwrap_or("")),
            ("measure", self.measure.as_str()),
        ] {
            if text.chars().count() > MAX_LINE {
                return Err(format!("the {what} is longer than {MAX_LINE} characters"));
            }
        }
        for (what, value) in [("baseline", self.baseline), ("target", self.target)] {
            if value.is_some_and(|v| !v.is_finite()) {
                return Err(format!("the {what} must be a number"));
            }
        }
        if let (Some(baseline), Some(target)) = (self.baseline, self.target) {
            let backwards = match self.direction {
                Direction::Higher => target <= baseline,
                Direction::Lower => target >= baseline,
            };
            if backwards {
                // A rate is kept as 0–1 but written as a percentage.
                let show = |v: f64| match self.results {
                    Results::Proportion { .. } => format!("{}%", format_number(v * 100.0)),
                    _ => format_number(v),
                };
                return Err(format!(
                    "the target of {} is {} the baseline of {} although {} is better",
                    show(target),
                    if self.direction == Direction::Higher {
                        "not above"
                    } else {
                        "not below"
                    },
                    show(baseline),
                    self.direction.as_str()
                ));
            }
        }
        match &self.results {
            Results::Independent { pilot, comparison } => {
                if pilot.len() + comparison.len() > MAX_OBSERVATIONS {
                    return Err(format!("more than {MAX_OBSERVATIONS} observations"));
                }
                if pilot.iter().chain(comparison).any(|v| !v.is_finite()) {
                    return Err("every observation must be a number".into());
                }
            }
            Results::Paired { pairs } => {
                if pairs.len() > MAX_OBSERVATIONS {
                    return Err(format!("more than {MAX_OBSERVATIONS} observations"));
                }
                if pairs.iter().flatten().any(|v| !v.is_finite()) {
                    return Err("every observation must be a number".into());
                }
            }
            Results::Proportion { pilot, comparison } => {
                for (group, rate) in [("pilot", pilot), ("comparison", comparison)] {
                    if let Some(rate) = rate {
                        if rate.trials == 0 {
                            return Err(format!("the {group} group needs at least one trial"));
                        }
                        if rate.successes > rate.trials {
                            return Err(format!(
                                "the {group} group has {} successes in {} trials; there cannot be more successes than trials",
                                rate.successes, rate.trials
                            ));
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_real_calendar_days() {
        assert_eq!(parse_date("2028-02-29"), Some((2028, 2, 29)));
        assert_eq!(parse_date("2026-02-29"), None);
        assert_eq!(parse_date("2026-13-01"), None);
        assert_eq!(parse_date("1 Sept"), None);
    }
}
