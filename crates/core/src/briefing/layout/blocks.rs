//! A block as a card: its parts (label, title, photo, figure, quote, chart, body, source)
//! measured, then placed whole, or flowed line by line across pages when taller than one.

use super::flow::{Flow, Paragraph, CHART_LABEL_WIDTH};
use super::style::{
    kind_colour, Geometry, TextStyle, BAR_WIDTH, BLOCK_TITLE, BODY, CARD, CARD_PAD, FIGURE, INK,
    KIND_LABEL, MARGIN_TOP, MARGIN_X, MUTED, PART_GAP, SOURCE,
};
use super::{Item, LinkTarget, OutlineEntry, Page, Rgb};
use crate::briefing::fonts::FontStyle;
use crate::briefing::text::{wrap, ShapedLine};
use crate::model::{Block, BlockKind};

/// A block's paragraphs (and photo), wrapped and measured, before it is placed.
pub(super) struct BlockBox {
    title: String,
    colour: Rgb,
    parts: Vec<Part>,
    pub(super) height: f32,
}

/// One piece of a block card: text, or a picture from [`Document::images`].
///
/// [`Document::images`]: super::Document::images
enum Part {
    Text(Paragraph),
    Picture {
        image: usize,
        width: f32,
        height: f32,
    },
}

impl Part {
    fn height(&self) -> f32 {
        match self {
            Part::Text(paragraph) => paragraph.height(),
            Part::Picture { height, .. } => *height,
        }
    }

    /// Places the part with its top at `top`; returns the bottom.
    fn place(self, page: &mut Page, x: f32, top: f32) -> f32 {
        match self {
            Part::Text(paragraph) => paragraph.place(page, x, top),
            Part::Picture {
                image,
                width,
                height,
            } => {
                page.items.push(Item::Image {
                    x,
                    y: top,
                    width,
                    height,
                    image,
                });
                top + height
            }
        }
    }
}

impl From<Paragraph> for Part {
    fn from(paragraph: Paragraph) -> Part {
        Part::Text(paragraph)
    }
}

/// A block's photo as the layout knows it: its index in [`Document::images`] and its
/// size in pixels.
///
/// [`Document::images`]: super::Document::images
#[derive(Debug, Clone, Copy)]
pub(super) struct PlacedPhoto {
    pub(super) image: usize,
    pub(super) pixels: (u32, u32),
}

/// The most a photo may take in a block card (height, in points); it is as wide as the
/// card's text, or narrower to keep its proportions.
pub const PHOTO_MAX_HEIGHT: f32 = 220.0;
/// The box photos are prepared for: the widest card text (US Letter) by the tallest photo.
pub const PHOTO_BOX: (f32, f32) = (612.0 - 2.0 * MARGIN_X, PHOTO_MAX_HEIGHT);
/// A small picture is not blown up past this resolution.
const PHOTO_MIN_DPI: f32 = 150.0;

/// The printed size of a `width` × `height` pixel photo in a card `inner` points wide.
fn photo_size(width: u32, height: u32, inner: f32) -> (f32, f32) {
    let (w, h) = (width.max(1) as f32, height.max(1) as f32);
    let natural = 72.0 / PHOTO_MIN_DPI;
    let scale = (inner / w).min(PHOTO_MAX_HEIGHT / h).min(natural);
    (w * scale, h * scale)
}

const PULL_QUOTE: TextStyle = TextStyle {
    font: FontStyle::Italic,
    size: 12.0,
    leading: 17.0,
    colour: INK,
};

/// The first quotation of some length in a story ("…" or “…”), to set apart as its quote.
fn pull_quote(body: &str) -> Option<&str> {
    let mut rest = body;
    while let Some(open) = rest.find(['“', '"']) {
        let after = &rest[open + rest[open..].chars().next()?.len_utf8()..];
        let close = after.find(['”', '"'])?;
        let quote = after[..close].trim();
        if quote.split_whitespace().count() >= 4 {
            return Some(quote);
        }
        rest = &after[close + after[close..].chars().next()?.len_utf8()..];
    }
    None
}

