//! The core session: what Casewright holds while it runs — the open project (its file,
//! lock, undo history and prepared pictures), the recent list, the case library, the files
//! the person chose for a later step — and one method per user job. The Tauri shell and the
//! CLI delegate to it; native dialogs, windows and events stay in the shell, which hands the
//! session the paths the person picked.
//!
//! Every method takes `&self`: the parts sit behind their own locks, so a long export holds
//! the project while a search of the case library or a cancel still goes through.
//!
//! - `mod.rs`: opening, creating, saving and closing projects; edits and undo; the coach.
//! - `briefing.rs`: the preview, the export (progress and cancel) and the last export.
//! - `library.rs`: the case-study library (search, import, export, edits).
//! - `exchange.rs`: pictures, pilots' results and reports, merge and import from another copy.
//! - `files.rs`: chosen files read within limits, files written whole or not at all.

mod briefing;
mod exchange;
pub mod files;
pub mod jobs;
mod library;

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Mutex, MutexGuard};

pub use briefing::{suggested_pdf_name, today_options};

use crate::cases::library::CaseLibrary;
use crate::ipc::{AppError, OpenedProject};
use crate::pictures::PictureCache;
use crate::recent::RecentProjects;
use crate::sharing::lock::ProjectLock;
use crate::storyboard::{Edit, Storyboard};
use crate::{ErrorCode, Project, ProjectFile};
use jobs::Editing;

/// Where a session keeps its own files.
#[derive(Debug, Clone)]
pub struct Places {
    /// The sample project lives here (the app creates it on first start).
    pub data_dir: PathBuf,
    /// The recent-projects list; `None` keeps no list (the CLI).
    pub recent: Option<PathBuf>,
    /// The personal case library, opened on first use.
    pub library: PathBuf,
    /// A library created here starts with the illustrative starter cases.
    pub starter_cases: bool,
}

impl Places {
    /// The app's places in `data_dir`: the sample, `recent.json` and the library.
    pub fn app(data_dir: &Path) -> Places {
        Places {
            data_dir: data_dir.to_path_buf(),
            recent: Some(data_dir.join("recent.json")),
            library: data_dir.join(crate::cases::library::LIBRARY_FILE_NAME),
            starter_cases: true,
        }
    }
}

impl Places {
    /// For jobs on one project file (most CLI commands): no sample, recent list or library.
    pub fn project_only() -> Places {
        Places {
            data_dir: PathBuf::new(),
            recent: None,
            library: PathBuf::new(),
            starter_cases: false,
        }
    }

    /// For the CLI's library commands: the library named, used as it is, or else the app's
    /// own (which starts with the starter cases, as the app's does).
    pub fn library(named: Option<&Path>) -> Result<Places, AppError> {
        let (library, starter_cases) = match named {
            Some(path) => (path.to_path_buf(), false),
            None => (
                default_data_dir()?.join(crate::cases::library::LIBRARY_FILE_NAME),
                true,
            ),
        };
        Ok(Places {
            library,
            starter_cases,
            ..Places::project_only()
        })
    }
}

/// The app's data directory when no window tells us: `CASEWRIGHT_HOME`, else
/// `$XDG_DATA_HOME` (or `~/.local/share`) `/app.casewright.desktop`, as Tauri places it.
pub fn default_data_dir() -> Result<PathBuf, AppError> {
    if let Some(dir) = std::env::var_os("CASEWRIGHT_HOME") {
        return Ok(PathBuf::from(dir));
    }
    let data = match std::env::var_os("XDG_DATA_HOME").filter(|d| !d.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(std::env::var_os("HOME").ok_or_else(|| {
            AppError::new(
                ErrorCode::Io,
                "HOME is not set, so the app's data directory is unknown; name the library",
            )
        })?)
        .join(".local/share"),
    };
    Ok(data.join("app.casewright.desktop"))
}

/// The project the session has open.
struct Open {
    path: PathBuf,
    board: Storyboard,
    /// The project's pictures, prepared once for the preview and exports.
    pictures: PictureCache,
    /// This session's lock on the file; `None` when it is open read-only.
    lock: Option<ProjectLock>,
}

impl Open {
    fn new(path: PathBuf, editing: Editing) -> Open {
        Open {
            path,
            board: editing.board,
            pictures: PictureCache::default(),
            lock: editing.lock,
        }
    }

    fn view(&self) -> Result<OpenedProject, AppError> {
        Ok(jobs::describe(&self.path, &self.board)?)
    }
}

type RecentListener = Box<dyn Fn(&[String]) + Send + Sync>;

