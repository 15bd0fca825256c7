//! The project's JSON exchange format, version 4: what `casewright show --format json`
//! prints and `casewright new --from` reads. The bundled sample is written in it.
//!
//! It is a transport shape of its own (no row ids, a format tag and a version), so the
//! storyboard model can change without silently changing what colleagues' scripts read.
//!
//! ```json
//! {
//!   "format": "casewright-project",
//!   "version": 4,
//!   "title": "…", "author": "…", "audience": "…", "industry": "manufacturing",
//!   "accent": "#0B5C85",
//!   "sections": [
//!     { "title": "Opportunity",
//!       "blocks": [
//!         { "kind": "benefit", "title": "…", "body": "…" },
//!         { "kind": "story", "title": "…", "body": "…", "organisation": "…",
//!           "relation": "peer", "source": "…", "sourceLink": "https://…", "sourceDate": "2025-03" },
//!         { "kind": "metric", "title": "…", "body": "…", "number": 34, "unit": "%",
//!           "direction": "higher", "baseline": 20, "target": 34, "source": "…", "tags": ["pilot"] }
//!       ],
//!       "notes": "What to say while this section is on screen." }
//!   ],
//!   "library": [ { "kind": "benefit", "title": "…" } ],
//!   "cases": [ { "case": { "title": "…", "organisation": "…", … }, "relation": "peer" } ]
//! }
//! ```
//! `kind` is `benefit`, `story` or `metric`; `relation` is `peer` or `competitor`;
//! `direction` is `higher` or `lower` (which way the metric improves). Every field but
//! `kind` and `title` may be left out; `library` holds blocks not placed in a section.
//! Unknown fields are refused, so a typo is reported instead of dropped. Version 1 to 3
//! files (the same without the fields added since: block fields in 2, `accent` and
//! `pilots` in 3, `industry`, `cases` and a block's `case` in 4) are read as they are. A pilot is written as `pilot::Pilot` without ids:
//! `{"name", "team", "headcount", "start", "end", "resultsUntil", "hypothesis",
//! "readiness", "criteria": [{"metric", "unit", "direction", "baseline", "target",
//! "measure", "results": {"design": "independent", "pilot": [..], "comparison": [..]}}]}`
//! (paired: `"pairs": [[before, after], ..]`; proportion: `"pilot": {"successes", "trials"}`).
//! `cases` holds the case studies used in the project, each as in the `casewright-cases`
//! format (docs/cases.md) with how that organisation stands to ours; a story block made
//! from one says which with `"case": N`, its index in `cases` (from 0). Pictures (the logo, photos) live only in the project file; the JSON
//! form carries the text and figures.

use serde::{Deserialize, Serialize};

use crate::model::{Block, BlockKind, Direction, Project, Relation, Section};

pub const FORMAT_TAG: &str = "casewright-project";
pub const FORMAT_VERSION: u32 = 4;

/// The bundled sample project (see `assets/sample/`).
pub const SAMPLE_JSON: &str = include_str!("../../../assets/sample/social-collaboration.json");

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProjectDoc {
    format: String,
    version: u32,
    title: String,
    #[serde(default)]
    author: String,
    #[serde(default)]
    audience: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    industry: String,
    #[serde(default)]
    sections: Vec<SectionDoc>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    library: Vec<BlockDoc>,
    /// The organisation's colour, `#RRGGBB`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    accent: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pilots: Vec<PilotDoc>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    cases: Vec<CaseDoc>,
}

/// A case study used in the project (its id left out: blocks refer to it by position).
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseDoc {
    case: crate::model::case::CaseStudy,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    relation: Option<Relation>,
}

