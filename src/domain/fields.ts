// Catalog field definitions and the parsing of one cell into a typed value (pure). A value arrives
// as a spreadsheet gives it: text, a number (Excel keeps dates as day serials and may have turned a
// long code into a float), a Date, or nothing. Each parser returns the canonical value or a Chinese
// reason with a stable code, so a rejected row can say exactly what to fix.
import { isRealIsoDate } from './working-days.js';

export type SubjectKind = 'organization' | 'individual_business' | 'natural_person';
export type FieldType = 'text' | 'date' | 'integer' | 'decimal' | 'enum' | 'identifier';
export type IdentifierKind = 'uscc' | 'ric';
export type Disclosure = 'public' | 'shared' | 'restricted';
export type Cell = string | number | boolean | Date | null | undefined;
export type FieldValue = string | number | null;

export interface FieldDef {
  key: string;
  label: string;
  type: FieldType;
  required?: boolean;
  /** Personal data: stored encrypted, shown masked, never public. */
  pii?: boolean;
  enum?: string[];
  /** Several enum values in one cell, separated by ；;、,， (e.g. 处罚类别 警告；罚款). */
  multiple?: boolean;
  /** Other spellings accepted for enum values → the canonical value. */
  synonyms?: Record<string, string>;
  identifier?: IdentifierKind;
  /** For ID numbers: validated as 居民身份证 only when this field is empty or 身份证. */
  idTypeField?: string;
  maxLength?: number;
  /** Dates: must not lie after the import day. */
  notFuture?: boolean;
  /** Dates: must not lie before this other date field. */
  notBefore?: string;
  min?: number;
  /** Other header spellings (older templates, the national data standard's column codes). */
  aliases?: string[];
  description?: string;
}

export interface SubjectMapping {
  name: string;
  category?: string;
  uscc?: string;
  orgCode?: string;
  regNo?: string;
  idType?: string;
  idNumber?: string;
}

export interface RequireRule {
  when: { field: string; in?: string[]; includes?: string };
  require: string[];
}

export interface InfoTypeDefinition {
  code: string;
  name: string;
  category: string;
  description?: string;
  subjectKinds: SubjectKind[];
  disclosure: Disclosure;
  /** 双公示 (licences and penalties): timeliness within 7 working days is measured. */
  dualPublicity: boolean;
  /** Which publication-window policy applies (data/catalog/publication-policies.json). */
  publication: 'penalty' | null;
  /** Field keys; '$subject' is the subject's code (USCC, or the blind index of an ID number). */
  naturalKey: string[];
  subject: SubjectMapping;
  decidedOn: string | null;
  severity?: string | null;
  rules?: RequireRule[];
  /** Department codes allowed to deliver this type; empty = any provider department. */
  providerDepartments: string[];
  /** The list type this information feeds, when it does (for lists and checks). */
  feedsListType?: string | null;
  /** Objection deadlines for its records in working days (accept, forward, decide); absent = the platform default. */
  objectionDays?: number[] | null;
  source?: string;
  fields: FieldDef[];
}

export interface ParseIssue {
  code: string;
  reason: string;
}
export type Parsed<T> = { value: T } | { issue: ParseIssue };

const DEFAULT_MAX_LENGTH = 2000;
const SEPARATORS = /[；;、,，]/;
// Excel day serials: 1 = 1900-01-01 with the 1900 leap-year bug, so serial 60 is the fictitious 1900-02-29.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Header text as people write it: full-width folded, spaces, required-marks and notes removed. */
export function normaliseHeader(h: string): string {
  return h.normalize('NFKC').replace(/[\s\u200B-\u200D\uFEFF]/g, '').replace(/[*＊]/g, '')
    .replace(/\((必填|选填|可选|非必填)\)$/, '').toLowerCase();
}

/** ASCII, CJK ideographs and punctuation, full-width forms: text NFC leaves as it is. */
const NFC_STABLE = /^[\x00-\x7f\u3000-\u3029\u3030-\u303f\u4e00-\u9fff\uff00-\uffef]*$/;

/** Plain text of a cell, trimmed, NFC; null when empty. Numbers keep their JavaScript form. */
export function cellText(cell: Cell): string | null {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date) return isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  let s = String(cell);
  if (!NFC_STABLE.test(s)) s = s.normalize('NFC'); // most cells: skip the costly normalisation
  s = s.trim();
  return s === '' ? null : s;
}

function issue(code: string, reason: string): { issue: ParseIssue } {
  return { issue: { code, reason } };
}

