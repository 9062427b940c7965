// Batches as the console and the command line see them: the summary of one import (counts and the
// rejected rows with their reasons), the list of a department's deliveries (the credit office sees
// every department's), and one batch (404 for another department's).
import type { Db } from '../../db/database.js';
import { errors } from '../../errors.js';
import { isRealIsoDate } from '../../domain/working-days.js';
import type { Principal } from '../auth/principal.js';
import { resolveDepartment } from '../departments/use-cases.js';
import * as store from './store.js';

export interface RejectView { row: number; field: string; code: string; reason: string }

/** What every import of a file reports (info types, measures, list entries). */
export interface ImportCounts {
  fileName: string;
  format: string;
  encoding: string | null;
  allOrNothing: boolean;
  /** Rows read; total = accepted + versioned + unchanged + revoked + rejected (all-or-nothing: nothing kept). */
  total: number;
  accepted: number;
  versioned: number;
  unchanged: number;
  revoked: number;
  rejected: number;
  rejects: RejectView[];
  /** Problems listed (a rejected row can have several); `rejects` may be cut to the first 1,000. */
  rejectsTotal: number;
  warnings: string[];
}

export interface ImportSummary extends ImportCounts {
  batchId: string;
  status: 'running' | 'completed' | 'rejected' | 'failed';
  infoType: string;
  typeVersion: number;
  department: { code: string; name: string };
  overrideReason: string | null;
  error: string | null;
  resumedFrom?: number;
  startedAt: string;
  finishedAt: string | null;
}

type Row = NonNullable<Awaited<ReturnType<typeof store.findBatch>>>;

function present(b: Row) {
  return {
    batchId: b.id, status: b.status, infoType: b.info_type, typeVersion: b.type_version, department: { code: b.department_code, name: b.department_name },
    fileName: b.file_name, format: b.format, encoding: b.encoding, allOrNothing: b.all_or_nothing, overrideReason: b.override_reason,
    total: b.total_rows, accepted: b.accepted, versioned: b.versioned, unchanged: b.unchanged, revoked: b.revoked, rejected: b.rejected,
    warnings: b.warnings as string[], error: b.error, startedAt: b.started_at.toISOString(), finishedAt: b.finished_at ? new Date(b.finished_at).toISOString() : null,
  };
}

/** A batch with its first rejects (1,000 by default; `allRejects` reads every one). */
export async function batchSummary(db: Db, id: string, opts: { rejectsLimit?: number } = {}): Promise<ImportSummary> {
  const b = (await store.findBatch(db, id, null))!;
  const [rejects, count] = await Promise.all([store.rejectsOf(db, id, opts.rejectsLimit ?? 1000), store.countRejects(db, id)]);
  return { ...present(b), rejects: rejects.map((r) => ({ row: r.row_no, field: r.field, code: r.code, reason: r.reason })), rejectsTotal: count.problems };
}

/** The credit office sees every department's batches; a department its own. */
function scopeOf(principal: Principal): string | null {
  return principal.platform ? null : principal.departmentId;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A department's own batches; the credit office may narrow to one department (code). */
export async function listBatches(opts: { db: Db; principal: Principal; infoType?: string; department?: string; from?: string; to?: string; limit?: number; offset?: number }) {
  const { db, principal } = opts;
  for (const [k, v] of [['from', opts.from], ['to', opts.to]] as const) {
    if (v !== undefined && !isRealIsoDate(v)) throw errors.validation([{ path: `querystring.${k}`, message: '应为有效日期（YYYY-MM-DD）' }]);
  }
  let departmentId = scopeOf(principal);
  if (opts.department) {
    const d = await resolveDepartment(db, opts.department);
    if (departmentId && d.id !== departmentId) throw errors.forbidden('只能查看本部门的导入批次。');
    departmentId = d.id;
  }
  const rows = await store.listBatches(db, { departmentId, infoType: opts.infoType, from: opts.from, to: opts.to, limit: opts.limit ?? 50, offset: opts.offset ?? 0 });
  return rows.map(present);
}

export async function getBatch(opts: { db: Db; principal: Principal; id: string; rejectsLimit?: number }): Promise<ImportSummary> {
  if (!UUID.test(opts.id) || !(await store.findBatch(opts.db, opts.id, scopeOf(opts.principal)))) throw errors.notFound('该导入批次');
  return batchSummary(opts.db, opts.id, { rejectsLimit: opts.rejectsLimit });
}

/** Every reject of a batch in row order, read a page at a time from the database. */
export async function* allRejects(db: Db, batchId: string): AsyncGenerator<RejectView> {
  for await (const page of store.rejectPages(db, batchId)) {
    for (const r of page) yield { row: r.row_no, field: r.field, code: r.code, reason: r.reason };
  }
}

/** Every rejected row of a batch the caller may see, for the Excel download (streamed). */
export async function batchRejects(opts: { db: Db; principal: Principal; id: string }) {
  const summary = await getBatch({ ...opts, rejectsLimit: 1 });
  return { summary, rejects: allRejects(opts.db, opts.id) };
}
