// `xinyong import`: progress on stderr (rows and rows/s), the summary on stdout (or JSON with
// --json, the same object the API returns), FILE.rejects.csv beside the file, exit 1 when any
// row was rejected.
import cliProgress from 'cli-progress';
import path from 'node:path';
import type { AppContext } from '../../context.js';
import { allRejects, type ImportSummary, type RejectView } from './batches.js';
import { runImport } from './import.js';
import { rejectsCsvAlong, writeRejectsCsv } from './rejects-file.js';

export interface ImportCliOptions {
  type: string;
  department?: string;
  /** --type measures: the memorandum whose measure list the file is. */
  memorandum?: string;
  allOrNothing?: boolean;
  json?: boolean;
  overrideReason?: string;
  chunkSize?: string;
}

export function progressBar() {
  const bar = new cliProgress.SingleBar({
    format: '导入 |{bar}| {percentage}% | {rows} 行 | {speed} 行/秒',
    stream: process.stderr, hideCursor: true, barsize: 30, etaBuffer: 50, fps: 5,
  }, cliProgress.Presets.shades_classic);
  const started = Date.now();
  let begun = false;
  return {
    update(p: { rows: number; bytes: number; size: number; resumedFrom: number }) {
      const speed = Math.round((p.rows - 0) / Math.max(0.001, (Date.now() - started) / 1000));
      if (!begun) { bar.start(Math.max(1, p.size), 0, { rows: 0, speed: 0 }); begun = true; }
      bar.update(Math.min(p.bytes, p.size), { rows: p.rows, speed });
    },
    stop() { if (begun) bar.stop(); },
  };
}

function printSummary(s: ImportSummary, rejectsFile: string) {
  const lines = [
    `批次 ${s.batchId}（${s.status === 'completed' ? '已完成' : s.status === 'rejected' ? '未入库：存在被拒绝的行（全部或全不）' : s.status}）`,
    `共 ${s.total} 行：新增 ${s.accepted}，更正（新版本）${s.versioned}，未变 ${s.unchanged}，撤销 ${s.revoked}，拒绝 ${s.rejected}`,
  ];
  if (s.resumedFrom) lines.push(`本次从上次中断处（第 ${s.resumedFrom} 行之后）继续导入。`);
  if (s.rejected) lines.push(`被拒绝的行及原因见 ${rejectsFile}`);
  for (const w of s.warnings) lines.push(`提示：${w}`);
  console.log(lines.join('\n'));
}

async function write(text: string) {
  if (!process.stdout.write(text)) await new Promise<void>((ok) => process.stdout.once('drain', () => ok()));
}

/** The summary as JSON with every reject (the API's object, whose `rejects` stops at 1,000), streamed out. */
async function printJson(s: ImportSummary, rejects: AsyncIterable<RejectView>) {
  const { rejects: _first, ...rest } = s;
  await write(`${JSON.stringify(rest, null, 2).slice(0, -2)},\n  "rejects": [`);
  let n = 0;
  for await (const r of rejects) await write(`${n++ ? ',' : ''}\n    ${JSON.stringify(r)}`);
  await write(n ? '\n  ]\n}\n' : ']\n}\n');
}

export async function importCommand(ctx: AppContext, file: string, o: ImportCliOptions): Promise<number> {
  const bar = o.json || !process.stderr.isTTY ? null : progressBar();
  let summary: ImportSummary;
  try {
    summary = await runImport({
      ctx, principal: null, departmentCode: o.department ?? '', infoType: o.type, file, fileName: path.basename(file),
      allOrNothing: o.allOrNothing, overrideReason: o.overrideReason ?? null, via: 'cli',
      chunkSize: o.chunkSize ? Number(o.chunkSize) : undefined,
      onProgress: (p) => bar?.update(p),
      onBatch: (b) => { if (b.resumedFrom) process.stderr.write(`继续上次中断的导入（批次 ${b.id}，已完成至第 ${b.resumedFrom} 行）。\n`); },
    });
  } finally {
    bar?.stop();
  }
  // the rejects are read from the database a page at a time: a file of a million bad rows is fine
  const rejectsFile = `${file}.rejects.csv`;
  if (o.json) await printJson(summary, rejectsCsvAlong(rejectsFile, allRejects(ctx.db, summary.batchId)));
  else {
    await writeRejectsCsv(rejectsFile, allRejects(ctx.db, summary.batchId));
    printSummary(summary, rejectsFile);
  }
  return summary.rejected > 0 ? 1 : 0;
}
