//! `casewright brand` and `photo`: pictures saved in the project and printed, hostile ones
//! refused.

mod support;

use support::*;

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
fn a_hostile_or_broken_logo_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    ok(casewright(&["new", "a.casewright", "--sample"], dir.path()));
    // A PNG header claiming 100,000 × 100,000 pixels (a decompression bomb), a text file
    // named like a picture, and a JPEG cut short.
    let bomb = casewright_test_support::png_claiming(100_000, 100_000);
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
