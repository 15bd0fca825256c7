//! The first coaching after start, as the app meets it: in a fresh process, the bundled
//! rules compiled (and the context stage's patterns, on first use) and the whole 50,000-word
//! stress storyboard coached once. Prints the milliseconds; `scripts/bench-coach.sh` runs it
//! in fresh processes and reports the median.
//!
//! `cargo run --release -p casewright-core --example coach_first`

#[path = "../benches/support/corpus.rs"]
#[allow(dead_code)]
mod corpus;

use casewright_core::coach::lint_project;

fn main() {
    let project = corpus::big_project();
    let start = std::time::Instant::now();
    let report = lint_project(&project);
    let elapsed = start.elapsed();
    println!(
        "{:.1} ms ({} findings, {} set aside)",
        elapsed.as_secs_f64() * 1000.0,
        report.findings.len(),
        report.set_aside.len()
    );
}
