//! Test only: the real core's [`Session`] behind a small local HTTP server, so the UI's
//! browser tests (`ui/browser-tests/`) drive the real App over the real core instead of a
//! fake. It stands where the Tauri shell stands: `POST /invoke/<command>` takes the JSON
//! arguments the UI gives Tauri's `invoke` (camelCase names, as Tauri maps them) and answers
//! the JSON the command in `src-tauri/src/commands.rs` returns, or the `AppError` with
//! status 422 (a malformed call: a JSON string, status 400, as Tauri's own refusal is a
//! string). Each command is one call of a session method, as in commands.rs; what a window
//! would do is the test's to say through `/test/...`:
//!
//! - `POST /test/reset` `{ project?, exchange?, edits?, fileName? }`: a fresh session in a new
//!   folder, with the bundled sample opened (as the app's first start opens it) or `project`
//!   (a `Project` as the IPC carries it) or `exchange` (a project in the JSON exchange format,
//!   `casewright_core::exchange`, as text or as JSON) written to `fileName` and opened;
//!   `edits` applied and the file opened again, so the test starts with no undo history.
//!   Answers `{ path, dir }`: the project's path and the folder relative dialog answers name.
//! - `POST /test/edit` `{ edits }`: edits applied to the open project as `reset` applies
//!   them (saved, then the file opened again: no undo history).
//! - `POST /test/file` `{ fileName, share?, project?, exchange?, edits? }`: another file in
//!   the run's folder, as a colleague would have made it: `share` (`ShareOptions`) makes it a
//!   Share a Copy of the open project (`Session::share_copy`, as the dialog does), `project`
//!   or `exchange` a new project; with none, the file is there already. `edits` are then
//!   applied to that file by a second session (the colleague's Casewright, its own data
//!   folder), which closes it. Answers `{ path, project }`: the file as it then holds it.
//! - `POST /test/dialog` `{ path }`: what the next native file dialog answers (a path,
//!   relative ones in `dir`; `null` is Cancel). A dialog with no answer queued is cancelled.
//! - `GET /test/events`: the events the shell would have emitted since the last call
//!   (`[{ event, payload }]`), taken; every reply says how many wait in `X-Casewright-Events`.
//! - `POST /test/cancel-export-at` `{ step, done? }`: the next export is cancelled (through
//!   `Session::cancel_export`, as the Cancel button does) when its progress reaches that step.
//! - `POST /test/pace-export` `{ stepMs }`: from now on each export waits `stepMs` after each
//!   of its progress steps (in the progress callback, so the real export is paced: a test can
//!   watch its steps and press Cancel during it); `{ stepMs: 0 }` ends that.
//! - `POST /test/fail-next` `{ command, error }`: the next call of `command` answers `error`
//!   (an `AppError`) without reaching the core: only for a failure no real cause can make
//!   from outside the core (a preview that cannot be laid out).
//! - `GET /test/state`: `{ path, dir, dialogsLeft, shell }`, `shell` being what the system
//!   opener was asked to open or reveal.
//!
//! Usage: `casewright-test-server --dir DIR [--port PORT]`. It binds 127.0.0.1 (port 0: the
//! system picks), prints the port as stdout's first line and answers each request on a
//! thread of its own, as the shell runs its async commands (the `Session` is thread-safe:
//! a Cancel reaches an export in progress), until it is killed or its standard input closes.
//! A reset waits for the requests under way and holds the next ones until it is done.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};
use std::time::Duration;

use casewright_core::exchange::project_from_json;
use casewright_core::ipc::{AppError, EXPORT_PROGRESS_EVENT};
use casewright_core::session::{today_options, Places, Session};
use casewright_core::Project;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Map, Value};
use tiny_http::{Header, Method, Response, Server};

const PROJECT_EXTENSION: &str = "casewright";

/// Why a request got no answer from the core.
enum Failure {
    /// The core refused: the `AppError` the UI receives.
    App(AppError),
    /// The call itself is wrong (unknown command, bad arguments): Tauri answers a string.
    Call(String),
}

impl From<AppError> for Failure {
    fn from(err: AppError) -> Failure {
        Failure::App(err)
    }
}

type Answer = Result<Value, Failure>;

fn answer<T: Serialize>(result: Result<T, AppError>) -> Answer {
    let value = result?;
    serde_json::to_value(value).map_err(|e| Failure::Call(format!("the answer is not JSON: {e}")))
}

/// A command's arguments, taken by name with the type the session method wants.
struct Args {
    command: String,
    fields: Map<String, Value>,
}

