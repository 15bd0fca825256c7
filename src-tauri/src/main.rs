//! The Casewright desktop shell: window, native dialogs and the IPC commands. Every command
//! is a delegation into `casewright_core`; no project logic lives here.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod dialogs;
mod menu;

use std::path::PathBuf;
use std::sync::Mutex;

use casewright_core::session::{Places, Session};
use tauri::Manager;

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
    /// The UI listens from now on; it takes the actions that came before.
    pub fn ui_listens(&self) -> Vec<casewright_core::ipc::MenuAction> {
        let mut queue = self.0.lock().unwrap();
        queue.ui_listens = true;
        std::mem::take(&mut queue.waiting)
    }

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
        .manage(MenuQueue::default())
        .on_menu_event(menu::on_event)
        .setup(|app| {
            let session = Session::new(Places::app(&data_dir(app.handle())?));
            app.set_menu(menu::build(app.handle(), &session.recent_paths())?)?;
            let handle = app.handle().clone();
            session.on_recent_change(move |paths| menu::refresh(&handle, paths));
            let named = std::env::args_os().nth(1).map(PathBuf::from);
            session.open_at_startup(named.as_deref())?;
            app.manage(session);
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

/// Where the app keeps its own files (the sample, the recent list): the platform's data
/// directory, or `CASEWRIGHT_HOME` when set.
pub(crate) fn data_dir(app: &tauri::AppHandle) -> tauri::Result<PathBuf> {
    match std::env::var_os("CASEWRIGHT_HOME") {
        Some(dir) => Ok(PathBuf::from(dir)),
        None => app.path().app_data_dir(),
    }
}
