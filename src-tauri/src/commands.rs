//! IPC commands. Each one is a delegation to the core's `Session`; what stays here is what
//! only a window has: the native dialogs (in `dialogs.rs`), events and the system opener.
//! The types are in `casewright_core::ipc`.

use std::collections::BTreeMap;

use casewright_core::cases::library::{ImportSummary, OnDuplicate};
use casewright_core::cases::transfer::ImportPreview;
use casewright_core::cases::{CaseQuery, CaseStudy, SearchResult};
use casewright_core::coach::{Finding, Report};
use casewright_core::ipc::{
    AppError, BriefingPreview, BriefingSettings, ExportedBriefing, ImportSource, MenuAction,
    OpenedProject, EXPORT_PROGRESS_EVENT,
};
use casewright_core::model::ImageRef;
use casewright_core::pilot::{Design, ImportedResults, PilotReport};
use casewright_core::session::{today_options, Session};
use casewright_core::sharing::apply::{MergePlan, Resolution};
use casewright_core::sharing::{ShareOptions, SharedCopy};
use casewright_core::storyboard::{Edit, Place};
use casewright_core::{Block, Relation};
use tauri::{AppHandle, Emitter, State};

use crate::dialogs::{self, Picked, CASES, PICTURES, PROJECT, SPREADSHEET};

type Reply<T> = Result<T, AppError>;

#[tauri::command]
pub fn current_project(session: State<'_, Session>) -> Reply<OpenedProject> {
    session.current()
}

/// Applies one storyboard edit; it is saved before this returns.
#[tauri::command]
pub fn apply_edit(edit: Edit, session: State<'_, Session>) -> Reply<OpenedProject> {
    session.apply_edit(&edit)
}

#[tauri::command]
pub fn undo(session: State<'_, Session>) -> Reply<OpenedProject> {
    session.undo()
}

#[tauri::command]
pub fn redo(session: State<'_, Session>) -> Reply<OpenedProject> {
    session.redo()
}

/// Async, so a long storyboard is linted off the main thread.
#[tauri::command]
pub async fn coach_report(session: State<'_, Session>) -> Reply<Report> {
    session.coach_report()
}

#[tauri::command]
pub async fn coach_block(block: Block, session: State<'_, Session>) -> Reply<Vec<Finding>> {
    session.coach_block(&block)
}

#[tauri::command]
pub fn take_startup_problem(session: State<'_, Session>) -> Option<AppError> {
    session.take_startup_problem()
}

/// The UI listens for menu actions from now on; it gets those that came before.
#[tauri::command]
pub fn menu_listening(queue: State<'_, crate::MenuQueue>) -> Vec<MenuAction> {
    queue.ui_listens()
}

#[tauri::command]
pub async fn open_project_dialog(
    app: AppHandle,
    session: State<'_, Session>,
) -> Reply<Picked<OpenedProject>> {
    dialogs::open(&app, "Open a Casewright project", PROJECT)?
        .map(|path| session.open(&path))
        .transpose()
}

#[tauri::command]
pub fn open_recent(path: String, session: State<'_, Session>) -> Reply<OpenedProject> {
    session.open_recent(path.as_ref())
}

#[tauri::command]
pub fn take_over_project(session: State<'_, Session>) -> Reply<OpenedProject> {
    session.take_over()
}

#[tauri::command]
pub async fn new_project_dialog(
    app: AppHandle,
    session: State<'_, Session>,
) -> Reply<Picked<OpenedProject>> {
    let picked = dialogs::save_project(
        &app,
        "Create a new Casewright project",
        "New case.casewright",
    )?;
    picked
        .map(|path| session.create_from_template(&path))
        .transpose()
}

#[tauri::command]
pub async fn save_as_dialog(
    app: AppHandle,
    session: State<'_, Session>,
) -> Reply<Picked<OpenedProject>> {
    let picked =
        dialogs::save_project(&app, "Save the project as", &session.suggested_copy_name()?)?;
    picked.map(|path| session.save_as(&path)).transpose()
}

#[tauri::command]
pub async fn share_copy_dialog(
    options: ShareOptions,
    app: AppHandle,
    session: State<'_, Session>,
) -> Reply<Picked<SharedCopy>> {
    let picked = dialogs::save_project(
        &app,
        "Share a copy of the project",
        &session.suggested_share_name()?,
    )?;
    picked
        .map(|path| session.share_copy(&path, options))
        .transpose()
}

/// Writes the briefing where the person chooses, sending `export-progress` events.
/// `None` when the dialog or the export itself is cancelled.
#[tauri::command]
pub async fn export_briefing_dialog(
    settings: BriefingSettings,
    app: AppHandle,
    session: State<'_, Session>,
) -> Reply<Picked<ExportedBriefing>> {
    let Some(path) = dialogs::save_pdf(&app, &session.suggested_briefing_name()?)? else {
        return Ok(None);
    };
    let progress = |step| drop(app.emit(EXPORT_PROGRESS_EVENT, step));
    session.export_briefing(&today_options(settings), &path, progress)
}

#[tauri::command]
pub fn cancel_export(session: State<'_, Session>) {
    session.cancel_export()
}

