//! `cargo bench -p casewright-core --bench coach`: linting a storyboard of 50,000 words
//! with the bundled pack plus 300 substitution rules, and re-linting one edited block.

use casewright_core::coach::{load_packs, parse_pack, Audience, RuleSet, BUNDLED};
#[path = "support/corpus.rs"]
mod corpus;

use corpus::{big_pack, big_project};

fn main() {
    divan::main();
}

fn rules() -> RuleSet {
    let (packs, errors) = load_packs(BUNDLED);
    assert!(errors.is_empty());
    let extra = parse_pack("bench.toml", &big_pack("tool")).unwrap();
    let all = packs
        .into_iter()
        .chain([extra])
        .flat_map(|p| p.rules)
        .collect();
    RuleSet::new(all, Audience::Board)
}

#[divan::bench(sample_count = 30)]
fn lint_50k_words_default_pack_and_300_more(bencher: divan::Bencher) {
    let rules = rules();
    let project = big_project();
    bencher.bench(|| rules.lint(&project).findings.len());
}

#[divan::bench(sample_count = 200)]
fn relint_one_block(bencher: divan::Bencher) {
    let rules = rules();
    let project = big_project();
    let block = &project.sections[3].blocks[7];
    bencher.bench(|| rules.lint_block(block, 3, 7).len());
}

#[divan::bench(sample_count = 10)]
fn compile_rules(bencher: divan::Bencher) {
    bencher.bench(rules);
}
