//! A case from the library used in a project: copied into the project file with the story
//! it becomes, so a colleague sees it without the library; one undo takes it all back.

use casewright_core::cases::library::{starter_cases, CaseLibrary};
use casewright_core::cases::CaseQuery;
use casewright_core::exchange::sample_project;
use casewright_core::model::Relation;
use casewright_core::storyboard::{Edit, Place, Storyboard};
use casewright_core::{BlockKind, ProjectFile};

#[test]
fn a_used_case_travels_with_the_project_as_a_linked_story_and_undoes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.casewright");
    ProjectFile::create(&path, &sample_project())
        .unwrap()
        .close()
        .unwrap();
    let library = CaseLibrary::open_or_create_with_starter(&dir.path().join("lib")).unwrap();
    let case = library
        .search(&CaseQuery {
            text: "breakdowns".into(),
            ..CaseQuery::default()
        })
        .unwrap()
        .hits
        .remove(0)
        .case;
    let numbered = case.outcomes.iter().filter(|o| o.number.is_some()).count();
    assert!(numbered >= 1);

    let mut board = Storyboard::new(ProjectFile::open(&path).unwrap());
    let proof = board.project().unwrap().sections[2].clone();
    board
        .apply(&Edit::UseCase {
            case: case.clone(),
            relation: Some(Relation::Peer),
            to: Place::Section {
                section_id: proof.id,
                index: 0,
            },
            metrics: true,
        })
        .unwrap();
    board.into_file().close().unwrap();

    // A colleague opens the project: no library needed.
    let mut board = Storyboard::new(ProjectFile::open(&path).unwrap());
    let project = board.project().unwrap();
    assert_eq!(project.cases.len(), 1);
    assert_eq!(project.cases[0].case.title, case.title);
    assert_eq!(project.cases[0].relation, Some(Relation::Peer));
    let section = &project.sections[2];
    let story = &section.blocks[0];
    assert_eq!(story.kind, BlockKind::Story);
    assert_eq!(story.title, case.title);
    assert_eq!(story.case_id, Some(project.cases[0].case.id));
    assert_eq!(story.relation, Some(Relation::Peer));
    assert!(story.body.starts_with(case.initiative.trim()));
    let metrics = section.blocks[1..=numbered]
        .iter()
        .filter(|b| b.kind == BlockKind::Metric)
        .count();
    assert_eq!(metrics, numbered);
    // The project's copy is searchable with the same code as the library.
    let found = casewright_core::cases::search::search(
        &rusqlite::Connection::open(&path).unwrap(),
        &CaseQuery {
            text: "breakdo".into(),
            ..CaseQuery::default()
        },
    )
    .unwrap();
    assert_eq!(found.total, 1);

    let before = board.project().unwrap().sections[2].blocks.len();
    board
        .apply(&Edit::UseCase {
            case: starter_cases()[1].clone(),
            relation: None,
            to: Place::Library { index: 0 },
            metrics: false,
        })
        .unwrap();
    assert_eq!(board.project().unwrap().cases.len(), 2);
    board.undo().unwrap();
    let project = board.project().unwrap();
    assert_eq!(
        project.cases.len(),
        1,
        "one undo removes the case and its story"
    );
    assert_eq!(project.sections[2].blocks.len(), before);

    // Removing the case keeps the story, unlinked; undo links it again.
    let id = project.cases[0].case.id;
    board.apply(&Edit::DeleteCase { id }).unwrap();
    assert_eq!(board.project().unwrap().sections[2].blocks[0].case_id, None);
    board.undo().unwrap();
    assert_eq!(
        board.project().unwrap().sections[2].blocks[0].case_id,
        Some(id)
    );
}
