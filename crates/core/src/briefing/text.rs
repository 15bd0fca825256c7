//! Text shaping (rustybuzz) and line breaking (UAX #14 via unicode-linebreak), because
//! printpdf places glyphs but neither shapes nor wraps. Widths are in points.

use unicode_linebreak::{linebreaks, BreakOpportunity};

use super::fonts::{self, covering, FontStyle};

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
    /// Byte offset in the shaped text of the cluster this glyph belongs to.
    pub cluster: u32,
    /// Drawn from the fallback font (see [`super::fonts::fallback`]), not the line's style.
    pub fallback: bool,
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

    /// The width without trailing spaces (which may hang past the line's end).
    fn trimmed_width(&self) -> f32 {
        let trailing = self
            .glyphs
            .iter()
            .rev()
            .take_while(|g| is_space(g))
            .map(|g| g.advance)
            .sum::<f32>();
        self.width() - trailing
    }

    /// Keeps the first `max` lines, ending the last kept one with an ellipsis when text
    /// was cut, so a runaway field cannot push a page's layout off the paper.
    pub fn clamp(lines: &mut Vec<ShapedLine>, max: usize, max_width: f32) {
        if lines.len() <= max {
            return;
        }
        lines.truncate(max);
        let last = lines.last_mut().expect("max is at least one line");
        let ellipsis = shape(last.style, last.size, "…");
        while !last.glyphs.is_empty() && last.trimmed_width() + ellipsis.width() > max_width {
            last.glyphs.pop();
        }
        last.trim_trailing_spaces();
        last.glyphs.extend(ellipsis.glyphs);
    }

    fn trim_trailing_spaces(&mut self) {
        while self.glyphs.last().is_some_and(is_space) {
            self.glyphs.pop();
        }
    }
}

fn is_space(glyph: &Glyph) -> bool {
    !glyph.text.is_empty() && glyph.text.chars().all(char::is_whitespace)
}

/// Shapes `text` as one line. Runs of characters the style's font lacks are shaped with
/// the fallback font; a character no bundled font covers becomes the font's missing-glyph
/// box (glyph 0), which [`missing_characters`] reports.
pub fn shape(style: FontStyle, size: f32, text: &str) -> ShapedLine {
    let mut glyphs = Vec::with_capacity(text.len());
    let mut run_start = 0;
    let mut run_fallback = false;
    for (at, c) in text.char_indices() {
        let fallback = covering(style, c).unwrap_or(false);
        if fallback != run_fallback && at > run_start {
            shape_run(style, size, text, run_start..at, run_fallback, &mut glyphs);
            run_start = at;
        }
        run_fallback = fallback;
    }
    if run_start < text.len() {
        shape_run(
            style,
            size,
            text,
            run_start..text.len(),
            run_fallback,
            &mut glyphs,
        );
    }
    ShapedLine {
        style,
        size,
        glyphs,
    }
}

fn shape_run(
    style: FontStyle,
    size: f32,
    text: &str,
    range: std::ops::Range<usize>,
    fallback: bool,
    glyphs: &mut Vec<Glyph>,
) {
    let face = if fallback {
        fonts::fallback::face()
    } else {
        style.face()
    };
    let run = &text[range.clone()];
    let scale = size / face.units_per_em() as f32;
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(run);
    let output = rustybuzz::shape(face, &[], buffer);
    let infos = output.glyph_infos();
    let positions = output.glyph_positions();
    for (i, (info, pos)) in infos.iter().zip(positions).enumerate() {
        let start = info.cluster as usize;
        let first_of_cluster = i == 0 || infos[i - 1].cluster != info.cluster;
        let end = infos[i..]
            .iter()
            .map(|g| g.cluster as usize)
            .find(|&c| c != start)
            .unwrap_or(run.len());
        let id = info.glyph_id as u16;
        let natural = face
            .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(id))
            .unwrap_or(0) as f32;
        glyphs.push(Glyph {
            id,
            advance: pos.x_advance as f32 * scale,
            natural_advance: natural * scale,
            cluster: (range.start + start) as u32,
            text: if first_of_cluster && end > start {
                run[start..end].to_string()
            } else {
                String::new()
            },
            fallback,
        });
    }
}

/// The characters of `lines` that no bundled font could draw, each once, in order.
pub fn missing_characters<'a>(lines: impl IntoIterator<Item = &'a ShapedLine>) -> Vec<char> {
    let mut missing = Vec::new();
    for line in lines {
        for glyph in &line.glyphs {
            if glyph.id == 0 {
                for c in glyph.text.chars() {
                    if !c.is_whitespace()
                        && covering(line.style, c).is_none()
                        && !missing.contains(&c)
                    {
                        missing.push(c);
                    }
                }
            }
        }
    }
    missing
}

