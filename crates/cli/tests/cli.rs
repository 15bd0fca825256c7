//! The `casewright` binary as a user runs it.

use std::path::Path;
use std::process::{Command, Output};

fn casewright(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_casewright"))
        .args(args)
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", "1795737599")
        .output()
        .expect("the casewright binary runs")
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}, stderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn failed(out: Output) -> String {
    assert!(!out.status.success(), "expected a failure");
    assert!(out.stdout.is_empty(), "errors go to stderr only");
    String::from_utf8(out.stderr).unwrap()
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
fn lint_reports_findings_and_exits_by_their_level() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("memo.md"),
        "# Proposal\n\nWe will roll out a collaboration platform to all staff.\n",
    )
    .unwrap();
    let out = casewright(&["lint", "memo.md"], dir.path());
    assert_eq!(out.status.code(), Some(1), "a draft with no ask has errors");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Proposal › block 1: warning outcomes.tool-talk.collaboration-platform"),
        "{text}"
    );
    assert!(
        text.contains("storyboard: error outcomes.structure.ask"),
        "{text}"
    );

    let out = casewright(&["lint", "memo.md", "--format", "json"], dir.path());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let finding = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "outcomes.tool-talk.collaboration-platform")
        .unwrap();
    assert_eq!(finding["excerpt"], "collaboration platform");
    assert_eq!(finding["section"], 0);
    assert!(finding["fixes"][0]["replacement"].is_string());
    assert!(json["score"].is_number());

    ok(casewright(
        &["new", "sample.casewright", "--sample"],
        dir.path(),
    ));
    let out = casewright(&["lint", "sample.casewright"], dir.path());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn lint_bad_input_exits_2_and_a_broken_pack_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let out = casewright(&["lint", "missing.md"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let out = casewright(&["lint", "x.md", "--audience", "intern"], dir.path());
    assert_eq!(out.status.code(), Some(2));

    std::fs::write(
        dir.path().join("memo.txt"),
        "Synergy everywhere. We ask for approval now.\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    std::fs::write(
        dir.path().join("rules/broken.toml"),
        "[pack]\nname = \"mine\"\n[[rule]]\nid = 3\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("rules/house.toml"),
        "[pack]\nname = \"house\"\n[[rule]]\nid = \"no-everywhere\"\nkind = \"existence\"\nlevel = \"suggestion\"\nmessage = \"Where exactly?\"\nterms = [\"everywhere\"]\n",
    )
    .unwrap();
    let out = casewright(&["lint", "memo.txt", "--rules", "rules"], dir.path());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("broken.toml:4:"), "{stderr}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("house.no-everywhere"), "{stdout}");
    assert!(stdout.contains("outcomes.concept.buzzwords"), "{stdout}");
}

/// The field names of the table under `## {heading}` in docs/lint-json.md.
fn documented_fields(doc: &str, heading: &str) -> std::collections::BTreeSet<String> {
    let table = doc
        .split(&format!("## {heading}\n"))
        .nth(1)
        .unwrap_or_else(|| panic!("no “{heading}” section"))
        .split("\n## ")
        .next()
        .unwrap();
    table
        .lines()
        .filter(|l| l.starts_with("| `"))
        .flat_map(|l| {
            let first = l.split('|').nth(1).unwrap();
            first
                .split(',')
                .map(|name| name.trim().trim_matches('`').to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

fn keys(value: &serde_json::Value) -> std::collections::BTreeSet<String> {
    value.as_object().unwrap().keys().cloned().collect()
}

#[test]
fn lint_json_has_exactly_the_documented_fields() {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/lint-json.md"
    ))
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("memo.md"),
        "# Proposal\n\nWe will roll out a collaboration platform to all staff.\n",
    )
    .unwrap();
    let out = casewright(&["lint", "memo.md", "--format", "json"], dir.path());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();

    assert_eq!(keys(&json), documented_fields(&doc, "Top level"));
    let findings = json["findings"].as_array().unwrap();
    assert!(findings.iter().any(|f| f["excerpt"].is_string()));
    assert!(findings.iter().any(|f| f["excerpt"].is_null()));
    for finding in findings {
        assert_eq!(keys(finding), documented_fields(&doc, "Finding"));
    }
    let checks = json["checks"].as_array().unwrap();
    for check in checks {
        assert_eq!(keys(check), documented_fields(&doc, "Check"));
        if !check["evidence"].is_null() {
            assert_eq!(
                keys(&check["evidence"]),
                documented_fields(&doc, "CheckEvidence")
            );
        }
    }
    let ids: Vec<&str> = checks.iter().map(|c| c["id"].as_str().unwrap()).collect();
    for id in [
        "business-case",
        "quantified-outcome",
        "case-study",
        "peer-case",
        "pilot",
        "success-measure",
        "ask",
        "urgency",
    ] {
        assert!(ids.contains(&id), "check {id} is reported");
        assert!(doc.contains(&format!("`{id}`")), "check {id} is documented");
    }
}

#[test]
fn a_hostile_or_broken_logo_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    ok(casewright(&["new", "a.casewright", "--sample"], dir.path()));
    // A PNG header claiming 100,000 × 100,000 pixels (a decompression bomb), a text file
    // named like a picture, and a JPEG cut short.
    let mut header = Vec::new();
    header.extend_from_slice(&100_000u32.to_be_bytes());
    header.extend_from_slice(&100_000u32.to_be_bytes());
    header.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut bomb = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    for (kind, data) in [
        (b"IHDR", header),
        (
            b"IDAT",
            vec![0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
        ),
        (b"IEND", Vec::new()),
    ] {
        let mut chunk = kind.to_vec();
        chunk.extend_from_slice(&data);
        bomb.extend_from_slice(&(data.len() as u32).to_be_bytes());
        bomb.extend_from_slice(&chunk);
        bomb.extend_from_slice(&crc32(&chunk).to_be_bytes());
    }
    std::fs::write(dir.path().join("bomb.png"), bomb).unwrap();
    std::fs::write(dir.path().join("notes.jpg"), "not a picture").unwrap();
    std::fs::write(dir.path().join("cut.jpg"), [0xFF, 0xD8, 0xFF, 0xE0, 0, 16]).unwrap();
    for (file, reason) in [
        ("bomb.png", "100000 × 100000 pixels"),
        ("notes.jpg", "not a JPEG or PNG"),
        ("cut.jpg", "damaged or incomplete"),
    ] {
        let err = failed(casewright(
            &["export", "a.casewright", "--pdf", "out.pdf", "--logo", file],
            dir.path(),
        ));
        assert!(
            err.contains(&format!("cannot use {file} as the logo")),
            "{err}"
        );
        assert!(err.contains(reason), "{file}: {err}");
        assert!(!dir.path().join("out.pdf").exists());
    }
    let err = failed(casewright(
        &[
            "export",
            "a.casewright",
            "--pdf",
            "out.pdf",
            "--accent",
            "plum",
        ],
        dir.path(),
    ));
    assert!(err.contains("#RRGGBB"), "{err}");
}

/// PNG's chunk checksum (CRC-32, IEEE), so the test's hand-made header is well formed.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn write_jpeg(path: &Path, width: u32, height: u32) -> Vec<u8> {
    let picture =
        image::RgbImage::from_fn(width, height, |x, y| image::Rgb([x as u8, y as u8, 90]));
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 80)
        .encode_image(&picture)
        .unwrap();
    std::fs::write(path, &bytes).unwrap();
    bytes
}

