//! "Import blocks from…": chosen blocks of another project copied into this one, with the
//! pictures and case studies they use, as one undoable step. Unlike a merge, the two
//! projects need have nothing in common; the copies are new blocks here.

use std::path::Path;

use super::apply::{bring_pictures, MergeError, Writer};
use crate::model::snapshot::BlockFields;
use crate::model::Project;
use crate::project_file::ProjectFile;
use crate::storyboard::{Place, Storyboard};

/// Reads the project at `path` (checked like any received file) to choose blocks from.
pub fn read_source(path: &Path) -> Result<Project, MergeError> {
    Ok(ProjectFile::open_snapshot(path)?.load()?)
}

/// Copies the blocks of the project at `path` whose uids are `chosen`, in that project's
/// order, to `to` here (consecutively from its index). Returns how many were copied.
pub fn import_blocks(
    board: &mut Storyboard,
    path: &Path,
    chosen: &[String],
    to: Place,
) -> Result<u32, MergeError> {
    let source = ProjectFile::open_snapshot(path)?;
    let project = source.load()?;
    let numbering = source.numbering(&project)?;
    let fields: Vec<BlockFields> = project
        .all_blocks()
        .filter(|b| chosen.contains(&b.uid))
        .map(|b| BlockFields::of(b, &numbering))
        .collect();
    let pictures = bring_pictures(board.file(), &source, fields.iter())?;
    let ours = board.project()?;
    let mut count = 0;
    board.apply_steps(|steps| {
        let mut writer = Writer {
            steps,
            edits: 0,
            pictures,
            cases: ours
                .cases
                .iter()
                .map(|c| (crate::project_file::cases::identity_key(&c.case), c.case.id))
                .collect(),
        };
        writer.bring_cases(&project, fields.iter())?;
        for (offset, fields) in fields.iter().enumerate() {
            // New blocks here: an empty uid gets a fresh one.
            let block = writer.block(0, "", fields);
            let to = match to {
                Place::Library { index } => Place::Library {
                    index: index + offset as u32,
                },
                Place::Section { section_id, index } => Place::Section {
                    section_id,
                    index: index + offset as u32,
                },
            };
            writer.apply(crate::storyboard::Edit::AddBlock { block, to })?;
            count += 1;
        }
        Ok(())
    })?;
    Ok(count)
}
