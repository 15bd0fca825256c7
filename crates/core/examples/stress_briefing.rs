//! Writes the stress briefing of `scripts/bench-briefing.sh` into a directory, three ways
//! with the same content: `stress.casewright` (a project with 20 photos of about 300 KB,
//! 20 metrics with baselines and targets drawn as charts, and cited sources), and
//! `stress.json` + `photos/` for the Typst and HTML versions the script builds from them.
//! It also times the in-process work the app repeats on every edit (layout of the whole
//! briefing, which includes the one-page summary) and prints it as JSON.
//!
//! `cargo run --release -p casewright-core --example stress_briefing -- OUT_DIR`

use std::path::Path;
use std::time::Instant;

use casewright_core::briefing::{layout, BriefingDate, BriefingOptions};
use casewright_core::model::{Direction, Photo, Relation};
use casewright_core::pictures::PictureCache;
use casewright_core::storyboard::{Edit, Storyboard};
use casewright_core::{Block, BlockKind, Project, ProjectFile, Section};

const SECTIONS: usize = 20;

fn main() {
    let out = std::env::args()
        .nth(1)
        .expect("usage: stress_briefing OUT_DIR");
    let out = Path::new(&out);
    std::fs::create_dir_all(out.join("photos")).unwrap();
    let project_path = out.join("stress.casewright");
    let _ = std::fs::remove_file(&project_path);

    let mut board = Storyboard::new(ProjectFile::create(&project_path, &storyboard()).unwrap());
    let stories: Vec<Block> = board
        .project()
        .unwrap()
        .sections
        .iter()
        .flat_map(|s| s.blocks.iter().filter(|b| b.kind == BlockKind::Story))
        .cloned()
        .collect();
    for (index, mut story) in stories.into_iter().enumerate() {
        let bytes = photo(index as u64);
        let name = format!("photos/photo-{index:02}.jpg");
        std::fs::write(out.join(&name), &bytes).unwrap();
        let image = board.file().add_image(&bytes).unwrap();
        story.photo = Some(Photo {
            image,
            caption: format!(
                "Site {} team at the shared problem board (illustrative)",
                index + 1
            ),
        });
        board.apply(&Edit::UpdateBlock { block: story }).unwrap();
    }
    let project = board.project().unwrap();
    std::fs::write(out.join("stress.json"), content_json(&project)).unwrap();

    // What the preview redoes on every edit: lay the briefing out again.
    let options = BriefingOptions::for_date(BriefingDate {
        year: 2026,
        month: 11,
        day: 27,
    });
    let start = Instant::now();
    let options = PictureCache::default().complete(board.file(), &project, options);
    let prepare_ms = start.elapsed().as_secs_f64() * 1000.0;
    let document = layout::lay_out(&project, &options);
    let start = Instant::now();
    let pdf = casewright_core::briefing::pdf::write(&document, &options);
    let write_ms = start.elapsed().as_secs_f64() * 1000.0;
    let mut times = Vec::new();
    let mut pages = 0;
    for _ in 0..15 {
        let start = Instant::now();
        pages = layout::lay_out(&project, &options).pages.len();
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    board.into_file().close().unwrap();
    println!(
        "{{\"pages\": {pages}, \"relayout_ms_median\": {:.2}, \"relayout_ms_min\": {:.2}, \
         \"prepare_pictures_ms\": {prepare_ms:.1}, \"write_pdf_ms\": {write_ms:.1}, \"pdf_bytes\": {}}}",
        times[times.len() / 2],
        times[0],
        pdf.len()
    );
}

/// Twenty sections, each a benefit argued at length, a story with a photo and a metric
/// with a baseline and a target: the shape of a long, real case.
fn storyboard() -> Project {
    let sections = (0..SECTIONS)
        .map(|i| {
            let n = i + 1;
            let mut benefit = Block::new(
                BlockKind::Benefit,
                format!("Site {n}: problems solved where they start"),
            );
            benefit.body = format!("{}\n\n{}", paragraph(i, 7), paragraph(i + 5, 4));
            let mut story = Block::new(
                BlockKind::Story,
                format!("A peer's site {n} cut repeat faults by a third"),
            );
            story.body = format!(
                "\"We stopped solving the same fault twice,\" said the plant manager. {}",
                paragraph(i + 7, 4)
            );
            story.organisation = Some(format!("Peer Manufacturing {n} (illustrative)"));
            story.relation = Some(if i % 3 == 0 {
                Relation::Competitor
            } else {
                Relation::Peer
            });
            story.source = Some(format!("Operations review {n}, illustrative"));
            story.source_link = Some(format!("https://example.org/cases/{n}"));
            let mut metric = Block::new(
                BlockKind::Metric,
                format!("Days to close an escalated problem at site {n}"),
            );
            metric.number = Some(12.0 + (i % 5) as f64);
            metric.unit = Some("working days".into());
            metric.baseline = Some(19.0 + (i % 7) as f64);
            metric.target = Some(12.0 + (i % 5) as f64);
            metric.direction = Some(Direction::Lower);
            metric.body = paragraph(i + 3, 3);
            metric.source = Some(format!("Service desk export {n}, illustrative"));
            Section {
                id: 0,
                uid: String::new(),
                title: format!("{n:02}. Site {n}: the case in numbers"),
                notes: String::new(),
                blocks: vec![benefit, story, metric],
            }
        })
        .collect();
    Project {
        title: "Forty pages of proof: the stress briefing".into(),
        author: "Casewright benchmark".into(),
        audience: "The Board of Directors".into(),
        industry: String::new(),
        sections,
        library: Vec::new(),
        logo: None,
        accent: None,
        pilots: Vec::new(),
        cases: Vec::new(),
    }
}

const SENTENCES: [&str; 8] = [
    "Engineers who can ask the whole company get answers in days instead of weeks.",
    "Each answer is kept where the next person with the same problem will find it.",
    "Fewer escalations reach the specialists, who spend the time on new products instead.",
    "Ideas from the shop floor are seen, combined and tested long before the annual plan.",
    "The people nearest the customer are heard, and more of their suggestions are adopted.",
    "Repeat faults fall because a fix found at one site travels to the others the same week.",
    "New starters reach full speed sooner when the know-how they need is easy to find.",
    "The cost is a few protected hours a week, measured against a baseline set in advance.",
];

fn paragraph(seed: usize, sentences: usize) -> String {
    (0..sentences)
        .map(|k| SENTENCES[(seed + k * 3) % SENTENCES.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

/// A photo-like JPEG of about 300 KB: smooth light, a few shapes and sensor-like grain,
/// different for each seed.
fn photo(seed: u64) -> Vec<u8> {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut noise = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % 41) as i32 - 20
    };
    let (width, height) = (1200u32, 800u32);
    let hue = (seed * 37 % 120) as i32;
    let picture = image::RgbImage::from_fn(width, height, |x, y| {
        let (fx, fy) = (x as i32, y as i32);
        let mut r = 60 + hue + fy / 8;
        let mut g = 110 + fx / 12;
        let mut b = 170 - fy / 10 + hue / 2;
        // Figures at a board: heads and bodies.
        for k in 0..5 {
            let cx = 180 + k * 210;
            let (dx, dy) = (fx - cx, fy - 330);
            if dx * dx + dy * dy < 55 * 55 {
                (r, g, b) = (225, 185, 150);
            } else if dx.abs() < 60 && (390..640).contains(&fy) {
                (r, g, b) = (40 + k * 25, 80, 140);
            }
        }
        if fy > 620 {
            (r, g, b) = (70, 75, 80);
        }
        let grain = noise();
        let clamp = |v: i32| (v + grain).clamp(0, 255) as u8;
        image::Rgb([clamp(r), clamp(g), clamp(b)])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 84)
        .encode_image(&picture)
        .unwrap();
    out
}

/// The same content as plain data, for the Typst template and the HTML page.
fn content_json(project: &Project) -> String {
    let mut photo_index = 0;
    let sections: Vec<serde_json::Value> = project
        .sections
        .iter()
        .map(|section| {
            let blocks: Vec<serde_json::Value> = section
                .blocks
                .iter()
                .map(|block| {
                    let photo = block.photo.as_ref().map(|p| {
                        let name = format!("photos/photo-{photo_index:02}.jpg");
                        photo_index += 1;
                        serde_json::json!({ "file": name, "caption": p.caption })
                    });
                    serde_json::json!({
                        "kind": block.kind.label(),
                        "title": block.title,
                        "who": block.organisation_line(),
                        "figure": block.figure(),
                        "body": block.body,
                        "baseline": block.baseline,
                        "target": block.target,
                        "source": block.source,
                        "link": block.source_link,
                        "photo": photo,
                    })
                })
                .collect();
            serde_json::json!({ "title": section.title, "blocks": blocks })
        })
        .collect();
    serde_json::to_string_pretty(&serde_json::json!({
        "title": project.title,
        "author": project.author,
        "audience": project.audience,
        "sections": sections,
    }))
    .unwrap()
}
