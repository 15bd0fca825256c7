//! The project file's schema and its migrations. Append a migration; never edit one that
//! has shipped, and bump the version only for a real change of schema (an older build
//! refuses newer files).

use rusqlite_migration::{Migrations, M};

/// The `user_version` this build writes and reads.
pub const SCHEMA_VERSION: i32 = 1;

/// Tables a file must have to be opened as a project.
pub const REQUIRED_TABLES: [&str; 3] = ["project", "section", "block"];

pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![M::up(V1)])
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

#[cfg(test)]
mod tests {
    use super::super::header::APPLICATION_ID;
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
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
