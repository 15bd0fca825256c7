//! Writes laid-out pages as PDF through printpdf, which we use as an object writer: we
//! hand it shaped glyph ids (it does not shape), register fonts under fixed names and set
//! the file identifier from the content, so the same input always gives the same bytes.

use std::sync::OnceLock;

use printpdf::{
    Codepoint, Color, FontId, Op, ParsedFont, PdfDocument, PdfFont, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, Rect, TextItem,
};

use super::fonts::{fallback, FontStyle};
use super::images::Pixels;
use super::layout::{Document, Item, Rgb};
use super::{navigation, BriefingOptions};

/// The PDF bytes of a laid-out document.
pub fn write(document: &Document, options: &BriefingOptions) -> Vec<u8> {
    let mut pdf = PdfDocument::new(&document.title);
    let info = &mut pdf.metadata.info;
    info.author = document.author.clone();
    info.creator = "Casewright".into();
    info.producer = "Casewright (printpdf)".into();
    info.subject = "Executive briefing".into();
    info.keywords = document.keywords.clone();
    let date = pdf_date(options);
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
    for style in FontStyle::ALL {
        pdf.resources.fonts.map.insert(
            FontId(style.resource_name().into()),
            PdfFont::new(parsed_font(Some(style)).clone()),
        );
    }
    if uses_fallback(document) {
        pdf.resources.fonts.map.insert(
            FontId(fallback::RESOURCE_NAME.into()),
            PdfFont::new(parsed_font(None).clone()),
        );
    }
    let (width, height) = document.page_size;
    let pages = document.pages.iter().map(|page| {
        let ops = page
            .items
            .iter()
            .flat_map(|item| item_ops(item, height))
            .collect();
        PdfPage::new(
            printpdf::Mm::from(Pt(width)),
            printpdf::Mm::from(Pt(height)),
            ops,
        )
    });
    pdf.with_pages(pages.collect());

    let save = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = pdf.to_lopdf_document(&save, &mut warnings);
    navigation::add(&mut lo, document);
    add_images(&mut lo, document);
    compress_streams(&mut lo);
    // printpdf draws the file identifier from a process-wide counter; derive it from the
    // content instead: serialise with a blank id, then write the digest over it (same
    // length, in the trailer after the cross-reference table, so no offset moves).
    set_file_id(&mut lo, [0u8; 16]);
    let mut bytes = serialise(&mut lo);
    let digest = content_digest(&bytes);
    stamp_file_id(&mut bytes, digest);
    bytes
}

/// Replaces the blank identifier in the trailer of `pdf` with `id`.
fn stamp_file_id(pdf: &mut [u8], id: [u8; 16]) {
    let blank = format!("<{}>", "00".repeat(16));
    let stamped = format!(
        "<{}>",
        id.iter().map(|b| format!("{b:02X}")).collect::<String>()
    );
    let trailer = pdf
        .windows(7)
        .rposition(|w| w == b"trailer")
        .expect("a serialised PDF has a trailer");
    let mut at = trailer;
    while let Some(found) = pdf[at..]
        .windows(blank.len())
        .position(|w| w.eq_ignore_ascii_case(blank.as_bytes()))
    {
        let start = at + found;
        pdf[start..start + blank.len()].copy_from_slice(stamped.as_bytes());
        at = start + blank.len();
    }
}

/// Deflates every stream not yet filtered (page contents, fonts) at zlib's default level,
/// half of them on a second thread. lopdf's own `compress` uses the best level, which
/// took three times as long here for files about one per cent smaller.
fn compress_streams(doc: &mut lopdf::Document) {
    let mut streams: Vec<&mut lopdf::Stream> = doc
        .objects
        .values_mut()
        .filter_map(|object| object.as_stream_mut().ok())
        .filter(|stream| stream.allows_compression && !stream.dict.has(b"Filter"))
        .collect();
    // Alternate by size so both halves get a share of the big streams.
    streams.sort_by_key(|stream| std::cmp::Reverse(stream.content.len()));
    let (mine, theirs): (Vec<_>, Vec<_>) = streams
        .into_iter()
        .enumerate()
        .partition(|(index, _)| index % 2 == 0);
    let deflate_all = |streams: Vec<(usize, &mut lopdf::Stream)>| {
        for (_, stream) in streams {
            deflate(stream);
        }
    };
    std::thread::scope(|scope| {
        scope.spawn(|| deflate_all(theirs));
        deflate_all(mine);
    });
}

fn deflate(stream: &mut lopdf::Stream) {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    encoder
        .write_all(&stream.content)
        .expect("compressing in memory cannot fail");
    let compressed = encoder.finish().expect("compressing in memory cannot fail");
    if compressed.len() + 19 < stream.content.len() {
        stream.dict.set("Filter", "FlateDecode");
        stream.set_content(compressed);
    }
}

