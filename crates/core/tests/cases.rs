//! The case-study library: search as you type, facets, filters, hostile queries, import
//! (CSV with line-numbered errors, all or nothing, duplicates) and export.

use casewright_core::cases::library::{
    CaseLibrary, CsvImportError, OnDuplicate, LIBRARY_FILE_NAME,
};
use casewright_core::cases::search::SortOrder;
use casewright_core::cases::transfer::{
    default_mapping, read_csv, read_json, write_csv, write_json,
};
use casewright_core::cases::{
    CaseQuery, CaseSource, CaseStudy, Evidence, OrgSize, Outcome, OutcomeKind, ProjectProfile,
};
use casewright_core::model::Relation;

fn case(
    title: &str,
    organisation: &str,
    industry: &str,
    kind: OutcomeKind,
    year: i32,
) -> CaseStudy {
    CaseStudy {
        id: 0,
        title: title.into(),
        organisation: organisation.into(),
        industry: industry.into(),
        size: Some(OrgSize::Large),
        region: "UK".into(),
        year: Some(year),
        initiative: format!("{organisation} let its people ask each other across sites."),
        outcomes: vec![Outcome {
            kind,
            number: Some(12.0),
            unit: Some("%".into()),
            description: "fewer repeat faults".into(),
        }],
        quote: Some("We stopped solving the same fault twice.".into()),
        source: CaseSource {
            title: "Operations review".into(),
            publisher: "Illustrative".into(),
            link: None,
            accessed: Some("2025-03".into()),
        },
        evidence: Evidence::InternalReport,
        tags: vec!["pilot".into()],
        relation: None,
    }
}

fn library() -> (tempfile::TempDir, CaseLibrary) {
    let dir = tempfile::tempdir().unwrap();
    let mut library = CaseLibrary::open_or_create(&dir.path().join(LIBRARY_FILE_NAME)).unwrap();
    let with_relation = |mut case: CaseStudy, relation| {
        case.relation = Some(relation);
        case
    };
    library
        .import(
            &[
                case(
                    "Maintenance crews cut repeat faults",
                    "Harrowgate (illustrative)",
                    "manufacturing",
                    OutcomeKind::Quality,
                    2023,
                ),
                with_relation(
                    case(
                        "Nurses share fixes between wards",
                        "St Brannock (illustrative)",
                        "healthcare",
                        OutcomeKind::Safety,
                        2021,
                    ),
                    Relation::Peer,
                ),
                with_relation(
                    case(
                        "Store staff suggest new services",
                        "Marlow Stores (illustrative)",
                        "retail",
                        OutcomeKind::Revenue,
                        2024,
                    ),
                    Relation::Competitor,
                ),
                case(
                    "Engineers halve time to answer",
                    "Keston (illustrative)",
                    "manufacturing",
                    OutcomeKind::Speed,
                    2019,
                ),
            ],
            OnDuplicate::Skip,
        )
        .unwrap();
    (dir, library)
}

fn titles(result: &casewright_core::cases::SearchResult) -> Vec<&str> {
    result.hits.iter().map(|h| h.case.title.as_str()).collect()
}

#[test]
fn search_as_you_type_ranks_matches_and_marks_the_words() {
    let (_dir, library) = library();
    let query = |text: &str| CaseQuery {
        text: text.into(),
        ..CaseQuery::default()
    };
    let typed = library.search(&query("mainten")).unwrap();
    assert_eq!(titles(&typed), ["Maintenance crews cut repeat faults"]);
    let hit_words: Vec<&str> = typed.hits[0]
        .snippet
        .iter()
        .filter(|p| p.hit)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(hit_words, ["Maintenance"]);
    // A finished word is not a prefix any more.
    assert_eq!(library.search(&query("nurse ")).unwrap().total, 0);
    assert_eq!(library.search(&query("nurses ")).unwrap().total, 1);
    // All words must match.
    assert_eq!(
        titles(&library.search(&query("engineers answer")).unwrap()),
        ["Engineers halve time to answer"]
    );
    // No text: everything, newest first.
    let all = library.search(&query("")).unwrap();
    assert_eq!(all.total, 4);
    assert_eq!(all.hits[0].case.year, Some(2024));
}

