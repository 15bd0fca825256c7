//! Finding cases: full-text search (FTS5, ranked by bm25, prefix matching on the word being
//! typed), filters, facet counts and highlighted snippets. What the user types is never
//! passed to FTS5 as query syntax: it is split into words and each word quoted, so quotes,
//! stars, operators and stray parentheses are just text.

use std::collections::HashMap;

use rusqlite::{params_from_iter, types::Value, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::relevance::{self, ProjectProfile};
use crate::model::case::{CaseStudy, Evidence, OrgSize, OutcomeKind};
use crate::model::Relation;
use crate::project_file::cases::{self as store, RowError};

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
    /// Relevant to the open project: cases from its industry and using the words its
    /// audience and storyboard use (see `relevance`); as `Relevance` without a project.
    Project,
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
    /// How many cases match in all (hits are the first of them); with `more`, at least this
    /// many.
    pub total: u32,
    /// More than [`CANDIDATES`] cases match the words: the hits are ranked, and the facets
    /// counted, among the most recently added of them. Typing more narrows it.
    pub more: bool,
    pub facets: Facets,
}

/// The most matches of a text search that are ranked and counted one by one. A word found
/// in most of the library (a prefix like "the") would otherwise cost a bm25 score for every
/// case on each keystroke.
pub const CANDIDATES: usize = 1_000;

/// The FTS5 query for what was typed: each word quoted; the last one as a prefix while
/// it is still being typed (no space after it) and at least three letters long (a shorter
/// one, like "HR" or "IT", is taken as a whole word: as a prefix it would match much of
/// the library and say little). `None` when there is no word.
pub fn match_expression(text: &str) -> Option<String> {
    match_expression_with(text, |_| Vec::new())
}

/// [`match_expression`], with `common_completions` giving the common words (see
/// [`COMMON_TERM_DOCS`]) that the prefix being typed completes to, most used first, with
/// how many cases hold each. When those alone fill [`CANDIDATES`], the prefix is searched
/// as them: a case holding only a rarer completion shows once the prefix narrows.
pub fn match_expression_with(
    text: &str,
    common_completions: impl FnOnce(&str) -> Vec<(String, u32)>,
) -> Option<String> {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(32)
        .collect();
    let last = words.len().checked_sub(1)?;
    let typing = !text.ends_with(char::is_whitespace) && words[last].chars().count() >= MIN_PREFIX;
    let prefix = if typing {
        let completions = common_completions(&words[last].to_lowercase());
        let docs: u32 = completions.iter().map(|(_, n)| n).sum();
        if docs as usize >= CANDIDATES {
            let terms: Vec<String> = completions
                .iter()
                .take(MAX_COMPLETIONS)
                .map(|(t, _)| format!("\"{t}\""))
                .collect();
            format!("({})", terms.join(" OR "))
        } else {
            format!("\"{}\"*", words[last])
        }
    } else {
        format!("\"{}\"", words[last])
    };
    Some(
        words[..last]
            .iter()
            .map(|w| format!("\"{w}\""))
            .chain(std::iter::once(prefix))
            .collect::<Vec<_>>()
            .join(" AND "),
    )
}

/// A word in at least this many cases is listed in `case_common_term`.
pub const COMMON_TERM_DOCS: u32 = (CANDIDATES / 4) as u32;

/// The most common completions a prefix is searched as (bm25 reads each one's whole list).
const MAX_COMPLETIONS: usize = 8;

/// Lists again the words in at least [`COMMON_TERM_DOCS`] cases (after an import).
pub fn refresh_common_terms(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.case_vocabulary
             USING fts5vocab(main, 'case_fts', 'row');
         DELETE FROM case_common_term;",
    )?;
    conn.execute(
        "INSERT INTO case_common_term (term, docs)
         SELECT term, doc FROM temp.case_vocabulary WHERE doc >= ?1",
        [COMMON_TERM_DOCS],
    )?;
    Ok(())
}

/// The common words starting with `prefix`, most used first.
fn common_completions(conn: &Connection, prefix: &str) -> rusqlite::Result<Vec<(String, u32)>> {
    conn.prepare_cached(
        "SELECT term, docs FROM case_common_term
         WHERE term >= ?1 AND term < ?1 || char(1114111)
         ORDER BY docs DESC LIMIT 32",
    )?
    .query_map([prefix], |r| Ok((r.get(0)?, r.get(1)?)))?
    .collect()
}

