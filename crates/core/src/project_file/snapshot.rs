//! Reading a project as a merge compares it (`crate::model::snapshot`) from its file.

use std::collections::HashMap;

use rusqlite::Connection;

use super::{ProjectFile, ProjectFileError};
use crate::model::snapshot::{Numbering, Snapshot};
use crate::model::Project;

impl Numbering {
    pub fn read(conn: &Connection, project: &Project) -> rusqlite::Result<Numbering> {
        let image_digest = conn
            .prepare("SELECT id, digest FROM image")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let case_key = project
            .cases
            .iter()
            .map(|used| {
                (
                    used.case.id,
                    crate::project_file::cases::identity_key(&used.case),
                )
            })
            .collect();
        Ok(Numbering {
            image_digest,
            case_key,
        })
    }
}

impl Snapshot {
    /// The project in `file` as it is now.
    pub fn of(file: &ProjectFile) -> Result<Snapshot, ProjectFileError> {
        let project = file.load()?;
        let conn = file.connection();
        let sql = |e| ProjectFileError::from_sqlite_opt(file.path(), e);
        let numbering = Numbering::read(conn, &project).map_err(sql)?;
        let revisions = |table: &str| -> Result<HashMap<i64, i64>, ProjectFileError> {
            conn.prepare(&format!("SELECT id, revision FROM {table}"))
                .and_then(|mut stmt| {
                    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                        .collect::<Result<_, _>>()
                })
                .map_err(sql)
        };
        let section_revisions = revisions("section")?;
        let block_revisions = revisions("block")?;
        let project_uid: String = conn
            .query_row("SELECT uid FROM project WHERE id = 1", [], |r| r.get(0))
            .map_err(sql)?;
        Ok(Snapshot::from_project(
            project_uid,
            &project,
            &numbering,
            &section_revisions,
            &block_revisions,
        ))
    }
}
