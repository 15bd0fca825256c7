//! What the test binaries of the core and the CLI share, written once: a sample project file
//! on disk, briefing options with a fixed date (so renders and texts do not change with the
//! day), small projects built from titles, a look inside a file's bytes, and a PNG that
//! claims any size (a decompression bomb, as its header shows it).

use std::path::{Path, PathBuf};

use casewright_core::briefing::{BriefingDate, BriefingOptions};
use casewright_core::exchange::sample_project;
use casewright_core::{Block, BlockKind, Project, ProjectFile, Section};

/// Creates the bundled sample as a project file named `name` in `dir`; returns its path.
pub fn sample_file(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    ProjectFile::create(&path, &sample_project())
        .expect("the sample can be written")
        .close()
        .expect("and closed");
    path
}

/// Briefing options for 26 November 2026: the date on every test briefing.
pub fn briefing_options() -> BriefingOptions {
    BriefingOptions::for_date(BriefingDate {
        year: 2026,
        month: 11,
        day: 26,
    })
}

/// A project for the board with `sections` (title and blocks) and nothing else.
pub fn project_with(sections: Vec<(&str, Vec<Block>)>) -> Project {
    Project {
        title: "Case".into(),
        author: "Me".into(),
        audience: "The Board".into(),
        industry: String::new(),
        sections: sections
            .into_iter()
            .map(|(title, blocks)| Section {
                id: 0,
                uid: String::new(),
                title: title.into(),
                notes: String::new(),
                blocks,
            })
            .collect(),
        library: Vec::new(),
        logo: None,
        accent: None,
        pilots: Vec::new(),
        cases: Vec::new(),
    }
}

/// A block of `kind` titled `title` with `body`.
pub fn block(kind: BlockKind, title: &str, body: &str) -> Block {
    let mut block = Block::new(kind, title);
    block.body = body.into();
    block
}

/// Whether the bytes of the file at `path` contain `needle` (text left behind on disk).
pub fn file_holds(path: &Path, needle: &str) -> bool {
    let bytes = std::fs::read(path).expect("the file can be read");
    bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// A PNG whose header claims `width` × `height` RGB pixels, with one tiny compressed row:
/// what a decompression bomb looks like before anything is decoded.
pub fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut body = kind.to_vec();
        body.extend_from_slice(data);
        out.extend_from_slice(&body);
        out.extend_from_slice(&crc32(&body).to_be_bytes());
    }
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut header = Vec::new();
    header.extend_from_slice(&width.to_be_bytes());
    header.extend_from_slice(&height.to_be_bytes());
    header.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(&mut png, b"IHDR", &header);
    // zlib: a stored empty block, so the data is well formed but far too short.
    chunk(
        &mut png,
        b"IDAT",
        &[
            0x78, 0x01, 0x01, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x01,
        ],
    );
    chunk(&mut png, b"IEND", &[]);
    png
}
