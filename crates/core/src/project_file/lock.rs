//! "Who has this file open": a small lock file beside the project (`.~lock.NAME#`, as office
//! suites write them, so it works on a shared drive where SQLite's own locks may not), made
//! with create-new so two instances cannot both take it. It lives only while the project
//! is open. A lock left by a crashed instance on this machine is recognised (its process is
//! gone) and taken over; one from another machine can only be taken over by asking.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Who holds a project open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LockHolder {
    pub user: String,
    pub host: String,
    pub pid: u32,
    /// Seconds since the Unix epoch.
    #[ts(type = "number")]
    pub since: i64,
}

/// The lock of a project this instance holds; dropping it removes the lock file.
#[derive(Debug)]
pub struct ProjectLock {
    path: PathBuf,
    holder: LockHolder,
}

/// What trying to lock a project found.
#[derive(Debug)]
pub enum Claim {
    Held(ProjectLock),
    /// Someone else has it open.
    Taken(LockHolder),
}

/// A lock file this short-lived and this size is being written; anything else unreadable
/// is debris.
const UNREADABLE_GRACE_SECS: u64 = 10;
const MAX_LOCK_BYTES: u64 = 4096;

pub fn lock_path(project: &Path) -> PathBuf {
    let name = project
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    project.with_file_name(format!(".~lock.{name}#"))
}

impl LockHolder {
    /// This instance.
    pub fn me() -> LockHolder {
        LockHolder {
            user: std::env::var("USER")
                .or_else(|_| std::env::var("USERNAME"))
                .unwrap_or_else(|_| "someone".into()),
            host: host_name(),
            pid: std::process::id(),
            since: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or(0),
        }
    }

    /// When the holder opened the file, in UTC, for messages (the UI shows local time).
    pub fn since_text(&self) -> String {
        const FORMAT: &[time::format_description::FormatItem<'static>] =
            time::macros::format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
        time::OffsetDateTime::from_unix_timestamp(self.since)
            .ok()
            .and_then(|t| t.format(FORMAT).ok())
            .unwrap_or_else(|| "an unknown time".into())
    }

    fn is_this_process(&self) -> bool {
        self.host == host_name() && self.pid == std::process::id()
    }

    /// The holder is this machine's process that has since ended.
    fn is_gone(&self) -> bool {
        self.host == host_name() && !process_alive(self.pid)
    }
}

/// Tries to lock `project` for this instance.
pub fn claim(project: &Path) -> std::io::Result<Claim> {
    let path = lock_path(project);
    // Two rounds: a stale lock removed in the first is taken in the second.
    for _ in 0..2 {
        match write_new(&path) {
            Ok(lock) => return Ok(Claim::Held(lock)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
        match read_holder(&path)? {
            Some(holder) if holder.is_gone() => remove_if_unchanged(&path, &holder)?,
            Some(holder) if holder.is_this_process() => {
                // This very process locked it before (the same file opened again).
                return Ok(Claim::Held(ProjectLock { path, holder }));
            }
            Some(holder) => return Ok(Claim::Taken(holder)),
            None => {
                let age = std::fs::metadata(&path)
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| t.elapsed().ok())
                    .map_or(0, |d| d.as_secs());
                if age < UNREADABLE_GRACE_SECS {
                    return Ok(Claim::Taken(LockHolder {
                        user: "someone".into(),
                        host: "another computer".into(),
                        pid: 0,
                        since: 0,
                    }));
                }
                std::fs::remove_file(&path).ok();
            }
        }
    }
    write_new(&path).map(Claim::Held)
}

/// Takes the lock whoever holds it (the user chose to edit anyway).
pub fn take_over(project: &Path) -> std::io::Result<ProjectLock> {
    let path = lock_path(project);
    std::fs::remove_file(&path).or_else(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Ok(()),
        _ => Err(e),
    })?;
    write_new(&path)
}

impl ProjectLock {
    pub fn holder(&self) -> &LockHolder {
        &self.holder
    }
}

impl Drop for ProjectLock {
    fn drop(&mut self) {
        // Only our own lock: after a take-over by someone else the file is theirs.
        if read_holder(&self.path).ok().flatten().as_ref() == Some(&self.holder) {
            std::fs::remove_file(&self.path).ok();
        }
    }
}

fn write_new(path: &Path) -> std::io::Result<ProjectLock> {
    let holder = LockHolder::me();
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(&serde_json::to_vec(&holder).expect("a holder serialises"))?;
    file.sync_all()?;
    Ok(ProjectLock {
        path: path.to_path_buf(),
        holder,
    })
}

/// The holder a lock file names; `None` when it names none (being written, or debris).
fn read_holder(path: &Path) -> std::io::Result<Option<LockHolder>> {
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut std::io::Read::take(file, MAX_LOCK_BYTES), &mut bytes)?;
    Ok(serde_json::from_slice(&bytes).ok())
}

fn remove_if_unchanged(path: &Path, holder: &LockHolder) -> std::io::Result<()> {
    if read_holder(path)?.as_ref() == Some(holder) {
        std::fs::remove_file(path).or_else(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Ok(()),
            _ => Err(e),
        })?;
    }
    Ok(())
}

fn host_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_string())
        .ok()
        .filter(|h| !h.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .unwrap_or_else(|| "this computer".into())
}

/// Whether a process with `pid` runs on this machine. Where that cannot be told, it is
/// taken to run (a lock is never broken on a guess).
fn process_alive(pid: u32) -> bool {
    let proc = Path::new("/proc");
    if proc.join("self").exists() {
        proc.join(pid.to_string()).exists()
    } else {
        true
    }
}
