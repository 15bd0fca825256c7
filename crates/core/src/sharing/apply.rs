//! "Merge changes from…": a colleague's copy of the project merged into the open one.
//! [`plan`] shows what would happen and what needs deciding; [`apply`] does it, with the
//! user's choices, as ordinary edits in one undoable step.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::merge::{merge, Choice, Conflict, Merged};
use crate::model::snapshot::{BlockFields, Snapshot};
use crate::model::{Block, ImageRef, Photo};
use crate::project_file::bases::Reason;
use crate::project_file::{ProjectFile, ProjectFileError};
use crate::storyboard::{Edit, EditError, Place, SectionText, Steps, Storyboard};

/// What merging a copy would do, for the user to review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MergePlan {
    /// Their copy's file name.
    pub file_name: String,
    /// When the two copies parted (seconds since the Unix epoch).
    #[ts(type = "number")]
    pub base_made_at: i64,
    /// Their changes that go in without asking, in words.
    pub taken: Vec<String>,
    pub conflicts: Vec<Conflict>,
    /// Their pilots differ from ours; pilots are not merged.
    pub pilots_differ: bool,
    /// Names the three states the plan was made from; [`apply`] refuses a plan whose
    /// states have changed since (an edit made meanwhile would shift the conflicts).
    pub fingerprint: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Resolution {
    pub conflict: u32,
    pub choice: Choice,
}

#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    #[error("{0} is a copy of a different project; only copies of this project can be merged")]
    DifferentProject(String),
    #[error("{0} shares no saved state with this project (it was not shared from it, or too long ago), so their changes cannot be told from yours")]
    NoCommonState(String),
    #[error("the project or their copy changed since the merge was reviewed; review it again")]
    Stale,
    #[error("conflict {0} has no choice")]
    Undecided(u32),
    #[error(transparent)]
    File(#[from] ProjectFileError),
    #[error(transparent)]
    Edit(#[from] EditError),
}

impl MergeError {
    pub fn code(&self) -> crate::ErrorCode {
        match self {
            MergeError::DifferentProject(_) => crate::ErrorCode::DifferentProject,
            MergeError::NoCommonState(_) => crate::ErrorCode::NoCommonState,
            MergeError::Stale => crate::ErrorCode::MergeStale,
            MergeError::Undecided(_) => crate::ErrorCode::MergeUndecided,
            MergeError::File(e) => e.code(),
            MergeError::Edit(e) => e.code(),
        }
    }
}

/// The three states of a merge, read from the open project and their copy.
struct Sides {
    theirs_file: ProjectFile,
    base: Snapshot,
    base_made_at: i64,
    ours: Snapshot,
    theirs: Snapshot,
    file_name: String,
}

impl Sides {
    fn read(ours: &ProjectFile, theirs_path: &Path) -> Result<Sides, MergeError> {
        let file_name = theirs_path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| theirs_path.display().to_string());
        let theirs_file = ProjectFile::open_snapshot(theirs_path)?;
        if theirs_file.project_uid()? != ours.project_uid()? {
            return Err(MergeError::DifferentProject(file_name));
        }
        let our_bases: HashSet<String> = ours.merge_bases()?.into_iter().map(|b| b.id).collect();
        let common = theirs_file
            .merge_bases()?
            .into_iter()
            .find(|b| our_bases.contains(&b.id))
            .ok_or_else(|| MergeError::NoCommonState(file_name.clone()))?;
        // Their copy's record of the common state: a copy shared without notes remembers
        // the state without them, so their missing notes do not read as deletions.
        let base = theirs_file
            .merge_base(&common.id)?
            .ok_or_else(|| MergeError::NoCommonState(file_name.clone()))?;
        Ok(Sides {
            base,
            base_made_at: common.made_at,
            ours: Snapshot::of(ours)?,
            theirs: Snapshot::of(&theirs_file)?,
            theirs_file,
            file_name,
        })
    }

    fn fingerprint(&self) -> String {
        let mut hash = Sha256::new();
        for snapshot in [&self.base, &self.ours, &self.theirs] {
            hash.update(serde_json::to_vec(snapshot).expect("a snapshot serialises"));
            hash.update([0]);
        }
        hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }

    fn merge(&self, choose: &dyn Fn(u32) -> Choice) -> Merged {
        merge(&self.base, &self.ours, &self.theirs, choose)
    }
}

