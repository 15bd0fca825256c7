//! What the test binaries of the core and the CLI share, written once: a sample project file
//! on disk, briefing options with a fixed date (so renders and texts do not change with the
//! day), small projects built from titles, and a look inside a file's bytes.

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
