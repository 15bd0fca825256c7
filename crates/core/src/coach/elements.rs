//! Recognising the elements of a persuasive case in a storyboard: a business case,
//! numbers, stories (of peers or competitors), a pilot, success measures, an ask and
//! urgency. The storyboard's structure counts first (a story block, a relation, a metric's
//! value or target, a pilot in the Pilots view); for what structure cannot tell, the text
//! is judged sentence by sentence (`supply.rs`): advice to do a thing never counts as
//! having done it.

use std::cell::OnceCell;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::rule::{Element, Field};
use super::supply::{judge_all, Judgement};
use crate::model::{Block, BlockKind, Project};

/// What supplied an element, or the advice that only recommended it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckEvidence {
    pub section: Option<u32>,
    pub block: Option<u32>,
    #[ts(type = "number | null")]
    pub block_id: Option<i64>,
    pub field: Option<Field>,
    /// Character offsets of the sentence in the field.
    pub start: Option<u32>,
    pub end: Option<u32>,
    /// The sentence, or what in the structure supplied it ("the pilot “…”").
    pub excerpt: String,
}

/// Whether an element is present, where, and a sentence saying why.
pub struct Detection {
    pub passed: bool,
    /// Indexes of the sections where it was found.
    pub sections: Vec<usize>,
    pub reason: String,
    /// What supplied it; when it is missing, the advice that only recommended it.
    pub evidence: Option<CheckEvidence>,
}

/// The storyboard's placed blocks with their section index, scanned once; each element's
/// text judgement is made once per scan.
pub struct ElementScan<'a> {
    project: &'a Project,
    blocks: Vec<(usize, usize, &'a Block)>,
    /// Per placed block, its title's and body's judgement for every element.
    judged: OnceCell<Vec<[[Judgement; 8]; 2]>>,
}

