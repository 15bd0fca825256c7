//! A project as a merge compares it: sections and blocks by stable id, with the fields that
//! can change on either side. Pictures are named by digest and cases by identity (title and
//! organisation), since two copies number them each their own way.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::model::{Block, BlockKind, Direction, Project, Relation};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub project_uid: String,
    pub details: Details,
    /// In storyboard order.
    pub sections: Vec<SectionState>,
    /// Uids of the project's unplaced blocks, in order.
    pub library: Vec<String>,
    pub blocks: BTreeMap<String, BlockState>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Details {
    pub title: String,
    pub author: String,
    pub audience: String,
    pub industry: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionState {
    pub uid: String,
    pub revision: i64,
    pub title: String,
    pub notes: String,
    /// Uids of its blocks, in order.
    pub blocks: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BlockState {
    pub revision: i64,
    pub fields: BlockFields,
}

/// What a block says, without where it sits or how this copy numbers things.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BlockFields {
    pub kind: BlockKind,
    pub title: String,
    pub body: String,
    pub number: Option<f64>,
    pub unit: Option<String>,
    pub source: Option<String>,
    pub source_link: Option<String>,
    pub source_date: Option<String>,
    pub organisation: Option<String>,
    pub relation: Option<Relation>,
    pub direction: Option<Direction>,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub tags: Vec<String>,
    pub dismissed: Vec<String>,
    pub photo: Option<PhotoState>,
    /// The identity key of the project case a story was made from.
    pub case: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PhotoState {
    pub digest: String,
    pub caption: String,
}

/// How one copy numbers pictures and cases, for turning fields into blocks and back.
#[derive(Debug, Default, Clone)]
pub struct Numbering {
    pub image_digest: HashMap<i64, String>,
    pub case_key: HashMap<i64, String>,
}

impl BlockFields {
    pub fn of(block: &Block, numbering: &Numbering) -> BlockFields {
        BlockFields {
            kind: block.kind,
            title: block.title.clone(),
            body: block.body.clone(),
            number: block.number,
            unit: block.unit.clone(),
            source: block.source.clone(),
            source_link: block.source_link.clone(),
            source_date: block.source_date.clone(),
            organisation: block.organisation.clone(),
            relation: block.relation,
            direction: block.direction,
            baseline: block.baseline,
            target: block.target,
            tags: block.tags.clone(),
            dismissed: block.dismissed.clone(),
            photo: block.photo.as_ref().and_then(|p| {
                Some(PhotoState {
                    digest: numbering.image_digest.get(&p.image.id)?.clone(),
                    caption: p.caption.clone(),
                })
            }),
            case: block
                .case_id
                .and_then(|id| numbering.case_key.get(&id).cloned()),
        }
    }
}

impl Snapshot {
    pub(crate) fn from_project(
        project_uid: String,
        project: &Project,
        numbering: &Numbering,
        section_revisions: &HashMap<i64, i64>,
        block_revisions: &HashMap<i64, i64>,
    ) -> Snapshot {
        let mut blocks = BTreeMap::new();
        let mut keep = |block: &Block| {
            blocks.insert(
                block.uid.clone(),
                BlockState {
                    revision: block_revisions.get(&block.id).copied().unwrap_or(1),
                    fields: BlockFields::of(block, numbering),
                },
            );
            block.uid.clone()
        };
        let sections = project
            .sections
            .iter()
            .map(|s| SectionState {
                uid: s.uid.clone(),
                revision: section_revisions.get(&s.id).copied().unwrap_or(1),
                title: s.title.clone(),
                notes: s.notes.clone(),
                blocks: s.blocks.iter().map(&mut keep).collect(),
            })
            .collect();
        let library = project.library.iter().map(&mut keep).collect();
        Snapshot {
            project_uid,
            details: Details {
                title: project.title.clone(),
                author: project.author.clone(),
                audience: project.audience.clone(),
                industry: project.industry.clone(),
            },
            sections,
            library,
            blocks,
        }
    }

    /// Where a block sits: its section's uid, or `None` for the library.
    pub fn placement(&self) -> HashMap<&str, Option<&str>> {
        let mut at = HashMap::new();
        for section in &self.sections {
            for uid in &section.blocks {
                at.insert(uid.as_str(), Some(section.uid.as_str()));
            }
        }
        for uid in &self.library {
            at.insert(uid.as_str(), None);
        }
        at
    }

    pub fn section(&self, uid: &str) -> Option<&SectionState> {
        self.sections.iter().find(|s| s.uid == uid)
    }

    /// Without speaker notes (what a copy shared without them may remember).
    pub fn without_notes(mut self) -> Snapshot {
        for section in &mut self.sections {
            section.notes.clear();
        }
        self
    }

    /// Without dismissed advice.
    pub fn without_dismissed(mut self) -> Snapshot {
        for block in self.blocks.values_mut() {
            block.fields.dismissed.clear();
        }
        self
    }
}
