//! "Share a copy": what goes into the copy a colleague receives, and what never does.

use std::path::Path;

use casewright_core::cases::library::starter_cases;
use casewright_core::sharing::ShareOptions;
use casewright_core::storyboard::{Edit, Place, Storyboard};
use casewright_core::ProjectFile;
use casewright_test_support::{file_holds, sample_file};
use rusqlite::Connection;

/// Edits the project: notes with a secret in section 0, advice dismissed on the first
/// block, and a block with its own secret text deleted.
fn edit_with_secrets(path: &Path) -> Storyboard {
    let mut board = Storyboard::new(ProjectFile::open(path).unwrap());
    let project = board.project().unwrap();
    let section = &project.sections[0];
    board
        .apply(&Edit::UpdateSection {
            id: section.id,
            text: casewright_core::storyboard::SectionText {
                title: section.title.clone(),
                notes: "NOTES-ONLY-FOR-ME: the CFO is against it".into(),
            },
        })
        .unwrap();
    let first = section.blocks[0].clone();
    board
        .apply(&Edit::DismissFinding {
            block_id: first.id,
            rule: "outcomes.no-number".into(),
        })
        .unwrap();
    let mut doomed = casewright_core::Block::new(casewright_core::BlockKind::Benefit, "Gone");
    doomed.body = "DELETED-SECRET-TEXT that was written and removed".into();
    let id = board
        .apply(&Edit::AddBlock {
            block: doomed,
            to: Place::Library { index: 0 },
        })
        .unwrap()
        .created
        .unwrap();
    board.apply(&Edit::DeleteBlock { id }).unwrap();
    board
}

#[test]
fn a_shared_copy_leaves_out_notes_dismissed_advice_and_deleted_text_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "case.casewright");
    let board = edit_with_secrets(&path);
    let copy = dir.path().join("for-colleague.casewright");
    let summary = board
        .file()
        .share_copy(
            &copy,
            ShareOptions {
                strip_notes: true,
                strip_dismissed: true,
            },
        )
        .unwrap();
    assert_eq!(summary.bytes, std::fs::metadata(&copy).unwrap().len());
    assert!(
        !file_holds(&copy, "NOTES-ONLY-FOR-ME"),
        "the notes went along"
    );
    assert!(
        !file_holds(&copy, "DELETED-SECRET-TEXT"),
        "deleted text lingers"
    );
    assert!(
        !file_holds(&copy, "outcomes.no-number"),
        "dismissed advice went along"
    );

    let shared = ProjectFile::open(&copy).unwrap().load().unwrap();
    let own = board.project().unwrap();
    assert_eq!(shared.sections[0].notes, "");
    assert!(own.sections[0].notes.starts_with("NOTES-ONLY-FOR-ME"));
    assert!(shared.sections[0].blocks[0].dismissed.is_empty());
    // Everything else is the same project, under the same stable ids.
    assert_eq!(shared.sections.len(), own.sections.len());
    for (a, b) in shared.sections.iter().zip(&own.sections) {
        assert_eq!(a.uid, b.uid);
        assert_eq!(a.title, b.title);
        let uids = |s: &casewright_core::Section| {
            s.blocks
                .iter()
                .map(|b| (b.uid.clone(), b.body.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(uids(a), uids(b));
    }
}

#[test]
fn a_shared_copy_keeps_notes_and_advice_unless_asked_and_is_no_bigger_than_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "case.casewright");
    let board = edit_with_secrets(&path);
    let copy = dir.path().join("copy.casewright");
    board
        .file()
        .share_copy(&copy, ShareOptions::default())
        .unwrap();
    assert!(file_holds(&copy, "NOTES-ONLY-FOR-ME"));
    assert!(
        !file_holds(&copy, "DELETED-SECRET-TEXT"),
        "deleted text lingers"
    );
    let shared = ProjectFile::open(&copy).unwrap().load().unwrap();
    assert_eq!(
        shared.sections[0].blocks[0].dismissed,
        ["outcomes.no-number"]
    );
    assert!(std::fs::metadata(&copy).unwrap().len() <= std::fs::metadata(&path).unwrap().len());
}

#[test]
fn both_files_remember_the_shared_state_and_the_project_id() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "case.casewright");
    let file = ProjectFile::open(&path).unwrap();
    let created = file.merge_bases().unwrap();
    assert_eq!(
        created.len(),
        1,
        "a new file remembers the state it was created in"
    );
    let copy = dir.path().join("copy.casewright");
    file.share_copy(&copy, ShareOptions::default()).unwrap();
    let shared = ProjectFile::open(&copy).unwrap();
    assert_eq!(shared.project_uid().unwrap(), file.project_uid().unwrap());
    let ours = file.merge_bases().unwrap();
    let theirs = shared.merge_bases().unwrap();
    assert_eq!(ours.len(), 2);
    assert_eq!(
        theirs.len(),
        1,
        "the copy remembers only the state it was shared in"
    );
    assert_eq!(theirs[0].id, ours[0].id);
    assert_ne!(ours[0].id, created[0].id);
}

#[test]
fn unused_case_studies_and_other_programs_tables_stay_behind() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "case.casewright");
    let mut board = Storyboard::new(ProjectFile::open(&path).unwrap());
    let cases = starter_cases();
    for case in &cases[..2] {
        board
            .apply(&Edit::UseCase {
                case: case.clone(),
                relation: None,
                to: Place::Library { index: 0 },
                metrics: false,
            })
            .unwrap();
    }
    // The story of the first case used is deleted; its case stays in the project.
    let project = board.project().unwrap();
    let story = project
        .library
        .iter()
        .find(|b| b.title == cases[0].title)
        .unwrap()
        .clone();
    board.apply(&Edit::DeleteBlock { id: story.id }).unwrap();
    assert_eq!(board.project().unwrap().cases.len(), 2);
    board.into_file().close().unwrap();

    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(
        "CREATE TABLE tracking (who TEXT); INSERT INTO tracking VALUES ('hidden payload');
         CREATE VIEW spy AS SELECT title FROM block;
         CREATE TRIGGER phone_home AFTER UPDATE ON block BEGIN INSERT INTO tracking VALUES (new.title); END;",
    )
    .unwrap();
    conn.close().unwrap();

    let file = ProjectFile::open(&path).unwrap();
    let copy = dir.path().join("copy.casewright");
    let summary = file.share_copy(&copy, ShareOptions::default()).unwrap();
    assert_eq!(summary.unused_cases_left_out, 1);
    assert_eq!(summary.foreign_objects_left_out, 3);
    let shared = ProjectFile::open(&copy).unwrap().load().unwrap();
    assert_eq!(shared.cases.len(), 1);
    assert_eq!(shared.cases[0].case.title, cases[1].title);
    let names: Vec<String> = Connection::open(&copy)
        .unwrap()
        .prepare("SELECT name FROM sqlite_schema WHERE name IN ('tracking', 'spy', 'phone_home')")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(names.is_empty(), "{names:?}");
    assert!(!file_holds(&copy, "hidden payload"));
}

#[test]
fn sharing_onto_the_open_project_itself_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "case.casewright");
    let file = ProjectFile::open(&path).unwrap();
    let before = file.load().unwrap();
    let err = file.share_copy(&path, ShareOptions::default()).unwrap_err();
    assert!(
        err.to_string().contains("that is the project itself"),
        "{err}"
    );
    assert_eq!(ProjectFile::open(&path).unwrap().load().unwrap(), before);
}