fn serialise(doc: &mut lopdf::Document) -> Vec<u8> {
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes)
        .expect("writing a PDF to memory cannot fail");
    bytes
}

fn set_file_id(doc: &mut lopdf::Document, id: [u8; 16]) {
    let id = lopdf::Object::String(id.to_vec(), lopdf::StringFormat::Hexadecimal);
    doc.trailer
        .set("ID", lopdf::Object::Array(vec![id.clone(), id]));
}

/// A 128-bit digest (two FNV-1a passes with different seeds, eight bytes a step): stable
/// across builds and platforms, which std's hasher does not promise. Not for security,
/// only identity.
fn content_digest(bytes: &[u8]) -> [u8; 16] {
    let words = bytes.chunks(8).map(|chunk| {
        let mut word = [0u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        u64::from_le_bytes(word)
    });
    let fnv = |seed: u64| {
        words.clone().fold(seed, |hash, word| {
            (hash ^ word).wrapping_mul(0x0000_0100_0000_01b3)
        })
    };
    let mut digest = [0u8; 16];
    digest[..8].copy_from_slice(&fnv(0xcbf2_9ce4_8422_2325).to_be_bytes());
    digest[8..].copy_from_slice(&fnv(0x6c62_272e_07bb_0142).to_be_bytes());
    digest
}

fn pdf_date(options: &BriefingOptions) -> printpdf::OffsetDateTime {
    use printpdf::date::{Date, Offset, Time};
    printpdf::OffsetDateTime::new_in_offset(
        Date {
            year: options.date.year,
            month: options.date.month,
            day: options.date.day,
        },
        Time {
            hour: 0,
            minute: 0,
            second: 0,
            millisecond: 0,
        },
        Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    )
}

/// Adds each picture as an image XObject (a JPEG as it is, with DCTDecode; pixels with an
/// alpha mask) and draws it on its pages with a content stream of its own.
fn add_images(pdf: &mut lopdf::Document, document: &Document) {
    use lopdf::{Dictionary, Object, Stream};
    if document.images.is_empty() {
        return;
    }
    let objects: Vec<lopdf::ObjectId> = document
        .images
        .iter()
        .map(|image| {
            let mut dict = Dictionary::new();
            dict.set("Type", Object::Name(b"XObject".to_vec()));
            dict.set("Subtype", Object::Name(b"Image".to_vec()));
            dict.set("Width", i64::from(image.width));
            dict.set("Height", i64::from(image.height));
            dict.set("BitsPerComponent", 8);
            match &image.pixels {
                Pixels::Jpeg { bytes, grey } => {
                    let space: &[u8] = if *grey { b"DeviceGray" } else { b"DeviceRGB" };
                    dict.set("ColorSpace", Object::Name(space.to_vec()));
                    dict.set("Filter", Object::Name(b"DCTDecode".to_vec()));
                    pdf.add_object(Stream::new(dict, bytes.clone()).with_compression(false))
                }
                Pixels::Rgb { rgb, alpha } => {
                    dict.set("ColorSpace", Object::Name(b"DeviceRGB".to_vec()));
                    if let Some(alpha) = alpha {
                        let mut mask = Dictionary::new();
                        mask.set("Type", Object::Name(b"XObject".to_vec()));
                        mask.set("Subtype", Object::Name(b"Image".to_vec()));
                        mask.set("Width", i64::from(image.width));
                        mask.set("Height", i64::from(image.height));
                        mask.set("BitsPerComponent", 8);
                        mask.set("ColorSpace", Object::Name(b"DeviceGray".to_vec()));
                        let mask = pdf.add_object(Stream::new(mask, alpha.clone()));
                        dict.set("SMask", mask);
                    }
                    pdf.add_object(Stream::new(dict, rgb.clone()))
                }
            }
        })
        .collect();
    let pages: Vec<lopdf::ObjectId> = pdf.get_pages().values().copied().collect();
    let height = document.page_size.1;
    for (index, page) in document.pages.iter().enumerate() {
        let mut drawing = String::new();
        let mut used = Dictionary::new();
        for item in &page.items {
            if let Item::Image {
                x,
                y,
                width,
                height: h,
                image,
            } = item
            {
                let name = format!("CwIm{image}");
                drawing.push_str(&format!(
                    "q {width:.3} 0 0 {h:.3} {x:.3} {:.3} cm /{name} Do Q\n",
                    height - y - h
                ));
                used.set(name.as_bytes(), objects[*image]);
            }
        }
        if drawing.is_empty() {
            continue;
        }
        let content = pdf.add_object(Stream::new(Dictionary::new(), drawing.into_bytes()));
        let page_id = pages[index];
        let resources = match pdf
            .get_dictionary(page_id)
            .and_then(|p| p.get(b"Resources"))
        {
            Ok(Object::Reference(id)) => Some(*id),
            _ => None,
        };
        let add_xobjects = |resources: &mut Dictionary| match resources.get_mut(b"XObject") {
            Ok(Object::Dictionary(existing)) => existing.extend(&used),
            _ => resources.set("XObject", used.clone()),
        };
        match resources {
            Some(id) => {
                if let Ok(dict) = pdf.get_dictionary_mut(id) {
                    add_xobjects(dict);
                }
            }
            None => {
                let page = pdf.get_dictionary_mut(page_id).expect("a page");
                match page.get_mut(b"Resources") {
                    Ok(Object::Dictionary(dict)) => add_xobjects(dict),
                    _ => {
                        let mut dict = Dictionary::new();
                        add_xobjects(&mut dict);
                        page.set("Resources", dict);
                    }
                }
            }
        }
        let page = pdf.get_dictionary_mut(page_id).expect("a page");
        let contents = match page.get(b"Contents") {
            Ok(Object::Array(list)) => list.clone(),
            Ok(single) => vec![single.clone()],
            Err(_) => Vec::new(),
        };
        let mut contents = contents;
        contents.push(Object::Reference(content));
        page.set("Contents", contents);
    }
}

fn uses_fallback(document: &Document) -> bool {
    document
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .any(|item| match item {
            Item::Text { line, .. } => line.glyphs.iter().any(|g| g.fallback),
            Item::Rect { .. } | Item::Link { .. } | Item::Image { .. } => false,
        })
}

/// A style's font, or the fallback font for `None`. Parsing a font is slow; each is
/// parsed once per process.
fn parsed_font(style: Option<FontStyle>) -> &'static ParsedFont {
    static PARSED: OnceLock<Vec<ParsedFont>> = OnceLock::new();
    let fonts = PARSED.get_or_init(|| {
        FontStyle::ALL
            .iter()
            .map(|s| s.bytes())
            .chain([fallback::BYTES])
            .map(|bytes| {
                ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
                    .expect("bundled fonts parse (tested)")
            })
            .collect()
    });
    &fonts[style.map_or(FontStyle::ALL.len(), |s| s as usize)]
}

