//! Pilots in the file: read (each checked, as a colleague's file may hold anything) and
//! written, shared by loading, replacing and the storyboard's pilot edits.

use rusqlite::{params, Connection};

use super::rows::RowError;

use crate::model::Direction;
use crate::pilot::{Criterion, Pilot, Results};

/// Reads every pilot in order, with its criteria in order. `Err` names what is wrong.
pub fn load(conn: &Connection) -> Result<Vec<Pilot>, RowError> {
    let mut pilots: Vec<Pilot> = conn
        .prepare_cached(
            "SELECT id, name, team, headcount, start_date, end_date, results_until, hypothesis,
                    readiness
             FROM pilot ORDER BY position, id",
        )?
        .query_map([], |r| {
            Ok(Pilot {
                id: r.get(0)?,
                name: r.get(1)?,
                team: r.get(2)?,
                headcount: r.get(3)?,
                start: r.get(4)?,
                end: r.get(5)?,
                results_until: r.get(6)?,
                hypothesis: r.get(7)?,
                readiness: r.get(8)?,
                criteria: Vec::new(),
            })
        })?
        .collect::<Result<_, _>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, pilot_id, metric, unit, direction, baseline, target, measure, results
         FROM criterion ORDER BY pilot_id, position, id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let pilot_id: i64 = row.get(1)?;
        let invalid =
            |what: String| RowError::Invalid(format!("success criterion {id} has {what}"));
        let direction: String = row.get(4)?;
        let direction = Direction::parse(&direction)
            .ok_or_else(|| invalid(format!("an unknown direction {direction:?}")))?;
        let results: String = row.get(8)?;
        let results: Results = serde_json::from_str(&results)
            .map_err(|e| invalid(format!("results that cannot be read ({e})")))?;
        let criterion = Criterion {
            id,
            metric: row.get(2)?,
            unit: row.get(3)?,
            direction,
            baseline: row.get(5)?,
            target: row.get(6)?,
            measure: row.get(7)?,
            results,
        };
        pilots
            .iter_mut()
            .find(|p| p.id == pilot_id)
            .ok_or_else(|| invalid("no pilot".into()))?
            .criteria
            .push(criterion);
    }
    for pilot in &pilots {
        pilot.check().map_err(|why| {
            RowError::Invalid(format!("pilot {} ({}): {why}", pilot.id, pilot.name))
        })?;
    }
    Ok(pilots)
}

/// Inserts `pilot` at `position` with its criteria; with `keep_ids` the pilot's and the
/// criteria's own ids are used (undoing a delete), otherwise SQLite assigns them.
pub fn insert(
    conn: &Connection,
    pilot: &Pilot,
    position: i64,
    keep_ids: bool,
) -> rusqlite::Result<i64> {
    conn.prepare_cached(
        "INSERT INTO pilot (id, position, name, team, headcount, start_date, end_date,
             results_until, hypothesis, readiness)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        keep_ids.then_some(pilot.id),
        position,
        pilot.name,
        pilot.team,
        pilot.headcount,
        pilot.start,
        pilot.end,
        pilot.results_until,
        pilot.hypothesis,
        pilot.readiness,
    ])?;
    let id = conn.last_insert_rowid();
    insert_criteria(conn, id, &pilot.criteria, keep_ids)?;
    Ok(id)
}

/// Overwrites the pilot with `pilot.id` (not its place), criteria included.
pub fn update(conn: &Connection, pilot: &Pilot) -> rusqlite::Result<usize> {
    let changed = conn
        .prepare_cached(
            "UPDATE pilot SET name = ?2, team = ?3, headcount = ?4, start_date = ?5,
                 end_date = ?6, results_until = ?7, hypothesis = ?8, readiness = ?9
             WHERE id = ?1",
        )?
        .execute(params![
            pilot.id,
            pilot.name,
            pilot.team,
            pilot.headcount,
            pilot.start,
            pilot.end,
            pilot.results_until,
            pilot.hypothesis,
            pilot.readiness,
        ])?;
    if changed == 1 {
        conn.execute("DELETE FROM criterion WHERE pilot_id = ?1", [pilot.id])?;
        // Criteria keep their ids (new ones, id 0, get fresh ones).
        for (position, criterion) in pilot.criteria.iter().enumerate() {
            insert_criterion(conn, pilot.id, criterion, position as i64, criterion.id > 0)?;
        }
    }
    Ok(changed)
}

fn insert_criteria(
    conn: &Connection,
    pilot_id: i64,
    criteria: &[Criterion],
    keep_ids: bool,
) -> rusqlite::Result<()> {
    for (position, criterion) in criteria.iter().enumerate() {
        insert_criterion(conn, pilot_id, criterion, position as i64, keep_ids)?;
    }
    Ok(())
}

fn insert_criterion(
    conn: &Connection,
    pilot_id: i64,
    criterion: &Criterion,
    position: i64,
    keep_id: bool,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO criterion (id, pilot_id, position, metric, unit, direction, baseline,
             target, measure, results)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        keep_id.then_some(criterion.id),
        pilot_id,
        position,
        criterion.metric,
        criterion.unit,
        criterion.direction.as_str(),
        criterion.baseline,
        criterion.target,
        criterion.measure,
        serde_json::to_string(&criterion.results).expect("results serialise"),
    ])?;
    Ok(())
}
