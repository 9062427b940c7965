// `xinyong calendar import FILE`: a year's notice as JSON ({year, notice, holidays: [{date, name}],
// workdays: [...]}, or an array of those, or an array of {date, kind, name}) or CSV with the
// columns date, kind (holiday|workday, or 放假|上班), name [, notice]. Every year in the file is
// replaced as a whole.
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { detectEncodingOf, iconvName } from '../collection/encoding.js';
import { putYear, type YearInput } from './use-cases.js';

interface DayRow { date: string; kind: string; name?: string; notice?: string }

const KINDS: Record<string, 'holiday' | 'workday'> = { holiday: 'holiday', workday: 'workday', 放假: 'holiday', 休: 'holiday', 节假日: 'holiday', 上班: 'workday', 班: 'workday', 调休上班: 'workday' };
const COLUMNS: Record<string, keyof DayRow> = { date: 'date', 日期: 'date', kind: 'kind', 类型: 'kind', name: 'name', 名称: 'name', 节日: 'name', notice: 'notice', 通知文号: 'notice' };

function bad(detail: string): AppError {
  return new AppError('CALENDAR_FILE_INVALID', 400, detail);
}

function fromRows(rows: DayRow[]): Map<number, YearInput> {
  const years = new Map<number, YearInput>();
  rows.forEach((r, i) => {
    const kind = KINDS[String(r.kind ?? '').trim().toLowerCase()];
    const date = String(r.date ?? '').trim();
    if (!kind || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw bad(`第 ${i + 1} 条：日期应为 YYYY-MM-DD，类型应为 holiday/workday（放假/上班），实际为“${date}”“${r.kind}”。`);
    const year = Number(date.slice(0, 4));
    if (!years.has(year)) years.set(year, { notice: null, holidays: [], workdays: [] });
    const y = years.get(year)!;
    if (r.notice) y.notice = String(r.notice);
    (kind === 'holiday' ? y.holidays : y.workdays).push({ date, name: String(r.name ?? '').trim() });
  });
  return years;
}

export function parseCalendarFile(file: string): Map<number, YearInput> {
  const buf = readFileSync(file);
  const text = iconv.decode(buf, iconvName(detectEncodingOf(buf))).replace(/^\uFEFF/, '');
  if (/\.json$/i.test(file) || /^\s*[[{]/.test(text)) {
    let data: unknown;
    try { data = JSON.parse(text); } catch { throw bad('JSON 格式有误，请检查引号、逗号和括号。'); }
    const list = Array.isArray(data) ? data : [data];
    if (list.every((x) => x && typeof x === 'object' && 'date' in x)) return fromRows(list as DayRow[]);
    const years = new Map<number, YearInput>();
    for (const y of list as ({ year: number } & YearInput)[]) {
      if (!Number.isInteger(y?.year) || !Array.isArray(y.holidays)) throw bad('每个年度应为 {year, notice, holidays: [{date, name}], workdays: [{date, name}]}。');
      years.set(y.year, { notice: y.notice ?? null, holidays: y.holidays, workdays: y.workdays ?? [] });
    }
    return years;
  }
  const records = parse(text, { columns: (h: string[]) => h.map((c) => COLUMNS[c.trim().toLowerCase()] ?? c), skip_empty_lines: true, trim: true }) as DayRow[];
  return fromRows(records);
}

export async function importCalendarFile(db: Db, file: string) {
  const years = parseCalendarFile(file);
  if (!years.size) throw bad('文件中没有日期。');
  const out = [];
  for (const [year, input] of [...years].sort((a, b) => a[0] - b[0])) out.push(await putYear({ db, principal: null, year, input, source: 'file' }));
  return out;
}
