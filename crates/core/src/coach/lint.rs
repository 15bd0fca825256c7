//! Running the rules over a storyboard: text rules over block fields, storyboard rules
//! over the whole, and the readiness checklist.

use regex::Regex;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::context::{self, Reading, SetAside};
use super::elements::{detect, CheckEvidence, ElementScan};
use super::rule::{compile_pattern, Audience, Check, Element, Field, Level, Position, Rule};
use super::sentences::Sentences;
use super::terms::{match_case, TermSet};
use crate::model::{Block, BlockKind, Project};

/// A suggested replacement for a finding's range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Fix {
    pub replacement: String,
}

/// One piece of advice. Text findings point at a block's field and a character range;
/// storyboard findings (a missing element) have no block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub rule: String,
    pub level: Level,
    pub message: String,
    /// Index of the section in the storyboard.
    pub section: Option<u32>,
    /// Index of the block within its section.
    pub block: Option<u32>,
    #[ts(type = "number | null")]
    pub block_id: Option<i64>,
    pub field: Option<Field>,
    /// Character offsets into the field.
    pub start: Option<u32>,
    pub end: Option<u32>,
    /// The flagged text exactly as written.
    pub excerpt: Option<String>,
    pub fixes: Vec<Fix>,
    pub link: Option<String>,
    pub explanation: Option<String>,
    /// Why the coach raised it here, in plain words (text rules read in context).
    pub reason: Option<String>,
}

/// A candidate the context stage left alone: the finding it would have been, and why not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SetAsideFinding {
    pub finding: Finding,
    pub context: SetAside,
    pub reason: String,
}

/// One item of the readiness checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CheckResult {
    pub id: String,
    pub passed: bool,
    pub weight: u32,
    pub reason: String,
    /// The sentence or block that supplied it; when it did not pass, the advice that only
    /// recommended it (if any).
    pub evidence: Option<CheckEvidence>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub findings: Vec<Finding>,
    pub checks: Vec<CheckResult>,
    /// 0–100: the weights of the checks that pass.
    pub score: u32,
    /// Findings the user dismissed for their block, kept apart so they can be restored.
    pub dismissed: Vec<Finding>,
    /// Candidates the context stage read as something other than the argument.
    pub set_aside: Vec<SetAsideFinding>,
}

/// What linting text produced: findings, and the candidates read as something else.
#[derive(Default)]
struct Outcome {
    findings: Vec<Finding>,
    set_aside: Vec<SetAsideFinding>,
}

/// Rules compiled for one audience.
pub struct RuleSet {
    rules: Vec<Rule>,
    /// All substitution and existence terms, each pointing at (rule, swap) indexes.
    terms: TermSet<(usize, Option<usize>)>,
    /// Per-rule term sets for occurrence, conditional and balance.
    rule_terms: Vec<Option<[TermSet<()>; 2]>>,
    /// The rules' patterns, compiled: (rule, pattern index, regex).
    patterns: Vec<(usize, usize, Regex)>,
    audience: Audience,
}

fn set(terms: &[String]) -> TermSet<()> {
    TermSet::new(terms.iter().map(|t| (t.clone(), ())))
}

impl RuleSet {
    pub fn new(rules: Vec<Rule>, audience: Audience) -> RuleSet {
        let rules: Vec<Rule> = rules
            .into_iter()
            .filter(|r| r.applies_to(audience))
            .collect();
        let mut entries = Vec::new();
        for (index, rule) in rules.iter().enumerate() {
            match &rule.check {
                Check::Substitution { swaps } => {
                    for (swap, s) in swaps.iter().enumerate() {
                        entries.push((s.term.clone(), (index, Some(swap))));
                    }
                }
                Check::Existence { terms } => {
                    entries.extend(terms.iter().map(|t| (t.clone(), (index, None))));
                }
                _ => {}
            }
        }
        let rule_terms = rules
            .iter()
            .map(|rule| match &rule.check {
                Check::Occurrence { terms, .. } => Some([set(terms), set(&[])]),
                Check::Conditional { first, then } => Some([set(first), set(then)]),
                Check::Balance { loss, gain, .. } => Some([set(loss), set(gain)]),
                _ => None,
            })
            .collect();
        let patterns = rules
            .iter()
            .enumerate()
            .flat_map(|(index, rule)| {
                rule.patterns.iter().enumerate().map(move |(p, pattern)| {
                    let regex =
                        compile_pattern(&pattern.term).expect("checked when the pack loaded");
                    (index, p, regex)
                })
            })
            .collect();
        RuleSet {
            terms: TermSet::new(entries),
            rules,
            rule_terms,
            patterns,
            audience,
        }
    }

