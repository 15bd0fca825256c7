//! The cover page: accent band, logo, title, audience, author and date, and its full-colour
//! version for the bold theme; a page of its own, built outside the flow.

use super::flow::Paragraph;
use super::style::{Geometry, TextStyle, ACCENT, INK, MARGIN_X, MUTED, PAPER_WHITE};
use super::{Item, Page, Project};
use crate::briefing::fonts::FontStyle;
use crate::briefing::BriefingOptions;

/// The bold cover: the page in the accent colour, everything on it in white.
pub(super) fn embolden_cover(page: &mut Page, geo: Geometry) {
    for item in &mut page.items {
        if let Item::Text { colour, .. } | Item::Rect { colour, .. } = item {
            *colour = PAPER_WHITE;
        }
    }
    page.items.insert(
        0,
        Item::Rect {
            x: 0.0,
            y: 0.0,
            width: geo.width,
            height: geo.height,
            colour: ACCENT,
        },
    );
}

/// The box the cover's logo fits in (width, height), in points.
pub const LOGO_BOX: (f32, f32) = (180.0, 64.0);

pub(super) fn cover(project: &Project, options: &BriefingOptions, geo: Geometry) -> Page {
    let mut page = Page::default();
    page.items.push(Item::Rect {
        x: 0.0,
        y: 0.0,
        width: geo.width,
        height: 14.0,
        colour: ACCENT,
    });
    if let Some(logo) = &options.logo {
        // Fitted to the box, keeping its proportions, at the box's top left.
        let scale = (LOGO_BOX.0 / logo.width as f32).min(LOGO_BOX.1 / logo.height as f32);
        page.items.push(Item::Image {
            x: MARGIN_X,
            y: 84.0,
            width: logo.width as f32 * scale,
            height: logo.height as f32 * scale,
            image: 0,
        });
    }
    let label = TextStyle {
        font: FontStyle::Bold,
        size: 10.0,
        leading: 14.0,
        colour: ACCENT,
    };
    let mut y = 220.0;
    y = Paragraph::new(label, "EXECUTIVE BRIEFING", geo.content_width)
        .place(&mut page, MARGIN_X, y);
    y += 10.0;
    let title_style = TextStyle {
        font: FontStyle::Bold,
        size: 30.0,
        leading: 37.0,
        colour: INK,
    };
    let title = if project.title.trim().is_empty() {
        "Untitled case"
    } else {
        project.title.as_str()
    };
    y = Paragraph::new(title_style, title, geo.content_width)
        .clamped(6, geo.content_width)
        .place(&mut page, MARGIN_X, y);
    y += 18.0;
    page.items.push(Item::Rect {
        x: MARGIN_X,
        y,
        width: 56.0,
        height: 3.0,
        colour: ACCENT,
    });
    y += 22.0;
    if !project.audience.trim().is_empty() {
        let audience = TextStyle {
            font: FontStyle::Regular,
            size: 14.0,
            leading: 19.0,
            colour: MUTED,
        };
        Paragraph::new(
            audience,
            &format!("Prepared for {}", project.audience.trim()),
            geo.content_width,
        )
        .clamped(4, geo.content_width)
        .place(&mut page, MARGIN_X, y);
    }
    let byline = TextStyle {
        font: FontStyle::Regular,
        size: 11.0,
        leading: 16.0,
        colour: INK,
    };
    let mut y = geo.height - 150.0;
    if !project.author.trim().is_empty() {
        y = Paragraph::new(byline, project.author.trim(), geo.content_width)
            .place(&mut page, MARGIN_X, y);
    }
    Paragraph::new(byline, &options.date_label, geo.content_width)
        .coloured(MUTED)
        .place(&mut page, MARGIN_X, y);
    page
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::layout::tests::options;
    use crate::briefing::layout::{lay_out, Document, Paper, Theme};
    use crate::exchange::sample_project;

    #[test]
    fn cover_carries_title_audience_author_and_date() {
        let project = sample_project();
        let doc = lay_out(&project, &options());
        let cover = doc.page_text(0).join(" ");
        assert!(cover.contains("EXECUTIVE BRIEFING"));
        assert!(cover.contains(&project.author));
        assert!(cover.contains("26 November 2026"));
        assert!(cover.contains(&format!("Prepared for {}", project.audience)));
    }

    #[test]
    fn the_bold_theme_fills_the_cover_and_colours_the_headings() {
        let project = sample_project();
        let bold = lay_out(
            &project,
            &BriefingOptions {
                theme: Theme::Bold,
                ..options()
            },
        );
        let (width, height) = Paper::A4.size();
        assert_eq!(
            bold.pages[0].items[0],
            Item::Rect {
                x: 0.0,
                y: 0.0,
                width,
                height,
                colour: ACCENT
            }
        );
        for item in &bold.pages[0].items[1..] {
            if let Item::Text { colour, line, .. } = item {
                assert_eq!(
                    *colour,
                    PAPER_WHITE,
                    "{:?} is white on the cover",
                    line.text()
                );
            }
        }
        let heading_colour = |doc: &Document| {
            doc.pages[2].items.iter().find_map(|item| match item {
                Item::Text { line, colour, .. } if line.text() == project.sections[0].title => {
                    Some(*colour)
                }
                _ => None,
            })
        };
        assert_eq!(heading_colour(&bold), Some(ACCENT));
        assert_eq!(heading_colour(&lay_out(&project, &options())), Some(INK));
        assert_eq!(Theme::parse("Bold"), Some(Theme::Bold));
    }
}
