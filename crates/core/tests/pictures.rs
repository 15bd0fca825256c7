//! Pictures in the project file: the logo, the accent colour and block photos, from the
//! moment they are added to the page they print on. A picture in a colleague's file is
//! untrusted: a damaged one is reported by name and left out, not fatal.

use casewright_core::briefing::layout::Item;
use casewright_core::briefing::{layout, BriefingOptions};
use casewright_core::exchange::sample_project;
use casewright_core::model::{ImageRef, Photo};
use casewright_core::pictures::PictureCache;
use casewright_core::storyboard::{Edit, Storyboard};
use casewright_core::{BlockKind, ProjectFile};
use casewright_test_support::{briefing_options, sample_file};
use rusqlite::Connection;

fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let picture = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, 140])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80)
        .encode_image(&picture)
        .unwrap();
    out
}

/// Puts `picture` on the first story of the storyboard, with a caption; returns its title.
fn photograph_first_story(board: &mut Storyboard, picture: ImageRef) -> String {
    let project = board.project().unwrap();
    let mut story = project
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .find(|b| b.kind == BlockKind::Story)
        .unwrap()
        .clone();
    story.photo = Some(Photo {
        image: picture,
        caption: "The night shift's problem board, a week into the pilot".into(),
    });
    board
        .apply(&Edit::UpdateBlock {
            block: story.clone(),
        })
        .unwrap();
    story.title
}

#[test]
fn a_picture_is_stored_once_and_a_small_jpeg_is_kept_byte_for_byte() {
    let file = ProjectFile::in_memory(&sample_project()).unwrap();
    let bytes = jpeg(640, 480);
    let first = file.add_image(&bytes).unwrap();
    let again = file.add_image(&bytes).unwrap();
    assert_eq!(first, again);
    assert_eq!((first.width, first.height), (640, 480));
    assert_eq!(file.image_bytes(first.id).unwrap(), Some(bytes));
}

#[test]
fn a_picture_bigger_than_print_needs_is_stored_smaller() {
    use casewright_core::briefing::images::STORE_MAX_SIDE;
    let file = ProjectFile::in_memory(&sample_project()).unwrap();
    let big = file.add_image(&jpeg(4000, 1000)).unwrap();
    assert_eq!(
        (big.width, big.height),
        (STORE_MAX_SIDE, STORE_MAX_SIDE / 4)
    );
    let stored = file.image_bytes(big.id).unwrap().unwrap();
    let decoded = image::load_from_memory(&stored).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (big.width, big.height));
}

#[test]
fn what_is_not_a_usable_picture_is_refused_and_nothing_is_stored() {
    let file = ProjectFile::in_memory(&sample_project()).unwrap();
    let mut truncated = jpeg(200, 200);
    truncated.truncate(truncated.len() / 2);
    for (bytes, code) in [
        (b"GIF89a not ours".to_vec(), "not_an_image"),
        (
            b"<svg xmlns='http://www.w3.org/2000/svg'/>".to_vec(),
            "not_an_image",
        ),
        (truncated, "image_damaged"),
    ] {
        let err = file.add_image(&bytes).unwrap_err();
        assert_eq!(err.code(), code, "{err}");
    }
    // Nothing was stored: the next picture gets the first id.
    assert_eq!(file.add_image(&jpeg(10, 10)).unwrap().id, 1);
}

#[test]
fn branding_is_saved_in_the_file_and_undoes() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "case.casewright");
    let mut board = Storyboard::new(ProjectFile::open(&path).unwrap());
    let logo = board.file().add_image(&jpeg(300, 100)).unwrap();
    board
        .apply(&Edit::SetBranding {
            logo: Some(logo),
            accent: Some("#7A1F5C".into()),
        })
        .unwrap();
    board.into_file().close().unwrap();

    let mut board = Storyboard::new(ProjectFile::open(&path).unwrap());
    let project = board.project().unwrap();
    assert_eq!(project.logo, Some(logo));
    assert_eq!(project.accent.as_deref(), Some("#7A1F5C"));

    board
        .apply(&Edit::SetBranding {
            logo: None,
            accent: None,
        })
        .unwrap();
    assert_eq!(board.project().unwrap().logo, None);
    board.undo().unwrap();
    assert_eq!(board.project().unwrap().logo, Some(logo));
    assert_eq!(board.project().unwrap().accent.as_deref(), Some("#7A1F5C"));
}

