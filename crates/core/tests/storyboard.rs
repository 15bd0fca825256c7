//! Storyboard edits against an in-memory project: each operation, its edges, invalid ids
//! (a clear error and nothing changed), and undo/redo of all of them.

use casewright_core::storyboard::{Edit, EditError, Place, SectionText, Storyboard};
use casewright_core::{Block, BlockKind, Project, ProjectFile};

/// A small project: two sections and a library, block titles are single letters.
fn board() -> Storyboard {
    let block = |title: &str| Block::new(BlockKind::Benefit, title);
    let section = |title: &str, blocks: &[&str]| casewright_core::Section {
        id: 0,
        uid: String::new(),
        title: title.into(),
        notes: String::new(),
        blocks: blocks.iter().map(|t| block(t)).collect(),
    };
    let project = Project {
        title: "Case".into(),
        author: "Me".into(),
        audience: "Board".into(),
        industry: String::new(),
        sections: vec![section("One", &["a", "b", "c"]), section("Two", &["d"])],
        library: vec![block("x"), block("y")],
        logo: None,
        accent: None,
        pilots: Vec::new(),
        cases: Vec::new(),
    };
    Storyboard::new(ProjectFile::in_memory(&project).unwrap())
}

/// The layout as text: "One: a b c | Two: d | library: x y".
fn layout(board: &Storyboard) -> String {
    let project = board.project().unwrap();
    let names = |blocks: &[Block]| {
        blocks
            .iter()
            .map(|b| b.title.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut parts: Vec<String> = project
        .sections
        .iter()
        .map(|s| format!("{}: {}", s.title, names(&s.blocks)))
        .collect();
    parts.push(format!("library: {}", names(&project.library)));
    parts.join(" | ")
}

fn id_of(board: &Storyboard, title: &str) -> i64 {
    board
        .project()
        .unwrap()
        .all_blocks()
        .find(|b| b.title == title)
        .unwrap()
        .id
}

fn section_id(board: &Storyboard, title: &str) -> i64 {
    board
        .project()
        .unwrap()
        .sections
        .iter()
        .find(|s| s.title == title)
        .unwrap()
        .id
}

fn in_section(board: &Storyboard, title: &str, index: u32) -> Place {
    Place::Section {
        section_id: section_id(board, title),
        index,
    }
}

/// An edit worked out from the board as it is when applied (ids are found by title).
type EditFor = dyn Fn(&Storyboard) -> Edit;

const START: &str = "One: a b c | Two: d | library: x y";

/// Applies `edit`, checks the layout, then undo restores START and redo the result.
fn check(edit: impl Fn(&Storyboard) -> Edit, expected: &str) {
    let mut board = board();
    assert_eq!(layout(&board), START);
    let edit = edit(&board);
    board
        .apply(&edit)
        .unwrap_or_else(|e| panic!("{edit:?}: {e}"));
    assert_eq!(layout(&board), expected, "after {edit:?}");
    assert!(board.undo().unwrap());
    assert_eq!(layout(&board), START, "after undoing {edit:?}");
    assert!(board.redo().unwrap());
    assert_eq!(layout(&board), expected, "after redoing {edit:?}");
}

/// Applies `edit` expecting a refusal with `code`, and checks nothing changed.
fn refused(edit: impl Fn(&Storyboard) -> Edit, code: &str) -> EditError {
    let mut board = board();
    let before = board.project().unwrap();
    let edit = edit(&board);
    let err = board.apply(&edit).expect_err("the edit should be refused");
    assert_eq!(err.code(), code, "{err}");
    assert_eq!(
        board.project().unwrap(),
        before,
        "a refused edit changed the project"
    );
    assert!(!board.can_undo(), "a refused edit entered the undo history");
    err
}

#[test]
fn insert_from_nothing_at_the_start_middle_and_end_of_a_section() {
    let add = |index| {
        move |b: &Storyboard| Edit::AddBlock {
            block: Block::new(BlockKind::Metric, "n"),
            to: in_section(b, "One", index),
        }
    };
    check(add(0), "One: n a b c | Two: d | library: x y");
    check(add(2), "One: a b n c | Two: d | library: x y");
    check(add(3), "One: a b c n | Two: d | library: x y");
}

#[test]
fn drag_from_the_library_into_a_section() {
    check(
        |b| Edit::MoveBlock {
            id: id_of(b, "x"),
            to: in_section(b, "Two", 0),
        },
        "One: a b c | Two: x d | library: y",
    );
}

#[test]
fn move_across_sections_and_back_to_the_library() {
    check(
        |b| Edit::MoveBlock {
            id: id_of(b, "b"),
            to: in_section(b, "Two", 1),
        },
        "One: a c | Two: d b | library: x y",
    );
    check(
        |b| Edit::MoveBlock {
            id: id_of(b, "a"),
            to: Place::Library { index: 2 },
        },
        "One: b c | Two: d | library: x y a",
    );
}

#[test]
fn reorder_within_a_section_counts_positions_without_the_moved_block() {
    check(
        |b| Edit::MoveBlock {
            id: id_of(b, "a"),
            to: in_section(b, "One", 2),
        },
        "One: b c a | Two: d | library: x y",
    );
    check(
        |b| Edit::MoveBlock {
            id: id_of(b, "c"),
            to: in_section(b, "One", 0),
        },
        "One: c a b | Two: d | library: x y",
    );
    check(
        |b| Edit::MoveBlock {
            id: id_of(b, "b"),
            to: in_section(b, "One", 1),
        },
        START,
    );
}

#[test]
fn delete_and_undo_restores_the_block_with_its_id_and_place() {
    let mut board = board();
    let before = board.project().unwrap();
    board
        .apply(&Edit::DeleteBlock {
            id: id_of(&board, "b"),
        })
        .unwrap();
    assert_eq!(layout(&board), "One: a c | Two: d | library: x y");
    board.undo().unwrap();
    assert_eq!(board.project().unwrap(), before);
}

#[test]
fn duplicate_puts_the_copy_right_after_the_original() {
    check(
        |b| Edit::DuplicateBlock { id: id_of(b, "b") },
        "One: a b b c | Two: d | library: x y",
    );
}

#[test]
fn update_changes_fields_and_undo_brings_them_back() {
    let mut board = board();
    let mut block = board.project().unwrap().sections[0].blocks[0].clone();
    let original = block.clone();
    block.title = "More problems solved".into();
    block.kind = BlockKind::Metric;
    block.number = Some(12.0);
    block.tags = vec!["pilot".into()];
    board
        .apply(&Edit::UpdateBlock {
            block: block.clone(),
        })
        .unwrap();
    assert_eq!(board.project().unwrap().sections[0].blocks[0], block);
    board.undo().unwrap();
    assert_eq!(board.project().unwrap().sections[0].blocks[0], original);
}

#[test]
fn sections_are_added_renamed_moved_and_removed() {
    check(
        |_| Edit::AddSection {
            title: "Zero".into(),
            index: 0,
        },
        "Zero:  | One: a b c | Two: d | library: x y",
    );
    check(
        |b| Edit::UpdateSection {
            id: section_id(b, "Two"),
            text: SectionText {
                title: "Proof".into(),
                notes: "Lead with the rival.".into(),
            },
        },
        "One: a b c | Proof: d | library: x y",
    );
    check(
        |b| Edit::MoveSection {
            id: section_id(b, "Two"),
            index: 0,
        },
        "Two: d | One: a b c | library: x y",
    );
    // A removed section's blocks go to the library; undo puts them back in order.
    check(
        |b| Edit::RemoveSection {
            id: section_id(b, "One"),
        },
        "Two: d | library: x y a b c",
    );
}

#[test]
fn project_details_are_edited_and_undone() {
    let mut board = board();
    board
        .apply(&Edit::SetProjectDetails {
            title: "Back the pilot".into(),
            author: "Jo".into(),
            audience: "CFO".into(),
            industry: " Retail ".into(),
        })
        .unwrap();
    assert_eq!(board.project().unwrap().audience, "CFO");
    assert_eq!(
        board.project().unwrap().industry,
        "retail",
        "stored as facets are"
    );
    board.undo().unwrap();
    let project = board.project().unwrap();
    assert_eq!(
        (
            project.title.as_str(),
            project.audience.as_str(),
            project.industry.as_str()
        ),
        ("Case", "Board", "")
    );
}

#[test]
fn unknown_ids_are_refused_and_change_nothing() {
    refused(|_| Edit::DeleteBlock { id: 999 }, "not_found");
    refused(|_| Edit::DuplicateBlock { id: -1 }, "not_found");
    refused(
        |_| Edit::MoveBlock {
            id: 999,
            to: Place::Library { index: 0 },
        },
        "not_found",
    );
    refused(
        |b| Edit::MoveBlock {
            id: id_of(b, "a"),
            to: Place::Section {
                section_id: 999,
                index: 0,
            },
        },
        "not_found",
    );
    refused(|_| Edit::RemoveSection { id: 999 }, "not_found");
    let err = refused(
        |_| Edit::UpdateBlock {
            block: Block {
                id: 424242,
                ..Block::new(BlockKind::Story, "ghost")
            },
        },
        "not_found",
    );
    assert!(err.to_string().contains("424242"));
}

#[test]
fn positions_past_the_end_are_refused_and_change_nothing() {
    let err = refused(
        |b| Edit::MoveBlock {
            id: id_of(b, "a"),
            to: in_section(b, "Two", 2),
        },
        "bad_position",
    );
    assert!(err.to_string().contains("holds 1"), "{err}");
    // Within its own section the block does not count: One holds two others.
    refused(
        |b| Edit::MoveBlock {
            id: id_of(b, "a"),
            to: in_section(b, "One", 3),
        },
        "bad_position",
    );
    refused(
        |_| Edit::AddSection {
            title: "Far".into(),
            index: 3,
        },
        "bad_position",
    );
    refused(
        |b| Edit::MoveSection {
            id: section_id(b, "One"),
            index: 2,
        },
        "bad_position",
    );
}

#[test]
fn hostile_field_values_are_refused_with_a_reason() {
    let err = refused(
        |_| Edit::AddBlock {
            block: Block::new(BlockKind::Benefit, "t".repeat(5_000)),
            to: Place::Library { index: 0 },
        },
        "invalid_edit",
    );
    assert!(err.to_string().contains("title"), "{err}");
    refused(
        |_| Edit::AddBlock {
            block: Block {
                number: Some(f64::NAN),
                ..Block::new(BlockKind::Metric, "n")
            },
            to: Place::Library { index: 0 },
        },
        "invalid_edit",
    );
    refused(
        |_| Edit::AddBlock {
            block: Block {
                tags: vec!["  ".into()],
                ..Block::new(BlockKind::Metric, "n")
            },
            to: Place::Library { index: 0 },
        },
        "invalid_edit",
    );
}

#[test]
fn a_long_session_undoes_to_the_start_and_redoes_to_the_end() {
    let mut board = board();
    let start = board.project().unwrap();
    let edits: Vec<Box<EditFor>> = vec![
        Box::new(|b| Edit::MoveBlock {
            id: id_of(b, "x"),
            to: in_section(b, "One", 1),
        }),
        Box::new(|b| Edit::DuplicateBlock { id: id_of(b, "d") }),
        Box::new(|_| Edit::AddSection {
            title: "Three".into(),
            index: 2,
        }),
        Box::new(|b| Edit::MoveBlock {
            id: id_of(b, "a"),
            to: in_section(b, "Three", 0),
        }),
        Box::new(|b| Edit::DeleteBlock { id: id_of(b, "c") }),
        Box::new(|b| Edit::RemoveSection {
            id: section_id(b, "Two"),
        }),
        Box::new(|b| Edit::MoveSection {
            id: section_id(b, "Three"),
            index: 0,
        }),
        Box::new(|b| Edit::AddBlock {
            block: Block::new(BlockKind::Story, "s"),
            to: in_section(b, "Three", 1),
        }),
    ];
    for edit in &edits {
        let edit = edit(&board);
        board
            .apply(&edit)
            .unwrap_or_else(|e| panic!("{edit:?}: {e}"));
    }
    let end = board.project().unwrap();
    assert_eq!(layout(&board), "Three: a s | One: x b | library: y d d");
    while board.undo().unwrap() {}
    assert_eq!(board.project().unwrap(), start);
    while board.redo().unwrap() {}
    assert_eq!(board.project().unwrap(), end);
    assert!(!board.can_redo());
}

#[test]
fn a_new_edit_clears_the_redo_history() {
    let mut board = board();
    board
        .apply(&Edit::DeleteBlock {
            id: id_of(&board, "a"),
        })
        .unwrap();
    board.undo().unwrap();
    assert!(board.can_redo());
    board
        .apply(&Edit::DeleteBlock {
            id: id_of(&board, "b"),
        })
        .unwrap();
    assert!(!board.can_redo());
    assert!(!board.redo().unwrap());
}

#[test]
fn edits_are_saved_to_the_file_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("case.casewright");
    let file = ProjectFile::create(&path, &board().project().unwrap()).unwrap();
    let mut board = Storyboard::new(file);
    let x = id_of(&board, "x");
    board
        .apply(&Edit::MoveBlock {
            id: x,
            to: in_section(&board, "Two", 1),
        })
        .unwrap();
    // Another reader sees the change while the board is still open, from a copy too.
    let copy = dir.path().join("copy.casewright");
    std::fs::copy(&path, &copy).unwrap();
    let reopened = ProjectFile::open(&copy).unwrap().load().unwrap();
    assert_eq!(reopened.sections[1].blocks[1].title, "x");
}

#[test]
fn positions_left_gappy_by_another_tool_are_tidied_not_trusted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("case.casewright");
    ProjectFile::create(&path, &board().project().unwrap())
        .unwrap()
        .close()
        .unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "UPDATE block SET position = position * 10 + 5 WHERE section_id IS NOT NULL;",
    )
    .unwrap();
    conn.close().unwrap();
    let mut board = Storyboard::new(ProjectFile::open(&path).unwrap());
    assert_eq!(layout(&board), START);
    let a = id_of(&board, "a");
    board
        .apply(&Edit::MoveBlock {
            id: a,
            to: in_section(&board, "One", 2),
        })
        .unwrap();
    assert_eq!(layout(&board), "One: b c a | Two: d | library: x y");
    board.undo().unwrap();
    assert_eq!(layout(&board), START);
}

