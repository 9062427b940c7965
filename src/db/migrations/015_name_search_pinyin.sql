-- Name search by distinctive bigrams and pinyin (ADR 019). search_text now also carries pinyin
-- syllable pairs and initials, which SQL cannot compute: rows written before this migration keep
-- version 1 and are recomputed in JS by refreshStaleSearchText (chunked, resumable), found through
-- the partial index below. New rows take the default, 2, because the code writing them is current.
ALTER TABLE subject ADD COLUMN search_version smallint NOT NULL DEFAULT 1;
ALTER TABLE subject ALTER COLUMN search_version SET DEFAULT 2;
CREATE INDEX subject_search_stale ON subject (id) WHERE search_version < 2;
-- A name search is a BitmapOr of several GIN scans, and each scan reads the whole pending list of
-- rows inserted since the last cleanup: at the default 4 MB that is ≈ 5 ms a scan after an import
-- (measured, 1,000,000 rows). A small list keeps every scan cheap; inserts flush it more often.
ALTER INDEX subject_search SET (gin_pending_list_limit = 256);
