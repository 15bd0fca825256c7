//! The personal case library: one SQLite file in the app's data directory, shared by all
//! the user's projects. Opened as defensively as a project (it is just a file on disk), with
//! its own application id so neither is mistaken for the other.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::{Migrations, M};

use super::search::{self, CaseQuery, SearchResult};
use super::transfer::ColumnMap;
use crate::model::case::CaseStudy;
use crate::project_file::cases::{self as store, RowError, StoredCase};
use crate::project_file::{harden, FileHeader, ProjectFileError};
use crate::sheet::TableError;

/// "CWRL": a Casewright case library.
pub const LIBRARY_APPLICATION_ID: i32 = 0x4357_524C;
pub const LIBRARY_VERSION: i32 = 2;
/// The page size of a new library file.
const LIBRARY_PAGE_SIZE: i64 = 16_384;
/// The page cache during a big import, in KiB as `PRAGMA cache_size` takes it (negative).
const IMPORT_CACHE_KIB: i64 = -131_072;
/// The library's file name in the data directory.
pub const LIBRARY_FILE_NAME: &str = "cases.casewright-library";

/// The illustrative cases a new library starts with (`assets/cases/starter.json`), so a
/// new user sees how search, facets and stories work before adding their own.
pub const STARTER_JSON: &str = include_str!("../../../../assets/cases/starter.json");

/// The starter cases, parsed.
pub fn starter_cases() -> Vec<CaseStudy> {
    super::transfer::read_json(STARTER_JSON).expect("the bundled starter library is valid")
}

fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(concat!(
            "PRAGMA application_id = 1129796172;",
            include_str!("../project_file/cases_ddl.sql")
        )),
        M::up(include_str!("../project_file/cases_ddl_v2.sql")),
    ])
}

/// No words and no filter: the whole library.
fn asks_for_everything(query: &CaseQuery) -> bool {
    query.text.trim().is_empty()
        && query.industry.is_none()
        && query.size.is_none()
        && query.kind.is_none()
        && query.year.is_none()
        && query.evidence.is_none()
        && query.relation.is_none()
}

pub struct CaseLibrary {
    conn: Connection,
    path: PathBuf,
    /// The facet counts of the whole library, kept until the library changes: browsing
    /// with no words and no filter would otherwise count every case each time.
    all_facets: std::cell::RefCell<Option<search::Facets>>,
}

/// Cases being added in one transaction, and what became of them. Duplicates are looked up
/// in the file only if it held cases before; those added by this import are remembered (a
/// file may repeat a case).
struct ImportBatch {
    had_cases: bool,
    added: std::collections::HashMap<String, i64>,
    /// How many were in the library before (not repeats within the import).
    in_library: u32,
    summary: ImportSummary,
}

impl ImportBatch {
    fn begin(conn: &Connection) -> rusqlite::Result<ImportBatch> {
        Ok(ImportBatch {
            had_cases: conn
                .query_row("SELECT EXISTS (SELECT 1 FROM case_study)", [], |r| r.get(0))?,
            added: Default::default(),
            in_library: 0,
            summary: ImportSummary::default(),
        })
    }

    fn add(
        &mut self,
        conn: &Connection,
        case: &CaseStudy,
        on_duplicate: OnDuplicate,
    ) -> rusqlite::Result<()> {
        let key = store::identity_key(case);
        let existing = match self.added.get(&key) {
            Some(id) => Some(*id),
            None if self.had_cases => {
                let found = store::find_by_identity(conn, &key)?;
                self.in_library += u32::from(found.is_some());
                found
            }
            None => None,
        };
        let id = match (existing, on_duplicate) {
            (None, _) => {
                self.summary.added += 1;
                store::insert(conn, case, None, false)?
            }
            (Some(id), OnDuplicate::Skip) => {
                self.summary.skipped += 1;
                id
            }
            (Some(id), OnDuplicate::Update) => {
                let mut case = case.clone();
                case.id = id;
                store::update(conn, &case, None)?;
                self.summary.updated += 1;
                id
            }
        };
        self.added.insert(key, id);
        Ok(())
    }
}

