//! The `.casewright` project file: one SQLite database used as an application file format.
//!
//! Invariants (tested in `tests/project_file.rs`):
//! - a file is recognised by its header alone (magic, `application_id`, `user_version`)
//!   before SQLite touches it, so a foreign, newer or broken file is never modified;
//! - every connection is defensive (see [`harden`]): a colleague's file is untrusted input;
//! - the rollback journal (not WAL) is used, so between saves the single file is complete
//!   and copyable, and no side file outlives a save or the close;
//! - migrations run all or nothing, inside one transaction.

pub mod bases;
pub mod cases;
mod checks;
pub mod edits;
mod error;
mod header;
pub mod lock;
mod pictures;
pub(crate) mod pilots;
pub(crate) mod rows;
mod schema;
pub mod share;
mod snapshot;

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OpenFlags, Transaction};

use crate::model::snapshot::Snapshot;
use crate::model::{Project, Section};
pub use edits::{EditError, Steps};
pub use error::ProjectFileError;
pub use header::{FileHeader, APPLICATION_ID};
use lock::LockHolder;
pub use rows::RowError;
use rows::{block_from_row, insert_block, Slot, BLOCK_COLUMNS};
pub use schema::SCHEMA_VERSION;

/// The file extension of a project, without the dot.
pub const EXTENSION: &str = "casewright";

/// Longest text or blob a project may hold in one field; longer values are refused on read.
const MAX_FIELD_BYTES: i32 = 8 * 1024 * 1024;

/// An open project file. Dropping it closes the connection.
pub struct ProjectFile {
    conn: Connection,
    path: Option<PathBuf>,
    /// Set when the file is open read-only: someone else has it open. Edits are refused.
    read_only: Option<LockHolder>,
    /// For a snapshot (read-only, or their copy in a merge): the connection is to a private
    /// copy of the file, kept in this directory until close.
    _snapshot_dir: Option<tempfile::TempDir>,
}

