//! Results spreadsheets (CSV, comma-separated, UTF-8, a header row in any column order):
//! - independent: `metric,group,value` (group `pilot` or `comparison`), a row per observation;
//! - paired: `metric,subject,before,after`, a row per person or unit;
//! - proportion: `metric,group,successes,trials`, a row per group.
//!
//! Optional columns `unit`, `direction` (`higher` or `lower` is better) and `target`
//! apply per metric. Every bad row is reported with its line number and column; if any
//! row is bad, nothing is returned (all or nothing). An empty value cell is a missing
//! observation: left out, and counted in the verdict's warnings.

use std::collections::HashMap;

use super::analysis::{Design, MetricData, Observations};
use crate::model::Direction;

pub use crate::sheet::TableError;
use crate::sheet::{Problems, Sheet};

/// Stop listing problems after this many; the file is clearly not in the layout.
const MAX_ERRORS: usize = 50;

fn required(design: Design) -> &'static [&'static str] {
    match design {
        Design::Independent => &["metric", "group", "value"],
        Design::Paired => &["metric", "subject", "before", "after"],
        Design::Proportion => &["metric", "group", "successes", "trials"],
    }
}

const OPTIONAL: [&str; 3] = ["unit", "direction", "target"];

/// One metric as it is being read.
#[derive(Default)]
struct Building {
    unit: Option<(String, u64)>,
    direction: Option<(Direction, u64)>,
    target: Option<(f64, u64)>,
    pilot: Vec<f64>,
    comparison: Vec<f64>,
    pairs: Vec<(f64, f64)>,
    subjects: HashMap<String, u64>,
    rates: [Option<((u64, u64), u64)>; 2],
    missing: usize,
}

