//! Test only: the real core's [`Session`] behind a small local HTTP server, so the UI's
//! browser tests (`ui/browser-tests/`) drive the real App over the real core instead of a
//! fake. It stands where the Tauri shell stands: `POST /invoke/<command>` takes the JSON
//! arguments the UI gives Tauri's `invoke` (camelCase names, as Tauri maps them) and answers
//! the JSON the command in `src-tauri/src/commands.rs` returns, or the `AppError` with
//! status 422 (a malformed call: a JSON string, status 400, as Tauri's own refusal is a
//! string). Each command is one call of a session method, as in commands.rs; what a window
//! would do is the test's to say through `/test/...`:
//!
//! - `POST /test/reset` `{ project?, edits?, fileName? }`: a fresh session in a new folder,
//!   with the bundled sample opened (as the app's first start opens it) or `project` (a
//!   `Project` as the IPC carries it) written to `fileName` and opened; `edits` applied and
//!   the file opened again, so the test starts with no undo history. Answers
//!   `{ path, dir }`: the project's path and the folder relative dialog answers name.
//! - `POST /test/dialog` `{ path }`: what the next native file dialog answers (a path,
//!   relative ones in `dir`; `null` is Cancel). A dialog with no answer queued is cancelled.
//! - `GET /test/events`: the events the shell would have emitted since the last call
//!   (`[{ event, payload }]`), taken; every reply says how many wait in `X-Casewright-Events`.
//! - `POST /test/cancel-export-at` `{ step, done? }`: the next export is cancelled (through
//!   `Session::cancel_export`, as the Cancel button does) when its progress reaches that step.
//! - `POST /test/fail-next` `{ command, error }`: the next call of `command` answers `error`
//!   (an `AppError`) without reaching the core: only for a failure no real cause can make
//!   from outside the core (a preview that cannot be laid out).
//! - `GET /test/state`: `{ path, dir, dialogsLeft, shell }`, `shell` being what the system
//!   opener was asked to open or reveal.
//!
//! Usage: `casewright-test-server --dir DIR [--port PORT]`. It binds 127.0.0.1 (port 0: the
//! system picks), prints the port as stdout's first line and serves one request at a time,
//! until it is killed or its standard input closes.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};

use casewright_core::ipc::{AppError, EXPORT_PROGRESS_EVENT};
use casewright_core::session::{today_options, Places, Session};
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

