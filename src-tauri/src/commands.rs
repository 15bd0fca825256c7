//! IPC commands: each one unpacks its input, calls the core and maps errors to `AppError`
//! (a stable code and a message). The types are in `casewright_core::ipc`.

use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use casewright_core::briefing::{BriefingDate, BriefingOptions};
use casewright_core::ipc::{AppError, ExportedBriefing, OpenedProject};
use casewright_core::jobs;
use casewright_core::storyboard::{Edit, Storyboard};
use tauri::State;
use tauri_plugin_dialog::DialogExt;

use crate::{Open, OpenProject, StartupProblem};

fn no_project() -> AppError {
    AppError::new("no_project", "No project is open.")
}

/// The open project as the UI shows it.
fn view(open: &Open) -> Result<OpenedProject, AppError> {
    Ok(jobs::describe(&open.path, &open.board)?)
}

/// Runs `f` on the open project and returns the project as it then is.
fn with_open(
    state: &State<'_, OpenProject>,
    f: impl FnOnce(&mut Storyboard) -> Result<(), AppError>,
) -> Result<OpenedProject, AppError> {
    let mut guard = state.0.lock().unwrap();
    let open = guard.as_mut().ok_or_else(no_project)?;
    f(&mut open.board)?;
    view(open)
}

#[tauri::command]
pub fn current_project(open: State<'_, OpenProject>) -> Result<OpenedProject, AppError> {
    with_open(&open, |_| Ok(()))
}

/// Applies one storyboard edit; it is saved before this returns.
#[tauri::command]
pub fn apply_edit(edit: Edit, open: State<'_, OpenProject>) -> Result<OpenedProject, AppError> {
    with_open(&open, |board| {
        board.apply(&edit).map(|_| ()).map_err(AppError::from)
    })
}

#[tauri::command]
pub fn undo(open: State<'_, OpenProject>) -> Result<OpenedProject, AppError> {
    with_open(&open, |board| {
        board.undo().map(|_| ()).map_err(AppError::from)
    })
}

#[tauri::command]
pub fn redo(open: State<'_, OpenProject>) -> Result<OpenedProject, AppError> {
    with_open(&open, |board| {
        board.redo().map(|_| ()).map_err(AppError::from)
    })
}

#[tauri::command]
pub fn take_startup_problem(problem: State<'_, StartupProblem>) -> Option<AppError> {
    problem.0.lock().unwrap().take()
}

/// Asks for a project file and opens it. `None` when the user cancels. On error the
/// project already open stays open.
#[tauri::command]
pub async fn open_project_dialog(
    app: tauri::AppHandle,
    open: State<'_, OpenProject>,
) -> Result<Option<OpenedProject>, AppError> {
    let Some(picked) = app
        .dialog()
        .file()
        .set_title("Open a Casewright project")
        .add_filter(
            "Casewright project",
            &[casewright_core::project_file::EXTENSION],
        )
        .blocking_pick_file()
    else {
        return Ok(None);
    };
    let path = picked
        .into_path()
        .map_err(|e| AppError::new("invalid_path", e.to_string()))?;
    let next = Open {
        board: Storyboard::new(casewright_core::ProjectFile::open(&path)?),
        path,
    };
    let opened = view(&next)?;
    let mut guard = open.0.lock().unwrap();
    // Every edit is already saved; closing the previous file loses nothing.
    if let Some(previous) = guard.replace(next) {
        previous.board.into_file().close()?;
    }
    Ok(Some(opened))
}

/// Asks where to save and writes the executive briefing PDF. `None` when cancelled.
#[tauri::command]
pub async fn export_briefing_dialog(
    app: tauri::AppHandle,
    open: State<'_, OpenProject>,
) -> Result<Option<ExportedBriefing>, AppError> {
    let suggested = {
        let guard = open.0.lock().unwrap();
        let open = guard.as_ref().ok_or_else(no_project)?;
        suggested_pdf_name(&open.board.project()?.title)
    };
    let Some(picked) = app
        .dialog()
        .file()
        .set_title("Export the executive briefing")
        .set_file_name(&suggested)
        .add_filter("PDF document", &["pdf"])
        .blocking_save_file()
    else {
        return Ok(None);
    };
    let mut path: PathBuf = picked
        .into_path()
        .map_err(|e| AppError::new("invalid_path", e.to_string()))?;
    if path.extension().is_none() {
        path.set_extension("pdf");
    }
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let options = BriefingOptions::for_date(BriefingDate::from_unix_seconds(seconds));
    let guard = open.0.lock().unwrap();
    let open = guard.as_ref().ok_or_else(no_project)?;
    jobs::export_briefing(open.board.file(), &options, &path).map(Some)
}

fn suggested_pdf_name(title: &str) -> String {
    let cleaned: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == ' ' || c == '-' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let words: Vec<&str> = cleaned.split_whitespace().take(8).collect();
    if words.is_empty() {
        "Briefing.pdf".into()
    } else {
        format!("{} - Briefing.pdf", words.join(" "))
    }
}
