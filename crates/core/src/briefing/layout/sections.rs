//! A storyboard section in the flow: its numbered heading kept with its first block,
//! its blocks, and in a handout the speaker notes and ruled lines for the reader's own.

use super::blocks::{lay_out_block, BlockBox};
use super::flow::{Flow, Paragraph};
use super::style::{
    TextStyle, ACCENT, BODY, INK, KIND_LABEL, MARGIN_X, RULE, SECTION_TITLE, SOURCE,
};
use super::{Item, Theme};
use crate::briefing::fonts::FontStyle;
use crate::model::Section;

pub(super) fn lay_out_section(flow: &mut Flow, index: usize, section: &Section) {
    let geo = flow.geo;
    let numeral = Paragraph::new(
        TextStyle {
            font: FontStyle::Bold,
            size: 10.0,
            leading: 14.0,
            colour: ACCENT,
        },
        &format!("{:02}", index + 1),
        geo.content_width,
    );
    let (title_style, rule) = match flow.theme {
        Theme::Board => (SECTION_TITLE, (0.8, RULE)),
        Theme::Bold => (SECTION_TITLE.with_colour(ACCENT), (3.0, ACCENT)),
    };
    let title = Paragraph::new(title_style, &section.title, geo.content_width)
        .clamped(4, geo.content_width);
    let blocks: Vec<BlockBox> = section
        .blocks
        .iter()
        .map(|b| {
            let photo = b
                .photo
                .as_ref()
                .and_then(|p| flow.photos.get(&p.image.id).copied());
            BlockBox::new(b, geo, flow.citations.number(b), photo)
        })
        .collect();
    // Keep the heading on the page of its first block.
    let first_block = blocks
        .first()
        .filter(|b| b.fits_on_a_page(geo))
        .map_or(40.0, |b| b.height);
    flow.reserve(numeral.height() + title.height() + 26.0 + 20.0 + first_block);
    if !flow.at_page_top() {
        flow.y += 26.0;
    }
    let mut entry = flow.here(&section.title);
    let y = flow.y;
    let y = numeral.place(flow.page(), MARGIN_X, y);
    let y = title.place(flow.page(), MARGIN_X, y) + 6.0;
    flow.page().items.push(Item::Rect {
        x: MARGIN_X,
        y,
        width: geo.content_width,
        height: rule.0,
        colour: rule.1,
    });
    flow.y = y + 14.0;
    if section.blocks.is_empty() {
        let note = Paragraph::new(SOURCE, "No blocks in this section yet.", geo.content_width);
        let y = flow.y;
        flow.y = note.place(flow.page(), MARGIN_X, y);
    }
    for block in blocks {
        entry.children.push(lay_out_block(flow, block));
    }
    if flow.handout {
        lay_out_handout_notes(flow, &section.notes);
    }
    flow.outline.push(entry);
}

const NOTE_LINES: usize = 7;
const NOTE_LINE_GAP: f32 = 22.0;

/// The handout's part of a section: the presenter's speaker notes, then ruled lines for
/// the reader's own.
fn lay_out_handout_notes(flow: &mut Flow, notes: &str) {
    let geo = flow.geo;
    let label = Paragraph::new(KIND_LABEL, "SPEAKER NOTES", geo.content_width);
    let notes = notes.trim();
    if !notes.is_empty() {
        let text = Paragraph::new(BODY.with_colour(INK), notes, geo.content_width);
        let first = label.height() + text.style.leading;
        flow.reserve(first);
        let y = flow.y;
        let y = label.place(flow.page(), MARGIN_X, y);
        flow.y = y;
        for single in text.into_lines() {
            flow.reserve(single.height());
            let y = flow.y;
            flow.y = single.place(flow.page(), MARGIN_X, y);
        }
        flow.y += 12.0;
    }
    let yours = Paragraph::new(KIND_LABEL, "YOUR NOTES", geo.content_width);
    flow.reserve(yours.height() + NOTE_LINES as f32 * NOTE_LINE_GAP);
    let y = flow.y;
    let mut y = yours.place(flow.page(), MARGIN_X, y);
    for _ in 0..NOTE_LINES {
        y += NOTE_LINE_GAP;
        flow.page().items.push(Item::Rect {
            x: MARGIN_X,
            y,
            width: geo.content_width,
            height: 0.5,
            colour: RULE,
        });
    }
    flow.y = y + 16.0;
}

