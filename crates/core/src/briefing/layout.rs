//! Lays a project out into pages of positioned items: shaped text lines and filled
//! rectangles, in points from the top-left corner of an A4 page. The PDF writer (and, in
//! time, the in-app preview) only draws what this module decided.

use super::citations::Citations;
use super::fonts::FontStyle;
use super::text::{self, wrap, ShapedLine};
use super::BriefingOptions;
use crate::model::{Block, BlockKind, Project, Section};

#[path = "pilot_results.rs"]
mod pilot_results;

const MARGIN_X: f32 = 64.0;
const MARGIN_TOP: f32 = 64.0;
const MARGIN_BOTTOM: f32 = 76.0;

/// The briefing's look: sober for a board pack, or bolder for a presentation handout.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// White cover with an accent band; quiet headings.
    #[default]
    Board,
    /// A full-colour cover and headings in the accent colour.
    Bold,
}

impl Theme {
    pub fn parse(name: &str) -> Option<Theme> {
        match name.trim().to_ascii_lowercase().as_str() {
            "board" => Some(Theme::Board),
            "bold" => Some(Theme::Bold),
            _ => None,
        }
    }
}

const PAPER_WHITE: Rgb = Rgb(0xff, 0xff, 0xff);

/// The bold cover: the page in the accent colour, everything on it in white.
fn embolden_cover(page: &mut Page, geo: Geometry) {
    for item in &mut page.items {
        if let Item::Text { colour, .. } | Item::Rect { colour, .. } = item {
            *colour = PAPER_WHITE;
        }
    }
    page.items.insert(
        0,
        Item::Rect {
            x: 0.0,
            y: 0.0,
            width: geo.width,
            height: geo.height,
            colour: ACCENT,
        },
    );
}

/// The paper the briefing is printed on.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }

    pub fn parse(name: &str) -> Option<Paper> {
        match name.trim().to_ascii_lowercase().as_str() {
            "a4" => Some(Paper::A4),
            "letter" | "us-letter" => Some(Paper::Letter),
            _ => None,
        }
    }
}

/// The page and its text area, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Geometry {
    width: f32,
    height: f32,
    content_width: f32,
    content_bottom: f32,
}

