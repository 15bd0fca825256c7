//! The exported briefing, read back as a PDF reader would: structure with lopdf, text with
//! poppler's pdftotext (installed by scripts/setup.sh).

use std::process::Command;

use casewright_core::briefing::{export_pdf, layout, BriefingOptions};
use casewright_core::exchange::sample_project;
use casewright_test_support::briefing_options;

fn pdftotext(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("briefing.pdf");
    std::fs::write(&pdf, bytes).unwrap();
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed: run scripts/setup.sh");
    assert!(
        out.status.success(),
        "pdftotext failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Collapses whitespace so wrapped lines compare with the source text.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_pdf_parses_with_one_page_per_laid_out_page() {
    let project = sample_project();
    let bytes = export_pdf(&project, &briefing_options());
    assert!(bytes.starts_with(b"%PDF-"));
    let doc = lopdf::Document::load_mem(&bytes).expect("lopdf parses the briefing");
    let expected = layout::lay_out(&project, &briefing_options()).pages.len();
    assert_eq!(doc.get_pages().len(), expected);
    assert!(expected >= 3, "a cover and the storyboard");
}

#[test]
fn the_fonts_are_embedded_and_subset() {
    let bytes = export_pdf(&sample_project(), &briefing_options());
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let mut embedded = Vec::new();
    for object in doc.objects.values() {
        if let Ok(dict) = object.as_dict() {
            if dict.has(b"FontFile2") {
                let name = dict.get(b"FontName").and_then(|n| n.as_name()).unwrap();
                embedded.push(String::from_utf8_lossy(name).into_owned());
            }
        }
    }
    embedded.sort();
    // Regular, bold and italic, and the fallback for the arrows the sample's metrics print.
    assert_eq!(
        embedded,
        [
            "CWDJVS+DejaVuSans",
            "CWNSBD+NotoSans-Bold",
            "CWNSIT+NotoSans-Italic",
            "CWNSRG+NotoSans-Regular"
        ]
    );
    // Subsetting keeps the file small though each full font is about half a megabyte.
    assert!(bytes.len() < 400_000, "briefing is {} bytes", bytes.len());
}

#[test]
fn the_text_can_be_extracted_in_reading_order() {
    let project = sample_project();
    let text = words(&pdftotext(&export_pdf(&project, &briefing_options())));
    assert!(text.contains("EXECUTIVE BRIEFING"));
    assert!(
        text.contains(&words(&project.title)),
        "title missing from:\n{text}"
    );
    let mut from = 0;
    for section in &project.sections {
        let at = text[from..]
            .find(&words(&section.title))
            .unwrap_or_else(|| panic!("section {:?} missing or out of order", section.title));
        from += at;
        for block in &section.blocks {
            let title = words(&block.title);
            assert!(text.contains(&title), "block {title:?} missing");
            if !block.body.is_empty() {
                let start: String = words(&block.body)
                    .split(' ')
                    .take(6)
                    .collect::<Vec<_>>()
                    .join(" ");
                assert!(text.contains(&start), "body {start:?} missing");
            }
        }
    }
    let pages = lopdf::Document::load_mem(&export_pdf(&project, &briefing_options()))
        .unwrap()
        .get_pages()
        .len();
    assert!(text.contains(&format!("Page 2 of {pages}")));
}

#[test]
fn the_same_project_gives_the_same_bytes() {
    let project = sample_project();
    assert_eq!(
        export_pdf(&project, &briefing_options()),
        export_pdf(&project, &briefing_options())
    );
    let mut changed = project.clone();
    changed.title.push('!');
    assert_ne!(
        export_pdf(&project, &briefing_options()),
        export_pdf(&changed, &briefing_options())
    );
}

#[test]
fn hostile_text_is_typeset_not_interpreted() {
    let mut project = sample_project();
    project.title = "(Board) <script>alert(1)</script> \\) Tj ET %%EOF 🙂 \u{202e}".into();
    project.sections[0].blocks[0].body = "\0\u{1}\u{7f} ) ( \\ endstream endobj".repeat(50);
    let bytes = export_pdf(&project, &briefing_options());
    let doc = lopdf::Document::load_mem(&bytes).expect("still a valid PDF");
    assert!(doc.get_pages().len() >= 3);
    let text = words(&pdftotext(&bytes));
    // The title may wrap after "</"; each piece must come out as typed.
    for piece in ["(Board) <script>alert(1)</", "\\) Tj ET %%EOF"] {
        assert!(text.contains(piece), "{piece:?} missing from {text:?}");
    }
}

#[test]
fn symbols_fall_back_and_a_character_no_font_has_is_named() {
    let mut project = sample_project();
    project.sections[0].blocks[0].body = "Lead time 19 → 12 days ✓, and 🚀 launch.".into();
    let document = layout::lay_out(&project, &briefing_options());
    assert_eq!(
        document.warnings(),
        vec!["“🚀” (U+1F680 ROCKET) is not in the bundled fonts and prints as a box; replace or remove it".to_string()]
    );
    let bytes = casewright_core::briefing::pdf::write(&document, &briefing_options());
    let text = pdftotext(&bytes);
    assert!(
        text.contains("19 → 12 days ✓"),
        "the arrow and tick print as text: {text}"
    );
    // The fallback font is embedded (subset) only because it is used.
    let pdf = lopdf::Document::load_mem(&bytes).unwrap();
    let fonts: Vec<String> = pdf
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter_map(|d| {
            d.get(b"BaseFont")
                .ok()?
                .as_name()
                .ok()
                .map(|n| String::from_utf8_lossy(n).into_owned())
        })
        .collect();
    assert!(
        fonts.iter().any(|f| f.ends_with("+DejaVuSans")),
        "{fonts:?}"
    );
    assert!(layout::lay_out(&sample_project(), &briefing_options())
        .warnings()
        .is_empty());
}

/// The outline as (depth, title, page number from 1), read back with lopdf.
fn outline(doc: &lopdf::Document) -> Vec<(usize, String, u32)> {
    let page_numbers: std::collections::HashMap<lopdf::ObjectId, u32> =
        doc.get_pages().into_iter().map(|(n, id)| (id, n)).collect();
    let title =
        |dict: &lopdf::Dictionary| lopdf::decode_text_string(dict.get(b"Title").unwrap()).unwrap();
    fn walk(
        doc: &lopdf::Document,
        first: Option<lopdf::ObjectId>,
        depth: usize,
        out: &mut Vec<(usize, String, u32)>,
        title: &dyn Fn(&lopdf::Dictionary) -> String,
        pages: &std::collections::HashMap<lopdf::ObjectId, u32>,
    ) {
        let mut next = first;
        while let Some(id) = next {
            let item = doc.get_dictionary(id).unwrap();
            let dest = item.get(b"Dest").unwrap().as_array().unwrap();
            let page = pages[&dest[0].as_reference().unwrap()];
            out.push((depth, title(item), page));
            let child = item.get(b"First").ok().map(|o| o.as_reference().unwrap());
            walk(doc, child, depth + 1, out, title, pages);
            next = item.get(b"Next").ok().map(|o| o.as_reference().unwrap());
        }
    }
    let catalog = doc.catalog().unwrap();
    let root = doc
        .get_dictionary(catalog.get(b"Outlines").unwrap().as_reference().unwrap())
        .unwrap();
    let mut out = Vec::new();
    let first = root.get(b"First").ok().map(|o| o.as_reference().unwrap());
    walk(doc, first, 0, &mut out, &title, &page_numbers);
    out
}

#[test]
fn bookmarks_nest_blocks_under_sections_and_point_at_their_pages() {
    let mut project = sample_project();
    project.sections[1].title = "Ce que nous gagnons → résultats".into();
    let document = layout::lay_out(&project, &briefing_options());
    let bytes = casewright_core::briefing::pdf::write(&document, &briefing_options());
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let entries = outline(&doc);

    let mut expected = vec![
        (0, "Cover".to_string()),
        (0, "Executive summary".to_string()),
    ];
    for section in &project.sections {
        expected.push((0, section.title.clone()));
        expected.extend(section.blocks.iter().map(|b| (1, b.title.clone())));
    }
    expected.push((0, "Sources".to_string()));
    let shape: Vec<(usize, String)> = entries.iter().map(|(d, t, _)| (*d, t.clone())).collect();
    assert_eq!(shape, expected);

    // Each bookmark's page shows its title.
    for (_, title, page) in &entries[1..] {
        let on_page = words(&document.page_text(*page as usize - 1).join(" "));
        let first_words: String = words(title).chars().take(20).collect();
        assert!(
            on_page.contains(&first_words),
            "“{title}” is not on page {page}"
        );
    }
    assert!(
        entries.windows(2).all(|w| w[0].2 <= w[1].2),
        "bookmarks run in page order"
    );

    let catalog = doc.catalog().unwrap();
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"en-GB");
    let labels = catalog.get(b"PageLabels").unwrap().as_dict().unwrap();
    let nums = labels.get(b"Nums").unwrap().as_array().unwrap();
    assert_eq!(nums.len(), 4, "the cover, then numbered pages");
}