#[cfg(test)]
mod tests {
    use crate::briefing::layout::style::BLOCK_TITLE;
    use crate::briefing::layout::tests::options;
    use crate::briefing::layout::{lay_out, Document};
    use crate::briefing::text::wrap;
    use crate::briefing::BriefingOptions;
    use crate::exchange::sample_project;

    #[test]
    fn every_block_title_appears_in_storyboard_order() {
        let project = sample_project();
        let doc = lay_out(&project, &options());
        let all: Vec<String> = (1..doc.pages.len())
            .flat_map(|i| doc.page_text(i))
            .collect();
        let joined = all.join("\n");
        let mut from = 0;
        for section in &project.sections {
            for block in &section.blocks {
                let first_line = wrap(BLOCK_TITLE.font, BLOCK_TITLE.size, &block.title, 400.0);
                let needle = first_line[0].text();
                let needle = needle.split(' ').take(3).collect::<Vec<_>>().join(" ");
                let at = joined[from..]
                    .find(&needle)
                    .unwrap_or_else(|| panic!("{needle:?} missing or out of order"));
                from += at;
            }
        }
    }

    #[test]
    fn a_section_heading_stays_on_the_page_of_its_first_block() {
        // Vary the text before each heading so headings land at many page positions.
        for extra in 0..12 {
            let mut project = sample_project();
            project.sections[0].blocks[0]
                .body
                .push_str(&" More detail.".repeat(extra * 9));
            let doc = lay_out(&project, &options());
            let page_of = |needle: &str| {
                (0..doc.pages.len())
                    .find(|&i| doc.page_text(i).iter().any(|line| line == needle))
                    .unwrap_or_else(|| panic!("{needle:?} not found"))
            };
            for section in project.sections.iter().filter(|s| !s.blocks.is_empty()) {
                let first = &section.blocks[0];
                let first_line = wrap(BLOCK_TITLE.font, BLOCK_TITLE.size, &first.title, 400.0);
                let heading_page = page_of(&section.title);
                // After the cover and the summary, which quotes blocks too.
                let block_page = (2..doc.pages.len())
                    .find(|&i| {
                        doc.page_text(i)
                            .iter()
                            .any(|l| first_line[0].text().starts_with(l.as_str()) && l.len() > 8)
                    })
                    .unwrap();
                assert_eq!(
                    heading_page, block_page,
                    "{:?} is orphaned (extra {extra})",
                    section.title
                );
            }
        }
    }

    #[test]
    fn long_sections_flow_onto_more_pages() {
        let mut project = sample_project();
        let blocks = project.sections[0].blocks.clone();
        for _ in 0..10 {
            project.sections[0].blocks.extend(blocks.iter().cloned());
        }
        let short = lay_out(&sample_project(), &options()).pages.len();
        let long = lay_out(&project, &options()).pages.len();
        assert!(long > short);
    }

    #[test]
    fn the_handout_adds_speaker_notes_and_room_for_the_readers_own() {
        let project = sample_project();
        let all_text = |doc: &Document| {
            (0..doc.pages.len())
                .flat_map(|i| doc.page_text(i))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let plain = lay_out(&project, &options());
        assert!(!all_text(&plain).contains("SPEAKER NOTES"));
        let handout = lay_out(
            &project,
            &BriefingOptions {
                handout: true,
                ..options()
            },
        );
        let text = all_text(&handout);
        assert_eq!(
            text.matches("YOUR NOTES").count(),
            project.sections.len(),
            "room for notes after every section"
        );
        let with_notes = project
            .sections
            .iter()
            .filter(|s| !s.notes.trim().is_empty());
        assert_eq!(
            text.matches("SPEAKER NOTES").count(),
            with_notes.clone().count()
        );
        for section in with_notes {
            let first_words: String = section
                .notes
                .split_whitespace()
                .take(4)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(text.contains(&first_words), "{first_words:?} missing");
        }
        assert!(handout.pages.len() > plain.pages.len());
    }
}
