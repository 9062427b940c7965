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

/** Where a number cell came from: Excel keeps 15 significant digits, JSON (JavaScript) exact integers up to 2^53. */
export type NumberOrigin = 'excel' | 'json';

export interface ParseIssue {
  code: string;
  reason: string;
}
export type Parsed<T> = { value: T } | { issue: ParseIssue };

const DEFAULT_MAX_LENGTH = 2000;
const SEPARATORS = /[；;、,，]/;
// Excel day serials: 1 = 1900-01-01 with the 1900 leap-year bug, so serial 60 is the fictitious 1900-02-29.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

const HEADER_SPACES = /[\s\u200B-\u200D\uFEFF]/g;
// Marks templates put on required columns: *, ★, a leading 【必填】 or a trailing (必填项)
const HEADER_MARKS = /[*＊★☆]|^[【\[(]?(?:必填项?|选填|可选|非必填)[】\])]|[(【\[](?:必填项?|选填|可选|非必填)[)】\]]$/g;

/** Header text as people write it: full-width folded, spaces, required-marks removed (also JSON keys: kept cheap). */
export function normaliseHeader(h: string): string {
  return h.normalize('NFKC').replace(HEADER_SPACES, '').replace(HEADER_MARKS, '').toLowerCase();
}

/** ASCII, CJK ideographs and punctuation, full-width forms: text NFC leaves as it is. */
const NFC_STABLE = /^[\x00-\x7f\u3000-\u3029\u3030-\u303f\u4e00-\u9fff\uff00-\uffef]*$/;

/**
 * Excel's ways of keeping a value text: ="0012345" (a formula guard, as exported to CSV) and a leading
 * apostrophe ('330106…). Neither is part of the value. Checked by character code: most cells start otherwise.
 */
function unguarded(s: string): string {
  const c = s.charCodeAt(0);
  if (c === 0x27 || c === 0x2018) return s.slice(1).trim(); // ' (or the curly one some editors substitute)
  if (c === 0x3d && s.length >= 3 && s.charCodeAt(1) === 0x22 && s.charCodeAt(s.length - 1) === 0x22) {
    const inner = s.slice(2, -1);
    if (!inner.includes('"')) return inner.trim(); // ="a"&"b" is a real formula, left as written
  }
  return s;
}

/** Plain text of a cell, trimmed, NFC, Excel's text guards removed; null when empty. Numbers keep their JavaScript form. */
export function cellText(cell: Cell): string | null {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date) return isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') return String(cell);
  let s = String(cell);
  if (!NFC_STABLE.test(s)) s = s.normalize('NFC'); // most cells: skip the costly normalisation
  s = s.trim();
  if (s !== '' && (s.charCodeAt(0) === 0x27 || s.charCodeAt(0) === 0x3d || s.charCodeAt(0) === 0x2018)) s = unguarded(s);
  return s === '' ? null : s;
}

// Excel's General format shows a number of 12 or more digits as 4.40305E+15; a CSV saved from it keeps
// that text, the digits after the sixth are gone.
const EXCEL_SCIENTIFIC = /^-?\d(?:\.\d{1,14})?E\+(\d{2})$/i;

/** A long code that reached us as a number or in scientific form has lost digits: the reason why, or null. */
export function precisionIssue(cell: Cell, origin: NumberOrigin = 'excel'): ParseIssue | null {
  if (typeof cell === 'number') {
    if (origin === 'json') {
      if (Math.abs(cell) <= Number.MAX_SAFE_INTEGER) return null;
      return { code: 'NUMBER_PRECISION', reason: `该值是 JSON 数字（${String(cell)}），超出了 JavaScript/JSON 数字的精度（约 15–16 位有效数字），位数已丢失；请把该字段作为字符串（加引号）发送` };
    }
    if (!(Math.abs(cell) >= 1e15)) return null;
    const shown = cell.toExponential(5).replace(/\.?0+e/, 'e').toUpperCase();
    return { code: 'NUMBER_PRECISION', reason: `该单元格是数字格式，Excel 只保留 15 位有效数字（显示为 ${shown}），位数已丢失；请将该列设为文本格式后重新填写或导出` };
  }
  if (typeof cell !== 'string' || cell.length < 5 || cell.length > 24) return null;
  const s = cell.trim();
  const m = EXCEL_SCIENTIFIC.exec(s);
  if (!m || Number(m[1]) < 11) return null;
  return { code: 'NUMBER_PRECISION', reason: `该值被 Excel 显示为科学计数法（${s}），位数已丢失；请将该列设为文本格式后重新导出` };
}

