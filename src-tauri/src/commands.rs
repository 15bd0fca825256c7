//! IPC commands: each one unpacks its input, calls the core and maps errors to `AppError`
//! (a stable code and a message). The types are in `casewright_core::ipc`.

use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::time::{SystemTime, UNIX_EPOCH};

use casewright_core::briefing::{BriefingDate, BriefingOptions};
use casewright_core::ipc::{
    AppError, BriefingPreview, BriefingSettings, ExportedBriefing, OpenedProject,
    EXPORT_PROGRESS_EVENT,
};
use casewright_core::jobs;
use casewright_core::model::ImageRef;
use casewright_core::storyboard::{Edit, Storyboard};
use tauri::{AppHandle, Emitter, Manager, State};
use tauri_plugin_dialog::DialogExt;

use crate::{ExportControl, LastExport, Open, OpenProject, Recent, StartupProblem};

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

/// The open project as it is now, read under the lock (linting it then needs no lock).
fn snapshot(open: &State<'_, OpenProject>) -> Result<casewright_core::Project, AppError> {
    let guard = open.0.lock().unwrap();
    let open = guard.as_ref().ok_or_else(no_project)?;
    Ok(open.board.project()?)
}

/// The framing coach's report on the open project, for the audience it names. Async, so a
/// long storyboard is linted off the main thread and without holding up edits.
#[tauri::command]
pub async fn coach_report(
    open: State<'_, OpenProject>,
) -> Result<casewright_core::coach::Report, AppError> {
    Ok(casewright_core::coach::lint_project(&snapshot(&open)?))
}