#[test]
fn facets_count_what_matches_and_filters_narrow_it() {
    let (_dir, library) = library();
    let all = library.search(&CaseQuery::default()).unwrap();
    let industry: Vec<(String, u32)> = all
        .facets
        .industry
        .iter()
        .map(|f| (f.value.clone(), f.count))
        .collect();
    assert_eq!(industry[0], ("manufacturing".into(), 2));
    assert_eq!(all.facets.kind.iter().map(|f| f.count).sum::<u32>(), 4);
    assert_eq!(all.facets.year.len(), 4);
    let relation: Vec<(String, u32)> = all
        .facets
        .relation
        .iter()
        .map(|f| (f.value.clone(), f.count))
        .collect();
    assert_eq!(
        relation,
        [("competitor".into(), 1), ("peer".into(), 1)],
        "the library keeps how each organisation stands to the user's"
    );
    let peers = library
        .search(&CaseQuery {
            relation: Some(Relation::Peer),
            ..CaseQuery::default()
        })
        .unwrap();
    assert_eq!(titles(&peers), ["Nurses share fixes between wards"]);
    assert_eq!(peers.hits[0].case.relation, Some(Relation::Peer));
    let filtered = library
        .search(&CaseQuery {
            industry: Some("Manufacturing".into()),
            kind: Some(OutcomeKind::Speed),
            ..CaseQuery::default()
        })
        .unwrap();
    assert_eq!(titles(&filtered), ["Engineers halve time to answer"]);
    let by_title = library
        .search(&CaseQuery {
            sort: SortOrder::Title,
            ..CaseQuery::default()
        })
        .unwrap();
    assert_eq!(
        by_title.hits[0].case.title,
        "Engineers halve time to answer"
    );
}

#[test]
fn query_syntax_typed_by_the_user_is_just_text() {
    let (_dir, library) = library();
    for text in [
        "\"",
        "*",
        "(",
        ")",
        "NEAR(",
        "AND OR NOT",
        "title:x",
        "\"unbalanced (",
        "^",
        "-",
        "{}",
        "'; DROP TABLE case_study; --",
        "<script>alert(1)</script>",
        "mainten*",
        "faults)",
    ] {
        let result = library.search(&CaseQuery {
            text: text.into(),
            ..CaseQuery::default()
        });
        assert!(result.is_ok(), "{text:?}: {result:?}");
    }
    assert_eq!(library.len().unwrap(), 4);
}

#[test]
fn an_import_is_all_or_nothing_and_duplicates_are_skipped_or_updated() {
    let (_dir, mut library) = library();
    let mut bad = case(
        "New one",
        "Somewhere (illustrative)",
        "energy",
        OutcomeKind::Cost,
        2020,
    );
    bad.year = Some(3000);
    let good = case(
        "Another",
        "Elsewhere (illustrative)",
        "energy",
        OutcomeKind::Cost,
        2020,
    );
    let err = library
        .import(&[good.clone(), bad], OnDuplicate::Skip)
        .unwrap_err();
    assert!(err.to_string().contains("case 2"), "{err}");
    assert_eq!(library.len().unwrap(), 4, "nothing partial was saved");

    let mut again = case(
        "maintenance crews cut  repeat faults",
        "HARROWGATE (illustrative)",
        "manufacturing",
        OutcomeKind::Quality,
        2023,
    );
    again.region = "Scotland".into();
    assert_eq!(
        library.duplicates(&[good.clone(), again.clone()]).unwrap(),
        [1]
    );
    let skipped = library
        .import(&[good.clone(), again.clone()], OnDuplicate::Skip)
        .unwrap();
    assert_eq!((skipped.added, skipped.skipped, skipped.updated), (1, 1, 0));
    let updated = library.import(&[again], OnDuplicate::Update).unwrap();
    assert_eq!(updated.updated, 1);
    assert_eq!(library.len().unwrap(), 5);
    let found = library
        .search(&CaseQuery {
            text: "Scotland".into(),
            ..CaseQuery::default()
        })
        .unwrap();
    assert_eq!(found.total, 1, "the update was indexed");
}

