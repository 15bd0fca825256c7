//! The states a file was shared in (`merge_base`): each a [`Snapshot`] under a random id
//! that the copy made at that moment carries too. The newest id two copies have in common
//! names their common ancestor.

use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension};

use super::{ProjectFile, ProjectFileError};
use crate::model::snapshot::{Numbering, Snapshot};
use crate::model::Project;

/// How many bases a file keeps; older ones are dropped (the newest common one is the one
/// a merge wants, and each costs the size of the project's text).
pub const KEPT: i64 = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Created,
    Upgraded,
    Shared,
    Merged,
}

impl Reason {
    fn as_str(self) -> &'static str {
        match self {
            Reason::Created => "created",
            Reason::Upgraded => "upgraded",
            Reason::Shared => "shared",
            Reason::Merged => "merged",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseInfo {
    pub id: String,
    /// Seconds since the Unix epoch.
    pub made_at: i64,
}

/// Records `snapshot` as a new base and returns its id.
pub fn record(conn: &Connection, reason: Reason, snapshot: &Snapshot) -> rusqlite::Result<String> {
    let json = serde_json::to_string(snapshot).expect("a snapshot serialises");
    let id: String = conn.query_row(
        "INSERT INTO merge_base (id, made_at, reason, snapshot)
         VALUES (lower(hex(randomblob(16))), unixepoch(), ?1, ?2) RETURNING id",
        params![reason.as_str(), json],
        |r| r.get(0),
    )?;
    conn.execute(
        "DELETE FROM merge_base WHERE id NOT IN
             (SELECT id FROM merge_base ORDER BY made_at DESC, rowid DESC LIMIT ?1)",
        [KEPT],
    )?;
    Ok(id)
}

/// The file's bases, newest first.
pub fn list(conn: &Connection) -> rusqlite::Result<Vec<BaseInfo>> {
    conn.prepare("SELECT id, made_at FROM merge_base ORDER BY made_at DESC, rowid DESC")?
        .query_map([], |r| {
            Ok(BaseInfo {
                id: r.get(0)?,
                made_at: r.get(1)?,
            })
        })?
        .collect()
}

/// The snapshot stored under `id`, if the file has it. `Err(Some(why))` when its text is
/// not a snapshot (a damaged or hand-made file).
pub fn load(conn: &Connection, id: &str) -> Result<Option<Snapshot>, LoadError> {
    let json: Option<String> = conn
        .query_row("SELECT snapshot FROM merge_base WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()
        .map_err(LoadError::Sql)?;
    json.map(|json| serde_json::from_str(&json).map_err(|e| LoadError::Invalid(e.to_string())))
        .transpose()
}

#[derive(Debug)]
pub enum LoadError {
    Sql(rusqlite::Error),
    Invalid(String),
}

/// Keeps only the base `id`, holding `snapshot` (a shared copy remembers its one ancestor
/// and nothing older: older states hold text deleted since).
pub fn keep_only(conn: &Connection, id: &str, snapshot: &Snapshot) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM merge_base WHERE id <> ?1", [id])?;
    conn.execute(
        "UPDATE merge_base SET snapshot = ?2 WHERE id = ?1",
        params![
            id,
            serde_json::to_string(snapshot).expect("a snapshot serialises")
        ],
    )?;
    Ok(())
}

impl ProjectFile {
    /// The project's stable id, shared by every copy of the file.
    pub fn project_uid(&self) -> Result<String, ProjectFileError> {
        self.connection()
            .query_row("SELECT uid FROM project WHERE id = 1", [], |r| r.get(0))
            .map_err(|e| ProjectFileError::from_sqlite_opt(self.path(), e))
    }

    /// The shared states this file remembers, newest first.
    pub fn merge_bases(&self) -> Result<Vec<BaseInfo>, ProjectFileError> {
        list(self.connection()).map_err(|e| ProjectFileError::from_sqlite_opt(self.path(), e))
    }

    /// This file's record of the shared state `id`, if it keeps one.
    pub fn merge_base(&self, id: &str) -> Result<Option<Snapshot>, ProjectFileError> {
        load(self.connection(), id).map_err(|e| match e {
            LoadError::Sql(e) => ProjectFileError::from_sqlite_opt(self.path(), e),
            LoadError::Invalid(why) => ProjectFileError::Corrupt {
                path: self.path().map(Path::to_path_buf).unwrap_or_default(),
                detail: format!("its shared state cannot be read: {why}"),
            },
        })
    }

    /// How this file numbers `project`'s pictures and cases, for comparing with another copy.
    pub fn numbering(&self, project: &Project) -> Result<Numbering, ProjectFileError> {
        Numbering::read(self.connection(), project)
            .map_err(|e| ProjectFileError::from_sqlite_opt(self.path(), e))
    }
}
