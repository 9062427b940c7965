-- Joint rewards and punishments (发起—响应—反馈): list types, matters, measures, memoranda with each
-- implementing department's acceptance, list entries with their answerable persons and status
-- history, response tasks, checks and feedback.

CREATE TABLE list_type (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code            text NOT NULL UNIQUE,
  name            text NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('red', 'black')),
  domain          text NOT NULL,                    -- 司法, 税务, 安全生产, 生态环境 …
  initiating_department_id uuid REFERENCES department(id), -- null: seeded, not yet assigned
  legal_basis     text NOT NULL,
  term_months     integer CHECK (term_months IS NULL OR term_months > 0),
  repairable      boolean NOT NULL DEFAULT true,
  is_public       boolean NOT NULL DEFAULT true,
  exit_conditions text,
  source          text,                             -- document the seed row comes from
  edition         text,
  verified        boolean NOT NULL DEFAULT true,    -- false: seed text not confirmed against its source
  created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE matter (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code          text NOT NULL UNIQUE,
  name          text NOT NULL,
  department_id uuid NOT NULL REFERENCES department(id),
  category      text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE measure (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code               text NOT NULL UNIQUE,
  kind               text NOT NULL CHECK (kind IN ('reward', 'punishment')),
  nature             text NOT NULL CHECK (nature IN ('mandatory', 'recommended')),
  category           text,                          -- the national basic list's three kinds
  title              text NOT NULL,
  content            text,
  legal_basis        text NOT NULL,
  implementing_department_id uuid REFERENCES department(id), -- null: seeded, agency not yet mapped
  implementing_agency text,                         -- the agency named by the source (e.g. 市场监管部门)
  applies_to         text[] NOT NULL,               -- organization | responsible_person | natural_person
  matter_categories  text[] NOT NULL DEFAULT '{}',  -- empty: every matter
  edition            text,
  source             text,
  verified           boolean NOT NULL DEFAULT true,
  created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX measure_implementer ON measure (implementing_department_id);

CREATE TABLE memorandum (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code       text NOT NULL UNIQUE,
  doc_no     text NOT NULL,
  title      text NOT NULL,
  status     text NOT NULL DEFAULT 'in_force' CHECK (status IN ('notified', 'in_force', 'expired')),
  source     text,
  verified   boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE memorandum_list_type (
  memorandum_id uuid NOT NULL REFERENCES memorandum(id) ON DELETE CASCADE,
  list_type_id  uuid NOT NULL REFERENCES list_type(id),
  PRIMARY KEY (memorandum_id, list_type_id)
);
CREATE TABLE memorandum_measure (
  memorandum_id uuid NOT NULL REFERENCES memorandum(id) ON DELETE CASCADE,
  measure_id    uuid NOT NULL REFERENCES measure(id),
  PRIMARY KEY (memorandum_id, measure_id)
);
CREATE TABLE memorandum_acceptance (
  memorandum_id uuid NOT NULL REFERENCES memorandum(id) ON DELETE CASCADE,
  department_id uuid NOT NULL REFERENCES department(id),
  status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted')),
  accepted_at   timestamptz,
  accepted_by   text,
  PRIMARY KEY (memorandum_id, department_id)
);

CREATE TABLE list_entry (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  list_type_id   uuid NOT NULL REFERENCES list_type(id),
  subject_id     uuid NOT NULL REFERENCES subject(id),
  department_id  uuid NOT NULL REFERENCES department(id),  -- the initiating department that listed
  reason         text NOT NULL,
  decision_no    text NOT NULL,
  decided_on     date NOT NULL,
  starts_on      date NOT NULL,
  ends_on        date,                                     -- null: until removed
  status         text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'held', 'expired', 'removed', 'revoked')),
  origin         text,                                     -- platform an entry was mirrored from (跨地区联动)
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (list_type_id, subject_id, decision_no),
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX list_entry_subject ON list_entry (subject_id) WHERE status IN ('active', 'held');
CREATE INDEX list_entry_expiry ON list_entry (ends_on) WHERE status IN ('active', 'held') AND ends_on IS NOT NULL;
CREATE INDEX list_entry_type ON list_entry (list_type_id, status);

CREATE TABLE list_entry_person (              -- 落实到人: persons answerable for a listed organisation
  entry_id   uuid NOT NULL REFERENCES list_entry(id) ON DELETE CASCADE,
  person_id  uuid NOT NULL REFERENCES subject(id),
  role       text NOT NULL CHECK (role IN ('legal_representative', 'principal', 'directly_responsible')),
  source     text NOT NULL CHECK (source IN ('listing', 'relation')),
  PRIMARY KEY (entry_id, person_id, role)
);
CREATE INDEX list_entry_person_person ON list_entry_person (person_id);

CREATE TABLE list_entry_event (               -- full status history of an entry
  id         bigserial PRIMARY KEY,
  entry_id   uuid NOT NULL REFERENCES list_entry(id) ON DELETE CASCADE,
  from_status text,
  to_status  text NOT NULL,
  at         timestamptz NOT NULL DEFAULT now(),
  actor_type text NOT NULL,
  actor_id   text,
  reason     text
);
CREATE INDEX list_entry_event_entry ON list_entry_event (entry_id, id);

CREATE TABLE response_task (                  -- 响应: an implementing department must acknowledge a listing
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  entry_id        uuid NOT NULL REFERENCES list_entry(id) ON DELETE CASCADE,
  department_id   uuid NOT NULL REFERENCES department(id),
  memorandum_id   uuid NOT NULL REFERENCES memorandum(id),
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'acknowledged')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  acknowledged_at timestamptz,
  acknowledged_by text,
  UNIQUE (entry_id, department_id, memorandum_id)
);
CREATE INDEX response_task_department ON response_task (department_id, status);

CREATE TABLE credit_check (                   -- 应查必查: the evidence that a check happened
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  department_id   uuid NOT NULL REFERENCES department(id),
  actor_type      text NOT NULL,
  actor_id        text,
  matter_id       uuid NOT NULL REFERENCES matter(id),
  subject_id      uuid REFERENCES subject(id),   -- null: unknown subject or name-only query
  query           jsonb NOT NULL,                -- what was asked (ID numbers masked)
  result          jsonb NOT NULL,                -- what was answered
  outcome         text NOT NULL,
  feedback_due_on date,                          -- null: no measures, no feedback needed
  feedback_status text NOT NULL CHECK (feedback_status IN ('not_required', 'open', 'closed')),
  data_version    bigint NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX credit_check_department ON credit_check (department_id, created_at DESC);
CREATE INDEX credit_check_open ON credit_check (department_id, feedback_due_on) WHERE feedback_status = 'open';
CREATE INDEX credit_check_subject ON credit_check (subject_id);

CREATE TABLE check_feedback (                 -- 执行反馈
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  check_id      uuid NOT NULL UNIQUE REFERENCES credit_check(id),
  department_id uuid NOT NULL REFERENCES department(id),
  measures      jsonb NOT NULL,                -- [{code, action, reason?}]
  amount        numeric(18, 2),
  note          text NOT NULL,
  actor_type    text NOT NULL,
  actor_id      text,
  created_at    timestamptz NOT NULL DEFAULT now()
);