/// Opens the briefing just exported in the system's PDF viewer.
#[tauri::command]
pub fn open_last_export(app: AppHandle, session: State<'_, Session>) -> Reply<()> {
    dialogs::open_in_viewer(&app, &session.last_export()?)
}

/// Shows the briefing just exported in the system's file manager.
#[tauri::command]
pub fn reveal_last_export(app: AppHandle, session: State<'_, Session>) -> Reply<()> {
    dialogs::reveal(&app, &session.last_export()?)
}

/// Laid out on a worker thread (async command), so the window never waits for it.
#[tauri::command]
pub async fn briefing_preview(
    settings: BriefingSettings,
    session: State<'_, Session>,
) -> Reply<BriefingPreview> {
    session.briefing_preview(settings)
}

#[tauri::command]
pub async fn add_picture_dialog(
    app: AppHandle,
    session: State<'_, Session>,
) -> Reply<Picked<ImageRef>> {
    dialogs::open(&app, "Choose a picture", PICTURES)?
        .map(|path| session.add_picture(&path))
        .transpose()
}

#[tauri::command]
pub async fn picture_thumbnail(id: i64, session: State<'_, Session>) -> Reply<String> {
    session.picture_thumbnail(id)
}

#[tauri::command]
pub fn pilot_reports(session: State<'_, Session>) -> Reply<Vec<PilotReport>> {
    session.pilot_reports()
}

#[tauri::command]
pub fn leverage_pilot(id: i64, session: State<'_, Session>) -> Reply<OpenedProject> {
    session.leverage_pilot(id)
}

#[tauri::command]
pub async fn read_results_dialog(
    design: Design,
    app: AppHandle,
    session: State<'_, Session>,
) -> Reply<Picked<Vec<ImportedResults>>> {
    let picked = dialogs::open(&app, "Import results (CSV)", SPREADSHEET)?;
    picked
        .map(|path| session.read_results(&path, design))
        .transpose()
}

#[tauri::command]
pub async fn search_cases(query: CaseQuery, session: State<'_, Session>) -> Reply<SearchResult> {
    session.search_cases(&query)
}

#[tauri::command]
pub fn use_library_case(
    id: i64,
    relation: Option<Relation>,
    to: Place,
    metrics: bool,
    session: State<'_, Session>,
) -> Reply<OpenedProject> {
    session.use_library_case(id, relation, to, metrics)
}

#[tauri::command]
pub async fn preview_case_import(
    app: AppHandle,
    session: State<'_, Session>,
) -> Reply<Picked<ImportPreview>> {
    let picked = dialogs::open(&app, "Import case studies", CASES)?;
    picked
        .map(|path| session.preview_case_import(&path))
        .transpose()
}

#[tauri::command]
pub async fn import_cases(
    mapping: BTreeMap<String, usize>,
    on_duplicate: Option<OnDuplicate>,
    session: State<'_, Session>,
) -> Reply<ImportSummary> {
    session.import_cases(Some(mapping), on_duplicate)
}

/// Writes the whole library, or the cases `selection` matches, as CSV or JSON.
#[tauri::command]
pub async fn export_cases_dialog(
    selection: Option<CaseQuery>,
    app: AppHandle,
    session: State<'_, Session>,
) -> Reply<Picked<String>> {
    let Some(path) = dialogs::save_cases(&app)? else {
        return Ok(None);
    };
    session.export_cases(selection.as_ref(), &path)?;
    Ok(Some(path.display().to_string()))
}

#[tauri::command]
pub async fn save_library_case(case: CaseStudy, session: State<'_, Session>) -> Reply<i64> {
    session.save_library_case(&case)
}

#[tauri::command]
pub async fn delete_library_case(id: i64, session: State<'_, Session>) -> Reply<CaseStudy> {
    session.delete_library_case(id)
}

#[tauri::command]
pub async fn merge_plan_dialog(
    app: AppHandle,
    session: State<'_, Session>,
) -> Reply<Picked<MergePlan>> {
    let picked = dialogs::open(&app, "Merge changes from a copy of this project", PROJECT)?;
    picked.map(|path| session.merge_plan(&path)).transpose()
}

#[tauri::command]
pub fn merge_replan(session: State<'_, Session>) -> Reply<MergePlan> {
    session.merge_replan()
}

#[tauri::command]
pub fn apply_merge(
    fingerprint: String,
    resolutions: Vec<Resolution>,
    session: State<'_, Session>,
) -> Reply<OpenedProject> {
    session
        .apply_merge(&fingerprint, &resolutions)
        .map(|(opened, _)| opened)
}

#[tauri::command]
pub async fn import_source_dialog(
    app: AppHandle,
    session: State<'_, Session>,
) -> Reply<Picked<ImportSource>> {
    let picked = dialogs::open(&app, "Import blocks from another project", PROJECT)?;
    picked.map(|path| session.import_source(&path)).transpose()
}

#[tauri::command]
pub fn import_blocks(
    uids: Vec<String>,
    to: Place,
    session: State<'_, Session>,
) -> Reply<OpenedProject> {
    session.import_blocks(&uids, to)
}