impl Args {
    fn get<T: DeserializeOwned>(&self, name: &str) -> Result<T, Failure> {
        let value = self.fields.get(name).cloned().unwrap_or(Value::Null);
        serde_json::from_value(value).map_err(|e| {
            Failure::Call(format!(
                "invalid args `{name}` for command `{}`: {e}",
                self.command
            ))
        })
    }
}

/// A lock taken even when a thread that held it panicked (a test server goes on answering).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// One test run's state: its folder, the session, and what the window would have done.
struct Run {
    /// The run's own folder (the session's data directory and the colleague's are in it).
    folder: PathBuf,
    /// The folder relative dialog answers name; the project starts here.
    dir: PathBuf,
    session: Session,
    /// The answers the next file dialogs give (`None`: Cancel).
    dialogs: Mutex<VecDeque<Option<PathBuf>>>,
    /// The events the shell would have emitted, not yet taken.
    events: Mutex<Vec<Value>>,
    /// The export progress at which the next export is cancelled.
    cancel_at: Mutex<Option<Map<String, Value>>>,
    /// How long each export waits after each progress step (`/test/pace-export`).
    pace: Mutex<Duration>,
    /// The refusal the next call of a command answers instead of the core (`/test/fail-next`).
    fail_next: Mutex<Option<(String, Value)>>,
    /// What the system opener was asked to show.
    shell: Mutex<Vec<Value>>,
}

/// The project a reset or a new file is made from: `project` (as the IPC carries it) or
/// `exchange` (the JSON exchange format, as text or as JSON); `None` when neither is given.
fn given_project(a: &Args) -> Result<Option<Project>, Failure> {
    if a.fields.get("project").is_some_and(|p| !p.is_null()) {
        return Ok(Some(a.get("project")?));
    }
    match a.fields.get("exchange") {
        None | Some(Value::Null) => Ok(None),
        Some(given) => {
            let text = match given {
                Value::String(text) => text.clone(),
                other => other.to_string(),
            };
            project_from_json(&text)
                .map(Some)
                .map_err(|e| Failure::Call(format!("`exchange` is not a project: {e}")))
        }
    }
}

/// The edits of a reset, `/test/edit` or `/test/file`, each applied as the UI applies one.
fn apply_edits(session: &Session, a: &Args) -> Result<bool, Failure> {
    let edits: Option<Vec<Value>> = a.get("edits")?;
    let Some(edits) = edits.filter(|e| !e.is_empty()) else {
        return Ok(false);
    };
    for edit in edits {
        let edit = Args {
            command: a.command.clone(),
            fields: Map::from_iter([("edit".to_string(), edit)]),
        };
        session.apply_edit(&edit.get("edit")?)?;
    }
    Ok(true)
}

impl Run {
    /// A fresh session in `folder` (its data directory `folder/home`, its files
    /// `folder/files`), its project opened as `reset` asks.
    fn start(folder: &Path, reset: &Args) -> Result<Run, Failure> {
        let home = folder.join("home");
        let dir = folder.join("files");
        for made in [&home, &dir] {
            std::fs::create_dir_all(made)
                .map_err(|e| Failure::Call(format!("cannot make {}: {e}", made.display())))?;
        }
        let session = Session::new(Places::app(&home));
        let run = Run {
            folder: folder.to_path_buf(),
            dir,
            session,
            dialogs: Mutex::default(),
            events: Mutex::default(),
            cancel_at: Mutex::default(),
            pace: Mutex::default(),
            fail_next: Mutex::default(),
            shell: Mutex::default(),
        };
        let s = &run.session;
        if let Some(project) = given_project(reset)? {
            let name: Option<String> = reset.get("fileName")?;
            let path = run
                .dir
                .join(name.as_deref().unwrap_or("Fixture.casewright"));
            s.create(&path, &project)?;
            s.open(&path)?;
        } else {
            s.open_at_startup(None)?;
        }
        run.edit_open(reset)?;
        Ok(run)
    }

    /// `edits` applied to the open project, then the file opened again: the test goes on
    /// with the edits saved and no undo history.
    fn edit_open(&self, a: &Args) -> Result<(), Failure> {
        let s = &self.session;
        if apply_edits(s, a)? {
            s.open(&s.path()?)?;
        }
        Ok(())
    }

    /// `/test/file`: another file in the run's folder, made and edited as a colleague would.
    fn file(&self, a: &Args) -> Answer {
        let name: String = a.get("fileName")?;
        let path = self.dir.join(&name);
        if a.fields.get("share").is_some_and(|o| !o.is_null()) {
            self.session.share_copy(&path, a.get("share")?)?;
        } else if let Some(project) = given_project(a)? {
            self.session.create(&path, &project)?;
        }
        // The colleague's Casewright: a session of its own, with its own data folder.
        let colleague = Session::new(Places::app(&self.folder.join("colleague")));
        colleague.open(&path)?;
        apply_edits(&colleague, a)?;
        let project = colleague.current()?.project;
        colleague.close()?;
        Ok(json!({ "path": path.display().to_string(), "project": project }))
    }

