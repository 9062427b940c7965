// An import (归集) from start to finish: who may deliver what, the batch (created, or resumed when
// the same file of the same department and type was cut short), the rows read, validated and
// written chunk by chunk — reading the next chunk while the previous one is being written — and
// the summary. With all-or-nothing, a first pass validates everything and keeps nothing if any
// row is rejected. ADR 005.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import type { InfoTypeDefinition } from '../../domain/fields.js';
import { AppError, errors } from '../../errors.js';
import { recordAudit } from '../audit/record.js';
import { actorOf, type Actor, type Principal } from '../auth/principal.js';
import { loadCalendar, today } from '../calendar/use-cases.js';
import { loadInfoType } from '../catalog/use-cases.js';
import { resolveDepartment } from '../departments/use-cases.js';
import { missingYearWarning } from '../../domain/working-days.js';
import { batchSummary, type ImportSummary } from './batches.js';
import type { PrepareContext } from './prepare.js';
import { detectFormat, openRowSource, type FileFormat } from './readers.js';
import { chunksOf, type ChunkingOptions } from './rows.js';
import * as store from './store.js';
import { validateAll } from './validate-pass.js';
import { writeChunk, type WriteTarget } from './writer.js';

export const CHUNK_SIZE = 5000;
const BATCH_LOCK_CLASS = 74_021_105;

export interface ImportRequest {
  ctx: AppContext;
  /** null: the command line on the platform's machine, acting for `departmentCode`. */
  principal: Principal | null;
  departmentCode?: string;
  infoType: string;
  file: string;
  fileName: string;
  allOrNothing?: boolean;
  overrideReason?: string | null;
  via: 'cli' | 'api';
  chunkSize?: number;
  onProgress?: (p: { rows: number; bytes: number; size: number; resumedFrom: number }) => void;
  /** Called once the batch exists (new or resumed). */
  onBatch?: (b: { id: string; resumedFrom: number }) => void;
}

async function importingDepartment(req: ImportRequest) {
  const { principal } = req;
  if (principal && principal.role === 'admin') throw errors.forbidden('报送数据需使用经办人（officer）或业务系统（system）账号。');
  const dept = await resolveDepartment(req.ctx.db, principal ? principal.departmentCode : req.departmentCode);
  if (!dept.is_platform && !dept.roles.includes('provider')) throw errors.forbidden(`${dept.name}不是数据提供单位（provider），不能报送信用信息。`);
  return dept;
}

function checkProvider(def: InfoTypeDefinition, dept: { code: string; name: string; is_platform: boolean }) {
  if (def.providerDepartments.length && !def.providerDepartments.includes(dept.code) && !dept.is_platform) {
    throw errors.forbidden(`${dept.name}不是“${def.name}”的提供单位；目录限定的提供单位为：${def.providerDepartments.join('、')}。`);
  }
}

async function fileDigest(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return { sha256: hash.digest('hex'), size: (await stat(file)).size };
}

/** One import of a given file at a time: a session advisory lock, released if the process dies. */
async function withFileLock<T>(req: ImportRequest, key: string, fn: () => Promise<T>): Promise<T> {
  const k = createHash('sha256').update(key).digest().readInt32BE(0);
  return req.ctx.db.connection().execute(async (conn) => {
    const { rows } = await sql<{ ok: boolean }>`SELECT pg_try_advisory_lock(${BATCH_LOCK_CLASS}, ${k}) AS ok`.execute(conn);
    if (!rows[0].ok) throw new AppError('IMPORT_IN_PROGRESS', 409, '同一文件正在导入中，请等待其完成后再试。');
    try {
      return await fn();
    } finally {
      await sql`SELECT pg_advisory_unlock(${BATCH_LOCK_CLASS}, ${k})`.execute(conn).catch(() => {});
    }
  });
}

interface Run {
  req: ImportRequest;
  def: InfoTypeDefinition;
  format: FileFormat;
  batchId: string;
  target: WriteTarget;
  chunking: ChunkingOptions;
  warnings: Set<string>;
  size: number;
}

/** Writes chunk N while chunk N+1 is read and validated (PostgreSQL and Node each use a core). */
async function writePass(run: Run, committed: number): Promise<void> {
  const source = await openRowSource(run.req.file, run.format, run.def);
  let rows = 0;
  const progress = () => run.req.onProgress?.({ rows, bytes: source.bytesRead(), size: run.size, resumedFrom: committed });
  let expected = committed;
  let inflight: Promise<unknown> | null = null;
  let failure: unknown = null;
  try {
    for await (const chunk of chunksOf({ ...run.chunking, skipThrough: committed, onRow: () => { if (++rows % 1000 === 0) progress(); } }, source)) {
      await inflight;
      if (failure) throw failure;
      const from = expected;
      expected = chunk.lastRowNo;
      inflight = writeChunk(run.target, chunk, from).catch((e) => { failure = e; });
    }
    await inflight;
    if (failure) throw failure;
    source.warnings.forEach((w) => run.warnings.add(w));
    progress();
  } finally {
    source.close();
  }
}