/// The coach's advice on a draft of one block, as the user types (nothing is saved).
#[tauri::command]
pub async fn coach_block(
    block: casewright_core::Block,
    open: State<'_, OpenProject>,
) -> Result<Vec<casewright_core::coach::Finding>, AppError> {
    Ok(casewright_core::coach::lint_draft_block(
        &snapshot(&open)?,
        &block,
    ))
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

/// The UI listens for menu actions from now on; it gets those that came before.
#[tauri::command]
pub fn menu_listening(queue: State<'_, crate::MenuQueue>) -> Vec<casewright_core::ipc::MenuAction> {
    let mut queue = queue.0.lock().unwrap();
    queue.ui_listens = true;
    std::mem::take(&mut queue.waiting)
}

const PROJECT_FILTER: (&str, &[&str]) = (
    "Casewright project",
    &[casewright_core::project_file::EXTENSION],
);

/// Puts `path` first in the recent list and in the menu.
pub fn remember(app: &AppHandle, path: &std::path::Path) {
    let recent = app.state::<Recent>();
    let mut recent = recent.0.lock().unwrap();
    if recent.push(path).is_ok() {
        crate::menu::refresh(app, recent.paths());
    }
}

/// Makes `next` the open project. Every edit of the previous one is already saved, so
/// closing it loses nothing.
fn switch_to(
    app: &AppHandle,
    state: &State<'_, OpenProject>,
    next: Open,
) -> Result<OpenedProject, AppError> {
    let opened = view(&next)?;
    remember(app, &next.path);
    let mut guard = state.0.lock().unwrap();
    if let Some(previous) = guard.replace(next) {
        previous.board.into_file().close()?;
    }
    Ok(opened)
}

fn open_path(
    app: &AppHandle,
    state: &State<'_, OpenProject>,
    path: PathBuf,
) -> Result<OpenedProject, AppError> {
    let editing = jobs::open_for_editing(&path, false)?;
    switch_to(app, state, Open::new(path, editing))
}

/// Opens the project shown read-only for editing here, whoever else has it open (the
/// user was told who, and chose to).
#[tauri::command]
pub fn take_over_project(
    app: AppHandle,
    open: State<'_, OpenProject>,
) -> Result<OpenedProject, AppError> {
    let path = {
        let guard = open.0.lock().unwrap();
        guard.as_ref().ok_or_else(no_project)?.path.clone()
    };
    let editing = jobs::open_for_editing(&path, true)?;
    switch_to(&app, &open, Open::new(path, editing))
}

/// Asks where to write a shared copy of the project (for a colleague) and writes it.
/// `None` when the user cancels.
#[tauri::command]
pub async fn share_copy_dialog(
    options: casewright_core::sharing::ShareOptions,
    app: AppHandle,
    open: State<'_, OpenProject>,
) -> Result<Option<casewright_core::sharing::SharedCopy>, AppError> {
    let suggested = {
        let guard = open.0.lock().unwrap();
        let open = guard.as_ref().ok_or_else(no_project)?;
        open.path
            .file_stem()
            .map(|n| format!("{} (shared).casewright", n.to_string_lossy()))
            .unwrap_or_else(|| "Shared.casewright".into())
    };
    let Some(dest) = pick_project_destination(&app, "Share a copy of the project", &suggested)?
    else {
        return Ok(None);
    };
    let guard = open.0.lock().unwrap();
    let current = guard.as_ref().ok_or_else(no_project)?;
    Ok(Some(current.board.file().share_copy(&dest, options)?))
}

/// Asks where to save a project file, suggesting `suggested`; adds the extension when the
/// name has none. `None` when the user cancels.
fn pick_project_destination(
    app: &AppHandle,
    title: &str,
    suggested: &str,
) -> Result<Option<PathBuf>, AppError> {
    let Some(picked) = app
        .dialog()
        .file()
        .set_title(title)
        .set_file_name(suggested)
        .add_filter(PROJECT_FILTER.0, PROJECT_FILTER.1)
        .blocking_save_file()
    else {
        return Ok(None);
    };
    let path = picked
        .into_path()
        .map_err(|e| AppError::new("invalid_path", e.to_string()))?;
    Ok(Some(with_extension(
        path,
        casewright_core::project_file::EXTENSION,
    )))
}

fn with_extension(mut path: PathBuf, extension: &str) -> PathBuf {
    if path.extension().is_none() {
        path.set_extension(extension);
    }
    path
}

/// Asks for a project file and opens it. `None` when the user cancels. On error the
/// project already open stays open.
#[tauri::command]
pub async fn open_project_dialog(
    app: AppHandle,
    open: State<'_, OpenProject>,
) -> Result<Option<OpenedProject>, AppError> {
    let Some(path) = pick_file(&app, "Open a Casewright project", PROJECT_FILTER)? else {
        return Ok(None);
    };
    open_path(&app, &open, path).map(Some)
}

/// Opens a project from the recent list; one that no longer opens leaves the list.
#[tauri::command]
pub fn open_recent(
    path: String,
    app: AppHandle,
    open: State<'_, OpenProject>,
) -> Result<OpenedProject, AppError> {
    let path = PathBuf::from(path);
    open_path(&app, &open, path.clone()).inspect_err(|_| {
        let recent = app.state::<Recent>();
        let mut recent = recent.0.lock().unwrap();
        if recent.forget(&path).is_ok() {
            crate::menu::refresh(&app, recent.paths());
        }
    })
}

/// Asks where to create a project, creates it from the storyboard template and opens it.
#[tauri::command]
pub async fn new_project_dialog(
    app: AppHandle,
    open: State<'_, OpenProject>,
) -> Result<Option<OpenedProject>, AppError> {
    let Some(path) = pick_project_destination(
        &app,
        "Create a new Casewright project",
        "New case.casewright",
    )?
    else {
        return Ok(None);
    };
    jobs::create_from_template(&path)?.close()?;
    let editing = jobs::open_for_editing(&path, false)?;
    switch_to(&app, &open, Open::new(path, editing)).map(Some)
}

/// Asks for a new name, writes a copy of the project there and goes on editing the copy
/// (undo history included).
#[tauri::command]
pub async fn save_as_dialog(
    app: AppHandle,
    open: State<'_, OpenProject>,
) -> Result<Option<OpenedProject>, AppError> {
    let suggested = {
        let guard = open.0.lock().unwrap();
        let open = guard.as_ref().ok_or_else(no_project)?;
        open.path
            .file_name()
            .map(|n| format!("Copy of {}", n.to_string_lossy()))
            .unwrap_or_else(|| "Copy.casewright".into())
    };
    let Some(dest) = pick_project_destination(&app, "Save the project as", &suggested)? else {
        return Ok(None);
    };
    let opened = {
        let mut guard = open.0.lock().unwrap();
        let current = guard.as_mut().ok_or_else(no_project)?;
        current.board.file().save_copy(&dest)?;
        let copy = jobs::open_for_editing(&dest, false)?;
        current
            .board
            .switch_to_copy(copy.board.into_file())
            .close()?;
        current.lock = copy.lock;
        current.path = dest.clone();
        view(current)?
    };
    remember(&app, &dest);
    Ok(Some(opened))
}

/// Asks where to save and writes the executive briefing PDF, sending `export-progress`
/// events as it goes. `None` when the user cancels the dialog or the export itself.
#[tauri::command]
pub async fn export_briefing_dialog(
    settings: BriefingSettings,
    app: AppHandle,
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
    let options = briefing_options(settings);
    *app.state::<LastExport>().0.lock().unwrap() = None;
    let cancel = &app.state::<ExportControl>().cancel;
    cancel.store(false, Ordering::SeqCst);
    let mut guard = open.0.lock().unwrap();
    let open = guard.as_mut().ok_or_else(no_project)?;
    let exported = jobs::export_briefing_reporting(
        open.board.file(),
        &options,
        &mut open.pictures,
        &path,
        |progress| {
            let _ = app.emit(EXPORT_PROGRESS_EVENT, progress);
            !cancel.load(Ordering::SeqCst)
        },
    );
    match exported {
        Err(err) if err.code == "cancelled" => Ok(None),
        Err(err) => Err(err),
        Ok(exported) => {
            *app.state::<LastExport>().0.lock().unwrap() = Some(path);
            Ok(Some(exported))
        }
    }
}

/// Stops the export in progress at its next step; it then writes nothing.
#[tauri::command]
pub fn cancel_export(control: State<'_, ExportControl>) {
    control.cancel.store(true, Ordering::SeqCst);
}

fn last_export(last: &State<'_, LastExport>) -> Result<PathBuf, AppError> {
    last.0
        .lock()
        .unwrap()
        .clone()
        .filter(|p| p.exists())
        .ok_or_else(|| AppError::new("no_export", "There is no exported briefing to open yet."))
}

/// Opens the briefing just exported in the system's PDF viewer.
#[tauri::command]
pub fn open_last_export(app: AppHandle, last: State<'_, LastExport>) -> Result<(), AppError> {
    use tauri_plugin_opener::OpenerExt;
    let path = last_export(&last)?;
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| AppError::new("open_failed", format!("Could not open the PDF: {e}")))
}

