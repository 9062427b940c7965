-- The portal's 双公示 pages list one info type's published records across subjects, newest decision
-- first (records/public.ts): without this index a province's millions of records are sorted per page.
CREATE INDEX credit_record_public_list ON credit_record (info_type, decided_on DESC, record_id)
  WHERE is_current AND status IN ('active', 'held') AND disclosure = 'public';
