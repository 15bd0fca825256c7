//! Editing the storyboard of an open project: every change is an [`Edit`] committed to
//! the file at once in its own transaction (autosave), with undo and redo for the whole
//! session. Undo works by applying the inverse edit each change returned.

mod edit;

use rusqlite::TransactionBehavior;

pub use edit::{Edit, Outcome, Place, SectionText};

use crate::model::Project;
use crate::project_file::{ProjectFile, ProjectFileError};

/// Why an edit was refused. Nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("there is no {what} with id {id} (it may have been deleted)")]
    NotFound { what: &'static str, id: i64 },
    #[error("position {index} is past the end of {place}, which holds {len}")]
    BadPosition { index: u32, place: String, len: u32 },
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
    File(#[from] ProjectFileError),
    #[error("the project file could not be updated: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

impl From<crate::limits::OverLimit> for EditError {
    fn from(e: crate::limits::OverLimit) -> EditError {
        EditError::Invalid(e.0)
    }
}

impl EditError {
    pub(crate) fn invalid(message: impl Into<String>) -> EditError {
        EditError::Invalid(message.into())
    }

    /// A stable identifier for the UI (see `ProjectFileError::code`).
    pub fn code(&self) -> crate::ErrorCode {
        match self {
            EditError::NotFound { .. } => crate::ErrorCode::NotFound,
            EditError::BadPosition { .. } => crate::ErrorCode::BadPosition,
            EditError::Invalid(_) => crate::ErrorCode::InvalidEdit,
            EditError::File(e) => e.code(),
            EditError::Sqlite(_) => crate::ErrorCode::Database,
        }
    }
}

/// An open project being edited.
pub struct Storyboard {
    file: ProjectFile,
    undo: Vec<Edit>,
    redo: Vec<Edit>,
}

impl Storyboard {
    pub fn new(file: ProjectFile) -> Storyboard {
        Storyboard {
            file,
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    pub fn file(&self) -> &ProjectFile {
        &self.file
    }

    /// Continues editing in `file`, a copy of this project (Save As): the ids are the
    /// same, so the undo history stays valid. Returns the file that was open.
    pub fn switch_to_copy(&mut self, file: ProjectFile) -> ProjectFile {
        std::mem::replace(&mut self.file, file)
    }

    pub fn into_file(self) -> ProjectFile {
        self.file
    }

    pub fn project(&self) -> Result<Project, ProjectFileError> {
        self.file.load()
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Applies and saves `edit`. A new edit clears the redo history.
    pub fn apply(&mut self, edit: &Edit) -> Result<Outcome, EditError> {
        let (inverse, outcome) = self.commit(edit)?;
        self.undo.push(inverse);
        self.redo.clear();
        Ok(outcome)
    }

    /// Applies the edits `steps` makes, one after another in one transaction, as a single
    /// undoable edit. Each step may read what the ones before it did (the ids they
    /// created), which a prepared `Edit::Batch` cannot. If a step fails, nothing is saved.
    pub fn apply_steps(
        &mut self,
        steps: impl FnOnce(&mut Steps<'_>) -> Result<(), EditError>,
    ) -> Result<(), EditError> {
        if let Some(holder) = self.file.read_only_holder() {
            return Err(ProjectFileError::ReadOnly(holder.clone()).into());
        }
        let tx = self
            .file
            .connection_mut()
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut sequence = Steps {
            tx: &tx,
            inverses: Vec::new(),
        };
        steps(&mut sequence)?;
        let mut inverses = sequence.inverses;
        tx.commit()?;
        if !inverses.is_empty() {
            inverses.reverse();
            self.undo.push(Edit::Batch { edits: inverses });
            self.redo.clear();
        }
        Ok(())
    }

    /// Undoes the last edit; `false` when there is nothing to undo.
    pub fn undo(&mut self) -> Result<bool, EditError> {
        let Some(edit) = self.undo.last() else {
            return Ok(false);
        };
        let (inverse, _) = self.commit(&edit.clone())?;
        self.undo.pop();
        self.redo.push(inverse);
        Ok(true)
    }

    /// Redoes the last undone edit; `false` when there is nothing to redo.
    pub fn redo(&mut self) -> Result<bool, EditError> {
        let Some(edit) = self.redo.last() else {
            return Ok(false);
        };
        let (inverse, _) = self.commit(&edit.clone())?;
        self.redo.pop();
        self.undo.push(inverse);
        Ok(true)
    }

    fn commit(&mut self, edit: &Edit) -> Result<(Edit, Outcome), EditError> {
        if let Some(holder) = self.file.read_only_holder() {
            return Err(ProjectFileError::ReadOnly(holder.clone()).into());
        }
        let tx = self
            .file
            .connection_mut()
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let result = edit.apply(&tx)?;
        tx.commit()?;
        Ok(result)
    }
}

/// The edits of one [`Storyboard::apply_steps`], inside its transaction.
pub struct Steps<'a> {
    tx: &'a rusqlite::Transaction<'a>,
    inverses: Vec<Edit>,
}

impl Steps<'_> {
    pub fn apply(&mut self, edit: &Edit) -> Result<Outcome, EditError> {
        let (inverse, outcome) = edit.apply(self.tx)?;
        self.inverses.push(inverse);
        Ok(outcome)
    }

    /// For reading what the steps so far have done.
    pub fn connection(&self) -> &rusqlite::Connection {
        self.tx
    }
}
