-- Two changes for checks answered from the subject index (ADR 015).
--
-- The check log (credit_check) is append-only evidence written at thousands of rows a second
-- (ADR 015). Its foreign keys ran three referential-integrity triggers per row, each locking the
-- referenced department, matter and subject rows — about half of the log's cost in PostgreSQL.
-- The rows referenced are never deleted (no code path deletes a department, matter or subject), so
-- the log keeps the ids without the triggers. check_feedback keeps its reference to the check.
ALTER TABLE credit_check
  DROP CONSTRAINT IF EXISTS credit_check_department_id_fkey,
  DROP CONSTRAINT IF EXISTS credit_check_matter_id_fkey,
  DROP CONSTRAINT IF EXISTS credit_check_subject_id_fkey;

-- A subject's entries in any state: the latest negative record counts black entries that have since
-- expired or been removed (only revoked ones are not records), and the index reads them per subject
-- when the feed names it. The partial index (active, held) cannot serve that.
CREATE INDEX list_entry_subject_any ON list_entry (subject_id);
