//! Edits applied to the stored storyboard: each runs in one transaction and returns the
//! edit that undoes it; undoing that returns the redo. An edit that fails changes nothing:
//! the transaction is rolled back. The edits themselves are data (`crate::edit`); the undo
//! and redo stacks are the editing layer's (`crate::storyboard`).

use rusqlite::{params, OptionalExtension, Transaction, TransactionBehavior};

use super::pilots;
use super::rows::{self, block_from_row, insert_block, RowError, Slot, BLOCK_COLUMNS};
use super::{ProjectFile, ProjectFileError};
use crate::edit::{Edit, Outcome, Place, SectionText};
use crate::limits;
use crate::model::pilot::Pilot;
use crate::model::{Block, Field};

/// Why an edit was refused. Nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("there is no {what} with id {id} (it may have been deleted)")]
    NotFound { what: &'static str, id: i64 },
    #[error("position {index} is past the end of {place}, which holds {len}")]
    BadPosition { index: u32, place: String, len: u32 },
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
    File(#[from] ProjectFileError),
    #[error("the project file could not be updated: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

impl From<crate::limits::OverLimit> for EditError {
    fn from(e: crate::limits::OverLimit) -> EditError {
        EditError::Invalid(e.0)
    }
}

impl EditError {
    pub(crate) fn invalid(message: impl Into<String>) -> EditError {
        EditError::Invalid(message.into())
    }

    /// A stable identifier for the UI (see `ProjectFileError::code`).
    pub fn code(&self) -> crate::error_code::ErrorCode {
        use crate::error_code::ErrorCode;
        match self {
            EditError::NotFound { .. } => ErrorCode::NotFound,
            EditError::BadPosition { .. } => ErrorCode::BadPosition,
            EditError::Invalid(_) => ErrorCode::InvalidEdit,
            EditError::File(e) => e.code(),
            EditError::Sqlite(_) => ErrorCode::Database,
        }
    }
}

impl ProjectFile {
    /// Applies `edit` in a transaction of its own; returns the edit that undoes it.
    pub(crate) fn commit_edit(&mut self, edit: &Edit) -> Result<(Edit, Outcome), EditError> {
        let tx = self.edit_transaction()?;
        let result = edit.apply(&tx)?;
        tx.commit()?;
        Ok(result)
    }

    /// Applies the edits `steps` makes in one transaction; returns their inverses, last
    /// first (empty when the steps made none). If a step fails, nothing is saved.
    pub(crate) fn commit_steps(
        &mut self,
        steps: impl FnOnce(&mut Steps<'_>) -> Result<(), EditError>,
    ) -> Result<Vec<Edit>, EditError> {
        let tx = self.edit_transaction()?;
        let mut sequence = Steps {
            tx: &tx,
            inverses: Vec::new(),
        };
        steps(&mut sequence)?;
        let mut inverses = sequence.inverses;
        tx.commit()?;
        inverses.reverse();
        Ok(inverses)
    }

    fn edit_transaction(&mut self) -> Result<Transaction<'_>, EditError> {
        if let Some(holder) = self.read_only_holder() {
            return Err(ProjectFileError::ReadOnly(holder.clone()).into());
        }
        Ok(self
            .connection_mut()
            .transaction_with_behavior(TransactionBehavior::Immediate)?)
    }
}

/// The edits of one [`ProjectFile::commit_steps`], inside its transaction.
pub struct Steps<'a> {
    tx: &'a Transaction<'a>,
    inverses: Vec<Edit>,
}

impl Steps<'_> {
    pub fn apply(&mut self, edit: &Edit) -> Result<Outcome, EditError> {
        let (inverse, outcome) = edit.apply(self.tx)?;
        self.inverses.push(inverse);
        Ok(outcome)
    }

    /// The id the next row added to `table` (`block` or `section`) will get.
    pub fn next_id(&self, table: &str) -> Result<i64, EditError> {
        Ok(self.tx.query_row(
            &format!("SELECT coalesce(max(id), 0) + 1 FROM {table}"),
            [],
            |r| r.get(0),
        )?)
    }
}

fn place_of(slot: Slot) -> Place {
    let index = slot.position as u32;
    match slot.section_id {
        None => Place::Library { index },
        Some(section_id) => Place::Section { section_id, index },
    }
}

