//! Measures the framing coach on annotated passages of real writing, per set: tool-talk
//! recall, false alarms on do-not-flag spans, findings on clean prose, checklist agreement
//! per element, and how often advice fooled the checklist. Spans match by overlap of
//! character ranges in the passage. Reads both the corpus format
//! (tests/coach-corpus/GUIDELINE.md) and the older sets' format (`flag` strings, `keep`
//! objects and boolean elements; every occurrence of a string is a span).
//!
//! `cargo run -p casewright-core --example coach_eval -- SET.json... [--verbose] [--json]`
//! (scripts/coach-eval.sh runs it on every set).

use std::collections::BTreeMap;

use casewright_core::coach::{bundled_rules, document_to_project, Audience, Element, Report};
use serde::Deserialize;
use serde_json::{json, Value};

#[derive(Deserialize)]
struct Raw {
    id: String,
    text: String,
    #[serde(default)]
    spans: Option<Vec<RawSpan>>,
    #[serde(default)]
    flag: Vec<String>,
    #[serde(default)]
    keep: Vec<Keep>,
    elements: BTreeMap<String, Value>,
}

#[derive(Deserialize)]
struct RawSpan {
    text: String,
    occurrence: usize,
    label: String,
    kind: String,
}

#[derive(Deserialize)]
struct Keep {
    text: String,
}

#[derive(Clone, Copy, PartialEq)]
enum Label {
    Flag,
    Keep,
    May,
}

struct Span {
    range: (usize, usize),
    label: Label,
    kind: String,
    text: String,
}

struct Passage {
    id: String,
    text: String,
    spans: Vec<Span>,
    /// Per element: "supplied", "advised" or "absent".
    elements: BTreeMap<String, String>,
}

fn nth(text: &str, needle: &str, occurrence: usize) -> Option<usize> {
    text.match_indices(needle)
        .nth(occurrence - 1)
        .map(|(i, _)| i)
}

fn load(path: &str) -> Vec<Passage> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let raw: Vec<Raw> =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path} is not a passage list: {e}"));
    raw.into_iter()
        .map(|r| {
            let mut spans = Vec::new();
            if let Some(list) = r.spans {
                for s in list {
                    let at = nth(&r.text, &s.text, s.occurrence.max(1))
                        .unwrap_or_else(|| panic!("{}: span {:?} not in text", r.id, s.text));
                    let label = match s.label.as_str() {
                        "flag" => Label::Flag,
                        "keep" => Label::Keep,
                        _ => Label::May,
                    };
                    spans.push(Span {
                        range: (at, at + s.text.len()),
                        label,
                        kind: s.kind,
                        text: s.text,
                    });
                }
            } else {
                let all = |needle: &str, label: Label, kind: &str, spans: &mut Vec<Span>| {
                    for (at, _) in r.text.match_indices(needle) {
                        spans.push(Span {
                            range: (at, at + needle.len()),
                            label,
                            kind: kind.to_string(),
                            text: needle.to_string(),
                        });
                    }
                };
                for f in &r.flag {
                    all(f, Label::Flag, "tool-argument", &mut spans);
                }
                for k in &r.keep {
                    all(&k.text, Label::Keep, "keep", &mut spans);
                }
            }
            let elements = r
                .elements
                .into_iter()
                .map(|(k, v)| {
                    let state = match v {
                        Value::Bool(true) => "supplied".to_string(),
                        Value::Bool(false) => "absent".to_string(),
                        Value::String(s) => s,
                        other => panic!("{}: element {k}: {other}", r.id),
                    };
                    (k, state)
                })
                .collect();
            Passage {
                id: r.id,
                text: r.text,
                spans,
                elements,
            }
        })
        .collect()
}

/// Maps each character of a block's body to its byte in the passage: the draft reader
/// joins lines with spaces and strips list markers, so whitespace and markers are skipped.
fn align(passage: &str, body: &str, from: &mut usize) -> Vec<usize> {
    let mut map = Vec::with_capacity(body.len());
    let bytes: Vec<(usize, char)> = passage.char_indices().collect();
    let mut at = bytes.partition_point(|&(i, _)| i < *from);
    for c in body.chars() {
        if c.is_whitespace() {
            map.push(bytes.get(at).map_or(passage.len(), |&(i, _)| i));
            continue;
        }
        while at < bytes.len() && bytes[at].1 != c {
            at += 1;
        }
        map.push(bytes.get(at).map_or(passage.len(), |&(i, _)| i));
        if at < bytes.len() {
            at += 1;
        }
    }
    *from = bytes.get(at).map_or(passage.len(), |&(i, _)| i);
    map
}