/// The WHERE clause and its values for the query's filters, with the FTS match when given.
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
        clauses.push("(c.kinds & ?) != 0".into());
        values.push(kind.bit().into());
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

pub fn search(conn: &Connection, query: &CaseQuery) -> Result<SearchResult, RowError> {
    search_inner(conn, query, false, None)
}

fn search_inner(
    conn: &Connection,
    query: &CaseQuery,
    with_facets: bool,
    profile: Option<&ProjectProfile>,
) -> Result<SearchResult, RowError> {
    let mut lookup_failed = None;
    let expression = match_expression_with(&query.text, |prefix| {
        common_completions(conn, prefix).unwrap_or_else(|e| {
            lookup_failed = Some(e);
            Vec::new()
        })
    });
    if let Some(e) = lookup_failed {
        return Err(e.into());
    }
    let limit = query.limit.unwrap_or(50).min(500) as usize;
    let (filters, filter_values) = conditions(query, None);
    let profile = profile.filter(|p| query.sort == SortOrder::Project && !p.is_empty());
    let Some(expression) = expression else {
        if let Some(profile) = profile {
            let ids = browse_by_relevance(conn, query, profile, limit)?;
            let total = count(conn, &filters, &filter_values)?;
            return Ok(SearchResult {
                hits: hits(conn, &ids, &[])?,
                total,
                more: false,
                facets: if with_facets {
                    facet_pass(conn, query)?
                } else {
                    Facets::default()
                },
            });
        }
        // Browsing: exact counts, the rows sorted by SQLite.
        let order = match query.sort {
            SortOrder::Title => "c.title COLLATE NOCASE, c.id",
            _ => "c.year IS NULL, c.year DESC, c.id",
        };
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT c.id FROM case_study c WHERE {filters} ORDER BY {order} LIMIT {limit}"
        ))?;
        let ids: Vec<i64> = stmt
            .query_map(params_from_iter(filter_values.iter()), |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let total = count(conn, &filters, &filter_values)?;
        let facets = if with_facets {
            facet_pass(conn, query)?
        } else {
            Facets::default()
        };
        return Ok(SearchResult {
            hits: hits(conn, &ids, &[])?,
            total,
            more: false,
            facets,
        });
    };
    // The newest matches (FTS5 walks its index in rowid order and stops early), each with
    // its bm25 rank and, when sorting, filters or facets need them, the row's columns;
    // ranked and counted here.
    let rank_alone = !with_facets && filters == "1" && query.sort == SortOrder::Relevance;
    let mut stmt = conn.prepare_cached(&if rank_alone {
        format!(
            "SELECT rowid, rank FROM case_fts WHERE case_fts MATCH ?
             ORDER BY rowid DESC LIMIT {}",
            CANDIDATES + 1
        )
    } else {
        format!(
            "SELECT c.id, case_fts.rank, c.title, c.industry, c.size, c.evidence, c.relation, c.kinds, c.year
             FROM case_fts JOIN case_study c ON c.id = case_fts.rowid
             WHERE case_fts MATCH ? AND {filters}
             ORDER BY case_fts.rowid DESC LIMIT {}",
            CANDIDATES + 1
        )
    })?;
    let mut values: Vec<Value> = vec![expression.clone().into()];
    values.extend(filter_values);
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut tally = Tally::default();
    let mut rows = stmt.query(params_from_iter(values.iter()))?;
    let mut more = false;
    while let Some(row) = rows.next()? {
        if candidates.len() == CANDIDATES {
            more = true;
            break;
        }
        candidates.push(if rank_alone {
            Candidate {
                id: row.get(0)?,
                rank: row.get(1)?,
                title: String::new(),
                year: None,
                industry: String::new(),
            }
        } else {
            Candidate {
                id: row.get(0)?,
                rank: row.get(1)?,
                title: row.get(2)?,
                year: row.get(8)?,
                industry: row.get(3)?,
            }
        });
        if with_facets {
            tally.add(row, 3)?;
        }
    }
    drop(rows);
    match query.sort {
        SortOrder::Project if profile.is_some() => {
            let profile = profile.expect("checked");
            let scores = text_and_project_scores(conn, &expression, &candidates, profile)?;
            candidates.sort_by(|a, b| {
                scores[&b.id]
                    .total_cmp(&scores[&a.id])
                    .then(b.id.cmp(&a.id))
            })
        }
        SortOrder::Relevance | SortOrder::Project => {
            candidates.sort_by(|a, b| a.rank.total_cmp(&b.rank).then(b.id.cmp(&a.id)))
        }
        SortOrder::Newest => candidates.sort_by(|a, b| b.year.cmp(&a.year).then(a.id.cmp(&b.id))),
        SortOrder::Title => candidates.sort_by(|a, b| {
            a.title
                .to_lowercase()
                .cmp(&b.title.to_lowercase())
                .then(a.id.cmp(&b.id))
        }),
    }
    let ids: Vec<i64> = candidates.iter().take(limit).map(|c| c.id).collect();
    Ok(SearchResult {
        hits: hits(conn, &ids, &query_words(&query.text))?,
        total: candidates.len() as u32,
        more,
        facets: if with_facets {
            tally.into_facets()
        } else {
            Facets::default()
        },
    })
}