/// Breaks `text` into lines no wider than `max_width` (a word wider than a line is split
/// between characters). Line feeds in the text are kept as line breaks.
///
/// Each paragraph is shaped once, then cut at the UAX #14 break opportunities; cutting
/// the glyph run (rather than shaping word by word) keeps long texts linear in time.
pub fn wrap(style: FontStyle, size: f32, text: &str, max_width: f32) -> Vec<ShapedLine> {
    let mut lines = Vec::new();
    let mut paragraph_start = 0;
    let mut allowed = Vec::new();
    for (at, opportunity) in linebreaks(text) {
        if opportunity == BreakOpportunity::Mandatory || at == text.len() {
            let paragraph = text[paragraph_start..at].trim_end_matches([
                '\n', '\r', '\u{2028}', '\u{2029}', '\u{b}', '\u{c}', '\u{85}',
            ]);
            allowed.retain(|&b| b < paragraph_start + paragraph.len());
            let breaks: Vec<usize> = allowed.iter().map(|b| b - paragraph_start).collect();
            wrap_paragraph(style, size, paragraph, &breaks, max_width, &mut lines);
            allowed.clear();
            paragraph_start = at;
        } else {
            allowed.push(at);
        }
    }
    if lines.is_empty() {
        lines.push(ShapedLine {
            style,
            size,
            glyphs: Vec::new(),
        });
    }
    lines
}

/// Greedy line filling of one paragraph, breaking only at `breaks` (byte offsets).
fn wrap_paragraph(
    style: FontStyle,
    size: f32,
    text: &str,
    breaks: &[usize],
    max_width: f32,
    lines: &mut Vec<ShapedLine>,
) {
    let empty = || ShapedLine {
        style,
        size,
        glyphs: Vec::new(),
    };
    let shaped = shape(style, size, text);
    let mut current = empty();
    let mut current_width = 0.0;
    let mut glyphs = shaped.glyphs.into_iter().peekable();
    for end in breaks.iter().copied().chain([usize::MAX]) {
        let mut piece = empty();
        while let Some(glyph) = glyphs.next_if(|g| (g.cluster as usize) < end) {
            piece.glyphs.push(glyph);
        }
        if piece.glyphs.is_empty() {
            continue;
        }
        if current.glyphs.is_empty() || current_width + piece.trimmed_width() <= max_width {
            current_width += piece.width();
            current.glyphs.extend(piece.glyphs);
        } else {
            current.trim_trailing_spaces();
            current_width = piece.width();
            lines.push(std::mem::replace(&mut current, piece));
        }
        // A word wider than the line is split between characters, in one pass (a hostile
        // field can be megabytes without a space).
        if current.trimmed_width() > max_width && current.glyphs.len() > 1 {
            let mut chunk = Vec::new();
            let mut width = 0.0;
            for glyph in std::mem::take(&mut current.glyphs) {
                if width + glyph.advance > max_width && !chunk.is_empty() {
                    lines.push(ShapedLine {
                        style,
                        size,
                        glyphs: std::mem::take(&mut chunk),
                    });
                    width = 0.0;
                }
                width += glyph.advance;
                chunk.push(glyph);
            }
            current.glyphs = chunk;
            current_width = width;
        }
    }
    current.trim_trailing_spaces();
    lines.push(current);
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
        let texts = |text: &str| -> Vec<String> {
            wrap(FontStyle::Regular, SIZE, text, 500.0)
                .iter()
                .map(ShapedLine::text)
                .collect()
        };
        assert_eq!(texts("first\nsecond"), ["first", "second"]);
        assert_eq!(texts("first\r\n\r\nthird\n"), ["first", "", "third"]);
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
    fn a_megabyte_without_spaces_wraps_quickly_into_full_lines() {
        let text = "x".repeat(1 << 20);
        let lines = wrap(FontStyle::Regular, SIZE, &text, 400.0);
        let chars: usize = lines.iter().map(|l| l.glyphs.len()).sum();
        assert_eq!(chars, text.len());
        assert!(lines.iter().all(|l| l.width() <= 400.0));
        assert!(lines[..lines.len() - 1].iter().all(|l| l.width() > 390.0));
    }

    #[test]
    fn clamping_cuts_lines_and_marks_the_cut() {
        let text = "Grow the ideas we already have. ".repeat(20);
        let mut lines = wrap(FontStyle::Regular, SIZE, &text, 150.0);
        assert!(lines.len() > 3);
        ShapedLine::clamp(&mut lines, 3, 150.0);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].text().ends_with('…'));
        assert!(lines[2].width() <= 150.0);
        let mut short = wrap(FontStyle::Regular, SIZE, "Short.", 150.0);
        ShapedLine::clamp(&mut short, 3, 150.0);
        assert_eq!(short[0].text(), "Short.");
    }

    #[test]
    fn empty_text_gives_one_empty_line() {
        let lines = wrap(FontStyle::Regular, SIZE, "", 100.0);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].glyphs.is_empty());
    }
}
