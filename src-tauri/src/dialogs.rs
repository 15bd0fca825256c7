//! The native dialogs and the system opener: the only part of a job that needs a window.
//! Each dialog returns the path the person picked, or `None` when they cancelled.

use std::path::{Path, PathBuf};

use casewright_core::ipc::AppError;
use casewright_core::ErrorCode;
use tauri::AppHandle;
use tauri_plugin_dialog::{DialogExt, FilePath};
use tauri_plugin_opener::OpenerExt;

/// What a command that starts with a dialog returns: `None` when the person cancelled.
pub type Picked<T> = Option<T>;

/// A file filter: its name and extensions.
pub type Filter = (&'static str, &'static [&'static str]);

pub const PROJECT: Filter = (
    "Casewright project",
    &[casewright_core::project_file::EXTENSION],
);
pub const PICTURES: Filter = ("Pictures", &["jpg", "jpeg", "png"]);
pub const SPREADSHEET: Filter = ("CSV spreadsheet", &["csv", "txt"]);
pub const CASES: Filter = ("Case studies (CSV or JSON)", &["csv", "json", "txt"]);

fn into_path(picked: FilePath) -> Result<PathBuf, AppError> {
    picked
        .into_path()
        .map_err(|e| AppError::new(ErrorCode::InvalidPath, e.to_string()))
}

fn with_extension(mut path: PathBuf, extension: &str) -> PathBuf {
    if path.extension().is_none() {
        path.set_extension(extension);
    }
    path
}

/// The open dialog with one filter.
pub fn open(
    app: &AppHandle,
    title: &str,
    (name, extensions): Filter,
) -> Result<Option<PathBuf>, AppError> {
    app.dialog()
        .file()
        .set_title(title)
        .add_filter(name, extensions)
        .blocking_pick_file()
        .map(into_path)
        .transpose()
}

/// Where to save a project file, suggesting `suggested`; the extension is added when the
/// name has none.
pub fn save_project(
    app: &AppHandle,
    title: &str,
    suggested: &str,
) -> Result<Option<PathBuf>, AppError> {
    let picked = app
        .dialog()
        .file()
        .set_title(title)
        .set_file_name(suggested)
        .add_filter(PROJECT.0, PROJECT.1)
        .blocking_save_file();
    Ok(picked
        .map(into_path)
        .transpose()?
        .map(|path| with_extension(path, casewright_core::project_file::EXTENSION)))
}

/// Where to write the briefing PDF.
pub fn save_pdf(app: &AppHandle, suggested: &str) -> Result<Option<PathBuf>, AppError> {
    let picked = app
        .dialog()
        .file()
        .set_title("Export the executive briefing")
        .set_file_name(suggested)
        .add_filter("PDF document", &["pdf"])
        .blocking_save_file();
    Ok(picked
        .map(into_path)
        .transpose()?
        .map(|path| with_extension(path, "pdf")))
}

/// Where to write the case library (CSV or JSON, by the extension chosen).
pub fn save_cases(app: &AppHandle) -> Result<Option<PathBuf>, AppError> {
    app.dialog()
        .file()
        .set_title("Export the case library")
        .set_file_name("Case studies.csv")
        .add_filter("CSV", &["csv"])
        .add_filter("JSON", &["json"])
        .blocking_save_file()
        .map(into_path)
        .transpose()
}

/// Opens `path` in the system's viewer for it.
pub fn open_in_viewer(app: &AppHandle, path: &Path) -> Result<(), AppError> {
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| {
            AppError::new(
                ErrorCode::OpenFailed,
                format!("Could not open the PDF: {e}"),
            )
        })
}

/// Shows `path` in the system's file manager.
pub fn reveal(app: &AppHandle, path: &Path) -> Result<(), AppError> {
    app.opener().reveal_item_in_dir(path).map_err(|e| {
        AppError::new(
            ErrorCode::OpenFailed,
            format!("Could not show the folder: {e}"),
        )
    })
}
