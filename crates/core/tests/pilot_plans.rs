//! Pilots kept in the project: planned, checked, recorded, judged, undone, and a win turned
//! into storyboard blocks.

use casewright_core::exchange::sample_project;
use casewright_core::model::Direction;
use casewright_core::pilot::leverage::leverage;
use casewright_core::pilot::{report, Criterion, Pilot, Rate, Results, Verdict};
use casewright_core::storyboard::{Edit, Storyboard};
use casewright_core::{BlockKind, ProjectFile};

fn pilot(results: Results) -> Pilot {
    Pilot {
        id: 0,
        name: "Plant 2 problem board".into(),
        team: "Plant 2 maintenance".into(),
        headcount: Some(85),
        start: Some("2026-09-01".into()),
        end: Some("2026-12-18".into()),
        results_until: Some("2026-12-18".into()),
        hypothesis: "Engineers who can ask the whole plant solve escalated problems faster.".into(),
        readiness: "They already help each other; their director asked for it.".into(),
        criteria: vec![Criterion {
            id: 0,
            metric: "Days to resolve an escalated problem".into(),
            unit: Some("working days".into()),
            direction: Direction::Lower,
            baseline: Some(19.0),
            target: Some(12.0),
            measure: "median working days from the service desk export".into(),
            results,
        }],
    }
}

fn winning() -> Results {
    Results::Independent {
        pilot: vec![11.0, 9.0, 12.0, 10.0, 8.0, 11.0, 10.0, 9.0, 12.0, 10.0],
        comparison: vec![19.0, 18.0, 21.0, 17.0, 20.0, 19.0, 22.0, 18.0, 20.0, 19.0],
    }
}

fn board() -> Storyboard {
    Storyboard::new(ProjectFile::in_memory(&sample_project()).unwrap())
}

#[test]
fn a_pilot_is_saved_with_its_criteria_and_results_and_undoes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.casewright");
    ProjectFile::create(&path, &sample_project())
        .unwrap()
        .close()
        .unwrap();
    let mut board = Storyboard::new(ProjectFile::open(&path).unwrap());
    let outcome = board
        .apply(&Edit::AddPilot {
            pilot: pilot(winning()),
            index: 0,
        })
        .unwrap();
    let id = outcome.created.unwrap();
    board.into_file().close().unwrap();

    let mut board = Storyboard::new(ProjectFile::open(&path).unwrap());
    let stored = board.project().unwrap().pilots;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].id, id);
    assert_eq!(stored[0].criteria[0].results, winning());
    assert_eq!(stored[0].headcount, Some(85));

    let mut changed = stored[0].clone();
    changed.criteria[0].target = Some(10.0);
    board.apply(&Edit::UpdatePilot { pilot: changed }).unwrap();
    board.apply(&Edit::DeletePilot { id }).unwrap();
    assert!(board.project().unwrap().pilots.is_empty());
    board.undo().unwrap();
    let back = board.project().unwrap().pilots;
    assert_eq!(back[0].criteria[0].target, Some(10.0));
    assert_eq!(
        back[0].criteria[0].id, stored[0].criteria[0].id,
        "ids come back too"
    );
    board.undo().unwrap();
    assert_eq!(board.project().unwrap().pilots, stored);
}

#[test]
fn a_plan_that_cannot_be_right_is_refused_with_the_field_named() {
    let mut board = board();
    let cases: Vec<(Pilot, &str)> = vec![
        (
            Pilot {
                end: Some("2026-08-01".into()),
                ..pilot(winning())
            },
            "end date is before the start date",
        ),
        (
            Pilot {
                start: Some("1 Sept".into()),
                ..pilot(winning())
            },
            "\"1 Sept\" is not a date",
        ),
        (
            {
                let mut p = pilot(winning());
                p.criteria[0].target = Some(25.0);
                p
            },
            "target of 25 is not below the baseline of 19 although lower is better",
        ),
        (
            {
                let mut p = pilot(Results::Proportion {
                    pilot: Some(Rate {
                        successes: 50,
                        trials: 40,
                    }),
                    comparison: None,
                });
                p.criteria[0].baseline = None;
                p
            },
            "50 successes in 40 trials",
        ),
        (
            Pilot {
                name: " ".into(),
                ..pilot(winning())
            },
            "needs a name",
        ),
        (
            {
                let mut p = pilot(Results::Proportion {
                    pilot: None,
                    comparison: None,
                });
                p.criteria[0].direction = Direction::Higher;
                p.criteria[0].baseline = Some(0.18);
                p.criteria[0].target = Some(0.1);
                p
            },
            "the target of 10% is not above the baseline of 18%",
        ),
    ];
    for (plan, reason) in cases {
        let err = board
            .apply(&Edit::AddPilot {
                pilot: plan,
                index: 0,
            })
            .unwrap_err();
        assert!(
            err.to_string().contains(reason),
            "{err} should say {reason}"
        );
        assert_eq!(err.code(), "invalid_edit");
    }
    assert!(board.project().unwrap().pilots.is_empty());
    assert!(!board.can_undo());
}

