//! What printpdf leaves out, added to its output as PDF objects: a nested outline
//! (bookmarks per section and block; printpdf's is flat), page labels (the cover is
//! "Cover", then pages count from 2 as their footers do), link annotations (citations
//! to the sources appendix, web addresses) and the document's language.

use lopdf::{text_string, Dictionary, Object, ObjectId};

use super::layout::{Document, Item, LinkTarget, OutlineEntry};

/// The language tag written in the catalog, for screen readers and hyphenation.
pub const LANGUAGE: &str = "en-GB";

pub fn add(pdf: &mut lopdf::Document, document: &Document) {
    let pages: Vec<ObjectId> = pdf.get_pages().values().copied().collect();
    add_links(pdf, document, &pages);
    let outline = add_outline(pdf, &document.outline, &pages, document.page_size.1);
    let labels = page_labels();
    let catalog = pdf.catalog_mut().expect("printpdf writes a catalog");
    if let Some(outline) = outline {
        catalog.set("Outlines", outline);
        catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    }
    catalog.set("PageLabels", labels);
    catalog.set("Lang", text_string(LANGUAGE));
}

/// A destination: a point on a page, the view's left edge and zoom left as they are.
fn destination(page: ObjectId, top: f32) -> Object {
    Object::Array(vec![
        Object::Reference(page),
        Object::Name(b"XYZ".to_vec()),
        Object::Null,
        Object::Real(top),
        Object::Null,
    ])
}

fn add_links(pdf: &mut lopdf::Document, document: &Document, pages: &[ObjectId]) {
    let height = document.page_size.1;
    for (index, page) in document.pages.iter().enumerate() {
        let mut annotations = Vec::new();
        for item in &page.items {
            let Item::Link {
                x,
                y,
                width,
                height: link_height,
                target,
            } = item
            else {
                continue;
            };
            let mut link = Dictionary::new();
            link.set("Type", Object::Name(b"Annot".to_vec()));
            link.set("Subtype", Object::Name(b"Link".to_vec()));
            link.set(
                "Rect",
                vec![
                    Object::Real(*x),
                    Object::Real(height - y - link_height),
                    Object::Real(x + width),
                    Object::Real(height - y),
                ],
            );
            link.set("Border", vec![0.into(), 0.into(), 0.into()]);
            match target {
                LinkTarget::Uri(uri) => {
                    let mut action = Dictionary::new();
                    action.set("S", Object::Name(b"URI".to_vec()));
                    action.set("URI", Object::string_literal(uri.as_bytes()));
                    link.set("A", action);
                }
                LinkTarget::Citation(number) => {
                    let Some(&(page, top)) = document.citation_anchors.get(number - 1) else {
                        continue;
                    };
                    link.set("Dest", destination(pages[page], height - top));
                }
            }
            annotations.push(Object::Reference(pdf.add_object(link)));
        }
        if annotations.is_empty() {
            continue;
        }
        if let Ok(page) = pdf.get_dictionary_mut(pages[index]) {
            page.set("Annots", annotations);
        }
    }
}

fn page_labels() -> Object {
    let mut cover = Dictionary::new();
    cover.set("P", text_string("Cover"));
    let mut numbered = Dictionary::new();
    numbered.set("S", Object::Name(b"D".to_vec()));
    numbered.set("St", 2);
    let mut labels = Dictionary::new();
    labels.set(
        "Nums",
        vec![
            Object::Integer(0),
            Object::Dictionary(cover),
            Object::Integer(1),
            Object::Dictionary(numbered),
        ],
    );
    Object::Dictionary(labels)
}

/// Writes the outline tree; returns the reference to its root, if there are entries.
fn add_outline(
    pdf: &mut lopdf::Document,
    entries: &[OutlineEntry],
    pages: &[ObjectId],
    page_height: f32,
) -> Option<Object> {
    if entries.is_empty() {
        return None;
    }
    let root = pdf.new_object_id();
    let (first, last, count) = add_level(pdf, entries, root, pages, page_height);
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"Outlines".to_vec()));
    dict.set("First", first);
    dict.set("Last", last);
    dict.set("Count", count);
    pdf.objects.insert(root, Object::Dictionary(dict));
    Some(Object::Reference(root))
}

/// Writes one level of siblings under `parent`; returns (first, last, visible count).
fn add_level(
    pdf: &mut lopdf::Document,
    entries: &[OutlineEntry],
    parent: ObjectId,
    pages: &[ObjectId],
    page_height: f32,
) -> (ObjectId, ObjectId, i64) {
    let ids: Vec<ObjectId> = entries.iter().map(|_| pdf.new_object_id()).collect();
    let mut visible = entries.len() as i64;
    for (i, entry) in entries.iter().enumerate() {
        let mut item = Dictionary::new();
        item.set("Title", text_string(&entry.title));
        item.set("Parent", parent);
        if i > 0 {
            item.set("Prev", ids[i - 1]);
        }
        if let Some(next) = ids.get(i + 1) {
            item.set("Next", *next);
        }
        let page = pages[entry.page.min(pages.len() - 1)];
        item.set("Dest", destination(page, page_height - entry.y));
        if !entry.children.is_empty() {
            let (first, last, count) = add_level(pdf, &entry.children, ids[i], pages, page_height);
            item.set("First", first);
            item.set("Last", last);
            // Sections open in the bookmark pane: their blocks count as visible.
            item.set("Count", count);
            visible += count;
        }
        pdf.objects.insert(ids[i], Object::Dictionary(item));
    }
    (ids[0], ids[ids.len() - 1], visible)
}