#[test]
fn citations_link_to_the_sources_appendix_and_web_sources_are_clickable() {
    let mut project = sample_project();
    let cited = &mut project.sections[2].blocks[0];
    cited.source = Some("Harbourline annual report".into());
    cited.source_link = Some("https://example.org/harbourline/2025-report".into());
    cited.source_date = Some("2025-03".into());
    let document = layout::lay_out(&project, &briefing_options());
    let bytes = casewright_core::briefing::pdf::write(&document, &briefing_options());
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let pages: Vec<lopdf::ObjectId> = doc.get_pages().values().copied().collect();
    let appendix = pages.len() - 1;
    assert!(document.page_text(appendix).iter().any(|l| l == "Sources"));

    let mut uris = Vec::new();
    let mut internal = Vec::new();
    for (index, page) in pages.iter().enumerate() {
        let page = doc.get_dictionary(*page).unwrap();
        let Ok(annots) = page.get(b"Annots").and_then(|a| a.as_array()) else {
            continue;
        };
        for annot in annots {
            let annot = doc.get_dictionary(annot.as_reference().unwrap()).unwrap();
            assert_eq!(annot.get(b"Subtype").unwrap().as_name().unwrap(), b"Link");
            if let Ok(action) = annot.get(b"A").and_then(|a| a.as_dict()) {
                uris.push((
                    index,
                    action.get(b"URI").unwrap().as_str().unwrap().to_vec(),
                ));
            }
            if let Ok(dest) = annot.get(b"Dest").and_then(|d| d.as_array()) {
                let target = dest[0].as_reference().unwrap();
                internal.push((index, pages.iter().position(|p| *p == target).unwrap()));
            }
        }
    }
    assert_eq!(
        uris,
        vec![(
            appendix,
            b"https://example.org/harbourline/2025-report".to_vec()
        )],
        "the web source is clickable in the appendix"
    );
    let cited_blocks = project
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter(|b| b.source.is_some())
        .count();
    assert_eq!(
        internal.len(),
        cited_blocks,
        "each cited block links to its source"
    );
    assert!(internal
        .iter()
        .all(|&(from, to)| from < appendix && to == appendix));
    let text = words(&pdftotext(&bytes));
    assert!(
        text.contains("Harbourline annual report (2025-03)"),
        "{text}"
    );
    assert!(text.contains("Source: Harbourline annual report"));
}

