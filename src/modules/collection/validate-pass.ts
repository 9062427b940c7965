// All-or-nothing, first pass: every row validated, in-file duplicates found (this pass keeps the
// natural keys of the file in memory, the price of knowing before writing anything), revocations
// checked against what is stored. Rejects are stored (the clerk needs the report); records are not.
import type { FileFormat } from './readers.js';
import { openRowSource } from './readers.js';
import type { InfoTypeDefinition } from '../../domain/fields.js';
import type { PreparedRow, RejectRow } from './prepare.js';
import { judgeRow, type ChunkingOptions } from './rows.js';
import * as store from './store.js';
import { missingRevocationTargets, type WriteTarget } from './writer.js';

interface PassRun {
  req: { file: string; ctx: WriteTarget['ctx'] };
  def: InfoTypeDefinition;
  format: FileFormat;
  batchId: string;
  target: WriteTarget;
  chunking: ChunkingOptions;
  warnings: Set<string>;
}

export async function validateAll(run: PassRun): Promise<{ rows: number; total: number }> {
  const { ctx } = run.req;
  await store.clearRejects(ctx.db, run.batchId); // a pass cut short starts over
  const source = await openRowSource(run.req.file, run.format, run.def);
  const seen = new Map<string, { rowNo: number; hash: string; action: string }>();
  let pending: PreparedRow[] = [];
  let rejects: RejectRow[] = [];
  let total = 0;
  let rejectedRows = 0;
  const flush = async () => {
    rejects.push(...await missingRevocationTargets(ctx, run.target.meta, pending));
    rejects.sort((a, b) => a.rowNo - b.rowNo);
    rejectedRows += new Set(rejects.map((r) => r.rowNo)).size;
    const batch = rejects;
    await ctx.db.transaction().execute((tx) => store.insertRejects(tx, run.batchId, batch));
    pending = [];
    rejects = [];
  };
  try {
    for await (const src of source.rows) {
      total++;
      const outcome = judgeRow(run.chunking, source, src.rowNo, src.cells, src.malformed, src.malformedField);
      if ('rejects' in outcome) rejects.push(...outcome.rejects);
      else {
        const row = outcome.row;
        const before = seen.get(row.naturalKey);
        if (before && before.action === 'upsert' && row.action === 'upsert' && before.hash !== row.contentHash) {
          rejects.push({ rowNo: row.rowNo, field: '', code: 'DUPLICATE_IN_FILE', reason: `与本文件第 ${before.rowNo} 行的自然键相同但内容不同；同一文件中每条记录只能出现一次` });
        } else if (!(row.action === 'revoke' && before?.action === 'upsert')) pending.push(row);
        seen.set(row.naturalKey, { rowNo: row.rowNo, hash: row.contentHash, action: row.action });
      }
      if (pending.length + rejects.length >= run.chunking.chunkSize) await flush();
    }
    await flush();
    source.warnings.forEach((w) => run.warnings.add(w));
  } finally {
    source.close();
  }
  return { rows: rejectedRows, total };
}
