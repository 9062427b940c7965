// Writes one chunk of an import in one transaction: subjects, new records and new versions,
// revocations, rejected rows, the batch's progress (last committed row) and an audit row — all or
// nothing. A process killed mid-chunk loses only that chunk; the re-run resumes after the last
// committed one, and natural keys make rows already stored come out "unchanged". ADR 005.
import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import { transactionWithClient, type Tx } from '../../db/database.js';
import type { InfoTypeDefinition } from '../../domain/fields.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/principal.js';
import { copyVersions } from '../records/store-copy.js';
import * as records from '../records/store-write.js';
import { newId, type PreparedRow, type RejectRow } from './prepare.js';
import * as store from './store.js';
import * as storeSubjects from './store-subjects.js';
import { resolveSubjects } from './subjects-bulk.js';

export interface Chunk {
  rows: PreparedRow[];
  rejects: RejectRow[];
  /** Rows read (valid or not) and the last row number they reach. */
  rowCount: number;
  lastRowNo: number;
}

export interface WriteTarget {
  ctx: AppContext;
  actor: Actor;
  def: InfoTypeDefinition;
  meta: records.WriteMeta & { batchId: string };
  aliasesSeen: Set<string>;
}

interface Plan {
  fresh: PreparedRow[];
  versions: { row: PreparedRow; prev: records.CurrentVersion }[];
  revocations: records.CurrentVersion[];
  unchanged: number;
  rejects: RejectRow[];
}

/** What each row does, given the current version stored under its natural key. */
function plan(t: WriteTarget, chunk: Chunk, current: Map<string, records.CurrentVersion>): Plan {
  const p: Plan = { fresh: [], versions: [], revocations: [], unchanged: 0, rejects: [...chunk.rejects] };
  for (const row of chunk.rows) {
    const cur = current.get(row.naturalKey);
    if (row.action === 'revoke') {
      if (!cur) p.rejects.push({ rowNo: row.rowNo, field: '', code: 'NOT_FOUND_TO_REVOKE', reason: '未找到要撤销的记录：本部门未报送过该决定书文号和相对人代码对应的记录' });
      else if (cur.status === 'revoked') p.unchanged++;
      else p.revocations.push(cur);
    } else if (!cur) p.fresh.push(row);
    else if (cur.content_hash === row.contentHash) p.unchanged++;
    else if (cur.batch_id === t.meta.batchId) {
      p.rejects.push({ rowNo: row.rowNo, field: '', code: 'DUPLICATE_IN_FILE', reason: `与本文件第 ${cur.row_no} 行的自然键相同但内容不同；同一文件中每条记录只能出现一次` });
    } else p.versions.push({ row, prev: cur });
  }
  p.rejects.sort((a, b) => a.rowNo - b.rowNo);
  return p;
}

function statusOf(row: PreparedRow, today: string): string {
  return row.window.maxPublishUntil !== null && row.window.maxPublishUntil < today ? 'expired' : 'active';
}

/** A record under objection stays held, one whose publication ended on a decision or repair stays off (ADR 010). */
const KEPT = ['held', 'unpublished'];

function versionRow(row: PreparedRow, subjectId: string, prev: records.CurrentVersion | null, today: string): records.NewVersion {
  const kept = prev && KEPT.includes(prev.status) ? prev.status : null;
  return {
    id: newId(), record_id: prev?.record_id ?? newId(), version: (prev?.version ?? 0) + 1, natural_key: row.naturalKey, subject_id: subjectId,
    row_no: row.rowNo, fields: row.fields, pii: row.pii?.cipher ?? null, pii_v: row.pii?.keyVersion ?? null, hash: row.contentHash,
    decided_on: row.decidedOn, severity: row.severity, status: kept ?? statusOf(row, today), policy: row.window.policy, pfrom: row.window.publishFrom,
    pmin: row.window.minPublishUntil, pmax: row.window.maxPublishUntil, delay: row.delayWorkingDays, overrides: row.overrides,
    stopped: prev?.status === 'unpublished' ? prev.sharing_stopped_at : null,
  };
}