/// A metric's chart as rows of label and bar, on one scale.
fn chart_paragraph(
    chart: &crate::briefing::chart::MetricChart,
    colour: Rgb,
    width: f32,
) -> Paragraph {
    use crate::briefing::chart::BarRole;
    let mut lines = Vec::new();
    let mut bars = Vec::new();
    for bar in &chart.bars {
        let mut line = wrap(BODY.font, BODY.size, &bar.label, CHART_LABEL_WIDTH - 8.0);
        ShapedLine::clamp(&mut line, 1, CHART_LABEL_WIDTH - 8.0);
        lines.push(line.swap_remove(0));
        let tone = match bar.role {
            BarRole::Baseline => MUTED,
            BarRole::Now => Rgb(0x7d, 0xa7, 0xc4),
            BarRole::Target => colour,
        };
        bars.push((
            bar.share.clamp(0.0, 1.0) * (width - CHART_LABEL_WIDTH),
            tone,
        ));
    }
    Paragraph {
        style: BODY.with_colour(MUTED),
        lines,
        link: None,
        bars,
    }
}

impl BlockBox {
    pub(super) fn new(
        block: &Block,
        geo: Geometry,
        citation: Option<usize>,
        photo: Option<PlacedPhoto>,
    ) -> BlockBox {
        let colour = kind_colour(block.kind);
        let inner = geo.content_width - BAR_WIDTH - 2.0 * CARD_PAD;
        // A story says at a glance whose story it is: a peer's or a competitor's.
        let label = match (block.kind, block.relation) {
            (BlockKind::Story, Some(crate::model::Relation::Peer)) => {
                "STORY · PEER CASE".to_string()
            }
            (BlockKind::Story, Some(crate::model::Relation::Competitor)) => {
                "STORY · COMPETITOR CASE".to_string()
            }
            (kind, _) => kind.label().to_uppercase(),
        };
        let mut parts: Vec<Part> = vec![
            Paragraph::new(KIND_LABEL, &label, inner)
                .coloured(colour)
                .into(),
            Paragraph::new(BLOCK_TITLE, &block.title, inner).into(),
        ];
        if let Some(who) = block.organisation_line() {
            parts.push(Paragraph::new(SOURCE, &who, inner).coloured(INK).into());
        }
        if let (Some(placed), Some(meta)) = (photo, &block.photo) {
            let (width, height) = photo_size(placed.pixels.0, placed.pixels.1, inner);
            parts.push(Part::Picture {
                image: placed.image,
                width,
                height,
            });
            if !meta.caption.trim().is_empty() {
                parts.push(Paragraph::new(SOURCE, meta.caption.trim(), inner).into());
            }
        }
        if let Some(figure) = block.figure() {
            parts.push(
                Paragraph::new(FIGURE, &figure, inner)
                    .coloured(colour)
                    .into(),
            );
        }
        if block.kind == BlockKind::Story {
            if let Some(quote) = pull_quote(&block.body) {
                parts.push(
                    Paragraph::new(PULL_QUOTE, &format!("“{quote}”"), inner)
                        .clamped(4, inner)
                        .into(),
                );
            }
        }
        match crate::briefing::chart::metric_chart(block) {
            Some(chart) => {
                parts.push(chart_paragraph(&chart, colour, inner).into());
                if let Some(better) = chart.better {
                    let note = match better {
                        crate::model::Direction::Higher => "▲ Higher is better",
                        crate::model::Direction::Lower => "▼ Lower is better",
                    };
                    parts.push(Paragraph::new(SOURCE, note, inner).into());
                }
            }
            None => {
                if let Some(change) = block.change_line() {
                    parts.push(Paragraph::new(BODY, &change, inner).coloured(MUTED).into());
                }
            }
        }
        if !block.body.trim().is_empty() {
            parts.push(Paragraph::new(BODY, block.body.trim(), inner).into());
        }
        if let Some(number) = citation {
            let source = block
                .source
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .unwrap_or("see the sources");
            parts.push(
                Paragraph::new(SOURCE, &format!("[{number}] Source: {source}"), inner)
                    .linked(Some(LinkTarget::Citation(number)))
                    .into(),
            );
        }
        let height = parts.iter().map(Part::height).sum::<f32>()
            + PART_GAP * (parts.len() - 1) as f32
            + 2.0 * CARD_PAD;
        BlockBox {
            title: block.title.clone(),
            colour,
            parts,
            height,
        }
    }

    pub(super) fn fits_on_a_page(&self, geo: Geometry) -> bool {
        self.height <= geo.content_bottom - MARGIN_TOP
    }
}