/// Shows the briefing just exported in the system's file manager.
#[tauri::command]
pub fn reveal_last_export(app: AppHandle, last: State<'_, LastExport>) -> Result<(), AppError> {
    use tauri_plugin_opener::OpenerExt;
    let path = last_export(&last)?;
    app.opener()
        .reveal_item_in_dir(&path)
        .map_err(|e| AppError::new("open_failed", format!("Could not show the folder: {e}")))
}

/// Today's briefing with the user's print choices.
fn briefing_options(settings: BriefingSettings) -> BriefingOptions {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    BriefingOptions {
        paper: settings.paper,
        handout: settings.handout,
        theme: settings.theme.unwrap_or_default(),
        ..BriefingOptions::for_date(BriefingDate::from_unix_seconds(seconds))
    }
}

/// The open project's briefing as SVG pages, for the preview pane. Laid out on a worker
/// thread (async command), so the window never waits for it.
#[tauri::command]
pub async fn briefing_preview(
    settings: BriefingSettings,
    open: State<'_, OpenProject>,
) -> Result<BriefingPreview, AppError> {
    let (project, options) = {
        let mut guard = open.0.lock().unwrap();
        let open = guard.as_mut().ok_or_else(no_project)?;
        let project = open.board.project()?;
        let options =
            open.pictures
                .complete(open.board.file(), &project, briefing_options(settings));
        (project, options)
    };
    Ok(jobs::preview_briefing(&project, &options))
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

/// The largest picture file the app reads; anything bigger is refused before it is read.
const MAX_PICTURE_FILE: u64 = 64 * 1024 * 1024;

/// Asks for a JPEG or PNG and adds it to the open project's pictures (checked, and scaled
/// down if it is bigger than print needs). Using it is a separate, undoable edit.
#[tauri::command]
pub async fn add_picture_dialog(
    app: AppHandle,
    open: State<'_, OpenProject>,
) -> Result<Option<ImageRef>, AppError> {
    let Some(path) = pick_file(
        &app,
        "Choose a picture",
        ("Pictures", &["jpg", "jpeg", "png"]),
    )?
    else {
        return Ok(None);
    };
    let bytes = read_chosen(&path, MAX_PICTURE_FILE, "image_too_large")?;
    let guard = open.0.lock().unwrap();
    let open = guard.as_ref().ok_or_else(no_project)?;
    let added =
        open.board.file().add_image(&bytes).map_err(|e| {
            AppError::new(e.code(), format!("{} cannot be used: {e}", path.display()))
        })?;
    Ok(Some(added))
}

/// A small copy of a stored picture for the app to show, as a `data:` URL.
#[tauri::command]
pub async fn picture_thumbnail(id: i64, open: State<'_, OpenProject>) -> Result<String, AppError> {
    let bytes = {
        let guard = open.0.lock().unwrap();
        let open = guard.as_ref().ok_or_else(no_project)?;
        open.board.file().image_bytes(id)?
    }
    .ok_or_else(|| {
        AppError::new(
            "not_found",
            format!("There is no picture {id} in this project."),
        )
    })?;
    Ok(casewright_core::pictures::thumbnail_data_url(
        &bytes,
        THUMBNAIL_SIDE,
    )?)
}

/// Thumbnails are drawn at twice the size the inspector shows them, for sharp screens.
const THUMBNAIL_SIDE: u32 = 480;

/// Each of the open project's pilots judged: verdicts, charts and warnings.
#[tauri::command]
pub fn pilot_reports(
    open: State<'_, OpenProject>,
) -> Result<Vec<casewright_core::pilot::PilotReport>, AppError> {
    let guard = open.0.lock().unwrap();
    let open = guard.as_ref().ok_or_else(no_project)?;
    Ok(open
        .board
        .project()?
        .pilots
        .iter()
        .map(casewright_core::pilot::report)
        .collect())
}

/// Turns a pilot's win into storyboard blocks (one undoable edit), or says why not.
#[tauri::command]
pub fn leverage_pilot(id: i64, open: State<'_, OpenProject>) -> Result<OpenedProject, AppError> {
    with_open(&open, |board| {
        let project = board.project()?;
        let pilot =
            project.pilots.iter().find(|p| p.id == id).ok_or_else(|| {
                AppError::new("not_found", "That pilot is no longer in the project.")
            })?;
        let edit = casewright_core::pilot::leverage::leverage(&project, pilot)
            .map_err(|why| AppError::new("not_a_win", why))?;
        board.apply(&edit).map(|_| ()).map_err(AppError::from)
    })
}

/// Asks for a results spreadsheet (CSV) laid out for `design` and reads it: each metric's
/// results, for the UI to put on a criterion. `None` when the dialog is cancelled.
#[tauri::command]
pub async fn read_results_dialog(
    design: casewright_core::pilot::Design,
    app: AppHandle,
) -> Result<Option<Vec<casewright_core::pilot::ImportedResults>>, AppError> {
    let Some(path) = pick_file(
        &app,
        "Import results (CSV)",
        ("CSV spreadsheet", &["csv", "txt"]),
    )?
    else {
        return Ok(None);
    };
    let text = read_chosen_text(&path, MAX_RESULTS_FILE)?;
    casewright_core::pilot::read_results(&text, design)
        .map(Some)
        .map_err(|problems| AppError::new("invalid_csv", problems))
}

const MAX_RESULTS_FILE: u64 = 64 * 1024 * 1024;

/// The personal case library, opened on first use (created with the starter cases).
fn with_library<T>(
    app: &AppHandle,
    f: impl FnOnce(&mut casewright_core::cases::library::CaseLibrary) -> Result<T, AppError>,
) -> Result<T, AppError> {
    let state = app.state::<crate::Library>();
    let mut guard = state.0.lock().unwrap();
    if guard.is_none() {
        let dir = crate::data_dir(app).map_err(|e| AppError::new("io", e.to_string()))?;
        let path = dir.join(casewright_core::cases::library::LIBRARY_FILE_NAME);
        *guard =
            Some(casewright_core::cases::library::CaseLibrary::open_or_create_with_starter(&path)?);
    }
    f(guard.as_mut().expect("opened above"))
}

/// Searches the personal case library: hits, their count and facet counts. Ordered by
/// relevance to the open project when the query asks for it.
#[tauri::command]
pub async fn search_cases(
    query: casewright_core::cases::CaseQuery,
    app: AppHandle,
) -> Result<casewright_core::cases::SearchResult, AppError> {
    use casewright_core::cases::{ProjectProfile, SortOrder};
    let profile = if query.sort == SortOrder::Project {
        let open = app.state::<OpenProject>();
        let guard = open.0.lock().unwrap();
        match guard.as_ref() {
            Some(open) => Some(ProjectProfile::of(&open.board.project()?)),
            None => None,
        }
    } else {
        None
    };
    with_library(&app, |library| match &profile {
        Some(profile) => Ok(library.search_for_project(&query, profile)?),
        None => Ok(library.search(&query)?),
    })
}

/// Copies a library case into the open project as a story at `to` (with metric blocks
/// for its numbered outcomes when `metrics`), as one undoable edit.
#[tauri::command]
pub fn use_library_case(
    id: i64,
    relation: Option<casewright_core::Relation>,
    to: casewright_core::storyboard::Place,
    metrics: bool,
    app: AppHandle,
    open: State<'_, OpenProject>,
) -> Result<OpenedProject, AppError> {
    let case = with_library(&app, |library| {
        library
            .get(id)?
            .ok_or_else(|| AppError::new("not_found", "That case is no longer in your library."))
    })?;
    with_open(&open, |board| {
        board
            .apply(&Edit::UseCase {
                case,
                relation,
                to,
                metrics,
            })
            .map(|_| ())
            .map_err(AppError::from)
    })
}

/// Asks for a CSV or JSON file of case studies and returns its columns and their default
/// mapping; the file is remembered for `import_cases` (the UI never names a path itself).
#[tauri::command]
pub async fn preview_case_import(
    app: AppHandle,
) -> Result<Option<casewright_core::cases::transfer::ImportPreview>, AppError> {
    use casewright_core::cases::transfer::{default_mapping, ImportPreview, FIELDS};
    let Some(path) = pick_file(
        &app,
        "Import case studies",
        ("Case studies (CSV or JSON)", &["csv", "json", "txt"]),
    )?
    else {
        return Ok(None);
    };
    let text = read_chosen_text(&path, MAX_IMPORT_FILE)?;
    let json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let (headers, mapping) = if json {
        (Vec::new(), Default::default())
    } else {
        default_mapping(&text).map_err(|e| AppError::new("invalid_csv", e.to_string()))?
    };
    *app.state::<PendingImport>().0.lock().unwrap() = Some((path.clone(), text));
    Ok(Some(ImportPreview {
        file_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        json,
        headers,
        mapping: mapping.into_iter().collect(),
        fields: FIELDS.iter().map(|f| f.to_string()).collect(),
    }))
}

/// The file `preview_case_import` picked, read, until it is imported.
#[derive(Default)]
pub struct PendingImport(pub std::sync::Mutex<Option<(PathBuf, String)>>);

const MAX_IMPORT_FILE: u64 = 128 * 1024 * 1024;

/// Imports the previewed file with `mapping` (field → column). With duplicates in it and
/// no `on_duplicate` ("skip" or "update") it imports nothing and answers with the code
/// `duplicates`, so the UI can ask. All or nothing; every bad row is listed (`invalid_csv`).
#[tauri::command]
pub async fn import_cases(
    mapping: std::collections::BTreeMap<String, usize>,
    on_duplicate: Option<String>,
    app: AppHandle,
) -> Result<casewright_core::cases::library::ImportSummary, AppError> {
    use casewright_core::cases::library::{CsvImportError, OnDuplicate};
    use casewright_core::cases::transfer::read_json;
    let (path, text) = app
        .state::<PendingImport>()
        .0
        .lock()
        .unwrap()
        .clone()
        .ok_or_else(|| AppError::new("no_import", "Choose a file to import first."))?;
    let choice = match on_duplicate.as_deref() {
        Some("update") => Some(OnDuplicate::Update),
        Some(_) => Some(OnDuplicate::Skip),
        None => None,
    };
    let summary = if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        let cases = read_json(&text).map_err(|why| AppError::new("invalid_json", why))?;
        with_library(&app, |library| {
            if choice.is_none() {
                let found = library.duplicates(&cases)?.len();
                if found > 0 {
                    return Err(AppError::new(
                        "duplicates",
                        format!(
                            "{found} of the {} case studies are already in your library (same title and organisation).",
                            cases.len()
                        ),
                    ));
                }
            }
            Ok(library.import(&cases, choice.unwrap_or(OnDuplicate::Skip))?)
        })?
    } else {
        // Stored as it is read; nothing is kept if a row is bad or, without a choice,
        // some cases are already in the library (the person is asked, then this runs again).
        let map = mapping.into_iter().collect();
        with_library(&app, |library| {
            library
                .import_csv(&text, &map, choice)
                .map_err(|e| match e {
                    CsvImportError::Rows(errors) => AppError::new(
                        "invalid_csv",
                        errors
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join("\n"),
                    ),
                    CsvImportError::Duplicates { .. } => AppError::new("duplicates", e.to_string()),
                    CsvImportError::File(e) => e.into(),
                })
        })?
    };
    *app.state::<PendingImport>().0.lock().unwrap() = None;
    Ok(summary)
}