/// One running Casewright: the app's state, or one CLI command's.
pub struct Session {
    places: Places,
    open: Mutex<Option<Open>>,
    recent: Mutex<Option<RecentProjects>>,
    on_recent_change: Mutex<Option<RecentListener>>,
    library: Mutex<Option<CaseLibrary>>,
    /// The case file `preview_case_import` read, until it is imported.
    pending_import: Mutex<Option<library::PendingImport>>,
    /// The other project chosen for a merge or an import: later steps act on this file
    /// only, never on a path the UI names.
    chosen_project: Mutex<Option<PathBuf>>,
    /// The briefing last exported: the only file "Open PDF" and "Show in folder" may act on.
    last_export: Mutex<Option<PathBuf>>,
    cancel_export: AtomicBool,
    /// Why the file named at start-up could not be opened; the UI shows it once.
    startup_problem: Mutex<Option<AppError>>,
}

fn no_project() -> AppError {
    AppError::new(ErrorCode::NoProject, "No project is open.")
}

fn locked<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding a lock leaves data that every step below keeps consistent
    // (each edit is one transaction), so the session goes on with it.
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Session {
    pub fn new(places: Places) -> Session {
        let recent = places.recent.as_deref().map(RecentProjects::load);
        Session {
            places,
            open: Mutex::new(None),
            recent: Mutex::new(recent),
            on_recent_change: Mutex::new(None),
            library: Mutex::new(None),
            pending_import: Mutex::new(None),
            chosen_project: Mutex::new(None),
            last_export: Mutex::new(None),
            cancel_export: AtomicBool::new(false),
            startup_problem: Mutex::new(None),
        }
    }

    // ---- The open project ----

    /// Runs `f` on the open project.
    fn with_open<T>(
        &self,
        f: impl FnOnce(&mut Open) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        let mut guard = locked(&self.open);
        f(guard.as_mut().ok_or_else(no_project)?)
    }

    /// Runs `f` on the open project's storyboard and returns the project as it then is.
    fn edit_with(
        &self,
        f: impl FnOnce(&mut Storyboard) -> Result<(), AppError>,
    ) -> Result<OpenedProject, AppError> {
        self.with_open(|open| {
            f(&mut open.board)?;
            open.view()
        })
    }

    /// The open project as the UI shows it.
    pub fn current(&self) -> Result<OpenedProject, AppError> {
        self.with_open(|open| open.view())
    }

    /// The open project's content as it is now.
    pub fn project(&self) -> Result<Project, AppError> {
        self.with_open(|open| Ok(open.board.project()?))
    }

    /// The open project's path.
    pub fn path(&self) -> Result<PathBuf, AppError> {
        self.with_open(|open| Ok(open.path.clone()))
    }

    /// At start-up: opens the file named on the command line, or else the sample in the
    /// data directory (created on first start). A named file that cannot be opened is kept
    /// as the start-up problem for the UI to show, and the sample is opened instead.
    pub fn open_at_startup(&self, named: Option<&Path>) -> Result<OpenedProject, AppError> {
        if let Some(path) = named {
            match self.open(path) {
                Ok(opened) => return Ok(opened),
                Err(err) => *locked(&self.startup_problem) = Some(err),
            }
        }
        let sample = jobs::ensure_sample_project(&self.places.data_dir)?;
        self.open(&sample)
    }

    /// Why the file named at start-up did not open, once.
    pub fn take_startup_problem(&self) -> Option<AppError> {
        locked(&self.startup_problem).take()
    }

    /// Opens `path` for editing (read-only, saying who has it, when another instance has
    /// it open) in place of the open project; on error the open project stays open.
    pub fn open(&self, path: &Path) -> Result<OpenedProject, AppError> {
        let editing = jobs::open_for_editing(path, false)?;
        self.switch_to(Open::new(path.to_path_buf(), editing))
    }

    /// [`Session::open`] from the recent list: a project that no longer opens leaves it.
    pub fn open_recent(&self, path: &Path) -> Result<OpenedProject, AppError> {
        self.open(path).inspect_err(|_| {
            self.change_recent(|recent| recent.forget(path));
        })
    }

    /// Opens `path` to read only, taking no lock and writing nothing, not even an upgrade
    /// (the CLI's reading jobs). It is not remembered in the recent list.
    pub fn open_snapshot(&self, path: &Path) -> Result<OpenedProject, AppError> {
        let board = Storyboard::new(ProjectFile::open_snapshot(path)?);
        let next = Open {
            path: path.to_path_buf(),
            board,
            pictures: PictureCache::default(),
            lock: None,
        };
        let opened = next.view()?;
        if let Some(previous) = locked(&self.open).replace(next) {
            previous.board.into_file().close()?;
        }
        Ok(opened)
    }

    /// Opens the project shown read-only for editing here, whoever else has it open (the
    /// person was told who, and chose to).
    pub fn take_over(&self) -> Result<OpenedProject, AppError> {
        let path = self.path()?;
        let editing = jobs::open_for_editing(&path, true)?;
        self.switch_to(Open::new(path, editing))
    }

    /// Creates a project at `path` from the storyboard template and opens it.
    pub fn create_from_template(&self, path: &Path) -> Result<OpenedProject, AppError> {
        jobs::create_from_template(path)?.close()?;
        self.open(path)
    }

    /// Creates a project file at `path` holding `project` (it is not opened).
    pub fn create(&self, path: &Path, project: &Project) -> Result<(), AppError> {
        Ok(ProjectFile::create(path, project)?.close()?)
    }

    /// Writes a copy of the project at `dest` and goes on editing the copy, undo history
    /// included.
    pub fn save_as(&self, dest: &Path) -> Result<OpenedProject, AppError> {
        let opened = self.with_open(|open| {
            open.board.file().save_copy(dest)?;
            let copy = jobs::open_for_editing(dest, false)?;
            open.board.switch_to_copy(copy.board.into_file()).close()?;
            open.lock = copy.lock;
            open.path = dest.to_path_buf();
            open.view()
        })?;
        self.remember(dest);
        Ok(opened)
    }

    /// Closes the open project (every edit is already saved), reporting a failed close.
    pub fn close(&self) -> Result<(), AppError> {
        if let Some(open) = locked(&self.open).take() {
            open.board.into_file().close()?;
        }
        Ok(())
    }

    /// Makes `next` the open project. Every edit of the previous one is already saved, so
    /// closing it loses nothing.
    fn switch_to(&self, next: Open) -> Result<OpenedProject, AppError> {
        let opened = next.view()?;
        self.remember(&next.path);
        if let Some(previous) = locked(&self.open).replace(next) {
            previous.board.into_file().close()?;
        }
        Ok(opened)
    }

    // ---- Editing ----

    /// Applies one storyboard edit; it is saved before this returns.
    pub fn apply_edit(&self, edit: &Edit) -> Result<OpenedProject, AppError> {
        self.edit_with(|board| Ok(board.apply(edit).map(drop)?))
    }

    pub fn undo(&self) -> Result<OpenedProject, AppError> {
        self.edit_with(|board| Ok(board.undo().map(drop)?))
    }

    pub fn redo(&self) -> Result<OpenedProject, AppError> {
        self.edit_with(|board| Ok(board.redo().map(drop)?))
    }

    // ---- The coach ----

    /// The framing coach's report on the open project. The project is read under the lock
    /// and linted after it is released, so a long storyboard never holds up an edit.
    pub fn coach_report(&self) -> Result<crate::coach::Report, AppError> {
        Ok(crate::coach::lint_project(&self.project()?))
    }

    /// The coach's advice on a draft of one block, as the person types (nothing is saved).
    pub fn coach_block(
        &self,
        block: &crate::Block,
    ) -> Result<Vec<crate::coach::Finding>, AppError> {
        Ok(crate::coach::lint_draft_block(&self.project()?, block))
    }

    // ---- Recent projects ----

    /// The recent list, most recent first (empty when the session keeps none).
    pub fn recent_paths(&self) -> Vec<String> {
        locked(&self.recent)
            .as_ref()
            .map(|r| r.paths().to_vec())
            .unwrap_or_default()
    }

    /// Calls `listener` with the new list whenever the recent list changes (the shell
    /// rebuilds its menu).
    pub fn on_recent_change(&self, listener: impl Fn(&[String]) + Send + Sync + 'static) {
        *locked(&self.on_recent_change) = Some(Box::new(listener));
    }

    fn remember(&self, path: &Path) {
        self.change_recent(|recent| recent.push(path));
    }

    fn change_recent(&self, change: impl FnOnce(&mut RecentProjects) -> std::io::Result<()>) {
        let paths = {
            let mut guard = locked(&self.recent);
            let Some(recent) = guard.as_mut() else {
                return;
            };
            // A recent list that cannot be written is not worth failing a job for.
            if change(recent).is_err() {
                return;
            }
            recent.paths().to_vec()
        };
        if let Some(listener) = locked(&self.on_recent_change).as_ref() {
            listener(&paths);
        }
    }
}

#[cfg(test)]
mod tests;