/// Reads a results spreadsheet laid out for `design`. The metrics come in the order they
/// first appear.
pub fn read(text: &str, design: Design) -> Result<Vec<MetricData>, Vec<TableError>> {
    let sheet = Sheet::open(text).map_err(|e| vec![e])?;
    if sheet.is_empty() {
        return Err(vec![TableError::whole(
            "the file is empty; it needs a header row and at least one row of results",
        )]);
    }
    let headers: Vec<String> = sheet.headers().iter().map(|h| h.to_lowercase()).collect();
    let need = required(design);
    let missing: Vec<&str> = need
        .iter()
        .copied()
        .filter(|c| !headers.iter().any(|h| h == c))
        .collect();
    if !missing.is_empty() {
        let message = sheet.separator_advice().unwrap_or_else(|| {
            format!(
                "the header row lacks the column{} {} needed for {} results (it needs {})",
                if missing.len() == 1 { "" } else { "s" },
                missing.join(", "),
                design.as_str(),
                need.join(", ")
            )
        });
        return Err(vec![TableError::header(None, message)]);
    }
    for (i, header) in headers.iter().enumerate() {
        if headers[..i].contains(header) {
            return Err(vec![TableError::header(
                Some(header),
                "this column appears twice",
            )]);
        }
    }
    let column = |name: &str| headers.iter().position(|h| h == name);
    let optional: Vec<(usize, &str)> = OPTIONAL
        .iter()
        .filter_map(|n| Some((column(n)?, *n)))
        .collect();

    let mut errors = Problems::new(MAX_ERRORS);
    let mut order: Vec<String> = Vec::new();
    let mut metrics: HashMap<String, Building> = HashMap::new();
    for row in sheet.rows() {
        if errors.full() {
            break;
        }
        let row = match row {
            Ok(row) => row,
            Err(problem) => {
                errors.push(problem);
                continue;
            }
        };
        let line = row.line;
        let cell = |name: &str| row.get(column(name).expect("checked above"));
        let mut problem =
            |column: &str, message: String| errors.push(row.problem(Some(column), message));
        let name = cell("metric");
        if name.is_empty() {
            problem("metric", "the metric's name is empty".into());
            continue;
        }
        if !metrics.contains_key(name) {
            order.push(name.to_string());
        }
        let metric = metrics.entry(name.to_string()).or_default();
        for &(index, option) in &optional {
            let value = row.get(index);
            if value.is_empty() {
                continue;
            }
            match option {
                "unit" => match &metric.unit {
                    Some((unit, first)) if unit != value => problem("unit", format!("the unit {value:?} differs from {unit:?} on line {first} for the same metric")),
                    Some(_) => {}
                    None => metric.unit = Some((value.to_string(), line)),
                },
                "direction" => match Direction::parse(&value.to_lowercase()) {
                    None => problem("direction", format!("{value:?} is not a direction; write higher or lower (which way is better)")),
                    Some(d) => match metric.direction {
                        Some((known, first)) if known != d => problem("direction", format!("the direction differs from line {first} for the same metric")),
                        Some(_) => {}
                        None => metric.direction = Some((d, line)),
                    },
                },
                _ => match number(value) {
                    Err(message) => problem("target", message),
                    Ok(target) => match metric.target {
                        Some((known, first)) if known != target => problem("target", format!("the target differs from line {first} for the same metric")),
                        Some(_) => {}
                        None => metric.target = Some((target, line)),
                    },
                },
            }
        }
        match design {
            Design::Independent => {
                let group = match group(cell("group")) {
                    Ok(g) => g,
                    Err(message) => {
                        problem("group", message);
                        continue;
                    }
                };
                match cell("value") {
                    "" => metric.missing += 1,
                    value => match number(value) {
                        Err(message) => problem("value", message),
                        Ok(v) if group == 0 => metric.pilot.push(v),
                        Ok(v) => metric.comparison.push(v),
                    },
                }
            }
            Design::Paired => {
                let subject = cell("subject");
                if subject.is_empty() {
                    problem(
                        "subject",
                        "the subject (who or what was measured) is empty".into(),
                    );
                    continue;
                }
                if let Some(first) = metric.subjects.insert(subject.to_string(), line) {
                    problem(
                        "subject",
                        format!(
                            "{subject:?} is measured twice for this metric (first on line {first})"
                        ),
                    );
                    continue;
                }
                match (cell("before"), cell("after")) {
                    ("", _) | (_, "") => metric.missing += 1,
                    (before, after) => match (number(before), number(after)) {
                        (Ok(b), Ok(a)) => metric.pairs.push((b, a)),
                        (Err(message), _) => problem("before", message),
                        (_, Err(message)) => problem("after", message),
                    },
                }
            }
            Design::Proportion => {
                let group = match group(cell("group")) {
                    Ok(g) => g,
                    Err(message) => {
                        problem("group", message);
                        continue;
                    }
                };
                let (successes, trials) = match (count(cell("successes")), count(cell("trials"))) {
                    (Ok(s), Ok(t)) => (s, t),
                    (Err(message), _) => {
                        problem("successes", message);
                        continue;
                    }
                    (_, Err(message)) => {
                        problem("trials", message);
                        continue;
                    }
                };
                if successes > trials {
                    problem("successes", format!("{successes} successes in {trials} trials: there cannot be more successes than trials"));
                    continue;
                }
                if trials == 0 {
                    problem("trials", "a group needs at least one trial".into());
                    continue;
                }
                if let Some((_, first)) = metric.rates[group] {
                    problem(
                        "group",
                        format!(
                            "a second {} row for this metric (the first is on line {first})",
                            ["pilot", "comparison"][group]
                        ),
                    );
                    continue;
                }
                metric.rates[group] = Some(((successes, trials), line));
            }
        }
    }
    if order.is_empty() && errors.is_empty() {
        errors.push(TableError::whole("the file has a header but no results"));
    }
    if !errors.is_empty() {
        return Err(errors.into_vec());
    }
    Ok(order
        .into_iter()
        .map(|name| {
            let m = metrics.remove(&name).expect("every ordered name was built");
            MetricData {
                observations: match design {
                    Design::Independent => Observations::Independent {
                        pilot: m.pilot,
                        comparison: m.comparison,
                    },
                    Design::Paired => Observations::Paired { pairs: m.pairs },
                    Design::Proportion => Observations::Proportion {
                        pilot: m.rates[0].map(|r| r.0),
                        comparison: m.rates[1].map(|r| r.0),
                    },
                },
                name,
                unit: m.unit.map(|u| u.0),
                direction: m.direction.map(|d| d.0),
                target: m.target.map(|t| t.0),
                missing: m.missing,
            }
        })
        .collect())
}

/// 0 for the pilot group, 1 for the comparison group.
fn group(text: &str) -> Result<usize, String> {
    match text.to_lowercase().as_str() {
        "pilot" => Ok(0),
        "comparison" => Ok(1),
        "" => Err("the group is empty; write pilot or comparison".into()),
        _ => Err(format!(
            "{text:?} is not a group; write pilot or comparison"
        )),
    }
}

fn number(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(format!(
            "{text:?} is not a number (write it like 12.5, without separators or units)"
        )),
    }
}

fn count(text: &str) -> Result<u64, String> {
    if text.starts_with('-') {
        return Err(format!("{text} is negative; a count cannot be"));
    }
    text.parse::<u64>()
        .map_err(|_| format!("{text:?} is not a whole number of trials or successes"))
}
