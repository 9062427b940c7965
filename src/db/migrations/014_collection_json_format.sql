-- Departments whose interfaces answer in JSON deliver .json files (an array of objects, or an answer
-- wrapping one), read element by element (collection/json-rows.ts).
ALTER TABLE collection_batch DROP CONSTRAINT collection_batch_format_check;
ALTER TABLE collection_batch ADD CONSTRAINT collection_batch_format_check CHECK (format IN ('xlsx', 'csv', 'jsonl', 'json'));
