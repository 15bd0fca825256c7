//! The context stage: between "a term matched" and "a finding shown". A tool or concept
//! name, or a buzzword, is only worth underlining when it is the argument. Read in its
//! sentence, the same word is often something else: a word being discussed, someone's
//! objection, the topic of advice to the person pitching, a real marketing channel with its
//! figures, part of a name, a product in a factual story, or the means beside a measured
//! result (`../shared/product/COACHING.md` in the repository's shared notes). Each candidate
//! gets a `Reading`: raised with a reason in plain words, or set aside with one.
//!
//! The cues are small, deterministic patterns over the candidate's sentence and its
//! neighbours; each window is capped, so a megabyte with no full stop costs no more per
//! candidate than a paragraph.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

mod cues;

use super::sentences::Sentences;
use cues::*;
pub(super) use cues::{compile_cue, figure};

/// What kind of word a rule flags, which decides the readings that can set it aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContextKind {
    /// A tool, channel, product or concept name ("social learning", "Yammer").
    Tool,
    /// Empty praise or a slogan ("synergy", "game-changer").
    Buzzword,
    /// How a tool is deployed or counted ("roll-out", "adoption"): worth a word when it is
    /// the writer's own plan or their measure of success, not in a report of what others did.
    Deployment,
    /// A vague amount or a hedge ("huge", "might"): worth a word where it stands in for the
    /// change's result ("huge savings", "might cut costs"), not where it sizes anything else
    /// ("a huge company", "one might say").
    Vague,
    /// A promised return ("ROI", "pays for itself"), for a rule that asks for its cost:
    /// worth a word when the writer promises it for their own case ("will pay for itself
    /// within a year", "an ROI of 300%"), not where a return is asked for, discussed or
    /// reported from elsewhere ("boards demand a clear payback", "a study found a 365% ROI").
    Return,
    /// A study or research cited ("studies show"), for a rule that asks for its source: set
    /// aside when its sentence gives one (a reference mark, a year in brackets, the author).
    Citation,
    /// A result named without its size ("improve collaboration", "business benefits"):
    /// worth a word when the writer claims it for their own case ("it will enhance
    /// communication", "this strengthens relationships"), not in a description, a list of
    /// what others aim at, advice or a report.
    Claim,
    /// Not read in context (the rule's own conditions decide).
    Plain,
}

impl ContextKind {
    pub fn parse(name: &str) -> Option<ContextKind> {
        match name {
            "tool" => Some(ContextKind::Tool),
            "buzzword" => Some(ContextKind::Buzzword),
            "deployment" => Some(ContextKind::Deployment),
            "vague" => Some(ContextKind::Vague),
            "return" => Some(ContextKind::Return),
            "citation" => Some(ContextKind::Citation),
            "claim" => Some(ContextKind::Claim),
            "none" => Some(ContextKind::Plain),
            _ => None,
        }
    }

    /// The default for a rule id: tool-talk rules read tools, concept rules buzzwords.
    pub fn for_rule_id(id: &str) -> ContextKind {
        let local = id.split_once('.').map_or(id, |(_, rest)| rest);
        if local.starts_with("tool-talk.") {
            ContextKind::Tool
        } else if local.starts_with("concept.") {
            ContextKind::Buzzword
        } else {
            ContextKind::Plain
        }
    }
}

