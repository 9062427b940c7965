// SQL that writes credit records in bulk (imports) and moves them out of publication (revocation,
// expiry). Each statement also writes the records' change rows, in the same transaction, so a
// record and the news of it commit together (transactional outbox, ADR 003).
import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';

export interface CurrentVersion {
  id: string;
  record_id: string;
  version: number;
  natural_key: string;
  content_hash: string;
  status: string;
  batch_id: string | null;
  row_no: number | null;
  sharing_stopped_at: Date | null;
}

/** Current versions for these natural keys, locked until the chunk commits. */
export async function currentVersions(tx: Tx, infoType: string, departmentId: string, keys: string[]): Promise<Map<string, CurrentVersion>> {
  if (!keys.length) return new Map();
  const { rows } = await sql<CurrentVersion>`
    SELECT id, record_id, version, natural_key, content_hash, status, batch_id, row_no, sharing_stopped_at FROM credit_record
    WHERE info_type = ${infoType} AND department_id = ${departmentId} AND is_current AND natural_key = ANY(${keys}::text[])
    FOR UPDATE`.execute(tx);
  return new Map(rows.map((r) => [r.natural_key, r]));
}

/** Earlier versions stop being current; their content stays, as history. */
export async function supersede(tx: Tx, ids: string[]) {
  if (!ids.length) return;
  await sql`UPDATE credit_record SET is_current = false, status_changed_at = now(),
    status = CASE WHEN status = 'revoked' THEN status ELSE 'corrected' END
    WHERE id = ANY(${ids}::uuid[])`.execute(tx);
}

export interface NewVersion {
  id: string;
  record_id: string;
  version: number;
  natural_key: string;
  subject_id: string;
  row_no: number | null;
  fields: unknown;
  pii: string | null;
  pii_v: number | null;
  hash: string;
  decided_on: string | null;
  severity: string | null;
  status: string;
  policy: string | null;
  pfrom: string | null;
  pmin: string | null;
  pmax: string | null;
  delay: number | null;
  overrides: unknown;
  /** Kept from the version before when that one had left sharing (a repaired record stays out). */
  stopped?: Date | null;
}

export interface WriteMeta {
  infoType: string;
  typeVersion: number;
  departmentId: string;
  departmentCode: string;
  batchId: string | null;
  disclosure: string;
  receivedOn: string;
  /** Change visibility: public records are heard by all; others by these departments. */
  isPublic: boolean;
  departments: string[];
}

export async function insertVersions(tx: Tx, rows: NewVersion[], m: WriteMeta) {
  if (!rows.length) return;
  await sql`
    WITH x AS (
      SELECT * FROM json_to_recordset(${JSON.stringify(rows)}::json) AS x(id uuid, record_id uuid, version int, natural_key text,
        subject_id uuid, row_no int, fields jsonb, pii text, pii_v int, hash text, decided_on date, severity text, status text,
        policy text, pfrom date, pmin date, pmax date, delay int, overrides jsonb, stopped timestamptz)
    ), ins AS (
      INSERT INTO credit_record (id, record_id, version, info_type, type_version, natural_key, subject_id, department_id, batch_id, row_no,
        fields, pii_cipher, pii_key_version, content_hash, disclosure, decided_on, severity, status, publish_policy, publish_from,
        min_publish_until, max_publish_until, received_on, delay_working_days, overrides, sharing_stopped_at)
      SELECT x.id, x.record_id, x.version, ${m.infoType}, ${m.typeVersion}, x.natural_key, x.subject_id, ${m.departmentId}::uuid, ${m.batchId}::uuid,
        x.row_no, x.fields, decode(x.pii, 'base64'), x.pii_v, x.hash, ${m.disclosure}, x.decided_on, x.severity, x.status, x.policy, x.pfrom,
        x.pmin, x.pmax, ${m.receivedOn}::date, x.delay, x.overrides, x.stopped
      FROM x
      RETURNING id, record_id, version, subject_id, decided_on, status, max_publish_until
    )
    INSERT INTO change (type, subject_id, is_public, departments, data)
    ${versionChanges('ins', m)}
    FROM ins`.execute(tx);
}

