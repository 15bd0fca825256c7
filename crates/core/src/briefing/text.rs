//! Text shaping (rustybuzz) and line breaking (UAX #14 via unicode-linebreak), because
//! printpdf places glyphs but neither shapes nor wraps. Widths are in points.

use unicode_linebreak::{linebreaks, BreakOpportunity};

use super::fonts::FontStyle;

/// One shaped glyph.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub id: u16,
    /// The pen advance the shaper chose, in points.
    pub advance: f32,
    /// The advance the font's metrics give, in points; the PDF writer corrects the difference.
    pub natural_advance: f32,
    /// The text this glyph stands for (several characters for a ligature, empty for the
    /// second glyph of a cluster), so the PDF's text can be copied and searched.
    pub text: String,
}

/// A run of shaped text in one style and size.
#[derive(Debug, Clone, PartialEq)]
pub struct ShapedLine {
    pub style: FontStyle,
    pub size: f32,
    pub glyphs: Vec<Glyph>,
}

impl ShapedLine {
    pub fn width(&self) -> f32 {
        self.glyphs.iter().map(|g| g.advance).sum()
    }

    /// The text the line shows (what a reader copies out of the PDF).
    pub fn text(&self) -> String {
        self.glyphs.iter().map(|g| g.text.as_str()).collect()
    }

    fn trim_trailing_spaces(&mut self) {
        while self
            .glyphs
            .last()
            .is_some_and(|g| !g.text.is_empty() && g.text.chars().all(char::is_whitespace))
        {
            self.glyphs.pop();
        }
    }
}

/// Shapes `text` as one line.
pub fn shape(style: FontStyle, size: f32, text: &str) -> ShapedLine {
    let face = style.face();
    let scale = size / face.units_per_em() as f32;
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    let output = rustybuzz::shape(face, &[], buffer);
    let infos = output.glyph_infos();
    let positions = output.glyph_positions();
    let mut glyphs = Vec::with_capacity(infos.len());
    for (i, (info, pos)) in infos.iter().zip(positions).enumerate() {
        let start = info.cluster as usize;
        let first_of_cluster = i == 0 || infos[i - 1].cluster != info.cluster;
        let end = infos[i..]
            .iter()
            .map(|g| g.cluster as usize)
            .find(|&c| c != start)
            .unwrap_or(text.len());
        let id = info.glyph_id as u16;
        let natural = face
            .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(id))
            .unwrap_or(0) as f32;
        glyphs.push(Glyph {
            id,
            advance: pos.x_advance as f32 * scale,
            natural_advance: natural * scale,
            text: if first_of_cluster && end > start {
                text[start..end].to_string()
            } else {
                String::new()
            },
        });
    }
    ShapedLine {
        style,
        size,
        glyphs,
    }
}

/// Breaks `text` into lines no wider than `max_width` (a word wider than a line is split
/// between characters). Line feeds in the text are kept as line breaks.
pub fn wrap(style: FontStyle, size: f32, text: &str, max_width: f32) -> Vec<ShapedLine> {
    let mut lines = Vec::new();
    let mut current = ShapedLine {
        style,
        size,
        glyphs: Vec::new(),
    };
    let mut start = 0;
    for (end, opportunity) in linebreaks(text) {
        let segment = &text[start..end];
        start = end;
        let mandatory = opportunity == BreakOpportunity::Mandatory;
        let piece = shape(style, size, segment.trim_end_matches(['\n', '\r']));
        let mut fitted = current.clone();
        fitted.glyphs.extend(piece.glyphs.iter().cloned());
        let mut fitted_trimmed = fitted.clone();
        fitted_trimmed.trim_trailing_spaces();
        if fitted_trimmed.width() <= max_width || current.glyphs.is_empty() {
            current = fitted;
        } else {
            current.trim_trailing_spaces();
            lines.push(std::mem::replace(&mut current, piece));
        }
        // A single word wider than the line: split it between characters.
        while {
            let mut trimmed = current.clone();
            trimmed.trim_trailing_spaces();
            trimmed.width() > max_width && trimmed.glyphs.len() > 1
        } {
            let mut width = 0.0;
            let cut = current
                .glyphs
                .iter()
                .position(|g| {
                    width += g.advance;
                    width > max_width
                })
                .unwrap_or(current.glyphs.len())
                .max(1);
            let rest = current.glyphs.split_off(cut);
            lines.push(std::mem::replace(
                &mut current,
                ShapedLine {
                    style,
                    size,
                    glyphs: rest,
                },
            ));
        }
        if mandatory && end < text.len() {
            current.trim_trailing_spaces();
            lines.push(std::mem::replace(
                &mut current,
                ShapedLine {
                    style,
                    size,
                    glyphs: Vec::new(),
                },
            ));
        }
    }
    current.trim_trailing_spaces();
    if !current.glyphs.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIZE: f32 = 10.0;

    #[test]
    fn shaping_keeps_the_text_for_copy_and_paste() {
        let text = "Efficient offices find fluffier affinities.";
        let line = shape(FontStyle::Regular, SIZE, text);
        assert_eq!(line.text(), text);
    }

    #[test]
    fn kerning_makes_shaped_width_differ_from_the_sum_of_advances() {
        let line = shape(FontStyle::Regular, SIZE, "AVAVAVAV");
        let natural: f32 = line.glyphs.iter().map(|g| g.natural_advance).sum();
        assert!(line.width() < natural, "AV pairs are kerned tighter");
    }

    #[test]
    fn wrapped_lines_fit_and_keep_every_word_in_order() {
        let text = "Boards say yes to outcomes: more problems solved, faster, by more people, \
                    with numbers that show it and a small first win to prove it.";
        let lines = wrap(FontStyle::Regular, SIZE, text, 120.0);
        assert!(lines.len() > 2);
        for line in &lines {
            assert!(
                line.width() <= 120.0,
                "{:?} is {} wide",
                line.text(),
                line.width()
            );
        }
        let rejoined: Vec<String> = lines.iter().map(ShapedLine::text).collect();
        assert_eq!(rejoined.join(" "), text);
    }

    #[test]
    fn line_feeds_force_a_break() {
        let lines = wrap(FontStyle::Regular, SIZE, "first\nsecond", 500.0);
        let texts: Vec<String> = lines.iter().map(ShapedLine::text).collect();
        assert_eq!(texts, ["first", "second"]);
    }

    #[test]
    fn a_word_wider_than_the_line_is_split() {
        let word = "Supercalifragilisticexpialidocious";
        let lines = wrap(FontStyle::Bold, SIZE, word, 40.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.width() <= 40.0));
        let rejoined: String = lines.iter().map(ShapedLine::text).collect();
        assert_eq!(rejoined, word);
    }

    #[test]
    fn empty_text_gives_one_empty_line() {
        let lines = wrap(FontStyle::Regular, SIZE, "", 100.0);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].glyphs.is_empty());
    }
}
