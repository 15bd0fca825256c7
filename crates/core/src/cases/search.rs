//! Finding cases: full-text search (FTS5, ranked by bm25, prefix matching on the word being
//! typed), filters, facet counts and highlighted snippets. What the user types is never
//! passed to FTS5 as query syntax: it is split into words and each word quoted, so quotes,
//! stars, operators and stray parentheses are just text.

use std::collections::HashMap;

use rusqlite::{params_from_iter, types::Value, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::model::{CaseStudy, Evidence, OrgSize, OutcomeKind};
use super::store::{self, RowError};
use crate::model::Relation;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct CaseQuery {
    pub text: String,
    pub industry: Option<String>,
    pub size: Option<OrgSize>,
    pub kind: Option<OutcomeKind>,
    pub year: Option<i32>,
    pub evidence: Option<Evidence>,
    pub relation: Option<Relation>,
    pub sort: SortOrder,
    /// At most this many hits (default 50, at most 500).
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SortOrder {
    /// Best match first (newest first when there is no text).
    #[default]
    Relevance,
    Newest,
    Title,
}

/// A piece of a snippet; `hit` marks the words that matched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CaseHit {
    pub case: CaseStudy,
    pub relation: Option<Relation>,
    /// Where the words matched, marked; empty without search text.
    pub snippet: Vec<SnippetPart>,
}

/// Counts of the matching cases by each facet's values, most first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Facets {
    pub industry: Vec<FacetCount>,
    pub size: Vec<FacetCount>,
    pub kind: Vec<FacetCount>,
    pub year: Vec<FacetCount>,
    pub evidence: Vec<FacetCount>,
    pub relation: Vec<FacetCount>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FacetCount {
    pub value: String,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchResult {
    pub hits: Vec<CaseHit>,
    /// How many cases match in all (hits are the first of them).
    pub total: u32,
    pub facets: Facets,
}

/// The FTS5 query for what was typed: each word quoted; the last one as a prefix while
/// it is still being typed (no space after it). `None` when there is no word.
pub fn match_expression(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(32)
        .collect();
    let last = words.len().checked_sub(1)?;
    let typing = !text.ends_with(char::is_whitespace);
    Some(
        words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                if i == last && typing {
                    format!("\"{w}\"*")
                } else {
                    format!("\"{w}\"")
                }
            })
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// The WHERE clause and its values for the query's filters (the FTS match included).
fn conditions(query: &CaseQuery, matched: Option<&str>) -> (String, Vec<Value>) {
    let mut clauses = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    if let Some(expression) = matched {
        clauses.push("c.id IN (SELECT rowid FROM case_fts WHERE case_fts MATCH ?)".to_string());
        values.push(expression.to_string().into());
    }
    if let Some(industry) = &query.industry {
        clauses.push("c.industry = ?".into());
        values.push(industry.trim().to_lowercase().into());
    }
    if let Some(size) = query.size {
        clauses.push("c.size = ?".into());
        values.push(size.as_str().to_string().into());
    }
    if let Some(kind) = query.kind {
        clauses.push(
            "EXISTS (SELECT 1 FROM case_outcome_kind k WHERE k.case_id = c.id AND k.kind = ?)"
                .into(),
        );
        values.push(kind.as_str().to_string().into());
    }
    if let Some(year) = query.year {
        clauses.push("c.year = ?".into());
        values.push(i64::from(year).into());
    }
    if let Some(evidence) = query.evidence {
        clauses.push("c.evidence = ?".into());
        values.push(evidence.as_str().to_string().into());
    }
    if let Some(relation) = query.relation {
        clauses.push("c.relation = ?".into());
        values.push(relation.as_str().to_string().into());
    }
    let clause = if clauses.is_empty() {
        "1".to_string()
    } else {
        clauses.join(" AND ")
    };
    (clause, values)
}

const SNIPPET_OPEN: char = '\u{2}';
const SNIPPET_CLOSE: char = '\u{3}';
/// bm25 weights for title, organisation, initiative, outcomes, quote, tags, industry, region.
const WEIGHTS: &str = "5.0, 2.0, 2.0, 3.0, 1.0, 3.0, 2.0, 1.0";

pub fn search(conn: &Connection, query: &CaseQuery) -> Result<SearchResult, RowError> {
    let expression = match_expression(&query.text);
    let limit = query.limit.unwrap_or(50).min(500);
    let (clause, values) = conditions(query, None);
    let (ids, total): (Vec<(i64, String)>, u32) = match &expression {
        Some(expression) => {
            let order = match query.sort {
                SortOrder::Relevance => format!("bm25(case_fts, {WEIGHTS})"),
                SortOrder::Newest => "c.year IS NULL, c.year DESC, c.id".into(),
                SortOrder::Title => "c.title COLLATE NOCASE, c.id".into(),
            };
            let sql = format!(
                "SELECT c.id, snippet(case_fts, -1, '{SNIPPET_OPEN}', '{SNIPPET_CLOSE}', '…', 14)
                 FROM case_fts JOIN case_study c ON c.id = case_fts.rowid
                 WHERE case_fts MATCH ? AND {clause}
                 ORDER BY {order} LIMIT {limit}"
            );
            let mut all: Vec<Value> = vec![expression.clone().into()];
            all.extend(values.iter().cloned());
            let mut stmt = conn.prepare(&sql)?;
            let ids = stmt
                .query_map(params_from_iter(all.iter()), |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
            let (clause, values) = conditions(query, Some(expression));
            let total = conn.query_row(
                &format!("SELECT COUNT(*) FROM case_study c WHERE {clause}"),
                params_from_iter(values.iter()),
                |r| r.get(0),
            )?;
            (ids, total)
        }
        None => {
            let order = match query.sort {
                SortOrder::Title => "c.title COLLATE NOCASE, c.id",
                _ => "c.year IS NULL, c.year DESC, c.id",
            };
            let mut stmt = conn.prepare(&format!(
                "SELECT c.id FROM case_study c WHERE {clause} ORDER BY {order} LIMIT {limit}"
            ))?;
            let ids = stmt
                .query_map(params_from_iter(values.iter()), |r| {
                    Ok((r.get(0)?, String::new()))
                })?
                .collect::<Result<_, _>>()?;
            let total = conn.query_row(
                &format!("SELECT COUNT(*) FROM case_study c WHERE {clause}"),
                params_from_iter(values.iter()),
                |r| r.get(0),
            )?;
            (ids, total)
        }
    };
    let cases = store::load(conn, &ids.iter().map(|(id, _)| *id).collect::<Vec<_>>())?;
    let snippets: HashMap<i64, String> = ids.into_iter().collect();
    let hits = cases
        .into_iter()
        .map(|stored| CaseHit {
            snippet: parse_snippet(snippets.get(&stored.case.id).map_or("", String::as_str)),
            relation: stored.relation,
            case: stored.case,
        })
        .collect();
    Ok(SearchResult {
        hits,
        total,
        facets: facets(conn, query)?,
    })
}

/// Splits FTS5's marked snippet into plain and matched pieces.
fn parse_snippet(marked: &str) -> Vec<SnippetPart> {
    let mut parts = Vec::new();
    let mut hit = false;
    let mut text = String::new();
    for c in marked.chars() {
        if c == SNIPPET_OPEN || c == SNIPPET_CLOSE {
            if !text.is_empty() {
                parts.push(SnippetPart {
                    text: std::mem::take(&mut text),
                    hit,
                });
            }
            hit = c == SNIPPET_OPEN;
        } else {
            text.push(c);
        }
    }
    if !text.is_empty() {
        parts.push(SnippetPart { text, hit });
    }
    parts
}

/// Facet counts over the cases the query matches.
pub fn facets(conn: &Connection, query: &CaseQuery) -> rusqlite::Result<Facets> {
    let expression = match_expression(&query.text);
    let (clause, values) = conditions(query, expression.as_deref());
    let count = |column: &str| -> rusqlite::Result<Vec<FacetCount>> {
        let mut stmt = conn.prepare(&format!(
            "SELECT {column}, COUNT(*) AS n FROM case_study c WHERE {clause} AND {column} IS NOT NULL
             GROUP BY {column} ORDER BY n DESC, {column}"
        ))?;
        let rows = stmt.query_map(params_from_iter(values.iter()), |r| {
            let value: Value = r.get(0)?;
            Ok(FacetCount {
                value: match value {
                    Value::Integer(i) => i.to_string(),
                    Value::Text(t) => t,
                    _ => String::new(),
                },
                count: r.get(1)?,
            })
        })?;
        rows.filter(|r| r.as_ref().map_or(true, |f| !f.value.is_empty()))
            .collect()
    };
    let kind = {
        let mut stmt = conn.prepare(&format!(
            "SELECT k.kind, COUNT(*) AS n FROM case_outcome_kind k JOIN case_study c ON c.id = k.case_id
             WHERE {clause} GROUP BY k.kind ORDER BY n DESC, k.kind"
        ))?;
        let rows = stmt.query_map(params_from_iter(values.iter()), |r| {
            Ok(FacetCount {
                value: r.get(0)?,
                count: r.get(1)?,
            })
        })?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
    };
    Ok(Facets {
        industry: count("c.industry")?,
        size: count("c.size")?,
        kind,
        year: count("c.year")?,
        evidence: count("c.evidence")?,
        relation: count("c.relation")?,
    })
}

/// Ranks cases by how well they fit a project: its audience and the words its storyboard
/// uses most (ignoring common words), as one OR query ranked by bm25.
pub fn relevant_to(
    conn: &Connection,
    project: &crate::Project,
    limit: u32,
) -> Result<Vec<CaseHit>, RowError> {
    const COMMON: &[&str] = &[
        "the",
        "and",
        "for",
        "that",
        "with",
        "this",
        "from",
        "have",
        "will",
        "are",
        "our",
        "their",
        "they",
        "was",
        "were",
        "has",
        "into",
        "more",
        "than",
        "what",
        "when",
        "which",
        "about",
        "its",
        "can",
        "one",
        "all",
        "not",
        "but",
        "who",
        "how",
        "each",
        "year",
        "years",
        "per",
        "replace",
        "illustrative",
        "your",
        "own",
        "data",
    ];
    let mut counts: HashMap<String, u32> = HashMap::new();
    let texts = std::iter::once(project.audience.as_str())
        .chain(std::iter::once(project.title.as_str()))
        .chain(
            project
                .all_blocks()
                .flat_map(|b| [b.title.as_str(), b.body.as_str()]),
        )
        .chain(
            project
                .all_blocks()
                .flat_map(|b| b.tags.iter().map(String::as_str)),
        );
    for text in texts {
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            let word = word.to_lowercase();
            if word.chars().count() >= 4
                && !COMMON.contains(&word.as_str())
                && !word.chars().all(|c| c.is_ascii_digit())
            {
                *counts.entry(word).or_default() += 1;
            }
        }
    }
    let mut words: Vec<(String, u32)> = counts.into_iter().collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let expression = words
        .iter()
        .take(16)
        .map(|(w, _)| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(" OR ");
    if expression.is_empty() {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare(&format!(
        "SELECT rowid FROM case_fts WHERE case_fts MATCH ?1 ORDER BY bm25(case_fts, {WEIGHTS}) LIMIT ?2"
    ))?;
    let ids: Vec<i64> = stmt
        .query_map(rusqlite::params![expression, limit], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(store::load(conn, &ids)?
        .into_iter()
        .map(|stored| CaseHit {
            case: stored.case,
            relation: stored.relation,
            snippet: Vec::new(),
        })
        .collect())
}