export function parseText(cell: Cell, field: Pick<FieldDef, 'maxLength'>): Parsed<string | null> {
  const s = cellText(cell);
  const max = field.maxLength ?? DEFAULT_MAX_LENGTH;
  // UTF-16 length bounds the character count from above: count characters only when it might matter
  if (s !== null && s.length > max && [...s].length > max) return issue('TOO_LONG', `长度不能超过 ${max} 个字符（实际 ${[...s].length} 个）`);
  return { value: s };
}

function excelSerialToDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

const DATE_PATTERNS: RegExp[] = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/** A real calendar date, written in any of the usual ways, or an Excel day serial. */
export function parseDate(cell: Cell, opts: { today: string; notFuture?: boolean }): Parsed<string | null> {
  let iso: string | null = null;
  if (typeof cell === 'number') iso = excelSerialToDate(cell);
  else {
    const s = cellText(cell)?.normalize('NFKC');
    if (s === null || s === undefined) return { value: null };
    if (/^\d{5}(\.\d+)?$/.test(s)) iso = excelSerialToDate(Number(s));
    for (const re of DATE_PATTERNS) {
      const m = iso ? null : re.exec(s);
      if (m) iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
    }
  }
  if (!iso || !isRealIsoDate(iso)) return issue('INVALID_DATE', `“${cellText(cell)}”不是有效日期，请写成 2026-03-15 的形式`);
  if (opts.notFuture && iso > opts.today) return issue('FUTURE_DATE', `日期 ${iso} 晚于今天（${opts.today}），决定日期不能在将来`);
  return { value: iso };
}

function numberText(cell: Cell): string | null {
  const s = cellText(cell);
  return s === null ? null : s.normalize('NFKC').replace(/[,\s]/g, '');
}

export function parseInteger(cell: Cell, field: Pick<FieldDef, 'min'>): Parsed<number | null> {
  const s = numberText(cell);
  if (s === null) return { value: null };
  if (!/^-?\d{1,15}$/.test(s)) return issue('INVALID_INTEGER', `“${s}”不是整数`);
  const n = Number(s);
  if (field.min !== undefined && n < field.min) return issue('OUT_OF_RANGE', `不能小于 ${field.min}`);
  return { value: n };
}

/** Decimals stay exact strings (as PostgreSQL numeric would): 1,000.50 → "1000.5". */
export function parseDecimal(cell: Cell, field: Pick<FieldDef, 'min'>): Parsed<string | null> {
  const s = typeof cell === 'number' ? String(cell) : numberText(cell);
  if (s === null) return { value: null };
  if (!/^-?\d{1,15}(\.\d{1,6})?$/.test(s)) return issue('INVALID_DECIMAL', `“${s}”不是数字（最多 6 位小数，不带单位）`);
  if (field.min !== undefined && Number(s) < field.min) return issue('OUT_OF_RANGE', `不能小于 ${field.min}`);
  return { value: s.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '') };
}

export function parseEnum(cell: Cell, field: Pick<FieldDef, 'enum' | 'synonyms' | 'multiple'>): Parsed<string | null> {
  const s = cellText(cell)?.normalize('NFKC');
  if (s === null || s === undefined) return { value: null };
  const allowed = field.enum ?? [];
  const canonical = (v: string) => {
    const t = v.trim();
    const mapped = field.synonyms?.[t] ?? t;
    return allowed.includes(mapped) ? mapped : null;
  };
  const parts = field.multiple ? s.split(SEPARATORS).map((p) => p.trim()).filter(Boolean) : [s];
  const values = parts.map(canonical);
  const bad = parts.filter((_, i) => values[i] === null);
  if (bad.length || !parts.length) {
    return issue('NOT_IN_ENUM', `“${bad.join('、') || s}”不是允许的取值，应为：${allowed.join('、')}${field.multiple ? '（可填多项，用“；”分隔）' : ''}`);
  }
  return { value: [...new Set(values as string[])].join('；') };
}

/**
 * Identifier cells as text. An 18-character code typed into a number cell has lost digits in Excel
 * (it keeps 15 significant digits), which no check can repair: say so rather than "check failed".
 */
export function identifierText(cell: Cell): Parsed<string | null> {
  if (typeof cell === 'number') {
    if (!Number.isSafeInteger(cell)) {
      return issue('NUMBER_PRECISION', '该单元格是数字格式，Excel 只保留 15 位有效数字，代码已失真；请把该列设为“文本”格式后重新填写');
    }
    return { value: String(cell) };
  }
  return { value: cellText(cell) };
}

/** The natural key of a row: its key fields' values, normalised so spacing and width do not matter. */
export function naturalKeyOf(def: Pick<InfoTypeDefinition, 'naturalKey'>, values: Record<string, FieldValue>, subjectKey: string): string {
  return def.naturalKey.map((k) => (k === '$subject' ? subjectKey : String(values[k] ?? '').normalize('NFKC').replace(/\s+/g, ''))).join('|');
}