/// The passage byte ranges of the report's span findings (wording rules; not the
/// structural ones whose range is a whole sentence or title).
fn finding_ranges(
    passage: &Passage,
    report: &Report,
    project_bodies: &[String],
    section_starts: &[usize],
) -> Vec<(usize, usize, String)> {
    let mut from = 0;
    let maps: Vec<Vec<usize>> = project_bodies
        .iter()
        .map(|b| align(&passage.text, b, &mut from))
        .collect();
    report
        .findings
        .iter()
        .filter(|f| is_span_rule(&f.rule))
        .filter_map(|f| {
            let block = section_starts.get(f.section? as usize)? + f.block? as usize;
            let map = maps.get(block)?;
            let (s, e) = (f.start? as usize, f.end? as usize);
            let start = *map.get(s)?;
            let end = map.get(e.saturating_sub(1)).map(|&i| i + 1)?;
            Some((start, end.max(start + 1), f.rule.clone()))
        })
        .collect()
}

fn is_span_rule(rule: &str) -> bool {
    !(rule.contains(".structure.")
        || rule.ends_with("wording.long-sentences")
        || rule.ends_with("evidence.concrete")
        || rule.contains(".linkage"))
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

#[derive(Default)]
struct Tally {
    passages: usize,
    flags: BTreeMap<String, (usize, usize)>,
    keeps: (usize, usize),
    keep_kinds: BTreeMap<String, (usize, usize)>,
    clean: (usize, usize),
    unannotated: usize,
    elements: BTreeMap<String, (usize, usize)>,
    advised: (usize, usize),
    set_aside: BTreeMap<String, usize>,
    errors: BTreeMap<String, usize>,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let as_json = args.iter().any(|a| a == "--json");
    let rules = bundled_rules(Audience::Board);
    let mut all = Vec::new();
    for path in args.iter().filter(|a| !a.starts_with("--")) {
        let passages = load(path);
        let mut t = Tally::default();
        for passage in &passages {
            evaluate(passage, &rules, &mut t, verbose);
        }
        let summary = summarise(path, &t);
        if !as_json {
            print_summary(&summary);
        }
        all.push(summary);
    }
    if as_json {
        println!("{}", serde_json::to_string_pretty(&all).expect("json"));
    }
}

fn evaluate(
    passage: &Passage,
    rules: &casewright_core::coach::RuleSet,
    t: &mut Tally,
    verbose: bool,
) {
    t.passages += 1;
    let project = document_to_project(&passage.text);
    let bodies: Vec<String> = project
        .sections
        .iter()
        .flat_map(|s| s.blocks.iter().map(|b| b.body.clone()))
        .collect();
    let section_starts: Vec<usize> = project
        .sections
        .iter()
        .scan(0, |n, s| {
            let start = *n;
            *n += s.blocks.len();
            Some(start)
        })
        .collect();
    let report = rules.lint(&project);
    let found = finding_ranges(passage, &report, &bodies, &section_starts);
    let is_clean = !passage.spans.iter().any(|s| s.label == Label::Flag);
    for span in &passage.spans {
        let hit = found.iter().any(|&(s, e, _)| overlaps((s, e), span.range));
        match span.label {
            Label::Flag => {
                let entry = t.flags.entry(span.kind.clone()).or_default();
                entry.0 += 1;
                if hit {
                    entry.1 += 1;
                } else {
                    *t.errors.entry(format!("missed {}", span.kind)).or_default() += 1;
                    if verbose {
                        println!("{}: missed {:?} ({})", passage.id, span.text, span.kind);
                    }
                }
            }
            Label::Keep => {
                t.keeps.0 += 1;
                let entry = t.keep_kinds.entry(span.kind.clone()).or_default();
                entry.0 += 1;
                if hit {
                    t.keeps.1 += 1;
                    entry.1 += 1;
                    *t.errors
                        .entry(format!("flagged a keep: {}", span.kind))
                        .or_default() += 1;
                    if verbose {
                        println!(
                            "{}: false alarm on {:?} ({})",
                            passage.id, span.text, span.kind
                        );
                    }
                }
            }
            Label::May => {}
        }
    }
    for &(s, e, ref rule) in &found {
        let on_span = passage.spans.iter().any(|sp| overlaps((s, e), sp.range));
        if !on_span {
            t.unannotated += 1;
        }
        let on_may = passage
            .spans
            .iter()
            .any(|sp| sp.label == Label::May && overlaps((s, e), sp.range));
        if is_clean && !on_may {
            t.clean.1 += 1;
            *t.errors.entry("finding on clean prose".into()).or_default() += 1;
            if verbose {
                println!(
                    "{}: finding on clean prose {:?} ({rule})",
                    passage.id,
                    &passage.text[s..e]
                );
            }
        }
    }
    if is_clean {
        t.clean.0 += 1;
    }
    for aside in &report.set_aside {
        *t.set_aside
            .entry(aside.context.id().to_string())
            .or_default() += 1;
    }
    for element in Element::ALL {
        let state = passage
            .elements
            .get(element.id())
            .map(String::as_str)
            .unwrap_or("absent");
        let supplied = state == "supplied";
        let check = report
            .checks
            .iter()
            .find(|c| c.id == element.id())
            .expect("every element is checked");
        let entry = t.elements.entry(element.id().to_string()).or_default();
        entry.0 += 1;
        if check.passed == supplied {
            entry.1 += 1;
        } else {
            let what = if check.passed { "ticked" } else { "missed" };
            *t.errors
                .entry(format!("checklist {what} {}", element.id()))
                .or_default() += 1;
            if verbose {
                println!(
                    "{}: checklist {what} {} (annotated {state})",
                    passage.id,
                    element.id()
                );
            }
        }
        if state == "advised" {
            t.advised.0 += 1;
            if check.passed {
                t.advised.1 += 1;
            }
        }
    }
}

fn ratio(n: usize, d: usize) -> Value {
    if d == 0 {
        Value::Null
    } else {
        json!((n as f64 / d as f64 * 1000.0).round() / 1000.0)
    }
}

fn summarise(path: &str, t: &Tally) -> Value {
    let flags_total: (usize, usize) = t.flags.values().fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    let tool = t.flags.get("tool-argument").copied().unwrap_or_default();
    let mut errors: Vec<(&String, &usize)> = t.errors.iter().collect();
    errors.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    json!({
        "set": path.rsplit('/').take(2).collect::<Vec<_>>().into_iter().rev().collect::<Vec<_>>().join("/"),
        "passages": t.passages,
        "tool_talk_recall": ratio(tool.1, tool.0),
        "tool_talk_spans": tool.0,
        "flag_recall_all": ratio(flags_total.1, flags_total.0),
        "flag_spans": flags_total.0,
        "recall_by_kind": t.flags.iter().map(|(k, v)| (k.clone(), json!({"recall": ratio(v.1, v.0), "spans": v.0}))).collect::<serde_json::Map<_, _>>(),
        "false_alarms_on_keep": ratio(t.keeps.1, t.keeps.0),
        "keep_spans": t.keeps.0,
        "false_alarms_by_kind": t.keep_kinds.iter().map(|(k, v)| (k.clone(), json!({"rate": ratio(v.1, v.0), "spans": v.0}))).collect::<serde_json::Map<_, _>>(),
        "clean_passages": t.clean.0,
        "findings_on_clean_prose": t.clean.1,
        "findings_on_no_span": t.unannotated,
        "checklist_agreement": t.elements.iter().map(|(k, v)| (k.clone(), ratio(v.1, v.0))).collect::<serde_json::Map<_, _>>(),
        "advice_counted_as_supplied": ratio(t.advised.1, t.advised.0),
        "advised_elements": t.advised.0,
        "set_aside": t.set_aside,
        "commonest_errors": errors.iter().take(10).map(|(k, v)| json!([k, v])).collect::<Vec<_>>(),
    })
}

fn print_summary(s: &Value) {
    let pct = |v: &Value| {
        v.as_f64()
            .map_or("n/a".to_string(), |x| format!("{:.1}%", x * 100.0))
    };
    println!(
        "{} ({} passages)",
        s["set"].as_str().unwrap_or(""),
        s["passages"]
    );
    println!(
        "  tool-talk recall {} of {} spans; all flags {} of {}",
        pct(&s["tool_talk_recall"]),
        s["tool_talk_spans"],
        pct(&s["flag_recall_all"]),
        s["flag_spans"]
    );
    println!(
        "  false alarms on do-not-flag spans {} of {}; findings on clean prose {} in {} clean passages; findings on no annotated span {}",
        pct(&s["false_alarms_on_keep"]),
        s["keep_spans"],
        s["findings_on_clean_prose"],
        s["clean_passages"],
        s["findings_on_no_span"]
    );
    let agreement: Vec<String> = s["checklist_agreement"]
        .as_object()
        .map(|m| m.iter().map(|(k, v)| format!("{k} {}", pct(v))).collect())
        .unwrap_or_default();
    println!("  checklist agreement: {}", agreement.join(", "));
    println!(
        "  advice counted as supplied {} of {} advised elements",
        pct(&s["advice_counted_as_supplied"]),
        s["advised_elements"]
    );
    println!("  set aside: {}", s["set_aside"]);
    println!("  commonest errors: {}", s["commonest_errors"]);
}
