//! Pilots: start small, measure honestly, and judge the result by what the data can carry.
//! `plan` is a pilot as the project keeps it, `stats` holds the intervals and effect sizes,
//! `analysis` turns one metric's observations into a verdict, `table` reads results
//! spreadsheets (CSV) in the documented layouts.

pub mod analysis;
pub mod leverage;
pub mod plan;
pub mod report;
pub mod stats;
pub mod table;

pub use analysis::{analyze, Design, MetricData, MetricResult, Observations, Warning};
pub use plan::{Criterion, Pilot, Rate, Results};
pub use report::{report, CriterionReport, IntervalBar, PilotChart, PilotReport, Verdict};