#[test]
fn branding_that_is_not_a_colour_or_not_a_stored_picture_is_refused() {
    let mut board = Storyboard::new(ProjectFile::in_memory(&sample_project()).unwrap());
    let err = board
        .apply(&Edit::SetBranding {
            logo: None,
            accent: Some("navy".into()),
        })
        .unwrap_err();
    assert!(err.to_string().contains("#RRGGBB"), "{err}");
    let err = board
        .apply(&Edit::SetBranding {
            logo: Some(ImageRef {
                id: 99,
                width: 1,
                height: 1,
            }),
            accent: None,
        })
        .unwrap_err();
    assert!(
        err.to_string().contains("not a picture in this project"),
        "{err}"
    );
    assert_eq!(board.project().unwrap().logo, None);
    assert!(!board.can_undo());
}

#[test]
fn a_photo_and_its_caption_stay_with_the_block_and_undo() {
    let mut board = Storyboard::new(ProjectFile::in_memory(&sample_project()).unwrap());
    let picture = board.file().add_image(&jpeg(800, 600)).unwrap();
    let title = photograph_first_story(&mut board, picture);
    let photo_of = |board: &Storyboard| {
        board
            .project()
            .unwrap()
            .all_blocks()
            .find(|b| b.title == title)
            .unwrap()
            .photo
            .clone()
    };
    let photo = photo_of(&board).expect("the story has its photo");
    assert_eq!(photo.image, picture);
    assert!(photo.caption.starts_with("The night shift"));
    board.undo().unwrap();
    assert_eq!(photo_of(&board), None);
    board.redo().unwrap();
    assert_eq!(photo_of(&board).map(|p| p.image), Some(picture));
}

#[test]
fn pictures_nothing_uses_are_dropped_when_the_file_closes() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "case.casewright");
    let mut board = Storyboard::new(ProjectFile::open(&path).unwrap());
    let used = board.file().add_image(&jpeg(64, 64)).unwrap();
    let unused = board.file().add_image(&jpeg(32, 32)).unwrap();
    photograph_first_story(&mut board, used);
    board.into_file().close().unwrap();
    let file = ProjectFile::open(&path).unwrap();
    assert!(file.image_bytes(used.id).unwrap().is_some());
    assert_eq!(file.image_bytes(unused.id).unwrap(), None);
}

