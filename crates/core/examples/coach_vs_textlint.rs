//! The coach's half of `scripts/coach-vs-textlint.sh`: writes the shared inputs (the
//! 50,000-word storyboard as Markdown, the 300-term dictionary as a prh YAML file and a
//! textlint config) into OUT_DIR, then lints the same text with the same dictionary and
//! prints the median time of the runs as JSON.
//!
//! `cargo run --release -p casewright-core --example coach_vs_textlint -- OUT_DIR [RUNS]`

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::time::Instant;

use casewright_core::coach::{document_to_project, parse_pack, Audience, RuleSet};

fn main() {
    let mut args = std::env::args().skip(1);
    let out = std::path::PathBuf::from(
        args.next()
            .expect("usage: coach_vs_textlint OUT_DIR [RUNS]"),
    );
    let runs: usize = args
        .next()
        .map_or(30, |r| r.parse().expect("RUNS is a number"));
    std::fs::create_dir_all(&out).expect("OUT_DIR can be created");

    let markdown = corpus::as_markdown(&corpus::big_project());
    std::fs::write(out.join("storyboard.md"), &markdown).unwrap();
    std::fs::write(out.join("prh.yml"), corpus::as_prh_yaml()).unwrap();
    std::fs::write(
        out.join(".textlintrc.json"),
        r#"{ "rules": { "prh": { "rulePaths": ["./prh.yml"] } } }"#,
    )
    .unwrap();

    // Only the dictionary: the same rules textlint gets, and the same job (every match a
    // finding; read in context as tools, the filler sentences sell nothing and all 1,000
    // would be set aside, which is not the job prh does).
    let pack = parse_pack("dictionary.toml", &corpus::big_pack("none")).unwrap();
    let started = Instant::now();
    let rules = RuleSet::new(pack.rules, Audience::Board);
    let compile_ms = started.elapsed().as_secs_f64() * 1e3;
    let words: usize = markdown.split_whitespace().count();

    let mut times = Vec::with_capacity(runs);
    let mut findings = 0;
    for _ in 0..runs {
        // Like textlint's run: reading the Markdown into blocks, then linting.
        let started = Instant::now();
        let project = document_to_project(&markdown);
        let report = rules.lint(&project);
        times.push(started.elapsed().as_secs_f64() * 1e3);
        findings = report
            .findings
            .iter()
            .filter(|f| f.rule.starts_with("bench."))
            .count();
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{{\"tool\": \"casewright\", \"words\": {words}, \"rules\": 300, \"runs\": {runs}, \"median_ms\": {:.3}, \"compile_ms\": {compile_ms:.3}, \"findings\": {findings}}}",
        times[runs / 2]
    );
}
