//! Recognising the elements of a persuasive case in a storyboard: a business case,
//! numbers, stories (of peers or competitors), a pilot, success measures, an ask and
//! urgency. Typed fields count first (a story block, a relation, a target); wording
//! counts too, so a case written as prose is still recognised.

use std::sync::OnceLock;

use regex::Regex;

use super::rule::Element;
use crate::model::{Block, BlockKind, Project};

/// Whether an element is present, where, and a sentence saying why.
pub struct Detection {
    pub passed: bool,
    /// Indexes of the sections where it was found.
    pub sections: Vec<usize>,
    pub reason: String,
}

/// The storyboard's placed blocks with their section index, scanned once.
pub struct ElementScan<'a> {
    blocks: Vec<(usize, &'a Block)>,
}

impl<'a> ElementScan<'a> {
    pub fn new(project: &'a Project) -> ElementScan<'a> {
        ElementScan {
            blocks: project
                .sections
                .iter()
                .enumerate()
                .flat_map(|(s, section)| section.blocks.iter().map(move |b| (s, b)))
                .collect(),
        }
    }

    fn sections_where(&self, test: impl Fn(&Block) -> bool) -> Vec<usize> {
        let mut sections: Vec<usize> = self
            .blocks
            .iter()
            .filter(|(_, b)| test(b))
            .map(|(s, _)| *s)
            .collect();
        sections.dedup();
        sections
    }
}

fn cue(element: Element) -> &'static Regex {
    static CUES: OnceLock<Vec<Regex>> = OnceLock::new();
    let cues = CUES.get_or_init(|| {
        Element::ALL
            .iter()
            .map(|e| {
                let pattern = match e {
                    Element::BusinessCase => r"(?i)\b(roi|return on investment|payback|pays? for itself|business case|cost|costs|saving|savings|revenue|margin|profit)\b|[$€£]\s?\d",
                    Element::QuantifiedOutcome => r"\d",
                    Element::CaseStudy => r"(?i)\b(case study|case|for example|did it|already (?:use|uses|did|does)|at [A-Z][a-z]+)\b",
                    Element::PeerCase => r"(?i)\b(peers?|competitors?|rivals?|our sector|our industry|firms like us|companies like ours)\b",
                    Element::Pilot => r"(?i)\b(pilot|pilots|trial|start small|proof of concept|test run|first step|one (?:team|site|plant|department))\b",
                    Element::SuccessMeasure => r"(?i)\b(targets?|success (?:criteria|measures?)|measured? (?:by|against)|kpis?|baseline)\b",
                    Element::Ask => r"(?i)\b(we ask|asking (?:the board|you)|the ask|approve|approval|decision|request|we need)\b",
                    Element::Urgency => r"(?i)\b(act now|now is the time|right now|this (?:year|quarter)|too late|deadline|by (?:\d+|january|february|march|april|may|june|july|august|september|october|november|december|the end)|fall(?:ing)? behind|losing ground|already ahead|before (?:our|the) competitors?|every (?:month|quarter|year) we wait|window)\b",
                };
                Regex::new(pattern).expect("cue patterns compile")
            })
            .collect()
    });
    &cues[Element::ALL.iter().position(|e| *e == element).unwrap()]
}

fn says(block: &Block, element: Element) -> bool {
    let re = cue(element);
    re.is_match(&block.title)
        || re.is_match(&block.body)
        || block.tags.iter().any(|t| re.is_match(t))
}

fn tagged(block: &Block, tag: &str) -> bool {
    block.tags.iter().any(|t| t.eq_ignore_ascii_case(tag))
}

pub fn detect(scan: &ElementScan, element: Element) -> Detection {
    let (sections, found, missing) = match element {
        Element::BusinessCase => (
            scan.sections_where(|b| {
                (b.kind == BlockKind::Metric && b.number.is_some() && says(b, element))
                    || tagged(b, "business case")
                    || (b.kind != BlockKind::Story
                        && says(b, element)
                        && says(b, Element::QuantifiedOutcome))
            }),
            "a costed outcome (money, time or return) makes the business case",
            "no block puts a number on the cost, saving or return: add a metric that does",
        ),
        Element::QuantifiedOutcome => (
            scan.sections_where(|b| {
                b.kind != BlockKind::Story && (b.number.is_some() || says(b, element))
            }),
            "outcomes carry numbers",
            "no benefit or metric carries a number: say how much, how many, how fast",
        ),
        Element::CaseStudy => (
            scan.sections_where(|b| b.kind == BlockKind::Story),
            "there is at least one story of someone who did it",
            "no story: add a case of an organisation that already did this",
        ),
        Element::PeerCase => (
            scan.sections_where(|b| {
                b.kind == BlockKind::Story && (b.relation.is_some() || says(b, element))
            }),
            "a peer or competitor has done it",
            "no story of a peer or a competitor: boards move most when a rival is ahead",
        ),
        Element::Pilot => (
            scan.sections_where(|b| says(b, element)),
            "the case starts small, with a pilot",
            "no pilot or small first step: propose one where a win is likely",
        ),
        Element::SuccessMeasure => (
            scan.sections_where(|b| b.target.is_some() || says(b, element)),
            "success is measured against a baseline or target",
            "no measure of success: give a baseline and a target",
        ),
        Element::Ask => (
            scan.sections_where(|b| tagged(b, "ask") || says(b, element)),
            "the case ends with a clear ask",
            "no explicit ask: say what you want decided, by whom and when",
        ),
        Element::Urgency => (
            scan.sections_where(|b| says(b, element)),
            "the case says why now",
            "nothing says why now: name the cost of waiting or a deadline",
        ),
    };
    Detection {
        passed: !sections.is_empty(),
        reason: if sections.is_empty() { missing } else { found }.to_string(),
        sections,
    }
}
