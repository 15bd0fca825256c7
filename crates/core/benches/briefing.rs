//! `cargo bench -p casewright-core --bench briefing`: laying out the sample briefing (an
//! upper bound for re-laying the one-page summary, which the preview does on every edit),
//! writing it as PDF, drawing the preview's SVG pages, and a 2,000-block stress briefing.

use casewright_core::briefing::{export_pdf, layout, svg, BriefingDate, BriefingOptions};
use casewright_core::exchange::sample_project;
use casewright_core::Project;

fn main() {
    divan::main();
}

fn options() -> BriefingOptions {
    BriefingOptions::for_date(BriefingDate {
        year: 2026,
        month: 11,
        day: 26,
    })
}

/// The sample's sections repeated until the storyboard holds about 2,000 blocks.
fn stress_project() -> Project {
    let sample = sample_project();
    let mut project = sample.clone();
    while project
        .sections
        .iter()
        .map(|s| s.blocks.len())
        .sum::<usize>()
        < 2_000
    {
        project.sections.extend(sample.sections.iter().cloned());
    }
    project
}

#[divan::bench(sample_count = 50)]
fn lay_out_sample(bencher: divan::Bencher) {
    let project = sample_project();
    let options = options();
    bencher.bench(|| layout::lay_out(&project, &options).pages.len());
}

#[divan::bench(sample_count = 30)]
fn export_sample_pdf(bencher: divan::Bencher) {
    let project = sample_project();
    let options = options();
    bencher.bench(|| export_pdf(&project, &options).len());
}

#[divan::bench(sample_count = 30)]
fn preview_sample_svg(bencher: divan::Bencher) {
    let project = sample_project();
    let options = options();
    bencher.bench(|| {
        let document = layout::lay_out(&project, &options);
        (0..document.pages.len())
            .map(|i| svg::page(&document, i).len())
            .sum::<usize>()
    });
}

#[divan::bench(sample_count = 5)]
fn export_2000_block_pdf(bencher: divan::Bencher) {
    let project = stress_project();
    let options = options();
    bencher.bench(|| export_pdf(&project, &options).len());
}
