//! The Casewright desktop shell: window, native dialogs and the IPC commands. Every command
//! is a delegation into `casewright_core`; no project logic lives here.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod menu;

use std::path::PathBuf;
use std::sync::Mutex;

use casewright_core::ipc::AppError;
use casewright_core::jobs;
use casewright_core::storyboard::Storyboard;
use tauri::Manager;

/// The project the window shows and edits, with its path. One at a time.
#[derive(Default)]
pub struct OpenProject(pub Mutex<Option<Open>>);

pub struct Open {
    pub path: PathBuf,
    pub board: Storyboard,
    /// The project's pictures, prepared once for the preview and exports.
    pub pictures: casewright_core::pictures::PictureCache,
    /// This instance's lock on the file; `None` when it is open read-only.
    pub lock: Option<casewright_core::sharing::lock::ProjectLock>,
}

impl Open {
    pub fn new(path: PathBuf, editing: jobs::Editing) -> Open {
        Open {
            path,
            board: editing.board,
            pictures: Default::default(),
            lock: editing.lock,
        }
    }
}

/// The briefing this session last exported: the only file "Open PDF" and "Show in folder"
/// may act on, so the UI cannot ask the shell to open anything else.
#[derive(Default)]
pub struct LastExport(pub Mutex<Option<PathBuf>>);

/// Lets the UI stop an export in progress (`cancel_export`).
#[derive(Default)]
pub struct ExportControl {
    pub cancel: std::sync::atomic::AtomicBool,
}

/// The personal case library, opened on first use.
#[derive(Default)]
pub struct Library(pub Mutex<Option<casewright_core::cases::library::CaseLibrary>>);

/// Recently opened projects, kept in the data directory.
pub struct Recent(pub Mutex<casewright_core::recent::RecentProjects>);

/// Why the file named at start-up could not be opened; the UI shows it once.
#[derive(Default)]
pub struct StartupProblem(pub Mutex<Option<AppError>>);

/// Menu actions that arrive before the UI listens (a project double-clicked while the app is
/// still starting): kept until the UI says it listens, then handed over; after that, sent.
#[derive(Default)]
pub struct MenuQueue(pub Mutex<MenuQueueState>);

#[derive(Default)]
pub struct MenuQueueState {
    pub ui_listens: bool,
    pub waiting: Vec<casewright_core::ipc::MenuAction>,
}

impl MenuQueue {
    /// Sends `action` to the UI, or keeps it until the UI listens. The lock is held while
    /// sending so that an action cannot slip between the UI's taking the queue and listening.
    fn send(&self, app: &tauri::AppHandle, action: casewright_core::ipc::MenuAction) {
        use tauri::Emitter;
        let mut queue = self.0.lock().unwrap();
        if queue.ui_listens {
            let _ = app.emit(casewright_core::ipc::MENU_EVENT, action);
        } else {
            queue.waiting.push(action);
        }
    }
}

fn main() {
    let mut builder = tauri::Builder::default();
    // A second start (a double-clicked project while the app runs) hands its file to this
    // one and ends. It needs the session's D-Bus; without one each start stands alone.
    if session_bus_available() {
        builder = builder.plugin(tauri_plugin_single_instance::init(|app, args, cwd| {
            open_in_running_app(app, &args, &cwd)
        }));
    }
    builder
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(OpenProject::default())
        .manage(LastExport::default())
        .manage(ExportControl::default())
        .manage(Library::default())
        .manage(commands::PendingImport::default())
        .manage(commands::ChosenProject::default())
        .manage(StartupProblem::default())
        .manage(MenuQueue::default())
        .on_menu_event(menu::on_event)
        .setup(|app| {
            let recent = casewright_core::recent::RecentProjects::load(
                &data_dir(app.handle())?.join("recent.json"),
            );
            app.set_menu(menu::build(app.handle(), recent.paths())?)?;
            app.manage(Recent(Mutex::new(recent)));
            let (path, editing) = open_at_startup(app.handle())?;
            commands::remember(app.handle(), &path);
            *app.state::<OpenProject>().0.lock().unwrap() = Some(Open::new(path, editing));
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::current_project,
            commands::take_startup_problem,
            commands::menu_listening,
            commands::open_project_dialog,
            commands::new_project_dialog,
            commands::save_as_dialog,
            commands::share_copy_dialog,
            commands::take_over_project,
            commands::merge_plan_dialog,
            commands::merge_replan,
            commands::apply_merge,
            commands::import_source_dialog,
            commands::import_blocks,
            commands::open_recent,
            commands::apply_edit,
            commands::coach_report,
            commands::coach_block,
            commands::briefing_preview,
            commands::open_last_export,
            commands::reveal_last_export,
            commands::undo,
            commands::redo,
            commands::export_briefing_dialog,
            commands::add_picture_dialog,
            commands::cancel_export,
            commands::pilot_reports,
            commands::leverage_pilot,
            commands::read_results_dialog,
            commands::search_cases,
            commands::use_library_case,
            commands::preview_case_import,
            commands::import_cases,
            commands::export_cases_dialog,
            commands::save_library_case,
            commands::delete_library_case,
            commands::picture_thumbnail,
        ])
        .run(tauri::generate_context!())
        .expect("Casewright could not start");
}

fn session_bus_available() -> bool {
    std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        || std::env::var_os("XDG_RUNTIME_DIR")
            .is_some_and(|dir| std::path::Path::new(&dir).join("bus").exists())
}

/// What a second start asked for: its project goes to the UI as "open this" (the same
/// path as File › Open Recent, so unsaved work is never an issue: every edit is saved),
/// and the window comes to the front.
fn open_in_running_app(app: &tauri::AppHandle, args: &[String], cwd: &str) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
    if let Some(file) = args.iter().skip(1).find(|a| !a.starts_with('-')) {
        let path = std::path::Path::new(cwd).join(file);
        app.state::<MenuQueue>().send(
            app,
            casewright_core::ipc::MenuAction::OpenRecent {
                path: path.display().to_string(),
            },
        );
    }
}

/// Opens the file named on the command line (a double-clicked project), or else the
/// sample project in the data directory, created on first start. A file that cannot be
/// opened is reported in the window, and the sample is shown instead.
/// `CASEWRIGHT_HOME` moves the data directory (tests, portable use).
fn open_at_startup(
    app: &tauri::AppHandle,
) -> Result<(PathBuf, jobs::Editing), Box<dyn std::error::Error>> {
    if let Some(arg) = std::env::args_os().nth(1) {
        let path = PathBuf::from(arg);
        match jobs::open_for_editing(&path, false) {
            Ok(editing) => return Ok((path, editing)),
            Err(err) => {
                *app.state::<StartupProblem>().0.lock().unwrap() = Some(err.into());
            }
        }
    }
    let sample = jobs::ensure_sample_project(&data_dir(app)?)?;
    let editing = jobs::open_for_editing(&sample, false)?;
    Ok((sample, editing))
}

/// Where the app keeps its own files (the sample, the recent list): the platform's data
/// directory, or `CASEWRIGHT_HOME` when set.
pub(crate) fn data_dir(app: &tauri::AppHandle) -> tauri::Result<PathBuf> {
    match std::env::var_os("CASEWRIGHT_HOME") {
        Some(dir) => Ok(PathBuf::from(dir)),
        None => app.path().app_data_dir(),
    }
}