/// The JPEG streams a PDF embeds, as stored.
fn embedded_jpegs(pdf: &[u8]) -> Vec<Vec<u8>> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let mut found: Vec<Vec<u8>> = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| {
            s.dict.get(b"Filter").and_then(|f| f.as_name()).ok() == Some(b"DCTDecode".as_slice())
        })
        .map(|s| s.content.clone())
        .collect();
    found.sort();
    found
}

#[test]
fn brand_and_photo_are_saved_in_the_project_and_print_in_every_export() {
    let dir = tempfile::tempdir().unwrap();
    ok(casewright(&["new", "a.casewright", "--sample"], dir.path()));
    let logo = write_jpeg(&dir.path().join("logo.jpg"), 240, 80);
    let photo = write_jpeg(&dir.path().join("team.jpg"), 600, 400);
    ok(casewright(
        &[
            "brand",
            "a.casewright",
            "--logo",
            "logo.jpg",
            "--accent",
            "#7a1f5c",
        ],
        dir.path(),
    ));
    ok(casewright(
        &[
            "photo",
            "a.casewright",
            "--block",
            "It already works here when we let it",
            "--image",
            "team.jpg",
            "--caption",
            "Plant 2's fault board",
        ],
        dir.path(),
    ));
    ok(casewright(
        &["export", "a.casewright", "--pdf", "b.pdf"],
        dir.path(),
    ));
    let pdf = std::fs::read(dir.path().join("b.pdf")).unwrap();
    let mut expected = vec![logo, photo];
    expected.sort();
    assert_eq!(embedded_jpegs(&pdf), expected);
    let json = ok(casewright(
        &["show", "a.casewright", "--format", "json"],
        dir.path(),
    ));
    assert!(json.contains("\"accent\": \"#7a1f5c\""), "{json}");

    ok(casewright(
        &[
            "photo",
            "a.casewright",
            "--block",
            "it already works here when we let it",
            "--remove",
        ],
        dir.path(),
    ));
    ok(casewright(
        &["brand", "a.casewright", "--no-logo"],
        dir.path(),
    ));
    ok(casewright(
        &["export", "a.casewright", "--pdf", "c.pdf"],
        dir.path(),
    ));
    let pdf = std::fs::read(dir.path().join("c.pdf")).unwrap();
    assert!(embedded_jpegs(&pdf).is_empty());
}