/// One test run's state: its folder, the session, and what the window would have done.
struct Run {
    /// The folder relative dialog answers name; the project starts here.
    dir: PathBuf,
    session: Session,
    /// The answers the next file dialogs give (`None`: Cancel).
    dialogs: RefCell<VecDeque<Option<PathBuf>>>,
    /// The events the shell would have emitted, not yet taken.
    events: RefCell<Vec<Value>>,
    /// The export progress at which the next export is cancelled.
    cancel_at: RefCell<Option<Map<String, Value>>>,
    /// The refusal the next call of a command answers instead of the core (`/test/fail-next`).
    fail_next: RefCell<Option<(String, Value)>>,
    /// What the system opener was asked to show.
    shell: RefCell<Vec<Value>>,
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
            dir,
            session,
            dialogs: RefCell::default(),
            events: RefCell::default(),
            cancel_at: RefCell::default(),
            fail_next: RefCell::default(),
            shell: RefCell::default(),
        };
        let s = &run.session;
        if reset.fields.get("project").is_some_and(|p| !p.is_null()) {
            let name: Option<String> = reset.get("fileName")?;
            let path = run
                .dir
                .join(name.as_deref().unwrap_or("Fixture.casewright"));
            s.create(&path, &reset.get("project")?)?;
            s.open(&path)?;
        } else {
            s.open_at_startup(None)?;
        }
        let edits: Option<Vec<Value>> = reset.get("edits")?;
        if let Some(edits) = edits.filter(|e| !e.is_empty()) {
            for edit in edits {
                let edit = Args {
                    command: "reset".into(),
                    fields: Map::from_iter([("edit".to_string(), edit)]),
                };
                s.apply_edit(&edit.get("edit")?)?;
            }
            // Opened again: the test starts with the edits saved and no undo history.
            s.open(&s.path()?)?;
        }
        Ok(run)
    }

    /// The next dialog's answer: a path (a relative one in the run's folder) or Cancel.
    fn pick(&self) -> Option<PathBuf> {
        let picked = self.dialogs.borrow_mut().pop_front().flatten()?;
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
        self.events
            .borrow_mut()
            .push(json!({ "event": event, "payload": payload }));
    }

    /// The shell's `export-progress` event, and the test's cancel when it is due.
    fn progress(&self, step: Value) {
        let due = self
            .cancel_at
            .borrow()
            .as_ref()
            .is_some_and(|at| at.iter().all(|(key, wanted)| step.get(key) == Some(wanted)));
        if due {
            self.cancel_at.borrow_mut().take();
            self.session.cancel_export();
        }
        self.emit(EXPORT_PROGRESS_EVENT, step);
    }

    fn opener(&self, how: &str, path: Result<PathBuf, AppError>) -> Answer {
        let path = path?;
        self.shell
            .borrow_mut()
            .push(json!({ "how": how, "path": path.display().to_string() }));
        Ok(Value::Null)
    }

    /// One IPC command: the session method `src-tauri/src/commands.rs` calls for it, with
    /// the test's dialog answer where the command starts with a native dialog.
    fn invoke(&self, a: &Args) -> Answer {
        let planted = self
            .fail_next
            .borrow()
            .as_ref()
            .is_some_and(|(c, _)| *c == a.command);
        if planted {
            let (_, error) = self.fail_next.borrow_mut().take().unwrap_or_default();
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
                self.dialogs.borrow_mut().push_back(path.map(PathBuf::from));
                Ok(Value::Null)
            }
            "events" => Ok(Value::Array(std::mem::take(&mut *self.events.borrow_mut()))),
            "cancel-export-at" => {
                *self.cancel_at.borrow_mut() = Some(a.fields.clone());
                Ok(Value::Null)
            }
            "fail-next" => {
                *self.fail_next.borrow_mut() = Some((a.get("command")?, a.get("error")?));
                Ok(Value::Null)
            }
            "state" => Ok(json!({
                "path": s_path(&self.session),
                "dir": self.dir.display().to_string(),
                "dialogsLeft": self.dialogs.borrow().len(),
                "shell": self.shell.borrow().clone(),
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

    let mut runs = 0u32;
    let mut run: Option<Run> = None;
    for mut request in server.incoming_requests() {
        let mut body = String::new();
        let read = std::io::Read::read_to_string(request.as_reader(), &mut body);
        let url = request.url().to_string();
        let route = url.split('?').next().unwrap_or_default().to_string();
        let (status, reply) = if *request.method() == Method::Options {
            (204, String::new())
        } else {
            let fields = match read.map_err(|e| e.to_string()).and_then(|_| parse(&body)) {
                Ok(fields) => fields,
                Err(why) => Map::from_iter([("_".to_string(), Value::String(why))]),
            };
            let result = if fields.contains_key("_") {
                Err(Failure::Call(format!(
                    "the request body is not a JSON object: {body}"
                )))
            } else if route == "/test/reset" {
                runs += 1;
                // The previous session's project is closed (its lock released) first.
                if let Some(previous) = run.take() {
                    let _ = previous.session.close();
                }
                let args = Args {
                    command: "reset".into(),
                    fields,
                };
                Run::start(&options.dir.join(format!("run-{runs}")), &args).map(|started| {
                    let reply = json!({
                        "path": s_path(&started.session),
                        "dir": started.dir.display().to_string(),
                    });
                    run = Some(started);
                    reply
                })
            } else {
                match (
                    &run,
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
                }
            };
            match result {
                Ok(value) => (200, value.to_string()),
                Err(Failure::App(err)) => (422, json!(err).to_string()),
                Err(Failure::Call(why)) => (400, Value::String(why).to_string()),
            }
        };
        let waiting = run.as_ref().map_or(0, |r| r.events.borrow().len());
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
