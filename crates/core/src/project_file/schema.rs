//! The project file's schema and its migrations. Append a migration; never edit one that
//! has shipped, and bump the version only for a real change of schema (an older build
//! refuses newer files).

use rusqlite_migration::{Migrations, M};

/// The `user_version` this build writes and reads.
pub const SCHEMA_VERSION: i32 = 9;

/// The version that added stable ids and `merge_base`.
pub const FIRST_WITH_MERGE_BASES: i32 = 9;

/// Tables a file must have to be opened as a project.
pub const REQUIRED_TABLES: [&str; 3] = ["project", "section", "block"];

pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(V1),
        M::up(V2),
        M::up(V3),
        M::up(V4),
        M::up(V5),
        M::up(V6),
        M::up(V7),
        M::up(V8),
        M::up(V9),
    ])
}

// The application id is part of the first migration, so it is set in the same transaction
// that creates the schema.
const V1: &str = concat!(
    "PRAGMA application_id = ",
    // 0x43575254 ("CWRT"); checked against APPLICATION_ID in the tests below.
    "1129796180",
    ";
CREATE TABLE project (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    title    TEXT NOT NULL,
    author   TEXT NOT NULL DEFAULT '',
    audience TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE section (
    id       INTEGER PRIMARY KEY,
    position INTEGER NOT NULL,
    title    TEXT NOT NULL
) STRICT;
CREATE TABLE block (
    id         INTEGER PRIMARY KEY,
    section_id INTEGER NOT NULL REFERENCES section (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('benefit', 'story', 'metric')),
    title      TEXT NOT NULL,
    body       TEXT NOT NULL DEFAULT '',
    number     REAL,
    unit       TEXT,
    source     TEXT
) STRICT;
CREATE INDEX block_in_section ON block (section_id, position);
"
);

// Version 2: the storyboard editor. Blocks may live in the project's library (no section),
// carry the fields of their kind and tags; sections carry speaker notes. SQLite cannot
// relax NOT NULL in place, so the block table is rebuilt, keeping ids and order.
const V2: &str = "
ALTER TABLE section ADD COLUMN notes TEXT NOT NULL DEFAULT '';
CREATE TABLE block_v2 (
    id           INTEGER PRIMARY KEY,
    section_id   INTEGER REFERENCES section (id),
    position     INTEGER NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('benefit', 'story', 'metric')),
    title        TEXT NOT NULL,
    body         TEXT NOT NULL DEFAULT '',
    number       REAL,
    unit         TEXT,
    source       TEXT,
    source_link  TEXT,
    source_date  TEXT,
    organisation TEXT,
    relation     TEXT CHECK (relation IN ('peer', 'competitor')),
    direction    TEXT CHECK (direction IN ('higher', 'lower')),
    baseline     REAL,
    target       REAL,
    tags         TEXT NOT NULL DEFAULT '[]'
) STRICT;
INSERT INTO block_v2 (id, section_id, position, kind, title, body, number, unit, source)
    SELECT id, section_id, position, kind, title, body, number, unit, source FROM block;
DROP TABLE block;
ALTER TABLE block_v2 RENAME TO block;
CREATE INDEX block_in_section ON block (section_id, position);
";

// Version 3: the coach. A block remembers the rules the user dismissed for it.
const V3: &str = "ALTER TABLE block ADD COLUMN dismissed TEXT NOT NULL DEFAULT '[]';";

// Version 4: pictures. The organisation's logo and colour, and a photo (with its caption)
// on a block. Each picture is stored once, whatever uses it; the file is the only copy.
const V4: &str = "
CREATE TABLE image (
    id         INTEGER PRIMARY KEY,
    digest     TEXT NOT NULL UNIQUE,
    media_type TEXT NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png')),
    width      INTEGER NOT NULL CHECK (width > 0),
    height     INTEGER NOT NULL CHECK (height > 0),
    bytes      BLOB NOT NULL
) STRICT;
ALTER TABLE project ADD COLUMN logo_image INTEGER REFERENCES image (id);
ALTER TABLE project ADD COLUMN accent TEXT;
ALTER TABLE block ADD COLUMN photo_image INTEGER REFERENCES image (id);
ALTER TABLE block ADD COLUMN photo_caption TEXT NOT NULL DEFAULT '';
";