#[test]
fn brand_and_photo_refuse_what_they_cannot_use_and_leave_the_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    ok(casewright(&["new", "a.casewright", "--sample"], dir.path()));
    std::fs::write(dir.path().join("notes.png"), "not a picture").unwrap();
    write_jpeg(&dir.path().join("team.jpg"), 60, 40);
    let before = std::fs::read(dir.path().join("a.casewright")).unwrap();
    for (args, reason) in [
        (
            vec!["brand", "a.casewright", "--logo", "notes.png"],
            "not a JPEG or PNG",
        ),
        (vec!["brand", "a.casewright", "--accent", "plum"], "#RRGGBB"),
        (vec!["brand", "a.casewright"], "needs --logo"),
        (
            vec!["brand", "a.casewright", "--logo", "team.jpg", "--no-logo"],
            "not both",
        ),
        (
            vec![
                "photo",
                "a.casewright",
                "--block",
                "No such block",
                "--image",
                "team.jpg",
            ],
            "no block is titled",
        ),
        (
            vec![
                "photo",
                "a.casewright",
                "--block",
                "Proof",
                "--remove",
                "--image",
                "team.jpg",
            ],
            "not both",
        ),
    ] {
        let err = failed(casewright(&args, dir.path()));
        assert!(err.contains(reason), "{args:?}: {err}");
    }
    assert_eq!(
        std::fs::read(dir.path().join("a.casewright")).unwrap(),
        before
    );
}

#[test]
fn pilot_json_has_exactly_the_documented_fields() {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/pilot-json.md"
    ))
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("rates.csv"),
        "trials,successes,group,metric,direction,target\n40,14,pilot,Ideas adopted,higher,0.3\n38,6,comparison,Ideas adopted,,\n",
    )
    .unwrap();
    let out = ok(casewright(
        &[
            "pilot",
            "analyze",
            "rates.csv",
            "--design",
            "proportion",
            "--format",
            "json",
        ],
        dir.path(),
    ));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(keys(&json), documented_fields(&doc, "Top level"));
    let metric = &json["metrics"][0];
    assert_eq!(keys(metric), documented_fields(&doc, "Metric"));
    assert_eq!(metric["n_pilot"], 40);
    assert_eq!(metric["estimate_pilot"], 0.35);
    assert_eq!(metric["target_met"], true);
    let warnings = metric["warnings"].as_array().unwrap();
    assert!(!warnings.is_empty());
    for warning in warnings {
        assert_eq!(keys(warning), documented_fields(&doc, "Warning"));
        let code = warning["code"].as_str().unwrap();
        assert!(doc.contains(&format!("`{code}`")), "{code} is documented");
    }
}

