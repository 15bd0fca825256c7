-- Version 1 of the case tables; ddl_v2.sql changes them (applied after this, always).
-- Case studies: the same tables in the personal library and in a project file.
-- `kinds` holds the outcome kinds as bits (see OutcomeKind::bit) and `identity` the
-- normalised title and organisation, for duplicates. The full-text index is contentless:
-- it keeps no second copy of the text (snippets are made from the rows), and the facet
-- index below lets facet counts read a narrow index instead of whole rows.
CREATE TABLE case_study (
    id               INTEGER PRIMARY KEY,
    title            TEXT NOT NULL,
    organisation     TEXT NOT NULL,
    industry         TEXT NOT NULL DEFAULT '',
    size             TEXT CHECK (size IN ('small', 'medium', 'large', 'enterprise')),
    region           TEXT NOT NULL DEFAULT '',
    year             INTEGER,
    initiative       TEXT NOT NULL DEFAULT '',
    outcomes         TEXT NOT NULL DEFAULT '[]',
    kinds            INTEGER NOT NULL DEFAULT 0,
    quote            TEXT,
    source_title     TEXT NOT NULL DEFAULT '',
    source_publisher TEXT NOT NULL DEFAULT '',
    source_link      TEXT,
    source_accessed  TEXT,
    evidence         TEXT NOT NULL
        CHECK (evidence IN ('anecdote', 'internal-report', 'published-study', 'audited-figure')),
    tags             TEXT NOT NULL DEFAULT '[]',
    relation         TEXT CHECK (relation IN ('peer', 'competitor')),
    identity         TEXT NOT NULL
) STRICT;
CREATE INDEX case_by_identity ON case_study (identity);
-- Also in store::FACET_INDEX (a big import builds it again): keep the two the same.
CREATE INDEX case_facets ON case_study (industry, size, year, evidence, relation, kinds);
CREATE VIRTUAL TABLE case_fts USING fts5(
    title, organisation, initiative, outcomes, quote, tags, industry, region,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '3'
);
INSERT INTO case_fts (case_fts, rank) VALUES ('rank', 'bm25(5.0, 2.0, 2.0, 3.0, 1.0, 3.0, 2.0, 1.0)');
