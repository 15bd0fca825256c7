//! Pilots: start small, measure honestly, and judge the result by what the data can carry.
//! `stats` holds the intervals and effect sizes, `analysis` turns one metric's observations
//! into a verdict, `table` reads results spreadsheets (CSV) in the documented layouts.

pub mod analysis;
pub mod stats;
pub mod table;

pub use analysis::{analyze, Design, MetricData, MetricResult, Observations, Warning};
