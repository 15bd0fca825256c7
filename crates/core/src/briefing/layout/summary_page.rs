//! The one-page executive summary: the ask, outcomes, proof and risk in cards, laid out
//! within line budgets that tighten until the page fits (unlike the flowing sections).

use super::flow::Paragraph;
use super::style::{
    kind_colour, Geometry, TextStyle, ACCENT, BAR_WIDTH, BLOCK_TITLE, BODY, CARD, CARD_PAD, INK,
    KIND_LABEL, MARGIN_TOP, MARGIN_X, MUTED, PART_GAP, SECTION_TITLE, SOURCE,
};
use super::{Item, Page, Rgb};
use crate::briefing::fonts::FontStyle;
use crate::model::{Block, BlockKind, Project};

/// Builds a summary page from parts of fixed maximum size: whatever the storyboard holds,
/// it fits on one page, and text that had to be cut ends in an ellipsis and is noted.
struct SummaryPage {
    page: Page,
    y: f32,
    shortened: bool,
    geo: Geometry,
    budget: Budget,
}

/// The most lines each part of the summary may take. The layout tries the roomiest
/// budget first and tightens until the page fits.
#[derive(Clone, Copy)]
struct Budget {
    titles: usize,
    ask_body: usize,
    tile_title: usize,
    tile_note: usize,
    proof_body: usize,
    risk_body: usize,
}

const BUDGETS: [Budget; 3] = [
    Budget {
        titles: 2,
        ask_body: 3,
        tile_title: 4,
        tile_note: 2,
        proof_body: 4,
        risk_body: 3,
    },
    Budget {
        titles: 2,
        ask_body: 2,
        tile_title: 3,
        tile_note: 1,
        proof_body: 3,
        risk_body: 2,
    },
    Budget {
        titles: 1,
        ask_body: 1,
        tile_title: 2,
        tile_note: 1,
        proof_body: 1,
        risk_body: 1,
    },
];

impl SummaryPage {
    /// Adds `text` at (`x`, `top`), at most `max` lines of `width`; returns the bottom.
    fn text(
        &mut self,
        style: TextStyle,
        text: &str,
        x: f32,
        top: f32,
        width: f32,
        max: usize,
    ) -> f32 {
        let text = text.trim();
        if text.is_empty() {
            return top;
        }
        let paragraph = Paragraph::new(style, text, width);
        self.shortened |= paragraph.lines.len() > max;
        paragraph.clamped(max, width).place(&mut self.page, x, top)
    }

    fn label(&mut self, text: &str, colour: Rgb) {
        let y = self.y;
        self.y = self.text(
            KIND_LABEL.with_colour(colour),
            text,
            MARGIN_X,
            y,
            self.geo.content_width,
            1,
        ) + 4.0;
    }

    /// A card with a coloured bar; `fill` draws its content and returns the content's bottom.
    fn card(
        &mut self,
        x: f32,
        top: f32,
        width: f32,
        colour: Rgb,
        fill: impl FnOnce(&mut Self, f32, f32) -> f32,
    ) -> f32 {
        let at = self.page.items.len();
        let inner_x = x + BAR_WIDTH + CARD_PAD;
        let bottom = fill(self, inner_x, top + CARD_PAD) - PART_GAP + CARD_PAD;
        let height = bottom - top;
        // Backgrounds go under the text drawn just now.
        self.page.items.splice(
            at..at,
            [
                Item::Rect {
                    x,
                    y: top,
                    width,
                    height,
                    colour: CARD,
                },
                Item::Rect {
                    x,
                    y: top,
                    width: BAR_WIDTH,
                    height,
                    colour,
                },
            ],
        );
        bottom
    }

    /// A labelled part across the page: the block in a card, or what to add when the
    /// storyboard has none.
    fn wide_part(
        &mut self,
        label: &str,
        colour: Rgb,
        block: Option<&Block>,
        body_lines: usize,
        missing: &str,
    ) {
        self.label(label, colour);
        let (top, width) = (self.y, self.geo.content_width);
        self.y = match block {
            Some(block) => self.card(MARGIN_X, top, width, colour, |s, x, y| {
                s.block(block, x, y, width - BAR_WIDTH - 2.0 * CARD_PAD, body_lines)
            }),
            None => self.text(SOURCE, missing, MARGIN_X, top, width, 2),
        };
    }