#[test]
fn a_clear_result_is_a_win_and_a_weak_one_is_called_weak() {
    let won = report(&pilot(winning()));
    assert_eq!(won.verdict, Verdict::Win);
    assert!(won.criteria[0].won);
    let chart = won.criteria[0].chart.as_ref().unwrap();
    assert_eq!(chart.bars.len(), 2);
    assert_eq!(chart.bars[0].label, "Comparison");
    assert!(chart
        .bars
        .iter()
        .all(|b| b.low_share.unwrap() <= b.share && b.share <= b.high_share.unwrap()));
    assert!(chart.target_share.unwrap() > 0.0);

    let weak = report(&pilot(Results::Independent {
        pilot: vec![18.0, 21.0, 17.0],
        comparison: vec![19.0, 20.0, 18.0],
    }));
    assert_eq!(weak.verdict, Verdict::Weak);
    assert!(weak.summary.starts_with("Not a win yet"));

    let short = report(&Pilot {
        results_until: Some("2026-11-01".into()),
        ..pilot(winning())
    });
    assert!(short
        .warnings
        .iter()
        .any(|w| w.code == "pilot_shorter_than_planned"));
    assert_eq!(
        report(&pilot(Results::Paired { pairs: vec![] })).verdict,
        Verdict::NoResults
    );
}

#[test]
fn leveraging_a_win_adds_a_story_metrics_and_an_ask_to_the_results_section_in_one_undo() {
    let mut board = board();
    board
        .apply(&Edit::AddPilot {
            pilot: pilot(winning()),
            index: 0,
        })
        .unwrap();
    let project = board.project().unwrap();
    let before = project
        .sections
        .iter()
        .map(|s| s.blocks.len())
        .sum::<usize>();
    let edit = leverage(&project, &project.pilots[0]).unwrap();
    board.apply(&edit).unwrap();
    let after = board.project().unwrap();
    let results = after
        .sections
        .iter()
        .find(|s| s.title.contains("Results"))
        .unwrap();
    let added: Vec<_> = results.blocks.iter().rev().take(3).rev().collect();
    assert_eq!(added[0].kind, BlockKind::Story);
    assert!(added[0].title.contains("Plant 2 problem board"));
    assert!(
        added[0]
            .body
            .contains("went from 19.3 working days to 10.2 working days"),
        "{}",
        added[0].body
    );
    assert_eq!(added[1].kind, BlockKind::Metric);
    assert_eq!(added[1].source.as_deref(), Some("Our pilot"));
    assert_eq!(added[1].baseline, Some(19.0));
    assert_eq!(added[1].target, Some(12.0));
    assert!(added[2].title.starts_with("Next step"));
    board.undo().unwrap();
    assert_eq!(
        board
            .project()
            .unwrap()
            .sections
            .iter()
            .map(|s| s.blocks.len())
            .sum::<usize>(),
        before,
        "one undo takes all three back"
    );
}

#[test]
fn a_weak_pilot_is_not_turned_into_a_win() {
    let mut board = board();
    board
        .apply(&Edit::AddPilot {
            pilot: pilot(Results::Independent {
                pilot: vec![18.0, 21.0, 17.0],
                comparison: vec![19.0, 20.0, 18.0],
            }),
            index: 0,
        })
        .unwrap();
    let project = board.project().unwrap();
    let err = leverage(&project, &project.pilots[0]).unwrap_err();
    assert!(err.contains("Not a win yet"), "{err}");
}

#[test]
fn the_briefing_reports_each_pilot_with_its_chart_and_says_weak_results_plainly() {
    use casewright_core::briefing::{layout, BriefingDate, BriefingOptions};
    let mut project = sample_project();
    project.pilots = vec![
        pilot(winning()),
        Pilot {
            name: "Sales desk trial".into(),
            ..pilot(Results::Independent {
                pilot: vec![18.0, 21.0, 17.0],
                comparison: vec![19.0, 20.0, 18.0],
            })
        },
        Pilot {
            name: "Not started".into(),
            ..pilot(Results::Paired { pairs: vec![] })
        },
    ];
    let options = BriefingOptions::for_date(BriefingDate::from_unix_seconds(0));
    let document = layout::lay_out(&project, &options);
    let results = document
        .outline
        .iter()
        .find(|e| e.title == "Pilot results")
        .expect("a Pilot results bookmark");
    let names: Vec<&str> = results.children.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(
        names,
        ["Plant 2 problem board", "Sales desk trial"],
        "pilots without results are left out"
    );
    let text: String = (results.page..document.pages.len())
        .map(|p| document.page_text(p).join(" "))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("A win: 1 of 1"), "{text}");
    assert!(
        text.contains("Pilot 10.2 vs comparison 19.3 working days: change -9.1 (95% interval"),
        "{text}"
    );
    assert!(text.contains("Target 12"), "{text}");
    assert!(text.contains("Not a win yet"), "{text}");
    assert!(
        text.contains("Comparison 19.3 (95%:"),
        "the bars carry their intervals: {text}"
    );
}
