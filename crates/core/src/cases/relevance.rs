//! What makes a case relevant to a project: the same industry as the organisation making
//! the case, and the words its audience, title and storyboard use most. The profile is
//! built once per project state and turned into scores by [`super::search`].

use std::collections::HashMap;

use crate::Project;

/// Words too common (or too much about Casewright's own sample text) to say what a
/// project is about.
const COMMON: &[&str] = &[
    "about",
    "after",
    "also",
    "been",
    "board",
    "data",
    "each",
    "from",
    "have",
    "illustrative",
    "into",
    "more",
    "most",
    "only",
    "over",
    "replace",
    "some",
    "than",
    "that",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "what",
    "when",
    "which",
    "will",
    "with",
    "would",
    "year",
    "years",
    "your",
];

/// Words shorter than this say little (and "it", "hr" are matched as industry, not text).
const MIN_WORD: usize = 4;

/// How many of the project's words a search weighs.
const PROFILE_WORDS: usize = 16;

/// The audience says most about what the board will care about, then the project's title.
const AUDIENCE_WEIGHT: u32 = 3;
const TITLE_WEIGHT: u32 = 2;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProjectProfile {
    /// Lowercase; empty when the project does not say.
    pub industry: String,
    /// The project's most used words, most first.
    pub words: Vec<String>,
}

impl ProjectProfile {
    pub fn of(project: &Project) -> ProjectProfile {
        let mut counts: HashMap<String, u32> = HashMap::new();
        let mut count = |text: &str, weight: u32| {
            for word in text.split(|c: char| !c.is_alphanumeric()) {
                let word = word.to_lowercase();
                if word.chars().count() >= MIN_WORD
                    && !COMMON.contains(&word.as_str())
                    && !word.chars().all(|c| c.is_ascii_digit())
                {
                    *counts.entry(word).or_default() += weight;
                }
            }
        };
        count(&project.audience, AUDIENCE_WEIGHT);
        count(&project.title, TITLE_WEIGHT);
        for block in project.all_blocks() {
            count(&block.title, 1);
            count(&block.body, 1);
            for tag in &block.tags {
                count(tag, 1);
            }
        }
        let mut words: Vec<(String, u32)> = counts.into_iter().collect();
        words.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        ProjectProfile {
            industry: project.industry.trim().to_lowercase(),
            words: words
                .into_iter()
                .take(PROFILE_WORDS)
                .map(|(w, _)| w)
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.industry.is_empty() && self.words.is_empty()
    }

    /// The FTS5 query matching any of the words (each quoted), if there are any.
    pub(super) fn expression(&self) -> Option<String> {
        (!self.words.is_empty()).then(|| {
            self.words
                .iter()
                .map(|w| format!("\"{w}\""))
                .collect::<Vec<_>>()
                .join(" OR ")
        })
    }

    pub(super) fn same_industry(&self, industry: &str) -> bool {
        !self.industry.is_empty() && industry == self.industry
    }
}

/// Scores for ordering by relevance to the project: a case from the same industry counts
/// as much as the best match of the project's words; what was typed counts half as much.
pub(super) fn score(same_industry: bool, profile_match: f64, text_match: f64) -> f64 {
    f64::from(u8::from(same_industry)) + profile_match + 0.5 * text_match
}

/// A bm25 rank (negative, lower is better) as a share of the best one, in 0..=1.
pub(super) fn share_of_best(rank: f64, best: f64) -> f64 {
    if best < 0.0 && rank < 0.0 {
        (rank / best).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, BlockKind, Section};

    fn project(audience: &str, industry: &str, bodies: &[&str]) -> Project {
        let mut project = crate::template::new_project("");
        project.audience = audience.into();
        project.industry = industry.into();
        project.sections = vec![Section {
            id: 1,
            uid: String::new(),
            title: "Proof".into(),
            notes: String::new(),
            blocks: bodies
                .iter()
                .map(|b| {
                    let mut block = Block::new(BlockKind::Benefit, "");
                    block.body = (*b).into();
                    block
                })
                .collect(),
        }];
        project
    }

    #[test]
    fn the_audience_weighs_more_than_a_single_block() {
        let p = ProjectProfile::of(&project(
            "Hospital trustees",
            " Healthcare ",
            &[
                "Nurses share fixes",
                "Nurses learn faster",
                "Shift handover",
            ],
        ));
        assert_eq!(p.industry, "healthcare");
        // "hospital" and "trustees" (3 each) before "nurses" (2) before the rest (1).
        assert_eq!(&p.words[..3], ["hospital", "trustees", "nurses"]);
        assert!(!p.words.iter().any(|w| w == "with" || w.len() < MIN_WORD));
    }

    #[test]
    fn common_and_short_words_and_numbers_are_left_out() {
        let p = ProjectProfile::of(&project("", "", &["With the data, 2024 will be IT's year"]));
        assert!(p.words.is_empty(), "{:?}", p.words);
        assert!(p.is_empty());
        assert_eq!(p.expression(), None);
    }

    #[test]
    fn scores_put_same_industry_and_better_matches_first() {
        assert!(score(true, 0.0, 0.0) > score(false, 0.9, 0.0));
        assert!(score(false, 0.5, 0.0) > score(false, 0.2, 0.5));
        assert_eq!(share_of_best(-2.0, -4.0), 0.5);
        assert_eq!(share_of_best(0.0, -4.0), 0.0);
        assert_eq!(share_of_best(-1.0, 0.0), 0.0);
    }
}