impl ProjectFile {
    /// Creates a new project file at `path` holding `project`. Refuses to overwrite.
    ///
    /// The file is built under a temporary name beside the target and renamed into place,
    /// so `path` only ever holds a complete project.
    pub fn create(path: &Path, project: &Project) -> Result<ProjectFile, ProjectFileError> {
        if path.exists() {
            return Err(ProjectFileError::AlreadyExists(path.to_path_buf()));
        }
        let temp = temp_path_beside(path);
        let result = (|| {
            let mut file = ProjectFile::from_connection(
                Connection::open_with_flags(&temp, read_write_flags())
                    .map_err(|e| ProjectFileError::from_sqlite(&temp, e))?,
                Some(temp.clone()),
            )?;
            file.migrate()?;
            file.replace(project)?;
            file.record_base(bases::Reason::Created)?;
            file.close()
        })();
        if let Err(err) = result {
            let _ = std::fs::remove_file(&temp);
            return Err(err);
        }
        std::fs::rename(&temp, path).map_err(|source| ProjectFileError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        ProjectFile::open(path)
    }

    /// Opens an existing project file, checking it before anything is written to it.
    pub fn open(path: &Path) -> Result<ProjectFile, ProjectFileError> {
        let header = FileHeader::read(path)?;
        header.check(path)?;
        recover_interrupted_save(path)?;
        checks::file_size(path)?;
        check_before_open(path)?;
        let needs_upgrade = header.user_version < SCHEMA_VERSION;
        if needs_upgrade {
            // Upgrading writes to the file, so a copy is upgraded and read first: a file
            // that would be refused once read is refused before it is touched.
            upgrade_a_copy_first(path)?;
        }
        let conn = Connection::open_with_flags(path, read_write_flags())
            .map_err(|e| ProjectFileError::from_sqlite(path, e))?;
        let mut file = ProjectFile::from_connection(conn, Some(path.to_path_buf()))?;
        if needs_upgrade {
            file.migrate()?;
            if header.user_version < schema::FIRST_WITH_MERGE_BASES {
                file.record_base(bases::Reason::Upgraded)?;
            }
        }
        // A file that reads as a project must load as one; find out now, not at first use.
        file.load()?;
        Ok(file)
    }

    /// Opens a snapshot of the file that `holder` has open, for reading: the file itself is
    /// only read (through SQLite, so a save in progress is never half copied), and every
    /// edit is refused until the user saves a copy or takes the file over.
    pub fn open_read_only(
        path: &Path,
        holder: LockHolder,
    ) -> Result<ProjectFile, ProjectFileError> {
        let mut file = ProjectFile::open_snapshot(path)?;
        file.read_only = Some(holder);
        Ok(file)
    }

    /// Opens a private snapshot of the file at `path` after the checks of [`open`]: the
    /// file itself is only read, consistently (through SQLite, so a save in progress is
    /// never half copied), and never upgraded or written. For reading a colleague's copy.
    pub fn open_snapshot(path: &Path) -> Result<ProjectFile, ProjectFileError> {
        let header = FileHeader::read(path)?;
        header.check(path)?;
        recover_interrupted_save(path)?;
        checks::file_size(path)?;
        check_before_open(path)?;
        let io = |source| ProjectFileError::Io {
            path: path.to_path_buf(),
            source,
        };
        let dir = tempfile::tempdir().map_err(io)?;
        let snapshot = dir.path().join("snapshot.casewright");
        {
            let source = Connection::open_with_flags(path, read_only_flags())
                .map_err(|e| ProjectFileError::from_sqlite(path, e))?;
            harden(&source).map_err(ProjectFileError::Sqlite)?;
            let reader = ProjectFile::from_connection(source, Some(path.to_path_buf()))?;
            reader.vacuum_into(&snapshot)?;
        }
        let conn = Connection::open_with_flags(&snapshot, read_write_flags())
            .map_err(|e| ProjectFileError::from_sqlite(path, e))?;
        let mut file = ProjectFile::from_connection(conn, Some(path.to_path_buf()))?;
        if header.user_version < SCHEMA_VERSION {
            file.migrate()?;
        }
        file.load()?;
        file._snapshot_dir = Some(dir);
        Ok(file)
    }

    /// Who has the file open, when this instance only reads it.
    pub fn read_only_holder(&self) -> Option<&LockHolder> {
        self.read_only.as_ref()
    }

    /// A project that lives only in memory (tests, previews).
    pub fn in_memory(project: &Project) -> Result<ProjectFile, ProjectFileError> {
        let conn = Connection::open_in_memory().map_err(ProjectFileError::Sqlite)?;
        let mut file = ProjectFile::from_connection(conn, None)?;
        file.migrate()?;
        file.replace(project)?;
        Ok(file)
    }

    fn from_connection(
        conn: Connection,
        path: Option<PathBuf>,
    ) -> Result<ProjectFile, ProjectFileError> {
        harden(&conn).map_err(ProjectFileError::Sqlite)?;
        // DELETE mode: the journal exists only while a transaction is being written.
        conn.pragma_update(None, "journal_mode", "DELETE")
            .map_err(|e| ProjectFileError::from_sqlite_opt(path.as_deref(), e))?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(ProjectFileError::Sqlite)?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(ProjectFileError::Sqlite)?;
        Ok(ProjectFile {
            conn,
            path,
            read_only: None,
            _snapshot_dir: None,
        })
    }

    fn migrate(&mut self) -> Result<(), ProjectFileError> {
        schema::migrations()
            .to_latest(&mut self.conn)
            .map_err(|e| ProjectFileError::Migration(e.to_string()))
    }

    /// For reading beside [`load`](ProjectFile::load) (sharing, merging).
    pub(crate) fn connection(&self) -> &Connection {
        &self.conn
    }

    /// For the storyboard's edits, which run their own transactions.
    pub(crate) fn connection_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Reads the whole project.
    pub fn load(&self) -> Result<Project, ProjectFileError> {
        let corrupt = |detail: String| ProjectFileError::Corrupt {
            path: self.path.clone().unwrap_or_default(),
            detail,
        };
        let sql = |e: rusqlite::Error| match self.path.as_deref() {
            Some(path) => ProjectFileError::from_sqlite(path, e),
            None => ProjectFileError::Sqlite(e),
        };
        let (title, author, audience, logo, accent, industry): (
            String,
            String,
            String,
            _,
            Option<String>,
            String,
        ) = self
            .conn
            .query_row(
                "SELECT title, author, audience, logo_image, accent,
                        (SELECT width FROM image WHERE id = logo_image),
                        (SELECT height FROM image WHERE id = logo_image),
                        industry
                 FROM project WHERE id = 1",
                [],
                |row| {
                    let logo = match row.get::<_, Option<i64>>(3)? {
                        Some(id) => Some((id, rows::image_ref(id, row.get(5)?, row.get(6)?))),
                        None => None,
                    };
                    Ok((
                        row.get(0)?,
                        row.get(1)?,
                        row.get(2)?,
                        logo,
                        row.get(4)?,
                        row.get(7)?,
                    ))
                },
            )
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => {
                    corrupt("the project record is missing".into())
                }
                other => sql(other),
            })?;
        let logo = match logo {
            None => None,
            Some((id, None)) => {
                return Err(corrupt(format!(
                    "the logo ({id}) is not a picture the file holds"
                )))
            }
            Some((_, image)) => image,
        };
        let accent: Option<String> = accent;
        if let Some(accent) = accent
            .as_deref()
            .filter(|a| crate::briefing::layout::Rgb::parse_hex(a).is_none())
        {
            return Err(corrupt(format!(
                "the accent colour {accent:?} is not #RRGGBB"
            )));
        }
        let mut sections: Vec<Section> = self
            .conn
            .prepare("SELECT id, title, notes, uid FROM section ORDER BY position, id")
            .map_err(sql)?
            .query_map([], |row| {
                Ok(Section {
                    id: row.get(0)?,
                    uid: row.get(3)?,
                    title: row.get(1)?,
                    notes: row.get(2)?,
                    blocks: Vec::new(),
                })
            })
            .map_err(sql)?
            .collect::<Result<_, _>>()
            .map_err(sql)?;
        let mut library = Vec::new();
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT {BLOCK_COLUMNS} FROM block ORDER BY section_id, position, id"
            ))
            .map_err(sql)?;
        let mut rows = stmt.query([]).map_err(sql)?;
        while let Some(row) = rows.next().map_err(sql)? {
            let (slot, block) = block_from_row(row).map_err(|e| match e {
                RowError::Sql(e) => sql(e),
                RowError::Invalid(detail) => corrupt(detail),
            })?;
            match slot.section_id {
                None => library.push(block),
                Some(section_id) => sections
                    .iter_mut()
                    .find(|s| s.id == section_id)
                    .ok_or_else(|| corrupt(format!("block {} belongs to no section", block.id)))?
                    .blocks
                    .push(block),
            }
        }
        let over_limit = |e: crate::limits::OverLimit| ProjectFileError::OverLimit {
            path: self.path.clone().unwrap_or_default(),
            check: "field length",
            detail: e.0,
        };
        crate::limits::check_contents([&title, &author, &audience, &industry], &sections, &library)
            .map_err(over_limit)?;
        let pilots = pilots::load(&self.conn).map_err(|e| match e {
            RowError::Sql(e) => sql(e),
            RowError::Invalid(detail) => corrupt(detail),
        })?;
        let cases = crate::project_file::cases::load_all(&self.conn)
            .map_err(|e| match e {
                RowError::Sql(e) => sql(e),
                RowError::Invalid(detail) => corrupt(detail),
            })?
            .into_iter()
            .map(|stored| crate::model::ProjectCase {
                case: stored.case,
                relation: stored.relation,
            })
            .collect();
        Ok(Project {
            title,
            author,
            audience,
            industry,
            sections,
            library,
            logo,
            accent,
            pilots,
            cases,
        })
    }

    /// Replaces the whole stored project with `project` in one transaction, and returns it
    /// as stored (with the new ids).
    pub fn replace(&mut self, project: &Project) -> Result<Project, ProjectFileError> {
        let tx = self.conn.transaction().map_err(ProjectFileError::Sqlite)?;
        write_project(&tx, project).map_err(ProjectFileError::Sqlite)?;
        tx.commit().map_err(ProjectFileError::Sqlite)?;
        self.load()
    }

    /// Writes a complete copy of the project to `dest` (Save As). Refuses to overwrite; the
    /// copy is built under a temporary name and renamed, like a new file.
    pub fn save_copy(&self, dest: &Path) -> Result<(), ProjectFileError> {
        if dest.exists() {
            return Err(ProjectFileError::AlreadyExists(dest.to_path_buf()));
        }
        let temp = temp_path_beside(dest);
        let _ = std::fs::remove_file(&temp);
        self.vacuum_into(&temp).inspect_err(|_| {
            let _ = std::fs::remove_file(&temp);
        })?;
        std::fs::rename(&temp, dest).map_err(|source| ProjectFileError::Io {
            path: dest.to_path_buf(),
            source,
        })
    }

    /// Remembers the project as it is now as a state copies of the file may share.
    pub(crate) fn record_base(&self, reason: bases::Reason) -> Result<String, ProjectFileError> {
        let snapshot = Snapshot::of(self)?;
        bases::record(&self.conn, reason, &snapshot)
            .map_err(|e| ProjectFileError::from_sqlite_opt(self.path.as_deref(), e))
    }

    /// Writes a compact copy of the database to `target`, which must not exist.
    pub(crate) fn vacuum_into(&self, target: &Path) -> Result<(), ProjectFileError> {
        // VACUUM INTO attaches the target; our connections otherwise allow no attachment.
        use rusqlite::limits::Limit;
        self.conn
            .set_limit(Limit::SQLITE_LIMIT_ATTACHED, 1)
            .map_err(ProjectFileError::Sqlite)?;
        let copied = self
            .conn
            .execute("VACUUM INTO ?1", [target.to_string_lossy()]);
        self.conn
            .set_limit(Limit::SQLITE_LIMIT_ATTACHED, 0)
            .map_err(ProjectFileError::Sqlite)?;
        copied
            .map(|_| ())
            .map_err(|e| ProjectFileError::from_sqlite(target, e))
    }

    /// Closes the file, reporting any error SQLite has on the way out. Pictures nothing
    /// uses any more (kept until now so that undo could bring them back) are dropped.
    pub fn close(self) -> Result<(), ProjectFileError> {
        let path = self.path.clone();
        self.drop_unused_images()
            .map_err(|e| ProjectFileError::from_sqlite_opt(path.as_deref(), e))?;
        self.conn
            .close()
            .map_err(|(_, e)| ProjectFileError::from_sqlite_opt(path.as_deref(), e))
    }
}