function issue(code: string, reason: string): { issue: ParseIssue } {
  return { issue: { code, reason } };
}

export function parseText(cell: Cell, field: Pick<FieldDef, 'maxLength'>, origin: NumberOrigin = 'excel'): Parsed<string | null> {
  const lost = precisionIssue(cell, origin);
  if (lost) return { issue: lost };
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

/** 20240305 held as a number (typed without separators): a serial that large would be year 50000+. */
function numericYmd(n: number): string | null {
  if (!Number.isInteger(n) || n < 19000101 || n > 21001231) return null;
  const s = String(n);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

/** A real calendar date, written in any of the usual ways, an Excel day serial, or yyyymmdd as a number. */
export function parseDate(cell: Cell, opts: { today: string; notFuture?: boolean }): Parsed<string | null> {
  let iso: string | null = null;
  if (typeof cell === 'number') iso = cell >= 19000101 ? numericYmd(cell) : excelSerialToDate(cell);
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

const NON_ASCII = /[^\x00-\x7f]/;
const NUMBER_SPACES = /\s/g;
const COMMAS = /,/g;
// 1,500 and 12,345.6: commas only between groups of three before the decimal point
const THOUSANDS = /^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/**
 * A number cell as plain digits: full-width folded, spaces removed, thousands commas removed where they
 * group thousands. A comma anywhere else (1,5 — a decimal comma, or a typo) would change the amount.
 * A JavaScript number is rounded to 15 significant digits: 0.1 + 0.2 computed in Excel is 0.30000000000000004.
 */
function numberText(cell: Cell): string | ParseIssue | null {
  if (typeof cell === 'number') {
    const s = String(cell);
    return s.length > 15 && Number.isFinite(cell) ? String(Number(cell.toPrecision(15))) : s;
  }
  let s = cellText(cell);
  if (s === null) return null;
  if (NON_ASCII.test(s)) s = s.normalize('NFKC');
  s = s.replace(NUMBER_SPACES, '');
  if (s.includes(',')) {
    if (!THOUSANDS.test(s)) return { code: 'INVALID_NUMBER_FORMAT', reason: `数字格式不正确：${s}（千分位逗号位置不对，小数点请用 .）` };
    s = s.replace(COMMAS, '');
  }
  return s;
}

export function parseInteger(cell: Cell, field: Pick<FieldDef, 'min'>): Parsed<number | null> {
  const s = numberText(cell);
  if (s === null) return { value: null };
  if (typeof s !== 'string') return { issue: s };
  if (!INTEGER.test(s)) return issue('INVALID_INTEGER', `“${s}”不是整数`);
  const n = Number(s);
  if (field.min !== undefined && n < field.min) return issue('OUT_OF_RANGE', `不能小于 ${field.min}`);
  return { value: n };
}

const INTEGER = /^-?\d{1,15}$/;
const DECIMAL = /^-?\d{1,15}(\.\d{1,6})?$/;

/** Decimals stay exact strings (as PostgreSQL numeric would): 1,000.50 → "1000.5". */
export function parseDecimal(cell: Cell, field: Pick<FieldDef, 'min'>): Parsed<string | null> {
  const s = numberText(cell);
  if (s === null) return { value: null };
  if (typeof s !== 'string') return { issue: s };
  if (!DECIMAL.test(s)) return issue('INVALID_DECIMAL', `“${s}”不是数字（最多 6 位小数，不带单位）`);
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
export function identifierText(cell: Cell, origin: NumberOrigin = 'excel'): Parsed<string | null> {
  const lost = precisionIssue(cell, origin);
  if (lost) return { issue: lost };
  if (typeof cell === 'number' && !Number.isSafeInteger(cell)) return issue('INVALID_IDENTIFIER', `“${String(cell)}”不是代码`);
  return { value: cellText(cell) };
}

/** The natural key of a row: its key fields' values, normalised so spacing and width do not matter. */
export function naturalKeyOf(def: Pick<InfoTypeDefinition, 'naturalKey'>, values: Record<string, FieldValue>, subjectKey: string): string {
  return def.naturalKey.map((k) => (k === '$subject' ? subjectKey : String(values[k] ?? '').normalize('NFKC').replace(/\s+/g, ''))).join('|');
}
