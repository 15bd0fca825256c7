//! The `casewright` binary as a user runs it: new, show, export, refusals, help, a project
//! someone has open, a closed output pipe. Each subject's tests have their own file.

mod support;

use std::process::Command;

use support::*;

/// The first page's MediaBox, rounded to whole points, as pdfinfo reports it.
fn page_size(pdf: &[u8]) -> (i64, i64) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdfinfo").arg(&path).output().unwrap();
    let info = String::from_utf8(out.stdout).unwrap();
    let line = info.lines().find(|l| l.starts_with("Page size:")).unwrap();
    let numbers: Vec<f64> = line
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    (numbers[0].round() as i64, numbers[1].round() as i64)
}

#[test]
fn json_round_trips_through_new_and_show() {
    let dir = tempfile::tempdir().unwrap();
    ok(casewright(&["new", "a.casewright", "--sample"], dir.path()));
    let json = ok(casewright(
        &["show", "a.casewright", "--format", "json"],
        dir.path(),
    ));
    std::fs::write(dir.path().join("a.json"), &json).unwrap();
    ok(casewright(
        &["new", "b.casewright", "--from", "a.json"],
        dir.path(),
    ));
    let again = ok(casewright(
        &["show", "b.casewright", "--format", "json"],
        dir.path(),
    ));
    assert_eq!(json, again);
    // The sample's JSON source is itself in the exchange format.
    let sample: serde_json::Value = serde_json::from_str(include_str!(
        "../../../assets/sample/social-collaboration.json"
    ))
    .unwrap();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&json).unwrap(),
        sample
    );
}

#[test]
fn show_prints_the_storyboard_as_text() {
    let dir = tempfile::tempdir().unwrap();
    ok(casewright(
        &["new", "a.casewright", "--title", "Back the pilot"],
        dir.path(),
    ));
    let text = ok(casewright(&["show", "a.casewright"], dir.path()));
    assert!(text.starts_with("Back the pilot\n"));
    for (n, section) in casewright_core::template::ARC.iter().enumerate() {
        assert!(text.contains(&format!("{}. {section}\n", n + 1)), "{text}");
    }
    assert!(text.contains("(no blocks yet)"));
}

#[test]
fn export_writes_a_pdf() {
    let dir = tempfile::tempdir().unwrap();
    ok(casewright(&["new", "a.casewright", "--sample"], dir.path()));
    let out = casewright(
        &["export", "a.casewright", "--pdf", "brief.pdf"],
        dir.path(),
    );
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    ok(out);
    assert!(stderr.contains("pages"), "{stderr}");
    let bytes = std::fs::read(dir.path().join("brief.pdf")).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert_eq!(page_size(&bytes), (595, 842), "A4 by default");

    ok(casewright(
        &[
            "export",
            "a.casewright",
            "--pdf",
            "letter.pdf",
            "--paper",
            "letter",
        ],
        dir.path(),
    ));
    let letter = std::fs::read(dir.path().join("letter.pdf")).unwrap();
    assert_eq!(page_size(&letter), (612, 792));
    // The same input twice gives the same bytes.
    ok(casewright(
        &["export", "a.casewright", "--pdf", "again.pdf"],
        dir.path(),
    ));
    assert_eq!(std::fs::read(dir.path().join("again.pdf")).unwrap(), bytes);
    // No temporary file is left beside the output.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.contains("partial")), "{names:?}");
}

#[test]
fn refusals_are_errors_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.casewright"), "not a project").unwrap();
    let err = failed(casewright(&["show", "notes.casewright"], dir.path()));
    assert!(err.contains("not a Casewright project"), "{err}");

    let err = failed(casewright(&["show", "missing.casewright"], dir.path()));
    assert!(err.contains("does not exist"), "{err}");

    ok(casewright(&["new", "a.casewright"], dir.path()));
    let err = failed(casewright(&["new", "a.casewright", "--sample"], dir.path()));
    assert!(err.contains("already exists"), "{err}");

    std::fs::write(dir.path().join("bad.json"), "{ \"format\": 1 ").unwrap();
    let err = failed(casewright(
        &["new", "c.casewright", "--from", "bad.json"],
        dir.path(),
    ));
    assert!(err.contains("bad.json") && err.contains("line 1"), "{err}");
    assert!(
        !dir.path().join("c.casewright").exists(),
        "nothing is created on error"
    );

    // A field past the limits is named in the JSON given, not in a temporary file.
    let mut big = casewright_core::exchange::sample_project();
    big.sections[0].blocks[0].title = "x".repeat(5_000);
    std::fs::write(
        dir.path().join("big.json"),
        casewright_core::exchange::project_to_json(&big),
    )
    .unwrap();
    let err = failed(casewright(
        &["new", "d.casewright", "--from", "big.json"],
        dir.path(),
    ));
    assert!(err.contains("big.json: the project holds more"), "{err}");
    assert!(
        err.contains("in section") && err.contains("5000 characters"),
        "{err}"
    );
    assert!(!err.contains(".partial"), "{err}");
    assert!(!dir.path().join("d.casewright").exists());

    let err = failed(casewright(&["launch"], dir.path()));
    assert!(err.contains("unknown command"), "{err}");
}

#[test]
fn help_lists_the_commands() {
    let dir = tempfile::tempdir().unwrap();
    let help = ok(casewright(&["--help"], dir.path()));
    for command in ["new FILE", "show FILE", "export FILE --pdf"] {
        assert!(help.contains(command), "{help}");
    }
}

#[test]
fn a_project_someone_has_open_is_read_but_not_changed_by_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    ok(casewright(&["new", "a.casewright", "--sample"], dir.path()));
    std::fs::write(
        dir.path().join(".~lock.a.casewright#"),
        r#"{"user":"alex","host":"alex-laptop","pid":7,"since":1795000000}"#,
    )
    .unwrap();
    let before = std::fs::read(dir.path().join("a.casewright")).unwrap();
    ok(casewright(&["show", "a.casewright"], dir.path()));
    ok(casewright(
        &["export", "a.casewright", "--pdf", "b.pdf"],
        dir.path(),
    ));
    let refused = failed(casewright(
        &["brand", "a.casewright", "--accent", "#112233"],
        dir.path(),
    ));
    assert!(refused.contains("alex has this project open"), "{refused}");
    assert_eq!(
        std::fs::read(dir.path().join("a.casewright")).unwrap(),
        before
    );
}

#[test]
fn a_reader_that_stops_early_ends_the_output_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    // Far more output than a pipe holds, so the writer meets the closed pipe.
    let memo = "A collaboration platform will help us.\n\n".repeat(4000);
    std::fs::write(dir.path().join("memo.md"), memo).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_casewright"))
        .args(["lint", "memo.md"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader is dropped here: the pipe closes with most of the output unwritten.
    assert!(first.contains("collaboration platform"), "{first}");
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "exit {:?}: {stderr}", out.status);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}
