//! `casewright pilot analyze`: a results spreadsheet judged metric by metric; `casewright
//! pilot report`: a project's pilots judged as wholes.

use std::path::Path;

use anyhow::Result;
use casewright_core::model::{format_number, Direction};
use casewright_core::pilot::{analyze as judge, table, Design, MetricResult};
use casewright_core::session::files::MAX_RESULTS_FILE;
use casewright_core::session::{Places, Session};

pub fn analyze(path: &Path, design: Design, json: bool) -> Result<()> {
    let text = crate::files::read_text(path, MAX_RESULTS_FILE)?;
    let metrics = table::read(&text, design)
        .map_err(|errors| crate::files::problems(path, &errors, "was not read"))?;
    let results: Vec<MetricResult> = metrics.iter().map(judge).collect();
    if json {
        // The document of docs/pilot-json.md: a version, then one verdict per metric.
        let analysis = serde_json::json!({ "version": 1, "design": design, "metrics": results });
        say!("{}", serde_json::to_string_pretty(&analysis)?)?;
    } else {
        for result in &results {
            say_part!("{}", text_of(result))?;
        }
    }
    Ok(())
}

fn text_of(r: &MetricResult) -> String {
    let number = |v: Option<f64>| v.map_or("—".to_string(), format_number);
    let rate = |v: Option<f64>| {
        v.map_or("—".to_string(), |v| {
            format!("{}%", format_number(v * 100.0))
        })
    };
    let unit = r
        .unit
        .as_deref()
        .map(|u| format!(" {u}"))
        .unwrap_or_default();
    let mut out = format!("{} ({})\n", r.metric, r.design.as_str());
    let (pilot, comparison, difference, low, high) = match r.design {
        Design::Proportion => (
            rate(r.estimate_pilot),
            rate(r.estimate_comparison),
            r.difference.map_or("—".into(), |d| {
                format!("{} points", format_number(d * 100.0))
            }),
            rate(r.ci_low),
            rate(r.ci_high),
        ),
        _ => (
            number(r.estimate_pilot) + &unit,
            number(r.estimate_comparison) + &unit,
            number(r.difference) + &unit,
            number(r.ci_low),
            number(r.ci_high),
        ),
    };
    let (now, then) = match r.design {
        Design::Paired => ("after", "before"),
        _ => ("pilot", "comparison"),
    };
    let n_then = r
        .n_comparison
        .map(|n| format!(" (n {n})"))
        .unwrap_or_default();
    out += &format!(
        "  {now} {pilot} (n {}), {then} {comparison}{n_then}\n",
        r.n_pilot
    );
    let relative = r
        .relative_change
        .map(|c| format!(" ({:+}%)", format_number(c * 100.0)))
        .unwrap_or_default();
    out += &format!("  change {difference}{relative}; 95% interval {low} to {high}\n");
    if let Some(effect) = r.effect_size {
        out += &format!(
            "  effect size ({}) {}\n",
            r.effect_size_measure,
            format_number(effect)
        );
    }
    if let (Some(target), Some(met)) = (r.target, r.target_met) {
        let better = match r.direction {
            Some(Direction::Lower) => ", lower is better",
            Some(Direction::Higher) => ", higher is better",
            None => "",
        };
        out += &format!(
            "  target {}{unit}{better}: {}\n",
            format_number(target),
            if met { "met" } else { "not met" }
        );
    }
    for warning in &r.warnings {
        out += &format!("  ! {}\n", warning.message);
    }
    out + "\n"
}

pub fn report(path: &Path, json: bool) -> Result<()> {
    let session = Session::new(Places::project_only());
    session.open_snapshot(path)?;
    let (project, reports) = (session.project()?, session.pilot_reports()?);
    if json {
        let document = serde_json::json!({ "version": 1, "pilots": reports });
        say!("{}", serde_json::to_string_pretty(&document)?)?;
        return Ok(());
    }
    if reports.is_empty() {
        say!("{} has no pilots yet.", path.display())?;
    }
    for (pilot, judged) in project.pilots.iter().zip(&reports) {
        let team = if pilot.team.trim().is_empty() {
            String::new()
        } else {
            format!(", {}", pilot.team.trim())
        };
        say!("{}{team}\n  {}", pilot.name, judged.summary)?;
        for warning in &judged.warnings {
            say!("  ! {}", warning.message)?;
        }
        say!()?;
        for criterion in &judged.criteria {
            let mark = if criterion.won { "won: " } else { "" };
            say_part!(
                "  {mark}{}",
                text_of(&criterion.result).replace('\n', "\n  ")
            )?;
            say!()?;
        }
    }
    Ok(())
}
