//! The crash torture's driver (scripts/crash-torture.sh): starts `crash_child` (beside this
//! binary) on a project, kills it with SIGKILL at a random moment, waits for it, and checks
//! the file, KILLS times, in one process. After each kill the file must pass SQLite's
//! integrity check, open as the CLI opens it (a read-only snapshot, loaded), and hold every
//! edit the child reported committed (`ok N`); the one edit it had begun (`try N` with no
//! `ok N`) may or may not be there. A run whose children commit fewer edits than there were
//! kills proves nothing and fails. The seed is printed first; `--seed S` replays a run.
//!
//! `crash_torture KILLS [--seed S]`

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use casewright_core::exchange::sample_project;
use casewright_core::ProjectFile;

/// xorshift64*: varies kill moments and child seeds, reproducibly from one seed.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        (self.next() >> 33) % n.max(1)
    }
}

/// What the file must hold: the body of each block `edit K` the children committed.
struct Ledger {
    present: BTreeMap<String, String>,
    next: u64,
}

enum Op {
    Add(String),
    Delete(String),
    Body(String, String),
    Move,
}

fn apply(state: &mut BTreeMap<String, String>, op: &Op) {
    match op {
        Op::Add(k) => {
            state.insert(k.clone(), format!("first text of {k}"));
        }
        Op::Delete(k) => {
            state.remove(k);
        }
        Op::Body(k, text) => {
            state.insert(k.clone(), text.clone());
        }
        Op::Move => {}
    }
}

/// The child's log: the edits it tried, in order, and which it reported committed.
fn read_log(log: &str) -> (BTreeMap<u64, Op>, Vec<u64>) {
    let mut tried = BTreeMap::new();
    let mut done = Vec::new();
    for line in log.lines() {
        if let Some(rest) = line.strip_prefix("try ") {
            let parts: Vec<&str> = rest.splitn(4, ' ').collect();
            let (Some(n), Some(op), Some(k)) = (
                parts.first().and_then(|n| n.parse().ok()),
                parts.get(1),
                parts.get(2),
            ) else {
                continue; // a line cut short by the kill
            };
            let k = k.to_string();
            let op = match *op {
                "add" => Op::Add(k),
                "del" => Op::Delete(k),
                "body" => match parts.get(3) {
                    Some(text) => Op::Body(k, text.to_string()),
                    None => continue,
                },
                _ => Op::Move,
            };
            tried.insert(n, op);
        } else if let Some(n) = line.strip_prefix("ok ").and_then(|n| n.parse().ok()) {
            done.push(n);
        }
    }
    (tried, done)
}

/// Checks the file after a kill; returns how many edits the child reported committed.
fn verify(ledger: &mut Ledger, log: &str, project: &Path) -> Result<usize, String> {
    let (tried, done) = read_log(log);
    let mut pending = None;
    for (n, op) in &tried {
        if done.contains(n) {
            apply(&mut ledger.present, op);
        } else {
            // The child stops at its first unfinished edit: it was killed there.
            pending = Some(op);
            break;
        }
    }
    // Opened first as the CLI opens it, which lets SQLite roll back a save the kill cut
    // short; a read-only connection cannot.
    let loaded = ProjectFile::open_snapshot(project)
        .and_then(|file| file.load())
        .map_err(|e| format!("the project no longer opens: {e}"))?;
    let conn =
        rusqlite::Connection::open_with_flags(project, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| format!("SQLite cannot open the file: {e}"))?;
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|e| format!("integrity check could not run: {e}"))?;
    if check != "ok" {
        return Err(format!("integrity check failed: {check}"));
    }
    drop(conn);
    let found: BTreeMap<String, String> = loaded
        .all_blocks()
        .filter_map(|b| Some((b.title.strip_prefix("edit ")?.to_string(), b.body.clone())))
        .collect();
    if found != ledger.present {
        let mut with_pending = ledger.present.clone();
        if let Some(op) = pending {
            apply(&mut with_pending, op);
        }
        if found != with_pending {
            let missing: Vec<&String> = ledger
                .present
                .iter()
                .filter(|(k, v)| found.get(*k) != Some(v))
                .map(|(k, _)| k)
                .collect();
            let extra: Vec<&String> = found
                .iter()
                .filter(|(k, v)| ledger.present.get(*k) != Some(v))
                .map(|(k, _)| k)
                .collect();
            return Err(format!(
                "the file does not hold the committed edits: expected but not found {missing:?}, found but not committed {extra:?}"
            ));
        }
        ledger.present = with_pending;
    }
    if let Some(last) = tried.keys().next_back() {
        ledger.next = ledger.next.max(*last + 1);
    }
    Ok(done.len())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let kills: u64 = args
        .first()
        .and_then(|k| k.parse().ok())
        .filter(|&k| k > 0)
        .unwrap_or_else(|| fail("usage: crash_torture KILLS [--seed S] (KILLS at least 1)"));
    let seed: u64 = match args.iter().position(|a| a == "--seed") {
        Some(at) => args
            .get(at + 1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| fail("--seed needs a whole number")),
        None => {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
                | 1
        }
    };
    println!("crash torture: {kills} kills, seed {seed} (replay with --seed {seed})");
    let child_bin: PathBuf = std::env::current_exe()
        .expect("this binary's path")
        .with_file_name("crash_child");
    let work = tempfile::tempdir().expect("a temporary folder");
    let project = work.path().join("tortured.casewright");
    ProjectFile::create(&project, &sample_project())
        .and_then(|f| f.close())
        .unwrap_or_else(|e| fail(&format!("cannot create the project: {e}")));
    let log_path = work.path().join("log.txt");
    let mut random = Random(seed);
    let mut ledger = Ledger {
        present: BTreeMap::new(),
        next: 1,
    };
    let mut committed = 0;
    for kill in 1..=kills {
        let child_seed = random.next() | 1;
        let log = std::fs::File::create(&log_path).expect("the child's log");
        let mut child = Command::new(&child_bin)
            .arg(&project)
            .arg(child_seed.to_string())
            .arg(ledger.next.to_string())
            .stdout(log)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| fail(&format!("cannot start {}: {e}", child_bin.display())));
        // Somewhere from the start-up (opening, checks) to well into the edits.
        std::thread::sleep(Duration::from_millis(5 + random.below(250)));
        let _ = child.kill();
        let out = child.wait_with_output().expect("the child is waited for");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let replay = format!("seed {seed}, kill {kill}, child seed {child_seed}");
        if stderr.contains("panicked") {
            fail(&format!("kill {kill}: the child failed by itself before it was killed ({replay}):\n{stderr}"));
        }
        let log = std::fs::read_to_string(&log_path).unwrap_or_default();
        match verify(&mut ledger, &log, &project) {
            Ok(edits) => committed += edits,
            Err(problem) => fail(&format!("kill {kill}: {problem} ({replay})")),
        }
        if kill % 50 == 0 {
            println!("  {kill} kills survived, {committed} committed edits checked");
        }
    }
    let size = std::fs::metadata(&project).map_or(0, |m| m.len() / 1024);
    if committed < kills as usize {
        fail(&format!(
            "only {committed} edits were committed in {kills} kills (seed {seed}): the children barely ran, so the run proves nothing"
        ));
    }
    println!(
        "crash torture: {kills} kills survived; {committed} edits reported committed, all found; file {size} KB"
    );
}

fn fail(message: &str) -> ! {
    eprintln!("crash torture: {message}");
    std::process::exit(1)
}
