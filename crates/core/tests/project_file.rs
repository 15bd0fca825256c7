//! The project file as an application file format: round trips, and every kind of bad
//! file getting its own error while staying byte-for-byte untouched.

use std::path::Path;

use casewright_core::exchange::sample_project;
use casewright_core::project_file::{FileHeader, APPLICATION_ID, SCHEMA_VERSION};
use casewright_core::{BlockKind, Project, ProjectFile, ProjectFileError};
use casewright_test_support::{png_claiming, sample_file};
use rusqlite::Connection;

fn without_ids(mut project: Project) -> Project {
    for section in &mut project.sections {
        section.id = 0;
        section.uid.clear();
        for block in &mut section.blocks {
            block.id = 0;
            block.uid.clear();
        }
    }
    for block in &mut project.library {
        block.id = 0;
        block.uid.clear();
    }
    project
}

/// Opens `path`, expecting a refusal, and checks the file was not modified.
fn refused(path: &Path) -> ProjectFileError {
    let before = std::fs::read(path).unwrap();
    let err = match ProjectFile::open(path) {
        Ok(_) => panic!("{} opened but should have been refused", path.display()),
        Err(err) => err,
    };
    assert_eq!(
        std::fs::read(path).unwrap(),
        before,
        "a refused file was modified"
    );
    err
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_project_round_trips_through_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "case.casewright");
    let loaded = ProjectFile::open(&path).unwrap().load().unwrap();
    assert_eq!(without_ids(loaded.clone()), without_ids(sample_project()));
    assert!(loaded.sections.iter().all(|s| s.id > 0));
}

#[test]
fn a_new_file_is_stamped_with_our_id_and_the_current_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "case.casewright");
    let header = FileHeader::read(&path).unwrap();
    assert_eq!(header.application_id, APPLICATION_ID);
    assert_eq!(header.user_version, SCHEMA_VERSION);
}

#[test]
fn replacing_the_project_stores_the_new_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "case.casewright");
    let mut file = ProjectFile::open(&path).unwrap();
    let mut project = file.load().unwrap();
    project.sections.reverse();
    project.sections[0].blocks.reverse();
    project.title = "Reordered".into();
    let stored = file.replace(&project).unwrap();
    file.close().unwrap();
    let reopened = ProjectFile::open(&path).unwrap().load().unwrap();
    assert_eq!(reopened, stored);
    assert_eq!(without_ids(reopened), without_ids(project));
}

#[test]
fn no_side_files_remain_after_saving_and_closing() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "case.casewright");
    let mut file = ProjectFile::open(&path).unwrap();
    let project = file.load().unwrap();
    file.replace(&project).unwrap();
    // Between saves the file alone is complete: a copy opens with the same content.
    let copy = dir.path().join("copy.casewright");
    std::fs::copy(&path, &copy).unwrap();
    assert_eq!(ProjectFile::open(&copy).unwrap().load().unwrap(), project);
    file.close().unwrap();
    assert_eq!(entries(dir.path()), ["case.casewright", "copy.casewright"]);
}

#[test]
fn create_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "case.casewright");
    let err = ProjectFile::create(&path, &sample_project()).err().unwrap();
    assert_eq!(err.code(), "already_exists");
}

#[test]
fn a_missing_file_is_reported_as_missing() {
    let dir = tempfile::tempdir().unwrap();
    let err = ProjectFile::open(&dir.path().join("nope.casewright"))
        .err()
        .unwrap();
    assert_eq!(err.code(), "not_found");
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.casewright");
    std::fs::write(&path, "Dear board,\nplease read this.\n".repeat(20)).unwrap();
    let err = refused(&path);
    assert_eq!(err.code(), "not_sqlite");
    assert!(err.to_string().contains("not a Casewright project"));
}

#[test]
fn an_empty_file_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.casewright");
    std::fs::write(&path, "").unwrap();
    let err = refused(&path);
    assert_eq!(err.code(), "not_sqlite");
    assert!(err.to_string().contains("empty"));
}

#[test]
fn another_programs_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("contacts.casewright");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE contact (name TEXT); INSERT INTO contact VALUES ('Ada');")
        .unwrap();
    conn.close().unwrap();
    let err = refused(&path);
    assert_eq!(err.code(), "not_a_project");
}

#[test]
fn a_file_from_a_newer_version_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "case.casewright");
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    conn.close().unwrap();
    let err = refused(&path);
    assert_eq!(err.code(), "too_new");
    assert!(err.to_string().contains("newer Casewright"));
}

