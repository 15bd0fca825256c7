//! Leverage the win: a pilot's clearly met criteria become a story block (what was tried,
//! where, with what result), a metric block per criterion (source: our pilot) and a
//! suggested ask for the next, larger step, placed together in the storyboard's results
//! section as one undoable edit. A pilot that did not win is refused, with the reason.

use super::report::{report, Verdict};
use crate::edit::{Edit, Place};
use crate::model::pilot::Pilot;
use crate::model::{format_number, Block, BlockKind, Project};

/// The edit that adds the pilot's win to the storyboard, or why there is no win to add.
pub fn leverage(project: &Project, pilot: &Pilot) -> Result<Edit, String> {
    let judged = report(pilot);
    match judged.verdict {
        Verdict::Win | Verdict::Mixed => {}
        Verdict::NoResults => return Err("record the pilot's results first".into()),
        Verdict::Weak => {
            return Err(format!(
                "{} The storyboard was left as it was.",
                judged.summary
            ))
        }
    }
    let won: Vec<_> = judged.criteria.iter().filter(|c| c.won).collect();
    let criterion = |id: i64| {
        pilot
            .criteria
            .iter()
            .find(|c| c.id == id)
            .expect("judged from this pilot")
    };
    let figure = |value: Option<f64>, unit: &Option<String>, rates: bool| {
        let value = value.unwrap_or(f64::NAN);
        if rates {
            format!("{}%", format_number(value * 100.0))
        } else {
            match unit.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
                Some(unit) => format!("{} {unit}", format_number(value)),
                None => format_number(value),
            }
        }
    };
    let period = match (
        pilot.start.as_deref(),
        pilot.results_until.as_deref().or(pilot.end.as_deref()),
    ) {
        (Some(start), Some(until)) => format!(", {start} to {until}"),
        _ => String::new(),
    };
    let team = if pilot.team.trim().is_empty() {
        "the pilot team".to_string()
    } else {
        pilot.team.trim().to_string()
    };
    let people = pilot
        .headcount
        .map(|n| format!(" ({n} people)"))
        .unwrap_or_default();
    let results: Vec<String> = won
        .iter()
        .map(|c| {
            let r = &c.result;
            let rates = c.chart.as_ref().is_some_and(|ch| ch.rates);
            format!(
                "{} went from {} to {}",
                r.metric.to_lowercase(),
                figure(r.estimate_comparison, &r.unit, rates),
                figure(r.estimate_pilot, &r.unit, rates)
            )
        })
        .collect();

    let mut story = Block::new(
        BlockKind::Story,
        format!("Our pilot: {}", pilot.name.trim()),
    );
    story.organisation = Some(format!("{team} (our pilot)"));
    story.body = format!(
        "{team}{people} tried it first{period}. {} {}.",
        pilot.hypothesis.trim(),
        capitalise(&results.join("; "))
    )
    .replace(" .", ".")
    .replace(". .", ".");
    story.source = Some(format!("Our pilot: {}{period}", pilot.name.trim()));
    story.tags = vec!["pilot".into(), "our result".into()];

    let mut blocks = vec![story];
    for c in &won {
        let r = &c.result;
        let plan = criterion(c.criterion);
        let rates = c.chart.as_ref().is_some_and(|ch| ch.rates);
        let mut metric = Block::new(
            BlockKind::Metric,
            format!("{} in our pilot", r.metric.trim()),
        );
        let scale = if rates { 100.0 } else { 1.0 };
        metric.number = r.estimate_pilot.map(|v| v * scale);
        metric.unit = if rates {
            Some("%".into())
        } else {
            r.unit.clone()
        };
        metric.baseline = plan.baseline.or(r.estimate_comparison).map(|v| v * scale);
        metric.target = plan.target.map(|v| v * scale);
        metric.direction = Some(plan.direction);
        metric.body = format!(
            "Measured as {}. The change was {} (95% interval {} to {}), {}.",
            if plan.measure.trim().is_empty() {
                "planned before the pilot"
            } else {
                plan.measure.trim()
            },
            figure(r.difference, &r.unit, rates),
            figure(r.ci_low, &r.unit, rates),
            figure(r.ci_high, &r.unit, rates),
            match r.target_met {
                Some(true) => "meeting its target",
                Some(false) => "short of its target",
                None => "with no target set",
            }
        );
        metric.source = Some("Our pilot".into());
        metric.tags = vec!["pilot".into(), "success measure".into()];
        blocks.push(metric);
    }
    let mut ask = Block::new(
        BlockKind::Benefit,
        format!("Next step: take {} beyond {team}", pilot.name.trim()),
    );
    ask.body = format!(
        "The pilot met {} of {} success criteria. We ask to extend it to the next teams where the culture is ready, measured the same way, with the results brought back to this board.",
        won.len(),
        judged.criteria.len()
    );
    ask.tags = vec!["ask".into()];
    blocks.push(ask);

    let section = project
        .sections
        .iter()
        .find(|s| s.title.to_lowercase().contains("result"))
        .or(project.sections.last());
    let edits = blocks
        .into_iter()
        .enumerate()
        .map(|(offset, block)| Edit::AddBlock {
            block,
            to: match section {
                Some(s) => Place::Section {
                    section_id: s.id,
                    index: (s.blocks.len() + offset) as u32,
                },
                None => Place::Library {
                    index: (project.library.len() + offset) as u32,
                },
            },
        })
        .collect();
    Ok(Edit::Batch { edits })
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