/// Asks where to save and writes the whole library, or the cases `selection` matches, as
/// CSV or JSON (by the extension).
#[tauri::command]
pub async fn export_cases_dialog(
    selection: Option<casewright_core::cases::CaseQuery>,
    app: AppHandle,
) -> Result<Option<String>, AppError> {
    use casewright_core::cases::transfer::{write_csv, write_json};
    let Some(picked) = app
        .dialog()
        .file()
        .set_title("Export the case library")
        .set_file_name("Case studies.csv")
        .add_filter("CSV", &["csv"])
        .add_filter("JSON", &["json"])
        .blocking_save_file()
    else {
        return Ok(None);
    };
    let path = picked
        .into_path()
        .map_err(|e| AppError::new("invalid_path", e.to_string()))?;
    let cases: Vec<_> = with_library(&app, |library| match &selection {
        Some(query) => Ok(library.matching(query)?),
        None => Ok(library.all()?.into_iter().map(|s| s.case).collect()),
    })?;
    let text = if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        write_json(&cases)
    } else {
        write_csv(&cases)
    };
    let temp = path.with_extension("partial");
    std::fs::write(&temp, text)
        .and_then(|()| std::fs::rename(&temp, &path))
        .map_err(|e| {
            AppError::new(
                "export_failed",
                format!("Could not write {}: {e}", path.display()),
            )
        })?;
    Ok(Some(path.display().to_string()))
}

