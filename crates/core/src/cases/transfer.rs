//! Case studies in and out: CSV (a documented default header, or the user's own columns
//! mapped to our fields) and JSON. Every bad row is reported with its line and column, and
//! nothing is returned unless every row is good, so an import is all or nothing.
//!
//! Default CSV header (any order, any case):
//! `title, organisation, industry, size, region, year, initiative, outcome_kind,
//! outcome_number, outcome_unit, outcome_description` (and `outcome2_…`, `outcome3_…` for
//! more outcomes), `quote, source_title, source_publisher, source_link, source_accessed,
//! evidence, tags` (tags separated by `;`). Only `title` and `organisation` are required;
//! an empty `evidence` means `anecdote`, the weakest.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::model::case::{CaseSource, CaseStudy, Evidence, OrgSize, Outcome, OutcomeKind};
use crate::sheet::{Problems, Sheet, TableError};

/// The fields a CSV column can fill.
pub const FIELDS: &[&str] = &[
    "title",
    "organisation",
    "industry",
    "size",
    "region",
    "year",
    "initiative",
    "outcome_kind",
    "outcome_number",
    "outcome_unit",
    "outcome_description",
    "outcome2_kind",
    "outcome2_number",
    "outcome2_unit",
    "outcome2_description",
    "outcome3_kind",
    "outcome3_number",
    "outcome3_unit",
    "outcome3_description",
    "quote",
    "source_title",
    "source_publisher",
    "source_link",
    "source_accessed",
    "evidence",
    "tags",
    "relation",
];

/// Which column (by index) fills which field.
pub type ColumnMap = HashMap<String, usize>;

/// A file about to be imported: its columns and how they map by default, for the app's
/// column-mapping step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview {
    pub file_name: String,
    /// JSON files need no mapping.
    pub json: bool,
    pub headers: Vec<String>,
    /// Field name → column index.
    #[ts(type = "Record<string, number>")]
    pub mapping: std::collections::BTreeMap<String, usize>,
    /// The fields a column can fill (see [`FIELDS`]).
    pub fields: Vec<String>,
}

/// The CSV's header row, and the map its column names give by default (a column named
/// like a field fills it; "organization" and "company" fill `organisation`).
pub fn default_mapping(text: &str) -> Result<(Vec<String>, ColumnMap), TableError> {
    let sheet = Sheet::open(text)?;
    let headers = sheet.headers().to_vec();
    let mut map = ColumnMap::new();
    for (index, header) in headers.iter().enumerate() {
        let name = header.to_lowercase().replace([' ', '-'], "_");
        let field = match name.as_str() {
            "organization" | "company" => "organisation",
            other => other,
        };
        if FIELDS.contains(&field) {
            map.entry(field.to_string()).or_insert(index);
        }
    }
    Ok((headers, map))
}

fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

const MAX_ERRORS: usize = 100;

