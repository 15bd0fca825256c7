//! The sources appendix (numbered citations, each a link target) and the page footers: the
//! parts laid out last, once every citation and page is known.

use super::flow::{Flow, Paragraph};
use super::style::{
    Geometry, TextStyle, ACCENT, FOOTER, INK, MARGIN_BOTTOM, MARGIN_X, MUTED, RULE, SECTION_TITLE,
    SOURCE,
};
use super::{Item, LinkTarget, Page};
use crate::briefing::fonts::FontStyle;

const SOURCE_ENTRY: TextStyle = TextStyle {
    font: FontStyle::Regular,
    size: 9.5,
    leading: 13.0,
    colour: INK,
};

/// The sources appendix: each citation numbered, its link clickable. Returns where each
/// entry starts, so the "[n]" marks in the briefing can link to it.
pub(super) fn lay_out_sources(flow: &mut Flow) -> Vec<(usize, f32)> {
    if flow.citations.list.is_empty() {
        return Vec::new();
    }
    let geo = flow.geo;
    let heading = Paragraph::new(SECTION_TITLE, "Sources", geo.content_width);
    flow.new_page();
    let entry = flow.here("Sources");
    flow.outline.push(entry);
    let y = flow.y;
    let y = heading.place(flow.page(), MARGIN_X, y) + 6.0;
    flow.page().items.push(Item::Rect {
        x: MARGIN_X,
        y,
        width: geo.content_width,
        height: 0.8,
        colour: RULE,
    });
    flow.y = y + 14.0;
    let number_width = 28.0;
    let width = geo.content_width - number_width;
    let mut anchors = Vec::new();
    for (index, citation) in flow.citations.list.clone().iter().enumerate() {
        let mut text = citation.source.clone();
        if let Some(date) = &citation.date {
            text.push_str(&format!(" ({date})"));
        }
        let entry = Paragraph::new(SOURCE_ENTRY, &text, width).clamped(12, width);
        let link = citation.link.as_deref().map(|link| {
            Paragraph::new(SOURCE.with_colour(ACCENT), link, width)
                .clamped(6, width)
                .linked(
                    citation
                        .web_link()
                        .map(|uri| LinkTarget::Uri(uri.to_string())),
                )
        });
        let height = entry.height() + link.as_ref().map_or(0.0, Paragraph::height);
        flow.reserve(height);
        anchors.push((flow.pages.len() - 1, flow.y));
        let y = flow.y;
        Paragraph::new(
            SOURCE_ENTRY.with_colour(MUTED),
            &format!("[{}]", index + 1),
            number_width,
        )
        .place(flow.page(), MARGIN_X, y);
        let mut y = entry.place(flow.page(), MARGIN_X + number_width, y);
        if let Some(link) = link {
            y = link.place(flow.page(), MARGIN_X + number_width, y);
        }
        flow.y = y + 8.0;
    }
    anchors
}

pub(super) fn add_footers(pages: &mut [Page], title: &str, geo: Geometry) {
    let total = pages.len();
    for (index, page) in pages.iter_mut().enumerate().skip(1) {
        let y = geo.height - MARGIN_BOTTOM + 30.0;
        page.items.push(Item::Rect {
            x: MARGIN_X,
            y: y - 8.0,
            width: geo.content_width,
            height: 0.6,
            colour: RULE,
        });
        let number = Paragraph::new(
            FOOTER,
            &format!("Page {} of {}", index + 1, total),
            geo.content_width,
        );
        let number_width = number.lines[0].width();
        number.place(page, geo.width - MARGIN_X - number_width, y);
        let width = geo.content_width - number_width - 24.0;
        Paragraph::new(FOOTER, title, width)
            .clamped(1, width)
            .place(page, MARGIN_X, y);
    }
}
