//! Tests of the briefing laid out as a whole (margins, page numbers, runaway text, an
//! empty project), and the options the layout's tests share.

use super::*;
use crate::briefing::BriefingDate;
use crate::exchange::sample_project;

pub(super) fn options() -> BriefingOptions {
    BriefingOptions::for_date(BriefingDate {
        year: 2026,
        month: 11,
        day: 26,
    })
}

#[test]
fn content_stays_inside_the_margins_and_pages_are_numbered() {
    for paper in [Paper::A4, Paper::Letter] {
        let (width, height) = paper.size();
        let doc = lay_out(&sample_project(), &BriefingOptions { paper, ..options() });
        assert_eq!(doc.page_size, (width, height));
        let total = doc.pages.len();
        for (index, page) in doc.pages.iter().enumerate() {
            for item in &page.items {
                if let Item::Text {
                    x, baseline, line, ..
                } = item
                {
                    assert!(
                        *x >= MARGIN_X - 0.01,
                        "{:?} starts in the margin",
                        line.text()
                    );
                    assert!(x + line.width() <= width - MARGIN_X + 0.01, "{paper:?}");
                    assert!(*baseline <= height - 20.0, "{paper:?}");
                }
            }
            if index > 0 {
                let footer = format!("Page {} of {}", index + 1, total);
                assert!(
                    doc.page_text(index).contains(&footer),
                    "page {index} lacks {footer}"
                );
            }
        }
    }
}

#[test]
fn runaway_titles_are_cut_to_fit_their_page() {
    let mut project = sample_project();
    project.title = "A very long title that never ends ".repeat(3000);
    project.audience = "the board ".repeat(3000);
    project.sections[1].title = "Section ".repeat(3000);
    let doc = lay_out(&project, &options());
    for page in &doc.pages {
        for item in &page.items {
            if let Item::Text { baseline, .. } = item {
                assert!(*baseline <= Paper::A4.size().1 - 20.0);
            }
        }
    }
    assert!(doc.page_text(0).iter().any(|line| line.ends_with('…')));
}

#[test]
fn an_empty_project_still_gives_a_cover_and_a_page() {
    let project = Project {
        title: String::new(),
        author: String::new(),
        audience: String::new(),
        industry: String::new(),
        sections: vec![],
        library: vec![],
        logo: None,
        accent: None,
        pilots: Vec::new(),
        cases: Vec::new(),
    };
    let doc = lay_out(&project, &options());
    assert_eq!(doc.pages.len(), 3, "cover, summary, storyboard");
    assert!(doc.page_text(0).contains(&"Untitled case".to_string()));
    let summary = doc.page_text(1).join(" ");
    assert!(summary.contains("No explicit ask yet"), "{summary}");
    assert!(summary.contains("No pilot yet"), "{summary}");
}