async function execute(run: Run): Promise<void> {
  const batch = (await store.findBatch(run.req.ctx.db, run.batchId, null))!;
  if (batch.phase === 'validating') {
    const rejected = await validateAll(run);
    if (rejected.rows) {
      await store.setBatchState(run.req.ctx.db, run.batchId, { status: 'rejected', finished: true, rejected: rejected.rows, totalRows: rejected.total, warnings: [...run.warnings] });
      return;
    }
    await store.setBatchState(run.req.ctx.db, run.batchId, { phase: 'writing' });
  }
  await writePass(run, batch.committed_row);
  for (const y of run.chunking.prepare.missingYears) run.warnings.add(missingYearWarning(y));
  await store.setBatchState(run.req.ctx.db, run.batchId, { status: 'completed', finished: true, warnings: [...run.warnings], error: null });
}

function describeFailure(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const err = e as { code?: string; message?: string; lines?: number };
  if (err.code?.startsWith('CSV_')) return new AppError('FILE_UNREADABLE', 400, `CSV 文件第 ${err.lines ?? '?'} 行附近格式有误（${err.message}），请检查引号是否成对。`);
  if (/zip|end of central directory|invalid signature/i.test(err.message ?? '')) return new AppError('FILE_UNREADABLE', 400, '无法读取该 Excel 文件：文件可能已损坏或不是 .xlsx 格式。');
  // a file that stops being readable midway (removed, truncated, a stream closed early): the clerk's
  // message, not a server error
  if (/^(ERR_STREAM_|E(NOENT|ACCES|ISDIR|IO)$)/.test(err.code ?? '')) return new AppError('FILE_UNREADABLE', 400, `读取文件时出错（${err.code}），请确认文件完整后重新导入。`);
  return e as AppError;
}

export async function runImport(req: ImportRequest): Promise<ImportSummary> {
  const { ctx } = req;
  const dept = await importingDepartment(req);
  const { definition: def, version } = await loadInfoType(ctx.db, req.infoType);
  checkProvider(def, dept);
  const { sha256, size } = await fileDigest(req.file);
  const format = await detectFormat(req.file, req.fileName);
  const probe = await openRowSource(req.file, format, def); // a wrong header fails here, before anything is stored
  probe.close();
  const actor: Actor = req.principal ? actorOf(req.principal) : { type: 'system', id: 'cli', departmentId: dept.id };
  const allOrNothing = !!req.allOrNothing;
  return withFileLock(req, `${dept.id}|${def.code}|${sha256}|${allOrNothing}`, async () => {
    const resumable = await store.findResumable(ctx.db, { departmentId: dept.id, infoType: def.code, sha256, allOrNothing });
    const batchId = resumable?.id ?? await ctx.db.transaction().execute(async (tx) => {
      const { id } = await store.insertBatch(tx, { infoType: def.code, typeVersion: version, departmentId: dept.id, actorType: actor.type, actorId: actor.id,
        via: req.via, fileName: req.fileName.slice(0, 255), fileSize: size, sha256, format, encoding: probe.encoding, allOrNothing, overrideReason: req.overrideReason ?? null });
      await recordAudit(tx, { actor, action: 'collection.batch_started', entityType: 'collection_batch', entityId: id, departmentId: dept.id,
        data: { infoType: def.code, fileName: req.fileName, sha256, allOrNothing, overrideReason: req.overrideReason ?? null } });
      return id;
    });
    const existing = (await store.findBatch(ctx.db, batchId, null))!;
    req.onBatch?.({ id: batchId, resumedFrom: existing.committed_row });
    if (resumable) await store.setBatchState(ctx.db, batchId, { status: 'running', error: null });
    const receivedOn = today();
    const prepare: PrepareContext = { def, config: ctx.config, calendar: await loadCalendar(ctx.db), receivedOn, missingYears: new Set(), delayMemo: new Map() };
    const departments = def.disclosure === 'shared' ? await store.departmentIds(ctx.db) : [dept.id];
    const run: Run = {
      req, def, format, batchId, size, warnings: new Set(existing.warnings as string[]),
      target: { ctx, actor, def, aliasesSeen: new Set(), meta: { infoType: def.code, typeVersion: version, departmentId: dept.id, departmentCode: dept.code,
        batchId, disclosure: def.disclosure, receivedOn, isPublic: def.disclosure === 'public', departments } },
      chunking: { def, prepare, overrideReason: existing.override_reason, skipThrough: 0, chunkSize: req.chunkSize ?? CHUNK_SIZE },
    };
    try {
      await execute(run);
    } catch (e) {
      const failure = describeFailure(e);
      await store.setBatchState(ctx.db, batchId, { status: 'failed', error: failure.detail ?? String(e) }).catch(() => {});
      throw failure;
    }
    const summary = await batchSummary(ctx.db, batchId); // the first 1,000 rejects; allRejects reads them all
    await ctx.db.transaction().execute((tx) => recordAudit(tx, { actor, action: 'collection.batch_finished', entityType: 'collection_batch', entityId: batchId,
      departmentId: dept.id, data: { status: summary.status, total: summary.total, accepted: summary.accepted, versioned: summary.versioned,
        unchanged: summary.unchanged, revoked: summary.revoked, rejected: summary.rejected } }));
    return { ...summary, resumedFrom: existing.committed_row };
  });
}
