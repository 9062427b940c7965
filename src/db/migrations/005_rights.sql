-- Rights of the listed (豫政〔2016〕65号 五(七)(八)): objections that hold measures, credit repair,
-- and whistle-blowing reports with a confidential reporter. Deadlines are in working days.

-- Per list type overrides of the objection and repair deadlines and repair conditions (null = default).
ALTER TABLE list_type
  ADD COLUMN objection_days integer[] CHECK (objection_days IS NULL OR array_length(objection_days, 1) = 3),  -- accept, forward, decide
  ADD COLUMN repair_min_months integer CHECK (repair_min_months IS NULL OR repair_min_months >= 0),
  ADD COLUMN repair_requires text[] NOT NULL DEFAULT '{}';   -- e.g. {training, report}

CREATE TABLE objection (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  receipt_code     text NOT NULL UNIQUE,
  target_type      text NOT NULL CHECK (target_type IN ('entry', 'record')),
  target_id        uuid NOT NULL,
  provider_department_id uuid NOT NULL REFERENCES department(id),   -- answers for the data
  subject_id       uuid REFERENCES subject(id),
  reason           text NOT NULL,
  applicant_name   text NOT NULL,
  applicant_cipher bytea NOT NULL,           -- contact details, encrypted
  applicant_key_version integer NOT NULL,
  attachments      jsonb NOT NULL DEFAULT '[]',
  status           text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'returned', 'accepted', 'with_provider', 'decided')),
  outcome          text CHECK (outcome IN ('verified', 'unpublish', 'delete', 'update')),
  status_note      text,
  correction       jsonb,
  submitted_on     date NOT NULL,
  accept_due_on    date NOT NULL,
  forward_due_on   date,
  decide_due_on    date,
  accepted_at      timestamptz,
  forwarded_at     timestamptz,
  decided_at       timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX objection_target ON objection (target_type, target_id);
CREATE INDEX objection_open ON objection (status) WHERE status IN ('submitted', 'accepted', 'with_provider');
CREATE INDEX objection_provider ON objection (provider_department_id, status);

CREATE TABLE repair (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  receipt_code     text NOT NULL UNIQUE,
  target_type      text NOT NULL CHECK (target_type IN ('entry', 'record')),
  target_id        uuid NOT NULL,
  decider_department_id uuid NOT NULL REFERENCES department(id),    -- initiating / provider department
  subject_id       uuid NOT NULL REFERENCES subject(id),
  kind_of_repair   text NOT NULL CHECK (kind_of_repair IN ('serious_list_removal', 'penalty_unpublish', 'other_negative')),
  reason           text NOT NULL,
  commitment       text NOT NULL,            -- 信用修复型承诺
  evidence         jsonb NOT NULL DEFAULT '[]',
  applicant_name   text NOT NULL,
  applicant_cipher bytea NOT NULL,
  applicant_key_version integer NOT NULL,
  conditions       jsonb NOT NULL,           -- what the platform checked itself, at submission
  status           text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'approved', 'rejected')),
  decision_note    text,
  submitted_on     date NOT NULL,
  decide_due_on    date NOT NULL,
  decided_at       timestamptz,
  certificate_no   text UNIQUE,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX repair_target ON repair (target_type, target_id);
CREATE INDEX repair_subject ON repair (subject_id, status);
CREATE INDEX repair_decider ON repair (decider_department_id, status);

CREATE TABLE report (                         -- 失信举报
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  receipt_code     text NOT NULL UNIQUE,
  subject_uscc     text,
  subject_name     text NOT NULL,
  subject_id       uuid REFERENCES subject(id),
  content          text NOT NULL,
  anonymous        boolean NOT NULL,
  reporter_cipher  bytea,                     -- {name, contact} encrypted; null when anonymous
  reporter_key_version integer,
  status           text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'handling', 'closed')),
  handler_type     text,                      -- user | key
  handler_id       text,                      -- the only one who may see the reporter
  handler_department_id uuid REFERENCES department(id),
  result           text,
  submitted_on     date NOT NULL,
  handle_due_on    date NOT NULL,
  closed_at        timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_open ON report (status) WHERE status <> 'closed';