impl Edit {
    /// Applies the edit inside `tx`; returns the edit that undoes it.
    fn apply(&self, tx: &Transaction) -> Result<(Edit, Outcome), EditError> {
        match self {
            Edit::AddBlock { block, to } => {
                validate_block(block)?;
                check_photo(tx, block)?;
                let slot = open_slot(tx, *to)?;
                let id = insert_block(tx, block, slot, false)?;
                Ok((Edit::DeleteBlock { id }, Outcome { created: Some(id) }))
            }
            Edit::UpdateBlock { block } => {
                validate_block(block)?;
                check_photo(tx, block)?;
                let (_, old) = load_block(tx, block.id)?;
                rows::update_block(tx, block)?;
                Ok((Edit::UpdateBlock { block: old }, Outcome::default()))
            }
            Edit::ApplyFix {
                block_id,
                field,
                start,
                end,
                excerpt,
                replacement,
            } => {
                let (_, mut block) = load_block(tx, *block_id)?;
                let text = match field {
                    Field::Title => &mut block.title,
                    Field::Body => &mut block.body,
                };
                *text = replace_chars(text, *start, *end, excerpt, replacement)?;
                Edit::UpdateBlock { block }.apply(tx)
            }
            // Dismissing what is already dismissed (or restoring what is not) changes
            // nothing, so it leaves nothing to undo: an empty batch, which is not pushed.
            Edit::DismissFinding { block_id, rule } => {
                let (_, mut block) = load_block(tx, *block_id)?;
                if block.dismissed.contains(rule) {
                    return Ok((Edit::Batch { edits: Vec::new() }, Outcome::default()));
                }
                block.dismissed.push(rule.clone());
                Edit::UpdateBlock { block }.apply(tx)
            }
            Edit::RestoreFinding { block_id, rule } => {
                let (_, mut block) = load_block(tx, *block_id)?;
                if !block.dismissed.contains(rule) {
                    return Ok((Edit::Batch { edits: Vec::new() }, Outcome::default()));
                }
                block.dismissed.retain(|r| r != rule);
                Edit::UpdateBlock { block }.apply(tx)
            }
            Edit::DuplicateBlock { id } => {
                let (slot, block) = load_block(tx, *id)?;
                let to = place_of(Slot {
                    position: slot.position + 1,
                    ..slot
                });
                Edit::AddBlock { block, to }.apply(tx)
            }
            Edit::DeleteBlock { id } => {
                let (slot, block) = load_block(tx, *id)?;
                tx.execute("DELETE FROM block WHERE id = ?1", [id])?;
                close_gap(tx, slot)?;
                Ok((
                    Edit::RestoreBlock {
                        block,
                        to: place_of(slot),
                    },
                    Outcome::default(),
                ))
            }
            Edit::RestoreBlock { block, to } => {
                validate_block(block)?;
                check_photo(tx, block)?;
                let taken: bool = tx.query_row(
                    "SELECT EXISTS (SELECT 1 FROM block WHERE id = ?1)",
                    [block.id],
                    |r| r.get(0),
                )?;
                if taken || block.id <= 0 {
                    return Err(EditError::invalid(format!(
                        "block {} cannot be restored: the id is in use",
                        block.id
                    )));
                }
                let slot = open_slot(tx, *to)?;
                insert_block(tx, block, slot, true)?;
                Ok((Edit::DeleteBlock { id: block.id }, Outcome::default()))
            }
            Edit::MoveBlock { id, to } => {
                let (from, _) = load_block(tx, *id)?;
                // Take the block out first, so `to` counts the blocks as they will be.
                tx.execute("UPDATE block SET position = -1 WHERE id = ?1", [id])?;
                close_gap(tx, from)?;
                let slot = open_slot(tx, *to)?;
                tx.execute(
                    "UPDATE block SET section_id = ?2, position = ?3 WHERE id = ?1",
                    params![id, slot.section_id, slot.position],
                )?;
                Ok((
                    Edit::MoveBlock {
                        id: *id,
                        to: place_of(from),
                    },
                    Outcome::default(),
                ))
            }
            Edit::AddSection { title, index } => {
                limits::check_len("section title", title, limits::MAX_LINE)?;
                let index = open_section_slot(tx, *index)?;
                tx.execute(
                    &format!(
                        "INSERT INTO section (position, title, notes, uid) VALUES (?1, ?2, '', {})",
                        rows::uid_sql("section", 3)
                    ),
                    params![index, title, ""],
                )?;
                let id = tx.last_insert_rowid();
                Ok((Edit::RemoveSection { id }, Outcome { created: Some(id) }))
            }
            Edit::UpdateSection { id, text } => {
                limits::check_section_text(&text.title, &text.notes)?;
                let (_, old) = load_section(tx, *id)?;
                tx.execute(
                    "UPDATE section SET title = ?2, notes = ?3, revision = revision + 1 WHERE id = ?1",
                    params![id, text.title, text.notes],
                )?;
                Ok((
                    Edit::UpdateSection { id: *id, text: old },
                    Outcome::default(),
                ))
            }
            Edit::MoveSection { id, index } => {
                let (from, _) = load_section(tx, *id)?;
                tx.execute("UPDATE section SET position = -1 WHERE id = ?1", [id])?;
                close_section_gap(tx, from)?;
                let to = open_section_slot(tx, *index)?;
                tx.execute(
                    "UPDATE section SET position = ?2 WHERE id = ?1",
                    params![id, to],
                )?;
                Ok((
                    Edit::MoveSection {
                        id: *id,
                        index: from as u32,
                    },
                    Outcome::default(),
                ))
            }
            Edit::RemoveSection { id } => {
                let (index, text) = load_section(tx, *id)?;
                let uid: String =
                    tx.query_row("SELECT uid FROM section WHERE id = ?1", [id], |r| r.get(0))?;
                let blocks = block_ids_in(tx, Some(*id))?;
                let library_len = count_blocks(tx, None)?;
                for (offset, block) in blocks.iter().enumerate() {
                    tx.execute(
                        "UPDATE block SET section_id = NULL, position = ?2 WHERE id = ?1",
                        params![block, library_len + offset as i64],
                    )?;
                }
                tx.execute("DELETE FROM section WHERE id = ?1", [id])?;
                close_section_gap(tx, index)?;
                Ok((
                    Edit::RestoreSection {
                        id: *id,
                        uid,
                        text,
                        index: index as u32,
                        blocks,
                    },
                    Outcome::default(),
                ))
            }
            Edit::RestoreSection {
                id,
                uid,
                text,
                index,
                blocks,
            } => {
                let taken: bool = tx.query_row(
                    "SELECT EXISTS (SELECT 1 FROM section WHERE id = ?1)",
                    [id],
                    |r| r.get(0),
                )?;
                if taken || *id <= 0 {
                    return Err(EditError::invalid(format!(
                        "section {id} cannot be restored: the id is in use"
                    )));
                }
                let position = open_section_slot(tx, *index)?;
                tx.execute(
                    &format!(
                        "INSERT INTO section (id, position, title, notes, uid)
                         VALUES (?1, ?2, ?3, ?4, {})",
                        rows::uid_sql("section", 5)
                    ),
                    params![id, position, text.title, text.notes, uid],
                )?;
                for (position, block) in blocks.iter().enumerate() {
                    let (from, _) = load_block(tx, *block)?;
                    tx.execute("UPDATE block SET position = -1 WHERE id = ?1", [block])?;
                    close_gap(tx, from)?;
                    tx.execute(
                        "UPDATE block SET section_id = ?2, position = ?3 WHERE id = ?1",
                        params![block, id, position as i64],
                    )?;
                }
                Ok((Edit::RemoveSection { id: *id }, Outcome::default()))
            }
            Edit::SetProjectDetails {
                title,
                author,
                audience,
                industry,
            } => {
                limits::check_project_details(title, author, audience, industry)?;
                let old = tx.query_row(
                    "SELECT title, author, audience, industry FROM project WHERE id = 1",
                    [],
                    |r| {
                        Ok(Edit::SetProjectDetails {
                            title: r.get(0)?,
                            author: r.get(1)?,
                            audience: r.get(2)?,
                            industry: r.get(3)?,
                        })
                    },
                )?;
                tx.execute(
                    "UPDATE project SET title = ?1, author = ?2, audience = ?3, industry = ?4
                     WHERE id = 1",
                    params![title, author, audience, industry.trim().to_lowercase()],
                )?;
                Ok((old, Outcome::default()))
            }
            Edit::AddPilot { pilot, index } => {
                pilot.check().map_err(EditError::invalid)?;
                let position = open_pilot_slot(tx, *index)?;
                let id = pilots::insert(tx, pilot, position, false)?;
                Ok((Edit::DeletePilot { id }, Outcome { created: Some(id) }))
            }
            Edit::RestorePilot { pilot, index } => {
                pilot.check().map_err(EditError::invalid)?;
                let position = open_pilot_slot(tx, *index)?;
                pilots::insert(tx, pilot, position, true)?;
                Ok((Edit::DeletePilot { id: pilot.id }, Outcome::default()))
            }
            Edit::UpdatePilot { pilot } => {
                pilot.check().map_err(EditError::invalid)?;
                let (_, old) = load_pilot(tx, pilot.id)?;
                pilots::update(tx, pilot)?;
                Ok((Edit::UpdatePilot { pilot: old }, Outcome::default()))
            }
            Edit::DeletePilot { id } => {
                let (index, old) = load_pilot(tx, *id)?;
                tx.execute("DELETE FROM pilot WHERE id = ?1", [id])?;
                renumber_pilots(tx)?;
                Ok((Edit::RestorePilot { pilot: old, index }, Outcome::default()))
            }
            Edit::Batch { edits } => {
                let mut inverses = Vec::with_capacity(edits.len());
                let mut outcome = Outcome::default();
                for edit in edits {
                    let (inverse, done) = edit.apply(tx)?;
                    inverses.push(inverse);
                    outcome.created = done.created.or(outcome.created);
                }
                inverses.reverse();
                Ok((Edit::Batch { edits: inverses }, outcome))
            }
            Edit::UseCase {
                case,
                relation,
                to,
                metrics,
            } => {
                case.check().map_err(EditError::invalid)?;
                let case_id = crate::project_file::cases::insert(tx, case, *relation, false)?;
                let mut story = crate::model::case_story::story_block(case, *relation);
                story.case_id = Some(case_id);
                let mut blocks = vec![story];
                if *metrics {
                    blocks.extend(crate::model::case_story::metric_blocks(case));
                }
                let mut undo = Vec::new();
                let mut created = None;
                for (offset, block) in blocks.into_iter().enumerate() {
                    let place = match *to {
                        Place::Library { index } => Place::Library {
                            index: index + offset as u32,
                        },
                        Place::Section { section_id, index } => Place::Section {
                            section_id,
                            index: index + offset as u32,
                        },
                    };
                    let (inverse, outcome) = Edit::AddBlock { block, to: place }.apply(tx)?;
                    created = created.or(outcome.created);
                    undo.push(inverse);
                }
                undo.reverse();
                undo.push(Edit::DeleteCase { id: case_id });
                Ok((Edit::Batch { edits: undo }, Outcome { created }))
            }
            Edit::DeleteCase { id } => {
                let stored = crate::project_file::cases::load(tx, &[*id])
                    .map_err(|e| match e {
                        RowError::Sql(e) => EditError::Sqlite(e),
                        RowError::Invalid(why) => EditError::invalid(why),
                    })?
                    .pop()
                    .ok_or(EditError::NotFound {
                        what: "case study",
                        id: *id,
                    })?;
                let stories: Vec<i64> = tx
                    .prepare("SELECT id FROM block WHERE case_id = ?1 ORDER BY id")?
                    .query_map([id], |r| r.get(0))?
                    .collect::<Result<_, _>>()?;
                tx.execute("UPDATE block SET case_id = NULL WHERE case_id = ?1", [id])?;
                crate::project_file::cases::delete(tx, *id)?;
                Ok((
                    Edit::RestoreCase {
                        case: stored.case,
                        relation: stored.relation,
                        stories,
                    },
                    Outcome::default(),
                ))
            }
            Edit::RestoreCase {
                case,
                relation,
                stories,
            } => {
                case.check().map_err(EditError::invalid)?;
                crate::project_file::cases::insert(tx, case, *relation, true)?;
                for story in stories {
                    tx.execute(
                        "UPDATE block SET case_id = ?1 WHERE id = ?2",
                        [case.id, *story],
                    )?;
                }
                Ok((Edit::DeleteCase { id: case.id }, Outcome::default()))
            }
            Edit::SetBranding { logo, accent } => {
                if let Some(accent) = accent {
                    if crate::briefing::layout::Rgb::parse_hex(accent).is_none() {
                        return Err(EditError::invalid(format!(
                            "the accent colour {accent:?} is not a colour; write it as #RRGGBB"
                        )));
                    }
                }
                if let Some(logo) = logo {
                    check_image(tx, logo.id, "logo")?;
                }
                let old = tx.query_row(
                    "SELECT logo_image, accent,
                            (SELECT width FROM image WHERE id = logo_image),
                            (SELECT height FROM image WHERE id = logo_image)
                     FROM project WHERE id = 1",
                    [],
                    |r| {
                        let logo: Option<i64> = r.get(0)?;
                        Ok(Edit::SetBranding {
                            logo: match logo {
                                Some(id) => rows::image_ref(id, r.get(2)?, r.get(3)?),
                                None => None,
                            },
                            accent: r.get(1)?,
                        })
                    },
                )?;
                tx.execute(
                    "UPDATE project SET logo_image = ?1, accent = ?2 WHERE id = 1",
                    params![logo.map(|l| l.id), accent],
                )?;
                Ok((old, Outcome::default()))
            }
        }
    }
}

