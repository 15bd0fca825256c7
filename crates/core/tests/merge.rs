//! "Merge changes from…": a colleague's edited copy merged three ways against the state
//! the copy was shared in. Every conflict kind, their changes taken without asking, one
//! undo for the whole merge, and the property that merging a copy with itself changes
//! nothing.

use std::path::PathBuf;

use casewright_core::exchange::sample_project;
use casewright_core::sharing::apply::{apply, plan, MergePlan, Resolution};
use casewright_core::sharing::merge::{Choice, ConflictKind};
use casewright_core::sharing::ShareOptions;
use casewright_core::storyboard::{Edit, Place, SectionText, Storyboard};
use casewright_core::{Block, BlockKind, Project, ProjectFile};

/// Our project and a colleague's copy shared from it, both open for editing.
struct Pair {
    _dir: tempfile::TempDir,
    ours: Storyboard,
    theirs: Storyboard,
    theirs_path: PathBuf,
}

fn pair() -> Pair {
    let dir = tempfile::tempdir().unwrap();
    let ours_path = dir.path().join("ours.casewright");
    ProjectFile::create(&ours_path, &sample_project())
        .unwrap()
        .close()
        .unwrap();
    let ours = Storyboard::new(ProjectFile::open(&ours_path).unwrap());
    let theirs_path = dir.path().join("theirs.casewright");
    ours.file()
        .share_copy(&theirs_path, ShareOptions::default())
        .unwrap();
    let theirs = Storyboard::new(ProjectFile::open(&theirs_path).unwrap());
    Pair {
        _dir: dir,
        ours,
        theirs,
        theirs_path,
    }
}

/// A project without its numbering (ids differ between copies; uids do not).
fn content(mut project: Project) -> Project {
    for section in &mut project.sections {
        section.id = 0;
        for block in &mut section.blocks {
            block.id = 0;
            block.case_id = None;
            block.photo = None;
        }
    }
    for block in &mut project.library {
        block.id = 0;
        block.case_id = None;
        block.photo = None;
    }
    for case in &mut project.cases {
        case.case.id = 0;
    }
    project
}

fn block_by_uid<'p>(project: &'p Project, uid: &str) -> Option<&'p Block> {
    project.all_blocks().find(|b| b.uid == uid)
}

fn edit_block(board: &mut Storyboard, uid: &str, change: impl FnOnce(&mut Block)) {
    let mut block = block_by_uid(&board.project().unwrap(), uid)
        .unwrap()
        .clone();
    change(&mut block);
    board.apply(&Edit::UpdateBlock { block }).unwrap();
}

fn delete_block(board: &mut Storyboard, uid: &str) {
    let id = block_by_uid(&board.project().unwrap(), uid).unwrap().id;
    board.apply(&Edit::DeleteBlock { id }).unwrap();
}

fn merge_with(pair: &mut Pair, choose: impl Fn(&MergePlan, u32) -> Choice) -> MergePlan {
    let planned = plan(pair.ours.file(), &pair.theirs_path).unwrap();
    let resolutions: Vec<Resolution> = planned
        .conflicts
        .iter()
        .map(|c| Resolution {
            conflict: c.id,
            choice: choose(&planned, c.id),
        })
        .collect();
    apply(
        &mut pair.ours,
        &pair.theirs_path,
        &planned.fingerprint,
        &resolutions,
    )
    .unwrap();
    planned
}

