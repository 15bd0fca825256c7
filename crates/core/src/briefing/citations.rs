//! Numbered citations: each distinct source in the storyboard, in the order it is first
//! used, for the sources appendix and the "[n]" marks beside the blocks that cite it.

use std::collections::HashMap;

use crate::model::{Block, Project};

/// One entry of the sources appendix.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Citation {
    pub source: String,
    pub link: Option<String>,
    pub date: Option<String>,
}

impl Citation {
    fn of(block: &Block) -> Option<Citation> {
        let clean = |text: &Option<String>| {
            text.as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string)
        };
        let source = clean(&block.source);
        let link = clean(&block.source_link);
        if source.is_none() && link.is_none() {
            return None;
        }
        Some(Citation {
            source: source.or_else(|| link.clone()).unwrap_or_default(),
            link,
            date: clean(&block.source_date),
        })
    }

    /// Only web addresses become clickable links; anything else is printed as written.
    pub fn web_link(&self) -> Option<&str> {
        self.link
            .as_deref()
            .filter(|l| l.starts_with("https://") || l.starts_with("http://"))
    }
}

#[derive(Debug, Default)]
pub struct Citations {
    pub list: Vec<Citation>,
    numbers: HashMap<Citation, usize>,
}

impl Citations {
    /// Numbers the sources of the storyboard's blocks (not the library's).
    pub fn collect(project: &Project) -> Citations {
        let mut citations = Citations::default();
        for block in project.sections.iter().flat_map(|s| &s.blocks) {
            if let Some(citation) = Citation::of(block) {
                if !citations.numbers.contains_key(&citation) {
                    citations.list.push(citation.clone());
                    citations.numbers.insert(citation, citations.list.len());
                }
            }
        }
        citations
    }

    /// The number (from 1) of the source `block` cites, if any.
    pub fn number(&self, block: &Block) -> Option<usize> {
        Citation::of(block).and_then(|c| self.numbers.get(&c).copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::sample_project;

    #[test]
    fn the_same_source_cited_twice_keeps_its_first_number() {
        let mut project = sample_project();
        let mut blocks = project.sections.iter_mut().flat_map(|s| &mut s.blocks);
        let (first, second, third) = (
            blocks.next().unwrap(),
            blocks.next().unwrap(),
            blocks.next().unwrap(),
        );
        first.source = Some("Annual report".into());
        first.source_link = Some("https://example.org/report".into());
        second.source = Some(" Annual report ".into());
        second.source_link = Some("https://example.org/report".into());
        third.source = Some("Staff survey".into());
        third.source_link = Some("intranet/survey".into());
        let citations = Citations::collect(&project);
        let blocks: Vec<&Block> = project.sections.iter().flat_map(|s| &s.blocks).collect();
        assert_eq!(citations.number(blocks[0]), Some(1));
        assert_eq!(citations.number(blocks[1]), Some(1));
        assert_eq!(citations.number(blocks[2]), Some(2));
        assert_eq!(
            citations.list[0].web_link(),
            Some("https://example.org/report")
        );
        assert_eq!(citations.list[1].web_link(), None, "not a web address");
    }
}