    /// Stretches the cards whose backgrounds start at item indexes `cards` to one row
    /// height, from `top` to `bottom`.
    fn same_height(&mut self, cards: &[usize], top: f32, bottom: f32) {
        for &at in cards {
            for item in &mut self.page.items[at..at + 2] {
                if let Item::Rect { height, .. } = item {
                    *height = bottom - top;
                }
            }
        }
    }

    /// Title, organisation, figure and explanation of a block, within `width`.
    fn block(&mut self, block: &Block, x: f32, top: f32, width: f32, body_lines: usize) -> f32 {
        let colour = kind_colour(block.kind);
        let titles = self.budget.titles;
        let mut y = self.text(BLOCK_TITLE, &block.title, x, top, width, titles) + PART_GAP;
        if let Some(who) = block.organisation_line() {
            y = self.text(SOURCE.with_colour(INK), &who, x, y, width, 1) + PART_GAP;
        }
        if let Some(figure) = block.figure() {
            y = self.text(SUMMARY_FIGURE.with_colour(colour), &figure, x, y, width, 1) + PART_GAP;
        }
        self.text(BODY, &block.body, x, y, width, body_lines) + PART_GAP
    }
}

const TILE_FIGURE: TextStyle = TextStyle {
    font: FontStyle::Bold,
    size: 26.0,
    leading: 30.0,
    colour: ACCENT,
};

/// A metric's value for a tile ("14,000", "52%") and its unit on a line of its own.
fn split_figure(block: &Block) -> (String, String) {
    let figure = block.figure().unwrap_or_default();
    match block.unit.as_deref().map(str::trim) {
        Some(unit) if !unit.is_empty() && unit != "%" => {
            let value = figure
                .strip_suffix(unit)
                .unwrap_or(&figure)
                .trim()
                .to_string();
            (value, unit.to_uppercase())
        }
        _ => (figure, String::new()),
    }
}

const SUMMARY_FIGURE: TextStyle = TextStyle {
    font: FontStyle::Bold,
    size: 17.0,
    leading: 21.0,
    colour: ACCENT,
};

/// The summary page: the roomiest layout that fits above the footer.
pub(super) fn summary_page(project: &Project, geo: Geometry) -> Page {
    let summary = crate::briefing::summary::select(project);
    let mut tightest = None;
    for budget in BUDGETS {
        let (page, bottom) = summary_sheet(&summary, geo, budget);
        if bottom <= geo.content_bottom {
            return page;
        }
        tightest = Some(page);
    }
    tightest.expect("there are budgets")
}

