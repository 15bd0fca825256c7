//! Lays a project out into pages of positioned items, in points from the page's top-left
//! corner: the page model the PDF writer and the SVG preview draw, and `lay_out`, which runs
//! the parts (cover, summary, sections, pilot results, sources) kept in child modules.

use super::citations::Citations;
use super::text::{self, ShapedLine};
use super::BriefingOptions;
use crate::model::Project;

mod blocks;
mod cover;
mod flow;
mod pilot_results;
mod sections;
mod sources;
mod style;
mod summary_page;
#[cfg(test)]
mod tests;

pub use blocks::{PHOTO_BOX, PHOTO_MAX_HEIGHT};
pub use cover::LOGO_BOX;
pub use style::readable_on_white;

use blocks::PlacedPhoto;
use cover::{cover, embolden_cover};
use flow::{Flow, Paragraph};
use sections::lay_out_section;
use sources::{add_footers, lay_out_sources};
use style::{recolour, Geometry, ACCENT, MARGIN_TOP, MARGIN_X, SOURCE};
use summary_page::summary_page;

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

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub u8, pub u8, pub u8);

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
