//! The framing coach: every bundled rule against its own examples, the storyboard rules
//! against small storyboards, the audience lens and the readiness score.

use casewright_core::coach::{
    bundled_rules, lint_project, load_packs, Audience, Check, Element, Level, RuleSet, SetAside,
    BUNDLED,
};
use casewright_core::exchange::sample_project;
use casewright_core::{Block, BlockKind, Direction, Project, Relation};
use casewright_test_support::project_with as project;

fn benefit(title: &str, body: &str) -> Block {
    Block {
        body: body.into(),
        ..Block::new(BlockKind::Benefit, title)
    }
}

fn story(title: &str, body: &str) -> Block {
    Block {
        body: body.into(),
        ..Block::new(BlockKind::Story, title)
    }
}

fn rule_ids(report: &casewright_core::coach::Report) -> Vec<&str> {
    report.findings.iter().map(|f| f.rule.as_str()).collect()
}

#[test]
fn every_text_rule_flags_its_examples_and_leaves_the_good_ones_alone() {
    let (packs, errors) = load_packs(BUNDLED);
    assert!(errors.is_empty(), "{errors:?}");
    let mut tested = 0;
    for pack in &packs {
        for (rule, examples) in pack.rules.iter().zip(&pack.examples) {
            let audience = rule.audiences.first().copied().unwrap_or(Audience::Board);
            let rules = RuleSet::new(vec![rule.clone()], audience);
            let kind = rule.scope.kinds[0];
            let field_is_title = !rule
                .scope
                .fields
                .contains(&casewright_core::coach::Field::Body);
            let block_with = |text: &str| {
                let mut block = Block::new(kind, "Outcome");
                if field_is_title {
                    block.title = text.into();
                } else {
                    block.body = text.into();
                }
                block
            };
            for text in &examples.flag {
                let findings = rules.lint_block(&block_with(text), 0, 0);
                assert!(
                    findings.iter().any(|f| f.rule == rule.id),
                    "{} should flag {text:?}",
                    rule.id
                );
                tested += 1;
            }
            for text in &examples.pass {
                let findings = rules.lint_block(&block_with(text), 0, 0);
                assert!(
                    !findings.iter().any(|f| f.rule == rule.id),
                    "{} should not flag {text:?}: {findings:?}",
                    rule.id
                );
                tested += 1;
            }
            let is_text_rule = matches!(
                rule.check,
                Check::Substitution { .. }
                    | Check::Existence { .. }
                    | Check::WordsPerSentence { .. }
            );
            if is_text_rule {
                assert!(
                    !examples.flag.is_empty() && !examples.pass.is_empty(),
                    "{} has no examples",
                    rule.id
                );
            }
        }
    }
    assert!(tested >= 60, "only {tested} examples ran");
}

#[test]
fn the_default_pack_has_at_least_forty_rules_with_unique_ids() {
    let (packs, _) = load_packs(BUNDLED);
    let mut ids: Vec<&str> = packs
        .iter()
        .flat_map(|p| p.rules.iter().map(|r| r.id.as_str()))
        .collect();
    assert!(ids.len() >= 40, "{}", ids.len());
    ids.sort();
    ids.dedup();
    assert!(ids.len() >= 40);
}

#[test]
fn a_substitution_finding_carries_range_excerpt_and_case_matched_fixes() {
    let rules = bundled_rules(Audience::Board);
    let block = benefit("Faster answers", "Our plan: Social media for every plant.");
    let findings = rules.lint_block(&block, 2, 1);
    let f = findings
        .iter()
        .find(|f| f.rule == "outcomes.tool-talk.social-media")
        .expect("flagged");
    assert_eq!((f.section, f.block), (Some(2), Some(1)));
    assert_eq!(f.excerpt.as_deref(), Some("Social media"));
    let body: Vec<char> = block.body.chars().collect();
    let (start, end) = (f.start.unwrap() as usize, f.end.unwrap() as usize);
    assert_eq!(body[start..end].iter().collect::<String>(), "Social media");
    assert_eq!(f.fixes[0].replacement, "Problem-solving across teams");
    assert!(f.message.contains("“Social media”"), "{}", f.message);
}