// Version 5: pilots. Each has success criteria; a criterion's recorded results are one
// JSON document in the shape of its design (checked when read).
const V5: &str = "
CREATE TABLE pilot (
    id            INTEGER PRIMARY KEY,
    position      INTEGER NOT NULL,
    name          TEXT NOT NULL,
    team          TEXT NOT NULL DEFAULT '',
    headcount     INTEGER CHECK (headcount >= 0),
    start_date    TEXT,
    end_date      TEXT,
    results_until TEXT,
    hypothesis    TEXT NOT NULL DEFAULT '',
    readiness     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE criterion (
    id        INTEGER PRIMARY KEY,
    pilot_id  INTEGER NOT NULL REFERENCES pilot (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    metric    TEXT NOT NULL,
    unit      TEXT,
    direction TEXT NOT NULL CHECK (direction IN ('higher', 'lower')),
    baseline  REAL,
    target    REAL,
    measure   TEXT NOT NULL DEFAULT '',
    results   TEXT NOT NULL
) STRICT;
CREATE INDEX criterion_of_pilot ON criterion (pilot_id, position);
";

// Version 6: case studies used in the project, in the same tables as the personal
// library (copied in, so a colleague sees them without the library), and the story
// block each became.
const V6: &str = concat!(
    include_str!("cases_ddl.sql"),
    "ALTER TABLE block ADD COLUMN case_id INTEGER REFERENCES case_study (id) ON DELETE SET NULL;"
);

// Version 7: the organisation's industry, which weighs in the "relevant to this project"
// ordering of case studies.
const V7: &str = "ALTER TABLE project ADD COLUMN industry TEXT NOT NULL DEFAULT '';";

// Version 8: the case tables' second version, as in the personal library (a leaner
// full-text index, and the list of common words).
const V8: &str = include_str!("cases_ddl_v2.sql");

// Version 9: sharing and merging. The project, each section and each block get a stable id
// that copies of the file share, sections and blocks a revision counted up by each change
// of their content, and the file keeps the states it was shared in (`merge_base`), the
// common ancestors of a three-way merge. Ids are random, so copies upgraded apart are not
// taken for the same project.
const V9: &str = "
ALTER TABLE project ADD COLUMN uid TEXT NOT NULL DEFAULT '';
UPDATE project SET uid = lower(hex(randomblob(16)));
ALTER TABLE section ADD COLUMN uid TEXT NOT NULL DEFAULT '';
ALTER TABLE section ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
UPDATE section SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX section_uid ON section (uid);
ALTER TABLE block ADD COLUMN uid TEXT NOT NULL DEFAULT '';
ALTER TABLE block ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
UPDATE block SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX block_uid ON block (uid);
CREATE TABLE merge_base (
    id       TEXT PRIMARY KEY,
    made_at  INTEGER NOT NULL,
    reason   TEXT NOT NULL CHECK (reason IN ('created', 'upgraded', 'shared', 'merged')),
    snapshot TEXT NOT NULL
) STRICT;
";

#[cfg(test)]
mod tests {
    use super::super::header::APPLICATION_ID;
    use super::*;

    #[test]
    fn version_8_files_gain_distinct_stable_ids() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        migrations().to_version(&mut conn, 8).unwrap();
        conn.execute_batch(
            "INSERT INTO project (id, title) VALUES (1, 'T');
             INSERT INTO section (id, position, title) VALUES (1, 0, 'A'), (2, 1, 'B');
             INSERT INTO block (id, section_id, position, kind, title)
                 VALUES (1, 1, 0, 'story', 'x'), (2, 1, 1, 'story', 'y'), (3, 2, 0, 'metric', 'z');",
        )
        .unwrap();
        migrations().to_latest(&mut conn).unwrap();
        let uids: Vec<String> = conn
            .prepare(
                "SELECT uid FROM project UNION ALL SELECT uid FROM section
                 UNION ALL SELECT uid FROM block",
            )
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(uids.len(), 6);
        let distinct: std::collections::HashSet<_> = uids.iter().collect();
        assert_eq!(distinct.len(), 6, "{uids:?}");
        assert!(uids.iter().all(|u| u.len() == 32), "{uids:?}");
    }

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
    }

    #[test]
    fn version_3_files_gain_pictures_without_losing_blocks() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        migrations().to_version(&mut conn, 3).unwrap();
        conn.execute_batch(
            "INSERT INTO project VALUES (1, 'T', 'A', 'B');
             INSERT INTO block (id, position, kind, title, dismissed)
                 VALUES (5, 0, 'story', 'Kept', '[\"jargon\"]');",
        )
        .unwrap();
        migrations().to_latest(&mut conn).unwrap();
        let row: (String, String, Option<i64>, String, Option<i64>) = conn
            .query_row(
                "SELECT title, dismissed, photo_image, photo_caption,
                        (SELECT logo_image FROM project)
                 FROM block WHERE id = 5",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .unwrap();
        assert_eq!(
            row,
            (
                "Kept".into(),
                "[\"jargon\"]".into(),
                None,
                String::new(),
                None
            )
        );
    }

    #[test]
    fn version_2_blocks_start_with_nothing_dismissed() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        migrations().to_version(&mut conn, 2).unwrap();
        conn.execute_batch(
            "INSERT INTO project VALUES (1, 'T', 'A', 'B');
             INSERT INTO block (id, position, kind, title) VALUES (5, 0, 'benefit', 'Kept');",
        )
        .unwrap();
        migrations().to_latest(&mut conn).unwrap();
        let row: (String, String) = conn
            .query_row("SELECT title, dismissed FROM block WHERE id = 5", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!(row, ("Kept".into(), "[]".into()));
    }

    #[test]
    fn version_1_files_keep_their_blocks_and_order_when_upgraded() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        migrations().to_version(&mut conn, 1).unwrap();
        conn.execute_batch(
            "INSERT INTO project VALUES (1, 'T', 'A', 'B');
             INSERT INTO section (id, position, title) VALUES (7, 0, 'Proof');
             INSERT INTO block (id, section_id, position, kind, title, number, unit, source)
                 VALUES (3, 7, 1, 'metric', 'Second', 5, '%', 'Report'),
                        (4, 7, 0, 'story', 'First', NULL, NULL, NULL);",
        )
        .unwrap();
        migrations().to_latest(&mut conn).unwrap();
        let rows: Vec<(i64, i64, String, Option<f64>, String, String)> = conn
            .prepare("SELECT id, position, title, number, tags, (SELECT notes FROM section) FROM block ORDER BY position")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            rows[0],
            (4, 0, "First".into(), None, "[]".into(), String::new())
        );
        assert_eq!(
            rows[1],
            (3, 1, "Second".into(), Some(5.0), "[]".into(), String::new())
        );
    }

    #[test]
    fn migrating_an_empty_database_stamps_id_and_version() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        migrations().to_latest(&mut conn).unwrap();
        let pragma =
            |name: &str| -> i32 { conn.pragma_query_value(None, name, |r| r.get(0)).unwrap() };
        assert_eq!(pragma("application_id"), APPLICATION_ID);
        assert_eq!(pragma("user_version"), SCHEMA_VERSION);
    }
}