/// A pilot without its row ids (see `pilot::Pilot`).
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct PilotDoc {
    name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    team: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    headcount: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    end: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    results_until: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    hypothesis: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    readiness: String,
    #[serde(default)]
    criteria: Vec<CriterionDoc>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct CriterionDoc {
    metric: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unit: Option<String>,
    direction: Direction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    baseline: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    target: Option<f64>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    measure: String,
    results: crate::pilot::Results,
}

impl From<PilotDoc> for crate::pilot::Pilot {
    fn from(p: PilotDoc) -> crate::pilot::Pilot {
        crate::pilot::Pilot {
            id: 0,
            name: p.name,
            team: p.team,
            headcount: p.headcount,
            start: p.start,
            end: p.end,
            results_until: p.results_until,
            hypothesis: p.hypothesis,
            readiness: p.readiness,
            criteria: p
                .criteria
                .into_iter()
                .map(|c| crate::pilot::Criterion {
                    id: 0,
                    metric: c.metric,
                    unit: c.unit,
                    direction: c.direction,
                    baseline: c.baseline,
                    target: c.target,
                    measure: c.measure,
                    results: c.results,
                })
                .collect(),
        }
    }
}

impl From<&crate::pilot::Pilot> for PilotDoc {
    fn from(p: &crate::pilot::Pilot) -> PilotDoc {
        PilotDoc {
            name: p.name.clone(),
            team: p.team.clone(),
            headcount: p.headcount,
            start: p.start.clone(),
            end: p.end.clone(),
            results_until: p.results_until.clone(),
            hypothesis: p.hypothesis.clone(),
            readiness: p.readiness.clone(),
            criteria: p
                .criteria
                .iter()
                .map(|c| CriterionDoc {
                    metric: c.metric.clone(),
                    unit: c.unit.clone(),
                    direction: c.direction,
                    baseline: c.baseline,
                    target: c.target,
                    measure: c.measure.clone(),
                    results: c.results.clone(),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionDoc {
    title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    notes: String,
    #[serde(default)]
    blocks: Vec<BlockDoc>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct BlockDoc {
    kind: BlockKind,
    title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    body: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    organisation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    relation: Option<Relation>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "whole_numbers_plain"
    )]
    number: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    direction: Option<Direction>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "whole_numbers_plain"
    )]
    baseline: Option<f64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "whole_numbers_plain"
    )]
    target: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source_link: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source_date: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    tags: Vec<String>,
    /// Coach rules dismissed for this block.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    dismissed: Vec<String>,
    /// The case study this story was made from: its index in the project's `cases`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    case: Option<usize>,
}

impl From<BlockDoc> for Block {
    fn from(b: BlockDoc) -> Block {
        Block {
            id: 0,
            uid: String::new(),
            kind: b.kind,
            title: b.title,
            body: b.body,
            number: b.number,
            unit: b.unit,
            source: b.source,
            source_link: b.source_link,
            source_date: b.source_date,
            organisation: b.organisation,
            relation: b.relation,
            direction: b.direction,
            baseline: b.baseline,
            target: b.target,
            tags: b.tags,
            dismissed: b.dismissed,
            photo: None,
            case_id: b.case.map(case_id_of_index),
        }
    }
}

/// Cases read from JSON are numbered 1, 2, … in `cases` order, so blocks can name theirs
/// before anything is stored (the project file keeps these ids).
fn case_id_of_index(index: usize) -> i64 {
    index as i64 + 1
}

impl BlockDoc {
    fn of(b: &Block, cases: &[crate::model::ProjectCase]) -> BlockDoc {
        BlockDoc {
            kind: b.kind,
            title: b.title.clone(),
            body: b.body.clone(),
            number: b.number,
            unit: b.unit.clone(),
            direction: b.direction,
            baseline: b.baseline,
            target: b.target,
            organisation: b.organisation.clone(),
            relation: b.relation,
            source: b.source.clone(),
            source_link: b.source_link.clone(),
            source_date: b.source_date.clone(),
            tags: b.tags.clone(),
            dismissed: b.dismissed.clone(),
            case: b
                .case_id
                .and_then(|id| cases.iter().position(|c| c.case.id == id)),
        }
    }
}

/// Writes 52 rather than 52.0, so the JSON reads as a person would write it.
fn whole_numbers_plain<S: serde::Serializer>(
    number: &Option<f64>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match number {
        Some(n) if n.fract() == 0.0 && n.abs() < 1e15 => serializer.serialize_i64(*n as i64),
        Some(n) => serializer.serialize_f64(*n),
        None => serializer.serialize_none(),
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    #[error("not valid project JSON (line {line}, column {column}): {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("this JSON is not a Casewright project (its \"format\" is {found:?}, expected {FORMAT_TAG:?})")]
    WrongFormat { found: String },
    #[error("this project JSON is version {found}; this build reads version {FORMAT_VERSION} (update Casewright)")]
    TooNew { found: u32 },
    #[error("the accent colour {0:?} is not a colour; write it as #RRGGBB")]
    InvalidAccent(String),
    #[error("pilot {name:?}: {reason}")]
    InvalidPilot { name: String, reason: String },
    #[error("case study {index} ({title:?}): {reason}")]
    InvalidCase {
        index: usize,
        title: String,
        reason: String,
    },
    #[error("the project holds more than a project may: {0}")]
    OverLimit(String),
    #[error("block {title:?} names case {index}, but the project has {count} case studies (counted from 0)")]
    NoSuchCase {
        title: String,
        index: usize,
        count: usize,
    },
}

/// Reads a project from the JSON exchange format. Ids in the result are 0 until stored.
pub fn project_from_json(text: &str) -> Result<Project, ExchangeError> {
    let doc: ProjectDoc = serde_json::from_str(text).map_err(|e| ExchangeError::Syntax {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    if doc.format != FORMAT_TAG {
        return Err(ExchangeError::WrongFormat { found: doc.format });
    }
    if doc.version > FORMAT_VERSION {
        return Err(ExchangeError::TooNew { found: doc.version });
    }
    if let Some(accent) = doc
        .accent
        .as_deref()
        .filter(|a| crate::briefing::layout::Rgb::parse_hex(a).is_none())
    {
        return Err(ExchangeError::InvalidAccent(accent.to_string()));
    }
    let pilots: Vec<crate::pilot::Pilot> = doc.pilots.into_iter().map(Into::into).collect();
    for pilot in &pilots {
        pilot
            .check()
            .map_err(|reason| ExchangeError::InvalidPilot {
                name: pilot.name.clone(),
                reason,
            })?;
    }
    for (index, used) in doc.cases.iter().enumerate() {
        used.case
            .check()
            .map_err(|reason| ExchangeError::InvalidCase {
                index,
                title: used.case.title.clone(),
                reason,
            })?;
    }
    let count = doc.cases.len();
    let all_blocks = doc
        .sections
        .iter()
        .flat_map(|s| s.blocks.iter())
        .chain(doc.library.iter());
    for block in all_blocks {
        if let Some(index) = block.case.filter(|i| *i >= count) {
            return Err(ExchangeError::NoSuchCase {
                title: block.title.clone(),
                index,
                count,
            });
        }
    }
    let cases = doc
        .cases
        .into_iter()
        .enumerate()
        .map(|(index, used)| crate::model::ProjectCase {
            case: crate::model::case::CaseStudy {
                id: case_id_of_index(index),
                relation: used.relation,
                ..used.case
            },
            relation: used.relation,
        })
        .collect();
    let project = Project {
        title: doc.title,
        author: doc.author,
        audience: doc.audience,
        industry: doc.industry.trim().to_lowercase(),
        sections: doc
            .sections
            .into_iter()
            .map(|s| Section {
                id: 0,
                uid: String::new(),
                title: s.title,
                notes: s.notes,
                blocks: s.blocks.into_iter().map(Block::from).collect(),
            })
            .collect(),
        library: doc.library.into_iter().map(Block::from).collect(),
        logo: None,
        accent: doc.accent,
        pilots,
        cases,
    };
    // Refused here, naming the block, rather than by the file it would be written to.
    crate::limits::check_project(&project).map_err(|e| ExchangeError::OverLimit(e.0))?;
    Ok(project)
}

/// Writes a project in the JSON exchange format (pretty-printed, ids dropped).
pub fn project_to_json(project: &Project) -> String {
    let doc = ProjectDoc {
        format: FORMAT_TAG.to_string(),
        version: FORMAT_VERSION,
        title: project.title.clone(),
        author: project.author.clone(),
        audience: project.audience.clone(),
        industry: project.industry.clone(),
        sections: project
            .sections
            .iter()
            .map(|s| SectionDoc {
                title: s.title.clone(),
                notes: s.notes.clone(),
                blocks: s
                    .blocks
                    .iter()
                    .map(|b| BlockDoc::of(b, &project.cases))
                    .collect(),
            })
            .collect(),
        library: project
            .library
            .iter()
            .map(|b| BlockDoc::of(b, &project.cases))
            .collect(),
        accent: project.accent.clone(),
        pilots: project.pilots.iter().map(PilotDoc::from).collect(),
        cases: project
            .cases
            .iter()
            .map(|used| CaseDoc {
                // The project's relation is written once, beside the case.
                case: crate::model::case::CaseStudy {
                    id: 0,
                    relation: None,
                    ..used.case.clone()
                },
                relation: used.relation,
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&doc).expect("a project always serialises");
    text.push('\n');
    text
}

/// The bundled sample project, parsed.
pub fn sample_project() -> Project {
    project_from_json(SAMPLE_JSON).expect("the bundled sample is valid (tested)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_parses_and_follows_the_persuasive_arc() {
        let project = sample_project();
        assert!(project.sections.len() >= 5, "the arc has five steps");
        let kinds: Vec<BlockKind> = project
            .sections
            .iter()
            .flat_map(|s| s.blocks.iter().map(|b| b.kind))
            .collect();
        for kind in BlockKind::ALL {
            assert!(kinds.contains(&kind), "sample lacks a {kind:?} block");
        }
        let text = project_to_json(&project).to_lowercase();
        assert!(
            text.contains("illustrative"),
            "sample figures must be marked illustrative"
        );
    }

    #[test]
    fn json_round_trips() {
        let project = sample_project();
        let again = project_from_json(&project_to_json(&project)).unwrap();
        assert_eq!(project, again);
    }

    #[test]
    fn whole_numbers_are_written_without_a_decimal_point() {
        let number_of = |n: f64| {
            let mut project = sample_project();
            project.sections.truncate(1);
            project.sections[0].blocks.truncate(1);
            project.sections[0].blocks[0].number = Some(n);
            let json: serde_json::Value = serde_json::from_str(&project_to_json(&project)).unwrap();
            json["sections"][0]["blocks"][0]["number"].to_string()
        };
        assert_eq!(number_of(7.0), "7");
        assert_eq!(number_of(-1200.0), "-1200");
        assert_eq!(number_of(2.5), "2.5");
    }

    #[test]
    fn a_field_past_the_limits_is_refused_naming_its_section_and_block() {
        let mut project = sample_project();
        project.sections[0].blocks[0].title = "x".repeat(2_000);
        let json = project_to_json(&project);
        let error = project_from_json(&json).unwrap_err();
        let message = error.to_string();
        assert!(matches!(error, ExchangeError::OverLimit(_)), "{message}");
        assert!(
            message.contains(&format!(
                "in section {:?}: block \"",
                project.sections[0].title
            )),
            "{message}"
        );
        assert!(message.contains("2000 characters long"), "{message}");
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let err =
            project_from_json("{\n  \"format\": \"casewright-project\",\n  oops\n}").unwrap_err();
        match err {
            ExchangeError::Syntax { line, .. } => assert_eq!(line, 3),
            other => panic!("expected a syntax error, got {other:?}"),
        }
    }

    #[test]
    fn version_1_documents_are_still_read() {
        let v1 = r#"{"format":"casewright-project","version":1,"title":"x",
            "sections":[{"title":"s","blocks":[{"kind":"metric","title":"m","number":3,"source":"r"}]}]}"#;
        let project = project_from_json(v1).unwrap();
        let block = &project.sections[0].blocks[0];
        assert_eq!(
            (block.number, block.source.as_deref()),
            (Some(3.0), Some("r"))
        );
        assert!(project_to_json(&project).contains(&format!("\"version\": {FORMAT_VERSION}")));
    }

    #[test]
    fn every_field_survives_the_round_trip() {
        let mut block = Block::new(BlockKind::Story, "A peer did it");
        block.organisation = Some("Harbourline (illustrative)".into());
        block.relation = Some(Relation::Competitor);
        block.source_link = Some("https://example.org/report".into());
        block.source_date = Some("2025-03".into());
        block.direction = Some(Direction::Lower);
        block.baseline = Some(19.0);
        block.target = Some(12.5);
        block.tags = vec!["proof".into(), "ops".into()];
        let mut project = sample_project();
        project.sections[0].notes = "Open with the cost of waiting.".into();
        project.library.push(block);
        assert_eq!(
            project_from_json(&project_to_json(&project)).unwrap(),
            project
        );
    }

    fn used_cases() -> Project {
        let mut project = sample_project();
        project.industry = "manufacturing".into();
        for (id, relation) in [(1, Some(Relation::Peer)), (2, None)] {
            let case = crate::model::case::CaseStudy {
                id,
                relation,
                ..crate::cases::library::starter_cases()[id as usize].clone()
            };
            let mut story = crate::model::case_story::story_block(&case, relation);
            story.case_id = Some(id);
            project.sections[2].blocks.push(story);
            project
                .cases
                .push(crate::model::ProjectCase { case, relation });
        }
        project
    }

    #[test]
    fn used_case_studies_and_their_stories_survive_the_round_trip() {
        let project = used_cases();
        let json = project_to_json(&project);
        assert!(
            json.contains("\"case\": 1"),
            "the second story names the second case"
        );
        assert_eq!(project_from_json(&json).unwrap(), project);
        // And through a project file, as `new --from` then `show --format json` do.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cases.casewright");
        crate::ProjectFile::create(&path, &project_from_json(&json).unwrap()).unwrap();
        let stored = crate::ProjectFile::open(&path).unwrap().load().unwrap();
        assert_eq!(project_to_json(&stored), json);
    }

    #[test]
    fn a_story_naming_a_missing_case_or_a_bad_case_is_refused() {
        let mut json: serde_json::Value =
            serde_json::from_str(&project_to_json(&used_cases())).unwrap();
        json["library"] = serde_json::json!([{"kind": "story", "title": "Lost", "case": 5}]);
        let error = project_from_json(&json.to_string())
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("\"Lost\" names case 5") && error.contains("has 2"),
            "{error}"
        );
        json["library"] = serde_json::json!([]);
        json["cases"][1]["case"]["title"] = serde_json::json!("");
        let error = project_from_json(&json.to_string())
            .unwrap_err()
            .to_string();
        assert!(error.starts_with("case study 1 (\"\")"), "{error}");
    }

    #[test]
    fn other_json_and_newer_versions_are_refused() {
        let other = r#"{"format":"slides","version":1,"title":"x"}"#;
        assert!(matches!(
            project_from_json(other),
            Err(ExchangeError::WrongFormat { .. })
        ));
        let newer = r#"{"format":"casewright-project","version":9,"title":"x"}"#;
        assert!(matches!(
            project_from_json(newer),
            Err(ExchangeError::TooNew { found: 9 })
        ));
    }

    #[test]
    fn unknown_fields_and_kinds_are_reported() {
        let typo = r#"{"format":"casewright-project","version":1,"title":"x","autor":"me"}"#;
        assert!(project_from_json(typo)
            .unwrap_err()
            .to_string()
            .contains("autor"));
        let kind = r#"{"format":"casewright-project","version":1,"title":"x",
            "sections":[{"title":"s","blocks":[{"kind":"slide","title":"b"}]}]}"#;
        assert!(project_from_json(kind)
            .unwrap_err()
            .to_string()
            .contains("slide"));
    }
}