/**
 * The change of each stored version read as `alias` (record.published, or record.corrected for a
 * later version): one shape for every writer of versions (this insert, the import's COPY).
 */
export function versionChanges(alias: string, m: WriteMeta) {
  const v = (column: string) => sql.ref(`${alias}.${column}`);
  return sql`
    SELECT CASE WHEN ${v('version')} = 1 THEN 'record.published' ELSE 'record.corrected' END, ${v('subject_id')}, ${m.isPublic}, ${m.departments}::uuid[],
      jsonb_build_object('id', ${v('record_id')}, 'versionId', ${v('id')}, 'version', ${v('version')}, 'infoType', ${m.infoType}::text,
        'subjectId', ${v('subject_id')}, 'department', ${m.departmentCode}::text, 'decidedOn', ${v('decided_on')}, 'status', ${v('status')},
        'publishUntil', ${v('max_publish_until')}, 'disclosure', ${m.disclosure}::text)`;
}

/** Marks current versions revoked (off publication and sharing at once) and writes record.revoked. */
export async function revoke(tx: Tx, ids: string[], m: WriteMeta) {
  if (!ids.length) return;
  await sql`UPDATE credit_record SET sharing_stopped_at = now()
    WHERE record_id IN (SELECT record_id FROM credit_record WHERE id = ANY(${ids}::uuid[])) AND sharing_stopped_at IS NULL`.execute(tx);
  await sql`
    WITH upd AS (
      UPDATE credit_record SET status = 'revoked', status_changed_at = now()
      WHERE id = ANY(${ids}::uuid[]) AND status <> 'revoked'
      RETURNING id, record_id, version, subject_id
    )
    INSERT INTO change (type, subject_id, is_public, departments, data)
    SELECT 'record.revoked', upd.subject_id, ${m.isPublic}, ${m.departments}::uuid[],
      jsonb_build_object('id', upd.record_id, 'versionId', upd.id, 'version', upd.version, 'infoType', ${m.infoType}::text,
        'subjectId', upd.subject_id, 'department', ${m.departmentCode}::text, 'status', 'revoked', 'batchId', ${m.batchId}::text)
    FROM upd`.execute(tx);
}

/**
 * Takes records whose maximum publication window has passed off publication (status expired),
 * at most `limit` at a time, writing record.expired changes and the status history; returns the
 * record ids. `held` records (under objection) are swept too — the maximum is a legal limit that an
 * objection does not extend (each status has its own partial index).
 */
export async function expireDue(tx: Tx, today: string, limit: number, from: 'active' | 'held' = 'active'): Promise<{ id: string; department_id: string }[]> {
  const { rows } = await sql<{ id: string; department_id: string }>`
    WITH due AS (
      SELECT id FROM credit_record WHERE status = ${from} AND is_current AND max_publish_until < ${today}::date
      ORDER BY max_publish_until LIMIT ${limit} FOR UPDATE SKIP LOCKED
    ), upd AS (
      UPDATE credit_record r SET status = 'expired', status_changed_at = now() FROM due WHERE r.id = due.id
      RETURNING r.id, r.record_id, r.version, r.subject_id, r.info_type, r.department_id, r.disclosure, r.max_publish_until
    ), ch AS (
      INSERT INTO change (type, subject_id, is_public, departments, data)
      SELECT 'record.expired', upd.subject_id, upd.disclosure = 'public',
        CASE WHEN upd.disclosure = 'shared' THEN (SELECT array_agg(id) FROM department) ELSE ARRAY[upd.department_id] END,
        jsonb_build_object('id', upd.record_id, 'versionId', upd.id, 'version', upd.version, 'infoType', upd.info_type,
          'subjectId', upd.subject_id, 'department', (SELECT code FROM department WHERE id = upd.department_id), 'status', 'expired',
          'publishUntil', upd.max_publish_until)
      FROM upd
    ), ev AS (
      INSERT INTO credit_record_event (record_id, version_id, from_status, to_status, actor_type, reason)
      SELECT upd.record_id, upd.id, ${from}, 'expired', 'system', '公示期满' FROM upd
    )
    SELECT record_id AS id, department_id FROM upd`.execute(tx);
  return rows;
}