#[test]
fn their_changes_go_in_without_asking_ours_stay_and_one_undo_takes_the_merge_back() {
    let mut pair = pair();
    let start = pair.ours.project().unwrap();
    let proof = &start.sections[2];
    let (x, y, z) = (
        start.sections[1].blocks[0].uid.clone(),
        start.sections[1].blocks[1].uid.clone(),
        proof.blocks[0].uid.clone(),
    );
    // Ours: a new title on x.
    edit_block(&mut pair.ours, &x, |b| {
        b.title = "Our sharper headline".into()
    });
    // Theirs: new text on y, z deleted, a block added in the proof section, a section
    // added at the end, and the project renamed.
    {
        let theirs = &mut pair.theirs;
        edit_block(theirs, &y, |b| b.body = "Their better explanation.".into());
        delete_block(theirs, &z);
        let proof_id = theirs.project().unwrap().sections[2].id;
        let mut added = Block::new(BlockKind::Metric, "Their new figure");
        added.number = Some(42.0);
        added.unit = Some("%".into());
        theirs
            .apply(&Edit::AddBlock {
                block: added,
                to: Place::Section {
                    section_id: proof_id,
                    index: 1,
                },
            })
            .unwrap();
        let count = theirs.project().unwrap().sections.len() as u32;
        theirs
            .apply(&Edit::AddSection {
                title: "Their appendix".into(),
                index: count,
            })
            .unwrap();
        let p = theirs.project().unwrap();
        theirs
            .apply(&Edit::SetProjectDetails {
                title: "Their title".into(),
                author: p.author,
                audience: p.audience,
                industry: p.industry,
            })
            .unwrap();
    }
    let before_merge = pair.ours.project().unwrap();
    let planned = merge_with(&mut pair, |_, _| Choice::Ours);
    assert!(planned.conflicts.is_empty(), "{:?}", planned.conflicts);
    assert_eq!(planned.taken.len(), 5, "{:#?}", planned.taken);
    assert!(!planned.pilots_differ);

    let merged = pair.ours.project().unwrap();
    assert_eq!(merged.title, "Their title");
    assert_eq!(
        block_by_uid(&merged, &x).unwrap().title,
        "Our sharper headline"
    );
    assert_eq!(
        block_by_uid(&merged, &y).unwrap().body,
        "Their better explanation."
    );
    assert!(block_by_uid(&merged, &z).is_none());
    // Their block sits where they put it, under their uid; their section is last.
    let theirs_now = ProjectFile::open(&pair.theirs_path)
        .unwrap()
        .load()
        .unwrap();
    assert_eq!(
        merged.sections[2]
            .blocks
            .iter()
            .map(|b| &b.uid)
            .collect::<Vec<_>>(),
        theirs_now.sections[2]
            .blocks
            .iter()
            .map(|b| &b.uid)
            .collect::<Vec<_>>()
    );
    assert_eq!(merged.sections[2].blocks[1].title, "Their new figure");
    assert_eq!(merged.sections.last().unwrap().title, "Their appendix");
    assert_eq!(
        merged.sections.last().unwrap().uid,
        theirs_now.sections.last().unwrap().uid
    );

    // One undo takes the whole merge back; redo brings it again.
    pair.ours.undo().unwrap();
    assert_eq!(content(pair.ours.project().unwrap()), content(before_merge));
    pair.ours.redo().unwrap();
    assert_eq!(content(pair.ours.project().unwrap()), content(merged));
}

#[test]
fn the_same_field_changed_both_ways_is_a_conflict_settled_either_way() {
    for choice in [Choice::Ours, Choice::Theirs] {
        let mut pair = pair();
        let uid = pair.ours.project().unwrap().sections[1].blocks[0]
            .uid
            .clone();
        let original = block_by_uid(&pair.ours.project().unwrap(), &uid)
            .unwrap()
            .body
            .clone();
        edit_block(&mut pair.ours, &uid, |b| b.body = "Ours says this.".into());
        edit_block(&mut pair.theirs, &uid, |b| {
            b.body = "Theirs says that.".into()
        });
        let planned = merge_with(&mut pair, |_, _| choice);
        assert_eq!(planned.conflicts.len(), 1, "{:?}", planned.conflicts);
        let conflict = &planned.conflicts[0];
        assert_eq!(conflict.kind, ConflictKind::ChangedBothWays);
        assert_eq!(conflict.field.as_deref(), Some("text"));
        assert_eq!(conflict.ours, "Ours says this.");
        assert_eq!(conflict.theirs, "Theirs says that.");
        assert_eq!(conflict.base.as_deref(), Some(original.as_str()));
        assert!(
            conflict.subject.starts_with("Benefit “"),
            "{}",
            conflict.subject
        );
        let body = block_by_uid(&pair.ours.project().unwrap(), &uid)
            .unwrap()
            .body
            .clone();
        match choice {
            Choice::Ours => assert_eq!(body, "Ours says this."),
            Choice::Theirs => assert_eq!(body, "Theirs says that."),
        }
    }
}

