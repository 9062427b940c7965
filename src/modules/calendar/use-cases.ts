// The working-day calendar: read by every deadline computation, loaded year by year from the State
// Council's notice by the credit office's admins (API or `xinyong calendar import`). ADR 006.
import type { Db } from '../../db/database.js';
import { chinaDate } from '../../domain/identifiers/dates.js';
import {
  dayNumber, deadline, isRealIsoDate, makeCalendar, upcomingYearWarnings, workingDaysBetween, missingYears, missingYearWarning,
  type CalendarDay, type WorkCalendar,
} from '../../domain/working-days.js';
import { errors, type FieldError } from '../../errors.js';
import { recordAudit } from '../audit/record.js';
import { actorOf, isPlatformAdmin, SYSTEM_ACTOR, type Principal } from '../auth/principal.js';
import * as store from './store.js';

export interface YearInput {
  notice?: string | null;
  holidays: { date: string; name: string }[];
  workdays: { date: string; name: string }[];
}

export function today(): string {
  return chinaDate(new Date());
}

/** The whole calendar (a few hundred rows), read per use: no process-local cache to go stale. */
export async function loadCalendar(db: Db): Promise<WorkCalendar> {
  const [days, years] = await Promise.all([store.allDays(db), store.listYears(db)]);
  return makeCalendar(days.map((d) => ({ date: d.day, kind: d.kind, name: d.name })), years.map((y) => y.year));
}

function yearIssues(year: number, input: YearInput): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  const check = (list: { date: string; name: string }[], kind: 'holidays' | 'workdays') => list.forEach((d, i) => {
    const path = `body.${kind}.${i}.date`;
    if (!isRealIsoDate(d.date)) out.push({ path, message: `${d.date} 不是有效日期（YYYY-MM-DD）` });
    else if (Number(d.date.slice(0, 4)) !== year) out.push({ path, message: `${d.date} 不属于 ${year} 年` });
    else if (seen.has(d.date)) out.push({ path, message: `${d.date} 重复出现` });
    else if (kind === 'workdays' && ![0, 6].includes(new Date(`${d.date}T00:00:00Z`).getUTCDay())) {
      out.push({ path, message: `${d.date} 不是周六或周日，无需列为调休上班日` });
    }
    seen.add(d.date);
  });
  check(input.holidays, 'holidays');
  check(input.workdays, 'workdays');
  if (!input.holidays.length) out.push({ path: 'body.holidays', message: '请列出该年全部放假日期（含调休形成的周末假日）' });
  return out;
}

/** Replaces one year's holidays and make-up working days. `principal` null = command line. */
export async function putYear(opts: { db: Db; principal: Principal | null; year: number; input: YearInput; source: 'api' | 'file' }) {
  const { db, principal, year, input } = opts;
  if (principal && !isPlatformAdmin(principal)) throw errors.forbidden('只有信用办管理员可以导入节假日安排。');
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw errors.validation([{ path: 'params.year', message: '年份应在 2000–2100 之间' }]);
  const issues = yearIssues(year, input);
  if (issues.length) throw errors.validation(issues, `${year} 年节假日安排有误：${issues.map((i) => `${i.path} ${i.message}`).join('；')}`);
  const days: CalendarDay[] = [
    ...input.holidays.map((d) => ({ date: d.date, kind: 'holiday' as const, name: d.name || '节假日' })),
    ...input.workdays.map((d) => ({ date: d.date, kind: 'workday' as const, name: d.name || '调休上班' })),
  ];
  const actor = principal ? actorOf(principal) : SYSTEM_ACTOR;
  await db.transaction().execute(async (tx) => {
    const before = await store.findYear(tx, year);
    await store.replaceYear(tx, { year, source: opts.source, notice: input.notice ?? null, actorType: actor.type, actorId: actor.id, days });
    await recordAudit(tx, { actor, action: 'calendar.year_loaded', entityType: 'calendar', entityId: String(year),
      data: { year, notice: input.notice ?? null, holidays: input.holidays.length, workdays: input.workdays.length, replaced: before?.source ?? null, via: opts.source } });
  });
  return getYear({ db, year });
}

export async function getYear(opts: { db: Db; year: number }) {
  const y = await store.findYear(opts.db, opts.year);
  if (!y) throw errors.notFound(`${opts.year} 年的节假日安排`);
  const days = await store.daysOfYear(opts.db, opts.year);
  return {
    year: y.year, source: y.source, notice: y.notice, loadedAt: y.loaded_at.toISOString(),
    holidays: days.filter((d) => d.kind === 'holiday').map((d) => ({ date: d.day, name: d.name })),
    workdays: days.filter((d) => d.kind === 'workday').map((d) => ({ date: d.day, name: d.name })),
  };
}

export async function calendarStatus(opts: { db: Db; today?: string }) {
  const now = opts.today ?? today();
  const years = await store.listYears(opts.db);
  const cal = makeCalendar([], years.map((y) => y.year));
  const year = Number(now.slice(0, 4));
  return {
    today: now,
    years: years.map((y) => ({ year: y.year, source: y.source, notice: y.notice, loadedAt: y.loaded_at.toISOString(), holidays: Number(y.holidays), workdays: Number(y.workdays) })),
    currentYearLoaded: cal.years.has(year),
    nextYearLoaded: cal.years.has(year + 1),
    warnings: upcomingYearWarnings(now, cal),
  };
}

export async function computeDeadline(opts: { db: Db; from: string; workingDays: number }) {
  if (!isRealIsoDate(opts.from)) throw errors.validation([{ path: 'querystring.from', message: '应为有效日期（YYYY-MM-DD）' }]);
  const cal = await loadCalendar(opts.db);
  const d = deadline(opts.from, opts.workingDays, cal);
  return { from: opts.from, workingDays: opts.workingDays, date: d.date, warnings: [...new Set([...d.warnings, ...upcomingYearWarnings(today(), cal)])] };
}

export async function countWorkingDays(opts: { db: Db; from: string; to: string }) {
  for (const [k, v] of [['from', opts.from], ['to', opts.to]]) if (!isRealIsoDate(v)) throw errors.validation([{ path: `querystring.${k}`, message: '应为有效日期（YYYY-MM-DD）' }]);
  const cal = await loadCalendar(opts.db);
  return { from: opts.from, to: opts.to, workingDays: workingDaysBetween(opts.from, opts.to, cal), calendarDays: dayNumber(opts.to) - dayNumber(opts.from),
    warnings: missingYears(opts.from, opts.to, cal).map(missingYearWarning) };
}