/// What merging `theirs_path` into `ours` would do, every conflict settled for ours.
pub fn plan(ours: &ProjectFile, theirs_path: &Path) -> Result<MergePlan, MergeError> {
    let sides = Sides::read(ours, theirs_path)?;
    let merged = sides.merge(&|_| Choice::Ours);
    let pilots_differ = pilots_of(ours)? != pilots_of(&sides.theirs_file)?;
    Ok(MergePlan {
        file_name: sides.file_name.clone(),
        base_made_at: sides.base_made_at,
        taken: merged.taken,
        conflicts: merged.conflicts,
        pilots_differ,
        fingerprint: sides.fingerprint(),
    })
}

fn pilots_of(file: &ProjectFile) -> Result<Vec<crate::pilot::Pilot>, ProjectFileError> {
    let mut pilots = file.load()?.pilots;
    for pilot in &mut pilots {
        pilot.id = 0;
    }
    Ok(pilots)
}

/// What a merge changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MergeSummary {
    pub edits: u32,
    pub conflicts_settled: u32,
}

/// Merges `theirs_path` into the open project with the user's `resolutions` (one per
/// conflict of the plan named by `fingerprint`), as one undoable edit.
pub fn apply(
    board: &mut Storyboard,
    theirs_path: &Path,
    fingerprint: &str,
    resolutions: &[Resolution],
) -> Result<MergeSummary, MergeError> {
    let sides = Sides::read(board.file(), theirs_path)?;
    if sides.fingerprint() != fingerprint {
        return Err(MergeError::Stale);
    }
    let chosen: HashMap<u32, Choice> = resolutions.iter().map(|r| (r.conflict, r.choice)).collect();
    let merged = sides.merge(&|id| chosen.get(&id).copied().unwrap_or(Choice::Ours));
    if let Some(open) = merged
        .conflicts
        .iter()
        .find(|c| !chosen.contains_key(&c.id))
    {
        return Err(MergeError::Undecided(open.id));
    }
    let pictures = bring_pictures(
        board.file(),
        &sides.theirs_file,
        merged.target.blocks.values().map(|b| &b.fields),
    )?;
    let theirs_project = sides.theirs_file.load()?;
    let ours_project = board.project()?;
    let mut edits = 0;
    board.apply_steps(|steps| {
        let mut writer = Writer {
            steps,
            edits: 0,
            pictures,
            cases: ours_project
                .cases
                .iter()
                .map(|c| (crate::project_file::cases::identity_key(&c.case), c.case.id))
                .collect(),
        };
        writer.bring_cases(
            &theirs_project,
            merged.target.blocks.values().map(|b| &b.fields),
        )?;
        writer.transform(&ours_project, &merged.target)?;
        edits = writer.edits;
        Ok(())
    })?;
    board
        .file()
        .record_base(Reason::Merged)
        .map_err(MergeError::File)?;
    Ok(MergeSummary {
        edits,
        conflicts_settled: merged.conflicts.len() as u32,
    })
}

/// Adds to our file the pictures that `blocks` show and only their copy has; returns
/// every picture by digest.
pub(super) fn bring_pictures<'f>(
    ours: &ProjectFile,
    theirs: &ProjectFile,
    blocks: impl Iterator<Item = &'f BlockFields>,
) -> Result<HashMap<String, ImageRef>, ProjectFileError> {
    let mut ours_by_digest = ours.images_by_digest()?;
    let theirs_by_digest = theirs.images_by_digest()?;
    for fields in blocks {
        let Some(photo) = &fields.photo else {
            continue;
        };
        if ours_by_digest.contains_key(&photo.digest) {
            continue;
        }
        let Some(theirs_ref) = theirs_by_digest.get(&photo.digest) else {
            continue;
        };
        if let Some(bytes) = theirs.image_bytes(theirs_ref.id)? {
            let added = ours.add_image(&bytes)?;
            ours_by_digest.insert(photo.digest.clone(), added);
        }
    }
    Ok(ours_by_digest)
}

