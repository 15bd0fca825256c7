//! The flow engine: paragraphs wrapped and measured, then placed down pages that
//! break when the next piece does not fit. Every part of the briefing is laid out through it.

use super::blocks::PlacedPhoto;
use super::style::{Geometry, TextStyle, MARGIN_TOP};
use super::{Item, LinkTarget, OutlineEntry, Page, Rgb, Theme};
use crate::briefing::citations::Citations;
use crate::briefing::text::{wrap, ShapedLine};

/// Lines of one paragraph, ready to be placed.
pub(super) struct Paragraph {
    pub(super) style: TextStyle,
    pub(super) lines: Vec<ShapedLine>,
    pub(super) link: Option<LinkTarget>,
    /// A bar beside each line (a chart's rows): its length (0–1 of the bar area) and colour.
    pub(super) bars: Vec<(f32, Rgb)>,
}

/// The bar area of a chart row starts this far right of its label column.
pub(super) const CHART_LABEL_WIDTH: f32 = 170.0;
pub(super) const CHART_BAR_HEIGHT: f32 = 8.0;

impl Paragraph {
    pub(super) fn new(style: TextStyle, text: &str, width: f32) -> Paragraph {
        Paragraph {
            style,
            lines: wrap(style.font, style.size, text, width),
            link: None,
            bars: Vec::new(),
        }
    }

    /// At most `max` lines, the last ending in an ellipsis when text was cut.
    pub(super) fn clamped(mut self, max: usize, width: f32) -> Paragraph {
        ShapedLine::clamp(&mut self.lines, max, width);
        self
    }

    pub(super) fn coloured(mut self, colour: Rgb) -> Paragraph {
        self.style.colour = colour;
        self
    }

    /// Makes the paragraph's lines a link to `target`.
    pub(super) fn linked(mut self, target: Option<LinkTarget>) -> Paragraph {
        self.link = target;
        self
    }

    pub(super) fn height(&self) -> f32 {
        self.lines.len() as f32 * self.style.leading
    }

    /// One paragraph a line, each keeping the style, the link and its chart bar, for text
    /// that flows across pages line by line.
    pub(super) fn into_lines(self) -> impl Iterator<Item = Paragraph> {
        let Paragraph {
            style,
            lines,
            link,
            bars,
        } = self;
        lines
            .into_iter()
            .enumerate()
            .map(move |(index, line)| Paragraph {
                style,
                lines: vec![line],
                link: link.clone(),
                bars: bars.get(index).copied().into_iter().collect(),
            })
    }

    /// Places the lines with the first line's box starting at `top`; returns the bottom.
    pub(super) fn place(self, page: &mut Page, x: f32, top: f32) -> f32 {
        let mut y = top;
        let ascent = self.style.size * 0.8 + (self.style.leading - self.style.size) / 2.0;
        if let Some(target) = self.link {
            let width = self.lines.iter().map(ShapedLine::width).fold(0.0, f32::max);
            page.items.push(Item::Link {
                x,
                y: top,
                width,
                height: self.lines.len() as f32 * self.style.leading,
                target,
            });
        }
        for (index, line) in self.lines.into_iter().enumerate() {
            if let Some(&(length, colour)) = self.bars.get(index) {
                page.items.push(Item::Rect {
                    x: x + CHART_LABEL_WIDTH,
                    y: y + (self.style.leading - CHART_BAR_HEIGHT) / 2.0,
                    width: length.max(1.0),
                    height: CHART_BAR_HEIGHT,
                    colour,
                });
            }
            page.items.push(Item::Text {
                x,
                baseline: y + ascent,
                colour: self.style.colour,
                line,
            });
            y += self.style.leading;
        }
        y
    }
}

/// Flows content down pages, starting a new page when the next piece does not fit.
pub(super) struct Flow {
    pub(super) pages: Vec<Page>,
    pub(super) y: f32,
    pub(super) outline: Vec<OutlineEntry>,
    pub(super) geo: Geometry,
    pub(super) citations: Citations,
    pub(super) handout: bool,
    pub(super) theme: Theme,
    /// The photos prepared for this briefing, by picture id.
    pub(super) photos: std::collections::BTreeMap<i64, PlacedPhoto>,
}

impl Flow {
    pub(super) fn here(&self, title: &str) -> OutlineEntry {
        OutlineEntry::new(title, self.pages.len() - 1, self.y)
    }

    pub(super) fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("a flow always has a page")
    }

    pub(super) fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = MARGIN_TOP;
    }

    pub(super) fn at_page_top(&self) -> bool {
        self.y <= MARGIN_TOP
    }

    /// Makes room for `height` points (a new page if needed, unless this page is fresh:
    /// content taller than a page then simply runs to the bottom margin).
    pub(super) fn reserve(&mut self, height: f32) {
        if self.y + height > self.geo.content_bottom && !self.at_page_top() {
            self.new_page();
        }
    }
}