    pub fn audience(&self) -> Audience {
        self.audience
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }
}

/// Where in a block's field a finding points (byte range).
struct Spot<'a> {
    at: At,
    field: Field,
    text: &'a str,
    range: (usize, usize),
    /// The range in characters, when the caller counted them already (a long field with
    /// many matches is counted once, not once a match).
    chars: Option<(u32, u32)>,
}

/// The ranges already flagged in a field, asked whether a range overlaps one of them in
/// logarithmic time (a long field has tens of thousands).
#[derive(Default)]
struct Taken {
    /// Start → the furthest end of the ranges starting there.
    ranges: std::collections::BTreeMap<usize, usize>,
    longest: usize,
}

impl Taken {
    fn insert(&mut self, (start, end): (usize, usize)) {
        let furthest = self.ranges.entry(start).or_insert(end);
        *furthest = (*furthest).max(end);
        self.longest = self.longest.max(end - start);
    }

    fn overlaps(&self, (start, end): (usize, usize)) -> bool {
        self.ranges
            .range(start.saturating_sub(self.longest)..end)
            .any(|(_, &e)| e > start)
    }
}

/// Counts characters up to ascending byte offsets of one text, carrying on from the last.
struct CharCursor<'a> {
    text: &'a str,
    byte: usize,
    chars: u32,
}

