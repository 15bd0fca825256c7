//! A project's own pictures and colour, gathered for its briefing: the logo and accent
//! saved in the file (unless the caller chose others) and the photos of placed blocks,
//! each prepared for the box it prints in. Preparing a photo means decoding it, so the
//! app keeps one [`PictureCache`] per open project and the live preview pays only once.

use std::collections::HashMap;

use crate::briefing::images::{self, PreparedImage};
use crate::briefing::layout::{Rgb, LOGO_BOX, PHOTO_BOX};
use crate::briefing::BriefingOptions;
use crate::model::Project;
use crate::project_file::ProjectFile;

/// Where a picture prints, which decides the resolution it is prepared at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Placement {
    Logo,
    Photo,
}

/// Pictures of one open project, prepared once. Stored pictures never change under an id
/// while the file is open, so an entry stays good until the project is closed.
#[derive(Debug, Default)]
pub struct PictureCache {
    prepared: HashMap<(i64, Placement), Result<PreparedImage, String>>,
}

impl PictureCache {
    /// `options` completed with the project's pictures and colour. A stored picture that
    /// cannot be used (a colleague's file is untrusted) is left out and named in
    /// `options.warnings`; the rest of the briefing is still made.
    pub fn complete(
        &mut self,
        file: &ProjectFile,
        project: &Project,
        options: BriefingOptions,
    ) -> BriefingOptions {
        self.complete_reporting(file, project, options, |_, _| true)
            .expect("never cancelled")
    }

    /// [`complete`](Self::complete), calling `progress(done, total)` as each picture is
    /// ready; `None` if `progress` returns false (the user cancelled).
    pub fn complete_reporting(
        &mut self,
        file: &ProjectFile,
        project: &Project,
        mut options: BriefingOptions,
        mut progress: impl FnMut(u32, u32) -> bool,
    ) -> Option<BriefingOptions> {
        if options.accent.is_none() {
            options.accent = project.accent.as_deref().and_then(Rgb::parse_hex);
        }
        let photos: Vec<&crate::model::Block> = project
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter(|b| b.photo.is_some())
            .collect();
        let total = (photos.len() + usize::from(project.logo.is_some())) as u32;
        let mut done = 0;
        if !progress(done, total) {
            return None;
        }
        if options.logo.is_none() {
            if let Some(logo) = project.logo {
                match self.get(file, logo.id, Placement::Logo) {
                    Ok(prepared) => options.logo = Some(prepared.clone()),
                    Err(why) => options
                        .warnings
                        .push(format!("The logo was left out: {why}")),
                }
            }
        }
        if project.logo.is_some() {
            done += 1;
            if !progress(done, total) {
                return None;
            }
        }
        for block in photos {
            let Some(photo) = &block.photo else { continue };
            done += 1;
            let id = photo.image.id;
            if let std::collections::btree_map::Entry::Vacant(slot) = options.photos.entry(id) {
                match self.get(file, id, Placement::Photo) {
                    Ok(prepared) => {
                        slot.insert(prepared.clone());
                    }
                    Err(why) => options.warnings.push(format!(
                        "The photo on “{}” was left out: {why}",
                        block.title
                    )),
                }
            }
            if !progress(done, total) {
                return None;
            }
        }
        Some(options)
    }

    fn get(
        &mut self,
        file: &ProjectFile,
        id: i64,
        placement: Placement,
    ) -> &Result<PreparedImage, String> {
        self.prepared.entry((id, placement)).or_insert_with(|| {
            let bytes = match file.image_bytes(id) {
                Ok(Some(bytes)) => bytes,
                Ok(None) => return Err("the picture is missing from the file".into()),
                Err(e) => return Err(e.to_string()),
            };
            let (width, height) = match placement {
                Placement::Logo => LOGO_BOX,
                Placement::Photo => PHOTO_BOX,
            };
            images::prepare(&bytes, width, height).map_err(|e| e.to_string())
        })
    }
}

/// A small copy of a stored picture (at most `side` pixels across) as a `data:` URL the
/// app can show under its content security policy.
pub fn thumbnail_data_url(bytes: &[u8], side: u32) -> Result<String, images::ImageError> {
    use base64::Engine;
    let (media_type, small) = images::thumbnail(bytes, side)?;
    Ok(format!(
        "data:{media_type};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(small)
    ))
}
