// Runs in a worker thread: reads the worksheets of an .xlsx in order with exceljs's streaming reader
// and posts their rows to the importing thread in batches, so unzipping and XML parsing (the larger
// part of an .xlsx import's CPU) overlap validation and writing instead of queueing before them. The
// importing side takes the first sheet with the info type's header and stops this thread after it;
// hidden sheets are skipped.
// Credit-based: at most MAX_AHEAD batches wait unread, so memory stays flat however fast this side is.
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { Cell } from '../../domain/fields.js';
import { utf8SafeReader } from './xlsx-utf8.js';

export interface XlsxMessage {
  type: 'rows' | 'end' | 'error';
  rows?: { rowNo: number; cells: Cell[]; problems?: CellProblem[] }[];
  /** The workbook counts days from 1904-01-01 (Mac Excel's date system): serials are 1462 days short. */
  date1904?: boolean;
  /** The rows' worksheet: its place among the visible sheets (1, 2…) and its name. */
  sheet?: { no: number; name: string };
  bytes: number;
  message?: string;
}

const BATCH = 256;
const MAX_AHEAD = 8;

/** A cell that has no value to import though it is not empty: the row is rejected with `reason`. */
export interface CellProblem { col: number; reason: string }

export const FORMULA_WITHOUT_RESULT = '公式没有计算结果，请在 Excel 中重新计算并保存后再导入';
const errorReason = (code: string) => `单元格为 Excel 错误值 ${code}`;

/**
 * An exceljs cell value as plain text, number or date. An error value (#N/A…) or a formula saved
 * without its result is not the same as an empty cell — read as empty it would be stored as
 * missing, or rejected as "必填项为空" — so it is reported through `problem`.
 */
export function plain(v: unknown, problem?: (reason: string) => void): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || v instanceof Date) return v as Cell;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
  if (typeof o.error === 'string') { problem?.(errorReason(o.error)); return null; }
  if ('formula' in o || 'sharedFormula' in o) {
    if (o.result === undefined || o.result === null) { problem?.(FORMULA_WITHOUT_RESULT); return null; }
    return plain(o.result, problem); // its cached result (which may itself be an error)
  }
  if ('result' in o) return plain(o.result, problem);
  if ('text' in o) return plain(o.text, problem); // hyperlink
  return null; // anything else
}

async function main(file: string) {
  const port = parentPort!;
  let credit = MAX_AHEAD;
  let wake: (() => void) | null = null;
  port.on('message', () => { credit++; wake?.(); wake = null; });
  let bytes = 0;
  let stream: ReturnType<typeof createReadStream> | null = null;
  const send = async (m: XlsxMessage) => {
    while (credit === 0) await new Promise<void>((resolve) => { wake = resolve; });
    credit--;
    port.postMessage(m);
  };
  try {
    const { default: ExcelJS } = await import('exceljs');
    const Reader = utf8SafeReader(ExcelJS);
    // opened only now: a 'data' listener starts the flow, which must not begin before exceljs reads
    stream = createReadStream(file, { highWaterMark: 256 * 1024 });
    stream.on('data', (chunk) => { bytes += chunk.length; });
    const reader = new Reader(stream, { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', entries: 'ignore' });
    let no = 0;
    for await (const sheet of reader) {
      const { name, state } = sheet as unknown as { name: string; state?: string };
      const visible = state !== 'hidden' && state !== 'veryHidden'; // e.g. a template's lists for its drop-downs
      if (visible) no++;
      // <workbookPr date1904="1"> of workbook.xml, which exceljs has read by now (as it has the sheets' state):
      // Excel writes it before the sheets, and exceljs defers sheets met before the rest of the workbook
      const date1904 = !!(reader as unknown as { model?: { properties?: { date1904?: boolean } } }).model?.properties?.date1904;
      let batch: NonNullable<XlsxMessage['rows']> = [];
      for await (const row of sheet) {
        if (!visible) continue;
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        let problems: CellProblem[] | undefined;
        for (let i = 1; i < values.length; i++) cells.push(plain(values[i], (reason) => { (problems ??= []).push({ col: i - 1, reason }); }));
        batch.push(problems ? { rowNo: row.number, cells, problems } : { rowNo: row.number, cells });
        if (batch.length === BATCH) {
          await send({ type: 'rows', rows: batch, sheet: { no, name }, date1904, bytes });
          batch = [];
        }
      }
      if (batch.length) await send({ type: 'rows', rows: batch, sheet: { no, name }, date1904, bytes });
    }
    port.postMessage({ type: 'end', bytes } satisfies XlsxMessage);
  } catch (e) {
    port.postMessage({ type: 'error', bytes, message: (e as Error).message } satisfies XlsxMessage);
  } finally {
    stream?.destroy();
    port.unref(); // nothing more to send: let the thread end
  }
}

if (parentPort && workerData?.xlsxFile) void main(workerData.xlsxFile as string);