#[test]
fn csv_rows_are_checked_and_each_bad_one_named() {
    let text = "Title,Company,industry,size,year,outcome_kind,outcome_number,evidence,tags\n\
                Good one,Acme (illustrative),Retail,small,2020,revenue,5,published-study,pilot; growth\n\
                Bad size,Beta (illustrative),retail,huge,2020,revenue,5,,\n\
                No kind,Gamma (illustrative),retail,,2021,,7,,\n\
                Bad year,Delta (illustrative),retail,,soon,cost,,,\n\
                Short row,Epsilon\n";
    let (_, map) = default_mapping(text).unwrap();
    let errors = read_csv(text, &map).unwrap_err();
    let listed: Vec<String> = errors.iter().map(ToString::to_string).collect();
    let expect = [
        "line 3, column size: \"huge\" is not a size",
        "line 4, column outcome_kind: an outcome needs its kind",
        "line 5, column year: \"soon\" is not a year",
        "line 6: this row has 2 cells; the header has 9",
    ];
    assert_eq!(listed.len(), expect.len(), "{listed:#?}");
    for (got, want) in listed.iter().zip(expect) {
        assert!(got.starts_with(want), "{got} should start with {want}");
    }
    let good = read_csv(&text.lines().take(2).collect::<Vec<_>>().join("\n"), &map).unwrap();
    assert_eq!(good[0].organisation, "Acme (illustrative)");
    assert_eq!(good[0].industry, "retail");
    assert_eq!(good[0].tags, ["pilot", "growth"]);
    assert_eq!(good[0].evidence, Evidence::PublishedStudy);
}

#[test]
fn files_in_the_wrong_shape_say_why() {
    let semicolons = "title;organisation\nA;B\n";
    let (_, map) = default_mapping(semicolons).unwrap();
    let err = read_csv(semicolons, &map).unwrap_err();
    assert!(err[0].message.contains("separated by ';'"), "{err:?}");
    let no_title = "name,organisation\nA,B\n";
    let (_, map) = default_mapping(no_title).unwrap();
    assert!(read_csv(no_title, &map).unwrap_err()[0]
        .message
        .contains("no column gives the title"));
    let open_quote = "title,organisation\n\"A,B\nC,D\n";
    let (_, map) = default_mapping(open_quote).unwrap();
    assert!(read_csv(open_quote, &map).is_err());
    assert!(
        read_json("{\"format\": \"slides\", \"version\": 1, \"cases\": []}")
            .unwrap_err()
            .contains("not \"casewright-cases\"")
    );
}

#[test]
fn a_mapped_column_fills_the_field_it_is_mapped_to() {
    let text = "Headline,Who,Sector\nFaster fixes,Acme (illustrative),energy\n";
    let map = [("title", 0), ("organisation", 1), ("industry", 2)]
        .into_iter()
        .map(|(f, i)| (f.to_string(), i))
        .collect();
    let cases = read_csv(text, &map).unwrap();
    assert_eq!(
        (cases[0].title.as_str(), cases[0].industry.as_str()),
        ("Faster fixes", "energy")
    );
}

#[test]
fn export_and_import_round_trip_through_csv_and_json() {
    let (_dir, library) = library();
    let cases: Vec<CaseStudy> = library
        .all()
        .unwrap()
        .into_iter()
        .map(|s| CaseStudy { id: 0, ..s.case })
        .collect();
    assert!(cases.iter().any(|c| c.relation.is_some()));
    let csv = write_csv(&cases);
    let (_, map) = default_mapping(&csv).unwrap();
    assert_eq!(read_csv(&csv, &map).unwrap(), cases);
    assert_eq!(read_json(&write_json(&cases)).unwrap(), cases);
    assert!(
        !write_json(&cases).contains("\"id\""),
        "row ids stay out of the JSON"
    );
}

#[test]
fn a_file_that_is_not_a_library_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.casewright");
    casewright_core::ProjectFile::create(&project, &casewright_core::exchange::sample_project())
        .unwrap()
        .close()
        .unwrap();
    let before = std::fs::read(&project).unwrap();
    let err = CaseLibrary::open_or_create(&project).err().unwrap();
    assert_eq!(err.code(), "not_a_library");
    assert_eq!(std::fs::read(&project).unwrap(), before);
    let text = dir.path().join("t.casewright-library");
    std::fs::write(&text, "not a database").unwrap();
    assert_eq!(
        CaseLibrary::open_or_create(&text).err().unwrap().code(),
        "not_sqlite"
    );
}

