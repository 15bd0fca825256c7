//! `casewright lint`: findings, exit codes, the documented JSON and its explanations.

mod support;

use support::*;

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
