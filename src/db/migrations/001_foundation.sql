-- Foundation: departments, people who act for them, subjects, audit trail and the change outbox.
CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TABLE department (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code        text NOT NULL UNIQUE,              -- the department's own USCC
  name        text NOT NULL,
  region_code text NOT NULL,
  roles       text[] NOT NULL DEFAULT '{}',      -- provider | initiating | implementing | platform
  is_platform boolean NOT NULL DEFAULT false,    -- the credit office that runs this platform
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX department_one_platform ON department (is_platform) WHERE is_platform;

CREATE TABLE app_user (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  department_id uuid NOT NULL REFERENCES department(id),
  username      text NOT NULL UNIQUE,
  display_name  text NOT NULL,
  role          text NOT NULL CHECK (role IN ('admin', 'officer')),
  password_hash text NOT NULL,
  disabled      boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now(),
  password_changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_session (
  token_hash  text PRIMARY KEY,                  -- sha256 of the cookie value; the value is never stored
  user_id     uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);
CREATE INDEX user_session_user ON user_session (user_id);

CREATE TABLE api_key (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  department_id uuid NOT NULL REFERENCES department(id),
  role          text NOT NULL CHECK (role IN ('admin', 'officer', 'system')),
  name          text,
  prefix        text NOT NULL,                   -- first characters, to recognise a key in lists
  key_hash      text NOT NULL UNIQUE,            -- sha256 of the whole key (keys are 190-bit random)
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz,
  revoked_at    timestamptz
);
CREATE INDEX api_key_department ON api_key (department_id);

CREATE TABLE subject (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind          text NOT NULL CHECK (kind IN ('organization', 'individual_business', 'natural_person')),
  name          text NOT NULL,
  name_key      text NOT NULL,                   -- normalised name used for matching
  search_text   tsvector NOT NULL,               -- character bigrams of the name (GIN, 'simple')
  uscc          text UNIQUE,
  org_code      text,
  reg_no        text,
  region_code   text,
  id_cipher     bytea,                           -- natural persons: encrypted ID number
  id_key_version integer,
  id_blind      text UNIQUE,                     -- keyed blind index (HMAC) for lookup
  id_masked     text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'natural_person') = (id_blind IS NOT NULL)),
  CHECK (kind = 'natural_person' OR uscc IS NOT NULL)
);
CREATE INDEX subject_search ON subject USING gin (search_text);
CREATE INDEX subject_name_key ON subject (name_key);
CREATE INDEX subject_org_code ON subject (org_code) WHERE org_code IS NOT NULL;
CREATE INDEX subject_reg_no ON subject (reg_no) WHERE reg_no IS NOT NULL;

CREATE TABLE subject_name (                      -- former names and aliases, kept for matching
  id          bigserial PRIMARY KEY,
  subject_id  uuid NOT NULL REFERENCES subject(id) ON DELETE CASCADE,
  name        text NOT NULL,
  name_key    text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('former', 'alias')),
  until_on    date,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (subject_id, name_key)
);
CREATE INDEX subject_name_key_idx ON subject_name (name_key);

CREATE TABLE subject_relation (                  -- organisation → answerable person (落实到人)
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES subject(id),
  person_id       uuid NOT NULL REFERENCES subject(id),
  role            text NOT NULL CHECK (role IN ('legal_representative', 'principal', 'directly_responsible')),
  starts_on       date,
  ends_on         date,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, person_id, role, starts_on)
);
CREATE INDEX subject_relation_person ON subject_relation (person_id);

-- Audit trail. Rows are written inside the transaction of the change they describe; the sealer
-- (src/modules/audit/seal.ts) later gives committed rows their place (seq) and SM3 hash chain in
-- commit order, so writers never wait on a global lock. See ADR 003.
CREATE TABLE audit_event (
  id            bigserial PRIMARY KEY,
  txid          xid8 NOT NULL DEFAULT pg_current_xact_id(),
  seq           bigint UNIQUE,
  prev_hash     text,
  hash          text,
  at            timestamptz NOT NULL,
  actor_type    text NOT NULL,                   -- user | key | system | public
  actor_id      text,
  department_id uuid,
  action        text NOT NULL,                   -- e.g. department.created, subject.viewed
  entity_type   text NOT NULL,
  entity_id     text,
  data          jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_event_pending ON audit_event (txid, id) WHERE seq IS NULL;
CREATE INDEX audit_event_entity ON audit_event (entity_type, entity_id);
CREATE INDEX audit_event_department ON audit_event (department_id, id);

-- The change outbox/feed. Same scheme: `seq` is assigned after commit, in commit order, by the
-- sequencer (src/modules/changes/sequencer.ts), so a reader paging with after=seq never skips a
-- row that committed late. See ADR 003.
CREATE TABLE change (
  id            bigserial PRIMARY KEY,
  txid          xid8 NOT NULL DEFAULT pg_current_xact_id(),
  seq           bigint UNIQUE,
  type          text NOT NULL,
  at            timestamptz NOT NULL DEFAULT now(),
  subject_id    uuid,
  is_public     boolean NOT NULL DEFAULT false,
  departments   uuid[] NOT NULL DEFAULT '{}',    -- departments that may see a non-public change
  data          jsonb NOT NULL
);
CREATE INDEX change_pending ON change (txid, id) WHERE seq IS NULL;