struct Candidate {
    id: i64,
    rank: f64,
    year: Option<i64>,
    title: String,
    industry: String,
}

/// Each candidate's relevance to the project (see [`relevance::score`]): its industry,
/// the bm25 of the project's words among what was typed, and the typed words' own bm25.
fn text_and_project_scores(
    conn: &Connection,
    typed: &str,
    candidates: &[Candidate],
    profile: &ProjectProfile,
) -> Result<HashMap<i64, f64>, RowError> {
    let mut profile_rank: HashMap<i64, f64> = HashMap::new();
    if let Some(words) = profile.expression() {
        // The same newest-first walk as the candidates', so it covers them.
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT rowid, rank FROM case_fts WHERE case_fts MATCH ?
             ORDER BY rowid DESC LIMIT {}",
            CANDIDATES
        ))?;
        let rows = stmt.query_map([format!("({typed}) AND ({words})")], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, f64>(1)?))
        })?;
        for row in rows {
            let (id, rank) = row?;
            profile_rank.insert(id, rank);
        }
    }
    let best_text = candidates.iter().map(|c| c.rank).fold(0.0, f64::min);
    let best_profile = profile_rank.values().copied().fold(0.0, f64::min);
    Ok(candidates
        .iter()
        .map(|c| {
            let profile_match = profile_rank
                .get(&c.id)
                .map_or(0.0, |rank| relevance::share_of_best(*rank, best_profile));
            let text_match = relevance::share_of_best(c.rank, best_text);
            let score = relevance::score(
                profile.same_industry(&c.industry),
                profile_match,
                text_match,
            );
            (c.id, score)
        })
        .collect())
}

/// Browsing in the order of relevance to the project: the best matches of the project's
/// words and the newest cases of its industry, scored together; then the rest, newest
/// first, so every case that passes the filters can still be reached.
fn browse_by_relevance(
    conn: &Connection,
    query: &CaseQuery,
    profile: &ProjectProfile,
    limit: usize,
) -> Result<Vec<i64>, RowError> {
    let (filters, filter_values) = conditions(query, None);
    let mut scored: HashMap<i64, (f64, bool)> = HashMap::new();
    if let Some(words) = profile.expression() {
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT c.id, case_fts.rank, c.industry
             FROM case_fts JOIN case_study c ON c.id = case_fts.rowid
             WHERE case_fts MATCH ? AND {filters}
             ORDER BY case_fts.rank LIMIT {CANDIDATES}"
        ))?;
        let mut values: Vec<Value> = vec![words.into()];
        values.extend(filter_values.iter().cloned());
        let rows = stmt.query_map(params_from_iter(values.iter()), |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, f64>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        for row in rows {
            let (id, rank, industry) = row?;
            scored.insert(id, (rank, profile.same_industry(&industry)));
        }
    }
    if !profile.industry.is_empty() {
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT c.id FROM case_study c WHERE c.industry = ? AND {filters}
             ORDER BY c.id DESC LIMIT {CANDIDATES}"
        ))?;
        let mut values: Vec<Value> = vec![profile.industry.clone().into()];
        values.extend(filter_values.iter().cloned());
        let ids = stmt.query_map(params_from_iter(values.iter()), |r| r.get::<_, i64>(0))?;
        for id in ids {
            scored.entry(id?).or_insert((0.0, true));
        }
    }
    let best = scored.values().map(|(rank, _)| *rank).fold(0.0, f64::min);
    let mut ranked: Vec<(i64, f64)> = scored
        .iter()
        .map(|(id, (rank, same))| {
            let score = relevance::score(*same, relevance::share_of_best(*rank, best), 0.0);
            (*id, score)
        })
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(b.0.cmp(&a.0)));
    let mut ids: Vec<i64> = ranked.into_iter().take(limit).map(|(id, _)| id).collect();
    if ids.len() < limit {
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT c.id FROM case_study c WHERE {filters}
             ORDER BY c.year IS NULL, c.year DESC, c.id LIMIT {limit}"
        ))?;
        let rest = stmt.query_map(params_from_iter(filter_values.iter()), |r| {
            r.get::<_, i64>(0)
        })?;
        for id in rest {
            let id = id?;
            if ids.len() == limit {
                break;
            }
            if !scored.contains_key(&id) {
                ids.push(id);
            }
        }
    }
    Ok(ids)
}