/** Legal representatives named in stored rows become persons related to their organisation (落实到人). */
async function linkLegalReps(tx: Tx, t: WriteTarget, rows: PreparedRow[], subjects: Map<string, string>): Promise<number> {
  const named = rows.filter((r) => r.legalRep);
  if (!named.length) return 0;
  const persons = await resolveSubjects(tx, t.ctx, t.actor, named.map((r) => r.legalRep!), t.aliasesSeen);
  const pairs = named.map((r) => ({ org: subjects.get(r.subjectKey)!, person: persons.get(`P:${r.legalRep!.blind}`)! }));
  return storeSubjects.insertLegalRepRelations(tx, pairs, t.actor);
}

export async function writeChunk(t: WriteTarget, chunk: Chunk, expectedCommitted: number): Promise<store.ChunkCounts> {
  const { ctx, meta } = t;
  return transactionWithClient(ctx.pool, async (tx, client) => {
    const batch = await store.lockBatch(tx, meta.batchId);
    if (batch.committed_row !== expectedCommitted || batch.status !== 'running') {
      throw new AppError('BATCH_CONFLICT', 409, '该批次正被另一个进程导入，请等待其完成后再试。');
    }
    // one chunk at a time per department and info type, so two imports cannot race on a key
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`${meta.departmentId}|${meta.infoType}`}))`.execute(tx);
    const current = await records.currentVersions(tx, meta.infoType, meta.departmentId, chunk.rows.map((r) => r.naturalKey));
    const p = plan(t, chunk, current);
    const stored = [...p.fresh, ...p.versions.map((v) => v.row)];
    const subjects = await resolveSubjects(tx, ctx, t.actor, stored.map((r) => r.identity), t.aliasesSeen);
    const relations = await linkLegalReps(tx, t, stored, subjects);
    await records.supersede(tx, p.versions.map((v) => v.prev.id));
    await copyVersions(tx, client, [
      ...p.fresh.map((r) => versionRow(r, subjects.get(r.subjectKey)!, null, meta.receivedOn)),
      ...p.versions.map((v) => versionRow(v.row, subjects.get(v.row.subjectKey)!, v.prev, meta.receivedOn)),
    ], meta);
    await records.revoke(tx, p.revocations.map((c) => c.id), meta);
    await store.insertRejects(tx, meta.batchId, p.rejects);
    const counts = {
      rows: chunk.rowCount, accepted: p.fresh.length, versioned: p.versions.length, unchanged: p.unchanged, revoked: p.revocations.length,
      rejected: new Set(p.rejects.map((r) => r.rowNo)).size,
    };
    const audited = relations ? { ...counts, relations } : counts;
    await store.advanceBatch(tx, meta.batchId, chunk.lastRowNo, counts);
    await recordAudit(tx, { actor: t.actor, action: 'collection.chunk_committed', entityType: 'collection_batch', entityId: meta.batchId,
      departmentId: meta.departmentId, data: { fromRow: expectedCommitted + 1, toRow: chunk.lastRowNo, ...audited } });
    return counts;
  });
}

/** All-or-nothing, first pass: which revocations have nothing to revoke (read only). */
export async function missingRevocationTargets(ctx: AppContext, meta: records.WriteMeta, rows: PreparedRow[]): Promise<RejectRow[]> {
  const revokes = rows.filter((r) => r.action === 'revoke');
  if (!revokes.length) return [];
  const found = await ctx.db.transaction().execute((tx) => records.currentVersions(tx, meta.infoType, meta.departmentId, revokes.map((r) => r.naturalKey)));
  return revokes.filter((r) => !found.has(r.naturalKey))
    .map((r) => ({ rowNo: r.rowNo, field: '', code: 'NOT_FOUND_TO_REVOKE', reason: '未找到要撤销的记录：本部门未报送过该决定书文号和相对人代码对应的记录' }));
}
