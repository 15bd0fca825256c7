//! The framing coach: rule packs (TOML, in `assets/rules/` and the user's own), findings
//! as data, and a readiness score. Modelled on the Vale prose linter, plus storyboard
//! rules no prose linter has (a required element, evidence linkage, order, balance).

mod context;
mod document;
mod elements;
mod lint;
mod pack;
mod rule;
mod sentences;
mod supply;
mod terms;

pub use context::SetAside;
pub use document::document_to_project;
pub use elements::CheckEvidence;
pub use lint::{weight, CheckResult, Finding, Fix, Report, RuleSet, SetAsideFinding};
pub use pack::{load_packs, parse_pack, Examples, Pack, PackError, BUNDLED};
pub use rule::{Audience, Check, ContextKind, Element, Field, Level, Rule};

use std::sync::OnceLock;

use crate::model::{Block, Project};

/// The bundled rules, for `audience`.
pub fn bundled_rules(audience: Audience) -> RuleSet {
    let (packs, errors) = load_packs(BUNDLED);
    debug_assert!(errors.is_empty(), "bundled packs are tested: {errors:?}");
    RuleSet::new(packs.into_iter().flat_map(|p| p.rules).collect(), audience)
}

/// The bundled rules for `audience`, compiled once per process: the app lints on every
/// edit and keystroke.
fn bundled_rules_cached(audience: Audience) -> &'static RuleSet {
    static COMPILED: [OnceLock<RuleSet>; Audience::ALL.len()] =
        [const { OnceLock::new() }; Audience::ALL.len()];
    let slot = Audience::ALL
        .iter()
        .position(|a| *a == audience)
        .unwrap_or(0);
    COMPILED[slot].get_or_init(|| bundled_rules(audience))
}

/// Lints a project with the bundled rules, for the audience its project names.
pub fn lint_project(project: &Project) -> Report {
    bundled_rules_cached(Audience::infer(&project.audience)).lint(project)
}

/// Lints a draft of one block of `project` (matched by id) as the user types, before the
/// edit is saved. A block in the library, or one not in the project, gets no advice: the
/// coach reads the storyboard.
pub fn lint_draft_block(project: &Project, draft: &Block) -> Vec<Finding> {
    let place = project
        .sections
        .iter()
        .enumerate()
        .find_map(|(s, section)| {
            let b = section.blocks.iter().position(|b| b.id == draft.id)?;
            Some((s as u32, b as u32))
        });
    match place {
        Some((section, index)) => bundled_rules_cached(Audience::infer(&project.audience))
            .lint_block(draft, section, index),
        None => Vec::new(),
    }
}

fn place(project: &Project, section: Option<u32>, block: Option<u32>) -> String {
    match (section, block) {
        (Some(s), Some(b)) => {
            let Some(section) = project.sections.get(s as usize) else {
                return "storyboard".to_string();
            };
            let name = match section.blocks.get(b as usize) {
                Some(block) if !block.title.trim().is_empty() => block.title.clone(),
                _ => format!("block {}", b + 1),
            };
            format!("{} › {}", section.title, name)
        }
        (Some(s), None) => project
            .sections
            .get(s as usize)
            .map_or_else(|| "storyboard".to_string(), |s| s.title.clone()),
        _ => "storyboard".to_string(),
    }
}

/// The report as text, one line a finding: `section › block: level rule-id message`.
/// Explained, each finding says why it was raised, the candidates set aside follow with
/// their reasons, and each check names what supplied it.
pub fn format_text(report: &Report, project: &Project, explain: bool) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let level = match f.level {
            Level::Suggestion => "suggestion",
            Level::Warning => "warning",
            Level::Error => "error",
        };
        let place = place(project, f.section, f.block);
        out.push_str(&format!("{place}: {level} {} {}\n", f.rule, f.message));
        if let (true, Some(reason)) = (explain, &f.reason) {
            out.push_str(&format!("    why: {reason}\n"));
        }
    }
    if explain {
        if !report.set_aside.is_empty() {
            out.push_str(&format!("set aside ({}):\n", report.set_aside.len()));
        }
        for a in &report.set_aside {
            let place = place(project, a.finding.section, a.finding.block);
            out.push_str(&format!(
                "{place}: set aside {} ({}): {}\n",
                a.finding.rule,
                a.context.id(),
                a.reason
            ));
        }
        for c in &report.checks {
            let mark = if c.passed { "yes" } else { "no " };
            out.push_str(&format!("check {mark} {}: {}\n", c.id, c.reason));
        }
    }
    let passed = report.checks.iter().filter(|c| c.passed).count();
    out.push_str(&format!(
        "readiness {}/100 ({passed} of {} checks pass)\n",
        report.score,
        report.checks.len()
    ));
    out
}
