-- Rights of the listed on credit records (issue 6, ADR 010): objections hold a record, decisions and
-- credit repair move it out of publication, with a status history like list entries have.

-- When set, departments other than the provider no longer receive the record (any version): a record
-- deleted on objection, revoked by its department, or repaired (停止共享). The provider and the credit
-- office keep it as history. NULL = shared as its disclosure says.
ALTER TABLE credit_record ADD COLUMN sharing_stopped_at timestamptz;

CREATE TABLE credit_record_event (            -- status history of a record (all its versions)
  id          bigserial PRIMARY KEY,
  record_id   uuid NOT NULL,                  -- credit_record.record_id (stable across versions)
  version_id  uuid NOT NULL REFERENCES credit_record(id),
  from_status text NOT NULL,
  to_status   text NOT NULL,
  at          timestamptz NOT NULL DEFAULT now(),
  actor_type  text NOT NULL,
  actor_id    text,
  reason      text
);
CREATE INDEX credit_record_event_record ON credit_record_event (record_id, id);


-- The publication sweep also ends held records past their maximum window (an objection does not
-- extend it); held records are few, so their own small partial index.
CREATE INDEX credit_record_expiry_held ON credit_record (max_publish_until) WHERE status = 'held' AND is_current;
