// Importing a sheet of catalog data that is not credit information — a department's measure list,
// an initiating department's list entries — through the same readers as collection (.xlsx streamed,
// .csv UTF-8 or GBK, .json, .jsonl; Chinese or English headers), with the same reporting: every rejected
// row with its row number, column and Chinese reason, good rows kept (or, all-or-nothing, none).
// Rows are written chunk by chunk, one transaction each and a savepoint per row, so a row the
// database refuses is reported while its neighbours are kept. Writes are idempotent by the natural
// key the spec gives, so a killed import is finished by running the same file again (ADR 011).
import { stat } from 'node:fs/promises';
import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import type { Cell, InfoTypeDefinition } from '../../domain/fields.js';
import type { RowIssue } from '../../domain/fields-row.js';
import { AppError } from '../../errors.js';
import type { ImportCounts, RejectView } from './batches.js';
import { detectFormat, openRowSource, type RowSource } from './readers.js';

export type SheetRowOutcome = 'accepted' | 'versioned' | 'unchanged' | 'revoked';

export interface SheetSpec<T> {
  def: InfoTypeDefinition;
  /** Validation and lookups of one row; `key` is its natural key, `hash` its content (in-file duplicates). */
  judge(cells: Record<string, Cell>, rowNo: number): Promise<{ item: T; key: string; hash: string } | { issues: RowIssue[] }>;
  write(tx: Tx, item: T, rowNo: number): Promise<SheetRowOutcome>;
  /** The field key an error path of the use case names (e.g. body.subject.uscc → uscc). */
  fieldOfPath(path: string): string;
}

export interface SheetImportRequest {
  ctx: AppContext;
  file: string;
  fileName: string;
  allOrNothing?: boolean;
  chunkSize?: number;
  onProgress?: (p: { rows: number; bytes: number; size: number; resumedFrom: number }) => void;
}

export interface SheetImportSummary extends ImportCounts {
  type: string;
  status: 'completed' | 'rejected';
}

const CHUNK_SIZE = 500;

interface Pending<T> { rowNo: number; item: T }

class Rejected extends Error {}

function issuesToRejects(rowNo: number, issues: RowIssue[], source: RowSource): RejectView[] {
  return issues.map((i) => ({ row: rowNo, field: i.field ? source.headerOf(i.field) : '', code: i.code, reason: i.reason }));
}

function errorToRejects<T>(rowNo: number, e: unknown, spec: SheetSpec<T>, source: RowSource): RejectView[] {
  if (!(e instanceof AppError)) throw e;
  if (e.errors?.length) return e.errors.map((f) => ({ row: rowNo, field: source.headerOf(spec.fieldOfPath(f.path)), code: e.code, reason: f.message }));
  return [{ row: rowNo, field: '', code: e.code, reason: e.detail }];
}

/** Writes rows inside `tx`, each under a savepoint: a refused row is reported, the others stay. */
async function writeRows<T>(tx: Tx, spec: SheetSpec<T>, rows: Pending<T>[], source: RowSource, counts: Counts, rejects: RejectView[]) {
  for (const r of rows) {
    await sql`SAVEPOINT sheet_row`.execute(tx);
    try {
      counts[await spec.write(tx, r.item, r.rowNo)]++;
      await sql`RELEASE SAVEPOINT sheet_row`.execute(tx);
    } catch (e) {
      await sql`ROLLBACK TO SAVEPOINT sheet_row`.execute(tx);
      rejects.push(...errorToRejects(r.rowNo, e, spec, source));
    }
  }
}

type Counts = Record<SheetRowOutcome, number>;

export async function runSheetImport<T>(req: SheetImportRequest, spec: SheetSpec<T>): Promise<SheetImportSummary> {
  const { ctx } = req;
  const format = await detectFormat(req.file, req.fileName);
  const size = (await stat(req.file)).size;
  const source = await openRowSource(req.file, format, spec.def); // a missing required column fails here
  const allOrNothing = !!req.allOrNothing;
  const counts: Counts = { accepted: 0, versioned: 0, unchanged: 0, revoked: 0 };
  const rejects: RejectView[] = [];
  const seen = new Map<string, { rowNo: number; hash: string }>();
  let chunk: Pending<T>[] = [];
  const kept: Pending<T>[] = []; // all-or-nothing: the whole file waits for its verdict
  let total = 0;
  const progress = () => req.onProgress?.({ rows: total, bytes: source.bytesRead(), size, resumedFrom: 0 });
  const flush = async () => {
    const rows = chunk;
    chunk = [];
    if (rows.length) await ctx.db.transaction().execute((tx) => writeRows(tx, spec, rows, source, counts, rejects));
    progress();
  };
  try {
    for await (const src of source.rows) {
      total++;
      if (src.malformed) {
        rejects.push({ row: src.rowNo, field: src.malformedField ?? '', code: 'ROW_MALFORMED', reason: src.malformed });
        continue;
      }
      const judged = await spec.judge(src.cells, src.rowNo);
      if ('issues' in judged) {
        rejects.push(...issuesToRejects(src.rowNo, judged.issues, source));
        continue;
      }
      const before = seen.get(judged.key);
      if (before && before.hash !== judged.hash) {
        rejects.push({ row: src.rowNo, field: '', code: 'DUPLICATE_IN_FILE', reason: `与本文件第 ${before.rowNo} 行是同一条（${spec.def.name}）但内容不同；同一文件中每条只能出现一次` });
        continue;
      }
      seen.set(judged.key, { rowNo: src.rowNo, hash: judged.hash });
      (allOrNothing ? kept : chunk).push({ rowNo: src.rowNo, item: judged.item });
      if (chunk.length >= (req.chunkSize ?? CHUNK_SIZE)) await flush();
    }
    await flush();
    if (allOrNothing && !rejects.length) {
      await ctx.db.transaction().execute(async (tx) => {
        await writeRows(tx, spec, kept, source, counts, rejects);
        if (rejects.length) throw new Rejected();
      }).catch((e) => { if (!(e instanceof Rejected)) throw e; });
    }
  } finally {
    source.close();
  }
  rejects.sort((a, b) => a.row - b.row);
  const rejected = new Set(rejects.map((r) => r.row)).size;
  const nothingKept = allOrNothing && rejected > 0;
  return {
    type: spec.def.code, status: nothingKept ? 'rejected' : 'completed', fileName: req.fileName, format, encoding: source.encoding, allOrNothing, total,
    ...(nothingKept ? { accepted: 0, versioned: 0, unchanged: 0, revoked: 0 } : counts), rejected, rejects, rejectsTotal: rejects.length, warnings: source.warnings,
  };
}
