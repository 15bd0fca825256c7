//! Pilot statistics against reference values from SciPy and statsmodels (see
//! `fixtures/pilot/reference.py` for the command), edge cases, and results spreadsheets
//! with every kind of bad row.

use casewright_core::model::Direction;
use casewright_core::pilot::table::read;
use casewright_core::pilot::{analyze, Design, MetricData, Observations};

fn numbers(value: &serde_json::Value) -> Vec<f64> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect()
}

fn metric(observations: Observations) -> MetricData {
    MetricData {
        name: "m".into(),
        unit: None,
        direction: None,
        target: None,
        observations,
        missing: 0,
    }
}

fn close(ours: Option<f64>, theirs: &serde_json::Value, what: &str, case: &str) {
    match (ours, theirs.as_f64()) {
        (None, None) => {}
        (Some(a), Some(b)) => assert!(
            (a - b).abs() <= 1e-9 * b.abs().max(1.0),
            "{case}: {what} is {a}, SciPy/statsmodels say {b}"
        ),
        (a, _) => panic!("{case}: {what} is {a:?}, SciPy/statsmodels say {theirs}"),
    }
}

#[test]
fn intervals_match_scipy_and_statsmodels() {
    let reference: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/pilot/reference.json")).unwrap();
    let cases = reference["cases"].as_array().unwrap();
    assert!(cases.len() >= 12);
    for case in cases {
        let name = format!("{} / {}", case["design"], case["name"]);
        let observations = match case["design"].as_str().unwrap() {
            "independent" => Observations::Independent {
                pilot: numbers(&case["pilot"]),
                comparison: numbers(&case["comparison"]),
            },
            "paired" => Observations::Paired {
                pairs: numbers(&case["before"])
                    .into_iter()
                    .zip(numbers(&case["after"]))
                    .collect(),
            },
            _ => {
                let pair = |v: &serde_json::Value| {
                    let n = numbers(v);
                    Some((n[0] as u64, n[1] as u64))
                };
                Observations::Proportion {
                    pilot: pair(&case["pilot"]),
                    comparison: pair(&case["comparison"]),
                }
            }
        };
        let result = analyze(&metric(observations));
        close(
            result.estimate_pilot,
            &case["estimate_pilot"],
            "the pilot's estimate",
            &name,
        );
        close(
            result.estimate_comparison,
            &case["estimate_comparison"],
            "the comparison's estimate",
            &name,
        );
        close(
            result.difference,
            &case["difference"],
            "the difference",
            &name,
        );
        close(
            result.ci_low,
            &case["ci_low"],
            "the interval's low end",
            &name,
        );
        close(
            result.ci_high,
            &case["ci_high"],
            "the interval's high end",
            &name,
        );
        assert_eq!(result.confidence, 0.95);
    }
}

#[test]
fn wilson_intervals_match_statsmodels() {
    let reference: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/pilot/reference.json")).unwrap();
    for case in reference["cases"].as_array().unwrap() {
        if case["design"] != "proportion" {
            continue;
        }
        let pilot = numbers(&case["pilot"]);
        let interval = casewright_core::pilot::stats::wilson(pilot[0] as u64, pilot[1] as u64);
        let expected = numbers(&case["wilson_pilot"]);
        assert!((interval.low - expected[0]).abs() < 1e-12, "{case}");
        assert!((interval.high - expected[1]).abs() < 1e-12, "{case}");
    }
}

fn codes(result: &casewright_core::pilot::MetricResult) -> Vec<&str> {
    result.warnings.iter().map(|w| w.code.as_str()).collect()
}

#[test]
fn weak_data_is_called_weak() {
    let one = analyze(&metric(Observations::Independent {
        pilot: vec![7.0],
        comparison: vec![3.0, 4.0, 5.0],
    }));
    assert_eq!((one.ci_low, one.ci_high), (None, None));
    assert!(codes(&one).contains(&"too_few_observations"));

    let crossing = analyze(&metric(Observations::Proportion {
        pilot: Some((14, 40)),
        comparison: Some((6, 38)),
    }));
    assert!(codes(&crossing).contains(&"interval_crosses_zero"));

    let none = analyze(&metric(Observations::Independent {
        pilot: vec![1.0, 2.0, 3.0],
        comparison: vec![],
    }));
    assert_eq!(none.difference, None);
    assert!(codes(&none).contains(&"no_comparison"));

    let flat = analyze(&metric(Observations::Paired {
        pairs: vec![(10.0, 12.0), (12.0, 14.0), (14.0, 16.0)],
    }));
    assert!(codes(&flat).contains(&"no_spread"));
    assert_eq!(flat.n_comparison, None);

    let empty = analyze(&metric(Observations::Proportion {
        pilot: None,
        comparison: Some((3, 10)),
    }));
    assert_eq!(empty.estimate_pilot, None);
    assert!(codes(&empty).contains(&"too_few_observations"));
}

