//! Reading a plain text or Markdown draft (a memo, a pitch) as a storyboard, so the coach
//! can check it: headings start sections, paragraphs become blocks. A draft has no typed
//! blocks, so a paragraph that tells what another organisation did becomes a story and
//! the rest benefits; the checks then judge the wording.

use std::sync::OnceLock;

use regex::Regex;

use crate::model::{Block, BlockKind, Project, Section};

fn story_cue() -> &'static Regex {
    static CUE: OnceLock<Regex> = OnceLock::new();
    CUE.get_or_init(|| {
        Regex::new(r"(?i)\b(case study|for example|for instance|(?:a|one) (?:peer|competitor|rival)|peers?|competitors?|rivals?)\b")
            .expect("the story cue compiles")
    })
}

/// An organisation doing something: capitalised words, then a verb of action or result.
fn actor_cue() -> &'static Regex {
    static CUE: OnceLock<Regex> = OnceLock::new();
    CUE.get_or_init(|| {
        Regex::new(r"\b((?:[A-Z][\w&]+ )+)(?:did|has|have|cut|saw|reduced|increased|grew|introduced|launched|realized|realised|experienced|saved|achieved)\b")
            .expect("the actor cue compiles")
    })
}

/// Words that start a sentence but name no organisation ("It has", "The team saw").
const NOT_AN_ACTOR: [&str; 22] = [
    "it", "this", "that", "there", "we", "our", "they", "he", "she", "which", "who", "what",
    "these", "those", "everyone", "nobody", "one", "the", "a", "an", "you", "your",
];

/// Whether a paragraph tells a story: a named organisation's experience with its result
/// (judged as the checklist judges it), or a named organisation acting beside a case cue.
fn tells_story(text: &str) -> bool {
    use super::rule::Element;
    use super::supply::{judge, Judgement};
    if matches!(judge(text, Element::CaseStudy), Judgement::Supplied(_)) {
        return true;
    }
    story_cue().is_match(text)
        && actor_cue().captures_iter(text).any(|c| {
            let first = c[1].split_whitespace().next().unwrap_or("");
            !NOT_AN_ACTOR.contains(&first.to_lowercase().as_str())
        })
}

pub fn document_to_project(text: &str) -> Project {
    let mut sections: Vec<Section> = Vec::new();
    let mut title = String::new();
    let section = |title: &str| Section {
        id: 0,
        uid: String::new(),
        title: title.to_string(),
        notes: String::new(),
        blocks: Vec::new(),
    };
    let mut paragraph: Vec<&str> = Vec::new();
    let flush = |paragraph: &mut Vec<&str>, sections: &mut Vec<Section>| {
        if paragraph.is_empty() {
            return;
        }
        let body = paragraph.join(" ");
        paragraph.clear();
        let kind = if tells_story(&body) {
            BlockKind::Story
        } else {
            BlockKind::Benefit
        };
        if sections.is_empty() {
            sections.push(section("Document"));
        }
        let block = Block {
            body,
            ..Block::new(kind, "")
        };
        sections
            .last_mut()
            .expect("just ensured")
            .blocks
            .push(block);
    };
    for line in text.lines() {
        let trimmed = line.trim();
        if let Some(heading) = trimmed.strip_prefix('#') {
            flush(&mut paragraph, &mut sections);
            let heading = heading.trim_start_matches('#').trim();
            if title.is_empty() && sections.is_empty() {
                title = heading.to_string();
            }
            sections.push(section(heading));
        } else if trimmed.is_empty() {
            flush(&mut paragraph, &mut sections);
        } else {
            paragraph.push(trimmed.trim_start_matches(['-', '*', ' ']));
        }
    }
    flush(&mut paragraph, &mut sections);
    Project {
        title,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_story_needs_a_named_actor_not_a_pronoun() {
        assert!(tells_story(
            "Alcoa Fastening Systems experienced a 61% reduction."
        ));
        assert!(tells_story(
            "For example, Harlow Freight cut lead times by a week."
        ));
        // A rival with no name is no case study (COACHING.md).
        assert!(!tells_story("For example, a rival cut lead times."));
        assert!(!tells_story("It has the potential to change how we work."));
        assert!(!tells_story("This has been proven. The team saw gains."));
        // Case matters for names: a lower-case word is not an organisation.
        assert!(!tells_story("and everything has changed"));
    }

    #[test]
    fn headings_make_sections_and_paragraphs_blocks() {
        let doc = "# Why now\n\nOur rivals moved.\nWe did not.\n\n## Proof\n\nFor example, Acme cut stoppages by 23%.\n\n- We ask for $50k.\n";
        let project = document_to_project(doc);
        assert_eq!(project.title, "Why now");
        let titles: Vec<&str> = project.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["Why now", "Proof"]);
        assert_eq!(
            project.sections[0].blocks[0].body,
            "Our rivals moved. We did not."
        );
        assert_eq!(project.sections[1].blocks[0].kind, BlockKind::Story);
        assert_eq!(project.sections[1].blocks[1].kind, BlockKind::Benefit);
        assert_eq!(project.sections[1].blocks[1].body, "We ask for $50k.");
    }

    #[test]
    fn plain_text_without_headings_is_one_section() {
        let project = document_to_project("One.\n\nTwo.");
        assert_eq!(project.sections.len(), 1);
        assert_eq!(project.sections[0].blocks.len(), 2);
    }
}