fn hits(
    conn: &Connection,
    ids: &[i64],
    words: &[(String, bool)],
) -> Result<Vec<CaseHit>, RowError> {
    Ok(store::load(conn, ids)?
        .into_iter()
        .map(|stored| CaseHit {
            snippet: snippet(&stored.case, words),
            relation: stored.relation,
            case: stored.case,
        })
        .collect())
}

/// [`search`] with the facet counts of everything that matches (what the app shows).
pub fn search_with_facets(conn: &Connection, query: &CaseQuery) -> Result<SearchResult, RowError> {
    search_inner(conn, query, true, None)
}

/// Every case the query matches, oldest first: no candidate limit and no shortcuts for
/// common prefixes (an export of a selection takes all of it).
pub fn matching_ids(conn: &Connection, query: &CaseQuery) -> Result<Vec<i64>, RowError> {
    let expression = match_expression(&query.text);
    let (filters, mut values) = conditions(query, expression.as_deref());
    let mut stmt = conn.prepare(&format!(
        "SELECT c.id FROM case_study c WHERE {filters} ORDER BY c.id"
    ))?;
    let ids = stmt
        .query_map(params_from_iter(values.drain(..)), |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(ids)
}

/// [`search_with_facets`] that can order by relevance to the project the profile is of.
pub fn search_for_project(
    conn: &Connection,
    query: &CaseQuery,
    profile: &ProjectProfile,
) -> Result<SearchResult, RowError> {
    search_inner(conn, query, true, Some(profile))
}

/// How many cases pass the filters (browsing, no words).
fn count(conn: &Connection, filters: &str, values: &[Value]) -> rusqlite::Result<u32> {
    conn.prepare_cached(&format!(
        "SELECT count(*) FROM case_study c WHERE {filters}"
    ))?
    .query_row(params_from_iter(values.iter()), |r| r.get(0))
}

/// The shortest word matched as a prefix while it is being typed.
const MIN_PREFIX: usize = 3;

/// The words typed, lowercased; the last is a prefix while still being typed.
fn query_words(text: &str) -> Vec<(String, bool)> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let typing = !text.ends_with(char::is_whitespace);
    let last = words.len().saturating_sub(1);
    words
        .into_iter()
        .enumerate()
        .map(|(i, w)| {
            let prefix = typing && i == last && w.chars().count() >= MIN_PREFIX;
            (w, prefix)
        })
        .collect()
}

/// Words of context shown around the first match.
const SNIPPET_WORDS: usize = 18;