#[test]
fn offsets_count_characters_not_bytes() {
    let rules = bundled_rules(Audience::Board);
    let block = benefit("x", "Ünsere Ärzte: social media will help.");
    let findings = rules.lint_block(&block, 0, 0);
    let f = findings
        .iter()
        .find(|f| f.rule == "outcomes.tool-talk.social-media")
        .expect("flagged");
    let chars: Vec<char> = block.body.chars().collect();
    let (s, e) = (f.start.unwrap() as usize, f.end.unwrap() as usize);
    assert_eq!(chars[s..e].iter().collect::<String>(), "social media");
}

#[test]
fn the_sample_case_is_ready_and_quiet_on_structure() {
    let report = lint_project(&sample_project());
    for check in &report.checks {
        assert!(check.passed, "{} fails: {}", check.id, check.reason);
    }
    assert_eq!(report.score, 100);
    let errors: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.level == Level::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn an_empty_case_fails_every_check_with_reasons() {
    let report = lint_project(&project(vec![("Opportunity", vec![])]));
    assert_eq!(report.score, 0);
    let ids: Vec<&str> = report.checks.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "business-case",
            "quantified-outcome",
            "case-study",
            "peer-case",
            "pilot",
            "success-measure",
            "ask",
            "urgency"
        ]
    );
    assert_eq!(report.checks.iter().map(|c| c.weight).sum::<u32>(), 100);
    for id in [
        "outcomes.structure.case-study",
        "outcomes.structure.pilot",
        "outcomes.structure.ask",
    ] {
        assert!(rule_ids(&report).contains(&id), "{id} missing");
    }
}

#[test]
fn each_element_is_recognised_from_fields_or_wording() {
    let story = |relation| Block {
        relation,
        body: "They cut stoppages by 23%.".into(),
        organisation: Some("Harbourline (illustrative)".into()),
        ..Block::new(BlockKind::Story, "It worked there")
    };
    let check = |p: &Project, element: Element| {
        lint_project(p)
            .checks
            .iter()
            .find(|c| c.id == element.id())
            .unwrap()
            .passed
    };
    let base = |blocks| project(vec![("One", blocks)]);
    assert!(check(&base(vec![story(None)]), Element::CaseStudy));
    assert!(!check(&base(vec![story(None)]), Element::PeerCase));
    assert!(check(
        &base(vec![story(Some(Relation::Competitor))]),
        Element::PeerCase
    ));
    let metric = Block {
        number: Some(1.1),
        unit: Some("m USD saving a year".into()),
        target: Some(12.0),
        direction: Some(Direction::Lower),
        ..Block::new(BlockKind::Metric, "Saving of $1.1m a year")
    };
    let p = base(vec![metric]);
    assert!(check(&p, Element::BusinessCase));
    assert!(check(&p, Element::QuantifiedOutcome));
    assert!(check(&p, Element::SuccessMeasure));
    let words = base(vec![benefit(
        "Start small",
        "A 12-week pilot at one site; we ask the board to approve it by 30 June.",
    )]);
    assert!(check(&words, Element::Pilot));
    assert!(check(&words, Element::Ask));
    assert!(check(&words, Element::Urgency));
}

#[test]
fn the_ask_belongs_in_the_last_section() {
    let ask = benefit("The ask", "We ask the board to approve $150,000.");
    let early = project(vec![
        ("Ask", vec![ask.clone()]),
        ("Proof", vec![benefit("x", "y")]),
    ]);
    assert!(rule_ids(&lint_project(&early)).contains(&"outcomes.structure.ask-last"));
    let late = project(vec![("Proof", vec![benefit("x", "y")]), ("Ask", vec![ask])]);
    assert!(!rule_ids(&lint_project(&late)).contains(&"outcomes.structure.ask-last"));
}

