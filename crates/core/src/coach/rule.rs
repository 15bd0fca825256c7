//! The rule model: what a rule checks, where, how loudly, and for which audience.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use super::context::ContextKind;
use crate::model::BlockKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Suggestion,
    Warning,
    Error,
}

/// Who the case is made to; selects extra rules and changes advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    Board,
    Ceo,
    Cfo,
    Coo,
    Chro,
    Cio,
}

impl Audience {
    pub const ALL: [Audience; 6] = [
        Audience::Board,
        Audience::Ceo,
        Audience::Cfo,
        Audience::Coo,
        Audience::Chro,
        Audience::Cio,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Board => "board",
            Audience::Ceo => "ceo",
            Audience::Cfo => "cfo",
            Audience::Coo => "coo",
            Audience::Chro => "chro",
            Audience::Cio => "cio",
        }
    }

    pub fn parse(name: &str) -> Option<Audience> {
        let name = name.trim().to_ascii_lowercase();
        Audience::ALL.into_iter().find(|a| a.as_str() == name)
    }

    /// Reads the audience from a project's free-text audience ("Chief Financial Officer",
    /// "the CFO", "Board of Directors"); a mixed or unknown audience is the board.
    pub fn infer(text: &str) -> Audience {
        let lower = text.to_lowercase();
        let has = |needles: &[&str]| needles.iter().any(|n| contains_word(&lower, n));
        if has(&["cfo", "chief financial officer", "finance director"]) {
            Audience::Cfo
        } else if has(&["ceo", "chief executive", "managing director"]) {
            Audience::Ceo
        } else if has(&["coo", "chief operating officer", "operations director"]) {
            Audience::Coo
        } else if has(&[
            "chro",
            "chief people officer",
            "hr director",
            "chief human resources officer",
        ]) {
            Audience::Chro
        } else if has(&["cio", "cto", "chief information officer", "it director"]) {
            Audience::Cio
        } else {
            Audience::Board
        }
    }
}

fn contains_word(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

pub use crate::model::Field;

/// Where a text rule looks: some fields of some block kinds.
#[derive(Debug, Clone, PartialEq)]
pub struct TextScope {
    pub kinds: Vec<BlockKind>,
    pub fields: Vec<Field>,
}

impl TextScope {
    pub fn covers(&self, kind: BlockKind, field: Field) -> bool {
        self.kinds.contains(&kind) && self.fields.contains(&field)
    }
}

/// A term (or, in `Rule::patterns`, a regular expression) and what to say instead.
#[derive(Debug, Clone, PartialEq)]
pub struct Swap {
    pub term: String,
    pub rewrites: Vec<String>,
}

/// Something a whole storyboard should have; also the readiness checklist's items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Element {
    BusinessCase,
    QuantifiedOutcome,
    CaseStudy,
    PeerCase,
    Pilot,
    SuccessMeasure,
    Ask,
    Urgency,
}

impl Element {
    pub const ALL: [Element; 8] = [
        Element::BusinessCase,
        Element::QuantifiedOutcome,
        Element::CaseStudy,
        Element::PeerCase,
        Element::Pilot,
        Element::SuccessMeasure,
        Element::Ask,
        Element::Urgency,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Element::BusinessCase => "business-case",
            Element::QuantifiedOutcome => "quantified-outcome",
            Element::CaseStudy => "case-study",
            Element::PeerCase => "peer-case",
            Element::Pilot => "pilot",
            Element::SuccessMeasure => "success-measure",
            Element::Ask => "ask",
            Element::Urgency => "urgency",
        }
    }

    pub fn parse(id: &str) -> Option<Element> {
        Element::ALL.into_iter().find(|e| e.id() == id)
    }
}

/// Where an element must stand in the storyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    FirstSection,
    LastSection,
}

/// What a rule checks.
#[derive(Debug, Clone, PartialEq)]
pub enum Check {
    /// Flags each term (whole words, any case, plurals too) and offers the rewrites.
    Substitution { swaps: Vec<Swap> },
    /// Flags each of these terms.
    Existence { terms: Vec<String> },
    /// The terms may occur at most `max` / at least `min` times in the whole storyboard.
    Occurrence {
        terms: Vec<String>,
        min: Option<u32>,
        max: Option<u32>,
    },
    /// Where `first` is used, one of `then` must appear in the storyboard too.
    Conditional {
        first: Vec<String>,
        then: Vec<String>,
    },
    /// A field's sentences may have at most `max_words` words on average.
    WordsPerSentence { max_words: f64 },
    /// The storyboard must contain the element.
    Required { element: Element },
    /// Every benefit is backed by a story or metric in its section or the next one.
    Linkage,
    /// A claim (benefit) should carry a number.
    Concreteness,
    /// The element must be in the first or last section.
    Order {
        element: Element,
        position: Position,
    },
    /// At most `max_share` of the framing terms may be of loss (the rest gain).
    Balance {
        loss: Vec<String>,
        gain: Vec<String>,
        max_share: f64,
    },
}

/// One rule from a pack.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// "pack.rule", unique across loaded packs.
    pub id: String,
    pub level: Level,
    pub message: String,
    pub explanation: Option<String>,
    pub link: Option<String>,
    /// Only for these audiences (empty: every audience).
    pub audiences: Vec<Audience>,
    pub scope: TextScope,
    pub check: Check,
    /// A text rule stays quiet when its match sits in or beside a sentence with an outcome
    /// figure (a percentage, an amount of money, “3 times”): there the tool or the word is
    /// the subject of a real result, not a stand-in for one.
    pub quiet_near_figures: bool,
    /// Regular expressions a substitution or existence rule flags besides its terms, each
    /// with its rewrites (none for existence): for what a list of terms cannot name, such as
    /// "any count of sign-ups". Case-insensitive; checked when the pack loads.
    pub patterns: Vec<Swap>,
    /// How its matches are read in their sentence before they are shown.
    pub context: ContextKind,
}

/// The longest compiled pattern a pack may hold: a pack is a file someone may send.
const PATTERN_SIZE_LIMIT: usize = 1 << 20;

/// Compiles a rule's pattern: case-insensitive, and never matching empty text (it would
/// flag every position).
pub fn compile_pattern(source: &str) -> Result<regex::Regex, String> {
    let regex = regex::RegexBuilder::new(source)
        .case_insensitive(true)
        .size_limit(PATTERN_SIZE_LIMIT)
        .build()
        .map_err(|e| format!("the pattern {source:?} is not a valid regular expression: {e}"))?;
    if regex.is_match("") {
        return Err(format!(
            "the pattern {source:?} matches empty text; it must match at least one character"
        ));
    }
    Ok(regex)
}

impl Rule {
    pub fn applies_to(&self, audience: Audience) -> bool {
        self.audiences.is_empty() || self.audiences.contains(&audience)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_audience_is_read_from_free_text() {
        assert_eq!(Audience::infer("Our CFO, Dana"), Audience::Cfo);
        assert_eq!(Audience::infer("Chief Executive and board"), Audience::Ceo);
        assert_eq!(Audience::infer("The Board of Directors"), Audience::Board);
        // "cio" inside another word is not the CIO.
        assert_eq!(Audience::infer("Associations committee"), Audience::Board);
    }
}
