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

/** Whether a row looks like the header row: at least two cells name known fields. */
export function looksLikeHeader(cells: Cell[], index: Map<string, FieldDef>): boolean {
  let hits = 0;
  for (const c of cells) {
    const t = cellText(c);
    if (t && index.has(normaliseHeader(t))) hits++;
  }
  return hits >= 2;
}

export function mapColumns(def: InfoTypeDefinition, cells: Cell[], index = headerIndex(def)): ColumnMap {
  const columns: (string | null)[] = [];
  const headerOf = new Map<string, string>();
  const ignored: string[] = [];
  cells.forEach((c, i) => {
    const text = cellText(c);
    const field = text ? index.get(normaliseHeader(text)) : undefined;
    if (text && !field) ignored.push(text);
    if (field && headerOf.has(field.key)) {
      throw new AppError('HEADER_DUPLICATE', 400, `第 ${i + 1} 列“${text}”与“${headerOf.get(field.key)}”是同一字段（${field.label}），请删除其中一列。`);
    }
    if (field) headerOf.set(field.key, text!);
    columns[i] = field?.key ?? null;
  });
  const missing = def.fields.filter((f) => f.required && !headerOf.has(f.key)).map((f) => f.label);
  if (missing.length) {
    throw new AppError('HEADER_MISSING', 400, `文件缺少必填列：${missing.join('、')}。请使用目录中的列名（中文名或英文键），可下载填报模板对照。`);
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
