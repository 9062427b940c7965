-- 信用承诺: commitments subjects make to a department (审批替代型, 容缺受理型…), coded region + date +
-- serial, and whether they were kept. A commitment not (fully) kept is a negative record.
CREATE TABLE commitment (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code             text NOT NULL UNIQUE,
  subject_id       uuid NOT NULL REFERENCES subject(id),
  department_id    uuid NOT NULL REFERENCES department(id),   -- the department it was made to
  type             text NOT NULL CHECK (type IN ('审批替代型', '容缺受理型', '证明事项型', '信用修复型', '行业自律型', '主动型', '其他')),
  matter           text NOT NULL,                            -- the procedure it was made in
  content          text NOT NULL,
  made_on          date NOT NULL,
  due_on           date,                                     -- by when it must be kept (if stated)
  is_public        boolean NOT NULL DEFAULT true,
  fulfilment       text CHECK (fulfilment IN ('fulfilled', 'partial', 'unfulfilled')),
  fulfilment_on    date,
  fulfilment_note  text,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX commitment_subject ON commitment (subject_id);
CREATE INDEX commitment_department ON commitment (department_id, made_on DESC);
CREATE INDEX commitment_broken ON commitment (subject_id, fulfilment_on) WHERE fulfilment IN ('partial', 'unfulfilled');

CREATE TABLE commitment_serial (               -- the serial part of the code, per region and day
  region_code text NOT NULL,
  made_on     date NOT NULL,
  last        integer NOT NULL,
  PRIMARY KEY (region_code, made_on)
);