/// Places a block and returns its bookmark.
pub(super) fn lay_out_block(flow: &mut Flow, block: BlockBox) -> OutlineEntry {
    let geo = flow.geo;
    if !block.fits_on_a_page(geo) {
        // Where its first line lands, not where the flow stood.
        let first_line = match block.parts.first() {
            Some(Part::Text(p)) => p.style.leading,
            Some(picture) => picture.height(),
            None => 0.0,
        };
        flow.reserve(first_line);
        let entry = flow.here(&block.title);
        lay_out_long_block(flow, block.parts, block.colour);
        return entry;
    }
    flow.reserve(block.height);
    let entry = flow.here(&block.title);
    let top = flow.y;
    let x = MARGIN_X + BAR_WIDTH + CARD_PAD;
    let page = flow.page();
    page.items.push(Item::Rect {
        x: MARGIN_X,
        y: top,
        width: geo.content_width,
        height: block.height,
        colour: CARD,
    });
    page.items.push(Item::Rect {
        x: MARGIN_X,
        y: top,
        width: BAR_WIDTH,
        height: block.height,
        colour: block.colour,
    });
    let mut y = top + CARD_PAD;
    for part in block.parts {
        y = part.place(page, x, y) + PART_GAP;
    }
    flow.y = top + block.height + 12.0;
    entry
}

/// A block taller than a page: its lines flow across pages, marked by the kind's bar.
/// Whether a paragraph of `total` lines, `placed` of them already set, must go on to the
/// next page before its next line: never leave a single line of a paragraph alone at the
/// foot of a page (an orphan) or at the head of the next one (a widow).
fn break_before_line(placed: usize, total: usize, fits: usize) -> bool {
    let remaining = total - placed;
    if fits == 0 {
        return true;
    }
    if placed == 0 {
        // Splitting here would leave `fits` lines on this page and the rest on the next.
        fits < remaining && (fits < 2 || (remaining - fits == 1 && fits < 3))
    } else {
        remaining == 2 && fits == 1
    }
}