// Stable ids: what a merge of two copies matches blocks and sections on.

fn uids(project: &casewright_core::Project) -> Vec<String> {
    project
        .sections
        .iter()
        .flat_map(|s| std::iter::once(s.uid.clone()).chain(s.blocks.iter().map(|b| b.uid.clone())))
        .chain(project.library.iter().map(|b| b.uid.clone()))
        .collect()
}

#[test]
fn every_stored_block_and_section_has_its_own_stable_id() {
    let board = Storyboard::new(
        ProjectFile::in_memory(&casewright_core::exchange::sample_project()).unwrap(),
    );
    let all = uids(&board.project().unwrap());
    let distinct: std::collections::HashSet<_> = all.iter().collect();
    assert_eq!(distinct.len(), all.len(), "uids repeat: {all:?}");
    assert!(all.iter().all(|u| u.len() == 32), "{all:?}");
}

#[test]
fn a_duplicate_gets_a_new_id_and_undoing_a_deletion_brings_the_old_one_back() {
    let mut board = Storyboard::new(
        ProjectFile::in_memory(&casewright_core::exchange::sample_project()).unwrap(),
    );
    let before = board.project().unwrap();
    let block = before.sections[1].blocks[0].clone();
    board.apply(&Edit::DuplicateBlock { id: block.id }).unwrap();
    let after = board.project().unwrap();
    let copy = &after.sections[1].blocks[1];
    assert_eq!(copy.title, block.title);
    assert_ne!(copy.uid, block.uid);
    assert_eq!(after.sections[1].blocks[0].uid, block.uid);

    board.apply(&Edit::DeleteBlock { id: block.id }).unwrap();
    board.undo().unwrap();
    let section = before.sections[2].clone();
    board
        .apply(&Edit::RemoveSection { id: section.id })
        .unwrap();
    board.undo().unwrap();
    let restored = board.project().unwrap();
    assert_eq!(restored.sections[1].blocks[0].uid, block.uid);
    assert_eq!(restored.sections[2].uid, section.uid);

    let mut edited = block.clone();
    edited.uid = "something else".into();
    edited.title = "Edited".into();
    board.apply(&Edit::UpdateBlock { block: edited }).unwrap();
    assert_eq!(
        board.project().unwrap().sections[1].blocks[0].uid,
        block.uid,
        "an update keeps the uid"
    );
}