impl<'a> CharCursor<'a> {
    fn new(text: &'a str) -> CharCursor<'a> {
        CharCursor {
            text,
            byte: 0,
            chars: 0,
        }
    }

    fn at(&mut self, byte: usize) -> u32 {
        if byte < self.byte {
            (self.byte, self.chars) = (0, 0);
        }
        self.chars += self.text[self.byte..byte].chars().count() as u32;
        self.byte = byte;
        self.chars
    }
}

/// A block's place, for findings.
#[derive(Clone, Copy)]
struct At {
    section: u32,
    block: u32,
    block_id: i64,
}

fn char_offset(text: &str, byte: usize) -> u32 {
    text[..byte].chars().count() as u32
}

fn field_text(block: &Block, field: Field) -> &str {
    match field {
        Field::Title => &block.title,
        Field::Body => &block.body,
    }
}

fn fill(message: &str, matched: &str, rewrites: &[String]) -> String {
    let list = match rewrites {
        [] => String::new(),
        [one] => format!("“{one}”"),
        [rest @ .., last] => format!(
            "{} or “{last}”",
            rest.iter()
                .map(|r| format!("“{r}”"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    message
        .replace("{match}", matched)
        .replace("{rewrites}", &list)
}

impl RuleSet {
    fn finding(&self, rule: &Rule, message: String) -> Finding {
        Finding {
            rule: rule.id.clone(),
            level: rule.level,
            message,
            section: None,
            block: None,
            block_id: None,
            field: None,
            start: None,
            end: None,
            excerpt: None,
            fixes: Vec::new(),
            link: rule.link.clone(),
            explanation: rule.explanation.clone(),
            reason: None,
        }
    }

    fn text_finding(&self, rule: &Rule, message: String, spot: Spot, fixes: Vec<Fix>) -> Finding {
        let Spot {
            at,
            field,
            text,
            range,
            chars,
        } = spot;
        let (start, end) =
            chars.unwrap_or_else(|| (char_offset(text, range.0), char_offset(text, range.1)));
        Finding {
            section: Some(at.section),
            block: Some(at.block),
            block_id: Some(at.block_id),
            field: Some(field),
            start: Some(start),
            end: Some(end),
            excerpt: Some(text[range.0..range.1].to_string()),
            fixes,
            ..self.finding(rule, message)
        }
    }

    /// Findings of the term rules (substitution, existence) in one field: their terms, then
    /// their patterns where no term was found (the more specific rule speaks). Each
    /// candidate is read in its sentence first; what is not the argument is set aside.
    fn term_findings(&self, block: &Block, field: Field, at: At, out: &mut Outcome) {
        let text = field_text(block, field);
        let sentences = std::cell::OnceCell::new();
        let sentences = || sentences.get_or_init(|| Sentences::new(text));
        let mut candidates: Vec<(usize, &[String], (usize, usize))> = Vec::new();
        // Quiet beside an outcome figure (the rule says so): the means of a result.
        let mut quieted: Vec<(usize, (usize, usize))> = Vec::new();
        let mut taken = Taken::default();
        for hit in self.terms.find(text) {
            // Of the rules naming this term, one per rule, in scope for this field.
            let mut done = Vec::new();
            for &(index, swap) in hit.value {
                let rule = &self.rules[index];
                if done.contains(&index) || !rule.scope.covers(block.kind, field) {
                    continue;
                }
                done.push(index);
                if rule.quiet_near_figures && figures_near(text, sentences(), hit.start, hit.end) {
                    quieted.push((index, (hit.start, hit.end)));
                    continue;
                }
                taken.insert((hit.start, hit.end));
                let rewrites: &[String] = match (swap, &rule.check) {
                    (Some(s), Check::Substitution { swaps }) => &swaps[s].rewrites,
                    _ => &[],
                };
                candidates.push((index, rewrites, (hit.start, hit.end)));
            }
        }
        for (index, p, regex) in &self.patterns {
            let rule = &self.rules[*index];
            if !rule.scope.covers(block.kind, field) {
                continue;
            }
            for hit in regex.find_iter(text) {
                let range = (hit.start(), hit.end());
                if taken.overlaps(range) {
                    continue;
                }
                taken.insert(range);
                if rule.quiet_near_figures && figures_near(text, sentences(), range.0, range.1) {
                    quieted.push((*index, range));
                    continue;
                }
                candidates.push((*index, &rule.patterns[*p].rewrites, range));
            }
        }
        // Counted in characters in one pass along the text, however many matches it has.
        quieted.sort_by_key(|&(_, range)| range.0);
        candidates.sort_by_key(|&(_, _, range)| range.0);
        let mut cursor = CharCursor::new(text);
        let mut chars = |range: (usize, usize)| {
            let start = cursor.at(range.0);
            Some((start, start + text[range.0..range.1].chars().count() as u32))
        };
        for (index, range) in quieted {
            let c = chars(range);
            let spot = Spot {
                at,
                field,
                text,
                range,
                chars: c,
            };
            let finding = self.swap_finding(&self.rules[index], &[], spot);
            out.set_aside.push(SetAsideFinding {
                reason: SetAside::MeansOfResult.reason(&text[range.0..range.1]),
                context: SetAside::MeansOfResult,
                finding,
            });
        }
        if candidates.is_empty() {
            return;
        }
        let sentences = sentences();
        for (index, rewrites, range) in candidates {
            let rule = &self.rules[index];
            let c = chars(range);
            let spot = Spot {
                at,
                field,
                text,
                range,
                chars: c,
            };
            let finding = self.swap_finding(rule, rewrites, spot);
            match context::read(rule.context, text, sentences, range) {
                Reading::Raised(reason) => out.findings.push(Finding {
                    reason: Some(reason).filter(|r| !r.is_empty()),
                    ..finding
                }),
                Reading::SetAside(aside) => out.set_aside.push(SetAsideFinding {
                    reason: aside.reason(&text[range.0..range.1]),
                    context: aside,
                    finding,
                }),
            }
        }
    }

    /// A finding of a term or pattern at `range`, with a fix for each rewrite.
    fn swap_finding(&self, rule: &Rule, rewrites: &[String], spot: Spot) -> Finding {
        let matched = &spot.text[spot.range.0..spot.range.1];
        let fixes = rewrites
            .iter()
            .map(|r| Fix {
                replacement: match_case(matched, r),
            })
            .collect();
        let message = fill(&rule.message, matched, rewrites);
        self.text_finding(rule, message, spot, fixes)
    }

    /// Lints one block (the part of linting that depends on nothing else: re-run it alone
    /// while the user types).
    /// Findings the user dismissed for this block are left out.
    pub fn lint_block(&self, block: &Block, section: u32, index: u32) -> Vec<Finding> {
        let mut out = Outcome::default();
        self.lint_block_text(block, section, index, &mut out);
        out.findings.retain(|f| !block.dismissed.contains(&f.rule));
        out.findings
    }

    fn lint_block_text(&self, block: &Block, section: u32, index: u32, outcome: &mut Outcome) {
        let at = At {
            section,
            block: index,
            block_id: block.id,
        };
        for field in [Field::Title, Field::Body] {
            self.term_findings(block, field, at, outcome);
        }
        let out = &mut outcome.findings;
        for rule in &self.rules {
            if let Check::WordsPerSentence { max_words } = rule.check {
                if rule.scope.covers(block.kind, Field::Body) {
                    if let Some((range, words)) = longest_sentence(&block.body) {
                        if words as f64 > max_words {
                            let message = rule.message.replace("{words}", &words.to_string());
                            out.push(self.text_finding(
                                rule,
                                message,
                                Spot {
                                    at,
                                    field: Field::Body,
                                    text: &block.body,
                                    range,
                                    chars: None,
                                },
                                Vec::new(),
                            ));
                        }
                    }
                }
            }
            if let Check::Concreteness = rule.check {
                // Drafts read from text have untitled paragraphs, not claims to back.
                if rule.scope.kinds.contains(&block.kind)
                    && !block.title.trim().is_empty()
                    && !is_concrete(block)
                {
                    let range = (0, block.title.len());
                    out.push(self.text_finding(
                        rule,
                        rule.message.clone(),
                        Spot {
                            at,
                            field: Field::Title,
                            text: &block.title,
                            range,
                            chars: None,
                        },
                        Vec::new(),
                    ));
                }
            }
        }
    }

    /// Lints the whole storyboard.
    pub fn lint(&self, project: &Project) -> Report {
        let mut outcome = Outcome::default();
        for (s, section) in project.sections.iter().enumerate() {
            for (b, block) in section.blocks.iter().enumerate() {
                self.lint_block_text(block, s as u32, b as u32, &mut outcome);
            }
        }
        let scan = ElementScan::new(project);
        for (index, rule) in self.rules.iter().enumerate() {
            self.storyboard_rule(index, rule, project, &scan, &mut outcome);
        }
        let Outcome {
            mut findings,
            set_aside,
        } = outcome;
        findings.sort_by_key(|f| {
            (
                f.section.unwrap_or(u32::MAX),
                f.block.unwrap_or(u32::MAX),
                f.start.unwrap_or(0),
            )
        });
        let dismissed_for = |f: &Finding| {
            let block = f
                .section
                .zip(f.block)
                .and_then(|(s, b)| project.sections.get(s as usize)?.blocks.get(b as usize));
            block.is_some_and(|block| block.dismissed.contains(&f.rule))
        };
        let (dismissed, findings) = findings.into_iter().partition(dismissed_for);
        let checks = readiness(&scan);
        let score = checks.iter().filter(|c| c.passed).map(|c| c.weight).sum();
        Report {
            findings,
            checks,
            score,
            dismissed,
            set_aside,
        }
    }

    fn storyboard_rule(
        &self,
        index: usize,
        rule: &Rule,
        project: &Project,
        scan: &ElementScan,
        outcome: &mut Outcome,
    ) {
        let out = &mut outcome.findings;
        let placed = || {
            project
                .sections
                .iter()
                .enumerate()
                .flat_map(|(s, section)| {
                    section.blocks.iter().enumerate().map(move |(b, block)| {
                        (
                            At {
                                section: s as u32,
                                block: b as u32,
                                block_id: block.id,
                            },
                            block,
                        )
                    })
                })
        };
        let fields_in_scope = |block: &Block| {
            [Field::Title, Field::Body]
                .into_iter()
                .filter(|f| rule.scope.covers(block.kind, *f))
                .collect::<Vec<_>>()
        };
        match &rule.check {
            Check::Required { element } => {
                if !detect(scan, *element).passed {
                    out.push(self.finding(rule, rule.message.clone()));
                }
            }
            Check::Order { element, position } => {
                let sections = detect(scan, *element).sections;
                let wanted = match position {
                    Position::FirstSection => 0,
                    Position::LastSection => project.sections.len().saturating_sub(1),
                };
                if !sections.is_empty() && !sections.contains(&wanted) {
                    out.push(self.finding(rule, rule.message.clone()));
                }
            }
            Check::Linkage => {
                let backs = |s: usize| {
                    project.sections.get(s).is_some_and(|section| {
                        section.blocks.iter().any(|b| b.kind != BlockKind::Benefit)
                    })
                };
                for (at, block) in placed() {
                    let s = at.section as usize;
                    if block.kind == BlockKind::Benefit
                        && !block.title.trim().is_empty()
                        && !backs(s)
                        && !backs(s + 1)
                    {
                        let range = (0, block.title.len());
                        out.push(self.text_finding(
                            rule,
                            rule.message.clone(),
                            Spot {
                                at,
                                field: Field::Title,
                                text: &block.title,
                                range,
                                chars: None,
                            },
                            Vec::new(),
                        ));
                    }
                }
            }
            Check::Occurrence { min, max, .. } => {
                let [terms, _] = self.rule_terms[index].as_ref().expect("compiled");
                let mut hits = Vec::new();
                for (at, block) in placed() {
                    for field in fields_in_scope(block) {
                        let text = field_text(block, field);
                        hits.extend(terms.find(text).map(|h| (at, field, h.start, h.end)));
                    }
                }
                let count = hits.len() as u32;
                if min.is_some_and(|m| count < m) {
                    out.push(
                        self.finding(rule, rule.message.replace("{count}", &count.to_string())),
                    );
                }
                if let Some(max) = max {
                    for &(at, field, start, end) in hits.iter().skip(*max as usize) {
                        let block =
                            &project.sections[at.section as usize].blocks[at.block as usize];
                        let text = field_text(block, field);
                        let message = rule.message.replace("{count}", &count.to_string());
                        out.push(self.text_finding(
                            rule,
                            message,
                            Spot {
                                at,
                                field,
                                text,
                                range: (start, end),
                                chars: None,
                            },
                            Vec::new(),
                        ));
                    }
                }
            }
            Check::Conditional { .. } => {
                let [first, then] = self.rule_terms[index].as_ref().expect("compiled");
                let all_text = || placed().flat_map(|(_, b)| [b.title.as_str(), b.body.as_str()]);
                if all_text().any(|t| then.contains_any(t)) {
                    return;
                }
                // The first hit its context raises is the finding; those set aside before it
                // are shown by `--explain`.
                for (at, block) in placed() {
                    for field in fields_in_scope(block) {
                        let text = field_text(block, field);
                        let mut sentences = None;
                        for hit in first.find(text) {
                            let range = (hit.start, hit.end);
                            let sentences = sentences.get_or_insert_with(|| Sentences::new(text));
                            let message = fill(&rule.message, &text[range.0..range.1], &[]);
                            let spot = Spot {
                                at,
                                field,
                                text,
                                range,
                                chars: None,
                            };
                            let finding = self.text_finding(rule, message, spot, Vec::new());
                            match context::read(rule.context, text, sentences, range) {
                                Reading::Raised(reason) => {
                                    outcome.findings.push(Finding {
                                        reason: Some(reason).filter(|r| !r.is_empty()),
                                        ..finding
                                    });
                                    return;
                                }
                                Reading::SetAside(aside) => {
                                    outcome.set_aside.push(SetAsideFinding {
                                        reason: aside.reason(&text[range.0..range.1]),
                                        context: aside,
                                        finding,
                                    })
                                }
                            }
                        }
                    }
                }
            }
            Check::Balance { max_share, .. } => {
                let [loss, gain] = self.rule_terms[index].as_ref().expect("compiled");
                let count = |set: &TermSet<()>| {
                    placed()
                        .flat_map(|(_, b)| [b.title.as_str(), b.body.as_str()])
                        .map(|t| set.find(t).count())
                        .sum::<usize>()
                };
                let (losses, gains) = (count(loss), count(gain));
                let total = losses + gains;
                if total >= 3 && losses as f64 / total as f64 > *max_share {
                    out.push(self.finding(rule, rule.message.clone()));
                }
            }
            Check::Substitution { .. }
            | Check::Existence { .. }
            | Check::WordsPerSentence { .. }
            | Check::Concreteness => {}
        }
    }
}

/// A claim is concrete when it carries a number: in its value field or in its words.
fn is_concrete(block: &Block) -> bool {
    block.number.is_some()
        || block.title.chars().any(|c| c.is_ascii_digit())
        || block.body.chars().any(|c| c.is_ascii_digit())
}

/// Whether the sentence holding `start..end`, or the one before or after it, states an
/// outcome figure: a percentage, an amount of money, a multiple, a duration or a count of
/// results (the context stage's `figure` cue). The window is capped
/// around the match, so a megabyte with no full stop costs no more per match than a line.
fn figures_near(text: &str, sentences: &Sentences, start: usize, end: usize) -> bool {
    let figure = super::context::figure();
    const CAP: usize = 600;
    let at = sentences.index_of(start);
    let from = sentences.get(at.saturating_sub(1)).0;
    let to = sentences.get((at + 1).min(sentences.len() - 1)).1;
    let mut from = from.max(start.saturating_sub(CAP));
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = to.min(end + CAP);
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    figure.is_match(&text[from..to.max(from)])
}

/// The longest sentence of `text`: its byte range and word count.
fn longest_sentence(text: &str) -> Option<((usize, usize), usize)> {
    static SENTENCE: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    let sentence = SENTENCE.get_or_init(|| Regex::new(r"[^.!?]+(?:[.!?]+|$)").unwrap());
    sentence
        .find_iter(text)
        .map(|m| {
            let trimmed_start = m.start() + (m.as_str().len() - m.as_str().trim_start().len());
            let words = m.as_str().split_whitespace().count();
            ((trimmed_start, m.end()), words)
        })
        .filter(|(_, words)| *words > 0)
        .max_by_key(|(_, words)| *words)
}

/// Each element's weight in the readiness score (they add up to 100).
pub fn weight(element: Element) -> u32 {
    match element {
        Element::BusinessCase => 15,
        Element::QuantifiedOutcome => 15,
        Element::CaseStudy => 10,
        Element::PeerCase => 15,
        Element::Pilot => 15,
        Element::SuccessMeasure => 10,
        Element::Ask => 10,
        Element::Urgency => 10,
    }
}

fn readiness(scan: &ElementScan) -> Vec<CheckResult> {
    Element::ALL
        .into_iter()
        .map(|element| {
            let found = detect(scan, element);
            CheckResult {
                id: element.id().to_string(),
                passed: found.passed,
                weight: weight(element),
                reason: found.reason,
                evidence: found.evidence,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn near(text: &str, term: &str) -> bool {
        let start = text.find(term).unwrap();
        figures_near(text, &Sentences::new(text), start, start + term.len())
    }

    #[test]
    fn figures_in_the_same_or_a_neighbouring_sentence_quiet_a_rule() {
        assert!(near("Our wikis cut resolution time by 22%.", "wikis"));
        assert!(near("Costs rise 30 percent. The wiki helps.", "wiki"));
        assert!(near("The wiki helps. It saved €40,000.", "wiki"));
        assert!(near("Leads grew two times with Twitter.", "Twitter"));
        assert!(near("Teams on Slack closed 3x more tickets.", "Slack"));
        // Numbers that are not outcome figures, or figures two sentences away, do not.
        assert!(!near("We have 12 wikis at 4 sites.", "wikis"));
        assert!(!near(
            "Sales rose 5%. Then came winter. The wiki helps.",
            "wiki"
        ));
    }
}