/// The first field that holds a typed word, cut to a window around it, with the matching
/// words marked (made from the row: the index keeps no copy of the text).
fn snippet(case: &CaseStudy, words: &[(String, bool)]) -> Vec<SnippetPart> {
    if words.is_empty() {
        return Vec::new();
    }
    let matches = |token: &str| {
        let token = token.to_lowercase();
        words
            .iter()
            .any(|(w, prefix)| token == *w || (*prefix && token.starts_with(w.as_str())))
    };
    let outcomes: Vec<String> = case
        .outcomes
        .iter()
        .map(|o| o.description.clone())
        .collect();
    let fields = [
        case.initiative.clone(),
        outcomes.join("; "),
        case.quote.clone().unwrap_or_default(),
        case.title.clone(),
        case.organisation.clone(),
        case.tags.join(", "),
        case.industry.clone(),
        case.region.clone(),
    ];
    // Runs of letters and digits (words) and of everything else, in order.
    let tokens_of = |text: &str| -> Vec<String> {
        let mut runs: Vec<String> = Vec::new();
        let mut word = None;
        for c in text.chars() {
            let is_word = c.is_alphanumeric();
            match runs.last_mut() {
                Some(run) if word == Some(is_word) => run.push(c),
                _ => runs.push(c.to_string()),
            }
            word = Some(is_word);
        }
        runs
    };
    let is_hit = |token: &str| token.chars().all(char::is_alphanumeric) && matches(token);
    let Some(tokens) = fields
        .iter()
        .map(|f| tokens_of(f))
        .find(|tokens| tokens.iter().any(|t| is_hit(t)))
    else {
        return Vec::new();
    };
    // Count the window in words (every other run).
    let first = tokens.iter().position(|t| is_hit(t)).unwrap_or(0);
    let start = first.saturating_sub(2 * (SNIPPET_WORDS / 3));
    let end = (start + 2 * SNIPPET_WORDS).min(tokens.len());
    let mut parts: Vec<SnippetPart> = Vec::new();
    if start > 0 {
        parts.push(SnippetPart {
            text: "…".into(),
            hit: false,
        });
    }
    for token in &tokens[start..end] {
        let hit = is_hit(token);
        match parts.last_mut() {
            Some(last) if !last.hit && !hit => last.text.push_str(token),
            _ => parts.push(SnippetPart {
                text: token.clone(),
                hit,
            }),
        }
    }
    if end < tokens.len() {
        parts.push(SnippetPart {
            text: "…".into(),
            hit: false,
        });
    }
    parts
}

/// The name stored for one of `all`, if `text` is exactly one (no lenient parse: that
/// would allocate on every row of a facet count).
fn stored_name<T: Copy>(
    all: &[T],
    name: fn(T) -> &'static str,
    text: &str,
) -> Option<&'static str> {
    all.iter().map(|v| name(*v)).find(|n| *n == text)
}

const FIRST_YEAR: i64 = 1900;
const YEARS: usize = 201;

/// Facet counts being gathered, row by row.
#[derive(Default)]
struct Tally {
    industry: HashMap<String, u32>,
    /// The industry of the rows being counted and how many of them, not yet in `industry`:
    /// the facet pass reads the `case_facets` index, ordered by industry, so a run of rows
    /// shares one and needs no hashing.
    run: Option<(String, u32)>,
    size: HashMap<&'static str, u32>,
    /// By year from [`FIRST_YEAR`] (a case's year is 1900 to 2100; others are not counted).
    years: Vec<u32>,
    evidence: HashMap<&'static str, u32>,
    relation: HashMap<&'static str, u32>,
    kinds: [u32; 16],
}

impl Tally {
    /// Counts the row's industry, size, evidence, relation, kinds and year: the columns
    /// from `from` on, in that order.
    fn add(&mut self, row: &rusqlite::Row, from: usize) -> rusqlite::Result<()> {
        if let rusqlite::types::ValueRef::Text(text) = row.get_ref(from)? {
            if !text.is_empty() {
                match &mut self.run {
                    Some((industry, n)) if industry.as_bytes() == text => *n += 1,
                    _ => {
                        self.end_run();
                        self.run = Some((String::from_utf8_lossy(text).into_owned(), 1));
                    }
                }
            }
        }
        let text = |at: usize| -> rusqlite::Result<Option<&str>> {
            Ok(row.get_ref(at)?.as_str_or_null()?)
        };
        if let Some(size) =
            text(from + 1)?.and_then(|t| stored_name(OrgSize::ALL, OrgSize::as_str, t))
        {
            *self.size.entry(size).or_default() += 1;
        }
        if let Some(evidence) =
            text(from + 2)?.and_then(|t| stored_name(Evidence::ALL, Evidence::as_str, t))
        {
            *self.evidence.entry(evidence).or_default() += 1;
        }
        let relations = [Relation::Peer, Relation::Competitor];
        if let Some(relation) =
            text(from + 3)?.and_then(|t| stored_name(&relations, Relation::as_str, t))
        {
            *self.relation.entry(relation).or_default() += 1;
        }
        let bits: i64 = row.get(from + 4)?;
        for (i, slot) in self
            .kinds
            .iter_mut()
            .enumerate()
            .take(OutcomeKind::ALL.len())
        {
            if bits & (1 << i) != 0 {
                *slot += 1;
            }
        }
        let year: Option<i64> = row.get(from + 5)?;
        if let Some(slot) = year
            .and_then(|y| usize::try_from(y - FIRST_YEAR).ok())
            .filter(|i| *i < YEARS)
        {
            if self.years.is_empty() {
                self.years = vec![0; YEARS];
            }
            self.years[slot] += 1;
        }
        Ok(())
    }

