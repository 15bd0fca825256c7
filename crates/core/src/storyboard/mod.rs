//! Editing the storyboard of an open project: every change is an [`Edit`] committed to
//! the file at once in its own transaction (autosave), with undo and redo for the whole
//! session. Undo works by applying the inverse edit each change returned.

pub use crate::edit::{Edit, Outcome, Place, SectionText};
pub use crate::project_file::{EditError, Steps};

use crate::model::Project;
use crate::project_file::{ProjectFile, ProjectFileError};

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
        // An edit that changed nothing leaves no step to undo.
        if !matches!(&inverse, Edit::Batch { edits } if edits.is_empty()) {
            self.undo.push(inverse);
            self.redo.clear();
        }
        Ok(outcome)
    }

    /// Applies the edits `steps` makes, one after another in one transaction, as a single
    /// undoable edit. Each step may read what the ones before it did (the ids they
    /// created), which a prepared `Edit::Batch` cannot. If a step fails, nothing is saved.
    pub fn apply_steps(
        &mut self,
        steps: impl FnOnce(&mut Steps<'_>) -> Result<(), EditError>,
    ) -> Result<(), EditError> {
        let inverses = self.file.commit_steps(steps)?;
        if !inverses.is_empty() {
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
        self.file.commit_edit(edit)
    }
}
