//! The framing coach: rule packs (TOML, in `assets/rules/` and the user's own), findings
//! as data, and a readiness score. Modelled on the Vale prose linter, plus storyboard
//! rules no prose linter has (a required element, evidence linkage, order, balance).

mod elements;
mod lint;
mod pack;
mod rule;
mod terms;

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
