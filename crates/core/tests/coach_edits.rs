//! The coach's advice acted on: applying a fix and dismissing a finding are ordinary
//! storyboard edits (saved at once, undoable), and a dismissal is remembered in the file.

use casewright_core::coach::{lint_draft_block, lint_project, Field, Finding};
use casewright_core::storyboard::{Edit, Storyboard};
use casewright_core::{Block, BlockKind, Project, ProjectFile, Section};

const SOCIAL_MEDIA: &str = "outcomes.tool-talk.social-media";
const WEB_2: &str = "outcomes.tool-talk.web-2";

fn project(body: &str) -> Project {
    let mut benefit = Block::new(BlockKind::Benefit, "Engineers solve more problems together");
    benefit.body = body.into();
    Project {
        title: "Case".into(),
        author: "Me".into(),
        audience: "Board".into(),
        industry: String::new(),
        sections: vec![Section {
            id: 0,
            uid: String::new(),
            title: "What we gain".into(),
            notes: String::new(),
            blocks: vec![benefit],
        }],
        library: vec![],
        logo: None,
        accent: None,
        pilots: Vec::new(),
        cases: Vec::new(),
    }
}

fn body(board: &Storyboard) -> String {
    board.project().unwrap().sections[0].blocks[0].body.clone()
}

/// The first finding that flags `excerpt` in a block's body.
fn finding_on(board: &Storyboard, excerpt: &str) -> Finding {
    let report = lint_project(&board.project().unwrap());
    report
        .findings
        .into_iter()
        .find(|f| f.excerpt.as_deref() == Some(excerpt) && f.field == Some(Field::Body))
        .unwrap_or_else(|| panic!("no finding on {excerpt:?}"))
}

fn fix_edit(f: &Finding, replacement: &str) -> Edit {
    Edit::ApplyFix {
        block_id: f.block_id.unwrap(),
        field: f.field.unwrap(),
        start: f.start.unwrap(),
        end: f.end.unwrap(),
        excerpt: f.excerpt.clone().unwrap(),
        replacement: replacement.into(),
    }
}

#[test]
fn a_fix_replaces_the_flagged_words_after_multibyte_text_and_undoes() {
    // Accents and an emoji before the term: offsets are characters, not bytes.
    let text = "Déjà vu 🚀: we will roll out social media so crews share fixes.";
    let mut board = Storyboard::new(ProjectFile::in_memory(&project(text)).unwrap());
    let found = finding_on(&board, "social media");
    assert_eq!(found.rule, SOCIAL_MEDIA);
    let replacement = found.fixes[0].replacement.clone();

    board.apply(&fix_edit(&found, &replacement)).unwrap();
    let fixed = body(&board);
    assert_eq!(fixed, text.replace("social media", &replacement));
    assert!(
        lint_project(&board.project().unwrap())
            .findings
            .iter()
            .all(|f| f.excerpt.as_deref() != Some("social media")),
        "the finding is gone once fixed"
    );

    board.undo().unwrap();
    assert_eq!(body(&board), text);
    board.redo().unwrap();
    assert_eq!(body(&board), fixed);
}

#[test]
fn a_fix_for_text_that_has_since_changed_is_refused_and_changes_nothing() {
    let text = "We will roll out social media to every site.";
    let mut board = Storyboard::new(ProjectFile::in_memory(&project(text)).unwrap());
    let found = finding_on(&board, "social media");

    // The user typed before the advice was acted on: the range now holds other words.
    let mut block = board.project().unwrap().sections[0].blocks[0].clone();
    block.body = format!("Soon: {text}");
    board.apply(&Edit::UpdateBlock { block }).unwrap();
    let before = body(&board);

    let error = board
        .apply(&fix_edit(&found, "open conversations"))
        .unwrap_err();
    assert_eq!(error.code(), "invalid_edit");
    assert!(error.to_string().contains("no longer fits"), "{error}");
    assert_eq!(body(&board), before);

    // Ranges outside the text, or backwards, are refused the same way.
    for (start, end) in [(40, 400), (12, 5)] {
        let edit = Edit::ApplyFix {
            block_id: found.block_id.unwrap(),
            field: Field::Body,
            start,
            end,
            excerpt: "social media".into(),
            replacement: "x".into(),
        };
        assert_eq!(board.apply(&edit).unwrap_err().code(), "invalid_edit");
    }
    assert_eq!(body(&board), before);
}