fn write_project(tx: &Transaction, project: &Project) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM block", [])?;
    tx.execute("DELETE FROM section", [])?;
    tx.execute("DELETE FROM pilot", [])?;
    tx.execute("INSERT INTO case_fts (case_fts) VALUES ('delete-all')", [])?;
    tx.execute("DELETE FROM case_study", [])?;
    // Cases keep their ids: blocks refer to them.
    for used in &project.cases {
        crate::project_file::cases::insert(tx, &used.case, used.relation, true)?;
    }
    for (position, pilot) in project.pilots.iter().enumerate() {
        pilots::insert(tx, pilot, position as i64, false)?;
    }
    // A new file's project gets its uid here; replacing the content keeps it.
    tx.execute(
        "INSERT INTO project (id, title, author, audience, logo_image, accent, industry, uid)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, lower(hex(randomblob(16))))
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, author = excluded.author,
                                        audience = excluded.audience,
                                        logo_image = excluded.logo_image,
                                        accent = excluded.accent,
                                        industry = excluded.industry",
        params![
            project.title,
            project.author,
            project.audience,
            project.logo.map(|l| l.id),
            project.accent,
            project.industry
        ],
    )?;
    let mut insert_section = tx.prepare(&format!(
        "INSERT INTO section (position, title, notes, uid) VALUES (?1, ?2, ?3, {})",
        rows::uid_sql("section", 4)
    ))?;
    for (section_pos, section) in project.sections.iter().enumerate() {
        insert_section.execute(params![
            section_pos as i64,
            section.title,
            section.notes,
            section.uid
        ])?;
        let section_id = tx.last_insert_rowid();
        for (position, block) in section.blocks.iter().enumerate() {
            let slot = Slot {
                section_id: Some(section_id),
                position: position as i64,
            };
            insert_block(tx, block, slot, false)?;
        }
    }
    for (position, block) in project.library.iter().enumerate() {
        let slot = Slot {
            section_id: None,
            position: position as i64,
        };
        insert_block(tx, block, slot, false)?;
    }
    Ok(())
}