/// Reads every row with `map`; `Err` lists every bad row (up to 100).
pub fn read_csv(text: &str, map: &ColumnMap) -> Result<Vec<CaseStudy>, Vec<TableError>> {
    let sheet = Sheet::open(text).map_err(|e| vec![e])?;
    for required in ["title", "organisation"] {
        if !map.contains_key(required) {
            let message = sheet.separator_advice().unwrap_or_else(|| {
                format!(
                    "no column gives the {required}; map one to it (the columns are: {})",
                    sheet.headers().join(", ")
                )
            });
            return Err(vec![TableError::whole(message)]);
        }
    }
    let mut cases = Vec::new();
    let mut errors = Problems::new(MAX_ERRORS);
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
        let cell = |field: &str| map.get(field).map_or("", |&i| row.get(i));
        let opt = |field: &str| Some(cell(field).to_string()).filter(|s| !s.is_empty());
        let mut problems = Vec::new();
        let mut problem =
            |field: &str, message: String| problems.push(row.problem(Some(field), message));
        let size = match cell("size") {
            "" => None,
            text => OrgSize::parse(text).or_else(|| {
                problem(
                    "size",
                    format!("{text:?} is not a size; use {}", OrgSize::names()),
                );
                None
            }),
        };
        let year = match cell("year") {
            "" => None,
            text => text.parse::<i32>().ok().or_else(|| {
                problem("year", format!("{text:?} is not a year"));
                None
            }),
        };
        let evidence = match cell("evidence") {
            "" => Evidence::Anecdote,
            text => Evidence::parse(text).unwrap_or_else(|| {
                problem(
                    "evidence",
                    format!(
                        "{text:?} is not an evidence strength; use {}",
                        Evidence::names()
                    ),
                );
                Evidence::Anecdote
            }),
        };
        let relation = match cell("relation") {
            "" => None,
            text => crate::model::Relation::parse(&text.to_lowercase()).or_else(|| {
                problem(
                    "relation",
                    format!(
                        "{text:?} is not a relation; use peer or competitor, or leave it empty"
                    ),
                );
                None
            }),
        };
        let mut outcomes = Vec::new();
        for prefix in ["outcome", "outcome2", "outcome3"] {
            let (kind, number, unit, description) = (
                cell(&format!("{prefix}_kind")),
                cell(&format!("{prefix}_number")),
                cell(&format!("{prefix}_unit")),
                cell(&format!("{prefix}_description")),
            );
            if [kind, number, unit, description]
                .iter()
                .all(|c| c.is_empty())
            {
                continue;
            }
            let Some(kind) = OutcomeKind::parse(kind) else {
                problem(
                    &format!("{prefix}_kind"),
                    if kind.is_empty() {
                        format!("an outcome needs its kind: {}", OutcomeKind::names())
                    } else {
                        format!(
                            "{kind:?} is not an outcome kind; use {}",
                            OutcomeKind::names()
                        )
                    },
                );
                continue;
            };
            let number = match number {
                "" => None,
                text => match text.replace(',', "").trim_end_matches('%').parse::<f64>() {
                    Ok(v) if v.is_finite() => Some(v),
                    _ => {
                        problem(
                            &format!("{prefix}_number"),
                            format!("{text:?} is not a number"),
                        );
                        None
                    }
                },
            };
            outcomes.push(Outcome {
                kind,
                number,
                unit: Some(unit.to_string()).filter(|u| !u.is_empty()),
                description: description.to_string(),
            });
        }
        let case = CaseStudy {
            id: 0,
            title: cell("title").to_string(),
            organisation: cell("organisation").to_string(),
            industry: cell("industry").to_lowercase(),
            size,
            region: cell("region").to_string(),
            year,
            initiative: cell("initiative").to_string(),
            outcomes,
            quote: opt("quote"),
            source: CaseSource {
                title: cell("source_title").to_string(),
                publisher: cell("source_publisher").to_string(),
                link: opt("source_link"),
                accessed: opt("source_accessed"),
            },
            evidence,
            tags: cell("tags")
                .split(';')
                .map(|t| t.trim().to_lowercase())
                .filter(|t| !t.is_empty())
                .collect(),
            relation,
        };
        if problems.is_empty() {
            if let Err(why) = case.check() {
                problems.push(row.problem(None, why));
            }
        }
        if problems.is_empty() {
            cases.push(case);
        } else {
            errors.extend(problems);
        }
    }
    if errors.is_empty() && cases.is_empty() {
        errors.push(TableError::whole("the file has no case studies"));
    }
    if errors.is_empty() {
        Ok(cases)
    } else {
        Err(errors.into_vec())
    }
}

