-- Case studies: the same tables in the personal library and in a project file.
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
CREATE INDEX case_by_industry ON case_study (industry);
CREATE INDEX case_by_year ON case_study (year);
CREATE TABLE case_outcome_kind (
    case_id INTEGER NOT NULL REFERENCES case_study (id) ON DELETE CASCADE,
    kind    TEXT NOT NULL,
    PRIMARY KEY (case_id, kind)
) STRICT, WITHOUT ROWID;
CREATE INDEX case_outcome_by_kind ON case_outcome_kind (kind);
CREATE VIRTUAL TABLE case_fts USING fts5(
    title, organisation, initiative, outcomes, quote, tags, industry, region,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