fn profile(industry: &str, block_text: &str) -> ProjectProfile {
    let mut project = casewright_core::template::new_project("Make the case");
    project.industry = industry.into();
    project.sections[0].blocks.push(casewright_core::Block::new(
        casewright_core::model::BlockKind::Benefit,
        block_text,
    ));
    ProjectProfile::of(&project)
}

#[test]
fn ordering_by_relevance_to_the_project_weighs_its_industry_and_words() {
    let (_dir, library) = library();
    let for_project = |text: &str, profile: &ProjectProfile| {
        let query = CaseQuery {
            text: text.into(),
            sort: SortOrder::Project,
            ..CaseQuery::default()
        };
        library.search_for_project(&query, profile).unwrap()
    };
    // Browsing: the project's industry first, then every other case still listed.
    let healthcare = for_project("", &profile("Healthcare", ""));
    assert_eq!(titles(&healthcare)[0], "Nurses share fixes between wards");
    assert_eq!((healthcare.hits.len(), healthcare.total), (4, 4));
    // The storyboard's words: a retail story for a project about store services.
    let stores = for_project("", &profile("", "Store staff and their services"));
    assert_eq!(titles(&stores)[0], "Store staff suggest new services");
    // Typing narrows; the project still orders what matches ("sites" is in every case).
    let typed = for_project("sites", &profile("retail", ""));
    assert_eq!(typed.total, 4);
    assert_eq!(titles(&typed)[0], "Store staff suggest new services");
    let typed_other = for_project("sites", &profile("healthcare", ""));
    assert_eq!(titles(&typed_other)[0], "Nurses share fixes between wards");
    // Two industries' worth of words: industry still decides between equal word matches.
    let manufacturing = for_project("", &profile("manufacturing", "Engineers answer faster"));
    assert_eq!(
        titles(&manufacturing)[..2],
        [
            "Engineers halve time to answer",
            "Maintenance crews cut repeat faults"
        ]
    );
    // Without a project the order is the usual one, and a plain search ignores the profile.
    let plain = library
        .search(&CaseQuery {
            sort: SortOrder::Project,
            ..CaseQuery::default()
        })
        .unwrap();
    assert_eq!(
        titles(&plain)[0],
        "Store staff suggest new services",
        "newest first"
    );
}

#[test]
fn the_sample_project_finds_its_industrys_starter_cases_first() {
    let dir = tempfile::tempdir().unwrap();
    let library =
        CaseLibrary::open_or_create_with_starter(&dir.path().join(LIBRARY_FILE_NAME)).unwrap();
    let project = casewright_core::exchange::sample_project();
    let result = library
        .search_for_project(
            &CaseQuery {
                sort: SortOrder::Project,
                ..CaseQuery::default()
            },
            &ProjectProfile::of(&project),
        )
        .unwrap();
    let first: Vec<&str> = result.hits[..3]
        .iter()
        .map(|h| h.case.industry.as_str())
        .collect();
    assert_eq!(first, ["manufacturing"; 3], "{:?}", titles(&result));
}