/// Writes `cases` as CSV with the default header (at most three outcomes per case; the
/// JSON form keeps them all).
pub fn write_csv(cases: &[CaseStudy]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(FIELDS).expect("writing to memory");
    for case in cases {
        let outcome = |i: usize| case.outcomes.get(i);
        let mut row: Vec<String> = vec![
            case.title.clone(),
            case.organisation.clone(),
            case.industry.clone(),
            case.size
                .map(|s| s.as_str().to_string())
                .unwrap_or_default(),
            case.region.clone(),
            case.year.map(|y| y.to_string()).unwrap_or_default(),
            case.initiative.clone(),
        ];
        for i in 0..3 {
            let o = outcome(i);
            row.push(o.map(|o| o.kind.as_str().to_string()).unwrap_or_default());
            row.push(
                o.and_then(|o| o.number)
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
            );
            row.push(o.and_then(|o| o.unit.clone()).unwrap_or_default());
            row.push(o.map(|o| o.description.clone()).unwrap_or_default());
        }
        row.extend([
            case.quote.clone().unwrap_or_default(),
            case.source.title.clone(),
            case.source.publisher.clone(),
            case.source.link.clone().unwrap_or_default(),
            case.source.accessed.clone().unwrap_or_default(),
            case.evidence.as_str().to_string(),
            case.tags.join("; "),
            case.relation
                .map(|r| r.as_str().to_string())
                .unwrap_or_default(),
        ]);
        writer.write_record(&row).expect("writing to memory");
    }
    String::from_utf8(writer.into_inner().expect("writing to memory"))
        .expect("CSV of UTF-8 text is UTF-8")
}

pub const JSON_FORMAT: &str = "casewright-cases";

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CasesDoc {
    format: String,
    version: u32,
    cases: Vec<CaseStudy>,
}

/// The document as first read: each case still its own text, so a bad one can be named by
/// where it is in the file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCasesDoc<'a> {
    format: String,
    version: u32,
    #[serde(borrow)]
    cases: Vec<&'a serde_json::value::RawValue>,
}

/// Line and column (1-based, as editors show them) of byte `offset` in `text`.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Reads the JSON form (`{"format": "casewright-cases", "version": 1, "cases": [...]}`);
/// every case is checked, and the first bad one is named with the line and column where
/// its bad value (or, for a case that breaks a rule, the case itself) starts.
pub fn read_json(text: &str) -> Result<Vec<CaseStudy>, String> {
    let text = strip_bom(text);
    let doc: RawCasesDoc = serde_json::from_str(text).map_err(|e| {
        format!(
            "not valid case-study JSON (line {}, column {}): {e}",
            e.line(),
            e.column()
        )
    })?;
    if doc.format != JSON_FORMAT {
        return Err(format!(
            "this JSON is {:?}, not {JSON_FORMAT:?}",
            doc.format
        ));
    }
    if doc.version > 1 {
        return Err(format!(
            "this is version {} of the case format; this build reads version 1",
            doc.version
        ));
    }
    let mut cases = Vec::with_capacity(doc.cases.len());
    for (index, raw) in doc.cases.iter().enumerate() {
        // The raw text borrows from `text`, so its place in the file is a pointer difference.
        let start = raw.get().as_ptr() as usize - text.as_ptr() as usize;
        let (line, column) = position(text, start);
        let mut case: CaseStudy = serde_json::from_str(raw.get()).map_err(|e| {
            let (at_line, at_column) = if e.line() <= 1 {
                (line, column + e.column().saturating_sub(1))
            } else {
                (line + e.line() - 1, e.column())
            };
            let message = e.to_string();
            let message = message
                .rsplit_once(" at line ")
                .map_or(message.as_str(), |(m, _)| m);
            format!(
                "line {at_line}, column {at_column}: case {}: {message}",
                index + 1
            )
        })?;
        case.check().map_err(|why| {
            format!(
                "line {line}, column {column}: case {} ({:?}): {why}",
                index + 1,
                case.title
            )
        })?;
        case.id = 0;
        cases.push(case);
    }
    Ok(cases)
}

pub fn write_json(cases: &[CaseStudy]) -> String {
    let doc = CasesDoc {
        format: JSON_FORMAT.into(),
        version: 1,
        cases: cases
            .iter()
            .cloned()
            .map(|mut c| {
                c.id = 0;
                c
            })
            .collect(),
    };
    serde_json::to_string_pretty(&doc).expect("cases serialise") + "\n"
}
