//! The session's jobs as the app and the CLI call them, on real files in a temporary
//! data directory.

use std::sync::{Arc, Mutex};

use super::*;
use crate::briefing::{BriefingDate, BriefingOptions};
use crate::cases::library::OnDuplicate;
use crate::ipc::{BriefingSettings, ErrorDetails};
use crate::pilot::Design;

fn session_in(dir: &Path) -> Session {
    Session::new(Places::app(dir))
}

/// A session whose new case library starts empty.
fn without_starter_cases(dir: &Path) -> Session {
    Session::new(Places {
        starter_cases: false,
        ..Places::app(dir)
    })
}

fn first_block_title(session: &Session) -> String {
    session.project().unwrap().sections[0].blocks[0]
        .title
        .clone()
}

#[test]
fn before_anything_is_open_every_project_job_says_no_project() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(dir.path());
    assert_eq!(session.current().unwrap_err().code, ErrorCode::NoProject);
    assert_eq!(session.undo().unwrap_err().code, ErrorCode::NoProject);
    assert_eq!(
        session.coach_report().unwrap_err().code,
        ErrorCode::NoProject
    );
    assert_eq!(
        session.pilot_reports().unwrap_err().code,
        ErrorCode::NoProject
    );
}

#[test]
fn a_start_with_a_file_that_does_not_open_shows_the_sample_and_says_why_once() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(dir.path());
    let missing = dir.path().join("gone.casewright");
    let opened = session.open_at_startup(Some(&missing)).unwrap();
    assert_eq!(opened.file_name, jobs::SAMPLE_FILE_NAME);
    assert_eq!(
        session.take_startup_problem().map(|p| p.code),
        Some(ErrorCode::NotFound)
    );
    assert_eq!(session.take_startup_problem(), None, "shown once");
    assert_eq!(session.recent_paths(), [opened.path]);
}

#[test]
fn an_edit_is_saved_and_undone_through_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(dir.path());
    session.open_at_startup(None).unwrap();
    let mut block = session.project().unwrap().sections[0].blocks[0].clone();
    let before = block.title.clone();
    block.title = "Fewer repeat call-outs".into();
    let opened = session.apply_edit(&Edit::UpdateBlock { block }).unwrap();
    assert!(opened.can_undo);
    // Saved: a second session reading the file sees it.
    let path = session.path().unwrap();
    let other = session_in(dir.path());
    other.open_snapshot(&path).unwrap();
    assert_eq!(first_block_title(&other), "Fewer repeat call-outs");
    let undone = session.undo().unwrap();
    assert!(undone.can_redo);
    assert_eq!(first_block_title(&session), before);
}

#[test]
fn a_photo_over_the_pixel_budget_is_refused_naming_the_file_and_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(dir.path());
    session.open_at_startup(None).unwrap();
    // A whole PNG of 9,000 × 9,000 pixels: 243 MB once decoded, over the budget.
    let picture = image::RgbImage::from_pixel(9_000, 9_000, image::Rgb([20, 90, 130]));
    let path = dir.path().join("from the phone.png");
    picture.save(&path).unwrap();
    let error = session.add_picture(&path).unwrap_err();
    assert_eq!(error.code, ErrorCode::ImageTooLarge);
    assert_eq!(
        error.message,
        format!(
            "{} cannot be used: the image is 9000 × 9000 pixels (81 megapixels); the most \
             Casewright opens is 69 megapixels in colour: save a smaller copy (3,000 pixels \
             wide prints sharp on a page)",
            path.display()
        )
    );
}

#[test]
fn a_recent_project_that_no_longer_opens_leaves_the_list_and_the_menu_hears_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(dir.path());
    let heard: Arc<Mutex<Vec<Vec<String>>>> = Arc::default();
    let sink = heard.clone();
    session.on_recent_change(move |paths| sink.lock().unwrap().push(paths.to_vec()));
    let path = dir.path().join("Plan.casewright");
    session.create_from_template(&path).unwrap();
    session.close().unwrap();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(
        session.open_recent(&path).unwrap_err().code,
        ErrorCode::NotFound
    );
    assert!(session.recent_paths().is_empty());
    let heard = heard.lock().unwrap();
    assert_eq!(heard.first().unwrap(), &[path.display().to_string()]);
    assert!(heard.last().unwrap().is_empty());
}

#[test]
fn save_as_goes_on_editing_the_copy_with_its_undo_history() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(dir.path());
    session.open_at_startup(None).unwrap();
    let mut block = session.project().unwrap().sections[0].blocks[0].clone();
    block.title = "Edited before the copy".into();
    session.apply_edit(&Edit::UpdateBlock { block }).unwrap();
    let copy = dir.path().join("Copy.casewright");
    let opened = session.save_as(&copy).unwrap();
    assert_eq!(opened.path, copy.display().to_string());
    assert!(opened.can_undo);
    session.undo().unwrap();
    let original = session_in(dir.path());
    original
        .open_snapshot(&dir.path().join(jobs::SAMPLE_FILE_NAME))
        .unwrap();
    assert_eq!(first_block_title(&original), "Edited before the copy");
    assert_ne!(first_block_title(&session), "Edited before the copy");
}