impl Geometry {
    fn of(paper: Paper) -> Geometry {
        let (width, height) = paper.size();
        Geometry {
            width,
            height,
            content_width: width - 2.0 * MARGIN_X,
            content_bottom: height - MARGIN_BOTTOM,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub u8, pub u8, pub u8);

const INK: Rgb = Rgb(0x1f, 0x29, 0x33);
const MUTED: Rgb = Rgb(0x52, 0x60, 0x6d);
const ACCENT: Rgb = Rgb(0x0b, 0x5c, 0x85);
const RULE: Rgb = Rgb(0xd9, 0xe2, 0xec);
const CARD: Rgb = Rgb(0xf5, 0xf7, 0xfa);

fn kind_colour(kind: BlockKind) -> Rgb {
    match kind {
        BlockKind::Benefit => Rgb(0x2f, 0x85, 0x5a),
        BlockKind::Story => Rgb(0xb0, 0x6a, 0x10),
        BlockKind::Metric => ACCENT,
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A line of shaped text; `baseline` is measured from the top of the page.
    Text {
        x: f32,
        baseline: f32,
        colour: Rgb,
        line: ShapedLine,
    },
    /// A picture from [`Document::images`], drawn to fill the box; `y` is its top edge.
    Image {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        image: usize,
    },
    /// A clickable area over what was drawn there; `y` is its top edge.
    Link {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        target: LinkTarget,
    },
    /// A filled rectangle; `y` is its top edge.
    Rect {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        colour: Rgb,
    },
}

/// Where a link goes.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkTarget {
    /// A web address.
    Uri(String),
    /// The entry of the sources appendix with this number (from 1).
    Citation(usize),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub title: String,
    pub author: String,
    /// Page width and height in points.
    pub page_size: (f32, f32),
    /// For the PDF's metadata: the storyboard's tags, most used first.
    pub keywords: Vec<String>,
    pub pages: Vec<Page>,
    /// The bookmarks: the cover, then each section with its blocks.
    pub outline: Vec<OutlineEntry>,
    /// Where each entry of the sources appendix starts (page index, y), by number - 1.
    pub citation_anchors: Vec<(usize, f32)>,
    /// The pictures the pages draw.
    pub images: Vec<super::images::PreparedImage>,
    /// Problems met before the layout (see [`BriefingOptions::warnings`]).
    pub notes: Vec<String>,
}

/// A bookmark: where a heading or block starts (page index, distance from the page top).
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    pub title: String,
    pub page: usize,
    pub y: f32,
    pub children: Vec<OutlineEntry>,
}

impl OutlineEntry {
    fn new(title: &str, page: usize, y: f32) -> OutlineEntry {
        let title = title.trim();
        OutlineEntry {
            title: if title.is_empty() {
                "Untitled".into()
            } else {
                title.into()
            },
            page,
            y,
            children: Vec::new(),
        }
    }
}

impl Document {
    /// What the reader should fix before sending the briefing: each character no bundled
    /// font covers (it prints as a box), by its Unicode name.
    pub fn warnings(&self) -> Vec<String> {
        let lines = self
            .pages
            .iter()
            .flat_map(|p| &p.items)
            .filter_map(|item| match item {
                Item::Text { line, .. } => Some(line),
                Item::Rect { .. } | Item::Link { .. } | Item::Image { .. } => None,
            });
        let missing = text::missing_characters(lines)
            .into_iter()
            .map(|c| {
                let name = unicode_names2::name(c)
                    .map(|n| n.to_string())
                    .unwrap_or_else(|| "an unnamed character".into());
                format!(
                    "“{c}” (U+{:04X} {name}) is not in the bundled fonts and prints as a box; replace or remove it",
                    c as u32
                )
            });
        self.notes.iter().cloned().chain(missing).collect()
    }

    /// All text of a page, line by line (tests, previews, search).
    pub fn page_text(&self, index: usize) -> Vec<String> {
        self.pages[index]
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Text { line, .. } => Some(line.text()),
                Item::Rect { .. } | Item::Link { .. } | Item::Image { .. } => None,
            })
            .collect()
    }
}

/// A paragraph style: font, size and the distance between baselines.
#[derive(Clone, Copy)]
struct TextStyle {
    font: FontStyle,
    size: f32,
    leading: f32,
    colour: Rgb,
}

impl TextStyle {
    const fn with_colour(self, colour: Rgb) -> TextStyle {
        TextStyle { colour, ..self }
    }
}

const BODY: TextStyle = TextStyle {
    font: FontStyle::Regular,
    size: 10.0,
    leading: 14.5,
    colour: INK,
};
const SOURCE: TextStyle = TextStyle {
    font: FontStyle::Italic,
    size: 8.5,
    leading: 12.0,
    colour: MUTED,
};
const BLOCK_TITLE: TextStyle = TextStyle {
    font: FontStyle::Bold,
    size: 12.5,
    leading: 16.5,
    colour: INK,
};
const KIND_LABEL: TextStyle = TextStyle {
    font: FontStyle::Bold,
    size: 7.5,
    leading: 11.0,
    colour: MUTED,
};
const FIGURE: TextStyle = TextStyle {
    font: FontStyle::Bold,
    size: 22.0,
    leading: 27.0,
    colour: ACCENT,
};
const SECTION_TITLE: TextStyle = TextStyle {
    font: FontStyle::Bold,
    size: 20.0,
    leading: 25.0,
    colour: INK,
};
const FOOTER: TextStyle = TextStyle {
    font: FontStyle::Regular,
    size: 8.0,
    leading: 10.0,
    colour: MUTED,
};