/// The facet index, dropped for a big import and built again after it in the same
/// transaction: building it from sorted keys once is much cheaper than 100,000 inserts at
/// random places in it. (The identity index stays: duplicates are looked up in it.)
struct BulkIndexes(bool);

/// From this many cases on, an import sets the facet index aside.
const BULK_IMPORT: usize = 10_000;

impl BulkIndexes {
    fn set_aside(conn: &Connection, cases: usize) -> rusqlite::Result<BulkIndexes> {
        let bulk = cases >= BULK_IMPORT;
        if bulk {
            conn.execute_batch("DROP INDEX IF EXISTS case_facets")?;
        }
        Ok(BulkIndexes(bulk))
    }

    fn rebuild(self, conn: &Connection) -> rusqlite::Result<()> {
        if self.0 {
            conn.execute_batch(store::FACET_INDEX)?;
        }
        Ok(())
    }
}

/// Why a CSV import stored nothing.
#[derive(Debug, thiserror::Error)]
pub enum CsvImportError {
    /// Rows that are not cases, each with its line (up to 100).
    #[error("{} problem(s) in the file", .0.len())]
    Rows(Vec<TableError>),
    /// Cases already in the library, when no choice was given for them.
    #[error("{found} of the {total} case studies are already in your library (same title and organisation).")]
    Duplicates { found: u32, total: u32 },
    #[error(transparent)]
    File(#[from] ProjectFileError),
}

/// What to do with a case that is already in the library (same title and organisation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum OnDuplicate {
    Skip,
    Update,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct ImportSummary {
    pub added: u32,
    pub updated: u32,
    pub skipped: u32,
}

impl CaseLibrary {
    /// Opens the library at `path`; if there is none, creates it with the starter cases.
    pub fn open_or_create_with_starter(path: &Path) -> Result<CaseLibrary, ProjectFileError> {
        let new = !path.exists();
        let mut library = CaseLibrary::open_or_create(path)?;
        if new {
            library.import(&starter_cases(), OnDuplicate::Skip)?;
        }
        Ok(library)
    }

