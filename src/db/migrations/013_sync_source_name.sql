-- The name of a followed platform's credit office (as its key says), so that applicants for an
-- objection or a repair of a mirrored entry are told, by name, where it is decided (ADR 009).
ALTER TABLE sync_source ADD COLUMN name text;