    /// The next dialog's answer: a path (a relative one in the run's folder) or Cancel.
    fn pick(&self) -> Option<PathBuf> {
        let picked = lock(&self.dialogs).pop_front().flatten()?;
        Some(self.dir.join(picked))
    }

    /// A save dialog's answer, with `extension` added when the name has none (as
    /// `dialogs.rs` adds it).
    fn pick_save(&self, extension: &str) -> Option<PathBuf> {
        let mut path = self.pick()?;
        if path.extension().is_none() {
            path.set_extension(extension);
        }
        Some(path)
    }

    fn emit(&self, event: &str, payload: Value) {
        lock(&self.events).push(json!({ "event": event, "payload": payload }));
    }

    /// The shell's `export-progress` event, the test's cancel when it is due, and the pause
    /// after each step a paced export makes.
    fn progress(&self, step: Value) {
        let due = {
            let mut at = lock(&self.cancel_at);
            let due = at
                .as_ref()
                .is_some_and(|at| at.iter().all(|(key, wanted)| step.get(key) == Some(wanted)));
            if due {
                at.take();
            }
            due
        };
        if due {
            self.session.cancel_export();
        }
        self.emit(EXPORT_PROGRESS_EVENT, step);
        let pace = *lock(&self.pace);
        if !pace.is_zero() {
            std::thread::sleep(pace);
        }
    }

    fn opener(&self, how: &str, path: Result<PathBuf, AppError>) -> Answer {
        let path = path?;
        lock(&self.shell).push(json!({ "how": how, "path": path.display().to_string() }));
        Ok(Value::Null)
    }

    /// One IPC command: the session method `src-tauri/src/commands.rs` calls for it, with
    /// the test's dialog answer where the command starts with a native dialog.
    fn invoke(&self, a: &Args) -> Answer {
        let planted = {
            let mut next = lock(&self.fail_next);
            if next.as_ref().is_some_and(|(c, _)| *c == a.command) {
                next.take()
            } else {
                None
            }
        };
        if let Some((_, error)) = planted {
            return Err(Failure::App(serde_json::from_value(error).map_err(
                |e| Failure::Call(format!("the planted error is not an AppError: {e}")),
            )?));
        }
        let s = &self.session;
        match a.command.as_str() {
            "current_project" => answer(s.current()),
            "take_startup_problem" => answer(Ok(s.take_startup_problem())),
            // The shell's menu queue: in a test nothing chose a menu item before the UI listened.
            "menu_listening" => answer(Ok(Vec::<Value>::new())),
            "open_project_dialog" => answer(self.pick().map(|p| s.open(&p)).transpose()),
            "open_recent" => answer(s.open_recent(a.get::<String>("path")?.as_ref())),
            "take_over_project" => answer(s.take_over()),
            "new_project_dialog" => answer(
                self.pick_save(PROJECT_EXTENSION)
                    .map(|p| s.create_from_template(&p))
                    .transpose(),
            ),
            "save_as_dialog" => {
                s.suggested_copy_name()?;
                answer(
                    self.pick_save(PROJECT_EXTENSION)
                        .map(|p| s.save_as(&p))
                        .transpose(),
                )
            }
            "share_copy_dialog" => {
                s.suggested_share_name()?;
                let options = a.get("options")?;
                answer(
                    self.pick_save(PROJECT_EXTENSION)
                        .map(|p| s.share_copy(&p, options))
                        .transpose(),
                )
            }
            "merge_plan_dialog" => answer(self.pick().map(|p| s.merge_plan(&p)).transpose()),
            "merge_replan" => answer(s.merge_replan()),
            "apply_merge" => answer(
                s.apply_merge(
                    &a.get::<String>("fingerprint")?,
                    &a.get::<Vec<_>>("resolutions")?,
                )
                .map(|(opened, _)| opened),
            ),
            "import_source_dialog" => answer(self.pick().map(|p| s.import_source(&p)).transpose()),
            "import_blocks" => {
                answer(s.import_blocks(&a.get::<Vec<String>>("uids")?, a.get("to")?))
            }
            "apply_edit" => answer(s.apply_edit(&a.get("edit")?)),
            "undo" => answer(s.undo()),
            "redo" => answer(s.redo()),
            "coach_report" => answer(s.coach_report()),
            "coach_block" => answer(s.coach_block(&a.get("block")?)),
            "briefing_preview" => answer(s.briefing_preview(a.get("settings")?)),
            "export_briefing_dialog" => {
                let settings = a.get("settings")?;
                s.suggested_briefing_name()?;
                let Some(path) = self.pick_save("pdf") else {
                    return Ok(Value::Null);
                };
                let progress = |step| self.progress(serde_json::to_value(step).unwrap_or_default());
                answer(s.export_briefing(&today_options(settings), &path, progress))
            }
            "cancel_export" => {
                s.cancel_export();
                Ok(Value::Null)
            }
            "open_last_export" => self.opener("open", s.last_export()),
            "reveal_last_export" => self.opener("reveal", s.last_export()),
            "add_picture_dialog" => answer(self.pick().map(|p| s.add_picture(&p)).transpose()),
            "picture_thumbnail" => answer(s.picture_thumbnail(a.get("id")?)),
            "pilot_reports" => answer(s.pilot_reports()),
            "leverage_pilot" => answer(s.leverage_pilot(a.get("id")?)),
            "read_results_dialog" => {
                let design = a.get("design")?;
                answer(self.pick().map(|p| s.read_results(&p, design)).transpose())
            }
            "search_cases" => answer(s.search_cases(&a.get("query")?)),
            "use_library_case" => answer(s.use_library_case(
                a.get("id")?,
                a.get("relation")?,
                a.get("to")?,
                a.get("metrics")?,
            )),
            "preview_case_import" => {
                answer(self.pick().map(|p| s.preview_case_import(&p)).transpose())
            }
            "import_cases" => {
                answer(s.import_cases(Some(a.get("mapping")?), a.get("onDuplicate")?))
            }
            "export_cases_dialog" => {
                let selection: Option<_> = a.get("selection")?;
                let Some(path) = self.pick() else {
                    return Ok(Value::Null);
                };
                s.export_cases(selection.as_ref(), &path)?;
                Ok(Value::String(path.display().to_string()))
            }
            "save_library_case" => answer(s.save_library_case(&a.get("case")?)),
            "delete_library_case" => answer(s.delete_library_case(a.get("id")?)),
            other => Err(Failure::Call(format!("command {other} not found"))),
        }
    }

