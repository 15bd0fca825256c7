//! What the one-page executive summary says, chosen from the storyboard: the ask first,
//! the three strongest outcomes with their numbers, the proof (the best peer or
//! competitor case and the pilot), and the risk of not acting. The layout draws it.

use std::sync::OnceLock;

use regex::Regex;

use crate::model::{Block, BlockKind, Project, Relation};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary<'a> {
    pub ask: Option<&'a Block>,
    pub outcomes: [Option<&'a Block>; 3],
    pub peer_case: Option<&'a Block>,
    pub pilot: Option<&'a Block>,
    pub risk: Option<&'a Block>,
}

fn cue(pattern: &'static str, cell: &'static OnceLock<Regex>) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("summary cues compile"))
}

fn ask_cue() -> &'static Regex {
    static CUE: OnceLock<Regex> = OnceLock::new();
    cue(
        r"(?i)\b(the ask|we ask|asking the board|approve|approval|request|the decision)\b",
        &CUE,
    )
}

fn pilot_cue() -> &'static Regex {
    static CUE: OnceLock<Regex> = OnceLock::new();
    cue(r"(?i)\b(pilot|trial|start small|first step)\b", &CUE)
}

fn risk_cue() -> &'static Regex {
    static CUE: OnceLock<Regex> = OnceLock::new();
    cue(
        r"(?i)\b(losing ground|los(?:e|ing) (?:more|business|customers|tenders)|fall(?:ing)? behind|already ahead|every (?:month|quarter|year) we wait|cost of (?:waiting|doing nothing)|if we (?:wait|do nothing)|too late|risk of (?:not acting|waiting|doing nothing))\b",
        &CUE,
    )
}

fn tagged(block: &Block, tag: &str) -> bool {
    block
        .tags
        .iter()
        .any(|t| t.trim().eq_ignore_ascii_case(tag))
}

fn says(block: &Block, cue: &Regex) -> bool {
    cue.is_match(&block.title) || cue.is_match(&block.body)
}

pub fn select(project: &Project) -> Summary<'_> {
    // Blocks in storyboard order, with their section index.
    let placed: Vec<(usize, &Block)> = project
        .sections
        .iter()
        .enumerate()
        .flat_map(|(s, section)| section.blocks.iter().map(move |b| (s, b)))
        .collect();
    let last_section = project.sections.len().saturating_sub(1);

    let ask = placed
        .iter()
        .find(|(_, b)| tagged(b, "ask"))
        .or_else(|| {
            placed
                .iter()
                .rev()
                .find(|(s, b)| *s == last_section && says(b, ask_cue()))
        })
        .map(|(_, b)| *b);

    let mut candidates: Vec<(u32, usize, &Block)> = placed
        .iter()
        .enumerate()
        .filter(|(_, (_, b))| {
            b.kind != BlockKind::Story
                && b.number.is_some()
                && !ask.is_some_and(|a| std::ptr::eq(a, *b))
        })
        .filter(|(_, (_, b))| !tagged(b, "ask"))
        .map(|(order, (section, b))| {
            let mut strength = 0;
            if tagged(b, "business case") {
                strength += 3;
            }
            if b.target.is_some() {
                strength += 2;
            }
            // The first section usually states the problem, not what we will gain.
            if *section > 0 {
                strength += 1;
            }
            (strength, order, *b)
        })
        .collect();
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut strongest: Vec<(usize, &Block)> = candidates
        .iter()
        .take(3)
        .map(|&(_, order, b)| (order, b))
        .collect();
    strongest.sort_by_key(|&(order, _)| order);
    let mut outcomes = [None; 3];
    for (slot, (_, block)) in outcomes.iter_mut().zip(strongest) {
        *slot = Some(block);
    }

    let stories = || {
        placed
            .iter()
            .map(|(_, b)| *b)
            .filter(|b| b.kind == BlockKind::Story)
    };
    let peer_case = [
        |b: &Block| b.relation == Some(Relation::Peer) && b.number.is_some(),
        |b: &Block| b.relation == Some(Relation::Competitor) && b.number.is_some(),
        |b: &Block| b.relation.is_some(),
        |_: &Block| true,
    ]
    .into_iter()
    .find_map(|wanted| stories().find(|b| wanted(b)));

    let pilot = placed
        .iter()
        .map(|(_, b)| *b)
        .find(|b| b.kind != BlockKind::Story && says(b, pilot_cue()) && !tagged(b, "ask"));

    let chosen = |b: &Block| {
        [ask, peer_case, pilot]
            .into_iter()
            .flatten()
            .any(|c| std::ptr::eq(c, b))
    };
    let risk = placed
        .iter()
        .rev()
        .map(|(_, b)| *b)
        .find(|b| (tagged(b, "urgency") || says(b, risk_cue())) && !chosen(b));

    Summary {
        ask,
        outcomes,
        peer_case,
        pilot,
        risk,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::sample_project;

    fn title(block: Option<&Block>) -> &str {
        block.map_or("", |b| b.title.as_str())
    }

    #[test]
    fn the_sample_summary_leads_with_the_ask_and_its_strongest_numbers() {
        let project = sample_project();
        let summary = select(&project);
        assert_eq!(title(summary.ask), "The ask: $150,000 for a 16-week pilot");
        let outcomes: Vec<&str> = summary.outcomes.iter().map(|b| title(*b)).collect();
        assert_eq!(
            outcomes,
            [
                "Fourteen thousand engineering hours a year back",
                "Resolve escalated problems in 12 days, not 19",
                "Three times as many people contributing ideas",
            ]
        );
        assert_eq!(
            title(summary.peer_case),
            "A peer cut line stoppages by almost a quarter"
        );
        assert_eq!(
            title(summary.pilot),
            "A 16-week pilot where a win is most likely"
        );
        assert_eq!(title(summary.risk), "Adapt now, or keep losing ground");
    }

    #[test]
    fn an_empty_storyboard_has_nothing_to_summarise() {
        let mut project = sample_project();
        project.sections.clear();
        let summary = select(&project);
        assert_eq!(summary.ask, None);
        assert_eq!(summary.outcomes, [None, None, None]);
        assert_eq!(
            (summary.peer_case, summary.pilot, summary.risk),
            (None, None, None)
        );
    }

    #[test]
    fn without_an_ask_tag_the_last_section_is_read_for_one() {
        let mut project = sample_project();
        for block in project.sections.iter_mut().flat_map(|s| &mut s.blocks) {
            block.tags.retain(|t| t != "ask");
        }
        assert_eq!(
            title(select(&project).ask),
            "The decision we need by 15 July"
        );
    }
}