/// Adds or replaces a case in the library (id 0 adds); returns its id.
#[tauri::command]
pub async fn save_library_case(
    case: casewright_core::cases::CaseStudy,
    app: AppHandle,
) -> Result<i64, AppError> {
    with_library(&app, |library| Ok(library.save(&case)?))
}

/// Removes a case from the library and returns it, so the UI can put it back (undo).
#[tauri::command]
pub async fn delete_library_case(
    id: i64,
    app: AppHandle,
) -> Result<casewright_core::cases::CaseStudy, AppError> {
    with_library(&app, |library| {
        let case = library
            .get(id)?
            .ok_or_else(|| AppError::new("not_found", "That case is no longer in your library."))?;
        library.delete(id)?;
        Ok(case)
    })
}

/// Shows the native open dialog with one filter (name, extensions); `None` when cancelled.
fn pick_file(
    app: &AppHandle,
    title: &str,
    (filter, extensions): (&str, &[&str]),
) -> Result<Option<PathBuf>, AppError> {
    let Some(picked) = app
        .dialog()
        .file()
        .set_title(title)
        .add_filter(filter, extensions)
        .blocking_pick_file()
    else {
        return Ok(None);
    };
    picked
        .into_path()
        .map(Some)
        .map_err(|e| AppError::new("invalid_path", e.to_string()))
}

