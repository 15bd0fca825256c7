//! The briefing's fonts, bundled in the binary (assets/fonts, SIL OFL 1.1). The shaper and
//! the PDF writer must see the same bytes, or glyph ids would not match.

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
}
