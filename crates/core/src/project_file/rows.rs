//! Mapping blocks to and from rows, shared by loading, saving and the storyboard edits.
//! Values from the file are checked here: a hand-made file can hold what our schema's
//! CHECK constraints would have refused.

use rusqlite::{params, Connection, Row};

use crate::model::{Block, BlockKind, Direction, ImageRef, Photo, Relation};

/// The columns [`block_from_row`] reads, in order.
pub const BLOCK_COLUMNS: &str = "id, section_id, position, kind, title, body, number, unit, \
     source, source_link, source_date, organisation, relation, direction, baseline, target, tags, dismissed, \
     photo_image, photo_caption, case_id, \
     (SELECT width FROM image WHERE image.id = photo_image), \
     (SELECT height FROM image WHERE image.id = photo_image), uid";

/// SQL for a stored row's uid: the one given (bound as `?n`) unless it is empty or
/// taken in `table`, else a new random one.
pub fn uid_sql(table: &str, n: u32) -> String {
    format!(
        "CASE WHEN ?{n} = '' OR EXISTS (SELECT 1 FROM {table} WHERE uid = ?{n}) \
         THEN lower(hex(randomblob(16))) ELSE ?{n} END"
    )
}

/// Where a block sits: in a section (`Some(id)`) or the library (`None`), and its index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub section_id: Option<i64>,
    pub position: i64,
}

/// Why a stored row could not be read (a block, a pilot, a case: a colleague's file can
/// hold anything).
#[derive(Debug)]
pub enum RowError {
    Sql(rusqlite::Error),
    Invalid(String),
}

impl From<rusqlite::Error> for RowError {
    fn from(e: rusqlite::Error) -> RowError {
        RowError::Sql(e)
    }
}

pub fn block_from_row(row: &Row) -> Result<(Slot, Block), RowError> {
    let id: i64 = row.get(0)?;
    let invalid = |what: String| RowError::Invalid(format!("block {id} has {what}"));
    let kind_name: String = row.get(3)?;
    let kind = BlockKind::parse(&kind_name)
        .ok_or_else(|| invalid(format!("an unknown kind {kind_name:?}")))?;
    let relation = match row.get::<_, Option<String>>(12)? {
        None => None,
        Some(name) => Some(
            Relation::parse(&name)
                .ok_or_else(|| invalid(format!("an unknown relation {name:?}")))?,
        ),
    };
    let direction = match row.get::<_, Option<String>>(13)? {
        None => None,
        Some(name) => Some(
            Direction::parse(&name)
                .ok_or_else(|| invalid(format!("an unknown direction {name:?}")))?,
        ),
    };
    let tags_json: String = row.get(16)?;
    let tags: Vec<String> = serde_json::from_str(&tags_json)
        .map_err(|_| invalid(format!("tags that are not a list of words: {tags_json:?}")))?;
    let dismissed_json: String = row.get(17)?;
    let dismissed: Vec<String> = serde_json::from_str(&dismissed_json).map_err(|_| {
        invalid(format!(
            "dismissed advice that is not a list of rule ids: {dismissed_json:?}"
        ))
    })?;
    let photo = match row.get::<_, Option<i64>>(18)? {
        None => None,
        Some(image) => Some(Photo {
            image: image_ref(image, row.get(21)?, row.get(22)?)
                .ok_or_else(|| invalid(format!("a photo ({image}) the file does not hold")))?,
            caption: row.get(19)?,
        }),
    };
    let slot = Slot {
        section_id: row.get(1)?,
        position: row.get(2)?,
    };
    let block = Block {
        id,
        uid: row.get(23)?,
        kind,
        title: row.get(4)?,
        body: row.get(5)?,
        number: row.get(6)?,
        unit: row.get(7)?,
        source: row.get(8)?,
        source_link: row.get(9)?,
        source_date: row.get(10)?,
        organisation: row.get(11)?,
        relation,
        direction,
        baseline: row.get(14)?,
        target: row.get(15)?,
        tags,
        dismissed,
        photo,
        case_id: row.get(20)?,
    };
    Ok((slot, block))
}

/// A stored picture's reference from its id and its size as read from the `image` table
/// (`None` when there is no such picture, or its size is not a size).
pub fn image_ref(id: i64, width: Option<i64>, height: Option<i64>) -> Option<ImageRef> {
    let side = |v: Option<i64>| v.and_then(|v| u32::try_from(v).ok()).filter(|&v| v > 0);
    Some(ImageRef {
        id,
        width: side(width)?,
        height: side(height)?,
    })
}

/// Inserts `block` at `slot`; with `keep_id` the block's own id is used (restoring a
/// deleted block), otherwise SQLite assigns one. Returns the id.
pub fn insert_block(
    conn: &Connection,
    block: &Block,
    slot: Slot,
    keep_id: bool,
) -> rusqlite::Result<i64> {
    conn.prepare_cached(&format!(
        "INSERT INTO block (id, section_id, position, kind, title, body, number, unit, source,
             source_link, source_date, organisation, relation, direction, baseline, target, tags,
             dismissed, photo_image, photo_caption, case_id, uid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                 ?19, ?20, ?21, {})",
        uid_sql("block", 22)
    ))?
    .execute(params![
        keep_id.then_some(block.id),
        slot.section_id,
        slot.position,
        block.kind.as_str(),
        block.title,
        block.body,
        block.number,
        block.unit,
        block.source,
        block.source_link,
        block.source_date,
        block.organisation,
        block.relation.map(Relation::as_str),
        block.direction.map(Direction::as_str),
        block.baseline,
        block.target,
        tags_json(&block.tags),
        tags_json(&block.dismissed),
        block.photo.as_ref().map(|p| p.image.id),
        block.photo.as_ref().map_or("", |p| p.caption.as_str()),
        block.case_id,
        block.uid,
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Overwrites every field of the block with `block.id` (not its place or uid), counting
/// its revision up.
pub fn update_block(conn: &Connection, block: &Block) -> rusqlite::Result<usize> {
    conn.prepare_cached(
        "UPDATE block SET kind = ?2, title = ?3, body = ?4, number = ?5, unit = ?6, source = ?7,
             source_link = ?8, source_date = ?9, organisation = ?10, relation = ?11,
             direction = ?12, baseline = ?13, target = ?14, tags = ?15, dismissed = ?16,
             photo_image = ?17, photo_caption = ?18, case_id = ?19, revision = revision + 1
         WHERE id = ?1",
    )?
    .execute(params![
        block.id,
        block.kind.as_str(),
        block.title,
        block.body,
        block.number,
        block.unit,
        block.source,
        block.source_link,
        block.source_date,
        block.organisation,
        block.relation.map(Relation::as_str),
        block.direction.map(Direction::as_str),
        block.baseline,
        block.target,
        tags_json(&block.tags),
        tags_json(&block.dismissed),
        block.photo.as_ref().map(|p| p.image.id),
        block.photo.as_ref().map_or("", |p| p.caption.as_str()),
        block.case_id,
    ])
}

fn tags_json(tags: &[String]) -> String {
    serde_json::to_string(tags).expect("a list of strings serialises")
}
