//! IPC commands: each one unpacks its input, calls the core and maps errors to `AppError`
//! (a stable code and a message). The types are in `casewright_core::ipc`.

use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use casewright_core::briefing::{BriefingDate, BriefingOptions};
use casewright_core::ipc::{AppError, ExportedBriefing, OpenedProject};
use casewright_core::jobs;
use tauri::State;
use tauri_plugin_dialog::DialogExt;

use crate::{OpenProject, StartupProblem};

fn no_project() -> AppError {
    AppError::new("no_project", "No project is open.")
}

#[tauri::command]
pub fn current_project(open: State<'_, OpenProject>) -> Result<OpenedProject, AppError> {
    let guard = open.0.lock().unwrap();
    guard
        .as_ref()
        .map(|(_, opened)| opened.clone())
        .ok_or_else(no_project)
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
    let (file, opened) = jobs::open_project(&path)?;
    let mut guard = open.0.lock().unwrap();
    if let Some((previous, _)) = guard.take() {
        previous.close()?;
    }
    *guard = Some((file, opened.clone()));
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
        let (_, opened) = guard.as_ref().ok_or_else(no_project)?;
        suggested_pdf_name(&opened.project.title)
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
    let (file, _) = guard.as_ref().ok_or_else(no_project)?;
    jobs::export_briefing(file, &options, &path).map(Some)
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