#[test]
fn a_benefit_needs_evidence_beside_it() {
    let lonely = project(vec![
        ("One", vec![benefit("Faster answers", "")]),
        ("Two", vec![]),
        ("Three", vec![Block::new(BlockKind::Metric, "Far away")]),
    ]);
    let report = lint_project(&lonely);
    let linkage: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.rule == "outcomes.structure.evidence-linkage")
        .collect();
    assert_eq!(linkage.len(), 1);
    assert_eq!(linkage[0].section, Some(0));
    let backed = project(vec![
        ("One", vec![benefit("Faster answers", "")]),
        ("Two", vec![Block::new(BlockKind::Story, "Next door")]),
    ]);
    assert!(!rule_ids(&lint_project(&backed)).contains(&"outcomes.structure.evidence-linkage"));
}

#[test]
fn a_claim_without_a_number_is_flagged_as_vague() {
    let report = lint_project(&project(vec![(
        "One",
        vec![benefit("More ideas", "From more people.")],
    )]));
    assert!(rule_ids(&report).contains(&"outcomes.structure.concreteness"));
    let report = lint_project(&project(vec![(
        "One",
        vec![benefit("More ideas", "From 45 people, up from 15.")],
    )]));
    assert!(!rule_ids(&report).contains(&"outcomes.structure.concreteness"));
}

#[test]
fn a_case_of_only_losses_is_out_of_balance() {
    let gloom = benefit(
        "Risk",
        "We lose ground, we lose staff, the risk of decline grows into a threat.",
    );
    assert!(
        rule_ids(&lint_project(&project(vec![("One", vec![gloom])])))
            .contains(&"outcomes.structure.balance")
    );
    let mixed = benefit(
        "Risk and gain",
        "We lose ground now, but we gain speed, grow faster and win new work.",
    );
    assert!(
        !rule_ids(&lint_project(&project(vec![("One", vec![mixed])])))
            .contains(&"outcomes.structure.balance")
    );
}

#[test]
fn roi_without_a_cost_is_flagged_once() {
    let p = project(vec![(
        "One",
        vec![benefit("It pays for itself", "The ROI is clear.")],
    )]);
    let report = lint_project(&p);
    assert_eq!(
        rule_ids(&report)
            .iter()
            .filter(|r| **r == "outcomes.evidence.roi-needs-cost")
            .count(),
        1
    );
    let p = project(vec![(
        "One",
        vec![benefit(
            "It pays for itself",
            "The ROI is clear; the cost is $150,000.",
        )],
    )]);
    assert!(!rule_ids(&lint_project(&p)).contains(&"outcomes.evidence.roi-needs-cost"));
}

#[test]
fn a_return_only_asked_for_or_reported_needs_no_cost_but_a_promise_does() {
    const RULE: &str = "outcomes.evidence.roi-needs-cost";
    let asked = benefit(
        "What the panel wants",
        "Panels now want a clear payback before they fund any trial.",
    );
    let reported = story(
        "Harbour Freight",
        "A survey of depot managers found an ROI of 40% on shared rotas.",
    );
    let report = lint_project(&project(vec![("One", vec![asked.clone(), reported])]));
    assert!(!rule_ids(&report).contains(&RULE));
    let kinds: Vec<_> = report
        .set_aside
        .iter()
        .filter(|s| s.finding.rule == RULE)
        .map(|s| s.context)
        .collect();
    assert_eq!(kinds, [SetAside::NotPromised, SetAside::QuotedStatistic]);

    let promised = benefit(
        "Shared rotas",
        "The shared rota will deliver a fast payback for the depots.",
    );
    let report = lint_project(&project(vec![("One", vec![asked, promised])]));
    let raised: Vec<_> = report.findings.iter().filter(|f| f.rule == RULE).collect();
    assert_eq!(raised.len(), 1);
    assert_eq!(raised[0].block, Some(1), "the promise, not the question");
    assert!(raised[0]
        .reason
        .as_deref()
        .unwrap_or("")
        .contains("promised"));
}