#[test]
fn a_block_deleted_here_and_edited_there_can_come_back_as_they_left_it() {
    for choice in [Choice::Ours, Choice::Theirs] {
        let mut pair = pair();
        let start = pair.ours.project().unwrap();
        let uid = start.sections[2].blocks[1].uid.clone();
        delete_block(&mut pair.ours, &uid);
        edit_block(&mut pair.theirs, &uid, |b| b.title = "Still matters".into());
        let planned = merge_with(&mut pair, |_, _| choice);
        assert_eq!(planned.conflicts.len(), 1);
        assert_eq!(
            planned.conflicts[0].kind,
            ConflictKind::DeletedHereChangedThere
        );
        assert_eq!(planned.conflicts[0].ours, "Deleted");
        assert!(planned.conflicts[0].theirs.starts_with("Still matters"));
        let merged = pair.ours.project().unwrap();
        match choice {
            Choice::Ours => assert!(block_by_uid(&merged, &uid).is_none()),
            Choice::Theirs => {
                assert_eq!(merged.sections[2].blocks[1].uid, uid, "back in its place");
                assert_eq!(merged.sections[2].blocks[1].title, "Still matters");
            }
        }
    }
}

#[test]
fn a_block_edited_here_and_deleted_there_is_kept_or_deleted_as_chosen() {
    for choice in [Choice::Ours, Choice::Theirs] {
        let mut pair = pair();
        let uid = pair.ours.project().unwrap().sections[3].blocks[0]
            .uid
            .clone();
        edit_block(&mut pair.ours, &uid, |b| b.title = "Our rewrite".into());
        delete_block(&mut pair.theirs, &uid);
        let planned = merge_with(&mut pair, |_, _| choice);
        assert_eq!(planned.conflicts.len(), 1);
        assert_eq!(
            planned.conflicts[0].kind,
            ConflictKind::ChangedHereDeletedThere
        );
        let kept = block_by_uid(&pair.ours.project().unwrap(), &uid).is_some();
        assert_eq!(kept, choice == Choice::Ours);
    }
}

#[test]
fn a_section_removed_there_and_renamed_here_is_a_conflict_and_its_blocks_survive() {
    let mut pair = pair();
    let start = pair.ours.project().unwrap();
    let section = start.sections[4].clone();
    pair.ours
        .apply(&Edit::UpdateSection {
            id: section.id,
            text: SectionText {
                title: "Our renamed section".into(),
                notes: section.notes.clone(),
            },
        })
        .unwrap();
    let their_id = pair.theirs.project().unwrap().sections[4].id;
    pair.theirs
        .apply(&Edit::RemoveSection { id: their_id })
        .unwrap();
    let planned = merge_with(&mut pair, |_, _| Choice::Theirs);
    assert_eq!(planned.conflicts.len(), 1, "{:?}", planned.conflicts);
    assert_eq!(
        planned.conflicts[0].kind,
        ConflictKind::ChangedHereDeletedThere
    );
    assert_eq!(
        planned.conflicts[0].subject,
        "Section “Our renamed section”"
    );
    let merged = pair.ours.project().unwrap();
    assert!(merged.sections.iter().all(|s| s.uid != section.uid));
    // Its blocks went to the library, as with a removal by hand (in both copies).
    for block in &section.blocks {
        assert!(
            merged.library.iter().any(|b| b.uid == block.uid),
            "{}",
            block.title
        );
    }
}

