//! Sharing project files with colleagues: a clean copy to send ([`share`]), the states
//! copies have in common ([`bases`]), a project as a merge compares it ([`Snapshot`]).

pub mod apply;
pub mod bases;
pub mod import;
pub mod lock;
pub mod merge;
pub mod share;
mod snapshot;

pub use share::{ShareOptions, SharedCopy};
pub use snapshot::{
    BlockFields, BlockState, Details, Numbering, PhotoState, SectionState, Snapshot,
};

use crate::project_file::{ProjectFile, ProjectFileError};

impl ProjectFile {
    /// The project's stable id, shared by every copy of the file.
    pub fn project_uid(&self) -> Result<String, ProjectFileError> {
        self.connection()
            .query_row("SELECT uid FROM project WHERE id = 1", [], |r| r.get(0))
            .map_err(|e| ProjectFileError::from_sqlite_opt(self.path(), e))
    }

    /// The shared states this file remembers, newest first.
    pub fn merge_bases(&self) -> Result<Vec<bases::BaseInfo>, ProjectFileError> {
        bases::list(self.connection())
            .map_err(|e| ProjectFileError::from_sqlite_opt(self.path(), e))
    }
}