#[test]
fn pilot_analyze_reads_each_design_and_says_plainly_when_the_data_is_weak() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("paired.csv"),
        "subject,before,after,metric,unit,direction\nana,19,14,Days to resolve,days,lower\nben,22,18,Days to resolve,,\ncy,17,15,Days to resolve,,\ndee,25,19,Days to resolve,,\n",
    )
    .unwrap();
    let text = ok(casewright(
        &["pilot", "analyze", "paired.csv", "--design", "paired"],
        dir.path(),
    ));
    assert!(text.contains("Days to resolve (paired)"), "{text}");
    assert!(
        text.contains("after 16.5 days (n 4), before 20.75 days"),
        "{text}"
    );
    assert!(text.contains("Only 4 people or units"), "{text}");
}

#[test]
fn pilot_analyze_refuses_bad_sheets_with_every_line_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.csv"),
        "metric,group,value\nA,pilot,12\nA,pilot,twelve\nA,control,3\n",
    )
    .unwrap();
    let err = failed(casewright(
        &["pilot", "analyze", "bad.csv", "--design", "independent"],
        dir.path(),
    ));
    assert!(err.contains("2 problems"), "{err}");
    assert!(
        err.contains("line 3, column value: \"twelve\" is not a number"),
        "{err}"
    );
    assert!(err.contains("line 4, column group"), "{err}");
    std::fs::write(
        dir.path().join("latin1.csv"),
        b"metric,group,value\nCaf\xe9,pilot,1\n",
    )
    .unwrap();
    let err = failed(casewright(
        &["pilot", "analyze", "latin1.csv", "--design", "independent"],
        dir.path(),
    ));
    assert!(err.contains("line 2 is not UTF-8"), "{err}");
    let err = failed(casewright(&["pilot", "analyze", "bad.csv"], dir.path()));
    assert!(err.contains("--design"), "{err}");
}

#[test]
fn pilot_report_judges_the_projects_pilots_and_they_round_trip_through_json() {
    let dir = tempfile::tempdir().unwrap();
    ok(casewright(&["new", "a.casewright", "--sample"], dir.path()));
    let mut doc: serde_json::Value = serde_json::from_str(&ok(casewright(
        &["show", "a.casewright", "--format", "json"],
        dir.path(),
    )))
    .unwrap();
    doc["pilots"] = serde_json::json!([{
        "name": "Plant 2 problem board",
        "team": "Plant 2 maintenance",
        "start": "2026-09-01", "end": "2026-12-18", "resultsUntil": "2026-11-20",
        "criteria": [{
            "metric": "Ideas adopted", "direction": "higher", "baseline": 0.1, "target": 0.3,
            "results": {"design": "proportion",
                        "pilot": {"successes": 30, "trials": 60},
                        "comparison": {"successes": 6, "trials": 60}}
        }]
    }]);
    std::fs::write(dir.path().join("p.json"), doc.to_string()).unwrap();
    ok(casewright(
        &["new", "b.casewright", "--from", "p.json"],
        dir.path(),
    ));
    let again: serde_json::Value = serde_json::from_str(&ok(casewright(
        &["show", "b.casewright", "--format", "json"],
        dir.path(),
    )))
    .unwrap();
    assert_eq!(again["pilots"], doc["pilots"]);

    let text = ok(casewright(&["pilot", "report", "b.casewright"], dir.path()));
    assert!(
        text.contains("Plant 2 problem board, Plant 2 maintenance"),
        "{text}"
    );
    assert!(text.contains("A win: 1 of 1"), "{text}");
    assert!(text.contains("shorter"), "{text}");
    let json: serde_json::Value = serde_json::from_str(&ok(casewright(
        &["pilot", "report", "b.casewright", "--format", "json"],
        dir.path(),
    )))
    .unwrap();
    assert_eq!(json["pilots"][0]["verdict"], "win");
    assert_eq!(
        json["pilots"][0]["criteria"][0]["result"]["estimate_pilot"],
        0.5
    );

    doc["pilots"][0]["end"] = serde_json::json!("2026-08-01");
    std::fs::write(dir.path().join("bad.json"), doc.to_string()).unwrap();
    let err = failed(casewright(
        &["new", "c.casewright", "--from", "bad.json"],
        dir.path(),
    ));
    assert!(err.contains("end date is before the start date"), "{err}");
    assert!(!dir.path().join("c.casewright").exists());
}