#[test]
fn a_study_cited_with_its_source_needs_no_source_named_elsewhere() {
    const RULE: &str = "outcomes.evidence.study-needs-source";
    let bare = benefit("Evidence", "Studies show that shared rotas cut overtime.");
    assert!(rule_ids(&lint_project(&project(vec![("One", vec![bare])]))).contains(&RULE));
    let marked = benefit(
        "Evidence",
        "A study of twelve depots [4] found that shared rotas cut overtime.",
    );
    let report = lint_project(&project(vec![("One", vec![marked])]));
    assert!(!rule_ids(&report).contains(&RULE));
    assert!(report
        .set_aside
        .iter()
        .any(|s| s.finding.rule == RULE && s.context == SetAside::Sourced));
}

#[test]
fn the_audience_lens_adds_rules_and_changes_advice() {
    let p = |audience: &str| Project {
        audience: audience.into(),
        ..project(vec![(
            "One",
            vec![benefit("Innovation for all", "Innovation will follow.")],
        )])
    };
    let board = lint_project(&p("The Board of Directors"));
    let cfo = lint_project(&p("Dana Reyes, CFO"));
    assert!(!rule_ids(&board).contains(&"outcomes.lens.cfo-vague-innovation"));
    assert!(rule_ids(&cfo).contains(&"outcomes.lens.cfo-vague-innovation"));
    assert!(rule_ids(&cfo).contains(&"outcomes.lens.cfo-payback"));
    let coo = lint_project(&p("Chief Operating Officer"));
    let fix = coo
        .findings
        .iter()
        .find(|f| f.rule == "outcomes.lens.coo-throughput")
        .map(|f| f.fixes[0].replacement.clone());
    assert_eq!(fix.as_deref(), Some("Fewer stoppages"));
}

#[test]
fn storyboard_findings_have_no_block_and_the_json_shape_is_stable() {
    let report = lint_project(&project(vec![("One", vec![])]));
    let json = serde_json::to_value(&report).unwrap();
    let finding = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "outcomes.structure.ask")
        .unwrap();
    assert!(finding["block"].is_null() && finding["excerpt"].is_null());
    assert_eq!(finding["level"], "error");
    assert!(json["checks"][0]["weight"].is_number());
    assert_eq!(json["score"], 0);
}

/// Every finding and every set-aside candidate points at real characters of its field, and
/// every check's evidence quotes its field.
fn assert_points_into_fields(project: &Project, report: &casewright_core::coach::Report) {
    // Each field's characters, counted once (a megabyte field has thousands of findings).
    let mut counted = std::collections::HashMap::new();
    for (si, section) in project.sections.iter().enumerate() {
        for (bi, block) in section.blocks.iter().enumerate() {
            let at = (Some(si as u32), Some(bi as u32));
            counted.insert((at, true), block.title.chars().collect::<Vec<char>>());
            counted.insert((at, false), block.body.chars().collect::<Vec<char>>());
        }
    }
    let field_of = |s: Option<u32>, b: Option<u32>, field| -> &Vec<char> {
        let title = matches!(field, Some(casewright_core::coach::Field::Title));
        &counted[&((s, b), title)]
    };
    let findings = report
        .findings
        .iter()
        .chain(report.set_aside.iter().map(|a| &a.finding))
        .filter(|f| f.excerpt.is_some());
    for f in findings {
        let chars = field_of(f.section, f.block, f.field);
        let (s, e) = (f.start.unwrap() as usize, f.end.unwrap() as usize);
        assert!(s <= e && e <= chars.len(), "{f:?}");
        assert_eq!(
            chars[s..e].iter().collect::<String>(),
            *f.excerpt.as_ref().unwrap()
        );
    }
    for c in &report.checks {
        if let Some(ev) = c.evidence.as_ref().filter(|e| e.start.is_some()) {
            let chars = field_of(ev.section, ev.block, ev.field);
            let (s, e) = (ev.start.unwrap() as usize, ev.end.unwrap() as usize);
            assert!(s <= e && e <= chars.len(), "{ev:?}");
            let quoted: String = chars[s..e].iter().collect();
            assert_eq!(quoted.trim(), ev.excerpt);
        }
    }
}