#[test]
fn a_dismissed_finding_is_hidden_for_that_block_only_remembered_and_undoable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("case.casewright");
    let mut two = project("We will roll out social media to every site.");
    let mut other = two.sections[0].blocks[0].clone();
    other.title = "Faster answers".into();
    two.sections[0].blocks.push(other);
    ProjectFile::create(&path, &two).unwrap();

    let mut board = Storyboard::new(ProjectFile::open(&path).unwrap());
    let found = finding_on(&board, "social media");
    let block_id = found.block_id.unwrap();
    let flagged_blocks = |board: &Storyboard| {
        lint_project(&board.project().unwrap())
            .findings
            .iter()
            .filter(|f| f.rule == SOCIAL_MEDIA)
            .map(|f| f.block_id.unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(flagged_blocks(&board).len(), 2);

    board
        .apply(&Edit::DismissFinding {
            block_id,
            rule: SOCIAL_MEDIA.into(),
        })
        .unwrap();
    // Dismissed again (a second click that raced the first reply): nothing to undo twice.
    board
        .apply(&Edit::DismissFinding {
            block_id,
            rule: SOCIAL_MEDIA.into(),
        })
        .unwrap();
    assert!(board.undo().unwrap());
    assert!(!board.can_undo(), "one dismissal, one undo step");
    board.redo().unwrap();
    let report = lint_project(&board.project().unwrap());
    assert_eq!(
        flagged_blocks(&board),
        vec![report
            .findings
            .iter()
            .find(|f| f.rule == SOCIAL_MEDIA)
            .unwrap()
            .block_id
            .unwrap()]
    );
    assert!(!flagged_blocks(&board).contains(&block_id));
    assert!(
        report
            .dismissed
            .iter()
            .any(|f| f.rule == SOCIAL_MEDIA && f.block_id == Some(block_id)),
        "the dismissed finding is reported apart, so it can be restored"
    );
    drop(board);

    // Reopened, the dismissal is still there; undo in a session restores the finding.
    let mut board = Storyboard::new(ProjectFile::open(&path).unwrap());
    assert!(!flagged_blocks(&board).contains(&block_id));
    board
        .apply(&Edit::RestoreFinding {
            block_id,
            rule: SOCIAL_MEDIA.into(),
        })
        .unwrap();
    assert_eq!(flagged_blocks(&board).len(), 2);
    board.undo().unwrap();
    assert!(!flagged_blocks(&board).contains(&block_id));
}

#[test]
fn a_draft_block_is_linted_in_its_place_with_its_dismissals() {
    let board = Storyboard::new(ProjectFile::in_memory(&project("Plain words.")).unwrap());
    let project = board.project().unwrap();
    let mut draft = project.sections[0].blocks[0].clone();
    assert!(lint_draft_block(&project, &draft)
        .iter()
        .all(|f| f.rule != WEB_2));

    draft.body = "Plain words about Web 2.0.".into();
    let findings = lint_draft_block(&project, &draft);
    let flagged = findings
        .iter()
        .find(|f| f.rule == WEB_2)
        .expect("the draft is linted");
    assert_eq!((flagged.section, flagged.block), (Some(0), Some(0)));
    assert_eq!(flagged.excerpt.as_deref(), Some("Web 2.0"));

    draft.dismissed = vec![WEB_2.into()];
    assert!(lint_draft_block(&project, &draft)
        .iter()
        .all(|f| f.rule != WEB_2));

    // A block that is not in the storyboard gets no advice.
    let mut stranger = draft.clone();
    stranger.id = 9_999;
    stranger.dismissed.clear();
    assert!(lint_draft_block(&project, &stranger).is_empty());
}

#[test]
fn too_many_dismissals_are_refused() {
    let mut board = Storyboard::new(ProjectFile::in_memory(&project("x")).unwrap());
    let mut block = board.project().unwrap().sections[0].blocks[0].clone();
    block.dismissed = (0..201).map(|i| format!("rule-{i}")).collect();
    let error = board.apply(&Edit::UpdateBlock { block }).unwrap_err();
    assert_eq!(error.code(), "invalid_edit");
    assert!(board.project().unwrap().sections[0].blocks[0]
        .dismissed
        .is_empty());
}