/// The bytes of a file the user chose, refused (with `too_large_code`) before it is read
/// when it is over `max_bytes`.
fn read_chosen(
    path: &std::path::Path,
    max_bytes: u64,
    too_large_code: &str,
) -> Result<Vec<u8>, AppError> {
    let unreadable =
        |e: std::io::Error| AppError::new("io", format!("Cannot read {}: {e}", path.display()));
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > max_bytes {
        return Err(AppError::new(
            too_large_code,
            format!(
                "{} is {} MB; the largest file Casewright reads here is {} MB.",
                path.display(),
                size / 1024 / 1024,
                max_bytes / 1024 / 1024
            ),
        ));
    }
    std::fs::read(path).map_err(unreadable)
}

/// A chosen spreadsheet or JSON file as UTF-8 text.
fn read_chosen_text(path: &std::path::Path, max_bytes: u64) -> Result<String, AppError> {
    String::from_utf8(read_chosen(path, max_bytes, "file_too_large")?).map_err(|_| {
        AppError::new(
            "invalid_csv",
            "The file is not UTF-8 text; save it as CSV UTF-8.",
        )
    })
}

/// The other project chosen for a merge or an import: later commands act on this file
/// only, never on a path the UI names.
#[derive(Default)]
pub struct ChosenProject(pub std::sync::Mutex<Option<PathBuf>>);

