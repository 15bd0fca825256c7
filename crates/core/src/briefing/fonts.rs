//! The briefing's fonts, bundled in the binary: Noto Sans in three styles (assets/fonts,
//! SIL OFL 1.1) and DejaVu Sans as the fallback for characters Noto Sans lacks, such as
//! arrows and many symbols (Bitstream Vera licence). The shaper and the PDF writer must
//! see the same bytes, or glyph ids would not match.

use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FontStyle {
    Regular,
    Bold,
    Italic,
}

impl FontStyle {
    pub const ALL: [FontStyle; 3] = [FontStyle::Regular, FontStyle::Bold, FontStyle::Italic];

    pub fn bytes(self) -> &'static [u8] {
        match self {
            FontStyle::Regular => include_bytes!("../../../../assets/fonts/NotoSans-Regular.ttf"),
            FontStyle::Bold => include_bytes!("../../../../assets/fonts/NotoSans-Bold.ttf"),
            FontStyle::Italic => include_bytes!("../../../../assets/fonts/NotoSans-Italic.ttf"),
        }
    }

    /// A fixed resource name, so identical input gives identical PDF bytes. Six capitals,
    /// because printpdf uses it as the subset tag too.
    pub fn resource_name(self) -> &'static str {
        match self {
            FontStyle::Regular => "CWNSRG",
            FontStyle::Bold => "CWNSBD",
            FontStyle::Italic => "CWNSIT",
        }
    }

    pub fn face(self) -> &'static rustybuzz::Face<'static> {
        static FACES: OnceLock<[rustybuzz::Face<'static>; 3]> = OnceLock::new();
        let faces = FACES.get_or_init(|| {
            FontStyle::ALL.map(|style| {
                rustybuzz::Face::from_slice(style.bytes(), 0).expect("bundled fonts parse (tested)")
            })
        });
        &faces[self as usize]
    }
}

/// The font that covers what the styled fonts do not (one weight for every style).
pub mod fallback {
    use std::sync::OnceLock;

    pub const BYTES: &[u8] = include_bytes!("../../../../assets/fonts/DejaVuSans.ttf");
    pub const RESOURCE_NAME: &str = "CWDJVS";

    pub fn face() -> &'static rustybuzz::Face<'static> {
        static FACE: OnceLock<rustybuzz::Face<'static>> = OnceLock::new();
        FACE.get_or_init(|| {
            rustybuzz::Face::from_slice(BYTES, 0).expect("the bundled fallback font parses")
        })
    }
}

/// Which font draws a character in `style`: the style's own, the fallback, or none.
pub fn covering(style: FontStyle, c: char) -> Option<bool> {
    if c.is_control() || style.face().glyph_index(c).is_some() {
        Some(false)
    } else if fallback::face().glyph_index(c).is_some() {
        Some(true)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_face_parses_and_covers_latin_text() {
        for style in FontStyle::ALL {
            let face = style.face();
            for c in "Aa€–’éß0%".chars() {
                assert!(face.glyph_index(c).is_some(), "{style:?} lacks {c:?}");
            }
        }
    }

    #[test]
    fn arrows_and_symbols_fall_back_and_emoji_are_not_covered() {
        assert_eq!(covering(FontStyle::Bold, 'A'), Some(false));
        assert_eq!(covering(FontStyle::Regular, '→'), Some(true));
        assert_eq!(covering(FontStyle::Italic, '✓'), Some(true));
        assert_eq!(covering(FontStyle::Regular, '🚀'), None);
    }
}