/// Refuses a block whose photo is not a picture in this file.
fn check_photo(tx: &Transaction, block: &Block) -> Result<(), EditError> {
    match &block.photo {
        Some(photo) => check_image(tx, photo.image.id, "photo"),
        None => Ok(()),
    }
}

fn check_image(tx: &Transaction, id: i64, what: &str) -> Result<(), EditError> {
    let held: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM image WHERE id = ?1)",
        [id],
        |r| r.get(0),
    )?;
    if held {
        Ok(())
    } else {
        Err(EditError::invalid(format!(
            "the {what} ({id}) is not a picture in this project; add it first"
        )))
    }
}

fn validate_block(block: &Block) -> Result<(), EditError> {
    limits::check_block(block).map_err(EditError::from)
}

/// `text` with characters `start..end` (counted in Unicode scalar values, as the coach
/// counts them) replaced, if they still read `expected`.
fn replace_chars(
    text: &str,
    start: u32,
    end: u32,
    expected: &str,
    replacement: &str,
) -> Result<String, EditError> {
    let byte_at = |chars: u32| {
        if chars as usize == text.chars().count() {
            Some(text.len())
        } else {
            text.char_indices().nth(chars as usize).map(|(i, _)| i)
        }
    };
    let stale = || {
        EditError::invalid(format!(
            "the advice no longer fits the text: “{expected}” is not at characters {start}–{end} any more"
        ))
    };
    let (from, to) = match (byte_at(start), byte_at(end)) {
        (Some(from), Some(to)) if from <= to => (from, to),
        _ => return Err(stale()),
    };
    if &text[from..to] != expected {
        return Err(stale());
    }
    Ok(format!("{}{replacement}{}", &text[..from], &text[to..]))
}

