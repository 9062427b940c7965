// Mapping a file's column headers to the fields of an info type. Headers may be the standard's
// Chinese names, the English keys, or known aliases (older templates, interface column codes), in
// any width and with required-marks; a title row above the headers is skipped.
import { cellText, normaliseHeader, type Cell, type FieldDef, type InfoTypeDefinition } from '../../domain/fields.js';
import { ACTION_FIELD, OVERRIDE_FIELD } from '../../domain/fields-row.js';
import { AppError } from '../../errors.js';

export const HEADER_SEARCH_ROWS = 10;

export function headerIndex(def: InfoTypeDefinition): Map<string, FieldDef> {
  const index = new Map<string, FieldDef>();
  for (const f of [...def.fields, ACTION_FIELD, OVERRIDE_FIELD]) {
    for (const name of [f.key, f.label, ...(f.aliases ?? [])]) index.set(normaliseHeader(name), f);
  }
  return index;
}

export interface ColumnMap {
  /** Column position → field key (null: ignored column). */
  columns: (string | null)[];
  /** Field key → the header as written in the file (used to name fields in the rejects report). */
  headerOf: Map<string, string>;
  ignored: string[];
}

// a note in brackets at the end, e.g. 罚款金额（万元）(数字), or a mark in 【】 at the start
const TRAILING_NOTE = /\([^()]*\)$|【[^【】]*】$|\[[^[\]]*\]$/;
const LEADING_NOTE = /^【[^【】]*】|^\[[^[\]]*\]/;

/**
 * The field a header names: exactly (after normaliseHeader), or else once notes in brackets are taken
 * off its ends one by one — the first shortening that names a field wins (labels such as
 * 罚款金额(万元) keep their own brackets, so they match before theirs are removed).
 */
export function lookupHeader(index: Map<string, FieldDef>, text: string): { field: FieldDef; exact: boolean } | undefined {
  let h = normaliseHeader(text);
  const field = index.get(h);
  if (field) return { field, exact: true };
  for (let i = 0; i < 4; i++) {
    const shorter = h.replace(LEADING_NOTE, '').replace(TRAILING_NOTE, '');
    if (shorter === h || shorter === '') return undefined;
    h = shorter;
    const f = index.get(h);
    if (f) return { field: f, exact: false };
  }
  return undefined;
}

/** Whether a row looks like the header row: at least two cells name known fields. */
export function looksLikeHeader(cells: Cell[], index: Map<string, FieldDef>): boolean {
  let hits = 0;
  for (const c of cells) {
    const t = cellText(c);
    if (t && lookupHeader(index, t)) hits++;
  }
  return hits >= 2;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** Columns of the file that look like a missing field (决定日期 for 处罚决定日期): named in HEADER_MISSING. */
function nearMisses(field: FieldDef, ignored: string[]): string[] {
  const names = [field.label, field.key, ...(field.aliases ?? [])].map(normaliseHeader).map((n) => n.replace(TRAILING_NOTE, '') || n);
  return ignored.filter((text) => {
    const h = normaliseHeader(text).replace(LEADING_NOTE, '').replace(TRAILING_NOTE, '');
    return h.length >= 2 && names.some((n) => n.length >= 2 && (n.includes(h) || h.includes(n) || editDistance(n, h) <= Math.max(1, Math.floor(n.length / 4))));
  });
}

/**
 * The columns a file must have. A file with an 操作类型 column that leaves out most required columns is a
 * revocation list: the natural key's columns (and the subject's code) are enough, and a row in it that
 * does not revoke is refused row by row for the fields it lacks (fields-row requires them of every such
 * row). A file that has most of them, or a column that looks like a missing one (决定日期 for 处罚决定日期),
 * is a delivery file with a column missing or misnamed: said once for the file, not as REQUIRED on every row.
 */
function missingColumns(def: InfoTypeDefinition, has: (key: string) => boolean, ignored: string[]): FieldDef[] {
  const all = def.fields.filter((f) => f.required && !has(f.key));
  if (!has(ACTION_FIELD.key) || !all.length) return all;
  const codes = [def.subject.uscc, def.subject.idNumber].filter((k): k is string => !!k);
  const isKey = (k: string) => def.naturalKey.includes(k) || (def.naturalKey.includes('$subject') && codes.includes(k));
  const nonKey = def.fields.filter((f) => f.required && !isKey(f.key)).length;
  if (all.filter((f) => !isKey(f.key)).length * 2 < nonKey || all.some((f) => nearMisses(f, ignored).length)) return all;
  const byKey = new Map(def.fields.map((f) => [f.key, f]));
  const missing = def.naturalKey.filter((k) => k !== '$subject' && !has(k)).map((k) => byKey.get(k)!).filter(Boolean);
  if (def.naturalKey.includes('$subject') && codes.length && !codes.some(has)) missing.push(byKey.get(codes[0])!);
  return missing;
}

export function mapColumns(def: InfoTypeDefinition, cells: Cell[], index = headerIndex(def)): ColumnMap {
  const columns: (string | null)[] = [];
  const headerOf = new Map<string, string>();
  const ignored: string[] = [];
  const texts = cells.map((c) => cellText(c));
  const found = texts.map((t) => (t ? lookupHeader(index, t) : undefined));
  // exact names first; a header recognised only without its notes maps when no other column claims its field
  const claims = new Map<string, number>();
  found.forEach((m) => { if (m && !m.exact) claims.set(m.field.key, (claims.get(m.field.key) ?? 0) + 1); });
  const exactKeys = new Set(found.filter((m) => m?.exact).map((m) => m!.field.key));
  texts.forEach((text, i) => {
    const m = found[i];
    const field = m && (m.exact || (!exactKeys.has(m.field.key) && claims.get(m.field.key) === 1)) ? m.field : undefined;
    if (text && !field) ignored.push(text);
    if (field && headerOf.has(field.key)) {
      throw new AppError('HEADER_DUPLICATE', 400, `第 ${i + 1} 列“${text}”与“${headerOf.get(field.key)}”是同一字段（${field.label}），请删除其中一列。`);
    }
    if (field) headerOf.set(field.key, text!);
    columns[i] = field?.key ?? null;
  });
  const missing = missingColumns(def, (k) => headerOf.has(k), ignored);
  if (missing.length) {
    const near = [...new Set(missing.flatMap((f) => nearMisses(f, ignored)))];
    throw new AppError('HEADER_MISSING', 400, `缺少必填列：${missing.map((f) => f.label).join('、')}`
      + (near.length ? `；文件中有相近的列：${near.join('、')}` : '')
      + '。请使用目录中的列名（中文名或英文键），可下载填报模板对照。');
  }
  return { columns, headerOf, ignored };
}

export function ignoredColumnsWarning(def: InfoTypeDefinition, ignored: string[]): string[] {
  if (!ignored.length) return [];
  const shown = ignored.slice(0, 10).join('、') + (ignored.length > 10 ? ` 等 ${ignored.length} 列` : '');
  return [`以下列不属于“${def.name}”的目录字段，已忽略：${shown}`];
}

/** Field key → header text, for every field (the label when the file has no such column). */
export function fieldHeader(def: InfoTypeDefinition, headerOf: Map<string, string>): (key: string) => string {
  const labels = new Map([...def.fields, ACTION_FIELD, OVERRIDE_FIELD].map((f) => [f.key, f.label]));
  return (key) => headerOf.get(key) ?? labels.get(key) ?? key;
}