fn lay_out_long_block(flow: &mut Flow, parts: Vec<Part>, colour: Rgb) {
    let x = MARGIN_X + BAR_WIDTH + CARD_PAD;
    for part in parts {
        let part = match part {
            Part::Text(paragraph) => paragraph,
            picture => {
                // A picture moves whole to the next page rather than split.
                let height = picture.height();
                flow.reserve(height);
                let top = flow.y;
                let page = flow.page();
                page.items.push(Item::Rect {
                    x: MARGIN_X,
                    y: top,
                    width: BAR_WIDTH,
                    height,
                    colour,
                });
                flow.y = picture.place(page, x, top) + PART_GAP;
                continue;
            }
        };
        let total = part.lines.len();
        for (placed, single) in part.into_lines().enumerate() {
            let fits = ((flow.geo.content_bottom - flow.y) / single.height())
                .floor()
                .max(0.0) as usize;
            if !flow.at_page_top() && break_before_line(placed, total, fits) {
                flow.new_page();
            }
            let top = flow.y;
            let page = flow.page();
            page.items.push(Item::Rect {
                x: MARGIN_X,
                y: top,
                width: BAR_WIDTH,
                height: single.height(),
                colour,
            });
            flow.y = single.place(page, x, top);
        }
        flow.y += PART_GAP;
    }
    flow.y += 12.0;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::layout::flow::CHART_BAR_HEIGHT;
    use crate::briefing::layout::tests::options;
    use crate::briefing::layout::{lay_out, Paper};
    use crate::exchange::sample_project;

    #[test]
    fn a_block_longer_than_a_page_runs_on_within_the_margins() {
        let mut project = sample_project();
        project.sections[0].blocks[0].body = "More voices, more ideas. ".repeat(900);
        let doc = lay_out(&project, &options());
        let short = lay_out(&sample_project(), &options()).pages.len();
        assert!(doc.pages.len() >= short + 3);
        for page in &doc.pages {
            for item in &page.items {
                if let Item::Text { baseline, .. } = item {
                    assert!(*baseline <= Paper::A4.size().1 - 20.0);
                }
            }
        }
    }

    #[test]
    fn stories_name_the_organisation_and_metrics_their_baseline_and_target() {
        let doc = lay_out(&sample_project(), &options());
        let all: Vec<String> = (1..doc.pages.len())
            .flat_map(|i| doc.page_text(i))
            .collect();
        assert!(
            all.iter()
                .any(|l| l == "Keston Precision (illustrative) · Competitor"),
            "{all:?}"
        );
        // The metric's baseline and target are charted, each row labelled.
        for label in ["Baseline 19", "Target 12", "▼ Lower is better"] {
            assert!(all.iter().any(|l| l == label), "{label} missing");
        }
    }

    #[test]
    fn a_paragraph_split_across_pages_leaves_no_line_alone() {
        // A body of numbered words, so each line can be traced; many starting heights.
        // The long paragraph follows a block whose height grows a line at a time, so it
        // starts at every height on its page; its own length moves where it ends.
        let cases = (0..45)
            .map(|extra| (extra, 900))
            .chain((0..40).map(|n| (0, 700 + n * 11)));
        let mut split = 0;
        for (extra, words) in cases {
            let body: Vec<String> = (0..words).map(|i| format!("w{:03}", i % 1000)).collect();
            let mut project = sample_project();
            project.sections[1].blocks[0].body = "Detail and more detail. ".repeat(extra * 4);
            project.sections[1].blocks[1].body = body.join(" ");
            let doc = lay_out(&project, &options());
            let mut chunks = Vec::new();
            for index in 0..doc.pages.len() {
                let lines = doc
                    .page_text(index)
                    .iter()
                    .filter(|l| l.starts_with('w') && l.split(' ').all(|w| w.len() == 4))
                    .count();
                if lines > 0 {
                    chunks.push(lines);
                }
            }
            if chunks.len() > 1 {
                split += 1;
            }
            assert!(
                chunks.iter().all(|&n| n >= 2),
                "extra {extra}, {words} words: {chunks:?}"
            );
        }
        assert!(
            split > 40,
            "most cases split the paragraph across pages ({split})"
        );
    }

    #[test]
    fn breaks_keep_two_lines_together_at_either_end() {
        assert!(!break_before_line(0, 10, 5), "room for a fair split");
        assert!(break_before_line(0, 10, 1), "an orphan would be left");
        assert!(break_before_line(0, 3, 2), "two and then a widow");
        assert!(!break_before_line(0, 3, 3), "it all fits");
        assert!(
            break_before_line(8, 10, 1),
            "the last line would be a widow"
        );
        assert!(!break_before_line(7, 10, 1), "three left: two follow");
        assert!(break_before_line(4, 10, 0));
    }

    #[test]
    fn a_metric_with_a_baseline_and_target_draws_them_as_bars_on_one_scale() {
        let project = sample_project();
        let doc = lay_out(&project, &options());
        // "Resolve escalated problems in 12 days, not 19": baseline 19, target 12.
        let page = (0..doc.pages.len())
            .find(|&i| doc.page_text(i).iter().any(|l| l == "Baseline 19"))
            .expect("the chart's rows are labelled");
        let items = &doc.pages[page].items;
        let label_y = |label: &str| {
            items.iter().find_map(|i| match i {
                Item::Text { line, baseline, .. } if line.text() == label => Some(*baseline),
                _ => None,
            })
        };
        let bar_beside = |y: f32| {
            items.iter().find_map(|i| match i {
                Item::Rect {
                    y: top,
                    width,
                    height,
                    ..
                } if *height == CHART_BAR_HEIGHT && (top - y).abs() < 12.0 => Some(*width),
                _ => None,
            })
        };
        let baseline = bar_beside(label_y("Baseline 19").unwrap()).unwrap();
        let target = bar_beside(label_y("Target 12").unwrap()).unwrap();
        assert!(
            (target / baseline - 12.0 / 19.0).abs() < 0.01,
            "{target} / {baseline}"
        );
        assert!(doc.page_text(page).iter().any(|l| l == "▼ Lower is better"));
    }

    #[test]
    fn a_story_names_its_relation_and_sets_its_quote_apart() {
        let mut project = sample_project();
        let story = &mut project.sections[2].blocks[1];
        assert_eq!(story.relation, Some(crate::model::Relation::Competitor));
        story.body =
            "Their engineers say: “we answer a customer in hours, not weeks now”. Ok.".into();
        let doc = lay_out(&project, &options());
        let all: Vec<String> = (2..doc.pages.len())
            .flat_map(|i| doc.page_text(i))
            .collect();
        assert!(all.iter().any(|l| l == "STORY · COMPETITOR CASE"));
        assert!(all.iter().any(|l| l == "STORY · PEER CASE"));
        assert!(all
            .iter()
            .any(|l| l == "“we answer a customer in hours, not weeks now”"));
        assert_eq!(
            pull_quote("He said \"yes\" then \"this one is long enough\"."),
            Some("this one is long enough")
        );
        assert_eq!(pull_quote("No quote here."), None);
        assert_eq!(pull_quote("An “unclosed quote that runs on"), None);
    }
}