    /// The test controls under `/test/`.
    fn control(&self, what: &str, a: &Args) -> Answer {
        match what {
            "dialog" => {
                let path: Option<String> = a.get("path")?;
                lock(&self.dialogs).push_back(path.map(PathBuf::from));
                Ok(Value::Null)
            }
            "events" => Ok(Value::Array(std::mem::take(&mut *lock(&self.events)))),
            "cancel-export-at" => {
                *lock(&self.cancel_at) = Some(a.fields.clone());
                Ok(Value::Null)
            }
            "pace-export" => {
                let ms: u64 = a.get("stepMs")?;
                *lock(&self.pace) = Duration::from_millis(ms);
                Ok(Value::Null)
            }
            "fail-next" => {
                *lock(&self.fail_next) = Some((a.get("command")?, a.get("error")?));
                Ok(Value::Null)
            }
            "edit" => {
                self.edit_open(a)?;
                answer(self.session.current())
            }
            "file" => self.file(a),
            "state" => Ok(json!({
                "path": s_path(&self.session),
                "dir": self.dir.display().to_string(),
                "dialogsLeft": lock(&self.dialogs).len(),
                "shell": lock(&self.shell).clone(),
            })),
            other => Err(Failure::Call(format!("no test control {other}"))),
        }
    }
}

fn s_path(session: &Session) -> Option<String> {
    session.path().ok().map(|p| p.display().to_string())
}

struct Options {
    dir: PathBuf,
    port: u16,
}

fn options() -> Result<Options, String> {
    let mut dir = None;
    let mut port = 0;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--dir" => dir = Some(PathBuf::from(value()?)),
            "--port" => port = value()?.parse().map_err(|e| format!("--port: {e}"))?,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(Options {
        dir: dir.ok_or("--dir DIR is required (the server works in it)")?,
        port,
    })
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
}

