//! The laid-out pages as SVG, for the in-app preview. Text is drawn from the same shaped
//! glyphs and the same bundled fonts as the PDF (each glyph's outline once, in `<defs>`),
//! so the preview shows exactly what the PDF will.

use std::collections::BTreeMap;
use std::fmt::Write;

use base64::Engine;

use rustybuzz::ttf_parser::{GlyphId, OutlineBuilder};

use super::fonts::{fallback, FontStyle};
use super::layout::{Document, Item, Rgb};
use super::text::ShapedLine;

/// Page `index` of `document` as a standalone SVG document, in points.
pub fn page(document: &Document, index: usize) -> String {
    let (width, height) = document.page_size;
    let mut defs = BTreeMap::new();
    let mut body = String::new();
    for item in &document.pages[index].items {
        match item {
            Item::Rect {
                x,
                y,
                width,
                height,
                colour,
            } => {
                let _ = writeln!(
                    body,
                    r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>"#,
                    num(*x),
                    num(*y),
                    num(*width),
                    num(*height),
                    hex(*colour)
                );
            }
            Item::Text {
                x,
                baseline,
                colour,
                line,
            } => text(&mut body, &mut defs, *x, *baseline, *colour, line),
            Item::Image {
                x,
                y,
                width,
                height,
                image,
            } => {
                let (media_type, bytes) = document.images[*image].as_file();
                let data = base64::engine::general_purpose::STANDARD.encode(bytes);
                let _ = writeln!(
                    body,
                    r#"<image x="{}" y="{}" width="{}" height="{}" preserveAspectRatio="none" xlink:href="data:{media_type};base64,{data}"/>"#,
                    num(*x),
                    num(*y),
                    num(*width),
                    num(*height),
                );
            }
            Item::Link { .. } => {}
        }
    }
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 {w} {h}" width="{w}" height="{h}">"#,
        w = num(width),
        h = num(height)
    );
    svg.push_str("\n<defs>\n");
    for (id, path) in &defs {
        let _ = writeln!(svg, r#"<path id="{id}" d="{path}"/>"#);
    }
    svg.push_str("</defs>\n");
    let _ = writeln!(
        svg,
        r##"<rect width="{}" height="{}" fill="#ffffff"/>"##,
        num(width),
        num(height)
    );
    svg.push_str(&body);
    svg.push_str("</svg>\n");
    svg
}

fn text(
    out: &mut String,
    defs: &mut BTreeMap<String, String>,
    x: f32,
    baseline: f32,
    colour: Rgb,
    line: &ShapedLine,
) {
    let _ = writeln!(out, r#"<g fill="{}">"#, hex(colour));
    let mut pen = x;
    for glyph in &line.glyphs {
        let (face, font) = if glyph.fallback {
            (fallback::face(), "f")
        } else {
            (line.style.face(), style_key(line.style))
        };
        let id = format!("{font}{}", glyph.id);
        let known = defs.contains_key(&id);
        if !known {
            let mut path = PathData(String::new());
            if face.outline_glyph(GlyphId(glyph.id), &mut path).is_some() {
                defs.insert(id.clone(), path.0);
            }
        }
        if defs.contains_key(&id) {
            let scale = line.size / face.units_per_em() as f32;
            let _ = writeln!(
                out,
                r##"<use xlink:href="#{id}" transform="translate({} {}) scale({} {})"/>"##,
                num(pen),
                num(baseline),
                num(scale),
                num(-scale)
            );
        }
        pen += glyph.advance;
    }
    out.push_str("</g>\n");
}

fn style_key(style: FontStyle) -> &'static str {
    match style {
        FontStyle::Regular => "r",
        FontStyle::Bold => "b",
        FontStyle::Italic => "i",
    }
}

/// A number with at most three decimals and no trailing zeros, so output stays small.
fn num(value: f32) -> String {
    let text = format!("{value:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".into()
    } else {
        text.to_string()
    }
}

fn hex(colour: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", colour.0, colour.1, colour.2)
}

/// A glyph outline as SVG path data, in font units (y up).
struct PathData(String);

impl OutlineBuilder for PathData {
    fn move_to(&mut self, x: f32, y: f32) {
        let _ = write!(self.0, "M{} {}", num(x), num(y));
    }

    fn line_to(&mut self, x: f32, y: f32) {
        let _ = write!(self.0, "L{} {}", num(x), num(y));
    }

    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let _ = write!(self.0, "Q{} {} {} {}", num(x1), num(y1), num(x), num(y));
    }

    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let _ = write!(
            self.0,
            "C{} {} {} {} {} {}",
            num(x1),
            num(y1),
            num(x2),
            num(y2),
            num(x),
            num(y)
        );
    }

    fn close(&mut self) {
        self.0.push('Z');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::layout::lay_out;
    use crate::briefing::{BriefingDate, BriefingOptions};
    use crate::exchange::sample_project;

    fn options() -> BriefingOptions {
        BriefingOptions::for_date(BriefingDate {
            year: 2026,
            month: 11,
            day: 26,
        })
    }

    #[test]
    fn every_drawn_glyph_and_rectangle_of_a_page_is_in_its_svg() {
        let document = lay_out(&sample_project(), &options());
        for index in 0..document.pages.len() {
            let svg = page(&document, index);
            let items = &document.pages[index].items;
            let rects = items
                .iter()
                .filter(|i| matches!(i, Item::Rect { .. }))
                .count();
            // One more: the white paper.
            assert_eq!(svg.matches("<rect ").count(), rects + 1);
            // Glyphs with ink (spaces have none), by the font's own bounding boxes.
            let inked = items
                .iter()
                .filter_map(|i| match i {
                    Item::Text { line, .. } => Some(line),
                    _ => None,
                })
                .flat_map(|l| l.glyphs.iter().map(move |g| (l.style, g)))
                .filter(|(style, g)| {
                    let face = if g.fallback {
                        fallback::face()
                    } else {
                        style.face()
                    };
                    face.glyph_bounding_box(GlyphId(g.id)).is_some()
                })
                .count();
            assert_eq!(svg.matches("<use ").count(), inked, "page {index}");
            // Every used glyph is defined once.
            for used in svg.split("xlink:href=\"#").skip(1) {
                let id = &used[..used.find('"').unwrap()];
                assert_eq!(svg.matches(&format!("<path id=\"{id}\"")).count(), 1);
            }
        }
    }

    #[test]
    fn the_svg_has_the_page_size_and_is_the_same_every_time() {
        let document = lay_out(&sample_project(), &options());
        let svg = page(&document, 1);
        assert!(svg.contains(r#"viewBox="0 0 595.28 841.89""#));
        assert_eq!(svg, page(&lay_out(&sample_project(), &options()), 1));
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(0.5), "0.5");
        assert_eq!(num(-0.0001), "0");
        assert_eq!(num(1.23456), "1.235");
    }
}