#[test]
fn a_damaged_file_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "case.casewright");
    let mut bytes = std::fs::read(&path).unwrap();
    let page_size = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
    assert!(
        bytes.len() >= 3 * page_size,
        "the sample spans several pages"
    );
    // Scribble over the second page (a table's b-tree) but keep the header intact.
    for byte in &mut bytes[page_size..page_size + 64] {
        *byte = 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();
    let err = refused(&path);
    assert_eq!(err.code(), "corrupt", "{err}");
}

#[test]
fn a_truncated_file_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "case.casewright");
    let bytes = std::fs::read(&path).unwrap();
    let page_size = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
    std::fs::write(&path, &bytes[..page_size * 2]).unwrap();
    let err = refused(&path);
    assert_eq!(err.code(), "corrupt", "{err}");
}

#[test]
fn a_project_missing_its_tables_is_refused_as_corrupt() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hollow.casewright");
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "application_id", APPLICATION_ID)
        .unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION)
        .unwrap();
    conn.execute_batch("CREATE TABLE project (id INTEGER);")
        .unwrap();
    conn.close().unwrap();
    let err = refused(&path);
    assert_eq!(err.code(), "corrupt");
    assert!(err.to_string().contains("missing"));
}

#[test]
fn values_the_schema_forbids_are_reported_not_trusted() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "case.casewright");
    let conn = Connection::open(&path).unwrap();
    // A hand-made file can carry values our CHECK constraints would refuse on write.
    conn.execute_batch(
        "PRAGMA ignore_check_constraints = ON; UPDATE block SET kind = 'slide' WHERE id = 1;",
    )
    .unwrap();
    conn.close().unwrap();
    let err = refused(&path);
    assert_eq!(err.code(), "corrupt");
    assert!(err.to_string().contains("slide"), "{err}");
}

#[test]
fn dismissed_advice_that_is_not_a_list_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "case.casewright");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("UPDATE block SET dismissed = '{\"rule\": 1}' WHERE id = 1;")
        .unwrap();
    conn.close().unwrap();
    let err = refused(&path);
    assert_eq!(err.code(), "corrupt");
    assert!(err.to_string().contains("dismissed advice"), "{err}");
}

#[test]
fn triggers_and_views_in_a_received_file_never_run() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "case.casewright");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(
        "CREATE TABLE stolen (title TEXT);
         CREATE TRIGGER leak AFTER INSERT ON block BEGIN INSERT INTO stolen VALUES (new.title); END;
         CREATE VIEW peek AS SELECT title FROM block;",
    )
    .unwrap();
    conn.close().unwrap();
    let mut file = ProjectFile::open(&path).unwrap();
    let project = file.load().unwrap();
    file.replace(&project).unwrap();
    file.close().unwrap();
    let conn = Connection::open(&path).unwrap();
    let stolen: i64 = conn
        .query_row("SELECT count(*) FROM stolen", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stolen, 0, "the file's own trigger ran");
}

#[test]
fn an_in_memory_project_behaves_like_a_file() {
    let mut file = ProjectFile::in_memory(&sample_project()).unwrap();
    let mut project = file.load().unwrap();
    let metric_count = |p: &Project| {
        p.sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter(|b| b.kind == BlockKind::Metric)
            .count()
    };
    let before = metric_count(&project);
    project.sections[0]
        .blocks
        .retain(|b| b.kind != BlockKind::Metric);
    let stored = file.replace(&project).unwrap();
    assert!(metric_count(&stored) <= before);
    assert_eq!(file.load().unwrap(), stored);
    assert!(file.path().is_none());
}

#[test]
fn save_copy_writes_a_complete_project_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "case.casewright");
    let file = ProjectFile::open(&path).unwrap();
    let copy = dir.path().join("copy.casewright");
    file.save_copy(&copy).unwrap();
    let header = FileHeader::read(&copy).unwrap();
    assert_eq!(header.application_id, APPLICATION_ID);
    assert_eq!(header.user_version, SCHEMA_VERSION);
    assert_eq!(
        ProjectFile::open(&copy).unwrap().load().unwrap(),
        file.load().unwrap()
    );
    assert_eq!(file.save_copy(&copy).unwrap_err().code(), "already_exists");
    file.close().unwrap();
    assert_eq!(entries(dir.path()), ["case.casewright", "copy.casewright"]);
}

// Limits on what a received file may hold: each refusal names its check, and the file is
// left as it came.

