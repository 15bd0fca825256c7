//! Case studies in SQLite, the same tables in the personal library and in a project file:
//! one row per case and a contentless FTS5 index kept in step by this code (the files' own
//! triggers never run; see `project_file::harden`).

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::model::case::{CaseSource, CaseStudy, Evidence, OrgSize, Outcome};
use crate::model::Relation;

/// The tables, for a migration of the library or of a project file.
pub const DDL: &str = include_str!("cases_ddl.sql");

/// The facet index as `cases_ddl.sql` creates it (a big import builds it again afterwards).
pub const FACET_INDEX: &str =
    "CREATE INDEX case_facets ON case_study (industry, size, year, evidence, relation, kinds)";

const COLUMNS: &str = "id, title, organisation, industry, size, region, year, initiative, outcomes,
    quote, source_title, source_publisher, source_link, source_accessed, evidence, tags, relation";

/// A case as stored, with the relation a project gives it (peer or competitor).
#[derive(Debug, Clone, PartialEq)]
pub struct StoredCase {
    pub case: CaseStudy,
    pub relation: Option<Relation>,
}

/// What makes two cases the same (title and organisation, spacing and case aside).
pub fn identity_key(case: &CaseStudy) -> String {
    let (title, organisation) = case.identity();
    format!("{title}\u{1f}{organisation}")
}

/// Inserts `case` (its id is ignored unless `keep_id`) and indexes it; returns its id.
pub fn insert(
    conn: &Connection,
    case: &CaseStudy,
    relation: Option<Relation>,
    keep_id: bool,
) -> rusqlite::Result<i64> {
    conn.prepare_cached(&format!(
        "INSERT INTO case_study ({COLUMNS}, identity, kinds)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)"
    ))?
    .execute(params![
        keep_id.then_some(case.id),
        case.title,
        case.organisation,
        case.industry.trim().to_lowercase(),
        case.size.map(OrgSize::as_str),
        case.region,
        case.year,
        case.initiative,
        serde_json::to_string(&case.outcomes).expect("outcomes serialise"),
        case.quote,
        case.source.title,
        case.source.publisher,
        case.source.link,
        case.source.accessed,
        case.evidence.as_str(),
        serde_json::to_string(&case.tags).expect("tags serialise"),
        relation.or(case.relation).map(Relation::as_str),
        identity_key(case),
        case.outcomes.iter().fold(0, |bits, o| bits | o.kind.bit()),
    ])?;
    let id = conn.last_insert_rowid();
    index(conn, id, case)?;
    Ok(id)
}

/// Replaces the case with `case.id`; returns whether there was one.
pub fn update(
    conn: &Connection,
    case: &CaseStudy,
    relation: Option<Relation>,
) -> rusqlite::Result<bool> {
    if !delete(conn, case.id)? {
        return Ok(false);
    }
    insert(conn, case, relation, true)?;
    Ok(true)
}

/// Removes the case with `id` and its index entries; returns whether there was one.
pub fn delete(conn: &Connection, id: i64) -> rusqlite::Result<bool> {
    conn.prepare_cached("DELETE FROM case_fts WHERE rowid = ?1")?
        .execute([id])?;
    Ok(conn
        .prepare_cached("DELETE FROM case_study WHERE id = ?1")?
        .execute([id])?
        == 1)
}

fn index(conn: &Connection, id: i64, case: &CaseStudy) -> rusqlite::Result<()> {
    let outcomes: Vec<String> = case
        .outcomes
        .iter()
        .map(|o| format!("{} {}", o.kind.as_str(), o.description))
        .collect();
    conn.prepare_cached(
        "INSERT INTO case_fts (rowid, title, organisation, initiative, outcomes, quote, tags, industry, region)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        id,
        case.title,
        case.organisation,
        case.initiative,
        outcomes.join(" · "),
        case.quote.as_deref().unwrap_or(""),
        case.tags.join(" "),
        case.industry,
        case.region,
    ])?;
    Ok(())
}

/// The id of a stored case with the same title and organisation, if any.
pub fn find_duplicate(conn: &Connection, case: &CaseStudy) -> rusqlite::Result<Option<i64>> {
    find_by_identity(conn, &identity_key(case))
}

/// The case with this [`identity_key`], if there is one.
pub fn find_by_identity(conn: &Connection, key: &str) -> rusqlite::Result<Option<i64>> {
    conn.prepare_cached("SELECT id FROM case_study WHERE identity = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()
}

/// Why a stored row is not a case (a colleague's file can hold anything).
pub use super::RowError;

fn from_row(row: &Row) -> Result<StoredCase, RowError> {
    let id: i64 = row.get(0)?;
    let invalid = |what: String| RowError::Invalid(format!("case study {id} has {what}"));
    let size = match row.get::<_, Option<String>>(4)? {
        None => None,
        Some(s) => {
            Some(OrgSize::parse(&s).ok_or_else(|| invalid(format!("an unknown size {s:?}")))?)
        }
    };
    let outcomes: String = row.get(8)?;
    let outcomes: Vec<Outcome> = serde_json::from_str(&outcomes)
        .map_err(|e| invalid(format!("outcomes that cannot be read ({e})")))?;
    let evidence: String = row.get(14)?;
    let evidence = Evidence::parse(&evidence)
        .ok_or_else(|| invalid(format!("an unknown evidence strength {evidence:?}")))?;
    let tags: String = row.get(15)?;
    let tags: Vec<String> =
        serde_json::from_str(&tags).map_err(|_| invalid("tags that are not a list".into()))?;
    let relation = match row.get::<_, Option<String>>(16)? {
        None => None,
        Some(r) => {
            Some(Relation::parse(&r).ok_or_else(|| invalid(format!("an unknown relation {r:?}")))?)
        }
    };
    let case = CaseStudy {
        id,
        title: row.get(1)?,
        organisation: row.get(2)?,
        industry: row.get(3)?,
        size,
        region: row.get(5)?,
        year: row.get(6)?,
        initiative: row.get(7)?,
        outcomes,
        quote: row.get(9)?,
        source: CaseSource {
            title: row.get(10)?,
            publisher: row.get(11)?,
            link: row.get(12)?,
            accessed: row.get(13)?,
        },
        evidence,
        tags,
        relation,
    };
    case.check().map_err(invalid)?;
    Ok(StoredCase { case, relation })
}

/// The cases with these ids, in that order (missing ones are skipped).
pub fn load(conn: &Connection, ids: &[i64]) -> Result<Vec<StoredCase>, RowError> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {COLUMNS} FROM case_study WHERE id = ?1"))?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let mut rows = stmt.query([id])?;
        if let Some(row) = rows.next()? {
            out.push(from_row(row)?);
        }
    }
    Ok(out)
}

/// Every case, in id order.
pub fn load_all(conn: &Connection) -> Result<Vec<StoredCase>, RowError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM case_study ORDER BY id"))?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        out.push(from_row(row)?);
    }
    Ok(out)
}