/// Asks for a colleague's copy of the open project and says what merging it would do.
/// `None` when the user cancels.
#[tauri::command]
pub async fn merge_plan_dialog(
    app: AppHandle,
    open: State<'_, OpenProject>,
    chosen: State<'_, ChosenProject>,
) -> Result<Option<casewright_core::sharing::apply::MergePlan>, AppError> {
    let Some(path) = pick_file(
        &app,
        "Merge changes from a copy of this project",
        PROJECT_FILTER,
    )?
    else {
        return Ok(None);
    };
    let plan = {
        let guard = open.0.lock().unwrap();
        let current = guard.as_ref().ok_or_else(no_project)?;
        casewright_core::sharing::apply::plan(current.board.file(), &path)?
    };
    *chosen.0.lock().unwrap() = Some(path);
    Ok(Some(plan))
}

/// Plans the merge of the copy chosen by `merge_plan_dialog` again (after the project or
/// their copy changed), without asking for the file.
#[tauri::command]
pub fn merge_replan(
    open: State<'_, OpenProject>,
    chosen: State<'_, ChosenProject>,
) -> Result<casewright_core::sharing::apply::MergePlan, AppError> {
    let path = chosen_project(&chosen)?;
    let guard = open.0.lock().unwrap();
    let current = guard.as_ref().ok_or_else(no_project)?;
    Ok(casewright_core::sharing::apply::plan(
        current.board.file(),
        &path,
    )?)
}

/// Merges the copy chosen by `merge_plan_dialog` with the user's choices, as one
/// undoable edit.
#[tauri::command]
pub fn apply_merge(
    fingerprint: String,
    resolutions: Vec<casewright_core::sharing::apply::Resolution>,
    open: State<'_, OpenProject>,
    chosen: State<'_, ChosenProject>,
) -> Result<OpenedProject, AppError> {
    let path = chosen_project(&chosen)?;
    with_open(&open, |board| {
        casewright_core::sharing::apply::apply(board, &path, &fingerprint, &resolutions)?;
        Ok(())
    })
}

/// Asks for another project and reads it to choose blocks from. `None` on cancel.
#[tauri::command]
pub async fn import_source_dialog(
    app: AppHandle,
    chosen: State<'_, ChosenProject>,
) -> Result<Option<casewright_core::ipc::ImportSource>, AppError> {
    let Some(path) = pick_file(&app, "Import blocks from another project", PROJECT_FILTER)? else {
        return Ok(None);
    };
    let project = casewright_core::sharing::import::read_source(&path)?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    *chosen.0.lock().unwrap() = Some(path);
    Ok(Some(casewright_core::ipc::ImportSource {
        file_name,
        project,
    }))
}

/// Copies the chosen blocks (by uid) of the project chosen by `import_source_dialog` to
/// `to`, as one undoable edit.
#[tauri::command]
pub fn import_blocks(
    uids: Vec<String>,
    to: casewright_core::storyboard::Place,
    open: State<'_, OpenProject>,
    chosen: State<'_, ChosenProject>,
) -> Result<OpenedProject, AppError> {
    let path = chosen_project(&chosen)?;
    with_open(&open, |board| {
        casewright_core::sharing::import::import_blocks(board, &path, &uids, to)?;
        Ok(())
    })
}

fn chosen_project(chosen: &State<'_, ChosenProject>) -> Result<PathBuf, AppError> {
    chosen
        .0
        .lock()
        .unwrap()
        .clone()
        .ok_or_else(|| AppError::new("no_project_chosen", "Choose the other project first."))
}