/// Runs `sql` on the file with a plain connection, as a hand-made or hostile file would be.
fn tamper(path: &Path, sql: &str) {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(sql).unwrap();
    conn.close().unwrap();
}

fn assert_over_limit(err: &ProjectFileError, check: &str, detail: &str) {
    assert_eq!(err.code(), "over_limit", "{err}");
    let message = err.to_string();
    assert!(message.contains(&format!("the {check} check")), "{message}");
    assert!(message.contains(detail), "{message}");
}

#[test]
fn a_file_with_a_one_gigabyte_text_field_is_refused_by_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "case.casewright");
    tamper(
        &path,
        // SQLite's own ceiling on one value is 10^9 bytes, so this is as big as a field gets.
        "UPDATE block SET body = CAST(zeroblob(999999000) AS TEXT)
         WHERE id = (SELECT min(id) FROM block);",
    );
    let err = refused(&path);
    assert_over_limit(&err, "file size", "a project may be at most 512 MB");
}

#[test]
fn a_field_larger_than_sqlite_may_read_is_refused_by_its_length() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "case.casewright");
    tamper(
        &path,
        "UPDATE section SET notes = CAST(zeroblob(20000000) AS TEXT)
         WHERE id = (SELECT min(id) FROM section);",
    );
    let err = refused(&path);
    assert_over_limit(&err, "field length", "larger than 8 MB");
}

#[test]
fn a_text_longer_than_an_edit_may_write_is_refused_naming_its_block() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "case.casewright");
    let title: String = Connection::open(&path)
        .unwrap()
        .query_row("SELECT title FROM block ORDER BY id LIMIT 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    tamper(
        &path,
        "UPDATE block SET body = printf('%.*c', 60000, 'x') WHERE id = (SELECT min(id) FROM block);",
    );
    let err = refused(&path);
    assert_over_limit(
        &err,
        "field length",
        "the text is 60000 characters long; the most is 50000",
    );
    let start: String = title.chars().take(30).collect();
    assert!(
        err.to_string().contains(&start),
        "the block is named: {err}"
    );
}

#[test]
fn a_file_with_too_many_rows_is_refused_by_its_row_count() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "case.casewright");
    tamper(
        &path,
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1001)
         INSERT INTO section (position, title, notes, uid)
             SELECT 100 + i, 'filler', '', lower(hex(randomblob(16))) FROM n;",
    );
    let err = refused(&path);
    assert_over_limit(&err, "row count", "more than 1000 sections");
}

fn store_picture(path: &Path, bytes: &[u8], width: u32, height: u32) {
    let conn = Connection::open(path).unwrap();
    conn.execute(
        "INSERT INTO image (digest, media_type, width, height, bytes) VALUES ('bomb', 'image/png', ?1, ?2, ?3)",
        rusqlite::params![width, height, bytes],
    )
    .unwrap();
    conn.execute("UPDATE project SET logo_image = last_insert_rowid()", [])
        .unwrap();
    conn.close().unwrap();
}

#[test]
fn a_decompression_bomb_among_the_pictures_is_refused_before_it_is_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "case.casewright");
    store_picture(&path, &png_claiming(60_000, 60_000), 100, 100);
    let err = refused(&path);
    assert_over_limit(&err, "pictures", "60000 × 60000 pixels");
}

#[test]
fn a_picture_whose_row_understates_its_size_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "case.casewright");
    store_picture(&path, &png_claiming(1_500, 1_000), 150, 100);
    let err = refused(&path);
    assert_over_limit(
        &err,
        "pictures",
        "is 1500 × 1000 pixels in its data but claims 150 × 100",
    );
}

#[test]
fn a_picture_larger_than_a_kept_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "case.casewright");
    store_picture(&path, &png_claiming(9_000, 9_000), 9_000, 9_000);
    let err = refused(&path);
    assert_over_limit(&err, "pictures", "a kept picture is at most 2000 a side");
}

#[test]
fn extra_tables_in_a_received_file_are_ignored_and_the_project_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "case.casewright");
    tamper(
        &path,
        "CREATE TABLE payload (data BLOB); INSERT INTO payload VALUES (randomblob(1000));",
    );
    let project = ProjectFile::open(&path).unwrap().load().unwrap();
    assert_eq!(
        without_ids(project),
        without_ids(sample_project_as_stored())
    );
}

fn sample_project_as_stored() -> Project {
    ProjectFile::in_memory(&sample_project())
        .unwrap()
        .load()
        .unwrap()
}