#[test]
fn the_target_is_judged_in_its_direction_and_a_backwards_one_is_flagged() {
    let data = |direction, target| MetricData {
        direction,
        target: Some(target),
        ..metric(Observations::Independent {
            pilot: vec![12.0, 11.0, 13.0, 12.0],
            comparison: vec![19.0, 18.0, 20.0, 19.0],
        })
    };
    let met = analyze(&data(Some(Direction::Lower), 12.5));
    assert_eq!(met.target_met, Some(true));
    assert!(codes(&met).is_empty() || !codes(&met).contains(&"target_wrong_direction"));
    let missed = analyze(&data(Some(Direction::Lower), 10.0));
    assert_eq!(missed.target_met, Some(false));
    let backwards = analyze(&data(Some(Direction::Higher), 15.0));
    assert!(codes(&backwards).contains(&"target_wrong_direction"));
    assert!(codes(&backwards).contains(&"went_the_wrong_way"));
    let assumed = analyze(&data(None, 12.5));
    assert_eq!(assumed.target_met, Some(true));
    assert!(codes(&assumed).contains(&"direction_assumed"));
}

#[test]
fn a_spreadsheet_in_any_column_order_gives_its_metrics_in_order() {
    let text = "value,Group,metric,unit,direction,target\n\
                12,pilot,Days to resolve,days,lower,12\n\
                19,comparison,Days to resolve,,,\n\
                ,pilot,Days to resolve,,,\n\
                3,pilot,Ideas,ideas,higher,\n\
                14,pilot,Days to resolve,,,\n\
                1,comparison,Ideas,,,\n";
    let metrics = read(text, Design::Independent).unwrap();
    assert_eq!(metrics.len(), 2);
    assert_eq!(metrics[0].name, "Days to resolve");
    assert_eq!(metrics[0].unit.as_deref(), Some("days"));
    assert_eq!(metrics[0].direction, Some(Direction::Lower));
    assert_eq!(metrics[0].target, Some(12.0));
    assert_eq!(metrics[0].missing, 1);
    assert_eq!(
        metrics[0].observations,
        Observations::Independent {
            pilot: vec![12.0, 14.0],
            comparison: vec![19.0]
        }
    );
    assert_eq!(metrics[1].name, "Ideas");
}

#[test]
fn every_bad_row_is_named_by_line_and_column_and_nothing_is_returned() {
    let text = "metric,group,successes,trials\n\
                Adopted,pilot,14,40\n\
                Adopted,comparison,50,38\n\
                Adopted,pilot,3,9\n\
                Other,control,1,2\n\
                Other,pilot,-1,5\n\
                Other,comparison,two,5\n\
                Third,pilot,1\n";
    let errors = read(text, Design::Proportion).unwrap_err();
    let listed: Vec<String> = errors.iter().map(ToString::to_string).collect();
    let expect = [
        "line 3, column successes: 50 successes in 38 trials",
        "line 4, column group: a second pilot row for this metric (the first is on line 2)",
        "line 5, column group: \"control\" is not a group",
        "line 6, column successes: -1 is negative",
        "line 7, column successes: \"two\" is not a whole number",
        "line 8: this row has 3 cells; the header has 4",
    ];
    assert_eq!(listed.len(), expect.len(), "{listed:#?}");
    for (got, want) in listed.iter().zip(expect) {
        assert!(got.starts_with(want), "{got} should start with {want}");
    }
}

#[test]
fn files_in_the_wrong_shape_get_a_reason() {
    let semicolons = read("metric;group;value\nA;pilot;1\n", Design::Independent).unwrap_err();
    assert!(
        semicolons[0].message.contains("separated by ';'"),
        "{semicolons:?}"
    );
    let missing = read("metric,subject,before\nA,x,1\n", Design::Paired).unwrap_err();
    assert!(
        missing[0].message.contains("lacks the column after"),
        "{missing:?}"
    );
    let empty = read("", Design::Paired).unwrap_err();
    assert!(empty[0].message.contains("empty"), "{empty:?}");
    let header_only = read("metric,group,value\n", Design::Independent).unwrap_err();
    assert!(
        header_only[0].message.contains("no results"),
        "{header_only:?}"
    );
    let open_quote = read(
        "metric,group,value\n\"A,pilot,1\nB,pilot,2\n",
        Design::Independent,
    )
    .unwrap_err();
    assert!(!open_quote.is_empty());
    let twice = read(
        "metric,subject,before,after\nA,ana,1,2\nA,ana,3,4\n",
        Design::Paired,
    )
    .unwrap_err();
    assert!(
        twice[0].to_string().contains("line 3, column subject"),
        "{twice:?}"
    );
    let not_number =
        read("metric,group,value\nA,pilot,12 days\n", Design::Independent).unwrap_err();
    assert!(
        not_number[0]
            .to_string()
            .contains("\"12 days\" is not a number"),
        "{not_number:?}"
    );
}

/// Results spreadsheets and case files name lines alike: the header is line 1, a record
/// over two lines by its first line, a byte-order mark changes nothing.
#[test]
fn a_bad_result_row_is_named_by_the_line_an_editor_shows() {
    let lines = |text: &str| -> Vec<u64> {
        read(text, Design::Independent)
            .unwrap_err()
            .iter()
            .map(|e| e.line)
            .collect()
    };
    let header = "metric,group,value\n";
    assert_eq!(lines(&format!("{header}Visits,pilot,twelve\n")), [2]);
    let multi =
        format!("{header}Visits,pilot,3\n\"Visits\nper week\",pilot,4\nVisits,pilot,many\n");
    assert_eq!(lines(&multi), [5]);
    assert_eq!(lines(&format!("\u{feff}{multi}")), [5]);
    assert_eq!(lines(&format!("{header}\nVisits,pilot,twelve\n")), [3]);
}