fn main() {
    let options = match options() {
        Ok(options) => options,
        Err(why) => {
            eprintln!("casewright-test-server: {why}\nusage: casewright-test-server --dir DIR [--port PORT]");
            std::process::exit(2);
        }
    };
    let server = match Server::http(("127.0.0.1", options.port)) {
        Ok(server) => server,
        Err(e) => {
            eprintln!("casewright-test-server: cannot listen: {e}");
            std::process::exit(1);
        }
    };
    let port = server
        .server_addr()
        .to_ip()
        .map(|a| a.port())
        .unwrap_or_default();
    println!("{port}");
    // Its standard input closing means whoever started it has gone: it ends too, so a test
    // runner that died leaves no server behind.
    std::thread::spawn(|| {
        let _ = std::io::Read::read_to_end(&mut std::io::stdin(), &mut Vec::new());
        std::process::exit(0);
    });

    let state = Arc::new(State {
        dir: options.dir,
        runs: Mutex::new(0),
        run: RwLock::new(None),
    });
    for request in server.incoming_requests() {
        let state = Arc::clone(&state);
        std::thread::spawn(move || state.answer(request));
    }
}

/// What every request thread shares: the server's folder and the current run.
struct State {
    dir: PathBuf,
    /// How many resets so far (each run's folder is numbered).
    runs: Mutex<u32>,
    /// The current run. A request holds it to read for as long as it is answered, so a
    /// reset (which takes it to write) waits for those under way and holds back the next.
    run: RwLock<Option<Run>>,
}

impl State {
    fn answer(&self, mut request: tiny_http::Request) {
        let mut body = String::new();
        let read = std::io::Read::read_to_string(request.as_reader(), &mut body);
        let url = request.url().to_string();
        let route = url.split('?').next().unwrap_or_default().to_string();
        let (status, reply, waiting) = if *request.method() == Method::Options {
            (204, String::new(), 0)
        } else {
            let fields = match read.map_err(|e| e.to_string()).and_then(|_| parse(&body)) {
                Ok(fields) => fields,
                Err(why) => Map::from_iter([("_".to_string(), Value::String(why))]),
            };
            let (result, waiting) = if fields.contains_key("_") {
                (
                    Err(Failure::Call(format!(
                        "the request body is not a JSON object: {body}"
                    ))),
                    0,
                )
            } else if route == "/test/reset" {
                (self.reset(fields), 0)
            } else {
                let run = self.run.read().unwrap_or_else(|p| p.into_inner());
                let result = match (
                    run.as_ref(),
                    route.strip_prefix("/invoke/"),
                    route.strip_prefix("/test/"),
                ) {
                    (None, _, _) => Err(Failure::Call("POST /test/reset first".into())),
                    (Some(run), Some(command), _) => run.invoke(&Args {
                        command: command.to_string(),
                        fields,
                    }),
                    (Some(run), None, Some(what)) => run.control(
                        what,
                        &Args {
                            command: what.to_string(),
                            fields,
                        },
                    ),
                    _ => Err(Failure::Call(format!("no route {route}"))),
                };
                let waiting = run.as_ref().map_or(0, |r| lock(&r.events).len());
                (result, waiting)
            };
            let (status, reply) = match result {
                Ok(value) => (200, value.to_string()),
                Err(Failure::App(err)) => (422, json!(err).to_string()),
                Err(Failure::Call(why)) => (400, Value::String(why).to_string()),
            };
            (status, reply, waiting)
        };
        let response = Response::from_string(reply)
            .with_status_code(status)
            .with_header(header("Content-Type", "application/json"))
            .with_header(header("Access-Control-Allow-Origin", "*"))
            .with_header(header("Access-Control-Allow-Methods", "GET, POST, OPTIONS"))
            .with_header(header("Access-Control-Allow-Headers", "Content-Type"))
            .with_header(header(
                "Access-Control-Expose-Headers",
                "X-Casewright-Events",
            ))
            .with_header(header("X-Casewright-Events", &waiting.to_string()));
        let _ = request.respond(response);
    }

    /// `/test/reset`: the previous session's project closed (its lock released), then a new run.
    fn reset(&self, fields: Map<String, Value>) -> Answer {
        let mut run = self.run.write().unwrap_or_else(|p| p.into_inner());
        if let Some(previous) = run.take() {
            let _ = previous.session.close();
        }
        let number = {
            let mut runs = lock(&self.runs);
            *runs += 1;
            *runs
        };
        let args = Args {
            command: "reset".into(),
            fields,
        };
        let started = Run::start(&self.dir.join(format!("run-{number}")), &args)?;
        let reply = json!({
            "path": s_path(&started.session),
            "dir": started.dir.display().to_string(),
        });
        *run = Some(started);
        Ok(reply)
    }
}

/// A request body: a JSON object, or nothing (no arguments).
fn parse(body: &str) -> Result<Map<String, Value>, String> {
    if body.trim().is_empty() {
        return Ok(Map::new());
    }
    match serde_json::from_str(body) {
        Ok(Value::Object(fields)) => Ok(fields),
        Ok(_) => Err("not an object".into()),
        Err(e) => Err(e.to_string()),
    }
}
