-- Collection (信用信息归集): the catalog of info types, the working-day calendar, import batches with
-- their rejected rows, and credit records with their versions and publication windows.

CREATE TABLE info_category (                     -- 全国公共信用信息基础目录 categories (data/catalog)
  code        text PRIMARY KEY,
  name        text NOT NULL UNIQUE,
  ordinal     integer NOT NULL,
  edition     text NOT NULL
);

CREATE TABLE info_type (                         -- the current version of each catalog item
  code        text PRIMARY KEY,
  name        text NOT NULL,
  category    text NOT NULL REFERENCES info_category(code),
  version     integer NOT NULL,
  definition  jsonb NOT NULL,                    -- fields, natural key, disclosure, providers … (domain/fields.ts)
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE info_type_version (                 -- every version ever in force; records name theirs
  code        text NOT NULL REFERENCES info_type(code),
  version     integer NOT NULL,
  definition  jsonb NOT NULL,
  actor_type  text NOT NULL,
  actor_id    text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (code, version)
);

-- Working-day calendar: one row per year whose State Council notice is loaded, and its special days.
-- A year without a row is counted with plain weekends (and warned about). ADR 006.
CREATE TABLE calendar_year (
  year        integer PRIMARY KEY,
  source      text NOT NULL CHECK (source IN ('chinese-days', 'api', 'file')),
  notice      text,                              -- e.g. 国办发明电〔2025〕7号
  loaded_at   timestamptz NOT NULL DEFAULT now(),
  actor_type  text NOT NULL,
  actor_id    text
);

CREATE TABLE calendar_day (
  day         date PRIMARY KEY,
  year        integer NOT NULL REFERENCES calendar_year(year) ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name        text NOT NULL,
  CHECK (extract(year FROM day) = year)
);

-- One delivery of a file. Progress (committed_row) is written in the same transaction as each chunk
-- of records, so a killed import resumes after the last committed chunk. ADR 005.
CREATE TABLE collection_batch (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  info_type      text NOT NULL REFERENCES info_type(code),
  type_version   integer NOT NULL,
  department_id  uuid NOT NULL REFERENCES department(id),
  actor_type     text NOT NULL,
  actor_id       text,
  via            text NOT NULL CHECK (via IN ('cli', 'api')),
  file_name      text NOT NULL,
  file_size      bigint NOT NULL,
  file_sha256    text NOT NULL,
  format         text NOT NULL CHECK (format IN ('xlsx', 'csv', 'jsonl')),
  encoding       text,
  all_or_nothing boolean NOT NULL DEFAULT false,
  override_reason text,
  status         text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'completed', 'rejected', 'failed')),
  phase          text NOT NULL DEFAULT 'writing' CHECK (phase IN ('validating', 'writing')),
  committed_row  integer NOT NULL DEFAULT 0,     -- last source row whose chunk committed
  total_rows     integer NOT NULL DEFAULT 0,
  accepted       integer NOT NULL DEFAULT 0,     -- new records
  versioned      integer NOT NULL DEFAULT 0,     -- new versions of existing records (incl. revocations)
  unchanged      integer NOT NULL DEFAULT 0,
  revoked        integer NOT NULL DEFAULT 0,
  rejected       integer NOT NULL DEFAULT 0,
  warnings       jsonb NOT NULL DEFAULT '[]',
  error          text,
  started_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  finished_at    timestamptz
);
CREATE INDEX collection_batch_department ON collection_batch (department_id, started_at DESC);
CREATE INDEX collection_batch_resumable ON collection_batch (department_id, info_type, file_sha256)
  WHERE status IN ('running', 'failed');

CREATE TABLE collection_reject (
  batch_id    uuid NOT NULL REFERENCES collection_batch(id) ON DELETE CASCADE,
  row_no      integer NOT NULL,                  -- the row as the clerk sees it (spreadsheet row, JSONL line)
  ord         smallint NOT NULL,                 -- several problems of one row
  field       text NOT NULL,                     -- the column header as written in the file
  code        text NOT NULL,
  reason      text NOT NULL,
  PRIMARY KEY (batch_id, row_no, ord)
);

-- Credit records, one row per version. The record's identity (record_id) is stable across versions;
-- exactly one version is current. Never overwritten: a changed row makes a new version, the old one
-- stays as 'corrected'. Personal fields are encrypted (pii_cipher) and kept masked in `fields`.
-- info_type and batch_id carry no foreign key: an import writes thousands of rows with the same two
-- values, taken from the batch row it holds locked, and a per-row FK check costs ~10 % of the insert;
-- info types and batches are never deleted. subject_id and department_id keep theirs.
CREATE TABLE credit_record (
  id                  uuid PRIMARY KEY,
  record_id           uuid NOT NULL,
  version             integer NOT NULL,
  is_current          boolean NOT NULL DEFAULT true,
  info_type           text NOT NULL,                 -- info_type(code); no FK (see above)
  type_version        integer NOT NULL,
  natural_key         text NOT NULL,
  subject_id          uuid NOT NULL REFERENCES subject(id),
  department_id       uuid NOT NULL REFERENCES department(id),
  batch_id            uuid,                          -- collection_batch(id); no FK (see above)
  row_no              integer,
  fields              jsonb NOT NULL,
  pii_cipher          bytea,
  pii_key_version     integer,
  content_hash        text NOT NULL,             -- keyed digest of every value, to recognise unchanged rows
  disclosure          text NOT NULL CHECK (disclosure IN ('public', 'shared', 'restricted')),
  decided_on          date,
  severity            text CHECK (severity IN ('minor', 'general', 'serious')),
  status              text NOT NULL CHECK (status IN ('active', 'held', 'corrected', 'revoked', 'unpublished', 'expired')),
  publish_policy      text,
  publish_from        date,
  min_publish_until   date,
  max_publish_until   date,
  received_on         date NOT NULL,             -- the day it reached the platform (China time)
  delay_working_days  integer,                   -- 双公示 timeliness: working days (decision, received]
  overrides           jsonb,                     -- identifier checks overridden, with reasons
  recorded_at         timestamptz NOT NULL DEFAULT now(),
  status_changed_at   timestamptz,
  UNIQUE (record_id, version)
);
CREATE UNIQUE INDEX credit_record_current_key ON credit_record (info_type, department_id, natural_key) WHERE is_current;
CREATE INDEX credit_record_subject ON credit_record (subject_id, info_type);
CREATE INDEX credit_record_received ON credit_record (department_id, received_on) WHERE version = 1;
CREATE INDEX credit_record_expiry ON credit_record (max_publish_until) WHERE status = 'active' AND is_current;
