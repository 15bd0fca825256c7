//! `cargo bench -p casewright-core --bench coach`: linting a storyboard of 50,000 words
//! with the bundled pack plus 300 substitution rules, and re-linting one edited block.

use casewright_core::coach::{load_packs, parse_pack, Audience, RuleSet, BUNDLED};
use casewright_core::{Block, BlockKind, Project, Section};

fn main() {
    divan::main();
}

const WORDS: [&str; 12] = [
    "teams", "solve", "problems", "faster", "when", "they", "share", "what", "works", "across",
    "sites", "daily",
];

/// A pack of 300 substitution rules, one jargon term each.
fn big_pack() -> String {
    let mut pack = String::from("[pack]\nname = \"bench\"\n");
    for i in 0..300 {
        pack.push_str(&format!(
            "[[rule]]\nid = \"r{i}\"\nkind = \"substitution\"\nlevel = \"warning\"\n\
             message = \"Say {{rewrites}} instead of {{match}}.\"\n\
             swap = {{ \"jargon{i} term\" = [\"outcome{i}\"] }}\n"
        ));
    }
    pack
}

/// 50,000 words in 200 blocks over 10 sections, one jargon term every 50 words.
fn big_project() -> Project {
    let mut n = 0;
    let sections = (0..10)
        .map(|s| Section {
            id: 0,
            title: format!("Section {s}"),
            notes: String::new(),
            blocks: (0..20)
                .map(|b| {
                    let body: Vec<String> = (0..250)
                        .map(|_| {
                            n += 1;
                            if n % 50 == 0 {
                                format!("jargon{} term", n % 300)
                            } else {
                                WORDS[n % WORDS.len()].to_string()
                            }
                        })
                        .collect();
                    Block {
                        body: body.join(" ") + ".",
                        ..Block::new(BlockKind::Benefit, format!("Outcome {s}.{b} of 40%"))
                    }
                })
                .collect(),
        })
        .collect();
    Project {
        title: "Bench".into(),
        author: String::new(),
        audience: String::new(),
        sections,
        library: Vec::new(),
    }
}

fn rules() -> RuleSet {
    let (packs, errors) = load_packs(BUNDLED);
    assert!(errors.is_empty());
    let extra = parse_pack("bench.toml", &big_pack()).unwrap();
    let all = packs
        .into_iter()
        .chain([extra])
        .flat_map(|p| p.rules)
        .collect();
    RuleSet::new(all, Audience::Board)
}

#[divan::bench(sample_count = 30)]
fn lint_50k_words_345_rules(bencher: divan::Bencher) {
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