/// Lays the summary out within `budget`; returns the page and how far down it reaches.
fn summary_sheet(
    summary: &crate::briefing::summary::Summary,
    geo: Geometry,
    budget: Budget,
) -> (Page, f32) {
    let mut sheet = SummaryPage {
        page: Page::default(),
        y: MARGIN_TOP,
        shortened: false,
        geo,
        budget,
    };
    let width = geo.content_width;
    sheet.label("SUMMARY", ACCENT);
    let y = sheet.y;
    sheet.y = sheet.text(SECTION_TITLE, "Executive summary", MARGIN_X, y, width, 1) + 18.0;

    sheet.wide_part(
        "THE ASK",
        ACCENT,
        summary.ask,
        budget.ask_body,
        "No explicit ask yet: say what you want decided, by whom and by when.",
    );
    sheet.y += 16.0;

    sheet.label("WHAT WE GAIN", kind_colour(BlockKind::Benefit));
    let outcomes: Vec<&Block> = summary.outcomes.iter().flatten().copied().collect();
    let top = sheet.y;
    if outcomes.is_empty() {
        sheet.y = sheet.text(
            SOURCE,
            "No outcome carries a number yet: say how much, how many, how fast.",
            MARGIN_X,
            top,
            width,
            2,
        ) + 16.0;
    } else {
        let gap = 10.0;
        let tile = (width - gap * 2.0) / 3.0;
        let inner = tile - BAR_WIDTH - 2.0 * CARD_PAD;
        let mut bottom = top;
        let mut backgrounds = Vec::new();
        for (i, outcome) in outcomes.into_iter().enumerate() {
            let x = MARGIN_X + i as f32 * (tile + gap);
            let colour = kind_colour(outcome.kind);
            backgrounds.push(sheet.page.items.len());
            let end = sheet.card(x, top, tile, colour, |s, x, y| {
                let (value, unit) = split_figure(outcome);
                let y = s.text(TILE_FIGURE.with_colour(colour), &value, x, y, inner, 1);
                let y = s.text(
                    KIND_LABEL.with_colour(colour),
                    &unit,
                    x,
                    y,
                    inner,
                    budget.tile_note,
                ) + PART_GAP;
                let y = s.text(
                    BODY.with_colour(INK),
                    &outcome.title,
                    x,
                    y,
                    inner,
                    budget.tile_title,
                ) + PART_GAP;
                match outcome.change_line() {
                    Some(change) => {
                        s.text(SOURCE, &change, x, y, inner, budget.tile_note) + PART_GAP
                    }
                    None => y,
                }
            });
            bottom = bottom.max(end);
        }
        sheet.same_height(&backgrounds, top, bottom);
        sheet.y = bottom + 16.0;
    }

    sheet.label("THE PROOF", kind_colour(BlockKind::Story));
    let top = sheet.y;
    let half = (width - 10.0) / 2.0;
    let inner = half - BAR_WIDTH - 2.0 * CARD_PAD;
    let mut bottom = top;
    let mut backgrounds = Vec::new();
    for (i, (block, missing)) in [
        (
            summary.peer_case,
            "No peer or competitor case yet: boards move most when a rival is ahead.",
        ),
        (
            summary.pilot,
            "No pilot yet: propose a small first step where a win is likely.",
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let x = MARGIN_X + i as f32 * (half + 10.0);
        let end = match block {
            Some(block) => {
                backgrounds.push(sheet.page.items.len());
                sheet.card(x, top, half, kind_colour(block.kind), |s, x, y| {
                    s.block(block, x, y, inner, budget.proof_body)
                })
            }
            None => sheet.text(SOURCE, missing, x, top, half, 3),
        };
        bottom = bottom.max(end);
    }
    sheet.same_height(&backgrounds, top, bottom);
    sheet.y = bottom + 16.0;

    sheet.wide_part(
        "IF WE WAIT",
        MUTED,
        summary.risk,
        budget.risk_body,
        "Nothing says why now yet: name the cost of waiting or a deadline.",
    );
    sheet.y += 12.0;

    if sheet.shortened {
        let y = sheet.y;
        sheet.y = sheet.text(
            SOURCE,
            "Shortened to fit one page (…); the full text follows in the briefing.",
            MARGIN_X,
            y,
            width,
            1,
        );
    }
    (sheet.page, sheet.y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::layout::style::MARGIN_BOTTOM;
    use crate::briefing::layout::tests::options;
    use crate::briefing::layout::{lay_out, Paper};
    use crate::exchange::sample_project;

    #[test]
    fn the_summary_fits_one_page_however_long_the_storyboard_is() {
        let long = "Outcome words that keep going and going without end. ".repeat(200);
        let mut project = sample_project();
        for block in project.sections.iter_mut().flat_map(|s| &mut s.blocks) {
            block.title = format!("{} {}", block.title, long);
            block.body = long.clone();
            if block.unit.is_some() {
                block.unit = Some(long.clone());
            }
            block.organisation = block.organisation.as_ref().map(|_| long.clone());
        }
        for paper in [Paper::A4, Paper::Letter] {
            let (_, height) = paper.size();
            // The page as the summary builds it, before the footer goes below its margin.
            let summary = summary_page(&project, Geometry::of(paper));
            let text = page_words(&summary);
            assert!(text.contains("Executive summary"));
            assert!(text.contains("Shortened to fit one page"), "{paper:?}");
            for item in &summary.items {
                let bottom = match item {
                    Item::Text { baseline, .. } => *baseline,
                    Item::Rect { y, height, .. }
                    | Item::Link { y, height, .. }
                    | Item::Image { y, height, .. } => y + height,
                };
                assert!(
                    bottom <= height - MARGIN_BOTTOM,
                    "{paper:?}: the summary runs to {bottom}"
                );
            }
        }
        // A storyboard that fits needs no marker.
        let doc = lay_out(&project_with_short_texts(), &options());
        assert!(!doc.page_text(1).join(" ").contains("Shortened"));
    }

    fn page_words(page: &Page) -> String {
        page.items
            .iter()
            .filter_map(|item| match item {
                Item::Text { line, .. } => Some(line.text()),
                Item::Rect { .. } | Item::Link { .. } | Item::Image { .. } => None,
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn project_with_short_texts() -> Project {
        let mut project = sample_project();
        for block in project.sections.iter_mut().flat_map(|s| &mut s.blocks) {
            block.body = "Short.".into();
        }
        project
    }
}
