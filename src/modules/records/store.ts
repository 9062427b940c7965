// SQL that reads credit records, scoped by what the caller may see: its own department's records,
// and other departments' public or shared ones (the credit office: everything).
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

export interface RecordRow {
  id: string; record_id: string; version: number; is_current: boolean; info_type: string; type_version: number; subject_id: string;
  department_id: string; department_code: string; department_name: string; batch_id: string | null; row_no: number | null;
  fields: Record<string, unknown>; pii_cipher: Buffer | null; pii_key_version: number | null; disclosure: string;
  decided_on: string | null; severity: string | null; status: string; publish_policy: string | null; publish_from: string | null;
  min_publish_until: string | null; max_publish_until: string | null; received_on: string; delay_working_days: number | null;
  overrides: unknown; recorded_at: Date; status_changed_at: Date | null; sharing_stopped_at: Date | null;
  subject_kind: string; subject_name: string; subject_uscc: string | null; subject_masked: string | null;
}

export interface RecordFilter {
  /** null = every department's records (the credit office). */
  viewerDepartmentId: string | null;
  subjectId?: string;
  infoType?: string;
  recordId?: string;
  status?: string;
  history?: boolean;
  limit: number;
  offset: number;
}

export async function findRecords(db: Db, f: RecordFilter): Promise<RecordRow[]> {
  const { rows } = await sql<RecordRow>`
    SELECT r.id, r.record_id, r.version, r.is_current, r.info_type, r.type_version, r.subject_id, r.department_id,
      d.code AS department_code, d.name AS department_name, r.batch_id, r.row_no, r.fields, r.pii_cipher, r.pii_key_version,
      r.disclosure, r.decided_on, r.severity, r.status, r.publish_policy, r.publish_from, r.min_publish_until, r.max_publish_until,
      r.received_on, r.delay_working_days, r.overrides, r.recorded_at, r.status_changed_at, r.sharing_stopped_at,
      s.kind AS subject_kind, s.name AS subject_name, s.uscc AS subject_uscc, s.id_masked AS subject_masked
    FROM credit_record r JOIN department d ON d.id = r.department_id JOIN subject s ON s.id = r.subject_id
    WHERE (${f.viewerDepartmentId}::uuid IS NULL OR r.department_id = ${f.viewerDepartmentId}::uuid
           OR (r.disclosure IN ('public', 'shared') AND r.sharing_stopped_at IS NULL))
      AND (${f.subjectId ?? null}::uuid IS NULL OR r.subject_id = ${f.subjectId ?? null}::uuid)
      AND (${f.infoType ?? null}::text IS NULL OR r.info_type = ${f.infoType ?? null})
      AND (${f.recordId ?? null}::uuid IS NULL OR r.record_id = ${f.recordId ?? null}::uuid)
      AND (${f.status ?? null}::text IS NULL OR r.status = ${f.status ?? null})
      AND (${!!f.history} OR r.is_current)
    ORDER BY r.decided_on DESC NULLS LAST, r.record_id, r.version DESC
    LIMIT ${f.limit} OFFSET ${f.offset}`.execute(db);
  return rows;
}

/**
 * What the public may see: current, public records inside their publication window, active or held
 * (a held record is under an accepted objection and is shown marked 异议处理中, ADR 010).
 */
export async function findPublicRecords(db: Db, f: { subjectId: string; infoType?: string; today: string; limit: number; offset: number }) {
  const { rows } = await sql<Pick<RecordRow, 'record_id' | 'info_type' | 'fields' | 'decided_on' | 'max_publish_until' | 'department_name' | 'recorded_at' | 'status'>>`
    SELECT r.record_id, r.info_type, r.fields, r.decided_on, r.max_publish_until, r.status, d.name AS department_name, r.recorded_at, r.status
    FROM credit_record r JOIN department d ON d.id = r.department_id
    WHERE r.subject_id = ${f.subjectId}::uuid AND r.is_current AND r.status IN ('active', 'held') AND r.disclosure = 'public'
      AND (r.publish_from IS NULL OR r.publish_from <= ${f.today}::date)
      AND (r.max_publish_until IS NULL OR r.max_publish_until >= ${f.today}::date)
      AND (${f.infoType ?? null}::text IS NULL OR r.info_type = ${f.infoType ?? null})
    ORDER BY r.decided_on DESC NULLS LAST, r.record_id
    LIMIT ${f.limit} OFFSET ${f.offset}`.execute(db);
  return rows;
}

/** The status history of a record, all versions, oldest first. */
export async function recordEvents(db: Db, recordId: string) {
  return db.selectFrom('credit_record_event as e').innerJoin('credit_record as r', 'r.id', 'e.version_id')
    .select(['r.version', 'e.from_status', 'e.to_status', 'e.at', 'e.actor_type', 'e.reason']).where('e.record_id', '=', recordId).orderBy('e.id').execute();
}

export interface PublicListRow {
  record_id: string; info_type: string; fields: Record<string, unknown>; decided_on: string | null; max_publish_until: string | null; status: string;
  department_name: string; subject_kind: string; subject_name: string; subject_uscc: string | null; subject_masked: string | null;
}

/**
 * The portal's 双公示 pages: one info type's published records across subjects, newest decision
 * first, optionally of one department and within decision dates. Reads one row more than the page
 * to tell whether another page follows (broad lists are never counted).
 */
export async function findPublicRecordList(db: Db, f: { infoType: string; departmentId?: string; from?: string; to?: string; today: string; limit: number; offset: number }) {
  const { rows } = await sql<PublicListRow>`
    SELECT r.record_id, r.info_type, r.fields, r.decided_on, r.max_publish_until, r.status, d.name AS department_name,
      s.kind AS subject_kind, s.name AS subject_name, s.uscc AS subject_uscc, s.id_masked AS subject_masked
    FROM credit_record r JOIN department d ON d.id = r.department_id JOIN subject s ON s.id = r.subject_id
    -- held (under objection) records stay in view, marked (ADR 010)
    WHERE r.info_type = ${f.infoType} AND r.is_current AND r.status IN ('active', 'held') AND r.disclosure = 'public'
      AND (r.publish_from IS NULL OR r.publish_from <= ${f.today}::date)
      AND (r.max_publish_until IS NULL OR r.max_publish_until >= ${f.today}::date)
      AND (${f.departmentId ?? null}::uuid IS NULL OR r.department_id = ${f.departmentId ?? null}::uuid)
      AND (${f.from ?? null}::date IS NULL OR r.decided_on >= ${f.from ?? null}::date)
      AND (${f.to ?? null}::date IS NULL OR r.decided_on <= ${f.to ?? null}::date)
    ORDER BY r.decided_on DESC NULLS LAST, r.record_id
    LIMIT ${f.limit + 1} OFFSET ${f.offset}`.execute(db);
  return rows;
}
