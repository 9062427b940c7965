-- Information push (信息推送): feed retention, webhook subscriptions with their deliveries (a queue
-- per subscription, in the database), and platform-to-platform sync (跨地区联动). ADR 008, ADR 009.

-- The retention sweep deletes a prefix of the sequenced feed. `pruned_through` is the highest seq it
-- removed: a reader asking for changes after an older position would miss rows and is told to take a
-- snapshot again (410 FEED_CURSOR_EXPIRED) instead of silently skipping them.
CREATE TABLE feed_state (
  id             boolean PRIMARY KEY DEFAULT true CHECK (id),
  pruned_through bigint NOT NULL DEFAULT 0,
  pruned_at      timestamptz
);
INSERT INTO feed_state DEFAULT VALUES;

CREATE TABLE subscription (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  department_id      uuid NOT NULL REFERENCES department(id),
  url                text NOT NULL,
  events             text[] NOT NULL,                -- change types, or 'entry.*' / 'record.*' / 'task.*' / '*'
  list_types         text[],                          -- null: every list type
  secret_cipher      bytea NOT NULL,                  -- HMAC secret, encrypted like ID numbers (it must be used to sign)
  secret_key_version integer NOT NULL,
  secret_prefix      text NOT NULL,                   -- first characters, to recognise a secret in lists
  cursor             bigint NOT NULL,                 -- fan-out position in the feed (advanced with the deliveries it creates)
  paused_until       timestamptz,                     -- circuit breaker: the receiver failed, wait before the next attempt
  failing_since      timestamptz,
  created_by_type    text NOT NULL,
  created_by         text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  deleted_at         timestamptz
);
CREATE INDEX subscription_department ON subscription (department_id) WHERE deleted_at IS NULL;

-- One change to deliver to one subscription. The body is fixed when the row is created, so every
-- attempt sends (and signs) the same bytes. `lease_until` marks an attempt in flight: a worker killed
-- meanwhile leaves the row pending and another one retries it when the lease has passed.
CREATE TABLE delivery (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subscription_id uuid NOT NULL REFERENCES subscription(id),
  seq             bigint NOT NULL,
  event           text NOT NULL,
  subject_key     text NOT NULL,                      -- deliveries of one subject go out in seq order
  body            text NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'failed', 'delivered', 'dead')),
  attempts        integer NOT NULL DEFAULT 0,
  next_at         timestamptz NOT NULL DEFAULT now(),
  lease_until     timestamptz,
  last_attempt_at timestamptz,
  last_status     integer,
  last_error      text,
  delivered_at    timestamptz,
  dead_at         timestamptz,
  replayed_at     timestamptz,
  queued_at       timestamptz NOT NULL DEFAULT now(), -- the retry window starts here (again on replay)
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (subscription_id, seq)
);
CREATE INDEX delivery_open ON delivery (subscription_id, seq) WHERE status IN ('pending', 'failed');
CREATE INDEX delivery_open_subject ON delivery (subscription_id, subject_key, seq) WHERE status IN ('pending', 'failed');
CREATE INDEX delivery_status ON delivery (subscription_id, status, seq);
CREATE INDEX delivery_leased ON delivery (subscription_id) WHERE lease_until IS NOT NULL;
CREATE INDEX delivery_closed_at ON delivery (created_at) WHERE status IN ('delivered', 'dead');

-- Mirroring: where departments, list types and entries came from. `origin` is the code (USCC) of the
-- credit office of the platform that first published them; `origin_entry_id` the entry's id there.
ALTER TABLE department ADD COLUMN origin text;
ALTER TABLE list_type ADD COLUMN origin text;
ALTER TABLE list_entry ADD COLUMN origin_entry_id uuid;
CREATE UNIQUE INDEX list_entry_origin ON list_entry (origin, origin_entry_id) WHERE origin IS NOT NULL;

-- One platform this one follows. Progress is written in the transaction that applies each page, so a
-- follower killed at any point resumes exactly after the last page it applied.
CREATE TABLE sync_source (
  code            text PRIMARY KEY,                   -- the source's credit office (its USCC)
  url             text NOT NULL,
  phase           text NOT NULL CHECK (phase IN ('snapshot', 'follow')),
  generation      integer NOT NULL DEFAULT 1,         -- one per snapshot taken (a resnapshot reconciles the rest)
  snapshot_seq    bigint,                             -- feed position the snapshot continues from
  snapshot_cursor uuid,                               -- last entry id of the snapshot pages applied
  cursor          bigint NOT NULL DEFAULT 0,          -- feed position applied (phase follow)
  applied         bigint NOT NULL DEFAULT 0,          -- entries applied, for the operator
  last_error      text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);

-- Which local entry mirrors which entry of a source (a source may itself be a mirror: its ids are not
-- the origin's). entry_id null: seen but not mirrored (a local entry with the same decision exists).
CREATE TABLE sync_entry (
  source          text NOT NULL REFERENCES sync_source(code),
  source_entry_id uuid NOT NULL,
  entry_id        uuid REFERENCES list_entry(id),
  generation      integer NOT NULL,
  note            text,
  PRIMARY KEY (source, source_entry_id)
);
CREATE INDEX sync_entry_entry ON sync_entry (entry_id);