fn read_only_flags() -> OpenFlags {
    OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_NOFOLLOW
}

fn read_write_flags() -> OpenFlags {
    OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_NOFOLLOW
}

/// Makes a connection safe for a file from elsewhere: no code of the file's own runs
/// (triggers, views, functions in its schema), no writes to `sqlite_schema`, no memory
/// mapping, bounded field sizes, corrupt pages detected early.
pub(crate) fn harden(conn: &Connection) -> rusqlite::Result<()> {
    use rusqlite::config::DbConfig;
    use rusqlite::limits::Limit;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, false)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_VIEW, false)?;
    conn.pragma_update(None, "trusted_schema", false)?;
    conn.pragma_update(None, "cell_size_check", true)?;
    conn.pragma_update(None, "mmap_size", 0)?;
    conn.set_limit(Limit::SQLITE_LIMIT_LENGTH, MAX_FIELD_BYTES)?;
    conn.set_limit(Limit::SQLITE_LIMIT_ATTACHED, 0)?;
    Ok(())
}

/// Finishes what a crash (or a killed process, or a lost connection to a shared drive)
/// left: a save cut short leaves its rollback journal beside the file, and the file reads
/// as it was before that save only once SQLite has rolled the journal back, which a
/// read-only connection cannot do. A read-write connection does it on its first read,
/// and only when no live process holds the file, so a save in progress is never disturbed.
fn recover_interrupted_save(path: &Path) -> Result<(), ProjectFileError> {
    let mut journal = path.as_os_str().to_owned();
    journal.push("-journal");
    let hot = std::fs::metadata(&journal).is_ok_and(|m| m.len() > 0);
    if !hot {
        return Ok(());
    }
    let conn = Connection::open_with_flags(path, read_write_flags())
        .map_err(|e| ProjectFileError::from_sqlite(path, e))?;
    harden(&conn).map_err(ProjectFileError::Sqlite)?;
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    })
    .map_err(|e| ProjectFileError::from_sqlite(path, e))?;
    conn.close()
        .map_err(|(_, e)| ProjectFileError::from_sqlite(path, e))
}