#[test]
fn cases_import_search_and_export_through_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("lib.casewright-library");
    let library = library.to_str().unwrap();
    std::fs::write(
        dir.path().join("cases.csv"),
        "title,organisation,industry,year,outcome_kind,outcome_number,outcome_unit,outcome_description,evidence,tags\n\
         Crews cut repeat faults,Harrowgate (illustrative),manufacturing,2023,quality,21,%,fewer repeat faults,published-study,pilot\n\
         Nurses share fixes,St Brannock (illustrative),healthcare,2021,safety,,,fewer incidents,anecdote,\n",
    )
    .unwrap();
    ok(casewright(
        &["cases", "import", "cases.csv", "--library", library],
        dir.path(),
    ));
    let text = ok(casewright(
        &["cases", "search", "repe", "--library", library],
        dir.path(),
    ));
    assert!(text.contains("1 of 1 matching"), "{text}");
    assert!(
        text.contains("[repeat]"),
        "the matched word is marked: {text}"
    );
    let json: serde_json::Value = serde_json::from_str(&ok(casewright(
        &[
            "cases",
            "search",
            "",
            "--industry",
            "healthcare",
            "--format",
            "json",
            "--library",
            library,
        ],
        dir.path(),
    )))
    .unwrap();
    assert_eq!(json["total"], 1);
    assert_eq!(
        json["hits"][0]["case"]["organisation"],
        "St Brannock (illustrative)"
    );
    // Importing again skips both.
    let again = casewright(
        &["cases", "import", "cases.csv", "--library", library],
        dir.path(),
    );
    assert!(String::from_utf8_lossy(&again.stderr).contains("0 added, 0 updated, 2 already there"));
    ok(casewright(
        &["cases", "export", "out.json", "--library", library],
        dir.path(),
    ));
    let exported = std::fs::read_to_string(dir.path().join("out.json")).unwrap();
    assert!(
        exported.contains("\"casewright-cases\"") && exported.contains("Crews cut repeat faults")
    );
    // A selection: the cases matching the words and filters, alone.
    ok(casewright(
        &[
            "cases",
            "export",
            "some.csv",
            "--search",
            "fewer",
            "--industry",
            "healthcare",
            "--library",
            library,
        ],
        dir.path(),
    ));
    let some = std::fs::read_to_string(dir.path().join("some.csv")).unwrap();
    assert_eq!(some.lines().count(), 2, "the header and one case: {some}");
    assert!(some.contains("Nurses share fixes") && !some.contains("Crews cut"));

    std::fs::write(
        dir.path().join("bad.csv"),
        "title,organisation,size\nOne,A (illustrative),huge\n,B (illustrative),small\n",
    )
    .unwrap();
    let err = failed(casewright(
        &["cases", "import", "bad.csv", "--library", library],
        dir.path(),
    ));
    assert!(err.contains("line 2, column size"), "{err}");
    assert!(err.contains("line 3: the title is empty"), "{err}");
    assert!(err.contains("nothing was saved"), "{err}");
    for hostile in ["\"(", "NEAR(a b", "*", "AND"] {
        ok(casewright(
            &["cases", "search", hostile, "--library", library],
            dir.path(),
        ));
    }
}

