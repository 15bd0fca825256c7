//! The coach benchmarks' inputs, shared by `benches/coach.rs` and
//! `examples/coach_vs_textlint.rs`, `examples/coach_first.rs`: a dictionary of 300 jargon
//! terms and a storyboard of 50,000 words in sentences of 15 words that uses them, and the
//! default pack's tool-talk and buzzwords in the contexts the context stage reads (a
//! quotation, a measured result, a name, a plain claim), so every match takes its costly
//! path.

use casewright_core::{Block, BlockKind, Project, Section};

const WORDS: [&str; 12] = [
    "teams", "solve", "problems", "faster", "when", "they", "share", "what", "works", "across",
    "sites", "daily",
];

/// The default pack's terms, in the contexts the context stage tells apart.
const TOOL_TALK: [&str; 8] = [
    "social media will help",
    "the wiki cut errors 12%",
    "“social learning” as labels",
    "real synergy for everyone",
    "Acme Collaboration Platform Team",
    "an enterprise social network boosts",
    "in 2019 Northwind bought Yammer",
    "how to pitch gamification",
];

/// A pack of 300 substitution rules, one jargon term each, read in `context` ("tool" for the
/// benchmark's costly path; "none": every match is a finding, the job textlint's prh does).
pub fn big_pack(context: &str) -> String {
    let mut pack = String::from("[pack]\nname = \"bench\"\n");
    for i in 0..300 {
        pack.push_str(&format!(
            "[[rule]]\nid = \"r{i}\"\nkind = \"substitution\"\nlevel = \"warning\"\n\
             message = \"Say {{rewrites}} instead of {{match}}.\"\ncontext = \"{context}\"\n\
             swap = {{ \"jargon{i} term\" = [\"outcome{i}\"] }}\n"
        ));
    }
    pack
}

/// 50,000 words in 200 blocks over 10 sections, in sentences of 15 words: one jargon term
/// every 50 words, and a default-pack phrase every 50 words between them.
pub fn big_project() -> Project {
    let mut n = 0;
    let sections = (0..10)
        .map(|s| Section {
            id: 0,
            uid: String::new(),
            title: format!("Section {s}"),
            notes: String::new(),
            blocks: (0..20)
                .map(|b| {
                    let mut body = String::new();
                    for w in 0..250 {
                        n += 1;
                        let word = if n % 50 == 0 {
                            format!("jargon{} term", n % 300)
                        } else if n % 50 == 25 {
                            TOOL_TALK[(n / 50) % TOOL_TALK.len()].to_string()
                        } else {
                            WORDS[n % WORDS.len()].to_string()
                        };
                        body.push_str(&word);
                        body.push_str(if w % 15 == 14 { ". " } else { " " });
                    }
                    Block {
                        body: body.trim_end().to_string() + ".",
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
        industry: String::new(),
        sections,
        library: Vec::new(),
        logo: None,
        accent: None,
        pilots: Vec::new(),
        cases: Vec::new(),
    }
}

/// The same storyboard as Markdown: a heading per section, a paragraph per block body.
#[allow(dead_code)]
pub fn as_markdown(project: &Project) -> String {
    let mut out = String::new();
    for section in &project.sections {
        out.push_str(&format!("# {}\n\n", section.title));
        for block in &section.blocks {
            out.push_str(&format!("{}\n\n", block.body));
        }
    }
    out
}

/// The dictionary of [`big_pack`] in prh's YAML format (textlint-rule-prh).
#[allow(dead_code)]
pub fn as_prh_yaml() -> String {
    let mut out = String::from("version: 1\nrules:\n");
    for i in 0..300 {
        out.push_str(&format!(
            "  - expected: outcome{i}\n    pattern: jargon{i} term\n"
        ));
    }
    out
}