/// Why a candidate was set aside. The wire names are stable (JSON of `casewright lint`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum SetAside {
    /// In quotation marks, as a word or a short label.
    Quoted,
    /// Discussed as a word ("the term …", "so-called …").
    WordAsWord,
    /// Being defined ("… refers to", "what is …").
    Defined,
    /// Reported as someone's objection or worry.
    Objection,
    /// Named in a warning against tool-talk ("don't talk about …", "rather than …").
    Warning,
    /// The topic of advice to the person pitching ("how to sell … to your director").
    AdviceTopic,
    /// A real channel whose results are measured, or a category of spending with figures.
    LiteralChannel,
    /// Part of a name, a title, a job title or a programme.
    NameOrTitle,
    /// Inside a quoted statistic from a survey or study.
    QuotedStatistic,
    /// A product or tool in a factual story of what an organisation did.
    FactualNarrative,
    /// The means beside a measured result in the same sentence.
    MeansOfResult,
    /// Someone else's view, reported ("McAfee says …").
    Reported,
    /// Named, described or listed, but not sold: nothing in its sentence makes it the
    /// goal, the subject of a benefit or the reason.
    Descriptive,
    /// A vague word that sizes or hedges something other than a result ("a huge company").
    NotAResult,
    /// A return asked for, discussed or measured in general, not promised for this case.
    NotPromised,
    /// A study cited with its source in the same sentence.
    Sourced,
    /// "Enable" or "empower" followed by what it lets people do ("enables drivers to swap
    /// shifts"): the sentence says it.
    SpelledOut,
    /// "Transform" or "reinvent" with the thing it changes named ("the transformation of the
    /// intranet"): a literal change, not a slogan.
    LiteralChange,
}

impl SetAside {
    pub const ALL: [SetAside; 18] = [
        SetAside::Quoted,
        SetAside::WordAsWord,
        SetAside::Defined,
        SetAside::Objection,
        SetAside::Warning,
        SetAside::AdviceTopic,
        SetAside::LiteralChannel,
        SetAside::NameOrTitle,
        SetAside::QuotedStatistic,
        SetAside::FactualNarrative,
        SetAside::MeansOfResult,
        SetAside::Reported,
        SetAside::Descriptive,
        SetAside::NotAResult,
        SetAside::NotPromised,
        SetAside::Sourced,
        SetAside::SpelledOut,
        SetAside::LiteralChange,
    ];

    pub fn id(self) -> &'static str {
        match self {
            SetAside::Quoted => "quoted",
            SetAside::WordAsWord => "word-as-word",
            SetAside::Defined => "defined",
            SetAside::Objection => "objection",
            SetAside::Warning => "warning",
            SetAside::AdviceTopic => "advice-topic",
            SetAside::LiteralChannel => "literal-channel",
            SetAside::NameOrTitle => "name-or-title",
            SetAside::QuotedStatistic => "quoted-statistic",
            SetAside::FactualNarrative => "factual-narrative",
            SetAside::MeansOfResult => "means-of-result",
            SetAside::Reported => "reported",
            SetAside::Descriptive => "descriptive",
            SetAside::NotAResult => "not-a-result",
            SetAside::NotPromised => "not-promised",
            SetAside::Sourced => "sourced",
            SetAside::SpelledOut => "spelled-out",
            SetAside::LiteralChange => "literal-change",
        }
    }

    /// Why it was left alone, in plain words, for `lint --explain` and the JSON.
    pub fn reason(self, matched: &str) -> String {
        match self {
            SetAside::Quoted => {
                format!("“{matched}” is in quotation marks: a word quoted, not used")
            }
            SetAside::WordAsWord => format!("“{matched}” is discussed as a word"),
            SetAside::Defined => format!("“{matched}” is being defined"),
            SetAside::Objection => format!("“{matched}” is part of an objection being reported"),
            SetAside::Warning => format!("“{matched}” is named in a warning against tool-talk"),
            SetAside::AdviceTopic => {
                format!("“{matched}” is the topic of advice on how to pitch it")
            }
            SetAside::LiteralChannel => format!(
                "“{matched}” is the real channel here, and its results are given in figures"
            ),
            SetAside::NameOrTitle => format!("“{matched}” is part of a name or title"),
            SetAside::QuotedStatistic => format!("“{matched}” is inside a quoted statistic"),
            SetAside::FactualNarrative => {
                format!("“{matched}” is a product in a factual account of what was done")
            }
            SetAside::MeansOfResult => {
                format!("“{matched}” is how a measured result was reached, in the same sentence")
            }
            SetAside::Reported => format!("“{matched}” is part of someone else's view, reported"),
            SetAside::Descriptive => format!(
                "“{matched}” is named or described, not sold: nothing makes it the goal, a benefit's subject or the reason"
            ),
            SetAside::NotAResult => format!(
                "“{matched}” sizes or hedges something other than a result of the change"
            ),
            SetAside::NotPromised => format!(
                "“{matched}” is asked for or discussed here, not promised for this case"
            ),
            SetAside::Sourced => format!("“{matched}” is cited with its source in its sentence"),
            SetAside::SpelledOut => {
                format!("“{matched}” is followed by what it lets people do")
            }
            SetAside::LiteralChange => {
                format!("“{matched}” names the thing it changes: a literal change, not a slogan")
            }
        }
    }
}