    fn end_run(&mut self) {
        if let Some((industry, n)) = self.run.take() {
            *self.industry.entry(industry).or_default() += n;
        }
    }

    fn into_facets(mut self) -> Facets {
        self.end_run();
        fn sorted(counts: impl IntoIterator<Item = (String, u32)>) -> Vec<FacetCount> {
            let mut list: Vec<FacetCount> = counts
                .into_iter()
                .map(|(value, count)| FacetCount { value, count })
                .collect();
            list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
            list
        }
        Facets {
            industry: sorted(self.industry),
            size: sorted(self.size.into_iter().map(|(k, v)| (k.to_string(), v))),
            kind: sorted(
                OutcomeKind::ALL
                    .iter()
                    .zip(self.kinds)
                    .filter(|(_, n)| *n > 0)
                    .map(|(k, n)| (k.as_str().to_string(), n)),
            ),
            year: sorted(
                self.years
                    .iter()
                    .enumerate()
                    .filter(|(_, n)| **n > 0)
                    .map(|(i, n)| ((FIRST_YEAR + i as i64).to_string(), *n)),
            ),
            evidence: sorted(self.evidence.into_iter().map(|(k, v)| (k.to_string(), v))),
            relation: sorted(self.relation.into_iter().map(|(k, v)| (k.to_string(), v))),
        }
    }
}

/// Facet counts of every case that passes the filters (browsing), in one pass over the
/// narrow `case_facets` index.
fn facet_pass(conn: &Connection, query: &CaseQuery) -> rusqlite::Result<Facets> {
    let (clause, values) = conditions(query, None);
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT c.industry, c.size, c.evidence, c.relation, c.kinds, c.year FROM case_study c WHERE {clause}"
    ))?;
    let mut rows = stmt.query(params_from_iter(values.iter()))?;
    let mut tally = Tally::default();
    while let Some(row) = rows.next()? {
        tally.add(row, 0)?;
    }
    Ok(tally.into_facets())
}

/// Facet counts over the cases the query matches (see [`SearchResult::more`]).
pub fn facets(conn: &Connection, query: &CaseQuery) -> Result<Facets, RowError> {
    if match_expression(&query.text).is_none() {
        return Ok(facet_pass(conn, query)?); // browsing: no hits to find and load
    }
    Ok(search_with_facets(conn, query)?.facets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_words_are_quoted_and_the_last_one_is_a_prefix_while_typed() {
        assert_eq!(
            match_expression("repeat fau").as_deref(),
            Some("\"repeat\" AND \"fau\"*")
        );
        assert_eq!(
            match_expression("repeat fau ").as_deref(),
            Some("\"repeat\" AND \"fau\"")
        );
        assert_eq!(match_expression("HR").as_deref(), Some("\"HR\""));
        assert_eq!(
            match_expression("\"x\" OR (y*").as_deref(),
            Some("\"x\" AND \"OR\" AND \"y\"")
        );
        assert_eq!(match_expression(" *() "), None);
    }

    #[test]
    fn a_long_prefix_of_common_words_is_searched_as_those_words() {
        let common = |docs: u32| {
            move |prefix: &str| {
                assert_eq!(prefix, "collab", "looked up in lower case");
                vec![
                    ("collaboration".to_string(), docs),
                    ("collaborative".to_string(), docs),
                ]
            }
        };
        let half = CANDIDATES as u32 / 2;
        assert_eq!(
            match_expression_with("teams Collab", common(half)).as_deref(),
            Some("\"teams\" AND (\"collaboration\" OR \"collaborative\")")
        );
        // Too few cases between them to fill the candidates: the prefix itself.
        assert_eq!(
            match_expression_with("teams Collab", common(half - 1)).as_deref(),
            Some("\"teams\" AND \"Collab\"*")
        );
        // Words too short to be prefixes are never looked up.
        assert_eq!(
            match_expression_with("co", |_| panic!("no lookup")).as_deref(),
            Some("\"co\"")
        );
    }
}