/// Renders page `page` (from 1) at 24 dpi in grey with pdftoppm; returns (width, height, pixels).
fn render(pdf: &[u8], page: usize) -> (usize, usize, Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftoppm")
        .args([
            "-r",
            "24",
            "-gray",
            "-f",
            &page.to_string(),
            "-l",
            &page.to_string(),
        ])
        .arg(&path)
        .output()
        .expect("pdftoppm (poppler-utils) must be installed: run scripts/setup.sh");
    assert!(out.status.success());
    parse_pgm(&out.stdout)
}

fn parse_pgm(bytes: &[u8]) -> (usize, usize, Vec<u8>) {
    // "P5\n<w> <h>\n255\n" then one byte a pixel.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&bytes[start..at]).into_owned());
    }
    assert_eq!(fields[0], "P5");
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    (w, h, bytes[at + 1..at + 1 + w * h].to_vec())
}

#[test]
fn pages_look_like_their_reference_renders() {
    // Low-resolution renders of the sample's cover, summary and first section, committed
    // in tests/fixtures/renders. A layout change shows up as many changed pixels; small
    // differences between poppler versions do not. UPDATE_RENDERS=1 rewrites them.
    let bytes = export_pdf(&sample_project(), &briefing_options());
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/renders");
    for page in 1..=3 {
        let (w, h, pixels) = render(&bytes, page);
        let reference = dir.join(format!("sample-page-{page}.pgm"));
        if std::env::var_os("UPDATE_RENDERS").is_some() {
            std::fs::create_dir_all(&dir).unwrap();
            let mut file = format!("P5\n{w} {h}\n255\n").into_bytes();
            file.extend(&pixels);
            std::fs::write(&reference, file).unwrap();
            continue;
        }
        let (rw, rh, expected) = parse_pgm(&std::fs::read(&reference).unwrap());
        assert_eq!((w, h), (rw, rh), "page {page} changed size");
        let changed = pixels
            .iter()
            .zip(&expected)
            .filter(|(a, b)| a.abs_diff(**b) > 48)
            .count();
        let share = changed as f64 / pixels.len() as f64;
        assert!(
            share < 0.01,
            "page {page}: {:.2}% of pixels differ from {}",
            share * 100.0,
            reference.display()
        );
    }
}

