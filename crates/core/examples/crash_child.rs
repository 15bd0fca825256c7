//! The child of `scripts/crash-torture.sh`: edits a project for ever, as fast as it can,
//! until it is killed. Before each edit it prints `try N OP K [TEXT]`, after the edit has
//! been committed `ok N`, each line flushed, so the parent knows every edit that was
//! reported committed, and the one that may have been under way when the kill came.
//! Blocks it adds are titled `edit K`; OP is add, del (delete block `edit K`), body (set
//! its text to TEXT), move (move it somewhere; checked only by the file staying whole).
//!
//! `cargo run -p casewright-core --example crash_child -- FILE SEED FIRST_N`

use std::io::Write;

use casewright_core::storyboard::{Edit, Place, Storyboard};
use casewright_core::{Block, BlockKind, ProjectFile};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = std::path::PathBuf::from(args.next().expect("FILE"));
    let mut seed: u64 = args.next().expect("SEED").parse().expect("a number");
    let mut n: u64 = args.next().expect("FIRST_N").parse().expect("a number");
    let mut random = move |below: usize| {
        // xorshift64*: enough to vary the edits; no statistics ride on it.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % below.max(1)
    };
    let mut board = Storyboard::new(ProjectFile::open(&path).expect("the project opens"));
    let out = std::io::stdout();
    loop {
        let project = board.project().expect("the project reads");
        let ours: Vec<&Block> = project
            .all_blocks()
            .filter(|b| b.title.starts_with("edit "))
            .collect();
        let pick = |i: usize| ours[i % ours.len().max(1)];
        let (line, edit) = match random(10) {
            0..=3 => {
                let section = &project.sections[random(project.sections.len())];
                let mut block = Block::new(BlockKind::Benefit, format!("edit {n}"));
                block.body = format!("first text of {n}");
                (
                    format!("try {n} add {n}"),
                    Edit::AddBlock {
                        block,
                        to: Place::Section {
                            section_id: section.id,
                            index: random(section.blocks.len() + 1) as u32,
                        },
                    },
                )
            }
            4 | 5 if ours.len() > 40 => {
                let block = pick(random(ours.len()));
                (
                    format!("try {n} del {}", &block.title[5..]),
                    Edit::DeleteBlock { id: block.id },
                )
            }
            6 | 7 if !ours.is_empty() => {
                let mut block = pick(random(ours.len())).clone();
                block.body = format!("text {n} {}", "lorem ipsum ".repeat(random(200)));
                (
                    format!("try {n} body {} {}", &block.title[5..], block.body),
                    Edit::UpdateBlock { block },
                )
            }
            _ if !ours.is_empty() => {
                let block = pick(random(ours.len()));
                let section = &project.sections[random(project.sections.len())];
                (
                    format!("try {n} move {}", &block.title[5..]),
                    Edit::MoveBlock {
                        id: block.id,
                        to: Place::Section {
                            section_id: section.id,
                            index: random(section.blocks.len()) as u32,
                        },
                    },
                )
            }
            _ => continue,
        };
        let mut lock = out.lock();
        writeln!(lock, "{line}")
            .and_then(|_| lock.flush())
            .expect("stdout");
        drop(lock);
        board.apply(&edit).expect("the edit applies");
        let mut lock = out.lock();
        writeln!(lock, "ok {n}")
            .and_then(|_| lock.flush())
            .expect("stdout");
        n += 1;
    }
}