#[test]
fn a_photo_the_file_does_not_hold_makes_the_file_refused_as_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "case.casewright");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(
        "PRAGMA foreign_keys = OFF; UPDATE block SET photo_image = 42 WHERE id = 1;",
    )
    .unwrap();
    conn.close().unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = match ProjectFile::open(&path) {
        Ok(_) => panic!("a file with a dangling photo opened"),
        Err(err) => err,
    };
    assert_eq!(err.code(), "corrupt");
    assert!(err.to_string().contains("photo (42)"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn the_photo_prints_in_its_card_with_its_caption_and_the_jpeg_unchanged() {
    let mut board = Storyboard::new(ProjectFile::in_memory(&sample_project()).unwrap());
    let bytes = jpeg(900, 600);
    let picture = board.file().add_image(&bytes).unwrap();
    let title = photograph_first_story(&mut board, picture);
    let project = board.project().unwrap();
    let options = PictureCache::default().complete(board.file(), &project, briefing_options());
    let document = layout::lay_out(&project, &options);
    assert!(document.warnings().is_empty(), "{:?}", document.warnings());
    let (page, image) = document
        .pages
        .iter()
        .enumerate()
        .find_map(|(i, p)| {
            p.items.iter().find_map(|item| match item {
                Item::Image { .. } => Some((i, item.clone())),
                _ => None,
            })
        })
        .expect("the photo is placed");
    let Item::Image {
        x,
        y,
        width,
        height,
        image,
    } = image
    else {
        unreachable!()
    };
    assert_eq!(document.images[image].width, 900);
    assert!((width / height - 1.5).abs() < 0.01, "keeps its proportions");
    assert!(x >= 64.0 && x + width <= document.page_size.0 - 64.0);
    assert!(y + height <= document.page_size.1 - 76.0);
    let text = document.page_text(page).join(" ");
    let (at_title, at_caption) = (
        text.find(&title)
            .expect("the story's title is on the photo's page"),
        text.find("The night shift").expect("the caption prints"),
    );
    assert!(at_title < at_caption);

    let pdf = casewright_core::briefing::pdf::write(&document, &options);
    let raw = lopdf::Document::load_mem(&pdf).unwrap();
    let embedded: Vec<&[u8]> = raw
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| {
            s.dict.get(b"Subtype").and_then(|t| t.as_name()).ok() == Some(b"Image".as_slice())
        })
        .map(|s| s.content.as_slice())
        .collect();
    assert_eq!(embedded, vec![bytes.as_slice()]);
}

#[test]
fn a_damaged_stored_picture_is_named_and_left_out_while_the_rest_prints() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path(), "case.casewright");
    let mut board = Storyboard::new(ProjectFile::open(&path).unwrap());
    let photo = board.file().add_image(&jpeg(400, 300)).unwrap();
    let logo = board.file().add_image(&jpeg(200, 80)).unwrap();
    let title = photograph_first_story(&mut board, photo);
    board
        .apply(&Edit::SetBranding {
            logo: Some(logo),
            accent: None,
        })
        .unwrap();
    board.into_file().close().unwrap();
    // A colleague's copy whose photo was damaged on the way.
    let conn = Connection::open(&path).unwrap();
    conn.execute(
        "UPDATE image SET bytes = x'ffd8ffe000104a46' WHERE id = ?1",
        [photo.id],
    )
    .unwrap();
    conn.close().unwrap();

    let file = ProjectFile::open(&path).unwrap();
    let out = dir.path().join("briefing.pdf");
    let exported = casewright_core::jobs::export_briefing(
        &file,
        &briefing_options(),
        &mut PictureCache::default(),
        &out,
    )
    .unwrap();
    assert_eq!(exported.warnings.len(), 1, "{:?}", exported.warnings);
    assert!(
        exported.warnings[0].contains(&title),
        "{:?}",
        exported.warnings
    );
    assert!(exported.pages > 3);
    // The logo still prints.
    let pdf = std::fs::read(&out).unwrap();
    let raw = lopdf::Document::load_mem(&pdf).unwrap();
    let images = raw
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| {
            s.dict.get(b"Subtype").and_then(|t| t.as_name()).ok() == Some(b"Image".as_slice())
        })
        .count();
    assert_eq!(images, 1);
}

#[test]
fn the_saved_accent_colours_the_briefing_unless_the_export_sets_another() {
    let mut board = Storyboard::new(ProjectFile::in_memory(&sample_project()).unwrap());
    board
        .apply(&Edit::SetBranding {
            logo: None,
            accent: Some("#7a1f5c".into()),
        })
        .unwrap();
    let project = board.project().unwrap();
    let mut cache = PictureCache::default();
    let saved = cache.complete(board.file(), &project, briefing_options());
    assert_eq!(saved.accent, Some(layout::Rgb(0x7a, 0x1f, 0x5c)));
    let chosen = cache.complete(
        board.file(),
        &project,
        BriefingOptions {
            accent: Some(layout::Rgb(0, 0x55, 0)),
            ..briefing_options()
        },
    );
    assert_eq!(chosen.accent, Some(layout::Rgb(0, 0x55, 0)));
}
