// SQL for import batches, their rejected rows and the bulk writing of credit records. Bulk writes
// send one chunk as a single JSON parameter expanded by json_to_recordset: one round trip per
// statement, no parameter limit, and the change rows are derived in the same statement.
import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.js';
import type { RejectRow } from './prepare.js';
import type { FileFormat } from './readers.js';

type Q = Db | Tx;
export type BatchRow = Awaited<ReturnType<typeof findBatch>> & {};

export async function findBatch(db: Q, id: string, departmentId: string | null) {
  let q = db.selectFrom('collection_batch as b').innerJoin('department as d', 'd.id', 'b.department_id')
    .selectAll('b').select(['d.code as department_code', 'd.name as department_name']).where('b.id', '=', id);
  if (departmentId) q = q.where('b.department_id', '=', departmentId);
  return q.executeTakeFirst();
}

export async function findResumable(db: Q, b: { departmentId: string; infoType: string; sha256: string; allOrNothing: boolean }) {
  return db.selectFrom('collection_batch').select('id')
    .where('department_id', '=', b.departmentId).where('info_type', '=', b.infoType).where('file_sha256', '=', b.sha256)
    .where('all_or_nothing', '=', b.allOrNothing).where('status', 'in', ['running', 'failed'])
    .orderBy('started_at', 'desc').limit(1).executeTakeFirst();
}

export async function insertBatch(tx: Tx, b: {
  infoType: string; typeVersion: number; departmentId: string; actorType: string; actorId: string | null; via: 'cli' | 'api';
  fileName: string; fileSize: number; sha256: string; format: FileFormat; encoding: string | null;
  allOrNothing: boolean; overrideReason: string | null;
}) {
  return tx.insertInto('collection_batch').values({
    info_type: b.infoType, type_version: b.typeVersion, department_id: b.departmentId, actor_type: b.actorType, actor_id: b.actorId, via: b.via,
    file_name: b.fileName, file_size: b.fileSize, file_sha256: b.sha256, format: b.format, encoding: b.encoding,
    all_or_nothing: b.allOrNothing, override_reason: b.overrideReason, phase: b.allOrNothing ? 'validating' : 'writing',
  }).returning('id').executeTakeFirstOrThrow();
}

/** Locks the batch row and checks no other process moved it since this one read it. */
export async function lockBatch(tx: Tx, id: string) {
  return tx.selectFrom('collection_batch').select(['committed_row', 'status']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
}

export interface ChunkCounts { accepted: number; versioned: number; unchanged: number; revoked: number; rejected: number; rows: number }

export async function advanceBatch(tx: Tx, id: string, lastRow: number, c: ChunkCounts) {
  await sql`UPDATE collection_batch SET committed_row = ${lastRow}, total_rows = total_rows + ${c.rows},
    accepted = accepted + ${c.accepted}, versioned = versioned + ${c.versioned}, unchanged = unchanged + ${c.unchanged},
    revoked = revoked + ${c.revoked}, rejected = rejected + ${c.rejected}, updated_at = now() WHERE id = ${id}`.execute(tx);
}

export async function setBatchState(db: Q, id: string, set: { status?: 'running' | 'completed' | 'rejected' | 'failed'; phase?: 'validating' | 'writing';
  warnings?: string[]; error?: string | null; finished?: boolean; rejected?: number; totalRows?: number }) {
  await db.updateTable('collection_batch').set({
    ...(set.status ? { status: set.status } : {}), ...(set.phase ? { phase: set.phase } : {}),
    ...(set.warnings ? { warnings: JSON.stringify(set.warnings) } : {}), ...(set.error !== undefined ? { error: set.error } : {}),
    ...(set.finished ? { finished_at: new Date() } : {}), ...(set.rejected !== undefined ? { rejected: set.rejected } : {}),
    ...(set.totalRows !== undefined ? { total_rows: set.totalRows } : {}), updated_at: new Date(),
  }).where('id', '=', id).execute();
}

export async function insertRejects(tx: Tx, batchId: string, rejects: RejectRow[]) {
  if (!rejects.length) return;
  let ord = 0;
  let prev = -1;
  const rows = rejects.map((r) => {
    ord = r.rowNo === prev ? ord + 1 : 0;
    prev = r.rowNo;
    return { r: r.rowNo, o: ord, f: r.field, c: r.code, m: r.reason };
  });
  await sql`INSERT INTO collection_reject (batch_id, row_no, ord, field, code, reason)
    SELECT ${batchId}::uuid, x.r, x.o, x.f, x.c, x.m FROM json_to_recordset(${JSON.stringify(rows)}::json) AS x(r int, o int, f text, c text, m text)
    ON CONFLICT DO NOTHING`.execute(tx);
}

export async function clearRejects(db: Q, batchId: string) {
  await db.deleteFrom('collection_reject').where('batch_id', '=', batchId).execute();
}

export async function rejectsOf(db: Q, batchId: string, limit: number) {
  return db.selectFrom('collection_reject').select(['row_no', 'field', 'code', 'reason']).where('batch_id', '=', batchId).orderBy('row_no').orderBy('ord').limit(limit).execute();
}

/** Every reject of a batch in row order, a page at a time (keyset on the primary key), so a batch of a million rejects is never held at once. */
export async function* rejectPages(db: Q, batchId: string, pageSize = 5000) {
  let after: { row_no: number; ord: number } | null = null;
  for (;;) {
    let q = db.selectFrom('collection_reject').select(['row_no', 'ord', 'field', 'code', 'reason']).where('batch_id', '=', batchId);
    if (after) { const a = after; q = q.where((eb) => eb.or([eb('row_no', '>', a.row_no), eb.and([eb('row_no', '=', a.row_no), eb('ord', '>', a.ord)])])); }
    const page = await q.orderBy('row_no').orderBy('ord').limit(pageSize).execute();
    if (page.length) yield page;
    if (page.length < pageSize) return;
    after = page[page.length - 1];
  }
}

export async function countRejects(db: Q, batchId: string): Promise<{ rows: number; problems: number }> {
  const r = await db.selectFrom('collection_reject').select((eb) => [eb.fn.count<string>('row_no').distinct().as('rows'), eb.fn.countAll<string>().as('problems')])
    .where('batch_id', '=', batchId).executeTakeFirstOrThrow();
  return { rows: Number(r.rows), problems: Number(r.problems) };
}

/** `from`/`to`: the day (China time) the batch started, inclusive. */
export async function listBatches(db: Q, f: { departmentId: string | null; infoType?: string; from?: string; to?: string; limit: number; offset: number }) {
  let q = db.selectFrom('collection_batch as b').innerJoin('department as d', 'd.id', 'b.department_id')
    .selectAll('b').select(['d.code as department_code', 'd.name as department_name'])
    .orderBy('b.started_at', 'desc').limit(f.limit).offset(f.offset);
  if (f.departmentId) q = q.where('b.department_id', '=', f.departmentId);
  if (f.infoType) q = q.where('b.info_type', '=', f.infoType);
  if (f.from) q = q.where(sql<boolean>`(b.started_at AT TIME ZONE 'Asia/Shanghai')::date >= ${f.from}::date`);
  if (f.to) q = q.where(sql<boolean>`(b.started_at AT TIME ZONE 'Asia/Shanghai')::date <= ${f.to}::date`);
  return q.execute();
}

export async function departmentIds(db: Q): Promise<string[]> {
  return (await db.selectFrom('department').select('id').execute()).map((r) => r.id);
}
