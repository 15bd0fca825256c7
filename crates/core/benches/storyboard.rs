//! `cargo bench -p casewright-core --bench storyboard`: a project of 2,000 blocks in 12
//! sections, on disk. Opening it for the UI (open, integrity check, load, serialise for
//! IPC) and committing one move (a transaction with the file synced).

use casewright_core::storyboard::{Edit, Place, Storyboard};
use casewright_core::{Block, BlockKind, Project, ProjectFile, Section};

fn main() {
    divan::main();
}

const SECTIONS: usize = 12;
const BLOCKS: usize = 2_000;

fn big_project() -> Project {
    let kinds = [BlockKind::Benefit, BlockKind::Story, BlockKind::Metric];
    let sections = (0..SECTIONS)
        .map(|s| Section {
            id: 0,
            uid: String::new(),
            title: format!("Section {s}"),
            notes: "Say this when the section is on screen.".into(),
            blocks: (0..BLOCKS / SECTIONS + usize::from(s < BLOCKS % SECTIONS))
                .map(|b| Block {
                    body: "More problems solved, faster, by more people. ".repeat(4),
                    number: Some(b as f64),
                    unit: Some("%".into()),
                    source: Some("Internal survey (illustrative)".into()),
                    tags: vec!["pilot".into()],
                    ..Block::new(kinds[b % 3], format!("Block {s}.{b}"))
                })
                .collect(),
        })
        .collect();
    Project {
        title: "Benchmark".into(),
        author: String::new(),
        audience: String::new(),
        industry: String::new(),
        sections,
        library: Vec::new(),
        logo: None,
        accent: None,
        pilots: Vec::new(),
        cases: Vec::new(),
    }
}

fn project_on_disk() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.casewright");
    ProjectFile::create(&path, &big_project())
        .unwrap()
        .close()
        .unwrap();
    (dir, path)
}

#[divan::bench(sample_count = 30)]
fn open_and_load_for_the_ui(bencher: divan::Bencher) {
    let (_dir, path) = project_on_disk();
    bencher.bench(|| {
        let file = ProjectFile::open(&path).unwrap();
        let project = file.load().unwrap();
        assert_eq!(project.all_blocks().count(), BLOCKS);
        serde_json::to_string(&project).unwrap().len()
    });
}

#[divan::bench(sample_count = 100)]
fn committed_move_across_sections(bencher: divan::Bencher) {
    let (_dir, path) = project_on_disk();
    let mut board = Storyboard::new(ProjectFile::open(&path).unwrap());
    let project = board.project().unwrap();
    let block = project.sections[0].blocks[80].id;
    let (first, last) = (project.sections[0].id, project.sections[SECTIONS - 1].id);
    let mut flip = false;
    bencher.bench_local(|| {
        flip = !flip;
        let section_id = if flip { last } else { first };
        board
            .apply(&Edit::MoveBlock {
                id: block,
                to: Place::Section {
                    section_id,
                    index: 40,
                },
            })
            .unwrap();
    });
}
