//! What a session takes in and hands out besides the briefing: pictures added to the
//! project, pilots' results read from spreadsheets and their reports, a shared copy for a
//! colleague, a colleague's copy merged back, and blocks imported from another project.

use std::path::{Path, PathBuf};

use super::files::{self, MAX_PICTURE_FILE, MAX_RESULTS_FILE};
use super::{locked, Session};
use crate::ipc::{AppError, ImportSource, OpenedProject};
use crate::model::ImageRef;
use crate::pilot::{Design, ImportedResults, PilotReport};
use crate::project_file::ProjectFileError;
use crate::sharing::apply::{MergePlan, MergeSummary, Resolution};
use crate::sharing::{self, ShareOptions, SharedCopy};
use crate::storyboard::Place;
use crate::ErrorCode;

/// Thumbnails are drawn at twice the size the inspector shows them, for sharp screens.
const THUMBNAIL_SIDE: u32 = 480;

impl Session {
    // ---- Pictures ----

    /// Adds the JPEG or PNG at `path` to the open project's pictures (checked, and scaled
    /// down if it is bigger than print needs). Using it is a separate, undoable edit.
    pub fn add_picture(&self, path: &Path) -> Result<ImageRef, AppError> {
        let bytes = files::read_limited(path, MAX_PICTURE_FILE, ErrorCode::ImageTooLarge)?;
        self.with_open(|open| {
            open.board.file().add_image(&bytes).map_err(|e| {
                // The image's own reason after the file's name, not "that picture" again.
                let reason = match &e {
                    ProjectFileError::Image(image) => image.to_string(),
                    other => other.to_string(),
                };
                AppError::new(
                    e.code(),
                    format!("{} cannot be used: {reason}", path.display()),
                )
            })
        })
    }

    /// A small copy of a stored picture for the app to show, as a `data:` URL.
    pub fn picture_thumbnail(&self, id: i64) -> Result<String, AppError> {
        let bytes = self
            .with_open(|open| Ok(open.board.file().image_bytes(id)?))?
            .ok_or_else(|| {
                AppError::new(
                    ErrorCode::NotFound,
                    format!("There is no picture {id} in this project."),
                )
            })?;
        Ok(crate::pictures::thumbnail_data_url(&bytes, THUMBNAIL_SIDE)?)
    }

    // ---- Pilots ----

    /// Each of the open project's pilots judged: verdicts, charts and warnings.
    pub fn pilot_reports(&self) -> Result<Vec<PilotReport>, AppError> {
        Ok(self
            .project()?
            .pilots
            .iter()
            .map(crate::pilot::report)
            .collect())
    }

    /// Turns a pilot's win into storyboard blocks (one undoable edit), or says why not.
    pub fn leverage_pilot(&self, id: i64) -> Result<OpenedProject, AppError> {
        self.edit_with(|board| {
            let project = board.project()?;
            let pilot = project.pilots.iter().find(|p| p.id == id).ok_or_else(|| {
                AppError::new(
                    ErrorCode::NotFound,
                    "That pilot is no longer in the project.",
                )
            })?;
            let edit = crate::pilot::leverage::leverage(&project, pilot)
                .map_err(|why| AppError::new(ErrorCode::NotAWin, why))?;
            Ok(board.apply(&edit).map(drop)?)
        })
    }

    /// Reads a results spreadsheet (CSV) laid out for `design`: each metric's results, for
    /// the UI to put on a criterion. Every bad row is in the error's details.
    pub fn read_results(
        &self,
        path: &Path,
        design: Design,
    ) -> Result<Vec<ImportedResults>, AppError> {
        let text = files::read_text(path, MAX_RESULTS_FILE, ErrorCode::InvalidCsv)?;
        crate::pilot::read_results(&text, design).map_err(AppError::rows)
    }

    // ---- Sharing ----

    /// The file name Share a Copy suggests.
    pub fn suggested_share_name(&self) -> Result<String, AppError> {
        Ok(self
            .path()?
            .file_stem()
            .map(|n| format!("{} (shared).casewright", n.to_string_lossy()))
            .unwrap_or_else(|| "Shared.casewright".into()))
    }

    /// The file name Save As suggests.
    pub fn suggested_copy_name(&self) -> Result<String, AppError> {
        Ok(self
            .path()?
            .file_name()
            .map(|n| format!("Copy of {}", n.to_string_lossy()))
            .unwrap_or_else(|| "Copy.casewright".into()))
    }

    /// Writes a copy of the open project at `dest` for a colleague.
    pub fn share_copy(&self, dest: &Path, options: ShareOptions) -> Result<SharedCopy, AppError> {
        self.with_open(|open| Ok(open.board.file().share_copy(dest, options)?))
    }

    /// Says what merging a colleague's copy at `theirs` would do; the copy is then the one
    /// [`Session::merge_replan`] and [`Session::apply_merge`] act on.
    pub fn merge_plan(&self, theirs: &Path) -> Result<MergePlan, AppError> {
        let plan = self.with_open(|open| Ok(sharing::apply::plan(open.board.file(), theirs)?))?;
        *locked(&self.chosen_project) = Some(theirs.to_path_buf());
        Ok(plan)
    }

    /// Plans the merge of the chosen copy again (after the project or their copy changed).
    pub fn merge_replan(&self) -> Result<MergePlan, AppError> {
        let theirs = self.chosen_project()?;
        self.with_open(|open| Ok(sharing::apply::plan(open.board.file(), &theirs)?))
    }

    /// Merges the chosen copy with the person's choices, as one undoable edit.
    pub fn apply_merge(
        &self,
        fingerprint: &str,
        resolutions: &[Resolution],
    ) -> Result<(OpenedProject, MergeSummary), AppError> {
        let theirs = self.chosen_project()?;
        self.with_open(|open| {
            let summary =
                sharing::apply::apply(&mut open.board, &theirs, fingerprint, resolutions)?;
            Ok((open.view()?, summary))
        })
    }

    /// Reads another project to choose blocks from; it is then the one
    /// [`Session::import_blocks`] copies from.
    pub fn import_source(&self, path: &Path) -> Result<ImportSource, AppError> {
        let project = sharing::import::read_source(path)?;
        *locked(&self.chosen_project) = Some(path.to_path_buf());
        Ok(ImportSource {
            file_name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            project,
        })
    }

    /// Copies the chosen blocks (by uid) of the chosen project to `to`, as one undoable
    /// edit.
    pub fn import_blocks(&self, uids: &[String], to: Place) -> Result<OpenedProject, AppError> {
        let source = self.chosen_project()?;
        self.edit_with(|board| {
            sharing::import::import_blocks(board, &source, uids, to)?;
            Ok(())
        })
    }

    fn chosen_project(&self) -> Result<PathBuf, AppError> {
        locked(&self.chosen_project).clone().ok_or_else(|| {
            AppError::new(
                ErrorCode::NoProjectChosen,
                "Choose the other project first.",
            )
        })
    }
}
