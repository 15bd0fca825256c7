//! The framing coach: rule packs (TOML, in `assets/rules/` and the user's own), findings
//! as data, and a readiness score. Modelled on the Vale prose linter, plus storyboard
//! rules no prose linter has (a required element, evidence linkage, order, balance).

mod document;
mod elements;
mod lint;
mod pack;
mod rule;
mod terms;

pub use document::document_to_project;
pub use lint::{weight, CheckResult, Finding, Fix, Report, RuleSet};
pub use pack::{load_packs, parse_pack, Examples, Pack, PackError, BUNDLED};
pub use rule::{Audience, Check, Element, Field, Level, Rule};

use crate::model::Project;

/// The bundled rules, for `audience`.
pub fn bundled_rules(audience: Audience) -> RuleSet {
    let (packs, errors) = load_packs(BUNDLED);
    debug_assert!(errors.is_empty(), "bundled packs are tested: {errors:?}");
    RuleSet::new(packs.into_iter().flat_map(|p| p.rules).collect(), audience)
}

/// Lints a project with the bundled rules, for the audience its project names.
pub fn lint_project(project: &Project) -> Report {
    bundled_rules(Audience::infer(&project.audience)).lint(project)
}

/// The report as text, one line a finding: `section › block: level rule-id message`.
pub fn format_text(report: &Report, project: &Project) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let place = match (f.section, f.block) {
            (Some(s), Some(b)) => {
                let section = &project.sections[s as usize];
                let block = &section.blocks[b as usize];
                let name = if block.title.trim().is_empty() {
                    format!("block {}", b + 1)
                } else {
                    block.title.clone()
                };
                format!("{} › {}", section.title, name)
            }
            (Some(s), None) => project.sections[s as usize].title.clone(),
            _ => "storyboard".to_string(),
        };
        let level = match f.level {
            Level::Suggestion => "suggestion",
            Level::Warning => "warning",
            Level::Error => "error",
        };
        out.push_str(&format!("{place}: {level} {} {}\n", f.rule, f.message));
    }
    let passed = report.checks.iter().filter(|c| c.passed).count();
    out.push_str(&format!(
        "readiness {}/100 ({passed} of {} checks pass)\n",
        report.score,
        report.checks.len()
    ));
    out
}