pub(super) struct Writer<'s, 'a> {
    pub steps: &'s mut Steps<'a>,
    pub edits: u32,
    pub pictures: HashMap<String, ImageRef>,
    /// Our case ids by identity key.
    pub cases: HashMap<String, i64>,
}

/// Where blocks sit: a section's id, or the library.
type Container = Option<i64>;

impl Writer<'_, '_> {
    pub fn apply(&mut self, edit: Edit) -> Result<crate::storyboard::Outcome, EditError> {
        self.edits += 1;
        self.steps.apply(&edit)
    }

    fn next_id(&self, table: &str) -> Result<i64, EditError> {
        self.steps.next_id(table)
    }

    /// Copies in the case studies that `blocks` name and we lack.
    pub fn bring_cases<'f>(
        &mut self,
        theirs: &crate::Project,
        blocks: impl Iterator<Item = &'f BlockFields>,
    ) -> Result<(), EditError> {
        for fields in blocks {
            let Some(key) = &fields.case else {
                continue;
            };
            if self.cases.contains_key(key) {
                continue;
            }
            let Some(used) = theirs
                .cases
                .iter()
                .find(|c| &crate::project_file::cases::identity_key(&c.case) == key)
            else {
                continue;
            };
            let mut case = used.case.clone();
            case.id = self.next_id("case_study")?;
            self.cases.insert(key.clone(), case.id);
            self.apply(Edit::RestoreCase {
                case,
                relation: used.relation,
                stories: Vec::new(),
            })?;
        }
        Ok(())
    }

    pub fn block(&self, id: i64, uid: &str, fields: &BlockFields) -> Block {
        Block {
            id,
            uid: uid.to_string(),
            kind: fields.kind,
            title: fields.title.clone(),
            body: fields.body.clone(),
            number: fields.number,
            unit: fields.unit.clone(),
            source: fields.source.clone(),
            source_link: fields.source_link.clone(),
            source_date: fields.source_date.clone(),
            organisation: fields.organisation.clone(),
            relation: fields.relation,
            direction: fields.direction,
            baseline: fields.baseline,
            target: fields.target,
            tags: fields.tags.clone(),
            dismissed: fields.dismissed.clone(),
            photo: fields.photo.as_ref().and_then(|p| {
                Some(Photo {
                    image: *self.pictures.get(&p.digest)?,
                    caption: p.caption.clone(),
                })
            }),
            case_id: fields
                .case
                .as_ref()
                .and_then(|k| self.cases.get(k).copied()),
        }
    }

    /// Edits our project into `target`, touching only what differs.
    fn transform(&mut self, ours: &crate::Project, target: &Snapshot) -> Result<(), EditError> {
        let details = &target.details;
        if (&ours.title, &ours.author, &ours.audience, &ours.industry)
            != (
                &details.title,
                &details.author,
                &details.audience,
                &details.industry,
            )
        {
            self.apply(Edit::SetProjectDetails {
                title: details.title.clone(),
                author: details.author.clone(),
                audience: details.audience.clone(),
                industry: details.industry.clone(),
            })?;
        }

        // Our blocks by uid, and where each sits now.
        let mut block_ids: HashMap<String, i64> = HashMap::new();
        let mut lists: Vec<(Container, Vec<String>)> = Vec::new();
        for section in &ours.sections {
            lists.push((
                Some(section.id),
                section.blocks.iter().map(|b| b.uid.clone()).collect(),
            ));
        }
        lists.push((None, ours.library.iter().map(|b| b.uid.clone()).collect()));
        for block in ours.all_blocks() {
            block_ids.insert(block.uid.clone(), block.id);
        }

        // Blocks that go.
        for block in ours.all_blocks() {
            if !target.blocks.contains_key(&block.uid) {
                self.apply(Edit::DeleteBlock { id: block.id })?;
                for (_, list) in &mut lists {
                    list.retain(|u| u != &block.uid);
                }
            }
        }

        // Sections: removed (their blocks wait in the library), added, renamed, ordered.
        let mut section_ids: HashMap<String, i64> = ours
            .sections
            .iter()
            .map(|s| (s.uid.clone(), s.id))
            .collect();
        let mut order: Vec<String> = ours.sections.iter().map(|s| s.uid.clone()).collect();
        for section in &ours.sections {
            if target.section(&section.uid).is_none() {
                self.apply(Edit::RemoveSection { id: section.id })?;
                let moved = take_list(&mut lists, Some(section.id));
                library_list(&mut lists).extend(moved);
                order.retain(|u| u != &section.uid);
            }
        }
        for section in &target.sections {
            match ours.sections.iter().find(|s| s.uid == section.uid) {
                Some(own) => {
                    if (&own.title, &own.notes) != (&section.title, &section.notes) {
                        self.apply(Edit::UpdateSection {
                            id: own.id,
                            text: SectionText {
                                title: section.title.clone(),
                                notes: section.notes.clone(),
                            },
                        })?;
                    }
                }
                None => {
                    let id = self.next_id("section")?;
                    self.apply(Edit::RestoreSection {
                        id,
                        uid: section.uid.clone(),
                        text: SectionText {
                            title: section.title.clone(),
                            notes: section.notes.clone(),
                        },
                        index: order.len() as u32,
                        blocks: Vec::new(),
                    })?;
                    section_ids.insert(section.uid.clone(), id);
                    order.push(section.uid.clone());
                    lists.insert(lists.len() - 1, (Some(id), Vec::new()));
                }
            }
        }
        for (index, section) in target.sections.iter().enumerate() {
            if order[index] != section.uid {
                self.apply(Edit::MoveSection {
                    id: section_ids[&section.uid],
                    index: index as u32,
                })?;
                order.retain(|u| u != &section.uid);
                order.insert(index, section.uid.clone());
            }
        }

        // Changed blocks.
        for block in ours.all_blocks() {
            let Some(state) = target.blocks.get(&block.uid) else {
                continue;
            };
            let wanted = self.block(block.id, &block.uid, &state.fields);
            if !same_content(block, &wanted) {
                self.apply(Edit::UpdateBlock { block: wanted })?;
            }
        }

        // Placement, container by container: position i of each holds its i-th block,
        // added or moved there only where it does not already.
        let containers: Vec<(Container, &Vec<String>)> = target
            .sections
            .iter()
            .map(|s| (Some(section_ids[&s.uid]), &s.blocks))
            .chain(std::iter::once((None, &target.library)))
            .collect();
        for (container, wanted) in containers {
            for (index, uid) in wanted.iter().enumerate() {
                let to = match container {
                    Some(section_id) => Place::Section {
                        section_id,
                        index: index as u32,
                    },
                    None => Place::Library {
                        index: index as u32,
                    },
                };
                let here = list_mut(&mut lists, container);
                if here.get(index) == Some(uid) {
                    continue;
                }
                match block_ids.get(uid) {
                    Some(&id) => {
                        self.apply(Edit::MoveBlock { id, to })?;
                        for (_, list) in &mut lists {
                            list.retain(|u| u != uid);
                        }
                    }
                    None => {
                        let block = self.block(0, uid, &target.blocks[uid].fields);
                        let created = self.apply(Edit::AddBlock { block, to })?;
                        if let Some(id) = created.created {
                            block_ids.insert(uid.clone(), id);
                        }
                    }
                }
                list_mut(&mut lists, container).insert(index, uid.clone());
            }
        }
        Ok(())
    }
}

fn same_content(a: &Block, b: &Block) -> bool {
    let mut b = b.clone();
    b.id = a.id;
    b.uid = a.uid.clone();
    *a == b
}

fn list_mut(lists: &mut [(Container, Vec<String>)], container: Container) -> &mut Vec<String> {
    &mut lists
        .iter_mut()
        .find(|(c, _)| *c == container)
        .expect("every container has a list")
        .1
}

fn take_list(lists: &mut Vec<(Container, Vec<String>)>, container: Container) -> Vec<String> {
    let at = lists
        .iter()
        .position(|(c, _)| *c == container)
        .expect("every container has a list");
    lists.remove(at).1
}

fn library_list(lists: &mut [(Container, Vec<String>)]) -> &mut Vec<String> {
    list_mut(lists, None)
}
