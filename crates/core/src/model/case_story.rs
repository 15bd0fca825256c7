//! A case study as storyboard blocks: a story (who, what they did, what came of it, in
//! their words, with the source) and, if wanted, a metric per outcome with a number.

use super::case::CaseStudy;
use crate::model::{format_number, Block, BlockKind, Relation};

fn source_of(case: &CaseStudy) -> Option<String> {
    let parts: Vec<&str> = [case.source.title.trim(), case.source.publisher.trim()]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// The story block a case becomes (linked to the case by `case_id` once stored).
pub fn story_block(case: &CaseStudy, relation: Option<Relation>) -> Block {
    let mut block = Block::new(BlockKind::Story, case.title.trim());
    block.organisation = Some(case.organisation.trim().to_string());
    block.relation = relation;
    let results: Vec<String> = case
        .outcomes
        .iter()
        .map(|o| match (o.number, o.unit.as_deref()) {
            (Some(n), Some("%")) => format!("{}% {}", format_number(n), o.description.trim()),
            (Some(n), Some(unit)) => {
                format!("{} {unit} {}", format_number(n), o.description.trim())
            }
            (Some(n), None) => format!("{} {}", format_number(n), o.description.trim()),
            (None, _) => o.description.trim().to_string(),
        })
        .filter(|r| !r.is_empty())
        .collect();
    let mut body = case.initiative.trim().to_string();
    if !results.is_empty() {
        let year = case.year.map(|y| format!(" ({y})")).unwrap_or_default();
        body.push_str(&format!(" Result{year}: {}.", results.join("; ")));
    }
    if let Some(quote) = case
        .quote
        .as_deref()
        .map(str::trim)
        .filter(|q| !q.is_empty())
    {
        body.push(' ');
        body.push_str(quote);
    }
    block.body = body.trim().to_string();
    if let Some(first) = case.outcomes.iter().find(|o| o.number.is_some()) {
        block.number = first.number;
        block.unit = first.unit.clone();
    }
    block.source = source_of(case);
    block.source_link = case.source.link.clone();
    block.source_date = case.source.accessed.clone();
    block.tags = case.tags.clone();
    block
}

/// A metric block for each outcome that has a number.
pub fn metric_blocks(case: &CaseStudy) -> Vec<Block> {
    case.outcomes
        .iter()
        .filter_map(|o| {
            let number = o.number?;
            let mut block = Block::new(
                BlockKind::Metric,
                format!("{}: {}", case.organisation.trim(), o.description.trim()),
            );
            block.number = Some(number);
            block.unit = o.unit.clone();
            block.organisation = Some(case.organisation.trim().to_string());
            block.source = source_of(case);
            block.source_link = case.source.link.clone();
            block.source_date = case.source.accessed.clone();
            block.tags = vec![o.kind.as_str().to_string()];
            Some(block)
        })
        .collect()
}
