//! "Share a copy": a clean, compact copy of the project for a colleague. Only what the
//! project uses goes (no unused case studies or pictures, no tables, triggers or views of
//! another program, no older shared states), deleted text does not linger in free pages,
//! and speaker notes and dismissed advice can be left out. Both files remember the state
//! shared, so the copy can be merged back later.

use std::path::Path;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::bases::{self, Reason};
use super::{ProjectFile, ProjectFileError};
use crate::model::snapshot::Snapshot;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ShareOptions {
    pub strip_notes: bool,
    pub strip_dismissed: bool,
}

/// What went into a shared copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SharedCopy {
    #[ts(type = "number")]
    pub bytes: u64,
    /// Case studies the project held but no block uses, left out.
    pub unused_cases_left_out: u32,
    /// Tables, triggers and views that are not Casewright's, left out.
    pub foreign_objects_left_out: u32,
}

impl ProjectFile {
    /// Writes a shared copy of the project to `dest` (replacing a file there, as the save
    /// dialog confirmed, but never the open project itself).
    pub fn share_copy(
        &self,
        dest: &Path,
        options: ShareOptions,
    ) -> Result<SharedCopy, ProjectFileError> {
        if let Some(own) = self.path() {
            if same_file(own, dest) {
                return Err(ProjectFileError::Io {
                    path: dest.to_path_buf(),
                    source: std::io::Error::new(
                        std::io::ErrorKind::InvalidInput,
                        "that is the project itself; choose another name for the copy",
                    ),
                });
            }
        }
        let snapshot = Snapshot::of(self)?;
        let sql = |e| ProjectFileError::from_sqlite_opt(self.path(), e);
        let base_id = bases::record(self.connection(), Reason::Shared, &snapshot).map_err(sql)?;
        let mut shared_base = snapshot;
        if options.strip_notes {
            shared_base = shared_base.without_notes();
        }
        if options.strip_dismissed {
            shared_base = shared_base.without_dismissed();
        }

        let dir = dest.parent().unwrap_or(Path::new("."));
        let temp = tempfile::Builder::new()
            .prefix(".casewright-share-")
            .suffix(".partial")
            .tempfile_in(dir)
            .map_err(|source| ProjectFileError::Io {
                path: dest.to_path_buf(),
                source,
            })?;
        let temp_path = temp.path().to_path_buf();
        // VACUUM INTO wants to create its target.
        std::fs::remove_file(&temp_path).ok();
        let result = (|| {
            self.vacuum_into(&temp_path)?;
            let conn =
                Connection::open(&temp_path).map_err(|e| ProjectFileError::from_sqlite(dest, e))?;
            let summary = clean(&conn, &base_id, &shared_base, options)
                .map_err(|e| ProjectFileError::from_sqlite(dest, e))?;
            conn.close()
                .map_err(|(_, e)| ProjectFileError::from_sqlite(dest, e))?;
            Ok(summary)
        })();
        let (unused_cases, foreign) = match result {
            Ok(summary) => summary,
            Err(err) => {
                std::fs::remove_file(&temp_path).ok();
                return Err(err);
            }
        };
        // The copy must open as any received file would, before it takes the name.
        ProjectFile::open(&temp_path)
            .and_then(|copy| copy.close())
            .inspect_err(|_| {
                std::fs::remove_file(&temp_path).ok();
            })?;
        std::fs::rename(&temp_path, dest).map_err(|source| ProjectFileError::Io {
            path: dest.to_path_buf(),
            source,
        })?;
        let bytes = std::fs::metadata(dest).map(|m| m.len()).unwrap_or(0);
        Ok(SharedCopy {
            bytes,
            unused_cases_left_out: unused_cases,
            foreign_objects_left_out: foreign,
        })
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Cleans the fresh copy in place; returns (unused cases, foreign objects) left out.
fn clean(
    conn: &Connection,
    base_id: &str,
    base: &Snapshot,
    options: ShareOptions,
) -> rusqlite::Result<(u32, u32)> {
    crate::project_file::harden(conn)?;
    // Deleted rows are overwritten, not only unlinked; VACUUM then drops the free pages.
    conn.pragma_update(None, "secure_delete", true)?;
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let foreign = drop_foreign_objects(conn)?;
    if options.strip_notes {
        conn.execute("UPDATE section SET notes = ''", [])?;
    }
    if options.strip_dismissed {
        conn.execute("UPDATE block SET dismissed = '[]'", [])?;
    }
    let unused: Vec<i64> = conn
        .prepare(
            "SELECT id FROM case_study
             WHERE id NOT IN (SELECT case_id FROM block WHERE case_id IS NOT NULL)",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for id in &unused {
        crate::project_file::cases::delete(conn, *id)?;
    }
    conn.execute(
        "DELETE FROM image WHERE id NOT IN (
             SELECT logo_image FROM project WHERE logo_image IS NOT NULL
             UNION SELECT photo_image FROM block WHERE photo_image IS NOT NULL)",
        [],
    )?;
    bases::keep_only(conn, base_id, base)?;
    conn.execute_batch("COMMIT")?;
    // VACUUM builds the compact file in an attached temporary database.
    conn.set_limit(rusqlite::limits::Limit::SQLITE_LIMIT_ATTACHED, 1)?;
    conn.execute_batch("VACUUM")?;
    Ok((unused.len() as u32, foreign))
}

/// Drops every table, view, trigger and index that a new Casewright project would not
/// have; returns how many.
fn drop_foreign_objects(conn: &Connection) -> rusqlite::Result<u32> {
    let ours = crate::project_file::schema_object_names()?;
    let found: Vec<(String, String)> = conn
        .prepare(
            "SELECT type, name FROM sqlite_schema
             WHERE name NOT LIKE 'sqlite_%' AND type IN ('table', 'view', 'trigger', 'index')",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut dropped = 0;
    // Triggers and views first: dropping a table drops its triggers with it.
    for kind in ["trigger", "view", "index", "table"] {
        for (_, name) in found.iter().filter(|(t, n)| t == kind && !ours.contains(n)) {
            let exists: bool = conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE name = ?1)",
                [name],
                |r| r.get(0),
            )?;
            if exists {
                let quoted = name.replace('"', "\"\"");
                conn.execute_batch(&format!("DROP {} \"{quoted}\"", kind.to_uppercase()))?;
                dropped += 1;
            }
        }
    }
    Ok(dropped)
}