#[test]
fn share_then_merge_back_takes_their_changes_and_stops_at_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    ok(casewright(
        &["new", "ours.casewright", "--sample"],
        dir.path(),
    ));
    let shared = ok(casewright(
        &[
            "share",
            "ours.casewright",
            "theirs.casewright",
            "--without-notes",
        ],
        dir.path(),
    ));
    assert!(
        shared.starts_with("shared a copy in theirs.casewright ("),
        "{shared}"
    );
    let nothing = ok(casewright(
        &["merge", "ours.casewright", "theirs.casewright"],
        dir.path(),
    ));
    assert!(nothing.contains("nothing to take"), "{nothing}");

    // They put a photo on a block; we caption the same block's photo differently.
    write_jpeg(&dir.path().join("team.jpg"), 300, 200);
    let block = "It already works here when we let it";
    let photo = |file: &str, caption: &str| {
        ok(casewright(
            &[
                "photo",
                file,
                "--block",
                block,
                "--image",
                "team.jpg",
                "--caption",
                caption,
            ],
            dir.path(),
        ))
    };
    photo("theirs.casewright", "Their caption");
    let plan = ok(casewright(
        &[
            "merge",
            "ours.casewright",
            "theirs.casewright",
            "--dry-run",
            "--format",
            "json",
        ],
        dir.path(),
    ));
    let plan: serde_json::Value = serde_json::from_str(&plan).unwrap();
    assert_eq!(plan["conflicts"].as_array().unwrap().len(), 0);
    assert_eq!(plan["taken"].as_array().unwrap().len(), 1, "{plan}");

    photo("ours.casewright", "Our caption");
    let out = casewright(
        &["merge", "ours.casewright", "theirs.casewright"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let listed = String::from_utf8(out.stdout).unwrap();
    assert!(listed.contains("CONFLICT 1"), "{listed}");
    assert!(listed.contains("photo changed both ways"), "{listed}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing merged"));

    let merged = ok(casewright(
        &[
            "merge",
            "ours.casewright",
            "theirs.casewright",
            "--take",
            "theirs",
        ],
        dir.path(),
    ));
    assert!(merged.contains("merged: 1 change(s)"), "{merged}");
    // Their caption won: merging again finds nothing to take and nothing in the way.
    let again = ok(casewright(
        &["merge", "ours.casewright", "theirs.casewright", "--dry-run"],
        dir.path(),
    ));
    assert!(again.contains("nothing to take"), "{again}");

    ok(casewright(
        &["new", "other.casewright", "--sample"],
        dir.path(),
    ));
    let refused = failed(casewright(
        &["merge", "ours.casewright", "other.casewright"],
        dir.path(),
    ));
    assert!(
        refused.contains("a copy of a different project"),
        "{refused}"
    );
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
fn lint_explains_what_it_raised_set_aside_and_found_supplied() {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/lint-json.md"
    ))
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("memo.md"),
        "# Proposal\n\nAvoid the word “social media” when you present.\n\n\
         Our shared wiki cut repeat questions by 30% in a year.\n\n\
         A collaboration platform will make us more creative.\n\n\
         We ask the board to approve £40,000 for a 12-week trial in two depots.\n\n\
         Start small and find case studies.\n",
    )
    .unwrap();
    let out = casewright(&["lint", "memo.md", "--format", "json"], dir.path());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let set_aside = json["setAside"].as_array().unwrap();
    for entry in set_aside {
        assert_eq!(keys(entry), documented_fields(&doc, "SetAside"));
    }
    let context_of = |excerpt: &str| {
        set_aside
            .iter()
            .find(|a| a["finding"]["excerpt"] == excerpt)
            .map(|a| a["context"].as_str().unwrap().to_string())
    };
    assert_eq!(context_of("wiki").as_deref(), Some("means-of-result"));
    assert!(context_of("social media").is_some_and(|c| c == "quoted" || c == "word-as-word"));
    let raised = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["excerpt"] == "collaboration platform")
        .expect("the tool sold as the point is raised");
    assert!(raised["reason"].as_str().unwrap().contains("benefit claim"));
    let check = |id: &str| {
        json["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(check("pilot")["passed"], true);
    assert!(check("pilot")["evidence"]["excerpt"]
        .as_str()
        .unwrap()
        .contains("12-week trial"));
    // Advice to find case studies is not a case study; the check says so.
    let case = check("case-study");
    assert_eq!(case["passed"], false);
    assert_eq!(
        case["evidence"]["excerpt"],
        "Start small and find case studies."
    );
    assert!(case["reason"].as_str().unwrap().contains("only recommends"));

    let text = casewright(&["lint", "memo.md", "--explain"], dir.path());
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("    why: “collaboration platform” is the subject of a benefit claim"),
        "{text}"
    );
    assert!(
        text.contains("set aside outcomes.tool-talk.wiki-blog (means-of-result)"),
        "{text}"
    );
    assert!(text.contains("check yes pilot"), "{text}");
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