/// Lines of one paragraph, ready to be placed.
struct Paragraph {
    style: TextStyle,
    lines: Vec<ShapedLine>,
    link: Option<LinkTarget>,
    /// A bar beside each line (a chart's rows): its length (0–1 of the bar area) and colour.
    bars: Vec<(f32, Rgb)>,
}

/// The bar area of a chart row starts this far right of its label column.
const CHART_LABEL_WIDTH: f32 = 170.0;
const CHART_BAR_HEIGHT: f32 = 8.0;

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
fn chart_paragraph(chart: &super::chart::MetricChart, colour: Rgb, width: f32) -> Paragraph {
    use super::chart::BarRole;
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

impl Paragraph {
    fn new(style: TextStyle, text: &str, width: f32) -> Paragraph {
        Paragraph {
            style,
            lines: wrap(style.font, style.size, text, width),
            link: None,
            bars: Vec::new(),
        }
    }

    /// At most `max` lines, the last ending in an ellipsis when text was cut.
    fn clamped(mut self, max: usize, width: f32) -> Paragraph {
        ShapedLine::clamp(&mut self.lines, max, width);
        self
    }

    fn coloured(mut self, colour: Rgb) -> Paragraph {
        self.style.colour = colour;
        self
    }

    /// Makes the paragraph's lines a link to `target`.
    fn linked(mut self, target: Option<LinkTarget>) -> Paragraph {
        self.link = target;
        self
    }

    fn height(&self) -> f32 {
        self.lines.len() as f32 * self.style.leading
    }

    /// One paragraph a line, each keeping the style, the link and its chart bar, for text
    /// that flows across pages line by line.
    fn into_lines(self) -> impl Iterator<Item = Paragraph> {
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
    fn place(self, page: &mut Page, x: f32, top: f32) -> f32 {
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
struct Flow {
    pages: Vec<Page>,
    y: f32,
    outline: Vec<OutlineEntry>,
    geo: Geometry,
    citations: Citations,
    handout: bool,
    theme: Theme,
    /// The photos prepared for this briefing, by picture id.
    photos: std::collections::BTreeMap<i64, PlacedPhoto>,
}

impl Flow {
    fn here(&self, title: &str) -> OutlineEntry {
        OutlineEntry::new(title, self.pages.len() - 1, self.y)
    }

    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("a flow always has a page")
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = MARGIN_TOP;
    }

    fn at_page_top(&self) -> bool {
        self.y <= MARGIN_TOP
    }

    /// Makes room for `height` points (a new page if needed, unless this page is fresh:
    /// content taller than a page then simply runs to the bottom margin).
    fn reserve(&mut self, height: f32) {
        if self.y + height > self.geo.content_bottom && !self.at_page_top() {
            self.new_page();
        }
    }
}

/// Lays out the cover and the storyboard.
pub fn lay_out(project: &Project, options: &BriefingOptions) -> Document {
    let geo = Geometry::of(options.paper);
    let mut cover_page = cover(project, options, geo);
    if options.theme == Theme::Bold {
        embolden_cover(&mut cover_page, geo);
    }
    // The logo (if any) comes first, then the photos in the order of their ids.
    let mut images: Vec<super::images::PreparedImage> = options.logo.iter().cloned().collect();
    let mut photos = std::collections::BTreeMap::new();
    for (id, photo) in &options.photos {
        photos.insert(
            *id,
            PlacedPhoto {
                image: images.len(),
                pixels: (photo.width, photo.height),
            },
        );
        images.push(photo.clone());
    }
    let mut flow = Flow {
        photos,
        pages: vec![cover_page],
        y: MARGIN_TOP,
        outline: vec![OutlineEntry::new("Cover", 0, 0.0)],
        geo,
        citations: Citations::collect(project),
        handout: options.handout,
        theme: options.theme,
    };
    flow.pages.push(summary_page(project, geo));
    flow.outline
        .push(OutlineEntry::new("Executive summary", 1, MARGIN_TOP));
    flow.new_page();
    if project.sections.is_empty() {
        let note = Paragraph::new(
            SOURCE,
            "This storyboard has no sections yet.",
            geo.content_width,
        );
        let y = flow.y;
        flow.y = note.place(flow.page(), MARGIN_X, y);
    }
    for (index, section) in project.sections.iter().enumerate() {
        lay_out_section(&mut flow, index, section);
    }
    pilot_results::lay_out(&mut flow, project);
    let citation_anchors = lay_out_sources(&mut flow);
    let mut pages = flow.pages;
    if let Some(accent) = options.accent {
        recolour(&mut pages, ACCENT, readable_on_white(accent));
    }
    add_footers(&mut pages, &project.title, geo);
    Document {
        title: project.title.clone(),
        author: project.author.clone(),
        page_size: (geo.width, geo.height),
        keywords: keywords(project),
        pages,
        outline: flow.outline,
        citation_anchors,
        images,
        notes: options.warnings.clone(),
    }
}

/// The storyboard's tags, most used first (ties in order of first use), at most twelve.
fn keywords(project: &Project) -> Vec<String> {
    let mut counted: Vec<(String, usize)> = Vec::new();
    for tag in project
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .flat_map(|b| &b.tags)
    {
        let tag = tag.trim().to_lowercase();
        if tag.is_empty() {
            continue;
        }
        match counted.iter_mut().find(|(t, _)| *t == tag) {
            Some((_, n)) => *n += 1,
            None => counted.push((tag, 1)),
        }
    }
    counted.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    counted.into_iter().take(12).map(|(t, _)| t).collect()
}

/// Draws everything in the house accent in the organisation's colour instead.
fn recolour(pages: &mut [Page], from: Rgb, to: Rgb) {
    for item in pages.iter_mut().flat_map(|p| &mut p.items) {
        if let Item::Rect { colour, .. } | Item::Text { colour, .. } = item {
            if *colour == from {
                *colour = to;
            }
        }
    }
}

/// `colour`, darkened if need be until text in it reads on white (contrast 4.5:1, WCAG AA).
pub fn readable_on_white(colour: Rgb) -> Rgb {
    let mut c = colour;
    while contrast_with_white(c) < 4.5 {
        c = Rgb(
            (f32::from(c.0) * 0.9) as u8,
            (f32::from(c.1) * 0.9) as u8,
            (f32::from(c.2) * 0.9) as u8,
        );
    }
    c
}

fn contrast_with_white(c: Rgb) -> f32 {
    let linear = |v: u8| {
        let v = f32::from(v) / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = 0.2126 * linear(c.0) + 0.7152 * linear(c.1) + 0.0722 * linear(c.2);
    1.05 / (luminance + 0.05)
}

impl Rgb {
    /// Reads "#0b5c85" or "0b5c85".
    pub fn parse_hex(text: &str) -> Option<Rgb> {
        let hex = text.trim().trim_start_matches('#');
        if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
    }
}

/// The box the cover's logo fits in (width, height), in points.
pub const LOGO_BOX: (f32, f32) = (180.0, 64.0);

fn cover(project: &Project, options: &BriefingOptions, geo: Geometry) -> Page {
    let mut page = Page::default();
    page.items.push(Item::Rect {
        x: 0.0,
        y: 0.0,
        width: geo.width,
        height: 14.0,
        colour: ACCENT,
    });
    if let Some(logo) = &options.logo {
        // Fitted to the box, keeping its proportions, at the box's top left.
        let scale = (LOGO_BOX.0 / logo.width as f32).min(LOGO_BOX.1 / logo.height as f32);
        page.items.push(Item::Image {
            x: MARGIN_X,
            y: 84.0,
            width: logo.width as f32 * scale,
            height: logo.height as f32 * scale,
            image: 0,
        });
    }
    let label = TextStyle {
        font: FontStyle::Bold,
        size: 10.0,
        leading: 14.0,
        colour: ACCENT,
    };
    let mut y = 220.0;
    y = Paragraph::new(label, "EXECUTIVE BRIEFING", geo.content_width)
        .place(&mut page, MARGIN_X, y);
    y += 10.0;
    let title_style = TextStyle {
        font: FontStyle::Bold,
        size: 30.0,
        leading: 37.0,
        colour: INK,
    };
    let title = if project.title.trim().is_empty() {
        "Untitled case"
    } else {
        project.title.as_str()
    };
    y = Paragraph::new(title_style, title, geo.content_width)
        .clamped(6, geo.content_width)
        .place(&mut page, MARGIN_X, y);
    y += 18.0;
    page.items.push(Item::Rect {
        x: MARGIN_X,
        y,
        width: 56.0,
        height: 3.0,
        colour: ACCENT,
    });
    y += 22.0;
    if !project.audience.trim().is_empty() {
        let audience = TextStyle {
            font: FontStyle::Regular,
            size: 14.0,
            leading: 19.0,
            colour: MUTED,
        };
        Paragraph::new(
            audience,
            &format!("Prepared for {}", project.audience.trim()),
            geo.content_width,
        )
        .clamped(4, geo.content_width)
        .place(&mut page, MARGIN_X, y);
    }
    let byline = TextStyle {
        font: FontStyle::Regular,
        size: 11.0,
        leading: 16.0,
        colour: INK,
    };
    let mut y = geo.height - 150.0;
    if !project.author.trim().is_empty() {
        y = Paragraph::new(byline, project.author.trim(), geo.content_width)
            .place(&mut page, MARGIN_X, y);
    }
    Paragraph::new(byline, &options.date_label, geo.content_width)
        .coloured(MUTED)
        .place(&mut page, MARGIN_X, y);
    page
}

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
fn summary_page(project: &Project, geo: Geometry) -> Page {
    let summary = super::summary::select(project);
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
fn summary_sheet(summary: &super::summary::Summary, geo: Geometry, budget: Budget) -> (Page, f32) {
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

fn lay_out_section(flow: &mut Flow, index: usize, section: &Section) {
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

const CARD_PAD: f32 = 12.0;
const BAR_WIDTH: f32 = 3.0;

/// A block's paragraphs (and photo), wrapped and measured, before it is placed.
struct BlockBox {
    title: String,
    colour: Rgb,
    parts: Vec<Part>,
    height: f32,
}

/// One piece of a block card: text, or a picture from [`Document::images`].
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
#[derive(Debug, Clone, Copy)]
struct PlacedPhoto {
    image: usize,
    pixels: (u32, u32),
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

const PART_GAP: f32 = 3.0;

impl BlockBox {
    fn new(
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
        match super::chart::metric_chart(block) {
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

    fn fits_on_a_page(&self, geo: Geometry) -> bool {
        self.height <= geo.content_bottom - MARGIN_TOP
    }
}

/// Places a block and returns its bookmark.
fn lay_out_block(flow: &mut Flow, block: BlockBox) -> OutlineEntry {
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

const SOURCE_ENTRY: TextStyle = TextStyle {
    font: FontStyle::Regular,
    size: 9.5,
    leading: 13.0,
    colour: INK,
};

/// The sources appendix: each citation numbered, its link clickable. Returns where each
/// entry starts, so the "[n]" marks in the briefing can link to it.
fn lay_out_sources(flow: &mut Flow) -> Vec<(usize, f32)> {
    if flow.citations.list.is_empty() {
        return Vec::new();
    }
    let geo = flow.geo;
    let heading = Paragraph::new(SECTION_TITLE, "Sources", geo.content_width);
    flow.new_page();
    let entry = flow.here("Sources");
    flow.outline.push(entry);
    let y = flow.y;
    let y = heading.place(flow.page(), MARGIN_X, y) + 6.0;
    flow.page().items.push(Item::Rect {
        x: MARGIN_X,
        y,
        width: geo.content_width,
        height: 0.8,
        colour: RULE,
    });
    flow.y = y + 14.0;
    let number_width = 28.0;
    let width = geo.content_width - number_width;
    let mut anchors = Vec::new();
    for (index, citation) in flow.citations.list.clone().iter().enumerate() {
        let mut text = citation.source.clone();
        if let Some(date) = &citation.date {
            text.push_str(&format!(" ({date})"));
        }
        let entry = Paragraph::new(SOURCE_ENTRY, &text, width).clamped(12, width);
        let link = citation.link.as_deref().map(|link| {
            Paragraph::new(SOURCE.with_colour(ACCENT), link, width)
                .clamped(6, width)
                .linked(
                    citation
                        .web_link()
                        .map(|uri| LinkTarget::Uri(uri.to_string())),
                )
        });
        let height = entry.height() + link.as_ref().map_or(0.0, Paragraph::height);
        flow.reserve(height);
        anchors.push((flow.pages.len() - 1, flow.y));
        let y = flow.y;
        Paragraph::new(
            SOURCE_ENTRY.with_colour(MUTED),
            &format!("[{}]", index + 1),
            number_width,
        )
        .place(flow.page(), MARGIN_X, y);
        let mut y = entry.place(flow.page(), MARGIN_X + number_width, y);
        if let Some(link) = link {
            y = link.place(flow.page(), MARGIN_X + number_width, y);
        }
        flow.y = y + 8.0;
    }
    anchors
}

fn add_footers(pages: &mut [Page], title: &str, geo: Geometry) {
    let total = pages.len();
    for (index, page) in pages.iter_mut().enumerate().skip(1) {
        let y = geo.height - MARGIN_BOTTOM + 30.0;
        page.items.push(Item::Rect {
            x: MARGIN_X,
            y: y - 8.0,
            width: geo.content_width,
            height: 0.6,
            colour: RULE,
        });
        let number = Paragraph::new(
            FOOTER,
            &format!("Page {} of {}", index + 1, total),
            geo.content_width,
        );
        let number_width = number.lines[0].width();
        number.place(page, geo.width - MARGIN_X - number_width, y);
        let width = geo.content_width - number_width - 24.0;
        Paragraph::new(FOOTER, title, width)
            .clamped(1, width)
            .place(page, MARGIN_X, y);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::BriefingDate;
    use crate::exchange::sample_project;

    fn options() -> BriefingOptions {
        BriefingOptions::for_date(BriefingDate {
            year: 2026,
            month: 11,
            day: 26,
        })
    }

    #[test]
    fn cover_carries_title_audience_author_and_date() {
        let project = sample_project();
        let doc = lay_out(&project, &options());
        let cover = doc.page_text(0).join(" ");
        assert!(cover.contains("EXECUTIVE BRIEFING"));
        assert!(cover.contains(&project.author));
        assert!(cover.contains("26 November 2026"));
        assert!(cover.contains(&format!("Prepared for {}", project.audience)));
    }

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
    fn content_stays_inside_the_margins_and_pages_are_numbered() {
        for paper in [Paper::A4, Paper::Letter] {
            let (width, height) = paper.size();
            let doc = lay_out(&sample_project(), &BriefingOptions { paper, ..options() });
            assert_eq!(doc.page_size, (width, height));
            let total = doc.pages.len();
            for (index, page) in doc.pages.iter().enumerate() {
                for item in &page.items {
                    if let Item::Text {
                        x, baseline, line, ..
                    } = item
                    {
                        assert!(
                            *x >= MARGIN_X - 0.01,
                            "{:?} starts in the margin",
                            line.text()
                        );
                        assert!(x + line.width() <= width - MARGIN_X + 0.01, "{paper:?}");
                        assert!(*baseline <= height - 20.0, "{paper:?}");
                    }
                }
                if index > 0 {
                    let footer = format!("Page {} of {}", index + 1, total);
                    assert!(
                        doc.page_text(index).contains(&footer),
                        "page {index} lacks {footer}"
                    );
                }
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
    fn runaway_titles_are_cut_to_fit_their_page() {
        let mut project = sample_project();
        project.title = "A very long title that never ends ".repeat(3000);
        project.audience = "the board ".repeat(3000);
        project.sections[1].title = "Section ".repeat(3000);
        let doc = lay_out(&project, &options());
        for page in &doc.pages {
            for item in &page.items {
                if let Item::Text { baseline, .. } = item {
                    assert!(*baseline <= Paper::A4.size().1 - 20.0);
                }
            }
        }
        assert!(doc.page_text(0).iter().any(|line| line.ends_with('…')));
    }

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

    #[test]
    fn the_organisations_colour_replaces_the_accent_and_stays_readable() {
        let plum = Rgb(0x7a, 0x1f, 0x5c);
        let doc = lay_out(
            &sample_project(),
            &BriefingOptions {
                accent: Some(plum),
                ..options()
            },
        );
        let colours: Vec<Rgb> = doc
            .pages
            .iter()
            .flat_map(|p| &p.items)
            .filter_map(|i| match i {
                Item::Rect { colour, .. } | Item::Text { colour, .. } => Some(*colour),
                _ => None,
            })
            .collect();
        assert!(colours.contains(&plum));
        assert!(!colours.contains(&ACCENT));
        // A pale yellow would vanish on white paper: it is darkened until it reads.
        let pale = Rgb(0xff, 0xe0, 0x66);
        let readable = readable_on_white(pale);
        assert!(contrast_with_white(readable) >= 4.5);
        assert_eq!(readable_on_white(ACCENT), ACCENT, "dark colours are kept");
        assert_eq!(Rgb::parse_hex("#7A1F5C"), Some(plum));
        assert_eq!(Rgb::parse_hex("plum"), None);
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
    fn the_bold_theme_fills_the_cover_and_colours_the_headings() {
        let project = sample_project();
        let bold = lay_out(
            &project,
            &BriefingOptions {
                theme: Theme::Bold,
                ..options()
            },
        );
        let (width, height) = Paper::A4.size();
        assert_eq!(
            bold.pages[0].items[0],
            Item::Rect {
                x: 0.0,
                y: 0.0,
                width,
                height,
                colour: ACCENT
            }
        );
        for item in &bold.pages[0].items[1..] {
            if let Item::Text { colour, line, .. } = item {
                assert_eq!(
                    *colour,
                    PAPER_WHITE,
                    "{:?} is white on the cover",
                    line.text()
                );
            }
        }
        let heading_colour = |doc: &Document| {
            doc.pages[2].items.iter().find_map(|item| match item {
                Item::Text { line, colour, .. } if line.text() == project.sections[0].title => {
                    Some(*colour)
                }
                _ => None,
            })
        };
        assert_eq!(heading_colour(&bold), Some(ACCENT));
        assert_eq!(heading_colour(&lay_out(&project, &options())), Some(INK));
        assert_eq!(Theme::parse("Bold"), Some(Theme::Bold));
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

    #[test]
    fn an_empty_project_still_gives_a_cover_and_a_page() {
        let project = Project {
            title: String::new(),
            author: String::new(),
            audience: String::new(),
            industry: String::new(),
            sections: vec![],
            library: vec![],
            logo: None,
            accent: None,
            pilots: Vec::new(),
            cases: Vec::new(),
        };
        let doc = lay_out(&project, &options());
        assert_eq!(doc.pages.len(), 3, "cover, summary, storyboard");
        assert!(doc.page_text(0).contains(&"Untitled case".to_string()));
        let summary = doc.page_text(1).join(" ");
        assert!(summary.contains("No explicit ask yet"), "{summary}");
        assert!(summary.contains("No pilot yet"), "{summary}");
    }
}
