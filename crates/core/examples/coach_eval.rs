//! Measures the framing coach on a development set of real pitch passages annotated by
//! hand (tests/coach-devset/passages.json): recall and false-alarm rate of the wording
//! findings and of the missing-structure findings.
//!
//! `cargo run -p casewright-core --example coach_eval [-- PASSAGES.json] [--verbose]`
//! (scripts/coach-eval.sh runs it).

use std::collections::BTreeMap;

use casewright_core::coach::{bundled_rules, document_to_project, Audience, Element};
use serde::Deserialize;

#[derive(Deserialize)]
struct Passage {
    id: String,
    text: String,
    #[serde(default)]
    flag: Vec<String>,
    #[serde(default)]
    keep: Vec<Keep>,
    elements: BTreeMap<String, bool>,
}

#[derive(Deserialize)]
struct Keep {
    text: String,
}

fn overlaps(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    a.contains(&b) || b.contains(&a)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let path = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_else(|| {
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../tests/coach-devset/passages.json"
            )
            .into()
        });
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let passages: Vec<Passage> = serde_json::from_str(&text).expect("the dev set is valid JSON");
    let rules = bundled_rules(Audience::Board);

    let (mut expected, mut caught, mut wording_findings, mut false_alarms, mut keep_hits) =
        (0, 0, 0, 0, 0);
    let (mut absent, mut absent_flagged, mut structure_findings, mut structure_false) =
        (0, 0, 0, 0);
    for passage in &passages {
        let project = document_to_project(&passage.text);
        let report = rules.lint(&project);
        let wording: Vec<&str> = report
            .findings
            .iter()
            .filter(|f| !f.rule.contains(".structure.") && !f.rule.contains(".wording.long"))
            .filter_map(|f| f.excerpt.as_deref())
            .filter(|e| !e.is_empty())
            .collect();
        for flag in &passage.flag {
            expected += 1;
            if wording.iter().any(|e| overlaps(e, flag)) {
                caught += 1;
            } else if verbose {
                println!("{}: missed {flag:?}", passage.id);
            }
        }
        for excerpt in &wording {
            wording_findings += 1;
            if !passage.flag.iter().any(|f| overlaps(excerpt, f)) {
                false_alarms += 1;
                if passage.keep.iter().any(|k| overlaps(excerpt, &k.text)) {
                    keep_hits += 1;
                }
                if verbose {
                    println!("{}: false alarm {excerpt:?}", passage.id);
                }
            }
        }
        for element in Element::ALL {
            let present = passage.elements.get(element.id()).copied().unwrap_or(false);
            let check = report
                .checks
                .iter()
                .find(|c| c.id == element.id())
                .expect("every element is checked");
            if !present {
                absent += 1;
            }
            if !check.passed {
                structure_findings += 1;
                if present {
                    structure_false += 1;
                    if verbose {
                        println!(
                            "{}: says {} is missing, but it is there",
                            passage.id,
                            element.id()
                        );
                    }
                } else {
                    absent_flagged += 1;
                }
            } else if !present && verbose {
                println!("{}: did not notice {} is missing", passage.id, element.id());
            }
        }
    }
    let pct = |n: usize, d: usize| {
        if d == 0 {
            0.0
        } else {
            100.0 * n as f64 / d as f64
        }
    };
    println!("passages: {}", passages.len());
    println!(
        "tool-talk and jargon: recall {:.1}% ({caught}/{expected}), false alarms {:.1}% ({false_alarms}/{wording_findings}; {keep_hits} on hard cases)",
        pct(caught, expected),
        pct(false_alarms, wording_findings)
    );
    println!(
        "missing structure: recall {:.1}% ({absent_flagged}/{absent}), false alarms {:.1}% ({structure_false}/{structure_findings})",
        pct(absent_flagged, absent),
        pct(structure_false, structure_findings)
    );
}