#[test]
fn text_of_any_size_or_script_gets_findings_that_point_at_it() {
    let megabyte_without_stops = "our social media platform helps teams ".repeat(27_000);
    let table =
        "| channel | result |\n|---|---|\n| social media | +12% sales |\n| wiki | 3 days faster |";
    let bodies = [
        "🚀🚀 social media 🚀 for the “wiki” 😀’s sake… synergy!".to_string(),
        "منصة social media للتعاون تساعد الفرق. نريد wiki الآن".to_string(),
        "ウィキ social media を使う。synergy は不要".to_string(),
        megabyte_without_stops,
        table.to_string(),
        "\u{202e}social media\u{202c} \u{0}\u{feff}wiki\r\n\r\n“unclosed quote social learning"
            .to_string(),
        String::new(),
    ];
    let blocks = bodies
        .iter()
        .map(|b| benefit("A collaboration platform, “quoted", b))
        .collect();
    let p = project(vec![("All of it", blocks)]);
    let report = lint_project(&p);
    assert!(
        report.findings.iter().any(|f| f.excerpt.is_some()),
        "tool-talk in these texts is found"
    );
    assert_points_into_fields(&p, &report);
}

#[test]
fn the_context_stage_sets_aside_what_is_not_the_argument_and_says_why() {
    let p = project(vec![(
        "Case",
        vec![
            benefit(
                "x",
                "Our depot wiki cut repeat call-outs by 18% in six months.",
            ),
            benefit(
                "y",
                "Avoid the phrase “social learning” in the board paper.",
            ),
            benefit("z", "Social learning will make everyone more innovative."),
        ],
    )]);
    let report = lint_project(&p);
    let aside: Vec<(&str, &str)> = report
        .set_aside
        .iter()
        .map(|a| (a.finding.excerpt.as_deref().unwrap(), a.context.id()))
        .collect();
    assert!(aside.contains(&("wiki", "means-of-result")), "{aside:?}");
    assert!(
        aside
            .iter()
            .any(|(e, c)| *e == "social learning" && (*c == "quoted" || *c == "word-as-word")),
        "{aside:?}"
    );
    let raised = report
        .findings
        .iter()
        .find(|f| f.excerpt.as_deref() == Some("Social learning"))
        .expect("the claim in tool terms is raised");
    assert!(raised.reason.as_deref().unwrap().contains("benefit claim"));
    assert_points_into_fields(&p, &report);
}

/// The words of a text, lower-case, for comparing passages however they are punctuated.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn no_rule_example_copies_a_blind_passage_or_its_annotations() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/");
    let mut passages: Vec<(String, Vec<String>)> = Vec::new();
    for set in ["coach-testset/passages.json", "coach-corpus/blind.json"] {
        let Ok(text) = std::fs::read_to_string(format!("{root}{set}")) else {
            continue;
        };
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        for p in json.as_array().unwrap() {
            let mut phrases: Vec<String> = Vec::new();
            for flag in p["flag"].as_array().into_iter().flatten() {
                phrases.extend(flag.as_str().map(str::to_string));
            }
            for span in p["spans"].as_array().into_iter().flatten() {
                phrases.extend(span["text"].as_str().map(str::to_string));
            }
            passages.push((p["text"].as_str().unwrap().to_string(), phrases));
        }
    }
    assert!(!passages.is_empty(), "the blind sets are in the repository");
    let (packs, _) = load_packs(BUNDLED);
    for pack in &packs {
        for (rule, examples) in pack.rules.iter().zip(&pack.examples) {
            for example in examples.flag.iter().chain(&examples.pass) {
                let ex = words(example);
                for (text, phrases) in &passages {
                    let passage = words(text);
                    let copied =
                        ex.len() >= 6 && passage.windows(6).any(|w| ex.windows(6).any(|e| e == w));
                    assert!(
                        !copied,
                        "{}: example {example:?} copies a blind passage",
                        rule.id
                    );
                    for phrase in phrases {
                        let phrase = words(phrase);
                        assert!(
                            phrase.len() < 3 || ex != phrase,
                            "{}: example {example:?} is an annotated phrase of a blind passage",
                            rule.id
                        );
                    }
                }
            }
        }
    }
}