fn colour(rgb: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: f32::from(rgb.0) / 255.0,
        g: f32::from(rgb.1) / 255.0,
        b: f32::from(rgb.2) / 255.0,
        icc_profile: None,
    })
}

/// The drawing operations of one item; `page_height` turns top-down positions into PDF's
/// bottom-up ones.
fn item_ops(item: &Item, page_height: f32) -> Vec<Op> {
    match item {
        // Links are annotations, added with the navigation; images are added as XObjects
        // in `add_images`, so a JPEG is embedded as it is.
        Item::Link { .. } | Item::Image { .. } => Vec::new(),
        Item::Rect {
            x,
            y,
            width,
            height,
            colour: fill,
        } => vec![
            Op::SetFillColor { col: colour(*fill) },
            Op::DrawRectangle {
                rectangle: Rect {
                    mode: Some(printpdf::PaintMode::Fill),
                    ..Rect::from_xywh(
                        Pt(*x),
                        Pt(page_height - y - height),
                        Pt(*width),
                        Pt(*height),
                    )
                },
            },
        ],
        Item::Text {
            x,
            baseline,
            colour: fill,
            line,
        } => {
            if line.glyphs.is_empty() {
                return Vec::new();
            }
            let mut ops = vec![
                Op::StartTextSection,
                Op::SetFillColor { col: colour(*fill) },
                Op::SetTextCursor {
                    pos: Point {
                        x: Pt(*x),
                        y: Pt(page_height - baseline),
                    },
                },
            ];
            // One run per font: the pen carries on from one run to the next.
            for run in line.glyphs.chunk_by(|a, b| a.fallback == b.fallback) {
                let font = if run[0].fallback {
                    fallback::RESOURCE_NAME
                } else {
                    line.style.resource_name()
                };
                let glyphs = run
                    .iter()
                    .map(|g| Codepoint {
                        gid: g.id,
                        // TJ adjustments are in thousandths of an em and move the pen back.
                        offset: (g.natural_advance - g.advance) / line.size * 1000.0,
                        cid: (!g.text.is_empty()).then(|| g.text.clone()),
                    })
                    .collect();
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(FontId(font.into())),
                    size: Pt(line.size),
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::GlyphIds(glyphs)],
                });
            }
            ops.push(Op::EndTextSection);
            ops
        }
    }
}
