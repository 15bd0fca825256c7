//! `casewright cases` and `share`/`merge`: the case library and files between colleagues.

mod support;

use support::*;

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