#[test]
fn the_starter_library_is_illustrative_varied_and_searchable() {
    use casewright_core::cases::library::starter_cases;
    let cases = starter_cases();
    assert!(cases.len() >= 30, "{} starter cases", cases.len());
    for case in &cases {
        assert!(
            case.organisation.ends_with("(illustrative)"),
            "{}",
            case.organisation
        );
        assert_eq!(
            case.source.link, None,
            "no links to invented places: {}",
            case.title
        );
    }
    let industries: std::collections::BTreeSet<&str> =
        cases.iter().map(|c| c.industry.as_str()).collect();
    assert!(industries.len() >= 8, "{industries:?}");
    for kind in OutcomeKind::ALL {
        assert!(
            cases
                .iter()
                .flat_map(|c| &c.outcomes)
                .filter(|o| o.kind == *kind)
                .count()
                >= 2,
            "{kind:?} appears at least twice"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(LIBRARY_FILE_NAME);
    let library = CaseLibrary::open_or_create_with_starter(&path).unwrap();
    assert_eq!(library.len().unwrap() as usize, cases.len());
    drop(library);
    // Opening it again does not add them twice.
    assert_eq!(
        CaseLibrary::open_or_create_with_starter(&path)
            .unwrap()
            .len()
            .unwrap() as usize,
        cases.len()
    );
}

#[test]
fn the_whole_librarys_facets_follow_every_change() {
    let (_dir, mut library) = library();
    let count = |library: &CaseLibrary| -> u32 {
        library
            .search(&CaseQuery::default())
            .unwrap()
            .facets
            .industry
            .iter()
            .map(|f| f.count)
            .sum()
    };
    assert_eq!(count(&library), 4);
    library
        .import(
            &[case(
                "Fresh",
                "New (illustrative)",
                "energy",
                OutcomeKind::Cost,
                2022,
            )],
            OnDuplicate::Skip,
        )
        .unwrap();
    assert_eq!(count(&library), 5);
    let id = library.all().unwrap()[0].case.id;
    library.delete(id).unwrap();
    assert_eq!(count(&library), 4);
}

#[test]
fn a_long_prefix_of_a_common_word_finds_it_and_rarer_words_once_narrowed() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = CaseLibrary::open_or_create(&dir.path().join(LIBRARY_FILE_NAME)).unwrap();
    let mut cases: Vec<CaseStudy> = (0..1_100)
        .map(|i| {
            let mut c = case(
                &format!("Case {i}"),
                &format!("Org {i}"),
                "retail",
                OutcomeKind::Speed,
                2020,
            );
            c.initiative = if i % 2 == 0 {
                "Open collaboration between stores.".into()
            } else {
                "Collaborative problem solving.".into()
            };
            c
        })
        .collect();
    let mut rare = case(
        "The odd one",
        "Org rare",
        "retail",
        OutcomeKind::Speed,
        2020,
    );
    rare.initiative = "A collaborationist streak.".into();
    cases.insert(0, rare);
    library.import(&cases, OnDuplicate::Skip).unwrap();
    let search = |text: &str| {
        library
            .search_hits(&CaseQuery {
                text: text.into(),
                limit: Some(5),
                ..CaseQuery::default()
            })
            .unwrap()
    };
    let typing = search("collabor");
    assert!(
        typing.more,
        "more than the candidates match: {}",
        typing.total
    );
    assert_eq!(typing.hits.len(), 5);
    for hit in &typing.hits {
        assert!(hit.case.initiative.to_lowercase().contains("collaborati"));
        assert!(hit.snippet.iter().any(|p| p.hit), "the word is marked");
    }
    let with_another_word = search("stores collabor");
    assert_eq!(with_another_word.total, 550);
    let narrowed = search("collaborationi");
    assert_eq!(titles(&narrowed), ["The odd one"]);
    assert!(!narrowed.more);
}

#[test]
fn a_first_version_library_is_reindexed_and_still_found() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(LIBRARY_FILE_NAME);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(&format!(
            "PRAGMA application_id = 1129796172; {} PRAGMA user_version = 1;",
            casewright_core::cases::store::DDL
        ))
        .unwrap();
        conn.execute_batch(
            r#"INSERT INTO case_study (id, title, organisation, industry, outcomes, evidence, tags, identity)
               VALUES (7, 'Crews cut repeat faults', 'Harrowgate (illustrative)', 'manufacturing',
                       '[{"kind":"quality","number":12.0,"unit":"%","description":"fewer repeat faults"}]',
                       'anecdote', '["maintenance"]', 'x');
               INSERT INTO case_fts (rowid, title) VALUES (7, 'Crews cut repeat faults');"#,
        )
        .unwrap();
    }
    // The old index held the title alone; the rebuilt one is made from the whole row.
    let library = CaseLibrary::open_or_create(&path).unwrap();
    for text in [
        "crews",
        "harrow",
        "fewer",
        "maintenance",
        "quality",
        "manufact",
    ] {
        let found = library
            .search_hits(&CaseQuery {
                text: text.into(),
                ..CaseQuery::default()
            })
            .unwrap();
        assert_eq!(titles(&found), ["Crews cut repeat faults"], "{text}");
    }
}