#[test]
fn an_export_cancelled_writes_nothing_and_leaves_no_last_export() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(dir.path());
    session.open_at_startup(None).unwrap();
    let options = BriefingOptions::for_date(BriefingDate::from_unix_seconds(0));
    let out = dir.path().join("briefing.pdf");
    let cancelled = session
        .export_briefing(&options, &out, |_| session.cancel_export())
        .unwrap();
    assert!(cancelled.is_none());
    assert!(!out.exists());
    assert_eq!(session.last_export().unwrap_err().code, ErrorCode::NoExport);
    let exported = session
        .export_briefing(&options, &out, |_| {})
        .unwrap()
        .unwrap();
    assert!(exported.pages >= 3);
    assert_eq!(session.last_export().unwrap(), out);
}

#[test]
fn the_preview_lays_out_the_open_project() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(dir.path());
    session.open_at_startup(None).unwrap();
    let preview = session
        .briefing_preview(BriefingSettings {
            paper: crate::briefing::layout::Paper::A4,
            handout: false,
            theme: None,
        })
        .unwrap();
    assert!(preview.pages.len() >= 3);
    assert!(preview.pages[0].contains("<svg"));
}

#[test]
fn bad_result_rows_come_back_as_fields_with_their_lines() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(dir.path());
    let csv = dir.path().join("results.csv");
    std::fs::write(
        &csv,
        "metric,group,value\nvisits,pilot,3\nvisits,pilot,twelve\nvisits,pliot,4\n",
    )
    .unwrap();
    let err = session.read_results(&csv, Design::Independent).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidCsv);
    let lines: Vec<u64> = err.row_problems().iter().map(|p| p.line).collect();
    assert_eq!(lines, [3, 4]);
    assert_eq!(err.row_problems()[0].column.as_deref(), Some("value"));
    let json = serde_json::to_value(&err).unwrap();
    assert_eq!(json["code"], "invalid_csv");
    assert_eq!(json["details"]["kind"], "rows");
    assert_eq!(json["details"]["problems"][1]["line"], 4);
    assert!(matches!(err.details, Some(ErrorDetails::Rows { .. })));
}

#[test]
fn a_case_import_asks_about_duplicates_then_imports_the_same_file() {
    let dir = tempfile::tempdir().unwrap();
    let session = without_starter_cases(dir.path());
    let csv = dir.path().join("cases.csv");
    std::fs::write(
        &csv,
        "title,organisation,industry,year,summary\nShared fault log,Northern Rail Works,rail,2021,Repeat call-outs fell.\n",
    )
    .unwrap();
    assert_eq!(
        session
            .import_cases_file(&csv, OnDuplicate::Skip)
            .unwrap()
            .added,
        1
    );
    let preview = session.preview_case_import(&csv).unwrap();
    assert!(!preview.json);
    let err = session.import_cases(None, None).unwrap_err();
    assert_eq!(err.code, ErrorCode::Duplicates);
    // The file is still at hand for the answer.
    let summary = session
        .import_cases(None, Some(OnDuplicate::Update))
        .unwrap();
    assert_eq!(summary.updated, 1);
    assert_eq!(
        session.import_cases(None, None).unwrap_err().code,
        ErrorCode::NoImport
    );
}

#[test]
fn a_case_file_with_a_bad_row_imports_nothing_and_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let session = without_starter_cases(dir.path());
    let csv = dir.path().join("cases.csv");
    std::fs::write(
        &csv,
        "title,organisation,industry,year,summary\nA,Org,rail,2020,ok\nB,Org,rail,nineteen-ninety,bad year\n",
    )
    .unwrap();
    let err = session
        .import_cases_file(&csv, OnDuplicate::Skip)
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidCsv);
    assert!(!err.row_problems().is_empty());
    assert!(err.row_problems().iter().all(|p| p.line > 1));
    let out = dir.path().join("all.json");
    assert_eq!(session.export_cases(None, &out).unwrap(), 0, "nothing kept");
}

/// "Fix these lines and try again": the retry reads the file as it is now, and a file whose
/// columns moved is sent back to be chosen again rather than imported with the old mapping.
#[test]
fn a_retried_import_reads_the_fixed_file_again() {
    let dir = tempfile::tempdir().unwrap();
    let session = without_starter_cases(dir.path());
    let csv = dir.path().join("cases.csv");
    let header = "title,organisation,industry,year\n";
    std::fs::write(&csv, format!("{header}A,Org,rail,soon\n")).unwrap();
    session.preview_case_import(&csv).unwrap();
    let err = session.import_cases(None, None).unwrap_err();
    assert_eq!(err.row_problems()[0].line, 2);
    std::fs::write(&csv, format!("{header}A,Org,rail,2020\n")).unwrap();
    assert_eq!(session.import_cases(None, None).unwrap().added, 1);

    std::fs::write(&csv, format!("{header}B,Org,rail,soon\n")).unwrap();
    session.preview_case_import(&csv).unwrap();
    session.import_cases(None, None).unwrap_err();
    std::fs::write(&csv, "organisation,title,year\nOrg,B,2020\n").unwrap();
    let err = session.import_cases(None, None).unwrap_err();
    assert!(
        err.message.contains("columns of cases.csv changed"),
        "{}",
        err.message
    );
    let out = dir.path().join("all.json");
    assert_eq!(session.export_cases(None, &out).unwrap(), 1, "only A");
}
