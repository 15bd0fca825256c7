-- The case tables, second version (the library's version 2, a project file's version 8).
--
-- The full-text index keeps, per word, the cases and the fields that hold it, not the
-- word's positions: searches quote single words, never phrases, and bm25 still weighs
-- fields. It keeps no prefix index either: a prefix being typed is searched as its common
-- completions (case_common_term below) or, when they are all rare, gathered cheaply. The
-- index is under half the size and builds in half the time. Rebuilt from the rows.
DROP TABLE case_fts;
CREATE VIRTUAL TABLE case_fts USING fts5(
    title, organisation, initiative, outcomes, quote, tags, industry, region,
    content = '', contentless_delete = 1, detail = column,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO case_fts (case_fts, rank) VALUES ('rank', 'bm25(5.0, 2.0, 2.0, 3.0, 1.0, 3.0, 2.0, 1.0)');
INSERT INTO case_fts (rowid, title, organisation, initiative, outcomes, quote, tags, industry, region)
SELECT id, title, organisation, initiative,
       coalesce((SELECT group_concat(json_extract(value, '$.kind') || ' ' || json_extract(value, '$.description'), ' · ')
                 FROM json_each(outcomes)), ''),
       coalesce(quote, ''),
       coalesce((SELECT group_concat(value, ' ') FROM json_each(tags)), ''),
       industry, region
FROM case_study;

-- Words found in many cases, with how many (see search::COMMON_TERM_DOCS), refreshed after
-- each import. A longer prefix of such a word is searched as the words it completes to:
-- FTS5 would otherwise gather every case holding any word with that prefix first.
CREATE TABLE case_common_term (
    term TEXT PRIMARY KEY,
    docs INTEGER NOT NULL
) WITHOUT ROWID, STRICT;
