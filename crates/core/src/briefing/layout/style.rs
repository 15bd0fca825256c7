//! The briefing's look: margins and page geometry, colours, paragraph styles and card
//! measures, shared by every part of the layout (kept apart so each part draws alike).

use super::{Item, Page, Paper, Rgb};
use crate::briefing::fonts::FontStyle;
use crate::model::BlockKind;

pub(super) const MARGIN_X: f32 = 64.0;
pub(super) const MARGIN_TOP: f32 = 64.0;
pub(super) const MARGIN_BOTTOM: f32 = 76.0;

pub(super) const PAPER_WHITE: Rgb = Rgb(0xff, 0xff, 0xff);

/// The page and its text area, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Geometry {
    pub(super) width: f32,
    pub(super) height: f32,
    pub(super) content_width: f32,
    pub(super) content_bottom: f32,
}

impl Geometry {
    pub(super) fn of(paper: Paper) -> Geometry {
        let (width, height) = paper.size();
        Geometry {
            width,
            height,
            content_width: width - 2.0 * MARGIN_X,
            content_bottom: height - MARGIN_BOTTOM,
        }
    }
}

pub(super) const INK: Rgb = Rgb(0x1f, 0x29, 0x33);
pub(super) const MUTED: Rgb = Rgb(0x52, 0x60, 0x6d);
pub(super) const ACCENT: Rgb = Rgb(0x0b, 0x5c, 0x85);
pub(super) const RULE: Rgb = Rgb(0xd9, 0xe2, 0xec);
pub(super) const CARD: Rgb = Rgb(0xf5, 0xf7, 0xfa);

pub(super) fn kind_colour(kind: BlockKind) -> Rgb {
    match kind {
        BlockKind::Benefit => Rgb(0x2f, 0x85, 0x5a),
        BlockKind::Story => Rgb(0xb0, 0x6a, 0x10),
        BlockKind::Metric => ACCENT,
    }
}

/// A paragraph style: font, size and the distance between baselines.
#[derive(Clone, Copy)]
pub(super) struct TextStyle {
    pub(super) font: FontStyle,
    pub(super) size: f32,
    pub(super) leading: f32,
    pub(super) colour: Rgb,
}

impl TextStyle {
    pub(super) const fn with_colour(self, colour: Rgb) -> TextStyle {
        TextStyle { colour, ..self }
    }
}

pub(super) const BODY: TextStyle = TextStyle {
    font: FontStyle::Regular,
    size: 10.0,
    leading: 14.5,
    colour: INK,
};
pub(super) const SOURCE: TextStyle = TextStyle {
    font: FontStyle::Italic,
    size: 8.5,
    leading: 12.0,
    colour: MUTED,
};
pub(super) const BLOCK_TITLE: TextStyle = TextStyle {
    font: FontStyle::Bold,
    size: 12.5,
    leading: 16.5,
    colour: INK,
};
pub(super) const KIND_LABEL: TextStyle = TextStyle {
    font: FontStyle::Bold,
    size: 7.5,
    leading: 11.0,
    colour: MUTED,
};
pub(super) const FIGURE: TextStyle = TextStyle {
    font: FontStyle::Bold,
    size: 22.0,
    leading: 27.0,
    colour: ACCENT,
};
pub(super) const SECTION_TITLE: TextStyle = TextStyle {
    font: FontStyle::Bold,
    size: 20.0,
    leading: 25.0,
    colour: INK,
};
pub(super) const FOOTER: TextStyle = TextStyle {
    font: FontStyle::Regular,
    size: 8.0,
    leading: 10.0,
    colour: MUTED,
};

pub(super) const CARD_PAD: f32 = 12.0;
pub(super) const BAR_WIDTH: f32 = 3.0;

pub(super) const PART_GAP: f32 = 3.0;

/// Draws everything in the house accent in the organisation's colour instead.
pub(super) fn recolour(pages: &mut [Page], from: Rgb, to: Rgb) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::layout::lay_out;
    use crate::briefing::layout::tests::options;
    use crate::briefing::BriefingOptions;
    use crate::exchange::sample_project;

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
}