#[test]
fn a_moved_block_is_caught_by_the_reference_comparison() {
    // The comparison is sharp enough to see a real layout change: swapping two blocks.
    let mut project = sample_project();
    project.sections[0].blocks.swap(0, 3);
    let bytes = export_pdf(&project, &briefing_options());
    let (_, _, pixels) = render(&bytes, 3);
    let reference = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/renders/sample-page-3.pgm");
    let (_, _, expected) = parse_pgm(&std::fs::read(reference).unwrap());
    let changed = pixels
        .iter()
        .zip(&expected)
        .filter(|(a, b)| a.abs_diff(**b) > 48)
        .count();
    assert!(changed as f64 / pixels.len() as f64 >= 0.01);
}

fn encoded_jpeg() -> Vec<u8> {
    let picture = image::RgbImage::from_fn(300, 100, |x, y| image::Rgb([x as u8, y as u8, 140]));
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80)
        .encode_image(&picture)
        .unwrap();
    out
}

/// The image XObjects of a PDF: (filter, bytes as stored, has a soft mask).
fn image_objects(bytes: &[u8]) -> Vec<(String, Vec<u8>, bool)> {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    doc.objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| {
            s.dict.get(b"Subtype").and_then(|t| t.as_name()).ok() == Some(b"Image".as_slice())
                && s.dict.get(b"ColorSpace").and_then(|c| c.as_name()).ok()
                    != Some(b"DeviceGray".as_slice())
        })
        .map(|s| {
            let filter = s
                .dict
                .get(b"Filter")
                .and_then(|f| f.as_name())
                .map(|n| String::from_utf8_lossy(n).into_owned())
                .unwrap_or_default();
            (filter, s.content.clone(), s.dict.has(b"SMask"))
        })
        .collect()
}

#[test]
fn a_jpeg_logo_is_embedded_unchanged_and_a_png_keeps_its_transparency() {
    use casewright_core::briefing::images;
    use casewright_core::briefing::layout::LOGO_BOX;
    let jpeg = encoded_jpeg();
    let with_logo = |file: &[u8]| {
        let logo = images::prepare(file, LOGO_BOX.0, LOGO_BOX.1).unwrap();
        export_pdf(
            &sample_project(),
            &BriefingOptions {
                logo: Some(logo),
                ..briefing_options()
            },
        )
    };
    let pdf = with_logo(&jpeg);
    assert_eq!(
        image_objects(&pdf),
        vec![("DCTDecode".to_string(), jpeg, false)]
    );

    let png = {
        let picture =
            image::RgbaImage::from_fn(120, 40, |x, _| image::Rgba([20, 90, 160, (x * 2) as u8]));
        let mut out = std::io::Cursor::new(Vec::new());
        picture.write_to(&mut out, image::ImageFormat::Png).unwrap();
        out.into_inner()
    };
    let objects = image_objects(&with_logo(&png));
    assert_eq!(objects.len(), 1);
    assert!(objects[0].2, "the PNG's alpha is a soft mask");
    // The logo shows on the cover: the rendered page has ink where the logo sits.
    let (w, _, pixels) = render(&pdf, 1);
    let scale = 24.0 / 72.0;
    let (x, y) = ((64.0 + 40.0) * scale, (84.0 + 20.0) * scale);
    let at = (y as usize) * w + x as usize;
    assert!(pixels[at] < 200, "the logo is drawn on the cover");
}

#[test]
fn european_scripts_print_and_the_tags_become_keywords() {
    let mut project = sample_project();
    let lines = [
        "Zażółć gęślą jaźń — Příliš žluťoučký kůň úpěl ďábelské ódy",
        "Ξεσκεπάζω την ψυχοφθόρα βδελυγμία",
        "Съешь же ещё этих мягких французских булок",
        "Þú ert sæl, Ærø og Øresund, İstanbul ağı, Dziękuję, Ōsaka-style ĳ",
    ];
    project.sections[0].blocks[0].body = lines.join("\n");
    let document = layout::lay_out(&project, &briefing_options());
    assert_eq!(
        document.warnings(),
        Vec::<String>::new(),
        "every letter has a glyph"
    );
    let bytes = casewright_core::briefing::pdf::write(&document, &briefing_options());
    let text = words(&pdftotext(&bytes));
    for line in lines {
        assert!(
            text.contains(&words(line)),
            "{line:?} is not in the PDF's text"
        );
    }
    let info = lopdf::Document::load_mem(&bytes).unwrap();
    let info_id = info.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let keywords = lopdf::decode_text_string(
        info.get_dictionary(info_id)
            .unwrap()
            .get(b"Keywords")
            .unwrap(),
    )
    .unwrap();
    assert!(
        keywords.contains("pilot") && keywords.contains("proof"),
        "{keywords}"
    );
}
