//! Each rule kind against the cases in `fixtures/rule-kinds.toml`, where every input sits
//! beside the findings it must produce.

use casewright_core::coach::{parse_pack, Audience, RuleSet};
use casewright_core::{Block, BlockKind, Project, Section};
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixture {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    pack: String,
    blocks: Vec<String>,
    expect: Vec<String>,
}

fn storyboard(bodies: &[String]) -> Project {
    Project {
        title: "Case".into(),
        author: String::new(),
        audience: String::new(),
        industry: String::new(),
        sections: vec![Section {
            id: 0,
            uid: String::new(),
            title: "One".into(),
            notes: String::new(),
            blocks: bodies
                .iter()
                .map(|body| Block {
                    body: body.clone(),
                    ..Block::new(BlockKind::Benefit, "")
                })
                .collect(),
        }],
        library: Vec::new(),
        logo: None,
        accent: None,
        pilots: Vec::new(),
        cases: Vec::new(),
    }
}

#[test]
fn every_rule_kind_fires_where_its_fixture_says_and_nowhere_else() {
    let text = include_str!("fixtures/rule-kinds.toml");
    let fixture: Fixture = toml::from_str(text).expect("the fixture file parses");
    assert!(fixture.case.len() >= 10);
    for case in &fixture.case {
        let pack_text = format!("[pack]\nname = \"case\"\n{}", case.pack);
        let pack =
            parse_pack("case.toml", &pack_text).unwrap_or_else(|e| panic!("{}: {e}", case.name));
        let rules = RuleSet::new(pack.rules, Audience::Board);
        let report = rules.lint(&storyboard(&case.blocks));
        let found: Vec<String> = report
            .findings
            .iter()
            .map(
                |f| match (&f.excerpt, case.expect.iter().any(|e| e.contains(" => "))) {
                    (None, _) => "(storyboard)".to_string(),
                    (Some(excerpt), true) => format!(
                        "{excerpt} => {}",
                        f.fixes.first().map_or("", |fix| fix.replacement.as_str())
                    ),
                    (Some(excerpt), false) => excerpt.clone(),
                },
            )
            .collect();
        assert_eq!(found, case.expect, "case “{}”", case.name);
    }
}