fn load_block(tx: &Transaction, id: i64) -> Result<(Slot, Block), EditError> {
    // Renumber the block's container first, so its recorded index is a dense one.
    let section_id: Option<i64> = tx
        .prepare_cached("SELECT section_id FROM block WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .ok_or(EditError::NotFound { what: "block", id })?;
    renumber_blocks(tx, section_id)?;
    let mut stmt =
        tx.prepare_cached(&format!("SELECT {BLOCK_COLUMNS} FROM block WHERE id = ?1"))?;
    let mut rows = stmt.query([id])?;
    match rows.next()? {
        None => Err(EditError::NotFound { what: "block", id }),
        Some(row) => block_from_row(row).map_err(|e| match e {
            rows::RowError::Sql(e) => e.into(),
            rows::RowError::Invalid(detail) => EditError::invalid(detail),
        }),
    }
}

/// The pilot with `id` as stored, and its index among the pilots.
fn load_pilot(tx: &Transaction, id: i64) -> Result<(u32, Pilot), EditError> {
    let all = pilots::load(tx).map_err(|e| match e {
        RowError::Sql(e) => EditError::Sqlite(e),
        RowError::Invalid(why) => EditError::invalid(why),
    })?;
    all.into_iter()
        .enumerate()
        .find(|(_, p)| p.id == id)
        .map(|(index, p)| (index as u32, p))
        .ok_or(EditError::NotFound { what: "pilot", id })
}

/// Makes room at `index` among the pilots; returns the position to insert at.
fn open_pilot_slot(tx: &Transaction, index: u32) -> Result<i64, EditError> {
    renumber_pilots(tx)?;
    let len: i64 = tx.query_row("SELECT COUNT(*) FROM pilot", [], |r| r.get(0))?;
    if i64::from(index) > len {
        return Err(EditError::BadPosition {
            index,
            place: "the pilots".into(),
            len: len as u32,
        });
    }
    tx.execute(
        "UPDATE pilot SET position = position + 1 WHERE position >= ?1",
        [index],
    )?;
    Ok(i64::from(index))
}

fn renumber_pilots(tx: &Transaction) -> Result<(), EditError> {
    tx.prepare_cached(
        "UPDATE pilot SET position = ordered.rank
         FROM (SELECT id, row_number() OVER (ORDER BY position, id) - 1 AS rank
               FROM pilot) AS ordered
         WHERE pilot.id = ordered.id AND pilot.position != ordered.rank",
    )?
    .execute([])?;
    Ok(())
}

fn load_section(tx: &Transaction, id: i64) -> Result<(i64, SectionText), EditError> {
    renumber_sections(tx)?;
    tx.query_row(
        "SELECT position, title, notes FROM section WHERE id = ?1",
        [id],
        |r| {
            Ok((
                r.get(0)?,
                SectionText {
                    title: r.get(1)?,
                    notes: r.get(2)?,
                },
            ))
        },
    )
    .optional()?
    .ok_or(EditError::NotFound {
        what: "section",
        id,
    })
}

fn count_blocks(tx: &Transaction, section_id: Option<i64>) -> Result<i64, EditError> {
    Ok(tx
        .prepare_cached("SELECT count(*) FROM block WHERE section_id IS ?1 AND position >= 0")?
        .query_row([section_id], |r| r.get(0))?)
}

fn block_ids_in(tx: &Transaction, section_id: Option<i64>) -> Result<Vec<i64>, EditError> {
    let ids = tx
        .prepare_cached("SELECT id FROM block WHERE section_id IS ?1 ORDER BY position, id")?
        .query_map([section_id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(ids)
}

/// Makes room at `place` and returns the slot to fill. Positions are renumbered first, so
/// a file whose positions have gaps or ties (made by hand or by another tool) still works.
fn open_slot(tx: &Transaction, place: Place) -> Result<Slot, EditError> {
    let section_id = place.section_id();
    if let Some(id) = section_id {
        load_section(tx, id)?;
    }
    renumber_blocks(tx, section_id)?;
    let len = count_blocks(tx, section_id)?;
    let index = i64::from(place.index());
    if index > len {
        let place_name = match section_id {
            None => "the library".to_string(),
            Some(id) => format!("section {id}"),
        };
        return Err(EditError::BadPosition {
            index: place.index(),
            place: place_name,
            len: len as u32,
        });
    }
    tx.prepare_cached(
        "UPDATE block SET position = position + 1 WHERE section_id IS ?1 AND position >= ?2",
    )?
    .execute(params![section_id, index])?;
    Ok(Slot {
        section_id,
        position: index,
    })
}

/// Closes the gap a block left at `slot`.
fn close_gap(tx: &Transaction, slot: Slot) -> Result<(), EditError> {
    tx.prepare_cached(
        "UPDATE block SET position = position - 1 WHERE section_id IS ?1 AND position > ?2",
    )?
    .execute(params![slot.section_id, slot.position])?;
    Ok(())
}

fn renumber_blocks(tx: &Transaction, section_id: Option<i64>) -> Result<(), EditError> {
    tx.prepare_cached(
        "UPDATE block SET position = ordered.rank
         FROM (SELECT id, row_number() OVER (ORDER BY position, id) - 1 AS rank
               FROM block WHERE section_id IS ?1 AND position >= 0) AS ordered
         WHERE block.id = ordered.id AND block.position != ordered.rank",
    )?
    .execute([section_id])?;
    Ok(())
}

fn renumber_sections(tx: &Transaction) -> Result<(), EditError> {
    tx.prepare_cached(
        "UPDATE section SET position = ordered.rank
         FROM (SELECT id, row_number() OVER (ORDER BY position, id) - 1 AS rank
               FROM section WHERE position >= 0) AS ordered
         WHERE section.id = ordered.id AND section.position != ordered.rank",
    )?
    .execute([])?;
    Ok(())
}

fn open_section_slot(tx: &Transaction, index: u32) -> Result<i64, EditError> {
    renumber_sections(tx)?;
    let len: i64 = tx.query_row(
        "SELECT count(*) FROM section WHERE position >= 0",
        [],
        |r| r.get(0),
    )?;
    if i64::from(index) > len {
        return Err(EditError::BadPosition {
            index,
            place: "the storyboard".into(),
            len: len as u32,
        });
    }
    tx.execute(
        "UPDATE section SET position = position + 1 WHERE position >= ?1",
        [index],
    )?;
    Ok(i64::from(index))
}

fn close_section_gap(tx: &Transaction, index: i64) -> Result<(), EditError> {
    tx.execute(
        "UPDATE section SET position = position - 1 WHERE position > ?1",
        [index],
    )?;
    Ok(())
}