#[test]
fn an_order_changed_only_in_their_copy_is_taken() {
    let mut pair = pair();
    let sections = pair.theirs.project().unwrap().sections;
    pair.theirs
        .apply(&Edit::MoveSection {
            id: sections[0].id,
            index: 3,
        })
        .unwrap();
    let proof = &sections[2];
    pair.theirs
        .apply(&Edit::MoveBlock {
            id: proof.blocks[0].id,
            to: Place::Section {
                section_id: proof.id,
                index: proof.blocks.len() as u32 - 1,
            },
        })
        .unwrap();
    let planned = merge_with(&mut pair, |_, _| Choice::Ours);
    assert!(planned.conflicts.is_empty());
    let order = |p: &Project| {
        p.sections
            .iter()
            .map(|s| {
                (
                    s.uid.clone(),
                    s.blocks.iter().map(|b| b.uid.clone()).collect::<Vec<_>>(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        order(&pair.ours.project().unwrap()),
        order(&pair.theirs.project().unwrap())
    );
}

#[test]
fn their_new_story_brings_its_case_study_and_photo_along() {
    let mut pair = pair();
    let case = casewright_core::cases::library::starter_cases().remove(0);
    pair.theirs
        .apply(&Edit::UseCase {
            case: case.clone(),
            relation: Some(casewright_core::Relation::Competitor),
            to: Place::Library { index: 0 },
            metrics: false,
        })
        .unwrap();
    let photo = {
        let mut png = Vec::new();
        image::DynamicImage::new_rgb8(40, 30)
            .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        pair.theirs.file().add_image(&png).unwrap()
    };
    let story_uid = pair.theirs.project().unwrap().library[0].uid.clone();
    edit_block(&mut pair.theirs, &story_uid, |b| {
        b.photo = Some(casewright_core::model::Photo {
            image: photo,
            caption: "Their plant floor".into(),
        })
    });
    let planned = merge_with(&mut pair, |_, _| Choice::Ours);
    assert!(planned.conflicts.is_empty());
    let merged = pair.ours.project().unwrap();
    let story = block_by_uid(&merged, &story_uid).unwrap();
    assert_eq!(merged.cases.len(), 1);
    assert_eq!(merged.cases[0].case.title, case.title);
    assert_eq!(
        merged.cases[0].relation,
        Some(casewright_core::Relation::Competitor)
    );
    assert_eq!(story.case_id, Some(merged.cases[0].case.id));
    let photo = story.photo.as_ref().unwrap();
    assert_eq!(photo.caption, "Their plant floor");
    assert_eq!((photo.image.width, photo.image.height), (40, 30));
    assert!(pair
        .ours
        .file()
        .image_bytes(photo.image.id)
        .unwrap()
        .is_some());
}

#[test]
fn a_plan_made_before_an_edit_is_refused_and_so_is_another_project() {
    let mut pair = pair();
    let uid = pair.theirs.project().unwrap().sections[0].blocks[0]
        .uid
        .clone();
    edit_block(&mut pair.theirs, &uid, |b| b.title = "Theirs".into());
    let planned = plan(pair.ours.file(), &pair.theirs_path).unwrap();
    let other_uid = pair.ours.project().unwrap().sections[1].blocks[0]
        .uid
        .clone();
    edit_block(&mut pair.ours, &other_uid, |b| b.title = "Meanwhile".into());
    let err = apply(&mut pair.ours, &pair.theirs_path, &planned.fingerprint, &[]).unwrap_err();
    assert_eq!(err.code(), "merge_stale");

    let elsewhere = pair._dir.path().join("other.casewright");
    ProjectFile::create(&elsewhere, &sample_project())
        .unwrap()
        .close()
        .unwrap();
    let err = plan(pair.ours.file(), &elsewhere).unwrap_err();
    assert_eq!(err.code(), "different_project");
    assert!(err.to_string().contains("other.casewright"), "{err}");
}

/// Random edits of our project (by seed), for the property below.
fn random_edits(board: &mut Storyboard, seed: u64, count: usize) {
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % n.max(1)
    };
    for step in 0..count {
        let project = board.project().unwrap();
        let blocks: Vec<Block> = project.all_blocks().cloned().collect();
        let sections = &project.sections;
        let edit = match next(6) {
            0 if !blocks.is_empty() => {
                let mut block = blocks[next(blocks.len())].clone();
                block.body = format!("edit {step} of seed {seed}");
                Edit::UpdateBlock { block }
            }
            1 if !blocks.is_empty() => Edit::DeleteBlock {
                id: blocks[next(blocks.len())].id,
            },
            2 if !sections.is_empty() => {
                let section = &sections[next(sections.len())];
                Edit::AddBlock {
                    block: Block::new(BlockKind::Benefit, format!("new {step}")),
                    to: Place::Section {
                        section_id: section.id,
                        index: next(section.blocks.len() + 1) as u32,
                    },
                }
            }
            3 if !blocks.is_empty() && !sections.is_empty() => {
                let section = &sections[next(sections.len())];
                Edit::MoveBlock {
                    id: blocks[next(blocks.len())].id,
                    to: Place::Section {
                        section_id: section.id,
                        index: 0,
                    },
                }
            }
            4 if sections.len() > 1 => Edit::MoveSection {
                id: sections[next(sections.len())].id,
                index: next(sections.len()) as u32,
            },
            _ => Edit::AddSection {
                title: format!("Section {step}"),
                index: next(sections.len() + 1) as u32,
            },
        };
        board.apply(&edit).unwrap();
    }
}

#[test]
fn merging_a_copy_with_itself_changes_nothing_whatever_was_edited_before() {
    for seed in 0..24 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.casewright");
        ProjectFile::create(&path, &sample_project())
            .unwrap()
            .close()
            .unwrap();
        let mut board = Storyboard::new(ProjectFile::open(&path).unwrap());
        random_edits(&mut board, seed, 12);
        let copy = dir.path().join("copy.casewright");
        board
            .file()
            .share_copy(&copy, ShareOptions::default())
            .unwrap();
        // Edited on our side only after sharing: their copy is the shared state itself.
        random_edits(&mut board, seed + 1000, 6);
        for theirs in [&copy, &path] {
            let before = board.project().unwrap();
            let undo_before = board.can_undo();
            let planned = plan(board.file(), theirs).unwrap();
            assert!(
                planned.conflicts.is_empty(),
                "seed {seed}: {:?}",
                planned.conflicts
            );
            assert!(planned.taken.is_empty(), "seed {seed}: {:?}", planned.taken);
            let summary = apply(&mut board, theirs, &planned.fingerprint, &[]).unwrap();
            assert_eq!(summary.edits, 0, "seed {seed}");
            assert_eq!(board.project().unwrap(), before, "seed {seed}");
            assert_eq!(board.can_undo(), undo_before);
        }
    }
}

#[test]
fn blocks_imported_from_another_project_arrive_as_new_blocks_with_their_case_and_undo_together() {
    let mut pair = pair();
    // Another project entirely, with a story made from a case.
    let other = pair._dir.path().join("other.casewright");
    ProjectFile::create(&other, &sample_project())
        .unwrap()
        .close()
        .unwrap();
    let mut source = Storyboard::new(ProjectFile::open(&other).unwrap());
    let case = casewright_core::cases::library::starter_cases().remove(3);
    source
        .apply(&Edit::UseCase {
            case: case.clone(),
            relation: None,
            to: Place::Library { index: 0 },
            metrics: false,
        })
        .unwrap();
    let project = source.project().unwrap();
    drop(source);
    let chosen = vec![
        project.library[0].uid.clone(),
        project.sections[1].blocks[0].uid.clone(),
    ];
    let before = pair.ours.project().unwrap();
    let count = casewright_core::sharing::import::import_blocks(
        &mut pair.ours,
        &other,
        &chosen,
        Place::Library { index: 0 },
    )
    .unwrap();
    assert_eq!(count, 2);
    let after = pair.ours.project().unwrap();
    // In the source's order: storyboard first, then its library.
    assert_eq!(after.library[0].title, project.sections[1].blocks[0].title);
    assert_eq!(after.library[1].title, case.title);
    assert!(
        after.library[..2].iter().all(|b| !chosen.contains(&b.uid)),
        "imported blocks keep the source's ids"
    );
    assert_eq!(after.cases.len(), 1);
    assert_eq!(after.library[1].case_id, Some(after.cases[0].case.id));
    pair.ours.undo().unwrap();
    assert_eq!(content(pair.ours.project().unwrap()), content(before));
}

fn set_title(board: &mut Storyboard, title: &str) {
    let p = board.project().unwrap();
    board
        .apply(&Edit::SetProjectDetails {
            title: title.into(),
            author: p.author,
            audience: p.audience,
            industry: p.industry,
        })
        .unwrap();
}

#[test]
fn the_project_renamed_both_ways_and_a_section_removed_here_but_renamed_there_are_conflicts() {
    let mut pair = pair();
    set_title(&mut pair.ours, "Our title");
    set_title(&mut pair.theirs, "Their title");
    let section = pair.ours.project().unwrap().sections[3].clone();
    pair.ours
        .apply(&Edit::RemoveSection { id: section.id })
        .unwrap();
    let theirs_section = pair.theirs.project().unwrap().sections[3].clone();
    pair.theirs
        .apply(&Edit::UpdateSection {
            id: theirs_section.id,
            text: SectionText {
                title: "Their better heading".into(),
                notes: theirs_section.notes.clone(),
            },
        })
        .unwrap();
    let planned = merge_with(&mut pair, |_, _| Choice::Theirs);
    let kinds: Vec<_> = planned
        .conflicts
        .iter()
        .map(|c| (c.kind, c.subject.as_str(), c.field.as_deref()))
        .collect();
    assert_eq!(
        kinds,
        [
            (ConflictKind::ChangedBothWays, "Project", Some("title")),
            (
                ConflictKind::DeletedHereChangedThere,
                "Section “Their better heading”",
                None
            ),
        ]
    );
    let merged = pair.ours.project().unwrap();
    assert_eq!(merged.title, "Their title");
    let back = merged
        .sections
        .iter()
        .find(|s| s.uid == section.uid)
        .unwrap();
    assert_eq!(back.title, "Their better heading");
    assert_eq!(merged.sections[3].uid, section.uid, "back in its place");
}