    /// Opens the library at `path`, creating it (empty) if there is none.
    pub fn open_or_create(path: &Path) -> Result<CaseLibrary, ProjectFileError> {
        let exists = path.exists();
        if exists {
            let header = FileHeader::read(path)?;
            if header.application_id != LIBRARY_APPLICATION_ID {
                return Err(ProjectFileError::NotALibrary {
                    path: path.to_path_buf(),
                    application_id: header.application_id,
                });
            }
            if header.user_version > LIBRARY_VERSION {
                return Err(ProjectFileError::TooNew {
                    path: path.to_path_buf(),
                    found: header.user_version,
                    supported: LIBRARY_VERSION,
                });
            }
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_NOFOLLOW;
        let sql = |e| ProjectFileError::from_sqlite_opt(Some(path), e);
        let mut conn = Connection::open_with_flags(path, flags).map_err(sql)?;
        harden(&conn).map_err(sql)?;
        if !exists {
            // Rows of case text and the full-text index's segments fill big pages well: a
            // 100,000-case import is a tenth faster and the file smaller than with 4 KiB.
            conn.pragma_update(None, "page_size", LIBRARY_PAGE_SIZE)
                .map_err(sql)?;
        }
        conn.pragma_update(None, "journal_mode", "DELETE")
            .map_err(sql)?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(sql)?;
        if exists {
            let check: String = conn
                .query_row("PRAGMA quick_check", [], |r| r.get(0))
                .map_err(sql)?;
            if check != "ok" {
                return Err(ProjectFileError::Corrupt {
                    path: path.to_path_buf(),
                    detail: check,
                });
            }
        }
        migrations()
            .to_latest(&mut conn)
            .map_err(|e| ProjectFileError::Migration(e.to_string()))?;
        Ok(CaseLibrary {
            conn,
            path: path.to_path_buf(),
            all_facets: Default::default(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn row_error(&self, e: RowError) -> ProjectFileError {
        match e {
            RowError::Sql(e) => ProjectFileError::from_sqlite(&self.path, e),
            RowError::Invalid(detail) => ProjectFileError::Corrupt {
                path: self.path.clone(),
                detail,
            },
        }
    }

    /// The hits and their count, with the facet counts of everything that matches.
    pub fn search(&self, query: &CaseQuery) -> Result<SearchResult, ProjectFileError> {
        if !asks_for_everything(query) {
            return search::search_with_facets(&self.conn, query).map_err(|e| self.row_error(e));
        }
        let mut result = search::search(&self.conn, query).map_err(|e| self.row_error(e))?;
        result.facets = self.facets(query)?;
        Ok(result)
    }

    /// The hits and their count alone (facets empty): what each typed letter needs first.
    pub fn search_hits(&self, query: &CaseQuery) -> Result<SearchResult, ProjectFileError> {
        search::search(&self.conn, query).map_err(|e| self.row_error(e))
    }

    /// The facet counts of everything the query matches.
    pub fn facets(&self, query: &CaseQuery) -> Result<search::Facets, ProjectFileError> {
        let everything = asks_for_everything(query);
        if everything {
            if let Some(facets) = self.all_facets.borrow().as_ref() {
                return Ok(facets.clone());
            }
        }
        let facets = search::facets(&self.conn, query).map_err(|e| self.row_error(e))?;
        if everything {
            *self.all_facets.borrow_mut() = Some(facets.clone());
        }
        Ok(facets)
    }

    pub fn all(&self) -> Result<Vec<StoredCase>, ProjectFileError> {
        store::load_all(&self.conn).map_err(|e| self.row_error(e))
    }

    /// Every case the query matches (for exporting a selection), oldest first.
    pub fn matching(&self, query: &CaseQuery) -> Result<Vec<CaseStudy>, ProjectFileError> {
        let ids = search::matching_ids(&self.conn, query).map_err(|e| self.row_error(e))?;
        Ok(store::load(&self.conn, &ids)
            .map_err(|e| self.row_error(e))?
            .into_iter()
            .map(|stored| stored.case)
            .collect())
    }

    pub fn get(&self, id: i64) -> Result<Option<CaseStudy>, ProjectFileError> {
        Ok(store::load(&self.conn, &[id])
            .map_err(|e| self.row_error(e))?
            .pop()
            .map(|s| s.case))
    }

    pub fn len(&self) -> Result<u32, ProjectFileError> {
        self.conn
            .query_row("SELECT COUNT(*) FROM case_study", [], |r| r.get(0))
            .map_err(|e| ProjectFileError::from_sqlite(&self.path, e))
    }

    pub fn is_empty(&self) -> Result<bool, ProjectFileError> {
        Ok(self.len()? == 0)
    }

    /// Adds `cases` in one transaction: all of them or, on any error, none. Each is checked
    /// first; one already in the library is skipped or updated as asked.
    pub fn import(
        &mut self,
        cases: &[CaseStudy],
        on_duplicate: OnDuplicate,
    ) -> Result<ImportSummary, ProjectFileError> {
        for (index, case) in cases.iter().enumerate() {
            case.check().map_err(|why| ProjectFileError::InvalidCase {
                index: index + 1,
                title: case.title.clone(),
                reason: why,
            })?;
        }
        match self.store_all(cases, Some(on_duplicate)) {
            Err(CsvImportError::File(e)) => Err(e),
            Err(other) => unreachable!("with a choice for duplicates and no rows read: {other}"),
            Ok(summary) => Ok(summary),
        }
    }

    /// Imports a CSV file in one transaction: all of it, or, if a row is bad, nothing.
    /// Without `on_duplicate`, cases already in the library are counted and nothing is kept,
    /// so the person can be asked whether to skip or update them. (Reading the rows on a
    /// second thread while storing them gained nothing measurable on two cores.)
    pub fn import_csv(
        &mut self,
        text: &str,
        map: &ColumnMap,
        on_duplicate: Option<OnDuplicate>,
    ) -> Result<ImportSummary, CsvImportError> {
        let cases = super::transfer::read_csv(text, map).map_err(CsvImportError::Rows)?;
        self.store_all(&cases, on_duplicate)
    }

    /// Stores checked `cases` in one transaction (see [`Self::store_asking`]), with a larger
    /// page cache while a big import runs: it touches index pages all over the file, and
    /// would otherwise read them back again and again.
    fn store_all(
        &mut self,
        cases: &[CaseStudy],
        on_duplicate: Option<OnDuplicate>,
    ) -> Result<ImportSummary, CsvImportError> {
        let path = self.path.clone();
        let sql = |e| CsvImportError::File(ProjectFileError::from_sqlite(&path, e));
        let cache: i64 = self
            .conn
            .query_row("PRAGMA cache_size", [], |r| r.get(0))
            .map_err(sql)?;
        if cases.len() > 1_000 {
            self.conn
                .pragma_update(None, "cache_size", IMPORT_CACHE_KIB)
                .map_err(sql)?;
        }
        let result = self.store_asking(cases, on_duplicate);
        self.conn
            .pragma_update(None, "cache_size", cache)
            .map_err(sql)?;
        let summary = result?;
        self.all_facets.take();
        Ok(summary)
    }

    /// Stores `cases`; without a choice for duplicates, keeps nothing if there are any.
    fn store_asking(
        &mut self,
        cases: &[CaseStudy],
        on_duplicate: Option<OnDuplicate>,
    ) -> Result<ImportSummary, CsvImportError> {
        let path = self.path.clone();
        let sql = |e| CsvImportError::File(ProjectFileError::from_sqlite(&path, e));
        let tx = self.conn.transaction().map_err(sql)?;
        let mut batch = ImportBatch::begin(&tx).map_err(sql)?;
        let bulk = BulkIndexes::set_aside(&tx, cases.len()).map_err(sql)?;
        for case in cases {
            batch
                .add(&tx, case, on_duplicate.unwrap_or(OnDuplicate::Skip))
                .map_err(sql)?;
        }
        bulk.rebuild(&tx).map_err(sql)?;
        if on_duplicate.is_none() && batch.in_library > 0 {
            return Err(CsvImportError::Duplicates {
                found: batch.in_library,
                total: cases.len() as u32,
            }); // the transaction rolls back
        }
        search::refresh_common_terms(&tx).map_err(sql)?;
        tx.commit().map_err(sql)?;
        Ok(batch.summary)
    }

    /// Cases already in the library with the same title and organisation as one of `cases`
    /// (their positions in `cases`), to offer skip or update before importing.
    pub fn duplicates(&self, cases: &[CaseStudy]) -> Result<Vec<usize>, ProjectFileError> {
        let mut found = Vec::new();
        for (index, case) in cases.iter().enumerate() {
            if store::find_duplicate(&self.conn, case)
                .map_err(|e| ProjectFileError::from_sqlite(&self.path, e))?
                .is_some()
            {
                found.push(index);
            }
        }
        Ok(found)
    }

    /// [`CaseLibrary::search`] for the project `profile` is of, which can be ordered by
    /// relevance to it ([`search::SortOrder::Project`]).
    pub fn search_for_project(
        &self,
        query: &CaseQuery,
        profile: &super::ProjectProfile,
    ) -> Result<SearchResult, ProjectFileError> {
        if query.sort != search::SortOrder::Project {
            return self.search(query);
        }
        search::search_for_project(&self.conn, query, profile).map_err(|e| self.row_error(e))
    }

    pub fn delete(&mut self, id: i64) -> Result<bool, ProjectFileError> {
        self.all_facets.take();
        store::delete(&self.conn, id).map_err(|e| ProjectFileError::from_sqlite(&self.path, e))
    }

    pub fn save(&mut self, case: &CaseStudy) -> Result<i64, ProjectFileError> {
        case.check().map_err(|why| ProjectFileError::InvalidCase {
            index: 1,
            title: case.title.clone(),
            reason: why,
        })?;
        let path = self.path.clone();
        let sql = |e| ProjectFileError::from_sqlite(&path, e);
        let tx = self.conn.transaction().map_err(sql)?;
        let id = if case.id > 0 && store::update(&tx, case, None).map_err(sql)? {
            case.id
        } else {
            store::insert(&tx, case, None, false).map_err(sql)?
        };
        tx.commit().map_err(sql)?;
        self.all_facets.take();
        Ok(id)
    }
}
