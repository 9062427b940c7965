// Table shapes for Kysely, following src/db/migrations. Generated columns are `Generated<…>`.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface DepartmentTable {
  id: Generated<string>;
  code: string;
  name: string;
  region_code: string;
  roles: string[];
  is_platform: Generated<boolean>;
  created_at: Generated<Date>;
  /** Mirrored from another platform (its credit office code); null: local. 004_push. */
  origin: Generated<string | null>;
}

export interface AppUserTable {
  id: Generated<string>;
  department_id: string;
  username: string;
  display_name: string;
  role: 'admin' | 'officer';
  password_hash: string;
  disabled: Generated<boolean>;
  created_at: Generated<Date>;
  password_changed_at: Generated<Date>;
}

export interface UserSessionTable {
  token_hash: string;
  user_id: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
}

export interface ApiKeyTable {
  id: Generated<string>;
  department_id: string;
  role: 'admin' | 'officer' | 'system';
  name: string | null;
  prefix: string;
  key_hash: string;
  created_at: Generated<Date>;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface SubjectTable {
  id: Generated<string>;
  kind: 'organization' | 'individual_business' | 'natural_person';
  name: string;
  name_key: string;
  search_text: string;
  uscc: string | null;
  org_code: string | null;
  reg_no: string | null;
  region_code: string | null;
  id_cipher: Buffer | null;
  id_key_version: number | null;
  id_blind: string | null;
  id_masked: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SubjectNameTable {
  id: Generated<string>;
  subject_id: string;
  name: string;
  name_key: string;
  kind: 'former' | 'alias';
  until_on: string | null;
  created_at: Generated<Date>;
}

export interface SubjectRelationTable {
  id: Generated<string>;
  organization_id: string;
  person_id: string;
  role: 'legal_representative' | 'principal' | 'directly_responsible';
  starts_on: string | null;
  ends_on: string | null;
  created_at: Generated<Date>;
}

export interface AuditEventTable {
  id: Generated<string>;
  txid: Generated<string>;
  seq: string | null;
  prev_hash: string | null;
  hash: string | null;
  at: Timestamp;
  actor_type: string;
  actor_id: string | null;
  department_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  data: unknown;
}

export interface ChangeTable {
  id: Generated<string>;
  txid: Generated<string>;
  seq: string | null;
  type: string;
  at: Generated<Date>;
  subject_id: string | null;
  is_public: Generated<boolean>;
  departments: Generated<string[]>;
  data: unknown;
}

export interface ListTypeTable {
  id: Generated<string>;
  code: string;
  name: string;
  kind: 'red' | 'black';
  domain: string;
  initiating_department_id: string | null;
  legal_basis: string;
  term_months: number | null;
  repairable: Generated<boolean>;
  is_public: Generated<boolean>;
  exit_conditions: string | null;
  source: string | null;
  edition: string | null;
  verified: Generated<boolean>;
  created_at: Generated<Date>;
  objection_days: ColumnType<number[] | null, number[] | null | undefined, number[] | null>;
  repair_min_months: ColumnType<number | null, number | null | undefined, number | null>;
  repair_requires: Generated<string[]>;
}

export interface MatterTable {
  id: Generated<string>;
  code: string;
  name: string;
  department_id: string;
  category: string;
  created_at: Generated<Date>;
}

export interface MeasureTable {
  id: Generated<string>;
  code: string;
  kind: 'reward' | 'punishment';
  nature: 'mandatory' | 'recommended';
  category: string | null;
  title: string;
  content: string | null;
  legal_basis: string;
  implementing_department_id: string | null;
  implementing_agency: string | null;
  applies_to: string[];
  matter_categories: Generated<string[]>;
  edition: string | null;
  source: string | null;
  verified: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface MemorandumTable {
  id: Generated<string>;
  code: string;
  doc_no: string;
  title: string;
  status: Generated<'notified' | 'in_force' | 'expired'>;
  source: string | null;
  verified: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface MemorandumListTypeTable { memorandum_id: string; list_type_id: string }
export interface MemorandumMeasureTable { memorandum_id: string; measure_id: string }
export interface MemorandumAcceptanceTable {
  memorandum_id: string;
  department_id: string;
  status: Generated<'pending' | 'accepted'>;
  accepted_at: Timestamp | null;
  accepted_by: string | null;
}

export type EntryStatus = 'active' | 'held' | 'expired' | 'removed' | 'revoked';

export interface ListEntryTable {
  id: Generated<string>;
  list_type_id: string;
  subject_id: string;
  department_id: string;
  reason: string;
  decision_no: string;
  decided_on: string;
  starts_on: string;
  ends_on: string | null;
  status: Generated<EntryStatus>;
  origin: string | null;
  /** The entry's id on its origin platform (mirrored entries). 004_push. */
  origin_entry_id: Generated<string | null>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ListEntryPersonTable {
  entry_id: string;
  person_id: string;
  role: 'legal_representative' | 'principal' | 'directly_responsible';
  source: 'listing' | 'relation';
}

export interface ListEntryEventTable {
  id: Generated<string>;
  entry_id: string;
  from_status: string | null;
  to_status: string;
  at: Generated<Date>;
  actor_type: string;
  actor_id: string | null;
  reason: string | null;
}

export interface ResponseTaskTable {
  id: Generated<string>;
  entry_id: string;
  department_id: string;
  memorandum_id: string;
  status: Generated<'pending' | 'acknowledged'>;
  created_at: Generated<Date>;
  acknowledged_at: Timestamp | null;
  acknowledged_by: string | null;
}

/** 信用承诺 (migration 010) */
export interface CommitmentTable {
  id: Generated<string>;
  code: string;
  subject_id: string;
  department_id: string;
  type: string;
  matter: string;
  content: string;
  made_on: string;
  due_on: string | null;
  is_public: Generated<boolean>;
  fulfilment: 'fulfilled' | 'partial' | 'unfulfilled' | null;
  fulfilment_on: string | null;
  fulfilment_note: string | null;
  created_at: Generated<Date>;
}

export interface CommitmentSerialTable {
  region_code: string;
  made_on: string;
  last: number;
}

/** 信用报告 issued on the portal (migration 009) */
export interface CreditReportTable {
  no: string;
  subject_id: string;
  digest: string;
  entries: number;
  records: number;
  issued_at: Generated<Date>;
}

export interface CreditCheckTable {
  id: Generated<string>;
  department_id: string;
  actor_type: string;
  actor_id: string | null;
  matter_id: string;
  subject_id: string | null;
  query: unknown;
  result: unknown;
  outcome: string;
  feedback_due_on: string | null;
  feedback_status: 'not_required' | 'open' | 'closed';
  data_version: string;
  created_at: Generated<Date>;
}

export interface CheckFeedbackTable {
  id: Generated<string>;
  check_id: string;
  department_id: string;
  measures: unknown;
  amount: string | null;
  note: string;
  actor_type: string;
  actor_id: string | null;
  created_at: Generated<Date>;
}

export interface ObjectionTable {
  id: Generated<string>;
  receipt_code: string;
  target_type: 'entry' | 'record';
  target_id: string;
  provider_department_id: string;
  subject_id: string | null;
  reason: string;
  applicant_name: string;
  applicant_cipher: Buffer;
  applicant_key_version: number;
  attachments: unknown;
  status: Generated<'submitted' | 'returned' | 'accepted' | 'with_provider' | 'decided'>;
  outcome: 'verified' | 'unpublish' | 'delete' | 'update' | null;
  status_note: string | null;
  correction: unknown;
  submitted_on: string;
  accept_due_on: string;
  forward_due_on: string | null;
  decide_due_on: string | null;
  accepted_at: Timestamp | null;
  forwarded_at: Timestamp | null;
  decided_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface RepairTable {
  id: Generated<string>;
  receipt_code: string;
  target_type: 'entry' | 'record';
  target_id: string;
  decider_department_id: string;
  subject_id: string;
  kind_of_repair: 'serious_list_removal' | 'penalty_unpublish' | 'other_negative';
  reason: string;
  commitment: string;
  evidence: unknown;
  applicant_name: string;
  applicant_cipher: Buffer;
  applicant_key_version: number;
  conditions: unknown;
  status: Generated<'submitted' | 'approved' | 'rejected'>;
  decision_note: string | null;
  submitted_on: string;
  decide_due_on: string;
  decided_at: Timestamp | null;
  certificate_no: string | null;
  created_at: Generated<Date>;
}

export interface ReportTable {
  id: Generated<string>;
  receipt_code: string;
  subject_uscc: string | null;
  subject_name: string;
  subject_id: string | null;
  content: string;
  anonymous: boolean;
  reporter_cipher: Buffer | null;
  reporter_key_version: number | null;
  status: Generated<'submitted' | 'handling' | 'closed'>;
  handler_type: string | null;
  handler_id: string | null;
  handler_department_id: string | null;
  result: string | null;
  submitted_on: string;
  handle_due_on: string;
  closed_at: Timestamp | null;
  created_at: Generated<Date>;
}

// Information push (004_push.sql): feed retention, webhook subscriptions and deliveries, sync.
export interface FeedStateTable {
  id: Generated<boolean>;
  pruned_through: Generated<string>;
  pruned_at: Timestamp | null;
}

export interface SubscriptionTable {
  id: Generated<string>;
  department_id: string;
  url: string;
  events: string[];
  list_types: string[] | null;
  secret_cipher: Buffer;
  secret_key_version: number;
  secret_prefix: string;
  cursor: string;
  paused_until: Timestamp | null;
  failing_since: Timestamp | null;
  created_by_type: string;
  created_by: string | null;
  created_at: Generated<Date>;
  deleted_at: Timestamp | null;
}

export type DeliveryStatus = 'pending' | 'failed' | 'delivered' | 'dead';

export interface DeliveryTable {
  id: Generated<string>;
  subscription_id: string;
  seq: string;
  event: string;
  subject_key: string;
  body: string;
  status: Generated<DeliveryStatus>;
  attempts: Generated<number>;
  next_at: Generated<Date>;
  lease_until: Timestamp | null;
  last_attempt_at: Timestamp | null;
  last_status: number | null;
  last_error: string | null;
  delivered_at: Timestamp | null;
  dead_at: Timestamp | null;
  replayed_at: Timestamp | null;
  queued_at: Generated<Date>;
  created_at: Generated<Date>;
}

export interface SyncSourceTable {
  code: string;
  url: string;
  name: string | null;
  phase: 'snapshot' | 'follow';
  generation: Generated<number>;
  snapshot_seq: string | null;
  snapshot_cursor: string | null;
  cursor: Generated<string>;
  applied: Generated<string>;
  last_error: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SyncEntryTable {
  source: string;
  source_entry_id: string;
  entry_id: string | null;
  generation: number;
  note: string | null;
}

// Collection (migration 003): catalog, working-day calendar, import batches, credit records.
export interface InfoCategoryTable { code: string; name: string; ordinal: number; edition: string }

export interface InfoTypeTable {
  code: string;
  name: string;
  category: string;
  version: number;
  definition: unknown;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface InfoTypeVersionTable {
  code: string;
  version: number;
  definition: unknown;
  actor_type: string;
  actor_id: string | null;
  created_at: Generated<Date>;
}

export interface CalendarYearTable {
  year: number;
  source: 'chinese-days' | 'api' | 'file';
  notice: string | null;
  loaded_at: Generated<Date>;
  actor_type: string;
  actor_id: string | null;
}

export interface CalendarDayTable { day: string; year: number; kind: 'holiday' | 'workday'; name: string }

export interface CollectionBatchTable {
  id: Generated<string>;
  info_type: string;
  type_version: number;
  department_id: string;
  actor_type: string;
  actor_id: string | null;
  via: 'cli' | 'api';
  file_name: string;
  file_size: string | number;
  file_sha256: string;
  format: 'xlsx' | 'csv' | 'jsonl' | 'json';
  encoding: string | null;
  all_or_nothing: Generated<boolean>;
  override_reason: string | null;
  status: Generated<'running' | 'completed' | 'rejected' | 'failed'>;
  phase: Generated<'validating' | 'writing'>;
  committed_row: Generated<number>;
  total_rows: Generated<number>;
  accepted: Generated<number>;
  versioned: Generated<number>;
  unchanged: Generated<number>;
  revoked: Generated<number>;
  rejected: Generated<number>;
  warnings: Generated<unknown>;
  error: string | null;
  started_at: Generated<Date>;
  updated_at: Generated<Date>;
  finished_at: Timestamp | null;
}

export interface CollectionRejectTable { batch_id: string; row_no: number; ord: number; field: string; code: string; reason: string }

export interface CreditRecordTable {
  id: string;
  record_id: string;
  version: number;
  is_current: Generated<boolean>;
  info_type: string;
  type_version: number;
  natural_key: string;
  subject_id: string;
  department_id: string;
  batch_id: string | null;
  row_no: number | null;
  fields: unknown;
  pii_cipher: Buffer | null;
  pii_key_version: number | null;
  content_hash: string;
  disclosure: 'public' | 'shared' | 'restricted';
  decided_on: string | null;
  severity: 'minor' | 'general' | 'serious' | null;
  status: 'active' | 'held' | 'corrected' | 'revoked' | 'unpublished' | 'expired';
  publish_policy: string | null;
  publish_from: string | null;
  min_publish_until: string | null;
  max_publish_until: string | null;
  received_on: string;
  delay_working_days: number | null;
  overrides: unknown;
  recorded_at: Generated<Date>;
  status_changed_at: Timestamp | null;
  sharing_stopped_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface CreditRecordEventTable {
  id: Generated<string>;
  record_id: string;
  version_id: string;
  from_status: string;
  to_status: string;
  at: Generated<Date>;
  actor_type: string;
  actor_id: string | null;
  reason: string | null;
}

export interface DB {
  department: DepartmentTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  api_key: ApiKeyTable;
  subject: SubjectTable;
  subject_name: SubjectNameTable;
  subject_relation: SubjectRelationTable;
  audit_event: AuditEventTable;
  change: ChangeTable;
  list_type: ListTypeTable;
  matter: MatterTable;
  measure: MeasureTable;
  memorandum: MemorandumTable;
  memorandum_list_type: MemorandumListTypeTable;
  memorandum_measure: MemorandumMeasureTable;
  memorandum_acceptance: MemorandumAcceptanceTable;
  list_entry: ListEntryTable;
  list_entry_person: ListEntryPersonTable;
  list_entry_event: ListEntryEventTable;
  response_task: ResponseTaskTable;
  credit_check: CreditCheckTable;
  check_feedback: CheckFeedbackTable;
  feed_state: FeedStateTable;
  subscription: SubscriptionTable;
  delivery: DeliveryTable;
  sync_source: SyncSourceTable;
  sync_entry: SyncEntryTable;
  objection: ObjectionTable;
  repair: RepairTable;
  report: ReportTable;
  info_category: InfoCategoryTable;
  info_type: InfoTypeTable;
  info_type_version: InfoTypeVersionTable;
  calendar_year: CalendarYearTable;
  calendar_day: CalendarDayTable;
  collection_batch: CollectionBatchTable;
  collection_reject: CollectionRejectTable;
  credit_record: CreditRecordTable;
  credit_report: CreditReportTable;
  commitment: CommitmentTable;
  commitment_serial: CommitmentSerialTable;
  credit_record_event: CreditRecordEventTable;
}