impl<'a> ElementScan<'a> {
    pub fn new(project: &'a Project) -> ElementScan<'a> {
        ElementScan {
            project,
            blocks: project
                .sections
                .iter()
                .enumerate()
                .flat_map(|(s, section)| {
                    section
                        .blocks
                        .iter()
                        .enumerate()
                        .map(move |(b, block)| (s, b, block))
                })
                .collect(),
            judged: Default::default(),
        }
    }

    /// Each placed block's title and body judged for `element` (all elements are judged in
    /// one pass, the first time one is asked for).
    fn judged(&self, element: Element) -> Vec<[Judgement; 2]> {
        let slot = Element::ALL.iter().position(|e| *e == element).unwrap_or(0);
        self.judged
            .get_or_init(|| {
                self.blocks
                    .iter()
                    .map(|(_, _, b)| [judge_all(&b.title), judge_all(&b.body)])
                    .collect()
            })
            .iter()
            .map(|[title, body]| [title[slot], body[slot]])
            .collect()
    }
}

fn tagged(block: &Block, tag: &str) -> bool {
    block.tags.iter().any(|t| t.eq_ignore_ascii_case(tag))
}

/// Where a block's structure supplies the element, without reading its words.
fn by_structure(block: &Block, element: Element) -> bool {
    match element {
        Element::BusinessCase => tagged(block, "business case"),
        Element::QuantifiedOutcome => block.kind == BlockKind::Metric && block.number.is_some(),
        Element::CaseStudy => block.kind == BlockKind::Story,
        Element::PeerCase => block.kind == BlockKind::Story && block.relation.is_some(),
        Element::SuccessMeasure => block.target.is_some(),
        Element::Ask => tagged(block, "ask"),
        Element::Pilot | Element::Urgency => false,
    }
}

fn char_offset(text: &str, byte: usize) -> u32 {
    text[..byte].chars().count() as u32
}

fn sentence_evidence(
    scan: &ElementScan,
    at: usize,
    field: Field,
    (start, end): (usize, usize),
) -> CheckEvidence {
    let (s, b, block) = scan.blocks[at];
    let text = match field {
        Field::Title => &block.title,
        Field::Body => &block.body,
    };
    CheckEvidence {
        section: Some(s as u32),
        block: Some(b as u32),
        block_id: Some(block.id),
        field: Some(field),
        start: Some(char_offset(text, start)),
        end: Some(char_offset(text, end)),
        excerpt: text[start..end].trim().to_string(),
    }
}

fn block_evidence(scan: &ElementScan, at: usize) -> CheckEvidence {
    let (s, b, block) = scan.blocks[at];
    CheckEvidence {
        section: Some(s as u32),
        block: Some(b as u32),
        block_id: Some(block.id),
        field: None,
        start: None,
        end: None,
        excerpt: if block.title.trim().is_empty() {
            block.body.chars().take(120).collect()
        } else {
            block.title.clone()
        },
    }
}

fn structure_only(element: Element) -> bool {
    // A draft's story blocks are themselves a judgement of its text; typed stories count.
    element == Element::CaseStudy
}

pub fn detect(scan: &ElementScan, element: Element) -> Detection {
    let (found, missing) = messages(element);
    let mut sections: Vec<usize> = Vec::new();
    let mut evidence: Option<CheckEvidence> = None;
    let mut advised: Option<CheckEvidence> = None;
    let judged = scan.judged(element);
    for (at, &(s, _, block)) in scan.blocks.iter().enumerate() {
        let mut supplied = None;
        if by_structure(block, element) {
            supplied = Some(block_evidence(scan, at));
        } else {
            for (field, judgement) in [Field::Title, Field::Body].into_iter().zip(judged[at]) {
                match judgement {
                    Judgement::Supplied(range)
                        if supplied.is_none() && !structure_only(element) =>
                    {
                        supplied = Some(sentence_evidence(scan, at, field, range));
                    }
                    Judgement::Advised(range) if advised.is_none() => {
                        advised = Some(sentence_evidence(scan, at, field, range));
                    }
                    _ => {}
                }
            }
        }
        if let Some(found) = supplied {
            if sections.last() != Some(&s) {
                sections.push(s);
            }
            evidence.get_or_insert(found);
        }
    }
    if element == Element::Pilot || element == Element::SuccessMeasure {
        if let Some(pilot) = scan
            .project
            .pilots
            .iter()
            .find(|p| element == Element::Pilot || !p.criteria.is_empty())
        {
            evidence.get_or_insert(CheckEvidence {
                section: None,
                block: None,
                block_id: None,
                field: None,
                start: None,
                end: None,
                excerpt: format!("the pilot “{}” in the Pilots view", pilot.name),
            });
        }
    }
    let passed = evidence.is_some();
    let reason = match (&evidence, &advised) {
        (Some(e), _) => format!("{found}: “{}”", clip(&e.excerpt)),
        (None, Some(a)) => format!(
            "{missing}. “{}” only recommends it; advice is not the thing itself",
            clip(&a.excerpt)
        ),
        (None, None) => missing.to_string(),
    };
    Detection {
        passed,
        sections,
        reason,
        evidence: evidence.or(advised),
    }
}

fn clip(text: &str) -> String {
    const MAX: usize = 140;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(MAX).collect::<String>().trim_end())
    }
}

fn messages(element: Element) -> (&'static str, &'static str) {
    match element {
        Element::BusinessCase => (
            "a costed outcome makes the business case",
            "no block weighs cost against a saving or return: add a metric that does",
        ),
        Element::QuantifiedOutcome => (
            "an outcome carries a number",
            "no number measures a business result (money, time, errors, sales): say how much",
        ),
        Element::CaseStudy => (
            "there is a story of someone who did it",
            "no story: add a case of an organisation that already did this",
        ),
        Element::PeerCase => (
            "a named peer or competitor has done it",
            "no story of a named peer or competitor: boards move most when a rival is ahead",
        ),
        Element::Pilot => (
            "the case starts small, with a pilot",
            "no concrete pilot (who, how long, measured how): propose one where a win is likely",
        ),
        Element::SuccessMeasure => (
            "success is measured against a named metric",
            "no measure of success: name the metric, its baseline and its target",
        ),
        Element::Ask => (
            "the case ends with a clear ask",
            "no explicit ask to the decision-maker: say what you want decided, by whom and when",
        ),
        Element::Urgency => (
            "the case says why now",
            "nothing says why now: name the cost of waiting or a deadline",
        ),
    }
}