/// Upgrades and reads a copy of an older file in the temporary directory, so that the checks
/// made while reading run before the real file is upgraded.
fn upgrade_a_copy_first(path: &Path) -> Result<(), ProjectFileError> {
    let dir = tempfile::tempdir().map_err(|source| ProjectFileError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let copy = dir.path().join("upgrade-check.casewright");
    std::fs::copy(path, &copy).map_err(|source| ProjectFileError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let conn = Connection::open_with_flags(&copy, read_write_flags())
        .map_err(|e| ProjectFileError::from_sqlite(path, e))?;
    let mut trial = ProjectFile::from_connection(conn, None)?;
    trial.migrate()?;
    // Errors name the real file, not the copy.
    trial.path = Some(path.to_path_buf());
    trial.load()?;
    Ok(())
}

/// Runs SQLite's integrity check on a read-only connection, before the file is opened for
/// writing, then the size checks of [`checks`], and checks that the tables a project needs
/// are there.
fn check_before_open(path: &Path) -> Result<(), ProjectFileError> {
    let conn = Connection::open_with_flags(path, read_only_flags())
        .map_err(|e| ProjectFileError::from_sqlite(path, e))?;
    harden(&conn).map_err(ProjectFileError::Sqlite)?;
    let corrupt = |detail: String| ProjectFileError::Corrupt {
        path: path.to_path_buf(),
        detail,
    };
    let problems: Vec<String> = conn
        .prepare("PRAGMA integrity_check(20)")
        .and_then(|mut stmt| {
            stmt.query_map([], |row| row.get::<_, String>(0))?
                .collect::<Result<Vec<_>, _>>()
        })
        .map_err(|e| ProjectFileError::from_sqlite(path, e))?;
    if problems != ["ok"] {
        return Err(corrupt(problems.join("; ")));
    }
    for table in schema::REQUIRED_TABLES {
        let present: bool = conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1)",
                [table],
                |row| row.get(0),
            )
            .map_err(|e| ProjectFileError::from_sqlite(path, e))?;
        if !present {
            return Err(corrupt(format!("the {table:?} table is missing")));
        }
    }
    checks::row_counts(&conn, path)?;
    checks::pictures(&conn, path)
}

/// The names of every table, index and trigger a new project file has.
pub(crate) fn schema_object_names() -> rusqlite::Result<std::collections::HashSet<String>> {
    let mut conn = Connection::open_in_memory()?;
    schema::migrations()
        .to_latest(&mut conn)
        .expect("our own migrations apply to an empty database (see migrations_are_valid)");
    let names = conn
        .prepare("SELECT name FROM sqlite_schema")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(names)
}

fn temp_path_beside(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "project".into());
    path.with_file_name(format!(".{name}.{}.partial", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An older file that the upgrade would read as over a limit is refused before the
    /// upgrade touches it.
    #[test]
    fn an_older_file_refused_once_read_is_not_upgraded_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.casewright");
        let mut conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
        schema::migrations().to_version(&mut conn, 3).unwrap();
        conn.execute_batch(
            "INSERT INTO project VALUES (1, 'Old', 'A', 'B');
             INSERT INTO section (id, position, title) VALUES (1, 0, 'Proof');
             INSERT INTO block (section_id, position, kind, title, body)
                 VALUES (1, 0, 'story', 'Long', printf('%.*c', 60000, 'x'));",
        )
        .unwrap();
        conn.close().unwrap();
        let before = std::fs::read(&path).unwrap();
        let err = ProjectFile::open(&path).err().expect("refused");
        assert_eq!(err.code(), "over_limit", "{err}");
        assert!(
            err.to_string().contains(&path.display().to_string()),
            "{err}"
        );
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "the file was upgraded"
        );
        let entries: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(entries.len(), 1, "a side file was left: {entries:?}");
    }
}
