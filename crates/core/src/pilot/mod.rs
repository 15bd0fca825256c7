//! Pilots: start small, measure honestly, and judge the result by what the data can carry.
//! A pilot as the project keeps it is `model::pilot`; `stats` holds the intervals and effect sizes,
//! `analysis` turns one metric's observations into a verdict, `table` reads results
//! spreadsheets (CSV) in the documented layouts.

pub mod analysis;
pub mod leverage;
pub mod report;
pub mod stats;
pub mod table;

// A pilot as the project keeps it lives in the model layer; here under its old name too.
pub use crate::model::pilot as plan;

pub use crate::model::pilot::{Criterion, ImportedResults, Pilot, Rate, Results};
pub use analysis::{analyze, Design, MetricData, MetricResult, Observations, Warning};
pub use report::{report, CriterionReport, IntervalBar, PilotChart, PilotReport, Verdict};

/// Reads a results spreadsheet for the app: each metric's results, or every problem with
/// its line (nothing is returned half-read).
pub fn read_results(
    text: &str,
    design: Design,
) -> Result<Vec<ImportedResults>, Vec<table::TableError>> {
    let metrics = table::read(text, design)?;
    Ok(metrics
        .into_iter()
        .map(|m| ImportedResults {
            metric: m.name,
            results: m.observations.into(),
            missing: m.missing as u32,
        })
        .collect())
}
