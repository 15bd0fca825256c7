//! `casewright pilot analyze` and `report`.

mod support;

use support::*;

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
