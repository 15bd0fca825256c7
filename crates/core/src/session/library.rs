//! The case-study library jobs of a session: search (by relevance to the open project when
//! asked), cases used in the storyboard, import from CSV or JSON in two steps (preview the
//! columns, then import), export, and cases added, edited or removed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::files::{self, is_json, MAX_CASES_FILE};
use super::{locked, Session};
use crate::cases::library::{CaseLibrary, ImportSummary, OnDuplicate};
use crate::cases::transfer::{self, ImportPreview};
use crate::cases::{CaseQuery, CaseStudy, ProjectProfile, SearchResult, SortOrder};
use crate::ipc::{AppError, OpenedProject};
use crate::storyboard::{Edit, Place};
use crate::{ErrorCode, Relation};

/// A case file read by [`Session::preview_case_import`], kept for the import itself.
pub(super) struct PendingImport {
    path: PathBuf,
    text: String,
    /// The CSV's header row as previewed: the mapping the person chose numbers its columns.
    headers: Vec<String>,
}

fn gone_from_library() -> AppError {
    AppError::new(
        ErrorCode::NotFound,
        "That case is no longer in your library.",
    )
}

impl Session {
    /// Runs `f` on the case library, opened on first use (created, with the starter cases
    /// where the session's places say so).
    fn with_library<T>(
        &self,
        f: impl FnOnce(&mut CaseLibrary) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        let mut guard = locked(&self.library);
        if guard.is_none() {
            let path = &self.places.library;
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|e| {
                    AppError::new(
                        ErrorCode::Io,
                        format!("Cannot create {}: {e}", dir.display()),
                    )
                })?;
            }
            *guard = Some(if self.places.starter_cases {
                CaseLibrary::open_or_create_with_starter(path)?
            } else {
                CaseLibrary::open_or_create(path)?
            });
        }
        f(guard.as_mut().expect("opened above"))
    }

    /// Where the case library is.
    pub fn library_path(&self) -> &Path {
        &self.places.library
    }

    /// Searches the library: hits, their count and facet counts; ordered by relevance to
    /// the open project when the query asks for it and a project is open.
    pub fn search_cases(&self, query: &CaseQuery) -> Result<SearchResult, AppError> {
        let profile = match query.sort {
            SortOrder::Project => locked(&self.open)
                .as_ref()
                .map(|open| open.board.project().map(|p| ProjectProfile::of(&p)))
                .transpose()?,
            _ => None,
        };
        self.with_library(|library| match &profile {
            Some(profile) => Ok(library.search_for_project(query, profile)?),
            None => Ok(library.search(query)?),
        })
    }

    /// Copies a library case into the open project as a story at `to` (with metric blocks
    /// for its numbered outcomes when `metrics`), as one undoable edit.
    pub fn use_library_case(
        &self,
        id: i64,
        relation: Option<Relation>,
        to: Place,
        metrics: bool,
    ) -> Result<OpenedProject, AppError> {
        let case = self.with_library(|library| library.get(id)?.ok_or_else(gone_from_library))?;
        self.apply_edit(&Edit::UseCase {
            case,
            relation,
            to,
            metrics,
        })
    }

    /// Reads a CSV or JSON file of case studies and returns its columns and their default
    /// mapping; the file is kept for [`Session::import_cases`] (the UI never names a path).
    pub fn preview_case_import(&self, path: &Path) -> Result<ImportPreview, AppError> {
        let text = files::read_text(path, MAX_CASES_FILE, ErrorCode::InvalidCsv)?;
        let json = is_json(path);
        let (headers, mapping) = if json {
            (Vec::new(), Default::default())
        } else {
            transfer::default_mapping(&text).map_err(|e| {
                AppError::new(ErrorCode::InvalidCsv, format!("{}: {e}", path.display()))
            })?
        };
        let preview = ImportPreview {
            file_name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            json,
            headers,
            mapping: mapping.into_iter().collect(),
            fields: transfer::FIELDS.iter().map(|f| f.to_string()).collect(),
        };
        *locked(&self.pending_import) = Some(PendingImport {
            path: path.to_path_buf(),
            text,
            headers: preview.headers.clone(),
        });
        Ok(preview)
    }

    /// Imports the previewed file with `mapping` (field → column; the default mapping when
    /// `None`). With duplicates in it and no `on_duplicate` it imports nothing and answers
    /// `duplicates`, so the UI can ask. All or nothing; every bad row is in the error's
    /// details (`invalid_csv`).
    pub fn import_cases(
        &self,
        mapping: Option<BTreeMap<String, usize>>,
        on_duplicate: Option<OnDuplicate>,
    ) -> Result<ImportSummary, AppError> {
        let mut pending = locked(&self.pending_import)
            .take()
            .ok_or_else(|| AppError::new(ErrorCode::NoImport, "Choose a file to import first."))?;
        // Read again: after "fix these lines and try again" the person has fixed the file.
        let imported = Self::reread(&mut pending)
            .and_then(|()| self.import_pending(&pending, mapping, on_duplicate));
        if imported.is_err() {
            // Kept for another try: after the person answers about duplicates, or with
            // another mapping of the columns.
            *locked(&self.pending_import) = Some(pending);
        }
        imported
    }

    /// The chosen file as it is now. A CSV whose header row changed since the preview is
    /// refused, since the chosen mapping numbers the old columns; a file that can no longer
    /// be read is named.
    fn reread(pending: &mut PendingImport) -> Result<(), AppError> {
        let text = files::read_text(&pending.path, MAX_CASES_FILE, ErrorCode::InvalidCsv)?;
        if !is_json(&pending.path) {
            let (headers, _) = transfer::default_mapping(&text).map_err(|e| {
                AppError::new(
                    ErrorCode::InvalidCsv,
                    format!("{}: {e}", pending.path.display()),
                )
            })?;
            if headers != pending.headers {
                return Err(AppError::new(
                    ErrorCode::InvalidCsv,
                    format!(
                        "The columns of {} changed since you chose it; choose it again with Import… to map them.",
                        pending.path.file_name().map_or_else(
                            || pending.path.display().to_string(),
                            |n| n.to_string_lossy().into_owned()
                        )
                    ),
                ));
            }
        }
        pending.text = text;
        Ok(())
    }

    fn import_pending(
        &self,
        pending: &PendingImport,
        mapping: Option<BTreeMap<String, usize>>,
        on_duplicate: Option<OnDuplicate>,
    ) -> Result<ImportSummary, AppError> {
        if is_json(&pending.path) {
            let cases = transfer::read_json(&pending.text).map_err(|why| {
                AppError::new(
                    ErrorCode::InvalidJson,
                    format!("{}: {why}", pending.path.display()),
                )
            })?;
            return self.with_library(|library| {
                if on_duplicate.is_none() {
                    let found = library.duplicates(&cases)?.len();
                    if found > 0 {
                        return Err(AppError::new(
                            ErrorCode::Duplicates,
                            format!(
                                "{found} of the {} case studies are already in your library (same title and organisation).",
                                cases.len()
                            ),
                        ));
                    }
                }
                Ok(library.import(&cases, on_duplicate.unwrap_or(OnDuplicate::Skip))?)
            });
        }
        let map = match mapping {
            Some(mapping) => mapping.into_iter().collect(),
            None => {
                transfer::default_mapping(&pending.text)
                    .map_err(|e| AppError::new(ErrorCode::InvalidCsv, e.to_string()))?
                    .1
            }
        };
        // Stored as it is read; nothing is kept if a row is bad.
        self.with_library(|library| Ok(library.import_csv(&pending.text, &map, on_duplicate)?))
    }

    /// Imports a case file with its default mapping in one step (the CLI).
    pub fn import_cases_file(
        &self,
        path: &Path,
        on_duplicate: OnDuplicate,
    ) -> Result<ImportSummary, AppError> {
        self.preview_case_import(path)?;
        self.import_cases(None, Some(on_duplicate))
    }

    /// Writes the whole library, or the cases `selection` matches, to `out` as CSV or JSON
    /// (by the extension); returns how many.
    pub fn export_cases(
        &self,
        selection: Option<&CaseQuery>,
        out: &Path,
    ) -> Result<usize, AppError> {
        let cases: Vec<CaseStudy> = self.with_library(|library| match selection {
            Some(query) => Ok(library.matching(query)?),
            None => Ok(library.all()?.into_iter().map(|s| s.case).collect()),
        })?;
        let text = if is_json(out) {
            transfer::write_json(&cases)
        } else {
            transfer::write_csv(&cases)
        };
        files::write_whole(out, text.as_bytes()).map_err(|e| {
            AppError::new(
                ErrorCode::ExportFailed,
                format!("Could not write {}: {e}", out.display()),
            )
        })?;
        Ok(cases.len())
    }

    /// Adds or replaces a case in the library (id 0 adds); returns its id.
    pub fn save_library_case(&self, case: &CaseStudy) -> Result<i64, AppError> {
        self.with_library(|library| Ok(library.save(case)?))
    }

    /// Removes a case from the library and returns it, so the UI can put it back (undo).
    pub fn delete_library_case(&self, id: i64) -> Result<CaseStudy, AppError> {
        self.with_library(|library| {
            let case = library.get(id)?.ok_or_else(gone_from_library)?;
            library.delete(id)?;
            Ok(case)
        })
    }
}