#[test]
fn a_selection_to_export_is_every_case_the_words_and_filters_match() {
    let (_dir, library) = library();
    let titles_of = |cases: Vec<CaseStudy>| cases.into_iter().map(|c| c.title).collect::<Vec<_>>();
    let query = |text: &str, industry: Option<&str>| CaseQuery {
        text: text.into(),
        industry: industry.map(Into::into),
        limit: Some(1),
        ..CaseQuery::default()
    };
    assert_eq!(
        library.matching(&query("sites", None)).unwrap().len(),
        4,
        "every match, whatever the page limit"
    );
    assert_eq!(
        titles_of(
            library
                .matching(&query("sit", Some("manufacturing")))
                .unwrap()
        ),
        [
            "Maintenance crews cut repeat faults",
            "Engineers halve time to answer"
        ],
        "oldest first"
    );
    assert!(library
        .matching(&query("NEAR(zzz", None))
        .unwrap()
        .is_empty());
}

#[test]
fn a_case_repeated_within_one_import_is_a_duplicate_too() {
    for (on_duplicate, expected) in [
        (OnDuplicate::Skip, "first"),
        (OnDuplicate::Update, "second"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut library = CaseLibrary::open_or_create(&dir.path().join(LIBRARY_FILE_NAME)).unwrap();
        let mut first = case(
            "Crews cut faults",
            "Harrowgate",
            "energy",
            OutcomeKind::Cost,
            2022,
        );
        first.region = "first".into();
        let mut second = case(
            "crews  cut faults",
            "HARROWGATE",
            "energy",
            OutcomeKind::Cost,
            2022,
        );
        second.region = "second".into();
        let summary = library.import(&[first, second], on_duplicate).unwrap();
        assert_eq!(summary.added, 1);
        assert_eq!(summary.skipped + summary.updated, 1);
        let all = library.all().unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].case.region, expected, "{on_duplicate:?}");
    }
}

#[test]
fn a_csv_import_keeps_nothing_when_a_row_is_bad_and_asks_about_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = CaseLibrary::open_or_create(&dir.path().join(LIBRARY_FILE_NAME)).unwrap();
    let mut csv = String::from("title,organisation,year\n");
    for i in 0..3_000 {
        csv.push_str(&format!("Case {i},Org {i},2020\n"));
    }
    let (_, map) = default_mapping(&csv).unwrap();
    // The last row is bad: none of the 3,000 before it is kept.
    let bad = format!("{csv}Late,Org late,1066\n");
    match library.import_csv(&bad, &map, Some(OnDuplicate::Skip)) {
        Err(CsvImportError::Rows(rows)) => {
            assert_eq!(rows.len(), 1);
            assert_eq!(rows[0].line, 3_002);
        }
        other => panic!("expected the bad row, got {other:?}"),
    }
    assert!(library.is_empty().unwrap(), "nothing was kept");

    let summary = library.import_csv(&csv, &map, None).unwrap();
    assert_eq!(summary.added, 3_000);
    // Again without a choice: it asks, and nothing changes.
    let again = format!("{csv}New one,Org new,2021\n");
    match library.import_csv(&again, &map, None) {
        Err(CsvImportError::Duplicates { found, total }) => {
            assert_eq!((found, total), (3_000, 3_001))
        }
        other => panic!("expected duplicates, got {other:?}"),
    }
    assert_eq!(library.len().unwrap(), 3_000);
    let skipped = library
        .import_csv(&again, &map, Some(OnDuplicate::Skip))
        .unwrap();
    assert_eq!((skipped.added, skipped.skipped), (1, 3_000));
    assert_eq!(library.len().unwrap(), 3_001);
}

