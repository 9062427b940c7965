// Reading delivered files row by row, streamed, never whole: .xlsx through exceljs's streaming
// WorkbookReader in a worker thread (its in-memory workbook needs > 1 GB for 100k rows — DESIGN §2), .csv through
// csv-split.ts (plain lines split directly, the rest by csv-parse; UTF-8 with or without BOM, or GB18030/GBK —
// detected), .jsonl line by line, .json (an array of objects, or an interface's answer wrapping one)
// element by element (json-rows.ts). Each row comes out keyed by field, with the row number the clerk
// sees (spreadsheet row, JSONL line, the element's place in the array).
import iconv from 'iconv-lite';
import { createReadStream, type ReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline, type Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { cellText, type Cell, type InfoTypeDefinition } from '../../domain/fields.js';
import { AppError } from '../../errors.js';
import { csvRecords } from './csv-split.js';
import { createJsonScanner, JsonShapeError } from './json-rows.js';
import { detectEncoding, iconvName, type TextEncoding } from './encoding.js';
import { mergeHeaderRows } from './header-levels.js';
import type { CellProblem, XlsxMessage } from './xlsx-worker.js';
import { fieldHeader, HEADER_SEARCH_ROWS, headerIndex, ignoredColumnsWarning, lookupHeader, looksLikeHeader, mapColumns } from './headers.js';

export type FileFormat = 'xlsx' | 'csv' | 'jsonl' | 'json';

export interface SourceRow {
  rowNo: number;
  cells: Record<string, Cell>;
  /** Set when the row itself cannot be read (JSONL line that is not a JSON object). */
  malformed?: string;
  /** the column the malformed cell is in, when one is (an Excel error value) */
  malformedField?: string;
}

export interface RowSource {
  format: FileFormat;
  encoding: TextEncoding | null;
  headerOf: (key: string) => string;
  warnings: string[];
  rows: AsyncGenerator<SourceRow>;
  bytesRead(): number;
  close(): void;
}

/** A row as read; `sheet` for a workbook's rows (CSV and JSONL have one table). */
interface RawRow { rowNo: number; cells: Cell[]; sheet?: { no: number; name: string }; problems?: CellProblem[]; date1904?: boolean }

/** By content first (a renamed file is still read right), then by extension. */
export async function detectFormat(file: string, name: string): Promise<FileFormat> {
  const fh = await open(file, 'r');
  const head = Buffer.alloc(8);
  try { await fh.read(head, 0, 8, 0); } finally { await fh.close(); }
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new AppError('UNSUPPORTED_FORMAT', 400, '不支持 .xls（Excel 97–2003）格式，请在 Excel 中“另存为” .xlsx 或 CSV 后再导入。');
  }
  const text = head.toString('latin1');
  // a CSV whose first header starts with "[" stays a CSV
  if (/\.json$/i.test(name) || (/^(\xef\xbb\xbf)?\s*\[/.test(text) && !/\.(csv|txt)$/i.test(name))) return 'json';
  if (/\.(jsonl|ndjson)$/i.test(name) || /^(\xef\xbb\xbf)?\s*\{/.test(text)) return 'jsonl';
  if (/\.(csv|txt)$/i.test(name) || !/\.\w+$/.test(name)) return 'csv';
  throw new AppError('UNSUPPORTED_FORMAT', 400, `不支持的文件类型“${name}”：请使用 .xlsx、.csv（UTF-8 或 GBK）、.json 或 .jsonl。`);
}

const WORKER_URL = new URL(`./xlsx-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);

/** Started from the compiled .js, or — sources run through tsx in development — through tsx's loader. */
function startWorker(file: string): Worker {
  const workerData = { xlsxFile: file };
  if (!WORKER_URL.pathname.endsWith('.ts')) return new Worker(WORKER_URL, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(WORKER_URL.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}

/** The rows of the first worksheet, parsed in a worker thread (xlsx-worker.ts); `bytes` as it reads. */
function xlsxRows(file: string, progress: { bytes: number }): { rows: AsyncGenerator<RawRow>; stop(): void } {
  let worker: Worker | null = null;
  const rows = (async function* () {
    worker = startWorker(file);
    const inbox: XlsxMessage[] = [];
    let wake: (() => void) | null = null;
    let failure: Error | null = null;
    worker.on('message', (m: XlsxMessage) => { inbox.push(m); wake?.(); });
    worker.on('error', (e) => { failure = e; wake?.(); });
    worker.on('exit', () => { failure ??= inbox.length ? null : new Error('xlsx worker stopped'); wake?.(); });
    for (;;) {
      while (!inbox.length && !failure) await new Promise<void>((resolve) => { wake = resolve; });
      const m = inbox.shift();
      if (!m) throw failure!;
      progress.bytes = m.bytes;
      if (m.type === 'error') throw new Error(m.message);
      if (m.type === 'end') return;
      worker.postMessage(1); // one more batch may come
      for (const r of m.rows! as RawRow[]) { r.sheet = m.sheet; r.date1904 = m.date1904; yield r; }
    }
  })();
  return { rows, stop: () => { void (worker as Worker | null)?.terminate(); } };
}

async function sniffDelimiter(file: string, encoding: TextEncoding): Promise<string> {
  const fh = await open(file, 'r');
  const buf = Buffer.alloc(8192);
  try { await fh.read(buf, 0, buf.length, 0); } finally { await fh.close(); }
  // the header may sit below a title line (“2026年11月行政处罚公示”) that has neither: the line with the
  // most separators among the first few — the header, as withHeader will find it — decides
  const lines = iconv.decode(buf, iconvName(encoding)).split(/\r?\n/).slice(0, HEADER_SEARCH_ROWS);
  let best = { count: 0, delimiter: ',' };
  for (const line of lines) {
    const tabs = line.match(/\t/g)?.length ?? 0;
    const commas = line.match(/,/g)?.length ?? 0;
    if (Math.max(tabs, commas) > best.count) best = { count: Math.max(tabs, commas), delimiter: tabs > commas ? '\t' : ',' };
  }
  return best.delimiter;
}

/** The file's text, decoded from `encoding` (strings in, whatever the encoding). */
function decodedText(stream: Readable, encoding: TextEncoding): Readable {
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') return stream.setEncoding('utf8');
  // pipeline, not pipe: a read error or an early close must reach the reader, not go unheard
  return (pipeline(stream, iconv.decodeStream(iconvName(encoding)), () => {}) as unknown as Readable).setEncoding('utf8');
}

async function* csvRows(open: () => Readable, encoding: TextEncoding, delimiter: string): AsyncGenerator<RawRow> {
  const text = decodedText(open(), encoding);
  // empty lines are rows too (Excel shows them), so row numbers match what the clerk sees
  let rowNo = 0;
  for await (const record of csvRecords(text as AsyncIterable<string>, delimiter)) yield { rowNo: ++rowNo, cells: record };
}

type HeaderIndex = ReturnType<typeof headerIndex>;
/** Each key of a JSON file is looked up once, not once per row (the lookup strips marks and notes). */
const keysSeen = new WeakMap<HeaderIndex, Map<string, ReturnType<typeof lookupHeader> | null>>();

function fieldOfKey(index: HeaderIndex, key: string) {
  let seen = keysSeen.get(index);
  if (!seen) keysSeen.set(index, seen = new Map());
  let hit = seen.get(key);
  if (hit === undefined) {
    hit = lookupHeader(index, key) ?? null;
    if (seen.size < 1000) seen.set(key, hit);
  }
  return hit;
}

/**
 * A JSON object's properties as the info type's fields, keys read like sheet headers (marks and
 * trailing notes stripped); a key named exactly wins over one that needed its note removed.
 * Unknown keys are noted for the warning.
 */
function objectCells(obj: Record<string, unknown>, index: HeaderIndex, ignored: Set<string>): Record<string, Cell> {
  const cells: Record<string, Cell> = {};
  const exact = new Set<string>();
  for (const [k, v] of Object.entries(obj)) {
    const hit = fieldOfKey(index, k);
    if (!hit) { if (ignored.size < 50) ignored.add(k); continue; }
    const key = hit.field.key;
    if (!hit.exact && key in cells) continue;
    if (hit.exact) { if (exact.has(key)) continue; exact.add(key); }
    cells[key] = v === null || typeof v !== 'object' ? (v as Cell) : JSON.stringify(v);
  }
  return cells;
}

/** A row from one JSON text: an object's fields, or the row rejected with `malformed` as its reason. */
function jsonRow(rowNo: number, text: string, index: ReturnType<typeof headerIndex>, ignored: Set<string>, malformed: string): SourceRow {
  let obj: unknown;
  try { obj = JSON.parse(text); } catch { obj = undefined; }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return { rowNo, cells: {}, malformed };
  return { rowNo, cells: objectCells(obj as Record<string, unknown>, index, ignored) };
}

async function* jsonlRows(stream: Readable, def: InfoTypeDefinition, ignored: Set<string>): AsyncGenerator<SourceRow> {
  const index = headerIndex(def);
  let rowNo = 0;
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
    rowNo++;
    const text = rowNo === 1 ? line.replace(/^\uFEFF/, '') : line;
    if (!text.trim()) continue;
    yield jsonRow(rowNo, text, index, ignored, '该行不是有效的 JSON 对象（每行应为一个 {"字段": 值} 对象）');
  }
}

async function* jsonRows(stream: Readable, def: InfoTypeDefinition, ignored: Set<string>): AsyncGenerator<SourceRow> {
  const index = headerIndex(def);
  const scanner = createJsonScanner();
  const elements = async function* () {
    try {
      for await (const chunk of stream.setEncoding('utf8')) yield* scanner.push(chunk as string);
      yield* scanner.end();
    } catch (e) {
      if (!(e instanceof JsonShapeError)) throw e;
      throw new AppError('FILE_UNREADABLE', 400, `JSON 文件第 ${e.line} 行附近有误：${e.message}。请确认文件是完整的 JSON（对象数组，或每行一个对象）。`);
    }
  };
  for await (const { rowNo, text } of elements()) {
    yield jsonRow(rowNo, text, index, ignored, `第 ${rowNo} 条不是有效的 JSON 对象（每条数据应为一个 {"字段": 值} 对象）`);
  }
}

const DAYS_1900_TO_1904 = 1462;

/**
 * `width`: the header's cell count, for text tables — a row with more non-empty cells than that has
 * shifted columns (an unquoted comma), so it is rejected rather than cut; empty extra cells (the
 * trailing commas of Excel's exports) are fine.
 */
async function* mapped(raw: AsyncGenerator<RawRow>, def: InfoTypeDefinition, map: { columns: (string | null)[]; headerOf: Map<string, string> }, width?: number): AsyncGenerator<SourceRow> {
  const { columns } = map;
  const dateColumns = new Set(def.fields.filter((f) => f.type === 'date').map((f) => f.key));
  for await (const r of raw) {
    const problem = r.problems?.find((p) => columns[p.col]);
    if (problem) {
      yield { rowNo: r.rowNo, cells: {}, malformed: `“${map.headerOf.get(columns[problem.col]!)}”列：${problem.reason}`, malformedField: map.headerOf.get(columns[problem.col]!) };
      continue;
    }
    if (r.cells.every((c) => cellText(c) === null)) continue; // blank row
    // fields.ts reads a number in a date column as a 1900-system serial: a 1904 workbook's is 1462 days more
    if (r.date1904) r.cells.forEach((c, i) => { if (typeof c === 'number' && dateColumns.has(columns[i] ?? '')) r.cells[i] = c + DAYS_1900_TO_1904; });
    let used = r.cells.length;
    if (width !== undefined) while (used > width && cellText(r.cells[used - 1]) === null) used--;
    if (width !== undefined && used > width) {
      yield { rowNo: r.rowNo, cells: {}, malformed: `本行 ${used} 列，表头只有 ${width} 列：可能有未加引号的逗号或多余的值，请检查后重新导入` };
      continue;
    }
    const cells: Record<string, Cell> = {};
    r.cells.forEach((c, i) => { const key = columns[i]; if (key) cells[key] = c; });
    yield { rowNo: r.rowNo, cells };
  }
}

async function* prepend(first: RawRow[], rest: AsyncGenerator<RawRow>): AsyncGenerator<RawRow> {
  yield* first;
  yield* rest;
}

/**
 * Reads until the header row (or two: header-levels.ts) — in a workbook, of the first sheet that has one within its first rows
 * (a 填报说明 sheet may come first); fails with a clear message when there is none or it lacks
 * required columns.
 */
async function withHeader(raw: AsyncGenerator<RawRow>, def: InfoTypeDefinition) {
  const index = headerIndex(def);
  let sheet: RawRow['sheet'];
  let seen = 0;
  const skipped: string[] = [];
  for (;;) {
    const next = await raw.next();
    if (next.done) break;
    const row = next.value;
    if (row.sheet?.no !== sheet?.no) {
      if (sheet) skipped.push(sheet.name);
      sheet = row.sheet;
      seen = 0;
    }
    if (seen++ >= HEADER_SEARCH_ROWS) {
      if (!sheet) break; // one table only: no header near its top
      continue; // this sheet has none near its top: on to the next
    }
    if (looksLikeHeader(row.cells, index)) {
      // a second header row under it (two-level header)? if not, that row is the first data row
      const after = await raw.next();
      const sub = after.done || after.value.sheet?.no !== sheet?.no ? null : after.value;
      const merged = sub && mergeHeaderRows(row.cells, sub.cells, index);
      const pending = after.done || merged ? [] : [after.value];
      return { ...mapColumns(def, merged || row.cells, index), sheet, skipped, rows: prepend(pending, raw) };
    }
  }
  const example = `如“${def.fields.slice(0, 3).map((f) => f.label).join('”“')}”`;
  throw new AppError('HEADER_NOT_FOUND', 400, sheet
    ? `各工作表的前 ${HEADER_SEARCH_ROWS} 行中都未找到表头：数据所在工作表的第一行应为列名（${example}），可下载填报模板对照。`
    : `前 ${HEADER_SEARCH_ROWS} 行中未找到表头：第一行应为列名（${example}），可下载填报模板对照。`);
}

/**
 * The rows of one worksheet. The later sheets are still looked at: one with the info type's header
 * and data under it (a month per sheet, a second page of the export) would otherwise go unimported
 * without a word — it is named in `warnings`. (Importing it too needs the sheet in each reject and
 * resumption by sheet and row, which the batch does not record yet.)
 */
async function* sheetRows(raw: AsyncGenerator<RawRow>, sheet: RawRow['sheet'], def: InfoTypeDefinition, warnings: string[]): AsyncGenerator<RawRow> {
  const index = headerIndex(def);
  let current = sheet;
  let seen = 0;
  let state: 'data' | 'looking' | 'header' | 'skip' = 'data';
  const unread: string[] = [];
  for await (const r of raw) {
    if (r.sheet?.no !== current?.no) { current = r.sheet; seen = 0; state = 'looking'; }
    if (state === 'data') { yield r; continue; }
    if (state === 'looking') {
      if (seen++ >= HEADER_SEARCH_ROWS) state = 'skip';
      else if (looksLikeHeader(r.cells, index)) state = 'header';
    } else if (state === 'header' && r.cells.some((c) => cellText(c) !== null)) {
      unread.push(current!.name);
      state = 'skip';
    }
  }
  if (unread.length) {
    warnings.push(`只导入了工作表“${sheet!.name}”；工作表“${unread.join('”“')}”也有同样的表头和数据，未导入：请将数据合并到一个工作表，或把每个工作表另存为单独的文件分别导入。`);
  }
}

function sheetWarning(map: { sheet?: { no: number; name: string }; skipped: string[] }): string[] {
  if (!map.sheet || map.sheet.no === 1) return [];
  return [`数据取自工作表“${map.sheet.name}”（第 ${map.sheet.no} 个）；之前的工作表“${map.skipped.join('”“')}”中没有表头，未导入。`];
}

/** The file as a stream, opened on first read (a stream opened earlier would start flowing unread). */
function lazyFile(file: string) {
  let stream: ReadStream | null = null;
  let bytes = 0;
  let closed = false;
  return {
    open(): Readable {
      stream = createReadStream(file, { highWaterMark: 256 * 1024 });
      stream.on('data', (chunk) => { bytes += chunk.length; });
      if (closed) stream.destroy();
      return stream;
    },
    bytesRead: () => bytes,
    close: () => { closed = true; stream?.destroy(); },
  };
}

export async function openRowSource(file: string, format: FileFormat, def: InfoTypeDefinition): Promise<RowSource> {
  const input = lazyFile(file);
  const base = { format, bytesRead: input.bytesRead, close: input.close };
  try {
    if (format === 'jsonl' || format === 'json') {
      const ignored = new Set<string>();
      const warnings: string[] = [];
      const read = format === 'json' ? jsonRows : jsonlRows;
      // GBK JSON too: interfaces on Chinese Windows servers write it as readily as Excel writes GBK CSV
      const encoding = await detectEncoding(file);
      const rows = (async function* () {
        yield* read(decodedText(input.open(), encoding), def, ignored);
        warnings.push(...ignoredColumnsWarning(def, [...ignored]));
      })();
      return { ...base, encoding, headerOf: fieldHeader(def, new Map()), warnings, rows };
    }
    if (format === 'xlsx') {
      const progress = { bytes: 0 };
      const sheet = xlsxRows(file, progress);
      const stop = () => { sheet.stop(); input.close(); };
      try {
        const map = await withHeader(sheet.rows, def);
        const warnings = [...sheetWarning(map), ...ignoredColumnsWarning(def, map.ignored)];
        return { format, bytesRead: () => progress.bytes, close: stop, encoding: null, headerOf: fieldHeader(def, map.headerOf),
          warnings, rows: mapped(sheetRows(map.rows, map.sheet, def, warnings), def, map) };
      } catch (e) {
        stop();
        throw e;
      }
    }
    const encoding = await detectEncoding(file);
    const delimiter = await sniffDelimiter(file, encoding);
    const raw = csvRows(() => input.open(), encoding, delimiter);
    const map = await withHeader(raw, def);
    return { ...base, encoding, headerOf: fieldHeader(def, map.headerOf), warnings: ignoredColumnsWarning(def, map.ignored), rows: mapped(map.rows, def, map, map.columns.length) };
  } catch (e) {
    input.close();
    if (e instanceof AppError) throw e;
    throw new AppError('FILE_UNREADABLE', 400, `无法读取文件：${(e as Error).message}。请确认文件未损坏，格式为 .xlsx、.csv、.json 或 .jsonl。`);
  }
}
