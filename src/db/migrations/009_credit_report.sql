-- 信用报告: every public credit report the portal issues is recorded with its number and the SM3
-- digest of its content, so whoever receives one (a tender office, a bank) can verify it on the
-- platform by number (GET /public/credit-reports/{no}).
CREATE TABLE credit_report (
  no          text PRIMARY KEY,
  subject_id  uuid NOT NULL REFERENCES subject(id),
  digest      text NOT NULL,
  entries     integer NOT NULL,
  records     integer NOT NULL,
  issued_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX credit_report_subject ON credit_report (subject_id, issued_at DESC);
