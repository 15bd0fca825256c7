//! Two people, one file: a project someone else has open is opened read-only, says who
//! has it and since when, and is never written; a lock left behind by a crash is not.

use std::path::Path;

use casewright_core::exchange::sample_project;
use casewright_core::jobs::open_for_editing;
use casewright_core::sharing::lock::{lock_path, LockHolder};
use casewright_core::storyboard::Edit;
use casewright_core::ProjectFile;
use casewright_test_support::sample_file;

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn lock_by(path: &Path, holder: &LockHolder) {
    std::fs::write(lock_path(path), serde_json::to_vec(holder).unwrap()).unwrap();
}

fn alice_elsewhere() -> LockHolder {
    LockHolder {
        user: "alice".into(),
        host: "alices-laptop".into(),
        pid: 4242,
        since: 1_790_000_000,
    }
}

#[test]
fn an_open_project_is_locked_and_the_lock_goes_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "shared drive case.casewright");
    let editing = open_for_editing(&path, false).unwrap();
    assert!(editing.lock.is_some());
    assert!(editing.board.file().read_only_holder().is_none());
    let lock = std::fs::read_to_string(lock_path(&path)).unwrap();
    let holder: LockHolder = serde_json::from_str(&lock).unwrap();
    assert_eq!(holder.pid, std::process::id());
    drop(editing);
    assert_eq!(names(dir.path()), ["shared drive case.casewright"]);
}

#[test]
fn a_project_open_elsewhere_opens_read_only_naming_who_and_is_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "shared drive case.casewright");
    lock_by(&path, &alice_elsewhere());
    let before = std::fs::read(&path).unwrap();

    let mut editing = open_for_editing(&path, false).unwrap();
    assert!(editing.lock.is_none());
    assert_eq!(
        editing.board.file().read_only_holder(),
        Some(&alice_elsewhere())
    );
    let project = editing.board.project().unwrap();
    assert_eq!(project.title, sample_project().title);
    let section = &project.sections[0];
    let err = editing
        .board
        .apply(&Edit::AddSection {
            title: "Mine".into(),
            index: 0,
        })
        .unwrap_err();
    assert_eq!(err.code(), "read_only");
    let message = err.to_string();
    assert!(
        message.contains("alice has this project open (since 2026-09-21 "),
        "{message}"
    );
    assert!(message.contains("read-only"), "{message}");
    assert_eq!(editing.board.project().unwrap().sections[0], *section);
    let described = casewright_core::jobs::describe(&path, &editing.board).unwrap();
    assert_eq!(described.read_only, Some(alice_elsewhere()));
    editing.board.into_file().close().unwrap();

    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "a read-only open wrote to the file"
    );
    assert_eq!(
        names(dir.path()),
        [
            ".~lock.shared drive case.casewright#",
            "shared drive case.casewright"
        ],
        "alice's lock stays, and nothing of ours is left"
    );
}

#[test]
fn taking_over_makes_the_file_editable_here() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "shared drive case.casewright");
    lock_by(&path, &alice_elsewhere());
    let mut editing = open_for_editing(&path, true).unwrap();
    assert!(editing.lock.is_some());
    editing
        .board
        .apply(&Edit::AddSection {
            title: "Mine".into(),
            index: 0,
        })
        .unwrap();
    drop(editing);
    assert_eq!(
        ProjectFile::open(&path).unwrap().load().unwrap().sections[0].title,
        "Mine"
    );
    assert_eq!(names(dir.path()), ["shared drive case.casewright"]);
}

#[test]
fn a_lock_left_by_a_process_that_ended_on_this_machine_is_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "shared drive case.casewright");
    let mut ended = std::process::Command::new("true").spawn().unwrap();
    let pid = ended.id();
    ended.wait().unwrap();
    let mut crashed = LockHolder::me();
    crashed.pid = pid;
    lock_by(&path, &crashed);
    let editing = open_for_editing(&path, false).unwrap();
    assert!(
        editing.lock.is_some(),
        "a dead process's lock kept the file read-only"
    );
    assert_eq!(
        editing.lock.as_ref().unwrap().holder().pid,
        std::process::id()
    );
}

#[test]
fn an_unreadable_old_lock_file_is_debris_but_a_fresh_one_is_respected() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "shared drive case.casewright");
    std::fs::write(lock_path(&path), b"").unwrap();
    let fresh = open_for_editing(&path, false).unwrap();
    assert!(fresh.lock.is_none(), "a lock being written was ignored");
    drop(fresh);
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    std::fs::File::options()
        .write(true)
        .open(lock_path(&path))
        .unwrap()
        .set_modified(old)
        .unwrap();
    let editing = open_for_editing(&path, false).unwrap();
    assert!(editing.lock.is_some());
}