/// What the context stage made of a candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// Shown, with the reason in plain words.
    Raised(String),
    /// Left alone, and why.
    SetAside(SetAside),
}

/// The sentence window around a candidate, capped on each side.
struct Window<'a> {
    before: &'a str,
    after: &'a str,
    sentence: &'a str,
    previous: &'a str,
    next: &'a str,
    /// The sentence is inside a quotation opened in an earlier sentence of its paragraph
    /// (“… several sentences …”), closed after the candidate.
    in_long_quote: bool,
}

const CAP: usize = 400;
/// How far back in its paragraph a sentence looks for an opening quotation mark.
const QUOTE_CAP: usize = 4000;

fn clip_start(text: &str, from: usize, to: usize) -> usize {
    let mut at = from.max(to.saturating_sub(CAP));
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

fn clip_end(text: &str, from: usize, to: usize) -> usize {
    let mut at = to.min(from + CAP);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn clipped(text: &str, (start, end): (usize, usize)) -> &str {
    let from = start;
    let to = clip_end(text, start, end.min(start + 2 * CAP));
    &text[from..to.max(from)]
}

impl<'a> Window<'a> {
    fn new(text: &'a str, sentences: &Sentences, range: (usize, usize)) -> Window<'a> {
        let at = sentences.index_of(range.0);
        let (s, e) = sentences.get(at);
        let from = clip_start(text, s, range.0);
        let to = clip_end(text, range.1, e);
        let neighbour = |i: Option<usize>| i.map_or("", |i| clipped(text, sentences.get(i)));
        let next = neighbour(Some(at + 1).filter(|&n| n < sentences.len()));
        let after = &text[range.1..to.max(range.1)];
        // The paragraph before the sentence, capped: more openings than closings there means
        // the sentence is in someone's quotation.
        let mut from_cap = s.saturating_sub(QUOTE_CAP);
        while !text.is_char_boundary(from_cap) {
            from_cap += 1;
        }
        let capped = &text[from_cap..s];
        let earlier = capped.rfind('\n').map_or(capped, |n| &capped[n + 1..]);
        let open = earlier.matches('“').count() > earlier.matches('”').count();
        let closes = after.contains('”') || next.contains('”');
        Window {
            in_long_quote: open && closes,
            before: &text[from..range.0],
            after: &text[range.1..to.max(range.1)],
            sentence: &text[from..to.max(range.1)],
            previous: neighbour(at.checked_sub(1)),
            next,
        }
    }
}

/// Reads one candidate: `matched` is `text[range]`, found by a rule of `kind`.
pub fn read(
    kind: ContextKind,
    text: &str,
    sentences: &Sentences,
    range: (usize, usize),
) -> Reading {
    let matched = &text[range.0..range.1];
    let mut window = Window::new(text, sentences, range);
    // "Gamification — game mechanics for work — can …": the claim comes after the aside.
    window.after = skip_aside(window.after);
    if kind == ContextKind::Plain {
        return Reading::Raised(String::new());
    }
    if let Some(aside) = mention(&window) {
        return Reading::SetAside(aside);
    }
    if is_name_or_title(&window, matched) {
        return Reading::SetAside(SetAside::NameOrTitle);
    }
    if kind == ContextKind::Return {
        return promised_return(&window, matched);
    }
    if kind == ContextKind::Citation {
        return if citation_mark().is_match(window.sentence)
            || reported_speech().is_match(window.sentence)
        {
            Reading::SetAside(SetAside::Sourced)
        } else {
            Reading::Raised(format!("“{matched}” cites research without saying whose"))
        };
    }
    if kind == ContextKind::Claim {
        return claimed_result(&window, matched);
    }
    if kind == ContextKind::Vague {
        return if stands_for_a_result(&window, matched) {
            Reading::Raised(format!(
                "“{matched}” stands where the result's size should be: the board cannot check it"
            ))
        } else {
            Reading::SetAside(SetAside::NotAResult)
        };
    }
    if kind == ContextKind::Buzzword {
        // "enables drivers to swap shifts" says what; "empowers staff to thrive" does not.
        if enabling_verb().is_match(matched)
            && enabled_to_after().is_match(window.after)
            && !vague_ability_after().is_match(window.after)
        {
            return Reading::SetAside(SetAside::SpelledOut);
        }
        // "the transformation of the intranet" names what changes; "transforms the way we
        // work" and "transform our business" are the slogan.
        if change_word().is_match(matched)
            && changed_thing_after().is_match(window.after)
            && !slogan_object_after().is_match(window.after)
        {
            return Reading::SetAside(SetAside::LiteralChange);
        }
        return Reading::Raised(format!(
            "“{matched}” carries no checkable meaning in this sentence: say what changes, and by how much"
        ));
    }
    if kind == ContextKind::Deployment {
        return deployment(&window, matched);
    }
    if let Some(aside) = tool_use(&window, matched) {
        return Reading::SetAside(aside);
    }
    // When in doubt, do not flag: a tool is raised only when its sentence sells it.
    // "With the wiki, we will…" makes the tool the way; in a story ("OCBC's staff booked
    // desks through the intranet") it is only how something happened.
    // A genuine question ("What does informal learning mean for us?") sells nothing.
    if inquiry().is_match(window.sentence) && !goal_before().is_match(window.before) {
        return Reading::SetAside(SetAside::Descriptive);
    }
    // "Even with the many platforms, firms struggle…" concedes the tool; it is no goal.
    let means_as_goal = means_before().is_match(window.before)
        && !concessive_before().is_match(window.before)
        && !narrative_verb().is_match(window.sentence)
        && !names_an_organisation(&window, matched);
    // "The solution? X." and "What if we gave everyone X?" put the tool forward as the answer.
    let proposed = answer_question().is_match(window.previous)
        || (what_if_before().is_match(window.before) && !removal_verb().is_match(window.before));
    // A benefit that follows the tool is its claim only when the tool is the subject, not the
    // object of a preposition ("those who grew up on Facebook will…").
    let benefit = benefit_after().is_match(window.after)
        && !object_of_preposition_before().is_match(window.before);
    if (goal_before().is_match(window.before) || means_as_goal || proposed)
        && !(benefit || claim_before().is_match(window.before))
    {
        return Reading::Raised(format!(
            "“{matched}” is named as the goal or the reason; nothing in its sentence ties it to a measured result"
        ));
    }
    let claim = benefit || claim_before().is_match(window.before);
    if !claim && is_headline(window.sentence) {
        return Reading::Raised(format!(
            "“{matched}” is the point of a headline with no result in it: lead with the outcome"
        ));
    }
    if !claim {
        return Reading::SetAside(SetAside::Descriptive);
    }
    Reading::Raised(if claim {
        format!("“{matched}” is the subject of a benefit claim, and nothing in its sentence is measured")
    } else {
        format!("“{matched}” names the tool or concept as the point; nothing in its sentence ties it to a measured result")
    })
}

/// Whether a vague word qualifies a result: a result noun or verb right after it ("huge
/// savings", "might cut", "significantly reduces"), or a result verb right before it
/// ("improves dramatically").
fn stands_for_a_result(w: &Window, matched: &str) -> bool {
    // A term may carry its own result ("significant savings", "positive impact").
    let own = matched
        .split_once(char::is_whitespace)
        .map_or("", |(_, rest)| rest);
    // A hedge that names potential is about the change's benefit by its meaning.
    let potential = {
        let m = matched.to_lowercase();
        m.contains("potential") || m.contains("possibilit") || m.contains("hopefully")
    };
    potential
        || (!own.is_empty() && result_after_vague().is_match(own))
        || result_after_vague().is_match(w.after)
        || result_before_vague().is_match(w.before)
}

/// A roll-out or an adoption count: raised as the writer's plan or measure, set aside in a
/// story, a report or beside a measured result.
/// A return is promised when the writer offers it for their own case: a promise verb before
/// it ("will deliver a strong ROI"), a promise after it ("the payback will come in a year"),
/// its own figure ("an ROI of 300%", "a payback of 14 months"), a present-tense claim ("it
/// pays for itself") or a headline. One reported from a study or a source is theirs.
fn promised_return(w: &Window, matched: &str) -> Reading {
    if stat_source().is_match(w.sentence) || reported_speech().is_match(w.sentence) {
        return Reading::SetAside(SetAside::QuotedStatistic);
    }
    let own_claim = matched.to_ascii_lowercase().starts_with("pays for itself")
        && !narrative_verb().is_match(w.before);
    let figure_beside =
        return_figure_after().is_match(w.after) || return_figure_before().is_match(w.before);
    if own_claim
        || figure_beside
        || return_promise_before().is_match(w.before)
        || return_promise_after().is_match(w.after)
        || is_headline(w.sentence)
    {
        return Reading::Raised(format!(
            "“{matched}” is promised for this case: the board will ask what it costs"
        ));
    }
    Reading::SetAside(SetAside::NotPromised)
}

/// A result without its size is the writer's claim when a modal or a plan comes before it
/// in its clause ("it will enhance …"), when it opens its sentence or follows its subject
/// ("This strengthens …", "a platform that delivers value"), or in a headline.
fn claimed_result(w: &Window, matched: &str) -> Reading {
    if reported_speech().is_match(w.sentence) {
        return Reading::SetAside(SetAside::Reported);
    }
    if stat_source().is_match(w.sentence) {
        return Reading::SetAside(SetAside::QuotedStatistic);
    }
    if advice_frame().is_match(w.sentence) {
        return Reading::SetAside(SetAside::AdviceTopic);
    }
    if claim_modal_before().is_match(w.before)
        || claim_subject_before().is_match(w.before)
        || is_headline(w.sentence)
    {
        return Reading::Raised(format!(
            "“{matched}” is claimed for this case with no size: say what it produces, and how much"
        ));
    }
    Reading::SetAside(SetAside::Descriptive)
}

fn deployment(w: &Window, matched: &str) -> Reading {
    if usage_term().is_match(matched)
        && (digit().is_match(w.sentence) || success_measure_before().is_match(w.before))
        && !stat_source().is_match(w.sentence)
    {
        return Reading::Raised(format!(
            "“{matched}” counts use of the tool and offers it as the result"
        ));
    }
    if let Some(aside) = tool_use(w, matched) {
        return Reading::SetAside(aside);
    }
    if writer_plan_before().is_match(w.before) || goal_before().is_match(w.before) {
        return Reading::Raised(format!(
            "“{matched}” puts deploying the tool first in the plan; nothing in its sentence says what it achieves"
        ));
    }
    if is_headline(w.sentence) {
        return Reading::Raised(format!(
            "“{matched}” is the point of a headline with no result in it: lead with the outcome"
        ));
    }
    Reading::SetAside(SetAside::Descriptive)
}

/// A short line with no verb ("A peer network for every depot."): a storyboard headline,
/// whose point is whatever it names.
fn is_headline(sentence: &str) -> bool {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 10
        && !sentence.trim_end().ends_with('?')
        && !finite_verb().is_match(sentence)
}

/// The text after a match without a dash or bracket aside that opens it.
fn skip_aside(after: &str) -> &str {
    let trimmed = after.trim_start();
    for (open, close) in [("—", "—"), ("–", "–"), (" - ", " - "), ("(", ")")] {
        if let Some(rest) = trimmed.strip_prefix(open.trim()) {
            if let Some(end) = rest.find(close.trim()) {
                return &rest[end + close.trim().len()..];
            }
        }
    }
    after
}

/// A word quoted, discussed, defined, objected to or warned against.
fn mention(w: &Window) -> Option<SetAside> {
    if w.in_long_quote {
        return Some(SetAside::Reported);
    }
    if let Some(words) = quoted_words(w) {
        if negative().is_match(w.sentence) {
            return Some(SetAside::Objection);
        }
        if words <= 5 {
            return Some(SetAside::Quoted);
        }
    }
    if word_before().is_match(w.before) || word_after().is_match(w.after) {
        return Some(SetAside::WordAsWord);
    }
    if defined_after().is_match(w.after)
        || defined_before().is_match(w.before)
        || (described_place().is_match(w.before) && where_after().is_match(w.after))
    {
        return Some(SetAside::Defined);
    }
    // "X is no longer just a chat app" sells X as more; "X is not the point" warns.
    let negated = negated_after().is_match(w.after) && !not_just_after().is_match(w.after);
    if warning_before().is_match(w.before) || negated {
        return Some(SetAside::Warning);
    }
    if reported_speech().is_match(w.sentence) {
        return Some(SetAside::Reported);
    }
    if negative().is_match(w.sentence) && reporting().is_match(w.sentence) {
        return Some(SetAside::Objection);
    }
    None
}

/// When the candidate sits inside quotation marks in its sentence, how many words the
/// quotation holds.
fn quoted_words(w: &Window) -> Option<usize> {
    let pairs = [('“', '”'), ('‘', '’'), ('"', '"'), ('\'', '\''), ('«', '»')];
    for (open, close) in pairs {
        let Some(at) = w.before.rfind(open) else {
            continue;
        };
        let inside_before = &w.before[at + open.len_utf8()..];
        if inside_before.contains(close) && open != close {
            continue;
        }
        if open == close && w.before.matches(open).count() % 2 == 0 {
            continue;
        }
        // An apostrophe is no opening quote: it has a letter before it.
        if open == '\'' || open == '‘' {
            let prior = w.before[..at].chars().next_back();
            if prior.is_some_and(char::is_alphanumeric) {
                continue;
            }
        }
        let Some(end) = closing(w.after, close) else {
            continue;
        };
        let quoted = format!("{inside_before} x {}", &w.after[..end]);
        return Some(quoted.split_whitespace().count());
    }
    None
}

/// The closing quotation mark in `after`; a single quote closes only when no letter
/// follows it (so "it’s" is no closing quote).
fn closing(after: &str, close: char) -> Option<usize> {
    after.match_indices(close).map(|(i, _)| i).find(|&i| {
        let next = after[i + close.len_utf8()..].chars().next();
        !(matches!(close, '’' | '\'') && next.is_some_and(char::is_alphanumeric))
    })
}

fn is_name_or_title(w: &Window, matched: &str) -> bool {
    // "the intranet project", "a SharePoint consultant": the tool labels something else,
    // unless that project is what is being launched or asked for.
    if title_head_after().is_match(w.after)
        || job_after().is_match(w.after)
        || (label_head_after().is_match(w.after) && !goal_before().is_match(w.before))
    {
        return true;
    }
    if job_before().is_match(w.before) {
        return true;
    }
    // Inside a run of capitalised words that goes on beyond the match: "the IBM Social
    // Learning Lab", "Acme Social Connect". The sentence's first word proves nothing.
    let capitalised = |word: &str| word.chars().next().is_some_and(char::is_uppercase);
    let all_caps = matched.split_whitespace().all(capitalised);
    if !all_caps || w.before.trim().is_empty() {
        return false;
    }
    // A product's name that a benefit claim follows is still the tool being sold ("the Beta
    // Learning Management System will enable…"); titles and teams were caught above.
    if present_claim_after().is_match(w.after) && benefit_after().is_match(w.after) {
        return false;
    }
    // A heading on the line before, or the sentence's first word, is no part of a name.
    let before_line = w.before.rsplit('\n').next().unwrap_or("");
    let prior = match before_line.split_whitespace().collect::<Vec<_>>()[..] {
        [] | [_] => "",
        [.., last] => last,
    };
    let after_line = w.after.split('\n').next().unwrap_or("");
    let following = after_line.split_whitespace().next().unwrap_or("");
    let name_word = |word: &str| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        capitalised(word) && !matches!(word, "I" | "The" | "A" | "An" | "And" | "Or" | "Our")
    };
    (name_word(prior) && !prior.ends_with(['.', ',', ':', ';']))
        || (name_word(following) && !matched.ends_with(['.', ',']))
}

/// How a tool is used in its sentence, when it is not the argument.
fn tool_use(w: &Window, matched: &str) -> Option<SetAside> {
    // "Social learning is not social media": the tool is what the subject is not.
    if denied_before().is_match(w.before) {
        return Some(SetAside::Warning);
    }
    // "The intranet will be rolled out to MarComms first": a step of the plan, no benefit
    // claimed for it (deploying it as the goal is the deployment rules' business).
    if deployed_after().is_match(w.after) {
        return Some(SetAside::Descriptive);
    }
    // "Ten years ago an intranet was seen as a luxury": history, not a pitch.
    if past_time().is_match(w.sentence) && !claim_before().is_match(w.before) {
        return Some(SetAside::FactualNarrative);
    }
    // "… function much like Facebook": a comparison names the tool to explain something else.
    if comparison_before().is_match(w.before) {
        return Some(SetAside::Descriptive);
    }
    // "Before adopting Yammer, O2 ran …": the frame of a story.
    if narrative_frame_before().is_match(w.before) && past_tense().is_match(w.after) {
        return Some(SetAside::FactualNarrative);
    }
    let figures = |s: &str| figure().is_match(s) && !only_usage(s);
    let measured = |s: &str| figures(s) && result_verb().is_match(s);
    if stat_source().is_match(w.sentence) && digit().is_match(w.sentence) {
        return Some(SetAside::QuotedStatistic);
    }
    let with_numbers = |s: &str| digit().is_match(s);
    if channel().is_match(matched)
        && marketing().is_match(w.sentence)
        && (with_numbers(w.sentence) || with_numbers(w.next) || with_numbers(w.previous))
    {
        return Some(SetAside::LiteralChannel);
    }
    if spending().is_match(w.sentence) && figure().is_match(w.sentence) {
        return Some(SetAside::LiteralChannel);
    }
    // Use itself ("active users doubled") is no result, however it is counted.
    let usage = usage_term().is_match(matched);
    if !usage && (measured(w.sentence) || (pronoun_start().is_match(w.next) && measured(w.next))) {
        return Some(SetAside::MeansOfResult);
    }
    let claim = benefit_after().is_match(w.after) || claim_before().is_match(w.before);
    if advice_frame().is_match(w.sentence) && !claim {
        return Some(SetAside::AdviceTopic);
    }
    if narrative_verb().is_match(w.sentence)
        && !modal().is_match(w.sentence)
        && !claim
        && (org_noun().is_match(w.sentence) || names_an_organisation(w, matched))
    {
        return Some(SetAside::FactualNarrative);
    }
    None
}

/// Whether every figure in the sentence counts use (members, posts, visitors), which is
/// no result.
fn only_usage(s: &str) -> bool {
    let figures = figure().find_iter(s).count();
    let usage = usage_near_figure().find_iter(s).count();
    figures > 0 && usage >= figures && !s.contains(['%', '$', '€', '£'])
}

/// A capitalised word that is neither the sentence's first word nor part of the match:
/// a named organisation or person acting in the story.
fn names_an_organisation(w: &Window, matched: &str) -> bool {
    if organisation_after().is_match(w.after) {
        return true;
    }
    let skip = matched
        .split_whitespace()
        .map(|m| m.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect::<Vec<_>>();
    w.sentence
        .split_whitespace()
        .skip(1)
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
        .any(|word| {
            word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().count() > 1
                && !skip.contains(&word)
                && !matches!(
                    word,
                    "I" | "The"
                        | "This"
                        | "It"
                        | "We"
                        | "Our"
                        | "In"
                        | "January"
                        | "February"
                        | "March"
                        | "April"
                        | "May"
                        | "June"
                        | "July"
                        | "August"
                        | "September"
                        | "October"
                        | "November"
                        | "December"
                )
        })
}

#[cfg(test)]
mod tests;