#[test]
fn a_big_import_builds_the_facet_index_again_as_the_schema_has_it() {
    assert!(
        casewright_core::cases::store::DDL.contains(casewright_core::cases::store::FACET_INDEX),
        "store::FACET_INDEX is cases_ddl.sql's"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(LIBRARY_FILE_NAME);
    let mut library = CaseLibrary::open_or_create(&path).unwrap();
    let mut csv = String::from("title,organisation,industry\n");
    for i in 0..10_000 {
        csv.push_str(&format!(
            "Case {i},Org {i},{}\n",
            ["energy", "retail"][i % 2]
        ));
    }
    let (_, map) = default_mapping(&csv).unwrap();
    assert_eq!(library.import_csv(&csv, &map, None).unwrap().added, 10_000);
    let energy = library
        .facets(&CaseQuery {
            industry: Some("energy".into()),
            ..CaseQuery::default()
        })
        .unwrap();
    assert_eq!(energy.industry[0].count, 5_000);
    drop(library);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let sql: String = conn
        .query_row(
            "SELECT sql FROM sqlite_master WHERE name = 'case_facets'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(sql, casewright_core::cases::store::FACET_INDEX);
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

/// The line a person sees in an editor or a spreadsheet: the header is line 1, a record
/// that spans lines is named by the line it starts on, and a byte-order mark changes nothing.
#[test]
fn a_bad_case_row_is_named_by_the_line_an_editor_shows() {
    let lines = |text: &str| -> Vec<u64> {
        let (_, map) = default_mapping(text).unwrap();
        read_csv(text, &map)
            .unwrap_err()
            .iter()
            .map(|e| e.line)
            .collect()
    };
    let header = "title,organisation,industry,year\n";
    assert_eq!(
        lines(&format!(
            "{header}Shared log,Rail Works,rail,nineteen-ninety\n"
        )),
        [2],
        "the only row, under the header"
    );
    let multi = format!(
        "{header}First,Org,rail,2020\n\"Second,\nwith a line break\",Org,rail,2021\nThird,Org,rail,soon\n"
    );
    assert_eq!(lines(&multi), [5], "after a quoted field over two lines");
    assert_eq!(
        lines(&format!("\u{feff}{multi}")),
        [5],
        "with a byte-order mark"
    );
    let fifteen: String = (1..=15)
        .map(|i| {
            let year = if i == 6 {
                "soon".to_string()
            } else {
                (2000 + i).to_string()
            };
            format!("Case {i},Org {i},rail,{year}\n")
        })
        .collect();
    assert_eq!(
        lines(&format!("{header}{fifteen}")),
        [7],
        "the sixth row is line 7"
    );
    assert_eq!(
        lines(&format!("{header}\r\n\nFirst,Org,rail,soon\n")),
        [4],
        "blank lines before it are counted"
    );
}

/// A refused row brings its first cells, so the person recognises it without counting.
#[test]
fn a_bad_case_row_shows_its_first_cells() {
    let text = "title,organisation,industry,year\nShared log,Rail Works,rail,nineteen-ninety\n";
    let (_, map) = default_mapping(text).unwrap();
    let errors = read_csv(text, &map).unwrap_err();
    assert_eq!(errors[0].row, ["Shared log", "Rail Works", "rail"]);
    assert_eq!(errors[0].column.as_deref(), Some("year"));
    assert_eq!(
        errors[0].to_string(),
        "line 2, column year: \"nineteen-ninety\" is not a year (the row: Shared log | Rail Works | rail)"
    );
}

#[test]
fn a_bad_case_in_json_is_named_by_the_line_and_column_of_its_value() {
    let cases = [
        case(
            "First",
            "Org (illustrative)",
            "rail",
            OutcomeKind::Cost,
            2020,
        ),
        case(
            "Second",
            "Org (illustrative)",
            "rail",
            OutcomeKind::Cost,
            2021,
        ),
    ];
    let text = write_json(&cases).replace("\"year\": 2021", "\"year\": \"nineteen-ninety\"");
    let (index, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("nineteen-ninety"))
        .unwrap();
    let err = read_json(&text).unwrap_err();
    let prefix = format!("line {}, column ", index + 1);
    assert!(err.starts_with(&prefix), "{err} should start with {prefix}");
    assert!(err.contains("case 2"), "{err}");
    let column: usize = err[prefix.len()..]
        .split(':')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        (line.find("\"nineteen").unwrap() + 1..=line.len()).contains(&column),
        "column {column} is in the bad value of {line:?}"
    );
    // A case that breaks a rule (no title) is named by the line and column where it starts.
    let untitled = write_json(&cases[..1]).replace("\"title\": \"First\"", "\"title\": \"\"");
    let start = untitled.find("\n    {").unwrap() + 1;
    let start_line = untitled[..start].matches('\n').count() + 1;
    let err = read_json(&untitled).unwrap_err();
    assert!(
        err.starts_with(&format!("line {start_line}, column 5: case 1")),
        "{err}"
    );
    // The same with a byte-order mark.
    assert_eq!(read_json(&format!("\u{feff}{untitled}")).unwrap_err(), err);
}
